import type { ChangeRule } from '../types.js';
import type { Project } from '../../model/schemas/project.js';

/** What a change request names to approve moving a baseline: the field, or a milestone by its id. */
const rebaselined = (project: Project): Set<string> =>
  new Set((project.changes ?? []).filter((c) => c.status === 'approved').flatMap((c) => c.rebaselines ?? []));

const rule: ChangeRule = {
  id: 'rebaseline-approved',
  description: 'A baseline (end date, budget, a milestone\'s date) moves only with an approved change request that names it.',
  category: 'baseline',
  governance: true,
  thresholds: [],
  messages: {
    moved: "{{what}} moved from {{from}} to {{to}} without an approved change request naming it: add one, with '{{name}}' under its rebaselines",
  },
  scope: 'change',
  check(before, after, ctx) {
    const approved = rebaselined(after);
    const moved = (what: string, name: string, from: unknown, to: unknown, path: Array<string | number>, item?: string) => {
      if (from === undefined || from === null || from === to || approved.has(name)) return;
      ctx.report({ messageId: 'moved', data: { what, name, from: String(from), to: to === undefined || to === null ? 'nothing' : String(to) }, path, ...(item ? { item } : {}) });
    };
    moved('the baseline end', 'dates.baseline_end', before.dates.baseline_end, after.dates.baseline_end, ['dates', 'baseline_end']);
    moved('the baseline budget', 'budget.baseline', before.budget?.baseline, after.budget?.baseline, after.budget ? ['budget', 'baseline'] : ['budget']);
    const was = new Map((before.milestones ?? []).map((m) => [m.id, m.baseline]));
    (after.milestones ?? []).forEach((m, i) => {
      if (was.has(m.id)) moved(`milestone ${m.id}'s baseline`, m.id, was.get(m.id), m.baseline, ['milestones', i, 'baseline'], m.id);
    });
  },
};

export default rule;
