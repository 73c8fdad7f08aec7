/**
 * Write faults that permission bits cannot make for root (and these tests run as root in CI): a full disk (a
 * small tmpfs), a read-only mount (a read-only bind mount) and an immutable file (chattr +i). The mounts are
 * made under `unshare --mount`, in a mount namespace of their own that ends with the command, so a failed test
 * leaves no mount behind. Where the system does not allow them (no root, no util-linux, a container without
 * CAP_SYS_ADMIN) the tests skip, saying why; CI's machine allows them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN, type Run } from './cli.js';

const FULL_DISK = fileURLToPath(new URL('./full-disk.mjs', import.meta.url));
const PRIVATE = ['--mount', '--propagation', 'private'];

/** Why `command` fails here (its error or its stderr), or undefined when it runs. */
function refusal(command: string, args: string[]): string | undefined {
  const run = spawnSync(command, args, { encoding: 'utf8' });
  if (run.error) return `${command}: ${run.error.message}`;
  return run.status === 0 ? undefined : `${command} ${args.join(' ')}: ${run.stderr.trim() || `exit ${run.status}`}`;
}

function skipNote(reason: string | undefined, what: string): string | undefined {
  if (!reason) return undefined;
  const note = `${what} skipped: ${reason}`;
  console.warn(`skipped: ${note}`);
  return note;
}

/** Why the mount tests cannot run here, or undefined when they can. */
export const mountsMissing = skipNote(refusal('unshare', [...PRIVATE, 'mount', '-t', 'tmpfs', '-o', 'size=4k', 'tmpfs', tmpdir()]), 'the full-disk and read-only mount tests');

/** Why the immutable-file tests cannot run here, or undefined when they can. */
export const chattrMissing = skipNote(probeChattr(), 'the immutable file tests');

function probeChattr(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'pmo-chattr-'));
  writeFileSync(join(dir, 'probe'), '');
  try {
    const reason = refusal('chattr', ['+i', join(dir, 'probe')]);
    if (!reason) execFileSync('chattr', ['-i', join(dir, 'probe')]);
    return reason;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pmo run in a copy of `repo` on a disk with `free` bytes left; `after` is a copy of what it left there. */
export function onFullDisk(repo: string, free: number, args: string[]): { run: Run; after: string } {
  const after = join(mkdtempSync(join(tmpdir(), 'pmo-after-')), 'repo');
  process.once('exit', () => rmSync(join(after, '..'), { recursive: true, force: true }));
  const helper = spawnSync('unshare', [...PRIVATE, process.execPath, FULL_DISK, repo, after, String(free), ...args], { encoding: 'utf8' });
  if (helper.status !== 0) throw new Error(`full-disk.mjs failed (exit ${helper.status}): ${helper.stderr}`);
  return { run: JSON.parse(helper.stdout) as Run, after };
}

/** pmo run in `cwd`, with `dir` mounted read-only (the files stay where they are, for the test to read). */
export function onReadOnlyMount(dir: string, cwd: string, args: string[]): Run {
  const script = 'mount --bind -o ro "$0" "$0" && exec "$@"';
  const run = spawnSync('unshare', [...PRIVATE, 'sh', '-c', script, dir, process.execPath, BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** Runs `use` with `paths` immutable (chattr +i), and makes them mutable again whatever happens. */
export function whileImmutable<T>(paths: string[], use: () => T): T {
  execFileSync('chattr', ['+i', ...paths]);
  try {
    return use();
  } finally {
    execFileSync('chattr', ['-i', ...paths]);
  }
}
