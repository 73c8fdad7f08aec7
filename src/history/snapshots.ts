/**
 * The repository at the end of each period, rebuilt from one `git log`: the commits' changes replayed in order
 * (the first commit adds its whole tree), the tree copied at the commit that stands for each period's end: the one
 * `--as-of` takes for that day (commit-day.ts). Pure. One snapshot at a time: a year of weekly trees of a
 * thousand projects held at once was ~10 MB of a trend's live heap.
 */
import { GitError } from '../errors.js';
import { SHALLOW_FIX, type HistoryCommit } from '../load/git.js';
import { commitIndexOn, localDate } from '../load/commit-day.js';
import type { Period } from './periods.js';

export interface Snapshot {
  period: Period;
  /** The commit `--as-of <end>` takes; null when the branch has none made on or before that day. */
  commit: { id: string; date: string } | null;
  /** Every path of the PMO folder at that commit, with its blob id. */
  tree: ReadonlyMap<string, string>;
}

export function* snapshots(history: readonly HistoryCommit[], periods: readonly Period[]): Generator<Snapshot> {
  const days = history.map((c) => localDate(c.time));
  const tree = new Map<string, string>();
  let next = 0;
  let last: HistoryCommit | undefined;
  for (const period of periods) {
    // Periods come in the order of time, so each one's commit is at or after the one before it.
    const chosen = commitIndexOn(days, period.end);
    while (next <= chosen) {
      last = history[next++]!;
      for (const change of last.changes) {
        if (change.index === undefined) tree.delete(change.path);
        else tree.set(change.path, change.index);
      }
    }
    if (chosen < 0 && history[0]?.shallow) {
      throw new GitError(`the history before ${days[0]} is not in this shallow clone, and ${period.label} needs it: ${SHALLOW_FIX}`);
    }
    const at = chosen < 0 ? undefined : last;
    yield { period, commit: at ? { id: at.id, date: days[chosen]! } : null, tree: at ? new Map(tree) : new Map() };
  }
}
