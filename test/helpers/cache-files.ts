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

/** Whether `path` is as pmo wrote it: the file and every record matching their checksums. */
export function wholeFile(path: string): boolean {
  const { records, whole } = unsealed(readFileSync(path, 'utf8'));
  return whole && records.every((record) => record !== undefined);
}

/** The cache files in `dir` that are not whole. */
export function damagedFiles(dir: string): string[] {
  return cacheFiles(dir).filter((name) => !wholeFile(join(dir, name)));
}
