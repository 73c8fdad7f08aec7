/**
 * What a writing command decided to write, and the one place it is written (or, with --dry-run, shown as a
 * unified diff and not written).
 */
import { rmSync } from 'node:fs';
import { unifiedDiff } from './diff.js';
import { createFile, replaceFile } from './atomic-write.js';
import { assertInsideRepo } from './inside-repo.js';

export interface FileChange {
  /** Repo-relative, forward slashes. */
  path: string;
  abs: string;
  /** The bytes read (undefined: a new file). The file must still hold them when it is replaced. */
  before?: Buffer;
  after: Buffer;
}

/** The unified diff of every change, in order. */
export function diffOf(changes: readonly FileChange[]): string {
  return changes.map((c) => unifiedDiff(c.path, c.before?.toString('utf8'), c.after.toString('utf8'))).join('');
}

/**
 * Writes the changes atomically, one file at a time; an unchanged file is not touched. Every path is checked
 * to lie inside the repository at `root` first, so a refused one leaves every file as it was. A write that
 * fails takes the files this call created with it, and puts back the ones it replaced: `pmo init` on a full
 * disk leaves no pmo.yaml without its people.yaml, and a `pmo update --from` batch no half of its week.
 */
export function writeChanges(root: string, changes: readonly FileChange[]): void {
  for (const change of changes) assertInsideRepo(root, change.abs, change.path);
  const created: string[] = [];
  const replaced: FileChange[] = [];
  try {
    for (const change of changes) {
      if (change.before === undefined) {
        createFile(change.abs, change.after, change.path);
        created.push(change.abs);
      } else if (!change.before.equals(change.after)) {
        replaceFile(change.abs, change.after, change.before, change.path);
        replaced.push(change);
      }
    }
  } catch (error) {
    for (const path of created) rmSync(path, { force: true });
    for (const change of replaced.reverse()) restore(change);
    throw error;
  }
}

/** Puts a replaced file's bytes back, as best it can: the write that failed is the error the PM is told of. */
function restore(change: FileChange): void {
  try {
    replaceFile(change.abs, change.before!, change.after, change.path);
  } catch {
    // left as written: the error that stopped the writes says what to fix; a retry then finds it edited
  }
}
