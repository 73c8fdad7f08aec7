import type { ProjectRule } from '../types.js';
import { runningFrom } from '../util.js';

const rule: ProjectRule = {
  id: 'baseline-set',
  description: 'A project from execution on has a signed-off baseline: end date, budget and milestone dates.',
  category: 'schedule',
  governance: true,
  thresholds: [],
  messages: {
    noEnd: 'the project is in {{phase}} but has no dates.baseline_end: the baseline schedule must be set before execution',
    noBudget: 'the project is in {{phase}} but has no budget.baseline: the baseline budget must be set before execution',
    noMilestone: 'milestone {{id}} "{{name}}" has no baseline date, and the project is in {{phase}}: baseline every milestone before execution',
    noApproval: 'the project is in {{phase}} but has no approvals.baseline: the sponsor has not signed off the baseline',
  },
  scope: 'project',
  check(project, ctx) {
    if (!runningFrom(project, ctx, 'execution')) return;
    const phase = project.phase;
    if (!project.dates.baseline_end) ctx.report({ messageId: 'noEnd', data: { phase }, path: ['dates', 'baseline_end'] });
    if (project.budget?.baseline == null) ctx.report({ messageId: 'noBudget', data: { phase }, path: ['budget', 'baseline'] });
    (project.milestones ?? []).forEach((milestone, index) => {
      if (milestone.baseline) return;
      ctx.report({
        messageId: 'noMilestone',
        data: { id: milestone.id, name: milestone.name, phase },
        path: ['milestones', index, 'baseline'],
        item: milestone.id,
      });
    });
    if (!project.approvals?.baseline) ctx.report({ messageId: 'noApproval', data: { phase }, path: ['approvals', 'baseline'] });
  },
};

export default rule;
