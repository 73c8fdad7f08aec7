import type { ProjectRule } from '../types.js';
import { runningFrom } from '../util.js';

const rule: ProjectRule = {
  id: 'risks-identified',
  description: 'A project from execution on has identified its risks.',
  category: 'risk',
  governance: true,
  thresholds: [],
  messages: {
    none: 'the project is in {{phase}} and its risk register is empty; risks must be identified before execution',
  },
  scope: 'project',
  check(project, ctx) {
    if (!runningFrom(project, ctx, 'execution') || (project.risks ?? []).length > 0) return;
    ctx.report({ messageId: 'none', data: { phase: project.phase }, path: ['risks'] });
  },
};

export default rule;
