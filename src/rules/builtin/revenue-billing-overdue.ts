import type { ProjectRule } from '../types.js';
import { money } from '../util.js';

const rule: ProjectRule = {
  id: 'revenue-billing-overdue',
  description: 'A billing milestone whose due date has passed has been invoiced.',
  category: 'revenue',
  governance: true,
  thresholds: [],
  messages: {
    uninvoiced: 'billing milestone {{id}} ({{amount}}) was due {{due}} ({{days}} days ago) and has not been invoiced',
  },
  scope: 'project',
  check(project, ctx) {
    const measures = ctx.measure(project);
    const rows = new Map(measures.billing.map((row) => [row.id, row]));
    // The same milestones are overdue until the next one falls due, only later each day.
    ctx.sameFindingsUntil(null);
    (project.revenue ?? []).forEach((billing, index) => {
      const row = rows.get(billing.id);
      if (billing.invoiced || !row) return;
      if (!row.overdue) return ctx.sameFindingsUntil(measures.billingOverdueFrom(billing));
      ctx.report({
        messageId: 'uninvoiced',
        data: { id: billing.id, amount: money(billing.amount), due: billing.due, days: row.days_overdue! },
        path: ['revenue', index, 'invoiced'],
        item: billing.id,
        since: { days: row.overdue_since! },
      });
    });
  },
};

export default rule;
