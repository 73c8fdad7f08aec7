/**
 * The parse cache: what pmo learned about each file (its own findings, the facts cross-file checks need, and
 * where its findings point), keyed by the file's content hash, so a warm `pmo check` parses nothing that has
 * not changed.
 *
 * A head file and a few shards of entries per repo, each replaced atomically (write a temp file, then rename),
 * so concurrent runs can only lose each other's additions, never corrupt it; a file that does not read back is
 * ignored.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { RawFinding } from '../findings.js';
import type { FileFacts, Reference } from '../model/references.js';
import type { DirListing } from './exists.js';
import type { Spans } from './position.js';

export interface CacheEntry {
  /** Content hash of the file the entry describes. */
  hash: string;
  /**
   * [mtimeMs, size, ctimeMs] of the file when that content was hashed: while all are unchanged, a warm run
   * takes the hash on trust instead of reading the file (git's index does the same). ctime catches what
   * resets mtime (touch -d, cp -p, archives): it cannot be set back.
   */
  stat?: [number, number, number];
  /** The file's own findings (YAML, schema, in-file integrity, and the built-in rules of its project). */
  findings: RawFinding[];
  /** Set when rules ran on the file: the date their findings hold for. Another day, the file is analyzed anew. */
  today?: string;
  /** What the file defines and references, for cross-file checks; absent when it could not be parsed. */
  facts?: FileFacts;
  /** Where the file's findings point (anchor key → offsets), once a finding needed it. */
  spans?: Spans;
  /** Every reference of the file, located and worded, once one of them was broken. */
  references?: Reference[];
  /** The parsed data: kept for pmo.yaml and the rule files only, which every run that judges files needs. */
  data?: unknown;
}

/** The head file: what every entry was judged under, and what else a run keeps. */
interface CacheHead {
  /** The build of pmo that wrote it: another build's cache is not trusted. */
  key: string;
  /** pmo.yaml as last validated; the other entries were validated under it. */
  config?: CacheEntry;
  /** The PMO's rule files the entries were judged under (paths and contents, and project paths when rules read them). */
  rulesets?: string;
  /** Directory listings for record checks, reused while a directory's mtime is unchanged. */
  dirs?: Record<string, DirListing>;
}

/** A shard: the entries of the paths that hash to it, stamped with the head they were judged under. */
interface CacheShard {
  stamp: string;
  entries: Record<string, CacheEntry>;
}

const HEAD_NAME = 'check-cache.json';
/**
 * Entries are spread over shards by path, so that a run that learned about one file rewrites one shard: at
 * 5,000 projects the whole cache is ~7 MB, and rewriting it all cost a pre-commit check ~80 ms.
 */
const SHARDS = 16;
const shardName = (i: number) => `check-cache.${i.toString(16)}.json`;

function shardOf(path: string): number {
  let hash = 2166136261; // FNV-1a: cheap and spreads similar paths (projects/p00001.yaml, ...) evenly
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 16777619);
  return (hash >>> 0) % SHARDS;
}

/** node_modules/.cache/pmo when the repo has node_modules (the ESLint convention), else .pmo/cache. */
export function cacheDir(root: string): string {
  return existsSync(join(root, 'node_modules')) ? join(root, 'node_modules', '.cache', 'pmo') : join(root, '.pmo', 'cache');
}

export class ParseCache {
  /** Shards to write; the head is written whenever any shard is (and when it changed itself). */
  private readonly dirtyShards = new Set<number>();
  private headDirty = false;
  private constructor(
    private readonly dir: string,
    private head: CacheHead,
    private entries: Record<string, CacheEntry>,
  ) {}

  /**
   * Opens the cache; an unreadable, corrupt or outdated head starts it empty, and a shard that is missing,
   * corrupt or was written under another head (a concurrent run with another pmo.yaml) only misses.
   */
  static open(dir: string, key: string): ParseCache {
    const head = readJson<CacheHead>(join(dir, HEAD_NAME));
    if (!head || head.key !== key) {
      const cache = new ParseCache(dir, { key }, {});
      cache.touchAll();
      return cache;
    }
    const stamp = stampOf(head);
    const entries: Record<string, CacheEntry> = {};
    for (let i = 0; i < SHARDS; i++) {
      const shard = readJson<CacheShard>(join(dir, shardName(i)));
      if (shard?.stamp === stamp && typeof shard.entries === 'object' && shard.entries) Object.assign(entries, shard.entries);
    }
    return new ParseCache(dir, head, entries);
  }

  /** The validated pmo.yaml, if its content is unchanged. */
  config(hash: string): CacheEntry | undefined {
    return this.head.config?.hash === hash ? this.head.config : undefined;
  }

  /** Whether the entries were judged under these rule files; if not, from now on they are (callers re-judge). */
  judgedUnder(rulesets: string): boolean {
    if (this.head.rulesets === rulesets) return true;
    this.head = { ...this.head, rulesets };
    this.touchAll();
    return false;
  }

  get dirs(): Record<string, DirListing> {
    return this.head.dirs ?? {};
  }

  /** The listings this run used: kept (and the head written) when any of them was read anew. */
  setDirs(listings: Record<string, DirListing>): void {
    const known = this.dirs;
    const changed = Object.keys(listings).length !== Object.keys(known).length || Object.entries(listings).some(([dir, listing]) => known[dir] !== listing);
    if (!changed) return;
    this.head = { ...this.head, dirs: listings };
    this.headDirty = true;
  }

  /** A new pmo.yaml: what was validated under the old one no longer holds. */
  setConfig(entry: CacheEntry): void {
    this.head = { ...this.head, config: entry };
    this.entries = {};
    this.touchAll();
  }

  /** The content hash last seen for a file whose mtime and size are unchanged since. */
  knownHash(path: string, mtimeMs: number, size: number, ctimeMs: number): string | undefined {
    const stat = this.entries[path]?.stat;
    return stat && stat[0] === mtimeMs && stat[1] === size && stat[2] === ctimeMs ? this.entries[path]!.hash : undefined;
  }

  /** The entry of an unchanged file, unless its rule findings were for another day. */
  get(path: string, hash: string, today: string): CacheEntry | undefined {
    const entry = this.entries[path];
    if (!entry || entry.hash !== hash || !Array.isArray(entry.findings)) return undefined;
    return entry.today === undefined || entry.today === today ? entry : undefined;
  }

  set(path: string, entry: CacheEntry): void {
    this.entries[path] = entry;
    this.dirtyShards.add(shardOf(path));
  }

  /** Drops entries of files that no longer exist (only when the whole repo was read). */
  retain(paths: ReadonlySet<string>): void {
    for (const path of Object.keys(this.entries)) {
      if (!paths.has(path)) {
        delete this.entries[path];
        this.dirtyShards.add(shardOf(path));
      }
    }
  }

  /**
   * Writes what changed: the dirty shards, then the head. Each file is replaced atomically (temp file, then
   * rename), so a concurrent run reads old or new files, never half of one. Failing to write a cache is never
   * worth failing a check.
   */
  save(): void {
    if (this.dirtyShards.size === 0 && !this.headDirty) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      ensureIgnored(this.dir);
      const stamp = stampOf(this.head);
      const byShard = new Map<number, Array<[string, CacheEntry]>>([...this.dirtyShards].map((i) => [i, []]));
      for (const [path, entry] of Object.entries(this.entries)) byShard.get(shardOf(path))?.push([path, entry]);
      for (const [i, entries] of byShard) replaceFile(join(this.dir, shardName(i)), streamed(stamp, entries));
      replaceFile(join(this.dir, HEAD_NAME), [JSON.stringify(this.head)]);
      this.dirtyShards.clear();
      this.headDirty = false;
    } catch {
      // a read-only checkout, a full disk: the next run is cold, nothing worse
    }
  }

  private touchAll(): void {
    for (let i = 0; i < SHARDS; i++) this.dirtyShards.add(i);
    this.headDirty = true;
  }
}

/** What a shard must have been written under to be trusted: the build, pmo.yaml, and the rule files. */
function stampOf(head: CacheHead): string {
  return createHash('sha1').update(`${head.key}\0${head.config?.hash ?? ''}\0${head.rulesets ?? ''}`).digest('hex');
}

function readJson<T>(path: string): T | undefined {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return value && typeof value === 'object' ? (value as T) : undefined;
  } catch {
    return undefined; // missing or corrupt: start afresh, it is rewritten on save
  }
}

/**
 * A shard as chunks of JSON, an entry at a time: one JSON.stringify of a big cache would hold all of it as
 * one string (and its parts) in memory at once.
 */
function* streamed(stamp: string, entries: Array<[string, CacheEntry]>): Generator<string> {
  let chunk = `{"stamp":${JSON.stringify(stamp)},"entries":{`;
  let first = true;
  for (const [name, entry] of entries) {
    chunk += `${first ? '' : ','}${JSON.stringify(name)}:${JSON.stringify(entry)}`;
    first = false;
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}}}`;
}

function replaceFile(path: string, chunks: Iterable<string>): void {
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
 * A .pmo/ directory ignores itself, so what pmo keeps there (the cache, the editor schemas) never shows up in
 * `git status`. `dir` is the folder about to be written; only a .pmo/ directly above it is marked.
 */
export function ensureIgnored(dir: string): void {
  const marker = join(dir, '..', '.gitignore');
  if (basename(dirname(dir)) === '.pmo' && !existsSync(marker)) writeFileSync(marker, '# written by pmo (cache, editor schemas), safe to delete\n*\n');
}
