import type { ProjectRule } from '../types.js';
import { money } from '../util.js';

const rule: ProjectRule = {
  id: 'revenue-invoice-unpaid',
  description: 'An invoiced billing milestone is paid within the invoice payment threshold.',
  category: 'revenue',
  governance: true,
  thresholds: ['invoice_payment_days'],
  messages: {
    unpaid: 'billing milestone {{id}} ({{amount}}) was invoiced {{invoiced}} and no payment is recorded: payment was due by {{since}} ({{limit}} days after the invoice), {{days}} days ago',
  },
  scope: 'project',
  check(project, ctx) {
    const rows = new Map(ctx.measure(project).billing.map((row) => [row.id, row]));
    (project.revenue ?? []).forEach((billing, index) => {
      const row = rows.get(billing.id);
      if (!billing.invoiced || !row?.overdue) return;
      ctx.report({
        messageId: 'unpaid',
        data: { id: billing.id, amount: money(billing.amount), invoiced: billing.invoiced, since: row.overdue_since!, days: row.days_overdue!, limit: ctx.thresholds.invoice_payment_days },
        path: ['revenue', index, 'received'],
        item: billing.id,
      });
    });
  },
};

export default rule;
