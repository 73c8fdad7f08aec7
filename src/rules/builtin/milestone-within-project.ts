import { daysBetween } from '../../model/dates.js';
import type { ProjectRule } from '../types.js';

const rule: ProjectRule = {
  id: 'milestone-within-project',
  description: "A milestone's baseline and forecast dates lie within the project's own dates.",
  category: 'schedule',
  governance: false,
  thresholds: [],
  messages: {
    beforeStart: 'milestone {{id}} "{{name}}" has {{field}} {{date}}, {{days}} days before the project start {{start}}',
    afterEnd: 'milestone {{id}} "{{name}}" has {{field}} {{date}}, {{days}} days after the project\'s {{endField}} {{end}}',
  },
  scope: 'project',
  check(project, ctx) {
    const { start } = project.dates;
    const ends = {
      baseline: ['baseline_end', project.dates.baseline_end],
      forecast: ['forecast_end', project.dates.forecast_end],
    } as const;
    (project.milestones ?? []).forEach((milestone, index) => {
      for (const field of ['baseline', 'forecast'] as const) {
        const date = milestone[field];
        // Once a milestone is met, its forecast is history: the actual date is what counts.
        if (!date || (field === 'forecast' && milestone.actual)) continue;
        const [endField, end] = ends[field];
        const base = { id: milestone.id, name: milestone.name, field, date };
        const path = ['milestones', index, field];
        if (start && date < start) {
          ctx.report({ messageId: 'beforeStart', data: { ...base, start, days: daysBetween(date, start) }, path, item: milestone.id });
        } else if (end && date > end) {
          ctx.report({
            messageId: 'afterEnd',
            data: { ...base, endField: endField.replace('_', ' '), end, days: daysBetween(end, date) },
            path,
            item: milestone.id,
          });
        }
      }
    });
  },
};

export default rule;
