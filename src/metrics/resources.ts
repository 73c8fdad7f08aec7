/** Resource load: each person's allocations summed across projects, week by week, against their capacity. */
import { isoWeek, weekIndex } from '../model/dates.js';
import type { Person } from '../model/schemas/people.js';
import type { Project } from '../model/schemas/project.js';
import { byText, finite } from './numbers.js';

export interface ResourceLoadOptions {
  /** A date; its ISO week is the first column. */
  from: string;
  weeks: number;
  /** The capacity of a person people.yaml does not give one (thresholds.allocation_max_pct). */
  defaultCapacity: number;
  /** The lifecycle's last phase: its projects are finished and hold nobody (as allocation-over-capacity). */
  lastPhase?: string;
}

export interface PersonLoad {
  person: string;
  name: string | null;
  capacity: number;
  /** Percent of a week allocated, per column of `weeks`. */
  load: number[];
  peak: number;
  /** Weeks whose load exceeds capacity (at capacity is not over). */
  over_weeks: number;
  /** Projects that load the person inside the window. */
  projects: string[];
}

export interface ResourceLoad {
  weeks: string[];
  people: PersonLoad[];
}

type LoadProject = Pick<Project, 'id' | 'phase' | 'dates' | 'team'>;

/**
 * An allocation's weeks exactly as the allocation-over-capacity rule extracts them: from its `from`, else the
 * project start, to its `to`, else the project end (actual, forecast, baseline); one with no end, or of 0%,
 * is skipped. It counts in every week it touches.
 */
function allocations(project: LoadProject): Array<{ person: string; percent: number; first: number; last: number }> {
  const dates = project.dates ?? ({} as Partial<LoadProject['dates']>);
  const end = dates.actual_end ?? dates.forecast_end ?? dates.baseline_end;
  return (project.team ?? []).flatMap((member) => {
    const from = member?.from ?? dates.start;
    const to = member?.to ?? end;
    const percent = finite(member?.allocation) ?? 0;
    return from && to && percent > 0 ? [{ person: member.person, percent, first: weekIndex(from), last: weekIndex(to) }] : [];
  });
}

export function resourceLoad(projects: readonly LoadProject[], people: readonly Person[], options: ResourceLoadOptions): ResourceLoad {
  const firstWeek = weekIndex(options.from);
  const count = Math.max(0, Math.floor(finite(options.weeks) ?? 0));
  const weeks = Array.from({ length: count }, (_, i) => isoWeek(firstWeek + i));

  const known = new Map<string, Person>();
  for (const person of people) if (person?.id) known.set(person.id, person);

  const rows = new Map<string, { load: number[]; projects: Set<string> }>();
  const rowOf = (person: string) => {
    let row = rows.get(person);
    if (!row) rows.set(person, (row = { load: new Array<number>(count).fill(0), projects: new Set() }));
    return row;
  };
  for (const person of known.keys()) rowOf(person);

  for (const project of projects) {
    if (options.lastPhase !== undefined && project.phase === options.lastPhase) continue;
    for (const a of allocations(project)) {
      const from = Math.max(a.first, firstWeek) - firstWeek;
      const to = Math.min(a.last, firstWeek + count - 1) - firstWeek;
      if (from > to) continue;
      const row = rowOf(a.person);
      for (let w = from; w <= to; w++) row.load[w]! += a.percent;
      row.projects.add(project.id);
    }
  }

  const result = [...rows].map(([person, row]): PersonLoad => {
    const capacity = finite(known.get(person)?.capacity) ?? options.defaultCapacity;
    return {
      person,
      name: known.get(person)?.name ?? null,
      capacity,
      load: row.load,
      peak: Math.max(0, ...row.load),
      over_weeks: row.load.filter((percent) => percent > capacity).length,
      projects: [...row.projects].sort(byText),
    };
  });
  // Most loaded first; people with nothing in the window (peak 0) end the list, by id.
  result.sort((a, b) => b.peak - a.peak || byText(a.person, b.person));
  return { weeks, people: result };
}
