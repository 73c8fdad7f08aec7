import { addDays, daysBetween } from '../../model/dates.js';
import type { ProjectRule } from '../types.js';

const rule: ProjectRule = {
  id: 'change-awaiting-decision',
  description: 'A proposed change request is decided within the change decision threshold.',
  category: 'scope',
  governance: false,
  thresholds: ['change_decision_days'],
  messages: {
    waiting: 'change {{id}} "{{title}}" was raised {{raised}} ({{days}} days ago) and is still proposed; changes are to be decided within {{limit}} days',
  },
  scope: 'project',
  check(project, ctx) {
    const limit = ctx.thresholds.change_decision_days;
    // The same changes wait past the limit until the next one reaches it, only longer each day.
    ctx.sameFindingsUntil(null);
    (project.changes ?? []).forEach((change, index) => {
      if (change.status !== 'proposed' || !change.raised) return;
      const days = daysBetween(change.raised, ctx.today);
      if (days <= limit) return ctx.sameFindingsUntil(addDays(change.raised, limit + 1));
      ctx.report({
        messageId: 'waiting',
        data: { id: change.id, title: change.title, raised: change.raised, days, limit },
        path: ['changes', index, 'status'],
        item: change.id,
        since: { days: change.raised },
      });
    });
  },
};

export default rule;
