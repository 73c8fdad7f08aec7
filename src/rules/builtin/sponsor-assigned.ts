import type { ProjectRule } from '../types.js';
import { runningFrom } from '../util.js';

const rule: ProjectRule = {
  id: 'sponsor-assigned',
  description: 'A project from planning on has a sponsor.',
  category: 'stakeholders',
  governance: true,
  thresholds: [],
  messages: {
    none: 'the project is in {{phase}} and has no sponsor; a sponsor is required from planning on',
  },
  scope: 'project',
  check(project, ctx) {
    if (!runningFrom(project, ctx, 'planning') || project.sponsor != null) return;
    ctx.report({ messageId: 'none', data: { phase: project.phase }, path: ['sponsor'] });
  },
};

export default rule;
