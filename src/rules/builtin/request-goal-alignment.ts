import type { RequestRule } from '../types.js';

const rule: RequestRule = {
  id: 'request-goal-alignment',
  description: 'A project request names the strategic goals it would serve.',
  category: 'strategy',
  governance: false,
  thresholds: [],
  messages: {
    none: 'request {{id}} "{{name}}" is aligned to no strategic goal: `goals` is {{state}}',
  },
  scope: 'request',
  check(request, ctx) {
    if ((request.goals ?? []).length > 0) return;
    ctx.report({
      messageId: 'none',
      data: { id: request.id, name: request.name, state: request.goals ? 'empty' : 'missing' },
      path: ['goals'],
    });
  },
};

export default rule;
