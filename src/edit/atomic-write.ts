/**
 * Writes that never leave a half-written file: the new bytes go to a temp file in the same directory (so the
 * rename cannot cross file systems), are fsynced, and then replace the file in one rename. The file keeps its
 * mode (and owner, where pmo may set it); a file that changed since pmo read it is refused, not overwritten.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync, existsSync, fchmodSync, fchownSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, realpathSync,
  renameSync, rmSync, statSync, writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EditError } from '../errors.js';
import { writeFault } from '../write-faults.js';

/** A temp file beside `path`: hidden, and not a .yaml file, so no check or editor takes it for one of the PMO's. */
function tempBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.pmo-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** Writes all of `bytes` to a new temp file with `mode`, fsynced and closed. */
function writeTemp(temp: string, bytes: Uint8Array, mode: number, owner?: { uid: number; gid: number }): void {
  const fd = openSync(temp, 'wx', mode);
  try {
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    // openSync's mode passed through the umask; the file's own mode is what it must keep.
    fchmodSync(fd, mode);
    if (owner) {
      try {
        fchownSync(fd, owner.uid, owner.gid);
      } catch {
        // Only root may give a file away; anyone else's rename leaves the file theirs, as an editor's save would.
      }
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The directory entry too: after a crash the rename is either there or not. */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems (and Windows) cannot fsync a directory; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Replaces the file at `path` (a link is followed: its target is written) with `bytes`, if it still holds
 * `expected`, the bytes pmo read and edited. `shown` names the file in messages.
 */
export function replaceFile(path: string, bytes: Uint8Array, expected: Uint8Array, shown: string): void {
  const target = realpathSync(path);
  const stat = statSync(target);
  // A rename would replace a read-only file as if it were writable (and root may write anything): the
  // write bits say what its owner wants, of the file and of its folder.
  if ((stat.mode & 0o222) === 0) throw new EditError(`${shown} is read-only; pmo does not replace it: make it writable (chmod u+w) if it should change`);
  assertWritableFolder(dirname(target), shown);
  const temp = tempBeside(target);
  try {
    writeTemp(temp, bytes, stat.mode & 0o7777, { uid: stat.uid, gid: stat.gid });
    // As late as it can be checked: someone else's save between pmo's read and this rename would be lost.
    if (!Buffer.from(readFileSync(target)).equals(Buffer.from(expected))) {
      throw new EditError(`${shown} changed while pmo was editing it (another editor, or a git checkout?); nothing was written: run the command again on the file as it is now`);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw failed(error, shown, 'the file was left as it was');
  }
  syncDir(dirname(target));
}

/** A folder without write bits is one its owner keeps as it is, even from root, whom the system lets write. */
function assertWritableFolder(dir: string, shown: string): void {
  if ((statSync(dir).mode & 0o222) === 0) throw new EditError(`the folder of ${shown} is read-only; pmo does not write there: make it writable (chmod u+w) if it should change`);
}

/** Creates `path` with `bytes`; never replaces a file that is there, even one created a moment ago. */
export function createFile(path: string, bytes: Uint8Array, shown: string): void {
  const temp = tempBeside(path);
  try {
    mkdirSync(dirname(path), { recursive: true });
    assertWritableFolder(dirname(path), shown);
    writeTemp(temp, bytes, 0o666 & ~process.umask());
    // link() fails when the name exists: unlike a check followed by a rename, nothing can slip in between.
    linkOrRename(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new EditError(`${shown} already exists; pmo never overwrites a file`);
    throw failed(error, shown, 'nothing was written');
  } finally {
    rmSync(temp, { force: true });
  }
  syncDir(dirname(path));
}

/**
 * A write the system refused (a full disk, permissions): what is wrong, that the file is as it was (`left`),
 * and what to do.
 */
function failed(error: unknown, shown: string, left: string): unknown {
  if (error instanceof EditError || !(error as NodeJS.ErrnoException)?.code) return error;
  const fault = writeFault(error);
  const message = fault
    ? `could not write ${shown}: ${fault.what} (${(error as Error).message}); ${left}: ${fault.todo}`
    : `could not write ${shown} (${(error as Error).message}); ${left}`;
  return new EditError(message, { cause: error });
}

/** A file system without hard links (some network and FAT mounts): a check, then the rename, is the best left. */
function linkOrRename(temp: string, path: string): void {
  try {
    linkSync(temp, path);
  } catch (error) {
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    if (existsSync(path)) throw Object.assign(new Error(`${path} exists`), { code: 'EEXIST' });
    renameSync(temp, path);
  }
}
