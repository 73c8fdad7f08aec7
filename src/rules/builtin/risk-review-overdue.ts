import { addDays, daysBetween } from '../../model/dates.js';
import type { ProjectRule } from '../types.js';
import { isOpenRisk } from '../util.js';

const rule: ProjectRule = {
  id: 'risk-review-overdue',
  description: 'An open risk is reviewed by its review date.',
  category: 'risk',
  governance: false,
  thresholds: [],
  messages: {
    overdue: 'risk {{id}} "{{title}}" was due for review on {{due}} ({{days}} days ago); review it and set the next review date',
  },
  scope: 'project',
  check(project, ctx) {
    // Only a running project reviews its risks: not one on hold, closed or cancelled.
    if (ctx.measure(project).state !== 'active') return;
    // The same reviews are overdue until the next one falls due, only later each day.
    let next: string | undefined;
    (project.risks ?? []).forEach((risk, index) => {
      const due = risk.review_by;
      if (!isOpenRisk(risk) || due == null) return;
      if (due >= ctx.today) {
        if (next === undefined || due < next) next = due;
        return;
      }
      ctx.report({
        messageId: 'overdue',
        data: { id: risk.id, title: risk.title, due, days: daysBetween(due, ctx.today) },
        path: ['risks', index, 'review_by'],
        item: risk.id,
        since: { days: due },
      });
    });
    ctx.sameFindingsUntil(next === undefined ? null : addDays(next, 1));
  },
};

export default rule;
