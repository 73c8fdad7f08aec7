/**
 * A person's load, day by day: the one definition the allocation-over-capacity rule and the resource reports
 * share. An allocation runs from its `from` (default: the project's start) to its `to` (default: the project's
 * end: actual, else forecast, else baseline; with none, it runs on); it loads every working day (Monday to
 * Friday) in between, both ends included. A cancelled project holds nobody; one on hold still does (its
 * people are booked until the PM releases them). A person's load on a day is the sum of the allocations running that
 * day, in percent of a full day.
 *
 * Days are day numbers (days since 1970-01-01): plain integers to compare and step through.
 */
import type { Project } from '../model/schemas/project.js';
import { finite } from './numbers.js';

const DAY_MS = 86_400_000;

export const dayNumber = (date: string): number => Math.floor(Date.parse(date) / DAY_MS);
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** Monday to Friday (day 0, 1970-01-01, was a Thursday). */
export const isWorkingDay = (day: number): boolean => (day + 3) % 7 < 5;
/** The Monday of the week that holds `day`. */
export const mondayOf = (day: number): number => day - ((day + 3) % 7);

/** One allocation as days: [person, percent, first day, last day or null (runs on), index in team]. */
export type Span = [person: string, percent: number, from: number, to: number | null, index: number];

/** A project's allocations that load anyone (0% loads nobody; a cancelled project holds nobody), as spans. */
export function allocationSpans(project: Pick<Project, 'dates' | 'team' | 'cancelled'>): Span[] {
  if (project.cancelled) return [];
  const dates = project.dates ?? ({} as Partial<Project['dates']>);
  const end = dates.actual_end ?? dates.forecast_end ?? dates.baseline_end;
  return (project.team ?? []).flatMap((member, index): Span[] => {
    const from = member?.from ?? dates.start;
    const to = member?.to ?? end;
    const percent = finite(member?.allocation) ?? 0;
    return from && percent > 0 ? [[member.person, percent, dayNumber(from), to ? dayNumber(to) : null, index]] : [];
  });
}

/**
 * A stretch of days with one load: their sum, how many parts make it, and the first few of them (in the order
 * they started); `to` null when it runs on.
 */
export interface Segment<T> {
  from: number;
  to: number | null;
  percent: number;
  count: number;
  first: T[];
}

/** A person's stretches, and for each part given (in order) the stretches it is in: [first, last] indices, or undefined when it loads no working day. */
export interface Load<T> {
  segments: Array<Segment<T>>;
  within: Array<[number, number] | undefined>;
}

/** How many parts a stretch names; the others are counted (a person on 2,000 projects is one readable line). */
export const NAMED_PARTS = 5;

/**
 * One person's load from `fromDay` on, as stretches of constant load that hold at least one working day (a
 * weekend alone loads nobody). Stretches with the same parts, apart only by days off, are one. A sweep over
 * the allocations' start and end days: O(n log n) in them, whatever the number of projects or days; a stretch
 * keeps the first few of its parts, never all (10,000 projects on four people made hundreds of millions).
 */
export function loadSegments<T>(parts: ReadonlyArray<{ part: T; percent: number; from: number; to: number | null }>, fromDay: number): Load<T> {
  const events: Array<{ day: number; index: number; starts: boolean }> = [];
  parts.forEach((p, index) => {
    // Over before today, or ending before it starts: it loads no day to come.
    if (p.to !== null && (p.to < fromDay || p.to < p.from)) return;
    events.push({ day: Math.max(p.from, fromDay), index, starts: true });
    if (p.to !== null) events.push({ day: p.to + 1, index, starts: false });
  });
  events.sort((a, b) => a.day - b.day);
  const running = new Set<number>();
  // The parts that came or went since the last stretch was kept: none means the same parts.
  const changed = new Set<number>();
  const firstIn = new Map<number, number>();
  const within: Load<T>['within'] = parts.map(() => undefined);
  let percent = 0;
  const segments: Array<Segment<T>> = [];
  const close = (index: number) => {
    const first = firstIn.get(index);
    if (first !== undefined && first <= segments.length - 1) within[index] = [first, segments.length - 1];
  };
  for (let i = 0; i < events.length; ) {
    const day = events[i]!.day;
    for (; i < events.length && events[i]!.day === day; i++) {
      const { index, starts } = events[i]!;
      if (starts) running.add(index), firstIn.set(index, segments.length);
      else running.delete(index), close(index);
      if (!changed.delete(index)) changed.add(index);
      percent += (starts ? 1 : -1) * parts[index]!.percent;
    }
    const work = workingDaysIn(day, i < events.length ? events[i]!.day - 1 : null);
    if (running.size === 0 || !work) continue;
    const last = segments[segments.length - 1];
    if (last && last.to !== null && !workingDaysIn(last.to + 1, work.first - 1) && changed.size === 0) {
      last.to = work.last;
      continue;
    }
    segments.push({ from: work.first, to: work.last, percent, count: running.size, first: firstOf(running, parts) });
    changed.clear();
  }
  for (const index of running) close(index);
  return { segments, within };
}

/** The parts of the first NAMED_PARTS indices of a set, in its order. */
function firstOf<T>(running: Set<number>, parts: ReadonlyArray<{ part: T }>): T[] {
  const named: T[] = [];
  for (const index of running) {
    if (named.length === NAMED_PARTS) break;
    named.push(parts[index]!.part);
  }
  return named;
}

/**
 * The stretch of highest load among stretches first..last (the earliest of equals), answered in constant time
 * after an O(n log n) table: a rule asks it once per allocation.
 */
export function peakFinder<T>(segments: ReadonlyArray<Segment<T>>): (range: [number, number]) => Segment<T> {
  const better = (a: number, b: number) => (segments[b]!.percent > segments[a]!.percent ? b : a);
  const table: number[][] = [segments.map((_, i) => i)];
  for (let width = 2; width <= segments.length; width *= 2) {
    const below = table[table.length - 1]!;
    table.push(below.slice(0, segments.length - width + 1).map((a, i) => better(a, below[i + width / 2]!)));
  }
  return ([first, last]) => {
    const level = Math.floor(Math.log2(last - first + 1));
    return segments[better(table[level]![first]!, table[level]![last - (1 << level) + 1]!)]!;
  };
}

/** The first and last working days from `from` to `to` (null: on and on), or undefined when there are none. */
function workingDaysIn(from: number, to: number | null): { first: number; last: number | null } | undefined {
  if (to !== null && to < from) return undefined;
  let first = from;
  while (!isWorkingDay(first)) first++;
  if (to === null) return { first, last: null };
  let last = to;
  while (!isWorkingDay(last)) last--;
  return first <= last ? { first, last } : undefined;
}

/** The highest load of each week's working days, for `weeks` weeks from the week of `fromDay`. */
export function weeklyPeaks<T>(segments: ReadonlyArray<Segment<T>>, fromDay: number, weeks: number): number[] {
  const first = mondayOf(fromDay);
  const peaks = new Array<number>(weeks).fill(0);
  for (const s of segments) {
    const a = Math.max(0, Math.floor((s.from - first) / 7));
    const b = s.to === null ? weeks - 1 : Math.min(weeks - 1, Math.floor((s.to - first) / 7));
    for (let w = a; w <= b; w++) peaks[w] = Math.max(peaks[w]!, s.percent);
  }
  return peaks;
}

/** A calendar month as days: its first and last day numbers and how many working days it has. */
export interface MonthDays {
  month: string;
  first: number;
  last: number;
  working: number;
}

/** The month (YYYY-MM) as days. */
export function monthDays(month: string): MonthDays {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = Math.floor(Date.UTC(y, m - 1, 1) / DAY_MS);
  const last = Math.floor(Date.UTC(y, m, 0) / DAY_MS);
  return { month, first, last, working: workingDaysBetween(first, last) };
}

/** How many working days there are from `from` to `to`, both included (0 when `to` is before `from`). */
export function workingDaysBetween(from: number, to: number): number {
  if (to < from) return 0;
  const days = to - from + 1;
  let count = Math.floor(days / 7) * 5;
  for (let day = from + Math.floor(days / 7) * 7; day <= to; day++) if (isWorkingDay(day)) count++;
  return count;
}

/**
 * What an allocation of `percent` from `from` to `to` (null: runs on) loads each month on average: the percent
 * times the share of the month's working days it runs on. Summed over allocations, a month's average load
 * (an allocation of 100% for half the month's working days is 50).
 */
export function monthlyShare(percent: number, from: number, to: number | null, months: readonly MonthDays[]): number[] {
  return months.map((m) => {
    const days = workingDaysBetween(Math.max(from, m.first), Math.min(to ?? m.last, m.last));
    return m.working === 0 ? 0 : (percent * days) / m.working;
  });
}

/** The highest load of any working day in each month: a month is over capacity when one of its days is. */
export function monthlyPeaks<T>(segments: ReadonlyArray<Segment<T>>, months: readonly MonthDays[]): number[] {
  return months.map((m) => Math.max(0, ...segments.filter((s) => s.from <= m.last && (s.to === null || s.to >= m.first)).map((s) => s.percent)));
}
