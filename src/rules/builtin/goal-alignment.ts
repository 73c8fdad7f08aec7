import type { ProjectRule } from '../types.js';

const rule: ProjectRule = {
  id: 'goal-alignment',
  description: 'A project names the strategic goals it serves.',
  category: 'strategy',
  governance: false,
  thresholds: [],
  messages: {
    none: 'project {{id}} "{{name}}" ({{phase}}) is aligned to no strategic goal: `goals` is {{state}}',
  },
  scope: 'project',
  check(project, ctx) {
    if (ctx.measure(project).finished || (project.goals ?? []).length > 0) return;
    ctx.report({
      messageId: 'none',
      data: { id: project.id, name: project.name, phase: project.phase, state: project.goals ? 'empty' : 'missing' },
      path: ['goals'],
    });
  },
};

export default rule;
