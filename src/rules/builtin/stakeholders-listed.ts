import type { ProjectRule } from '../types.js';
import { runningFrom } from '../util.js';

const rule: ProjectRule = {
  id: 'stakeholders-listed',
  description: 'A project from planning on lists its stakeholders.',
  category: 'stakeholders',
  governance: false,
  thresholds: [],
  messages: {
    none: 'the project is in {{phase}} and lists no stakeholders; identify them and how each is kept informed',
  },
  scope: 'project',
  check(project, ctx) {
    if (!runningFrom(project, ctx, 'planning') || (project.stakeholders ?? []).length > 0) return;
    ctx.report({ messageId: 'none', data: { phase: project.phase }, path: ['stakeholders'] });
  },
};

export default rule;
