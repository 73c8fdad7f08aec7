import type { ProjectRule } from '../types.js';
import { approvedChanges, money } from '../util.js';

const rule: ProjectRule = {
  id: 'cost-over-baseline',
  description: 'The money spent to date stays within the baseline budget plus approved changes.',
  category: 'cost',
  governance: true,
  thresholds: [],
  messages: {
    over: 'spent to date {{actual}} is {{over}} above the approved budget {{approved}} (baseline {{baseline}} + approved changes {{changes}}): the project is spending money nobody approved',
  },
  scope: 'project',
  check(project, ctx) {
    const baseline = project.budget?.baseline;
    const actual = project.budget?.actual;
    if (baseline == null || actual == null) return;
    const changes = approvedChanges(project).cost;
    const approved = baseline + changes;
    if (actual <= approved) return;
    ctx.report({
      messageId: 'over',
      data: {
        actual: money(actual), over: money(actual - approved), approved: money(approved), baseline: money(baseline),
        changes: money(changes),
      },
      path: ['budget', 'actual'],
    });
  },
};

export default rule;
