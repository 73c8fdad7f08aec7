import type { ProjectRule } from '../types.js';

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
    // Nothing is overdue while the project is held (the measure says none), nor once it is finished.
    if (ctx.measure(project).finished) return;
    const overdue = new Map(ctx.measure(project).overdueMilestones.map((m) => [m.id, m]));
    // The same milestones are overdue until the next one falls due, only later each day.
    ctx.sameFindingsUntil(ctx.measure(project).nextOverdueMilestoneDay);
    (project.milestones ?? []).forEach((milestone, index) => {
      const late = overdue.get(milestone.id);
      if (!late) return;
      ctx.report({
        messageId: 'overdue',
        data: { id: milestone.id, name: milestone.name, due: late.due, days: late.days_overdue },
        path: ['milestones', index, milestone.forecast ? 'forecast' : 'baseline'],
        item: milestone.id,
        since: { days: late.due },
      });
    });
  },
};

export default rule;
