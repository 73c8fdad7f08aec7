import type { ProjectRule } from '../types.js';

const EVIDENCE = [
  ['by', 'who accepted it'],
  ['date', 'when'],
  ['record', 'the acceptance record'],
] as const;

const rule: ProjectRule = {
  id: 'acceptance-evidence',
  description: 'An accepted deliverable records who accepted it, when, and the acceptance record.',
  category: 'quality',
  governance: true,
  thresholds: [],
  messages: {
    missing: 'deliverable {{id}} "{{name}}" is accepted but acceptance.{{field}} ({{what}}) is missing',
  },
  scope: 'project',
  check(project, ctx) {
    if (ctx.measure(project).state === 'cancelled') return;
    (project.deliverables ?? []).forEach((deliverable, index) => {
      const acceptance = deliverable.acceptance;
      if (acceptance?.status !== 'accepted') return;
      for (const [field, what] of EVIDENCE) {
        if (acceptance[field] != null) continue;
        ctx.report({
          messageId: 'missing',
          data: { id: deliverable.id, name: deliverable.name, field, what },
          path: ['deliverables', index, 'acceptance', field],
          item: deliverable.id,
        });
      }
    });
  },
};

export default rule;
