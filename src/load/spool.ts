/**
 * What a cold check keeps for a new day (see Rejudge), written to disk by the thread that made it, as soon as it
 * is made: each day-bound file's data (~7 KB a file, with its positions when it has findings) and what else a new
 * day needs of it are two record lines (see keptRecords), sealed where they were made, and the thread keeps only
 * where its lines are. Held in memory until the cache was saved, they were ~37 MB on the main thread at 5,000
 * projects, with their copies on the way from the workers: the cold check's peak went from ~260 MB to ~350 MB.
 * Saving the cache copies each line, as it is, from its spool into its shard's rejudge files, one shard at a time;
 * then the spools are deleted.
 *
 * A spool is a file of the cache folder, named after the process and thread that wrote it, deleted once saved;
 * one that outlived its run (a crash, a worker that ran out of memory) is deleted by any save an hour later.
 */
import { closeSync, openSync, readdirSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { Kept } from './cache.js';
import { isSealedLineOf, sealedLine, RawJson } from './sealed.js';

/** Where a file's record lines are: its spool (a name in the cache folder), and the lines' bytes in it. */
export interface Spooled {
  spool: string;
  offset: number;
  length: number;
}

const PREFIX = 'rejudge-spool.';
/** Lines are written in chunks of about this many characters. */
const CHUNK = 1 << 18;
/** A spool older than this is no running check's. */
const STALE_MS = 60 * 60 * 1000;

let spools = 0;

/**
 * A file's records for its shard's rejudge files: the lean one, which a new day reads of every day-bound file,
 * and its body (its data, and its positions when it has findings: ~85% of the bytes), which a new day reads
 * by its place in the body file, only for a file whose rules run again or whose findings point somewhere new.
 * The data's JSON text is written as it is: it was made on the thread that parsed it.
 */
export function keptRecords(path: string, { rejudge, body }: Kept): { lean: string; body: string } {
  const key = JSON.stringify(path);
  const positions = body.positions === undefined ? '' : `,"positions":${JSON.stringify(body.positions)}`;
  return { lean: sealedLine([path, rejudge]), body: sealedLine(new RawJson(`[${key},{"hash":${JSON.stringify(rejudge.hash)},"data":${body.data}${positions}}]`)) };
}

/** A spool being written: one per analysis job, closed when the job is done. */
export class Spool {
  readonly name = `${PREFIX}${process.pid}.${threadId}.${spools++}.${Date.now()}`;
  private fd?: number;
  private written = 0;
  private chunk = '';
  /** Set when a write failed (a read-only or full disk): nothing more is spooled, and the cache keeps less. */
  private failed = false;

  constructor(private readonly dir: string) {}

  /** Spools the file's records, lean line then body line; undefined when they cannot be written (then a new day reads the file again). */
  add(path: string, kept: Kept): Spooled | undefined {
    // Opened with the first record, so that a spool that cannot be made (or is another's: 'wx') places none.
    if (this.failed || (this.fd === undefined && !this.open())) return undefined;
    const { lean, body } = keptRecords(path, kept);
    const line = lean + body;
    const length = Buffer.byteLength(line);
    const spooled = { spool: this.name, offset: this.written, length };
    this.written += length;
    this.chunk += line;
    return this.chunk.length < CHUNK || this.flush() ? spooled : undefined;
  }

  /** Writes what is left, and closes the spool. A line that could not be written reads as missing (see SpoolReader). */
  close(): void {
    this.flush();
    if (this.fd !== undefined) closeQuietly(this.fd);
    this.fd = undefined;
  }

  private open(): boolean {
    try {
      this.fd = openSync(join(this.dir, this.name), 'wx');
    } catch {
      this.failed = true;
    }
    return !this.failed;
  }

  private flush(): boolean {
    if (this.failed || this.chunk === '') return !this.failed;
    try {
      const bytes = Buffer.from(this.chunk);
      // A short write (a disk full) would leave every later line away from where it was said to be.
      if (writeSync(this.fd!, bytes) !== bytes.length) this.failed = true;
    } catch {
      this.failed = true;
    }
    this.chunk = '';
    return !this.failed;
  }
}

/** Reads spooled lines back (the cache's save), each spool opened once. */
export class SpoolReader {
  private readonly reader: LineReader;

  constructor(dir: string) {
    this.reader = new LineReader(dir);
  }

  /**
   * The file's spooled lines, lean and body, as they were sealed; undefined when they cannot be read whole, or are
   * not the file's records as they were sealed (damaged on disk: the rejudge files they go into would vouch for them).
   */
  lines(path: string, { spool, offset, length }: Spooled): { lean: string; body: string } | undefined {
    const both = this.reader.read(spool, offset, length);
    const end = both?.indexOf('\n') ?? -1;
    if (end < 0) return undefined;
    const lean = both!.slice(0, end + 1);
    const body = both!.slice(end + 1);
    return isSealedLineOf(lean, path) && isSealedLineOf(body, path) ? { lean, body } : undefined;
  }

  close(): void {
    this.reader.close();
  }
}

/** Reads bytes by their place in the files of a folder (spools, rejudge bodies), each file opened once. */
export class LineReader {
  private readonly open = new Map<string, number | undefined>();

  constructor(private readonly dir: string) {}

  /** The `length` bytes at `offset` of the file named, as UTF-8; undefined when they cannot be read whole. */
  read(name: string, offset: number, length: number): string | undefined {
    try {
      if (!this.open.has(name)) this.open.set(name, openSync(join(this.dir, name), 'r'));
      const fd = this.open.get(name);
      if (fd === undefined) return undefined;
      const bytes = Buffer.allocUnsafe(length);
      return readSync(fd, bytes, 0, length, offset) === length ? bytes.toString('utf8') : undefined;
    } catch {
      this.open.set(name, undefined);
      return undefined;
    }
  }

  close(): void {
    for (const fd of this.open.values()) if (fd !== undefined) closeQuietly(fd);
    this.open.clear();
  }
}

/** A close that fails (a network disk's late write error) costs only what the spool held: never the check. */
function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // its lines read as missing, or short
  }
}

/**
 * Deletes the spools named (saved, or of entries since replaced), those of this process when `mine` (a check that
 * ended without saving its cache, or a worker's that failed), and any an hour old: no running check's.
 */
export function removeSpools(dir: string, done: ReadonlySet<string>, mine = false): void {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.startsWith(PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      if (done.has(name) || (mine && name.startsWith(`${PREFIX}${process.pid}.`)) || Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
    } catch {
      // gone already, or another run's to delete
    }
  }
}
