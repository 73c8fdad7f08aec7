/**
 * `pmo hooks install|uninstall`: a git pre-commit hook that runs `pmo check --staged`.
 *
 * The hook is pmo's only while it carries MARKER. An existing hook is never overwritten silently: install
 * refuses, or with `chain` moves it aside (pre-commit.pre-pmo) and runs it first; uninstall removes only
 * pmo's hook, and puts a chained one back.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import { PACKAGE_ROOT } from '../paths.js';

export const MARKER = '# pmo-hook: installed by `pmo hooks install`';
const CHAINED = 'pre-commit.pre-pmo';

export interface HookPlace {
  /** git's hooks folder (core.hooksPath honoured). */
  hooks: string;
  /** The work tree's top folder, where git runs hooks. */
  top: string;
  /** The PMO repository (pmo.yaml's folder), maybe below the top. */
  root: string;
}

export type InstallOutcome = 'installed' | 'updated' | 'chained';

export function installHook(place: HookPlace, options: { chain?: boolean } = {}): { outcome: InstallOutcome; path: string } {
  const path = join(place.hooks, 'pre-commit');
  assertHookSlot(path);
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  const ours = existing?.includes(MARKER) ?? false;
  const chained = ours ? existsSync(join(place.hooks, CHAINED)) : false;
  if (existing !== undefined && !ours) {
    if (!options.chain) {
      throw new UsageError(
        `${path} already exists and is not pmo's; it was left as it is.\n` +
          `Run \`pmo hooks install --chain\` to keep it and run pmo after it, or call \`pmo check --staged\` from it yourself.`,
      );
    }
    if (existsSync(join(place.hooks, CHAINED))) throw new UsageError(`${join(place.hooks, CHAINED)} already exists; pmo will not overwrite it`);
    renameSync(path, join(place.hooks, CHAINED));
  }
  mkdirSync(place.hooks, { recursive: true });
  writeAtomically(path, hookScript(place, chained || (existing !== undefined && !ours)));
  return { outcome: existing === undefined ? 'installed' : ours ? 'updated' : 'chained', path };
}

/**
 * The hook's place must hold a file or nothing: a folder there is an error to say, and a link that points
 * nowhere is someone's hook setup (a hooks manager, a dotfiles repo) that pmo must not silently replace.
 */
function assertHookSlot(path: string): void {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return; // nothing there
  }
  if (stat.isDirectory()) throw new UsageError(`${path} is a folder, not a hook file; move it away, then run pmo hooks install again`);
  if (stat.isSymbolicLink() && !existsSync(path)) {
    throw new UsageError(`${path} is a link to ${readlinkSync(path)}, which does not exist; pmo leaves it as it is: restore its target, or remove the link and run pmo hooks install again`);
  }
}

export function uninstallHook(place: HookPlace): { removed: boolean; restored?: string; path: string } {
  const path = join(place.hooks, 'pre-commit');
  if (!existsSync(path)) return { removed: false, path };
  if (!readFileSync(path, 'utf8').includes(MARKER)) {
    throw new UsageError(`${path} is not pmo's hook (pmo did not install it); it was left as it is`);
  }
  const chained = join(place.hooks, CHAINED);
  if (existsSync(chained)) {
    renameSync(chained, path);
    return { removed: true, restored: path, path };
  }
  rmSync(path);
  return { removed: true, path };
}

/**
 * The hook: the project's own pmo (node_modules/.bin) when it has one, else the one on PATH, else the pmo
 * that installed the hook. Git runs hooks in the work tree's top folder.
 */
function hookScript(place: HookPlace, chain: boolean): string {
  const root = relative(place.top, place.root).split('\\').join('/') || '.';
  const self = fileURLToPath(new URL('bin/pmo.js', PACKAGE_ROOT));
  return [
    '#!/bin/sh',
    MARKER,
    '# Checks what the commit holds (git\'s index) against the PMO\'s format and rules. Remove it with',
    '# `pmo hooks uninstall`; skip it once with `git commit --no-verify`.',
    ...(chain ? ['', `"$(dirname "$0")/${CHAINED}" "$@" || exit $?`] : []),
    '',
    `root=${shellQuote(root)}`,
    'if [ -x "$root/node_modules/.bin/pmo" ]; then pmo="$root/node_modules/.bin/pmo"',
    'elif [ -x node_modules/.bin/pmo ]; then pmo=node_modules/.bin/pmo',
    'elif command -v pmo >/dev/null 2>&1; then pmo=pmo',
    `else pmo=${shellQuote(self)}`,
    'fi',
    'exec "$pmo" check --staged -C "$root"',
    '',
  ].join('\n');
}

const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/** Temp file, then rename: a hook is never half-written; executable, as git requires. */
function writeAtomically(path: string, text: string): void {
  const temp = `${path}.pmo-${process.pid}.tmp`;
  writeFileSync(temp, text, { mode: 0o755 });
  chmodSync(temp, 0o755);
  renameSync(temp, path);
}
