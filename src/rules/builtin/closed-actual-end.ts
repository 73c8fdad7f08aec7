import type { ProjectRule } from '../types.js';
import { isClosed } from '../util.js';

const rule: ProjectRule = {
  id: 'closed-actual-end',
  description: 'A closed project records its actual end date.',
  category: 'closing',
  governance: true,
  thresholds: [],
  messages: {
    missing: 'the project is {{phase}} and has no actual end date (dates.actual_end)',
    missingForecast: 'the project is {{phase}} and has no actual end date (dates.actual_end); its forecast end was {{forecast}}',
  },
  scope: 'project',
  check(project, ctx) {
    if (!isClosed(project, ctx.config.lifecycle) || project.dates.actual_end) return;
    const forecast = project.dates.forecast_end;
    ctx.report({
      messageId: forecast ? 'missingForecast' : 'missing',
      data: { phase: project.phase, ...(forecast ? { forecast } : {}) },
      path: ['dates', 'actual_end'],
    });
  },
};

export default rule;
