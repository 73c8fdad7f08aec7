import type { ProjectRule } from '../types.js';
import { isBlank, latestStatus } from '../util.js';

const rule: ProjectRule = {
  id: 'status-has-summary',
  description: 'The newest status update has a summary.',
  category: 'communication',
  governance: false,
  thresholds: [],
  messages: {
    missing: 'the newest status update ({{date}}, overall {{overall}}) has no summary',
  },
  scope: 'project',
  check(project, ctx) {
    const latest = latestStatus(project);
    if (!latest || !isBlank(latest.update.summary)) return;
    ctx.report({
      messageId: 'missing',
      data: { date: latest.update.date, overall: latest.update.overall },
      path: ['status', latest.index, 'summary'],
    });
  },
};

export default rule;
