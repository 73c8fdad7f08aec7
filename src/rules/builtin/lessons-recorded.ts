import type { ProjectRule } from '../types.js';
import { isClosed } from '../util.js';

const rule: ProjectRule = {
  id: 'lessons-recorded',
  description: 'A closed project records its lessons learned.',
  category: 'closing',
  governance: true,
  thresholds: [],
  messages: {
    none: 'the project is {{phase}} and records no lessons learned: `lessons` is {{state}}',
  },
  scope: 'project',
  check(project, ctx) {
    if (!isClosed(project, ctx.config.lifecycle) || (project.lessons ?? []).length > 0) return;
    ctx.report({ messageId: 'none', data: { phase: project.phase, state: project.lessons ? 'empty' : 'missing' }, path: ['lessons'] });
  },
};

export default rule;
