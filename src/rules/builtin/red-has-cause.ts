import type { ChangeRule } from '../types.js';
import type { Project } from '../../model/schemas/project.js';
import { latestStatus } from '../util.js';

const overall = (project: Project) => latestStatus(project)?.update.overall;
const ids = (items?: ReadonlyArray<{ id: string }> | null) => new Set((items ?? []).map((i) => i.id));

const rule: ChangeRule = {
  id: 'red-has-cause',
  description: 'A project that turns red in a change logs, in the same change, a new issue or risk that says why.',
  category: 'risk',
  governance: false,
  thresholds: [],
  messages: {
    red: 'the project turned red (from {{from}}) without a new issue or risk in the same change: log the cause in the RAID log',
  },
  scope: 'change',
  check(before, after, ctx) {
    const [was, is] = [overall(before), overall(after)];
    if (is !== 'red' || was === 'red') return;
    const [issues, risks] = [ids(before.issues), ids(before.risks)];
    const cause = (after.issues ?? []).some((i) => !issues.has(i.id)) || (after.risks ?? []).some((r) => !risks.has(r.id));
    if (cause) return;
    ctx.report({ messageId: 'red', data: { from: was ?? 'no status' }, path: ['status', (after.status?.length ?? 1) - 1, 'overall'] });
  },
};

export default rule;
