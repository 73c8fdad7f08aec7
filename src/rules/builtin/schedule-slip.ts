import { daysBetween } from '../../model/dates.js';
import type { ProjectRule } from '../types.js';
import { approvedChanges, isClosed } from '../util.js';

const rule: ProjectRule = {
  id: 'schedule-slip',
  description: 'The forecast end stays within the slip threshold of the baseline end plus approved changes.',
  category: 'schedule',
  governance: true,
  thresholds: ['schedule_slip_days'],
  messages: {
    slip: 'the forecast end {{forecast}} is {{slip}} days after the baseline end {{baseline}}; approved changes cover {{covered}} days, which leaves {{uncovered}} days against a limit of {{limit}}: raise a change request or re-plan',
  },
  scope: 'project',
  check(project, ctx) {
    if (isClosed(project, ctx.config.lifecycle)) return;
    const baseline = project.dates.baseline_end;
    const forecast = project.dates.forecast_end;
    if (!baseline || !forecast) return;
    const slip = daysBetween(baseline, forecast);
    const covered = approvedChanges(project).days;
    const limit = ctx.thresholds.schedule_slip_days;
    if (slip <= limit + covered) return;
    ctx.report({
      messageId: 'slip',
      data: { forecast, baseline, slip, covered, uncovered: slip - covered, limit },
      path: ['dates', 'forecast_end'],
    });
  },
};

export default rule;
