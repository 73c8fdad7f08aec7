import { daysBetween } from '../../model/dates.js';
import type { ProjectRule } from '../types.js';
import { isClosed, latestStatus } from '../util.js';

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
    if (!ctx.phaseAtLeast(project.phase, 'planning') || isClosed(project, ctx.config.lifecycle)) return;
    const limit = ctx.thresholds.status_max_age_days;
    const latest = latestStatus(project);
    if (!latest) {
      ctx.report({ messageId: 'none', data: { phase: project.phase, limit }, path: ['phase'] });
      return;
    }
    const days = daysBetween(latest.update.date, ctx.today);
    if (days <= limit) return;
    ctx.report({ messageId: 'stale', data: { date: latest.update.date, days, limit }, path: ['status', latest.index, 'date'] });
  },
};

export default rule;
