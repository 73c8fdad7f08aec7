import type { ProjectRule } from '../types.js';

const rule: ProjectRule = {
  id: 'issue-has-owner',
  description: 'Every open issue has an owner.',
  category: 'risk',
  governance: true,
  thresholds: [],
  messages: {
    unowned: 'issue {{id}} "{{title}}" is open and has no owner',
  },
  scope: 'project',
  check(project, ctx) {
    const open = new Set(ctx.measure(project).openIssues);
    (project.issues ?? []).forEach((issue, index) => {
      if (!open.has(issue) || issue.owner != null) return;
      ctx.report({ messageId: 'unowned', data: { id: issue.id, title: issue.title }, path: ['issues', index, 'owner'], item: issue.id });
    });
  },
};

export default rule;
