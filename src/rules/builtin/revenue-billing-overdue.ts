import { daysBetween } from '../../model/dates.js';
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
    (project.revenue ?? []).forEach((billing, index) => {
      if (billing.invoiced || billing.due >= ctx.today) return;
      ctx.report({
        messageId: 'uninvoiced',
        data: { id: billing.id, amount: money(billing.amount), due: billing.due, days: daysBetween(billing.due, ctx.today) },
        path: ['revenue', index, 'invoiced'],
        item: billing.id,
      });
    });
  },
};

export default rule;
