import type { ChangeRule } from '../types.js';
import type { Project } from '../../model/schemas/project.js';
import { latestStatus } from '../util.js';

const overall = (project: Project) => latestStatus(project)?.update.overall;
const byId = <T extends { id: string }>(items?: readonly T[] | null) => new Map((items ?? []).map((i) => [i.id, i]));

/**
 * What in a change says why a project turned red: a new issue or risk, an issue escalated in it, or an open
 * risk re-scored upwards (its exposure raised: the PM saw it coming true).
 */
function hasCause(before: Project, after: Project): boolean {
  const [issues, risks] = [byId(before.issues), byId(before.risks)];
  const issue = (after.issues ?? []).some((i) => !issues.has(i.id) || (i.escalated === true && issues.get(i.id)!.escalated !== true));
  const risk = (after.risks ?? []).some((r) => {
    const was = risks.get(r.id);
    return !was || (r.status !== 'closed' && r.probability * r.impact > was.probability * was.impact);
  });
  return issue || risk;
}

const rule: ChangeRule = {
  id: 'red-has-cause',
  description: 'A project that turns red in a change logs, in the same change, the issue or risk that says why.',
  category: 'risk',
  governance: false,
  thresholds: [],
  messages: {
    red: 'the project turned red (from {{from}}) without a cause in the same change (a new issue or risk, an issue escalated, a risk re-scored up): log the cause in the RAID log',
  },
  scope: 'change',
  check(before, after, ctx) {
    const [was, is] = [overall(before), overall(after)];
    if (is !== 'red' || was === 'red') return;
    if (hasCause(before, after)) return;
    ctx.report({ messageId: 'red', data: { from: was ?? 'no status' }, path: ['status', (after.status?.length ?? 1) - 1, 'overall'] });
  },
};

export default rule;
