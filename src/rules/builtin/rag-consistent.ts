import type { ProjectRule } from '../types.js';
import { latestStatus } from '../util.js';

const DIMENSIONS = ['schedule', 'cost', 'scope'] as const;

const rule: ProjectRule = {
  id: 'rag-consistent',
  description: 'The newest status update is not overall green while schedule, cost or scope is red.',
  category: 'communication',
  governance: true,
  thresholds: [],
  messages: {
    greenOverRed: 'the newest status update ({{date}}) says overall green while {{red}} {{verb}} red',
  },
  scope: 'project',
  check(project, ctx) {
    const latest = latestStatus(project);
    if (!latest || latest.update.overall !== 'green') return;
    const red = DIMENSIONS.filter((dimension) => latest.update[dimension] === 'red');
    if (red.length === 0) return;
    ctx.report({
      messageId: 'greenOverRed',
      data: {
        date: latest.update.date,
        red: red.length === 1 ? red[0]! : `${red.slice(0, -1).join(', ')} and ${red[red.length - 1]!}`,
        verb: red.length === 1 ? 'is' : 'are',
      },
      path: ['status', latest.index, 'overall'],
    });
  },
};

export default rule;
