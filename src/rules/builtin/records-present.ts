import type { ProjectRule } from '../types.js';
import { hasRecord } from '../util.js';

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
    const lifecycle = ctx.config.lifecycle;
    const at = lifecycle.indexOf(project.phase);
    if (at < 0) return;
    const seen = new Set<string>();
    for (const phase of lifecycle.slice(0, at + 1)) {
      for (const record of ctx.config.records[phase] ?? []) {
        if (seen.has(record)) continue;
        seen.add(record);
        if (hasRecord(project, record)) continue;
        ctx.report({
          messageId: 'missing',
          data: { phase: project.phase, record, from: phase },
          path: ['records', record],
          item: record,
        });
      }
    }
  },
};

export default rule;
