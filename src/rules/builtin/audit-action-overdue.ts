import { actionStandings } from '../../metrics/audit-actions.js';
import type { AuditRule } from '../types.js';

const rule: AuditRule = {
  id: 'audit-action-overdue',
  description: 'An open corrective or preventive action of an audit is done by its due date.',
  category: 'audit',
  governance: true,
  thresholds: [],
  messages: {
    overdue: '{{type}} action {{id}} on audit finding {{finding}} was due {{due}} ({{days}} days ago) and is still open; owner {{owner}}',
  },
  scope: 'audit',
  check(audit, ctx) {
    for (const s of actionStandings(audit, ctx.today)) {
      if (!s.overdue) continue;
      const { action, finding } = s;
      ctx.report({
        messageId: 'overdue',
        data: { type: action.type, id: action.id, finding: finding.id, due: action.due, days: s.daysOverdue, owner: action.owner },
        path: ['findings', s.findingIndex, 'actions', s.actionIndex, 'due'],
        item: action.id,
        ...(finding.project ? { project: finding.project } : {}),
      });
    }
  },
};

export default rule;
