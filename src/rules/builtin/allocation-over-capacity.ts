import { isoWeek, weekIndex } from '../../model/dates.js';
import { isRecord } from '../../model/labels.js';
import type { Project } from '../../model/schemas/project.js';
import type { Person } from '../../model/schemas/people.js';
import type { PortfolioFile, PortfolioRule } from '../types.js';
import { idOfFile } from '../../layout.js';

/** A project's allocations: [person, percent, first week, last week, index in team]. */
type Allocation = [person: string, percent: number, from: number, to: number, index: number];
type Extract = { phase?: string; allocations: Allocation[] } | { capacities: Record<string, number> };

interface Load {
  percent: number;
  /** The allocations that make it: file and allocation. */
  parts: Array<{ file: string; allocation: Allocation }>;
}

const rule: PortfolioRule<Extract> = {
  id: 'allocation-over-capacity',
  description: "No person is allocated beyond their capacity in any week, summed across every project.",
  category: 'resource',
  governance: true,
  thresholds: ['allocation_max_pct'],
  messages: {
    over: '{{person}} is allocated {{load}}% against a capacity of {{capacity}}% in {{weeks}}: {{projects}}',
  },
  scope: 'portfolio',

  extract(kind, data) {
    if (kind === 'people') {
      const people = (isRecord(data) && Array.isArray(data.people) ? data.people : []) as Person[];
      return { capacities: Object.fromEntries(people.flatMap((p) => (p.capacity != null ? [[p.id, p.capacity]] : []))) };
    }
    if (kind !== 'project') return undefined;
    const project = data as Project;
    const end = project.dates.actual_end ?? project.dates.forecast_end ?? project.dates.baseline_end;
    const allocations = (project.team ?? []).flatMap((member, index): Allocation[] => {
      const from = member.from ?? project.dates.start;
      const to = member.to ?? end;
      return to && member.allocation > 0 ? [[member.person, member.allocation, weekIndex(from), weekIndex(to), index]] : [];
    });
    return allocations.length > 0 ? { phase: project.phase, allocations } : undefined;
  },

  check(files, ctx) {
    const capacities: Record<string, number> = {};
    for (const f of files) if ('capacities' in f.facts) Object.assign(capacities, f.facts.capacities);
    const lastPhase = ctx.config.lifecycle[ctx.config.lifecycle.length - 1];
    // Weeks gone by cannot be re-planned: only this week and later ones count.
    const thisWeek = weekIndex(ctx.today);

    const byPerson = new Map<string, Array<{ file: string; allocation: Allocation }>>();
    for (const f of files as ReadonlyArray<PortfolioFile<Extract>>) {
      if (!('allocations' in f.facts) || f.facts.phase === lastPhase) continue;
      for (const allocation of f.facts.allocations) {
        if (allocation[3] < thisWeek) continue;
        const list = byPerson.get(allocation[0]) ?? [];
        list.push({ file: f.path, allocation });
        byPerson.set(allocation[0], list);
      }
    }

    for (const [person, list] of byPerson) {
      const capacity = capacities[person] ?? ctx.thresholds.allocation_max_pct;
      for (const [weeks, load] of overloadedRanges(list, thisWeek, capacity)) {
        const projects = load.parts
          .map(({ file, allocation }) => `${idOfFile(file)} ${allocation[1]}%`)
          .join(', ');
        for (const { file, allocation } of load.parts) {
          ctx.report({
            file,
            messageId: 'over',
            data: { person, load: load.percent, capacity, weeks, projects },
            path: ['team', allocation[4], 'allocation'],
          });
        }
      }
    }
  },
};

/**
 * Week ranges in which the person's summed allocation exceeds capacity: a sweep over the weeks where the
 * person's allocations start and end, O(n log n) in them, whatever the number of projects.
 */
function overloadedRanges(list: Array<{ file: string; allocation: Allocation }>, fromWeek: number, capacity: number): Array<[string, Load]> {
  const events = list.flatMap((part) => [
    { week: Math.max(part.allocation[2], fromWeek), part, starts: true },
    { week: part.allocation[3] + 1, part, starts: false },
  ]);
  events.sort((a, b) => a.week - b.week);
  const active = new Set<(typeof list)[number]>();
  let percent = 0;
  const ranges: Array<[number, number, Load]> = [];
  for (let i = 0; i < events.length; ) {
    const week = events[i]!.week;
    for (; i < events.length && events[i]!.week === week; i++) {
      const { part, starts } = events[i]!;
      if (starts) active.add(part);
      else active.delete(part);
      percent += (starts ? 1 : -1) * part.allocation[1];
    }
    const until = (events[i]?.week ?? week) - 1;
    if (percent <= capacity || until < week) continue;
    const last = ranges[ranges.length - 1];
    // Consecutive weeks with the same load from the same allocations read as one range.
    if (last && last[1] === week - 1 && last[2].parts.length === active.size && last[2].parts.every((p) => active.has(p))) last[1] = until;
    else ranges.push([week, until, { percent, parts: [...active] }]);
  }
  return ranges.map(([from, to, load]) => [from === to ? `week ${isoWeek(from)}` : `weeks ${isoWeek(from)} to ${isoWeek(to)}`, load]);
}

export default rule;
