import type { ProjectRule } from '../types.js';

const rule: ProjectRule = {
  id: 'schedule-slip',
  description: 'The forecast end (the actual end, once the project has one) stays within the slip threshold of the approved end date.',
  category: 'schedule',
  governance: true,
  thresholds: ['schedule_slip_days'],
  messages: {
    slip: 'the {{which}} end {{end}} is {{slip}} days after the approved end {{approved}} (baseline end {{baseline}} + approved changes {{covered}} days), against a limit of {{limit}}: raise a change request or re-plan',
  },
  scope: 'project',
  check(project, ctx) {
    const measures = ctx.measure(project);
    // A cancelled project does not end late: it does not end.
    if (measures.state === 'cancelled') return;
    const slip = measures.scheduleSlip;
    const limit = ctx.thresholds.schedule_slip_days;
    if (slip === null || slip <= limit) return;
    const actual = Boolean(project.dates.actual_end);
    ctx.report({
      messageId: 'slip',
      data: {
        which: actual ? 'actual' : 'forecast', end: measures.forecastEnd!, slip, approved: measures.approvedEnd!, baseline: project.dates.baseline_end!,
        covered: measures.approvedChanges.days, limit,
      },
      path: ['dates', actual ? 'actual_end' : 'forecast_end'],
    });
  },
};

export default rule;
