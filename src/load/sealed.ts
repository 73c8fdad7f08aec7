/**
 * Cache files that notice their own corruption. Each record (a file's head, or one entry) is a line that
 * starts with a checksum of the record's JSON, and the last line holds the checksum of all before it:
 *
 *   [
 *   "1f0c93a2",{"stamp":"…","detail":"…"},
 *   "07be44d1",["projects/apollo.yaml",{"hash":"…",…}],
 *   "c3d2e1f0"]
 *
 * A record whose line does not match its sum (a digit flipped by a disk or an editor, a cut-off line) reads
 * as missing: the cache misses and the run does the work again, instead of answering from bytes nobody wrote.
 *
 * The whole file is one JSON array, so that when its own sum matches, one JSON.parse reads it, as before the
 * sums: parsing each line on its own cost a warm check of 1,000 projects ~1 ms and ~3 MB more. The records'
 * sums are checked only when the file's does not match, to keep what is still good.
 *
 * The sum is SHA-1's first 32 bits: node:crypto is loaded anyway (content hashes), its SHA-1 is native and
 * fast (~1.3 ms over the 1.7 MB cache of 1,000 projects), and a change slips through once in 4 billion.
 * zlib's CRC-32 was as fast, but loading node:zlib for it cost every run ~1.4 MB. It guards against
 * accidents, not a forged cache: whoever can write the cache can write the files it describes.
 */
import { createHash, hash } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';

const SUM = 8;
/** `"1f0c93a2",` before a record's JSON, `,` after it. */
const PREFIX = SUM + 3;
/** Records are gathered into chunks of about this many characters for the writer. */
const CHUNK = 1 << 20;

export const sumOf = (text: string) => hash('sha1', text, 'hex').slice(0, SUM);

/**
 * Whether a line is a record line as sealedLine writes it (its sum matching its JSON), of a `[key, value]` record
 * whose key is `key` (and whose value's JSON starts with `value`): for a line sealed on another thread and kept
 * on disk meanwhile (see spool.ts), or read alone by its place in a file (see readKept in cache.ts), which the
 * file's own sum would otherwise vouch for.
 */
export function isSealedLineOf(line: string, key: string, value = ''): boolean {
  const json = line.slice(PREFIX, -2);
  return line.endsWith(',\n') && line.slice(SUM + 1, PREFIX) === '",' && json.startsWith(`[${JSON.stringify(key)},${value}`) && line.slice(1, SUM + 1) === sumOf(json);
}

/** The record of a line as sealedLine wrote it, parsed (for a line isSealedLineOf vouched for); undefined when it is no JSON. */
export function sealedRecord(line: string): unknown {
  try {
    return JSON.parse(line.slice(PREFIX, -2)) as unknown;
  } catch {
    return undefined;
  }
}

/** A record given as its JSON text: written as it is (see sealedLine). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** A record already sealed (by sealedLine, on another thread: see spool.ts): written as it is. */
export class SealedLine {
  constructor(readonly line: string) {}
}

/** A record's line: its sum, its JSON, and the line break. */
export function sealedLine(record: unknown): string {
  if (record instanceof SealedLine) return record.line;
  const json = record instanceof RawJson ? record.text : JSON.stringify(record);
  return `"${sumOf(json)}",${json},\n`;
}

/**
 * A file of `records` as chunks of text to write one after the other (one string of a big cache would hold all
 * of it in memory at once), the file's own sum last.
 */
export function* sealedFile(records: Iterable<unknown>): Generator<string> {
  const sum = createHash('sha1');
  let chunk = '[\n';
  for (const record of records) {
    chunk += sealedLine(record);
    if (chunk.length > CHUNK) {
      sum.update(chunk);
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}"${sum.update(chunk).digest('hex').slice(0, SUM)}"]\n`;
}

export interface Unsealed {
  /** Each record, in order; undefined in the place of one whose line does not match its sum. */
  records: unknown[];
  /** Whether the file is as it was written: when not, it is worth writing again, even if every record is good. */
  whole: boolean;
}

/** Where the last line of a file `sealedFile` wrote starts, when the file is whole (its own sum matches); else -1. */
function wholeUpTo(text: string): number {
  // The last line, `"c3d2e1f0"]`, and where it starts.
  const last = text.lastIndexOf('\n', text.length - 2) + 1;
  return text.length - last === SUM + 4 && text.endsWith('"]\n') && text.slice(last + 1, last + 1 + SUM) === sumOf(text.slice(0, last)) ? last : -1;
}

/**
 * The first record of a file `sealedFile` wrote, parsed alone, when the whole file is as it was written; undefined
 * when it is missing, damaged or not pmo's. For a file kept as it is, checked without parsing all of it.
 */
export function wholeFileHead(path: string): unknown {
  const text = readText(path);
  const end = text === undefined ? -1 : text.indexOf('\n', 2);
  if (text === undefined || end < 0 || wholeUpTo(text) < 0) return undefined;
  try {
    return JSON.parse(text.slice(2 + PREFIX, end - 1)) as unknown;
  } catch {
    return undefined;
  }
}

/** The records of a file `sealedFile` wrote, read as UTF-8 (the sums are of its UTF-8 bytes). */
export function unsealed(text: string): Unsealed {
  if (wholeUpTo(text) >= 0) {
    const array = JSON.parse(text) as unknown[];
    const records: unknown[] = [];
    for (let i = 1; i < array.length - 1; i += 2) records.push(array[i]);
    return { records, whole: true };
  }
  const lines = text.split('\n');
  // The first line opens the array; after the last line end is nothing, or a cut-off line.
  const records = lines.slice(1, -1).map(checkedRecord);
  // The file's sum (or what is left of it) is no record.
  if (records.length > 0 && !lines.at(-2)!.endsWith(',')) records.pop();
  return { records, whole: false };
}

/**
 * The `[key, value]` records of a whole file (its own sum matches) as their keys and their values' JSON text,
 * the head record parsed; undefined when the file is not whole, or not of such records (read it with `unsealed`).
 * For a big file of which a run needs a value at a time: each is parsed when asked for, and is garbage once used,
 * where one JSON.parse of the file would keep all of them alive together.
 */
export function unsealedByKey(text: string): { head: unknown; values: Map<string, string> } | undefined {
  const last = wholeUpTo(text);
  if (last < 0) return undefined;
  const lines = text.slice(0, last - 1).split('\n');
  try {
    const head = JSON.parse(lines[1]!.slice(PREFIX, -1)) as unknown;
    const values = new Map<string, string>();
    for (let i = 2; i < lines.length; i++) {
      const keyed = keyedRecord(lines[i]!);
      if (!keyed) return undefined;
      values.set(keyed[0], keyed[1]);
    }
    return { head, values };
  } catch {
    return undefined;
  }
}

/** A record line `"sum",["key",<value>],` as its key and its value's JSON text. */
function keyedRecord(line: string): [string, string] | undefined {
  const start = PREFIX + 1;
  if (line.charCodeAt(PREFIX) !== 91 /* [ */ || line.charCodeAt(start) !== 34 /* " */ || !line.endsWith('],')) return undefined;
  let end = start + 1;
  while (end < line.length && line.charCodeAt(end) !== 34) end += line.charCodeAt(end) === 92 /* \ */ ? 2 : 1;
  if (line.charCodeAt(end + 1) !== 44 /* , */) return undefined;
  return [JSON.parse(line.slice(start, end + 1)) as string, line.slice(end + 2, -2)];
}

function checkedRecord(line: string): unknown {
  const json = line.slice(PREFIX, -1);
  if (!line.startsWith('"') || !line.endsWith(',') || line.slice(SUM + 1, PREFIX) !== '",' || line.slice(1, SUM + 1) !== sumOf(json)) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined; // garbage that matched its sum: as rare as it gets, and still not a crash
  }
}

/**
 * A file's records (sealed.ts), each undefined where it does not match its checksum; none for a missing file.
 * `repair` is called when the file is there but not as it was written: it is worth writing again.
 */
export function readRecords(path: string, repair: () => void): unknown[] {
  const text = readText(path);
  // missing or unreadable: start afresh, it is rewritten on save
  return text === undefined ? [] : recordsIn(text, repair);
}

/** A file's text as UTF-8; undefined when it is missing or cannot be read. */
export function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The records of a file's text, as readRecords gives them. */
export function recordsIn(text: string, repair: () => void): unknown[] {
  try {
    const { records, whole } = unsealed(text);
    if (!whole) repair();
    return records;
  } catch {
    repair(); // its sum matched and it still is no JSON: not written by pmo
    return [];
  }
}

/** Writes `chunks` to `path` atomically: to a temp file beside it, then renamed over it. */
export function replaceFile(path: string, chunks: Iterable<string>): void {
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      for (const chunk of chunks) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * `value` as JSON, when JSON gives it back as it is: YAML's core schema gives nothing JSON lacks but non-finite
 * numbers (`.inf`, `.nan`), which JSON would turn into null. Undefined for a value with one. (Looked for first,
 * then stringified plainly: a replacer called on every value made it ~1.5x slower.)
 */
export function exactJson(value: unknown): string | undefined {
  return allFinite(value) ? JSON.stringify(value) : undefined;
}

function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (typeof value === 'object' && value !== null) {
    for (const key in value) if (!allFinite((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}
