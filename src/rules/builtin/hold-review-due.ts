import type { ProjectRule } from '../types.js';
import { addDays } from '../../model/dates.js';

const rule: ProjectRule = {
  id: 'hold-review-due',
  description: 'A project on hold is reviewed by the date its hold decision set.',
  category: 'communication',
  governance: true,
  thresholds: [],
  messages: {
    due: 'the project has been on hold since {{since}} ({{reason}}) and its review was due {{review}}: resume it, cancel it, or record a new review date',
  },
  scope: 'project',
  check(project, ctx) {
    const hold = ctx.measure(project).currentHold;
    if (!hold) return;
    // Due from the day after the review date on; once due, the words name no day that moves.
    ctx.sameFindingsUntil(hold.review_by >= ctx.today ? addDays(hold.review_by, 1) : null);
    if (hold.review_by >= ctx.today) return;
    const index = project.holds!.indexOf(hold);
    ctx.report({ messageId: 'due', data: { since: hold.since, reason: hold.reason, review: hold.review_by }, path: ['holds', index, 'review_by'] });
  },
};

export default rule;
