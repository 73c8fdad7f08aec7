import { nextMonth } from '../../metrics/costs.js';
import type { ProjectRule } from '../types.js';

const rule: ProjectRule = {
  id: 'cost-month-logged',
  description: 'A running project logs its costs for every month since its start (opt-in).',
  category: 'cost',
  governance: false,
  optIn: true,
  thresholds: [],
  messages: {
    missing: 'no cost logged for {{months}}: {{count}} of the months since the project started on {{start}}; log each month\'s costs (pmo import costs reads a finance export), even a month of 0',
  },
  scope: 'project',
  check(project, ctx) {
    if (ctx.measure(project).state !== 'active') return;
    const start = project.dates?.start;
    if (!start) return;
    // The months that are over: from the start's to the one before today's.
    const logged = new Set(ctx.measure(project).costsByMonth.map((m) => m.period));
    const month = ctx.today.slice(0, 7);
    const missing = monthsBetween(start.slice(0, 7), previousMonth(month)).filter((m) => !logged.has(m));
    // The months over change with the month, not the day: the same findings, to the word, until the next one.
    ctx.sameFindingsUntil(`${nextMonth(month)}-01`);
    if (missing.length === 0) return;
    const shown = missing.length > 3 ? `${missing.slice(0, 3).join(', ')} and ${missing.length - 3} more` : missing.join(', ');
    ctx.report({ messageId: 'missing', data: { months: shown, count: missing.length, start }, ...(Array.isArray(project.costs) ? { path: ['costs'], on: 'key' as const } : { path: ['budget'] }) });
  },
};

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM of the month before. */
function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

/** Every month from `from` to `to`, both included (none when `to` is earlier). */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = nextMonth(month)) months.push(month);
  return months;
}

export default rule;
