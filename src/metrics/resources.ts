/** Resource load: each person's allocations summed across projects per working day, shown week by week, against their capacity. */
import { isoWeek, weekIndex } from '../model/dates.js';
import { allocationSpans, dayNumber, loadSegments, mondayOf, weeklyPeaks } from './load.js';
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
  /** Per column of `weeks`: the load of the week's peak working day, in percent of a day. */
  load: number[];
  peak: number;
  /** Weeks whose peak day exceeds capacity (at capacity is not over). */
  over_weeks: number;
  /** Projects that load the person inside the window. */
  projects: string[];
}

export interface ResourceLoad {
  weeks: string[];
  people: PersonLoad[];
}

type LoadProject = Pick<Project, 'id' | 'phase' | 'dates' | 'team' | 'cancelled'>;

/**
 * Each person's load in the weeks of the window: each week's peak working day (load.ts), as the
 * allocation-over-capacity rule judges the days. A week over capacity is one whose peak day is.
 */
export function resourceLoad(projects: readonly LoadProject[], people: readonly Person[], options: ResourceLoadOptions): ResourceLoad {
  const fromDay = dayNumber(options.from);
  const firstWeek = weekIndex(options.from);
  const count = Math.max(0, Math.floor(finite(options.weeks) ?? 0));
  const weeks = Array.from({ length: count }, (_, i) => isoWeek(firstWeek + i));
  const windowEnd = mondayOf(fromDay) + 7 * count - 1;

  const known = new Map<string, Person>();
  for (const person of people) if (person?.id) known.set(person.id, person);
  const parts = new Map<string, Array<{ part: string; percent: number; from: number; to: number | null }>>();
  for (const person of known.keys()) parts.set(person, []);
  for (const project of projects) {
    if (options.lastPhase !== undefined && project.phase === options.lastPhase) continue;
    for (const [person, percent, from, to] of allocationSpans(project)) {
      if (!parts.has(person)) parts.set(person, []);
      parts.get(person)!.push({ part: project.id, percent, from, to });
    }
  }

  const rows = [...parts].map(([person, list]): PersonLoad => {
    const capacity = finite(known.get(person)?.capacity) ?? options.defaultCapacity;
    const { segments: all, within } = loadSegments(list, fromDay);
    const segments = all.filter((s) => s.from <= windowEnd);
    const load = weeklyPeaks(segments, fromDay, count);
    const inWindow = list.filter((_, i) => within[i] !== undefined && all[within[i]![0]]!.from <= windowEnd);
    return {
      person,
      name: known.get(person)?.name ?? null,
      capacity,
      load,
      peak: Math.max(0, ...load),
      over_weeks: load.filter((percent) => percent > capacity).length,
      projects: [...new Set(inWindow.map((p) => p.part))].sort(byText),
    };
  });
  // Everyone in people.yaml, and whoever else the window loads. Most loaded first; people with nothing in the
  // window (peak 0) end the list, by id.
  const result = rows.filter((row) => known.has(row.person) || row.projects.length > 0);
  result.sort((a, b) => b.peak - a.peak || byText(a.person, b.person));
  return { weeks, people: result };
}
