import { daysBetween } from '../../model/dates.js';
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
    (project.milestones ?? []).forEach((milestone, index) => {
      const due = milestone.forecast ?? milestone.baseline;
      if (milestone.actual || !due || due >= ctx.today) return;
      ctx.report({
        messageId: 'overdue',
        data: { id: milestone.id, name: milestone.name, due, days: daysBetween(due, ctx.today) },
        path: ['milestones', index, milestone.forecast ? 'forecast' : 'baseline'],
        item: milestone.id,
      });
    });
  },
};

export default rule;
