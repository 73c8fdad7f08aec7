import type { ProjectRule } from '../types.js';
import { logsCosts } from '../../metrics/costs.js';
import { money } from '../util.js';

const rule: ProjectRule = {
  id: 'cost-log-mismatch',
  description: 'A project that logs its costs by month gives no budget.actual, or the one its log sums to.',
  category: 'cost',
  governance: true,
  thresholds: [],
  messages: {
    differs: 'budget.actual says {{actual}} but the cost log sums to {{logged}} ({{gap}} apart): the money spent to date is the log\'s sum; remove budget.actual or correct it',
  },
  scope: 'project',
  check(project, ctx) {
    const given = project.budget?.actual;
    if (given == null || !logsCosts(project)) return;
    const logged = ctx.measure(project).actualCost!;
    // Cents apart is the same figure: sums of decimal amounts are not exact in binary.
    if (Math.abs(given - logged) < 0.005) return;
    ctx.report({ messageId: 'differs', data: { actual: money(given), logged: money(logged), gap: money(Math.abs(given - logged)) }, path: ['budget', 'actual'] });
  },
};

export default rule;
