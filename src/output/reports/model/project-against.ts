/**
 * A project now against the project at a named baseline (a git tag such as `baseline-2026`): what moved, with
 * the change in days or money. Pure: both versions' data in, rows out.
 */
import { daysBetween } from '../../../model/dates.js';
import type { ProjectMeasures } from '../../../metrics/measures.js';

export interface Delta {
  field: string;
  then: string | number | null;
  now: string | number | null;
  /** Days later (dates), money or count more (numbers); null when either side is missing or not a number. */
  change: number | null;
  unit: 'days' | 'money' | 'count' | 'ratio' | null;
}

/** `then` and `now`: the two versions' measures, each on its own day. */
export function projectAgainst(thenMeasures: ProjectMeasures, nowMeasures: ProjectMeasures): Delta[] {
  const [then, now] = [thenMeasures.project, nowMeasures.project];
  const rows: Delta[] = [];
  const date = (field: string, a?: string | null, b?: string | null) =>
    rows.push({ field, then: a ?? null, now: b ?? null, change: a && b ? daysBetween(a, b) : null, unit: 'days' });
  const number = (field: string, unit: Delta['unit'], a?: number | null, b?: number | null) =>
    rows.push({ field, then: a ?? null, now: b ?? null, change: a == null || b == null ? null : Math.round((b - a) * 1000) / 1000, unit });
  const text = (field: string, a?: string | null, b?: string | null) => rows.push({ field, then: a ?? null, now: b ?? null, change: null, unit: null });

  text('phase', then.phase, now.phase);
  text('overall status', thenMeasures.status.update?.overall, nowMeasures.status.update?.overall);
  date('dates.baseline_end', then.dates.baseline_end, now.dates.baseline_end);
  date('dates.forecast_end', then.dates.forecast_end, now.dates.forecast_end);
  number('budget.baseline', 'money', then.budget?.baseline, now.budget?.baseline);
  number('budget.forecast', 'money', then.budget?.forecast, now.budget?.forecast);
  number('actual cost', 'money', thenMeasures.actualCost, nowMeasures.actualCost);
  number('approved budget', 'money', thenMeasures.approvedBudget, nowMeasures.approvedBudget);
  const [evmThen, evmNow] = [thenMeasures.evm, nowMeasures.evm];
  number('CPI', 'ratio', round(evmThen.cpi), round(evmNow.cpi));
  number('SPI', 'ratio', round(evmThen.spi), round(evmNow.spi));
  const before = new Map((then.milestones ?? []).map((m) => [m.id, m]));
  for (const m of now.milestones ?? []) {
    const old = before.get(m.id);
    const was = old ? (old.actual ?? old.forecast ?? old.baseline) : undefined;
    const is = m.actual ?? m.forecast ?? m.baseline;
    if (!old || was !== is) date(`milestone ${m.id} ${m.actual ? 'actual' : 'due'}`, was, is);
  }
  for (const [id, old] of before) if (!(now.milestones ?? []).some((m) => m.id === id)) date(`milestone ${id} (removed)`, old.forecast ?? old.baseline, null);
  number('open risks', 'count', thenMeasures.openRisks.length, nowMeasures.openRisks.length);
  number('open issues', 'count', thenMeasures.openIssues.length, nowMeasures.openIssues.length);
  number('approved changes', 'count', (then.changes ?? []).filter((c) => c.status === 'approved').length, (now.changes ?? []).filter((c) => c.status === 'approved').length);
  return rows;
}

const round = (n: number | null) => (n === null ? null : Math.round(n * 10000) / 10000);
