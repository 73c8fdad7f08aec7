import type { ProjectRule } from '../types.js';

const rule: ProjectRule = {
  id: 'change-decision-recorded',
  description: 'A decided change request records who decided it and when.',
  category: 'scope',
  governance: true,
  thresholds: [],
  messages: {
    noDecider: 'change {{id}} "{{title}}" is {{status}} but has no decided_by: record who decided it',
    noDate: 'change {{id}} "{{title}}" is {{status}} but has no decided_on: record when it was decided',
  },
  scope: 'project',
  check(project, ctx) {
    (project.changes ?? []).forEach((change, index) => {
      if (change.status !== 'approved' && change.status !== 'rejected') return;
      const data = { id: change.id, title: change.title, status: change.status };
      if (!change.decided_by) {
        ctx.report({ messageId: 'noDecider', data, path: ['changes', index, 'decided_by'], item: change.id });
      }
      if (!change.decided_on) {
        ctx.report({ messageId: 'noDate', data, path: ['changes', index, 'decided_on'], item: change.id });
      }
    });
  },
};

export default rule;
