import { addDays, daysBetween } from '../../model/dates.js';
import type { ProjectRule } from '../types.js';

const rule: ProjectRule = {
  id: 'issue-escalation',
  description: 'An open issue older than the escalation threshold has been escalated.',
  category: 'risk',
  governance: true,
  thresholds: ['issue_escalation_days'],
  messages: {
    unescalated: '{{severity}}issue {{id}} "{{title}}" was raised {{raised}} ({{days}} days ago, limit {{limit}}), is still open and has not been escalated',
  },
  scope: 'project',
  check(project, ctx) {
    if (ctx.measure(project).finished) return;
    const open = new Set(ctx.measure(project).openIssues);
    // The same issues are past their limit until the next one reaches it, only older each day.
    ctx.sameFindingsUntil(null);
    (project.issues ?? []).forEach((issue, index) => {
      if (!open.has(issue) || issue.raised == null || issue.escalated === true) return;
      // pmo.yaml's escalation_days may give each severity its own limit.
      const limit = (issue.severity ? ctx.config.escalationDays[issue.severity] : undefined) ?? ctx.thresholds.issue_escalation_days;
      const days = daysBetween(issue.raised, ctx.today);
      if (days <= limit) return ctx.sameFindingsUntil(addDays(issue.raised, limit + 1));
      ctx.report({
        messageId: 'unescalated',
        data: { severity: issue.severity ? `${issue.severity} ` : '', id: issue.id, title: issue.title, raised: issue.raised, days, limit },
        path: ['issues', index, 'escalated'],
        item: issue.id,
        since: { days: issue.raised },
      });
    });
  },
};

export default rule;
