import type { ProjectRule } from '../types.js';
import { hasRecord, isClosed } from '../util.js';

const rule: ProjectRule = {
  id: 'final-report-filed',
  description: 'A closed project has its final report in its records.',
  category: 'closing',
  governance: true,
  thresholds: [],
  messages: {
    missing: "the project is {{phase}} and has no 'final_report' record",
  },
  scope: 'project',
  check(project, ctx) {
    if (!isClosed(project, ctx.config.lifecycle) || hasRecord(project, 'final_report')) return;
    // When pmo.yaml's records: already require a final report by now, records-present reports it: once is enough.
    const required = Object.entries(ctx.config.records).some(
      ([phase, names]) => names.includes('final_report') && ctx.phaseAtLeast(project.phase, phase),
    );
    if (required) return;
    ctx.report({ messageId: 'missing', data: { phase: project.phase }, path: ['records', 'final_report'] });
  },
};

export default rule;
