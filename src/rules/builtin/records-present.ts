import type { ProjectRule } from '../types.js';

const rule: ProjectRule = {
  id: 'records-present',
  description: 'A project keeps every record pmo.yaml requires for its phase and the phases before it.',
  category: 'records',
  governance: true,
  thresholds: [],
  messages: {
    missing: "the project is in {{phase}} and has no '{{record}}' record (required from {{from}} on)",
  },
  scope: 'project',
  check(project, ctx) {
    for (const { record, from, present } of ctx.measure(project).records) {
      if (present) continue;
      ctx.report({ messageId: 'missing', data: { phase: project.phase, record, from }, path: ['records', record], item: record });
    }
  },
};

export default rule;
