import { daysBetween } from '../../model/dates.js';
import type { Project } from '../../model/schemas/project.js';
import { endDate } from '../../metrics/measures.js';
import type { PortfolioFile, PortfolioRule } from '../types.js';

/** A dependency on another project: [index in dependencies, id, providing project, needed by]. */
type Need = [index: number, id: string, provider: string, neededBy: string];
/** What the rule keeps of a project: its id, when it ends (actual, else forecast end), and what it needs of others. */
type Extract = { id: string; phase: string; end: string | null; needs: Need[] };

const rule: PortfolioRule<Extract> = {
  id: 'dependency-late',
  description: "A project's dependency on another project is needed no earlier than that project is forecast to deliver.",
  category: 'schedule',
  governance: true,
  thresholds: [],
  messages: {
    late: 'dependency {{id}} needs {{provider}} by {{needed}}, but {{provider}} is forecast to end {{end}}, {{days}} days later: agree a new date with its manager, or re-plan',
  },
  scope: 'portfolio',

  extract(kind, data) {
    if (kind !== 'project') return undefined;
    const project = data as Project;
    // A cancelled project needs nothing of anyone (and what others need of it is a conversation, not a date).
    if (project.cancelled) return undefined;
    const needs = (project.dependencies ?? []).flatMap((d, index): Need[] => (d.project && d.needed_by ? [[index, d.id, d.project, d.needed_by]] : []));
    return { id: project.id, phase: project.phase, end: endDate(project), needs };
  },

  check(files, ctx) {
    const lastPhase = ctx.config.lifecycle[ctx.config.lifecycle.length - 1];
    const ends = new Map((files as ReadonlyArray<PortfolioFile<Extract>>).map((f) => [f.facts.id, f.facts.end]));
    for (const f of files as ReadonlyArray<PortfolioFile<Extract>>) {
      // A closed project needs nothing more of anyone.
      if (f.facts.phase === lastPhase) continue;
      for (const [index, id, provider, needed] of f.facts.needs) {
        const end = ends.get(provider);
        if (!end || end <= needed) continue;
        ctx.report({
          file: f.path,
          messageId: 'late',
          data: { id, provider, needed, end, days: daysBetween(needed, end) },
          path: ['dependencies', index, 'needed_by'],
          item: id,
        });
      }
    }
  },
};

export default rule;
