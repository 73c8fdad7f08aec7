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
 * fails takes the files this call created with it: `pmo init` on a full disk leaves no pmo.yaml without its
 * people.yaml, which a second init would keep and build on as if it were whole.
 */
export function writeChanges(root: string, changes: readonly FileChange[]): void {
  for (const change of changes) assertInsideRepo(root, change.abs, change.path);
  const created: string[] = [];
  try {
    for (const change of changes) {
      if (change.before === undefined) {
        createFile(change.abs, change.after, change.path);
        created.push(change.abs);
      } else if (!change.before.equals(change.after)) replaceFile(change.abs, change.after, change.before, change.path);
    }
  } catch (error) {
    for (const path of created) rmSync(path, { force: true });
    throw error;
  }
}
