import type { ProjectRule } from '../types.js';

const rule: ProjectRule = {
  id: 'status-fresh',
  description: 'A running project has a status update no older than the status age threshold.',
  category: 'communication',
  governance: true,
  thresholds: ['status_max_age_days'],
  messages: {
    stale: 'the newest status update is from {{date}} ({{days}} days ago); updates are due every {{limit}} days',
    none: 'the project is in {{phase}} and has no status update yet; updates are due every {{limit}} days',
  },
  scope: 'project',
  check(project, ctx) {
    const measures = ctx.measure(project);
    const status = measures.status;
    // Fresh until the newest update goes stale; stale, the same finding until a new update (only older each day).
    if (!status.stale) return ctx.sameFindingsUntil(status.staleFrom);
    ctx.sameFindingsUntil(null);
    const limit = ctx.thresholds.status_max_age_days;
    if (status.update === null) {
      ctx.report({ messageId: 'none', data: { phase: project.phase, limit }, path: ['phase'] });
      return;
    }
    ctx.report({ messageId: 'stale', data: { date: status.update.date, days: measures.statusAgeDays!, limit }, path: ['status', status.index!, 'date'], since: { days: status.update.date } });
  },
};

export default rule;
