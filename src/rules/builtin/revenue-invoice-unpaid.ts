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
    const measures = ctx.measure(project);
    const rows = new Map(measures.billing.map((row) => [row.id, row]));
    // The same invoices are unpaid past their days until the next one's run out, only longer each day.
    ctx.sameFindingsUntil(null);
    (project.revenue ?? []).forEach((billing, index) => {
      const row = rows.get(billing.id);
      if (!billing.invoiced || !row) return;
      if (!row.overdue) return ctx.sameFindingsUntil(measures.billingOverdueFrom(billing));
      ctx.report({
        messageId: 'unpaid',
        data: { id: billing.id, amount: money(billing.amount), invoiced: billing.invoiced, since: row.overdue_since!, days: row.days_overdue!, limit: ctx.thresholds.invoice_payment_days },
        path: ['revenue', index, 'received'],
        item: billing.id,
        since: { days: row.overdue_since! },
      });
    });
  },
};

export default rule;
