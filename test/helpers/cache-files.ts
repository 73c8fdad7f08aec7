/** The parse cache's files (src/load/cache.ts) as tests read, garble and plant them: sealed records (src/load/sealed.ts). */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sealedFile, unsealed } from '../../src/load/sealed.js';

export interface CacheFile {
  /** The file's first record: the head of a shard-like file, or all of a one-record file. */
  head: Record<string, unknown>;
  /** The records after it: [path or key, entry]. */
  entries: Array<[string, Record<string, unknown>]>;
}

/** The cache's file names in `dir`, sorted (the temp files of a write in progress left out). */
export function cacheFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.startsWith('check-cache') && name.endsWith('.json'))
    .sort();
}

/** A cache file read back; throws unless it is whole (a test wants to know). */
export function readCacheFile(path: string): CacheFile {
  const { records, whole } = unsealed(readFileSync(path, 'utf8'));
  if (!whole || records.length === 0) throw new Error(`${path} is not whole`);
  const [head, ...entries] = records as [Record<string, unknown>, ...Array<[string, Record<string, unknown>]>];
  return { head, entries };
}

/** Writes a cache file as pmo does: each record and the whole file matching their checksums. */
export function writeCacheFile(path: string, { head, entries }: CacheFile): void {
  writeFileSync(path, [...sealedFile([head, ...entries])].join(''));
}

/**
 * Writes a shard's rejudge body file (`name` the rejudge file's) and, in the head of its rejudge file, where each
 * body is in it (bytes): a body planted or garbled is read where the cache finds it.
 */
export function writeKeptBodies(dir: string, name: string, bodies: CacheFile): void {
  const bodyName = name.replace('.rejudge.json', '.rejudge-body.json');
  writeCacheFile(join(dir, bodyName), bodies);
  const lines = readFileSync(join(dir, bodyName), 'utf8').split('\n');
  const places: Record<string, [number, number]> = {};
  let offset = Buffer.byteLength(`${lines[0]}\n${lines[1]}\n`);
  for (const line of lines.slice(2, -2)) {
    const length = Buffer.byteLength(`${line}\n`);
    places[JSON.parse(line.slice(11, -1))[0] as string] = [offset, length];
    offset += length;
  }
  const lean = readCacheFile(join(dir, name));
  writeCacheFile(join(dir, name), { ...lean, head: { ...lean.head, bodies: places } });
}

/** Whether `path` is as pmo wrote it: the file and every record matching their checksums. */
export function wholeFile(path: string): boolean {
  const { records, whole } = unsealed(readFileSync(path, 'utf8'));
  return whole && records.every((record) => record !== undefined);
}

/** The cache files in `dir` that are not whole. */
export function damagedFiles(dir: string): string[] {
  return cacheFiles(dir).filter((name) => !wholeFile(join(dir, name)));
}
