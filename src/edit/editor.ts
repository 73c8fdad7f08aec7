/**
 * `--editor`: the PM writes the update in their own editor ($VISUAL, else $EDITOR), on a prefilled YAML
 * file in a temp folder, as `git commit` does for a message. A text that cannot be used is kept, and the
 * message says where.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors.js';

export interface Edited {
  text: string;
  /** Where the text is, until `discard()`. */
  file: string;
  discard: () => void;
}

/** Opens the editor on `initial`; the text saved, or undefined when the PM left it unchanged (cancelled). */
export function editText(initial: string, name: string): Edited | undefined {
  const editor = process.env.VISUAL?.trim() || process.env.EDITOR?.trim();
  if (!editor) throw new UsageError('--editor needs an editor: set $EDITOR (or $VISUAL), e.g. EDITOR=nano, or give the values as flags');
  const dir = mkdtempSync(join(tmpdir(), 'pmo-edit-'));
  const file = join(dir, name);
  const discard = () => rmSync(dir, { recursive: true, force: true });
  writeFileSync(file, initial);
  // Through the shell, as git runs it: $EDITOR may carry arguments (`code --wait`).
  const run = spawnSync(`${editor} ${shellQuote(file)}`, { shell: true, stdio: 'inherit' });
  if (run.error || run.status !== 0) {
    discard();
    const why = run.error ? run.error.message : `exited with ${run.status ?? run.signal}`;
    throw new UsageError(`the editor (${editor}) ${why}; nothing was recorded`);
  }
  const text = readFileSync(file, 'utf8');
  if (text === initial || text.trim() === '') {
    discard();
    return undefined;
  }
  return { text, file, discard };
}

const shellQuote = (value: string) => (process.platform === 'win32' ? `"${value}"` : `'${value.replace(/'/g, `'\\''`)}'`);
