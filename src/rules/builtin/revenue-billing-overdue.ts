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
    const rows = new Map(ctx.measure(project).billing.map((row) => [row.id, row]));
    (project.revenue ?? []).forEach((billing, index) => {
      const row = rows.get(billing.id);
      if (billing.invoiced || !row?.overdue) return;
      ctx.report({
        messageId: 'uninvoiced',
        data: { id: billing.id, amount: money(billing.amount), due: billing.due, days: row.days_overdue! },
        path: ['revenue', index, 'invoiced'],
        item: billing.id,
      });
    });
  },
};

export default rule;
