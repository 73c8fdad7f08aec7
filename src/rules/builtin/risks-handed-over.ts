import type { ProjectRule } from '../types.js';
import { isBlank } from '../util.js';

const rule: ProjectRule = {
  id: 'risks-handed-over',
  description: 'A risk still open when the project closes has an owner and a handover note.',
  category: 'closing',
  governance: true,
  thresholds: [],
  messages: {
    open: 'risk {{id}} "{{title}}" (exposure {{exposure}}) is still open at closure with no {{missing}}: hand it over (owner, and a handover note saying who watches it now) or close it',
  },
  scope: 'project',
  check(project, ctx) {
    const measures = ctx.measure(project);
    if (!measures.finished) return;
    for (const { risk, exposure } of measures.openRisks) {
      const missing = [risk.owner == null ? 'owner' : null, isBlank(risk.handover) ? 'handover' : null].filter((m): m is string => m !== null);
      if (missing.length === 0) continue;
      const index = project.risks!.indexOf(risk);
      ctx.report({
        messageId: 'open',
        data: { id: risk.id, title: risk.title, exposure, missing: missing.join(' and ') },
        path: ['risks', index, missing[0] === 'owner' ? 'owner' : 'handover'],
        item: risk.id,
      });
    }
  },
};

export default rule;
