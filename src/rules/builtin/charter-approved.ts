import type { ProjectRule } from '../types.js';
import { runningFrom } from '../util.js';

const rule: ProjectRule = {
  id: 'charter-approved',
  description: "A project from planning on has the sponsor's approval of its charter.",
  category: 'scope',
  governance: true,
  thresholds: [],
  messages: {
    missing: 'the project is in {{phase}} but has no approvals.charter: the charter must be signed off before planning',
  },
  scope: 'project',
  check(project, ctx) {
    if (!runningFrom(project, ctx, 'planning') || project.approvals?.charter) return;
    ctx.report({ messageId: 'missing', data: { phase: project.phase }, path: ['approvals', 'charter'] });
  },
};

export default rule;
