import { daysBetween } from '../../model/dates.js';
import type { ProjectRule } from '../types.js';
import { money } from '../util.js';

const rule: ProjectRule = {
  id: 'revenue-invoice-unpaid',
  description: 'An invoiced billing milestone is paid within the invoice payment threshold.',
  category: 'revenue',
  governance: true,
  thresholds: ['invoice_payment_days'],
  messages: {
    unpaid: 'billing milestone {{id}} ({{amount}}) was invoiced {{invoiced}} ({{days}} days ago) and no payment is recorded; the limit is {{limit}} days',
  },
  scope: 'project',
  check(project, ctx) {
    const limit = ctx.thresholds.invoice_payment_days;
    (project.revenue ?? []).forEach((billing, index) => {
      if (!billing.invoiced || billing.received) return;
      const days = daysBetween(billing.invoiced, ctx.today);
      if (days <= limit) return;
      ctx.report({
        messageId: 'unpaid',
        data: { id: billing.id, amount: money(billing.amount), invoiced: billing.invoiced, days, limit },
        path: ['revenue', index, 'received'],
        item: billing.id,
      });
    });
  },
};

export default rule;
