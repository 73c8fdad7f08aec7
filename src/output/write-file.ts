/** Files pmo generates for other tools (editor schemas, settings): replaced atomically, and only when changed. */
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes `text` to `path` through a temp file and a rename, so an editor watching the file never reads half
 * of it; an unchanged file is left alone (its mtime too, so watchers are not woken). True if it was written.
 */
export function writeFileIfChanged(path: string, text: string): boolean {
  if (readOrUndefined(path) === text) return false;
  mkdirSync(dirname(path), { recursive: true });
  // A link (a settings.json shared from a dotfiles repo) is written through, and the file keeps its mode.
  const target = existsSync(path) ? realpathSync(path) : path;
  const mode = existsSync(target) ? statSync(target).mode & 0o7777 : undefined;
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(temp, text);
    if (mode !== undefined) chmodSync(temp, mode);
    renameSync(temp, target);
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
