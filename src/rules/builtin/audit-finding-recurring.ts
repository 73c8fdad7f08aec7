import type { FindingsRule } from '../types.js';

const rule: FindingsRule = {
  id: 'audit-finding-recurring',
  description: 'A finding whose action was verified effective is not found again by pmo check.',
  category: 'audit',
  governance: true,
  thresholds: [],
  messages: {
    recurring: '{{what}} is found again, though action {{action}} on finding {{finding}} of audit {{audit}} was verified effective on {{verified}}: the action did not work',
  },
  scope: 'findings',
  check(found, audits, ctx) {
    // A later audit that recorded the same finding again has taken it up: the older one no longer reports it.
    const lastRecorded = new Map<string, string>();
    for (const audit of audits) for (const fp of audit.recorded) if ((lastRecorded.get(fp) ?? '') < audit.date) lastRecorded.set(fp, audit.date);
    for (const audit of audits) {
      for (const e of audit.effective) {
        if (!found.has(e.fingerprint) || lastRecorded.get(e.fingerprint)! > audit.date) continue;
        const what = [e.rule, e.project].filter(Boolean).join(' in ') || 'the finding';
        ctx.report({
          file: audit.file,
          messageId: 'recurring',
          data: { what, action: e.action, finding: e.finding, audit: audit.id, verified: e.verified },
          path: e.path,
          item: e.action,
          ...(e.project ? { project: e.project } : {}),
        });
      }
    }
  },
};

export default rule;
