import type { ProjectRule } from '../types.js';
import { isClosed } from '../util.js';

const rule: ProjectRule = {
  id: 'milestone-overdue',
  description: 'A milestone whose date has passed has an actual date.',
  category: 'schedule',
  governance: true,
  thresholds: [],
  messages: {
    overdue: 'milestone {{id}} "{{name}}" was due {{due}} ({{days}} days ago) and has no actual date',
  },
  scope: 'project',
  check(project, ctx) {
    if (isClosed(project, ctx.config.lifecycle)) return;
    const overdue = new Map(ctx.measure(project).overdueMilestones.map((m) => [m.id, m]));
    (project.milestones ?? []).forEach((milestone, index) => {
      const late = overdue.get(milestone.id);
      if (!late) return;
      ctx.report({
        messageId: 'overdue',
        data: { id: milestone.id, name: milestone.name, due: late.due, days: late.days_overdue },
        path: ['milestones', index, milestone.forecast ? 'forecast' : 'baseline'],
        item: milestone.id,
      });
    });
  },
};

export default rule;
