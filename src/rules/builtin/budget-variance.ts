import type { ProjectRule } from '../types.js';
import { money, pct } from '../util.js';

const rule: ProjectRule = {
  id: 'budget-variance',
  description: 'The forecast cost stays within the variance threshold of the approved budget (baseline plus approved changes).',
  category: 'cost',
  governance: true,
  thresholds: ['budget_variance_pct'],
  messages: {
    over: 'the {{source}} {{forecast}} is {{excess}} over the approved budget {{approved}} (baseline {{baseline}} + approved changes {{changes}}): {{variance}} over, the limit is {{limit}}; raise a change request or re-plan',
  },
  scope: 'project',
  check(project, ctx) {
    const measures = ctx.measure(project);
    const variance = measures.budgetVariance;
    if (variance === null || variance.pct === null || variance.pct <= ctx.thresholds.budget_variance_pct) return;
    const forecast = measures.forecastCost!;
    ctx.report({
      messageId: 'over',
      data: {
        source: forecast.source === 'forecast' ? 'forecast' : 'EAC',
        forecast: money(forecast.amount),
        excess: money(variance.amount),
        variance: pct(variance.pct),
        approved: money(measures.approvedBudget!),
        baseline: money(project.budget!.baseline!),
        changes: money(measures.approvedChanges.cost),
        limit: pct(ctx.thresholds.budget_variance_pct),
      },
      path: forecast.source === 'forecast' ? ['budget', 'forecast'] : ['budget', 'baseline'],
    });
  },
};

export default rule;
