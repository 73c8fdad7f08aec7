/**
 * Which commit stands for a day: the one rule behind `--as-of <date>` and each period of `pmo report trends`.
 * Pure: the branch's commits and their times in, an index out.
 */

/** A commit of the branch (first parents from HEAD) with its committer time, seconds since the epoch. */
export interface DatedCommit {
  id: string;
  time: number;
}

/** The local calendar date of a commit time (seconds), as `git log --before` reads a date. */
export function localDate(seconds: number): string {
  const d = new Date(seconds * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The index of the commit that stands for `day` in `days` (the commits' local dates, oldest first): the newest
 * commit of the branch made on or before that day; -1 when there is none. Newest by place in the branch, not by
 * date: a history set up today and back-filled with last quarter's dated updates has its first commit dated
 * after the rest, and stopping at the first commit dated after the day would freeze every later day on it.
 */
export function commitIndexOn(days: readonly string[], day: string): number {
  for (let i = days.length - 1; i >= 0; i--) if (days[i]! <= day) return i;
  return -1;
}

/** The earliest date among the commits (not the first commit's, in a back-dated history). */
export function earliestDay(days: readonly string[]): string | undefined {
  return days.reduce<string | undefined>((min, d) => (min === undefined || d < min ? d : min), undefined);
}
