import { actionStandings } from '../../metrics/audit-actions.js';
import type { AuditRule } from '../types.js';

const rule: AuditRule = {
  id: 'audit-action-unverified',
  description: "A done audit action is verified (did it work?) within `action_verify_days` of being done.",
  category: 'audit',
  governance: false,
  thresholds: ['action_verify_days'],
  messages: {
    unverified: 'action {{id}} on audit finding {{finding}} was done on {{done}} ({{days}} days ago) and is not verified; verify whether it worked',
  },
  scope: 'audit',
  check(audit, ctx) {
    for (const s of actionStandings(audit, ctx.today)) {
      if (s.awaitingVerification === null || s.awaitingVerification <= ctx.thresholds.action_verify_days) continue;
      ctx.report({
        messageId: 'unverified',
        data: { id: s.action.id, finding: s.finding.id, done: s.action.done!, days: s.awaitingVerification },
        path: ['findings', s.findingIndex, 'actions', s.actionIndex, 'state'],
        item: s.action.id,
        ...(s.finding.project ? { project: s.finding.project } : {}),
      });
    }
  },
};

export default rule;
