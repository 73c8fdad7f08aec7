import type { ProjectRule } from '../types.js';

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
    // A cancelled project owes its lessons as much as a closed one: often more.
    if (!ctx.measure(project).finished || (project.lessons ?? []).length > 0) return;
    ctx.report({ messageId: 'none', data: { phase: project.phase, state: project.lessons ? 'empty' : 'missing' }, path: ['lessons'] });
  },
};

export default rule;
