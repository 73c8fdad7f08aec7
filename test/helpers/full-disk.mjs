// Runs pmo on a full disk, for test/helpers/mounts.ts. Started under `unshare --mount`, so that the small tmpfs
// it mounts is this process's alone and goes with it, whatever happens to the test.
//   node full-disk.mjs <repo> <out> <free bytes> <pmo args...>
// Copies <repo> onto the tmpfs, fills it until only <free bytes> are left, runs bin/pmo.js there with the args,
// copies what pmo left to <out>, and prints { code, stdout, stderr } as JSON.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, cpSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/pmo.js', import.meta.url));
const [repo, out, free, ...args] = process.argv.slice(2);

/** Writes zeros until the disk is full, then gives back `free` bytes (tmpfs frees a truncated file's pages). */
function fill(path, free) {
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(4096);
  let size = 0;
  try {
    for (;;) size += writeSync(fd, block);
  } catch (error) {
    if (error.code !== 'ENOSPC') throw error;
  }
  ftruncateSync(fd, Math.max(0, size - free));
  closeSync(fd);
}

const disk = mkdtempSync(join(tmpdir(), 'pmo-full-disk-'));
execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk]);
try {
  cpSync(repo, join(disk, 'repo'), { recursive: true });
  fill(join(disk, 'filler'), Number(free));
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: join(disk, 'repo'), encoding: 'utf8' });
  cpSync(join(disk, 'repo'), out, { recursive: true });
  process.stdout.write(JSON.stringify({ code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr }));
} finally {
  execFileSync('umount', [disk]);
  rmSync(disk, { recursive: true, force: true });
}
