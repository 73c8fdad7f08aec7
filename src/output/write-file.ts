/** Files pmo generates for other tools (editor schemas, settings): replaced atomically, and only when changed. */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes `text` to `path` through a temp file and a rename, so an editor watching the file never reads half
 * of it; an unchanged file is left alone (its mtime too, so watchers are not woken). True if it was written.
 */
export function writeFileIfChanged(path: string, text: string): boolean {
  if (readOrUndefined(path) === text) return false;
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
  return true;
}

export function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
