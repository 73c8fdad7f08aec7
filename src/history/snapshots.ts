/**
 * The repository at the end of each period, rebuilt from one `git log`: the commits' changes replayed in order
 * (the first commit adds its whole tree), the tree copied at each period's last commit. Pure.
 */
import { GitError } from '../errors.js';
import { SHALLOW_FIX, type HistoryCommit } from '../load/git.js';
import type { Period } from './periods.js';

export interface Snapshot {
  period: Period;
  /** The last commit at or before the end of the period; null before the first commit. */
  commit: { id: string; date: string } | null;
  /** Every path of the PMO folder at that commit, with its blob id. */
  tree: ReadonlyMap<string, string>;
}

/** The local calendar date of a commit time (seconds), as `git log --date=short` shows it. */
export function localDate(seconds: number): string {
  const d = new Date(seconds * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function snapshots(history: readonly HistoryCommit[], periods: readonly Period[]): Snapshot[] {
  const tree = new Map<string, string>();
  const out: Snapshot[] = [];
  let next = 0;
  let last: HistoryCommit | undefined;
  for (const period of periods) {
    // The end of the period's last day, on the local clock (as `git log --before` reads a date).
    while (next < history.length && localDate(history[next]!.time) <= period.end) {
      last = history[next++]!;
      for (const change of last.changes) {
        if (change.index === undefined) tree.delete(change.path);
        else tree.set(change.path, change.index);
      }
    }
    if (!last && history[0]?.shallow) {
      throw new GitError(`the history before ${localDate(history[0].time)} is not in this shallow clone, and ${period.label} needs it: ${SHALLOW_FIX}`);
    }
    out.push({ period, commit: last ? { id: last.id, date: localDate(last.time) } : null, tree: last ? new Map(tree) : new Map() });
  }
  return out;
}
