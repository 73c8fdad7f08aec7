import { hasLiveAction } from '../../metrics/audit-actions.js';
import { daysBetween } from '../../model/dates.js';
import type { AuditRule } from '../types.js';

const rule: AuditRule = {
  id: 'audit-finding-without-action',
  description: 'Every audit finding gets a corrective or preventive action within `finding_action_days` of the audit.',
  category: 'audit',
  governance: true,
  thresholds: ['finding_action_days'],
  messages: {
    none: 'audit finding {{id}} ("{{message}}") has no action {{days}} days after the audit of {{date}}; decide what will be done about it',
    ineffective: 'audit finding {{id}} ("{{message}}") has no live action: its actions were dropped or did not work; decide what will be done now',
  },
  scope: 'audit',
  check(audit, ctx) {
    const days = daysBetween(audit.date, ctx.today);
    if (days <= ctx.thresholds.finding_action_days) return;
    (audit.findings ?? []).forEach((finding, index) => {
      if (hasLiveAction(finding)) return;
      const message = finding.message.length > 60 ? `${finding.message.slice(0, 57)}...` : finding.message;
      ctx.report({
        messageId: (finding.actions ?? []).length === 0 ? 'none' : 'ineffective',
        data: { id: finding.id, message, days, date: audit.date },
        path: ['findings', index, 'id'],
        item: finding.id,
        ...(finding.project ? { project: finding.project } : {}),
      });
    });
  },
};

export default rule;
