import { earnedValue } from '../../metrics/evm.js';
import type { ProjectRule } from '../types.js';
import { approvedChanges, money, pct } from '../util.js';

const rule: ProjectRule = {
  id: 'budget-variance',
  description: 'The forecast cost stays within the variance threshold of the baseline plus approved changes.',
  category: 'cost',
  governance: true,
  thresholds: ['budget_variance_pct'],
  messages: {
    over: 'the {{source}} {{forecast}} is {{excess}} over the approved budget {{approved}} (baseline {{baseline}} + approved changes {{changes}}): {{variance}} of the baseline, the limit is {{limit}}; raise a change request or re-plan',
  },
  scope: 'project',
  check(project, ctx) {
    const baseline = project.budget?.baseline;
    if (!baseline) return;
    // The PM's own forecast when given; otherwise what earned value predicts (EAC), which depends on the day.
    const given = project.budget?.forecast;
    const [forecast, source] = given != null ? [given, 'forecast'] : [earnedValue(project, ctx.today).eac, 'EAC'];
    if (forecast == null) return;
    const changes = approvedChanges(project).cost;
    const approved = baseline + changes;
    const variance = ((forecast - approved) / baseline) * 100;
    if (variance <= ctx.thresholds.budget_variance_pct) return;
    ctx.report({
      messageId: 'over',
      data: {
        source, forecast: money(forecast), excess: money(forecast - approved), variance: pct(variance), approved: money(approved), baseline: money(baseline),
        changes: money(changes), limit: pct(ctx.thresholds.budget_variance_pct),
      },
      path: source === 'forecast' ? ['budget', 'forecast'] : ['budget', 'baseline'],
    });
  },
};

export default rule;
