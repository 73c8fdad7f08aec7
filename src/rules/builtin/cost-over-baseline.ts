import type { ProjectRule } from '../types.js';
import { actualAt, money } from '../util.js';

const rule: ProjectRule = {
  id: 'cost-over-baseline',
  description: 'The money spent to date stays within the approved budget (baseline plus approved changes).',
  category: 'cost',
  governance: true,
  thresholds: [],
  messages: {
    over: 'spent to date {{actual}} is {{over}} above the approved budget {{approved}} (baseline {{baseline}} + approved changes {{changes}}): the project is spending money nobody approved',
  },
  scope: 'project',
  check(project, ctx) {
    const measures = ctx.measure(project);
    const approved = measures.approvedBudget;
    const actual = measures.actualCost;
    if (approved === null || actual === null || actual <= approved) return;
    ctx.report({
      messageId: 'over',
      data: {
        actual: money(actual), over: money(actual - approved), approved: money(approved), baseline: money(project.budget!.baseline!),
        changes: money(measures.approvedChanges.cost),
      },
      ...actualAt(project),
    });
  },
};

export default rule;
