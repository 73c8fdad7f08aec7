import { daysBetween } from '../../model/dates.js';
import type { ProjectRule } from '../types.js';

const rule: ProjectRule = {
  id: 'milestone-slip',
  description: "An open milestone's forecast stays within the milestone slip threshold of its baseline.",
  category: 'schedule',
  governance: true,
  thresholds: ['milestone_slip_days'],
  messages: {
    slip: 'milestone {{id}} "{{name}}" is forecast for {{forecast}}, {{days}} days after its baseline {{baseline}} (limit {{limit}}): re-plan with the sponsor, or have a change request move its baseline',
  },
  scope: 'project',
  check(project, ctx) {
    if (ctx.measure(project).state !== 'active') return;
    const limit = ctx.thresholds.milestone_slip_days;
    (project.milestones ?? []).forEach((milestone, index) => {
      // Re-forecasting a late milestone silences milestone-overdue; the slip it admits is judged here.
      if (milestone.actual || !milestone.forecast || !milestone.baseline) return;
      const days = daysBetween(milestone.baseline, milestone.forecast);
      if (days <= limit) return;
      ctx.report({
        messageId: 'slip',
        data: { id: milestone.id, name: milestone.name, forecast: milestone.forecast, baseline: milestone.baseline, days, limit },
        path: ['milestones', index, 'forecast'],
        item: milestone.id,
      });
    });
  },
};

export default rule;
