/**
 * What a cold check keeps for a new day (see Rejudge), written to disk by the thread that made it, as soon as it
 * is made: each day-bound file's data (~7 KB a file, with its positions when it has findings) is a record line
 * of the shard's rejudge file, sealed where it was made, and the thread keeps only where its line is. Held in memory until the cache was
 * saved, they were ~37 MB on the main thread at 5,000 projects, with their copies on the way from the workers:
 * the cold check's peak went from ~260 MB to ~350 MB. Saving the cache copies each line, as it is, from its spool
 * into its shard's rejudge file, one shard at a time; then the spools are deleted.
 *
 * A spool is a file of the cache folder, named after the process and thread that wrote it, deleted once saved;
 * one that outlived its run (a crash, a worker that ran out of memory) is deleted by any save an hour later.
 */
import { closeSync, openSync, readdirSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { Rejudge } from './cache.js';
import { isSealedLineOf, sealedLine, RawJson } from './sealed.js';

/** Where a file's record line is: its spool (a name in the cache folder), and the line's bytes in it. */
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
 * A file's Rejudge as its rejudge file's record: `[path, {"length": n, "data": <the data's JSON>, ...}]`, the
 * data's JSON text as it is, and first with its length, so that a new day reads the rest without it (see
 * keptFromText) and parses it only for a file whose rules run again (most files' findings hold, see heldOn).
 */
export function keptRecord(path: string, { data, ...rest }: Rejudge): RawJson {
  return new RawJson(`[${JSON.stringify(path)},{"length":${data.length},"data":${data},${JSON.stringify(rest).slice(1)}]`);
}

const LENGTH = '{"length":';
const DATA = ',"data":';

/** A record's Rejudge from its JSON text as keptRecord wrote it, its data left as text; undefined for anything else. */
export function keptFromText(text: string): Rejudge | undefined {
  const comma = text.startsWith(LENGTH) ? text.indexOf(',', LENGTH.length) : -1;
  const length = Number(text.slice(LENGTH.length, comma));
  if (comma < 0 || !Number.isSafeInteger(length) || !text.startsWith(DATA, comma)) return undefined;
  const from = comma + DATA.length;
  // What follows the data: `,` and the other fields, as one object.
  if (text.charCodeAt(from + length) !== 44 /* , */) return undefined;
  const rest = JSON.parse(`{${text.slice(from + length + 1)}`) as unknown;
  return typeof rest === 'object' && rest !== null ? { ...(rest as Omit<Rejudge, 'data'>), data: text.slice(from, from + length) } : undefined;
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

  /** Spools the file's record; undefined when it cannot be written (then a new day reads the file again). */
  add(path: string, rejudge: Rejudge): Spooled | undefined {
    // Opened with the first record, so that a spool that cannot be made (or is another's: 'wx') places none.
    if (this.failed || (this.fd === undefined && !this.open())) return undefined;
    const line = sealedLine(keptRecord(path, rejudge));
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
  private readonly open = new Map<string, number | undefined>();

  constructor(private readonly dir: string) {}

  /**
   * The file's spooled line, as it was sealed; undefined when it cannot be read whole, or is not the file's record
   * as it was sealed (damaged on disk: the rejudge file it goes into would vouch for it).
   */
  line(path: string, { spool, offset, length }: Spooled): string | undefined {
    try {
      if (!this.open.has(spool)) this.open.set(spool, openSync(join(this.dir, spool), 'r'));
      const fd = this.open.get(spool);
      if (fd === undefined) return undefined;
      const bytes = Buffer.allocUnsafe(length);
      if (readSync(fd, bytes, 0, length, offset) !== length) return undefined;
      const line = bytes.toString('utf8');
      return isSealedLineOf(line, path) ? line : undefined;
    } catch {
      this.open.set(spool, undefined);
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
