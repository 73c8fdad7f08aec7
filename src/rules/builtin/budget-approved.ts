import type { ProjectRule } from '../types.js';
import { runningFrom } from '../util.js';

const rule: ProjectRule = {
  id: 'budget-approved',
  description: 'A project from execution on has a budget with its approver recorded.',
  category: 'cost',
  governance: true,
  thresholds: [],
  messages: {
    unapproved: 'the project is in {{phase}} and its budget has no approved_by: a budget must be approved before execution',
    none: 'the project is in {{phase}} and has no budget: an approved budget is required from execution on',
  },
  scope: 'project',
  check(project, ctx) {
    if (!runningFrom(project, ctx, 'execution')) return;
    if (project.budget?.approved_by) return;
    ctx.report({
      messageId: project.budget ? 'unapproved' : 'none',
      data: { phase: project.phase },
      path: ['budget', 'approved_by'],
    });
  },
};

export default rule;
