// Preloaded into a pmo process (NODE_OPTIONS=--import=...) to make its write fail the way disks and people
// do, without a test hook in pmo itself. PMO_FAULT picks the fault; it strikes pmo's temp file only (slow: any file).
//   rename      the rename over the file fails (EIO), as on a full or failing disk
//   kill        the process is killed (SIGKILL) halfway through writing the temp file
//   concurrent  someone else saves the file while pmo writes its temp file
//   slow        each write to a file (not only the temp file: whatever pmo writes to) pauses 20 ms halfway, so
//               that a kill at a random moment often lands inside a write (test/e2e/kill-writes.test.ts)
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { basename, dirname, join } from 'node:path';

const fault = process.env.PMO_FAULT;
const isTemp = (path) => /\.pmo-\d+-[0-9a-f]+\.tmp$/.test(String(path));
/** `.apollo.yaml.pmo-123-abcd.tmp` → `apollo.yaml`, beside it. */
const targetOf = (temp) => join(dirname(temp), basename(temp).replace(/^\./, '').replace(/\.pmo-\d+-[0-9a-f]+\.tmp$/, ''));
const temps = new Map();

const { openSync, writeSync, fsyncSync, renameSync } = fs;
fs.openSync = (path, ...rest) => {
  const fd = openSync(path, ...rest);
  if (isTemp(path)) temps.set(fd, String(path));
  return fd;
};
if (fault === 'rename') {
  fs.renameSync = (from, to) => {
    if (!isTemp(from)) return renameSync(from, to);
    throw Object.assign(new Error(`EIO: i/o error, rename '${from}' -> '${to}'`), { code: 'EIO', syscall: 'rename', path: String(from) });
  };
}
if (fault === 'kill') {
  fs.writeSync = (fd, buffer, offset = 0, length = buffer.length - offset, ...rest) => {
    if (!temps.has(fd)) return writeSync(fd, buffer, offset, length, ...rest);
    writeSync(fd, buffer, offset, Math.floor(length / 2));
    process.kill(process.pid, 'SIGKILL');
    return 0;
  };
}
if (fault === 'slow') {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  fs.writeSync = (fd, buffer, offset = 0, length = buffer.length - offset, ...rest) => {
    if (fd <= 2 || typeof buffer === 'string') return writeSync(fd, buffer, offset, length, ...rest);
    const half = writeSync(fd, buffer, offset, Math.floor(length / 2));
    Atomics.wait(pause, 0, 0, 20);
    return half + writeSync(fd, buffer, offset + half, length - half);
  };
}
if (fault === 'concurrent') {
  fs.fsyncSync = (fd) => {
    const temp = temps.get(fd);
    if (temp) fs.appendFileSync(targetOf(temp), '# saved by someone else meanwhile\n');
    return fsyncSync(fd);
  };
}
syncBuiltinESMExports();
