import type { ProjectRule } from '../types.js';

const rule: ProjectRule = {
  id: 'deliverables-accepted',
  description: 'A project from closing on has every deliverable accepted.',
  category: 'quality',
  governance: true,
  thresholds: [],
  messages: {
    notAccepted: 'deliverable {{id}} "{{name}}" is {{status}} and the project is in {{phase}}; every deliverable must be accepted before closing',
  },
  scope: 'project',
  check(project, ctx) {
    // A cancelled project never built what it did not deliver: there is nothing to accept.
    if (!ctx.phaseAtLeast(project.phase, 'closing') || ctx.measure(project).state === 'cancelled') return;
    (project.deliverables ?? []).forEach((deliverable, index) => {
      const status = deliverable.acceptance?.status;
      if (status === 'accepted') return;
      ctx.report({
        messageId: 'notAccepted',
        data: {
          id: deliverable.id,
          name: deliverable.name,
          status: status == null ? 'pending (no acceptance recorded)' : status,
          phase: project.phase,
        },
        path: ['deliverables', index, 'acceptance', 'status'],
        item: deliverable.id,
      });
    });
  },
};

export default rule;
