/**
 * The parse cache: what pmo learned about each file (its own findings, the facts cross-file checks need, and
 * where its findings point), keyed by the file's content hash, so a warm `pmo check` parses nothing that has
 * not changed.
 *
 * One JSON file per repo, replaced atomically (write a temp file, then rename), so concurrent runs can
 * only lose each other's additions, never corrupt it; a cache that does not read back is ignored.
 */
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

interface CacheFile {
  /** The build of pmo that wrote it: another build's cache is not trusted. */
  key: string;
  /** pmo.yaml as last validated; the other entries were validated under it. */
  config?: CacheEntry;
  /** The PMO's rule files the entries were judged under (a hash of their paths and contents). */
  rulesets?: string;
  /** Directory listings for record checks, reused while a directory's mtime is unchanged. */
  dirs?: Record<string, DirListing>;
  entries: Record<string, CacheEntry>;
}

const CACHE_NAME = 'check-cache.json';

/** node_modules/.cache/pmo when the repo has node_modules (the ESLint convention), else .pmo/cache. */
export function cacheDir(root: string): string {
  return existsSync(join(root, 'node_modules')) ? join(root, 'node_modules', '.cache', 'pmo') : join(root, '.pmo', 'cache');
}

export class ParseCache {
  private dirty = false;
  private constructor(
    private readonly dir: string,
    private readonly key: string,
    private configEntry: CacheEntry | undefined,
    private entries: Record<string, CacheEntry>,
    private rulesetsKey: string | undefined,
    private dirListings: Record<string, DirListing>,
  ) {}

  /** Opens the cache; an unreadable, corrupt or outdated one starts empty. */
  static open(dir: string, key: string): ParseCache {
    try {
      const file = JSON.parse(readFileSync(join(dir, CACHE_NAME), 'utf8')) as CacheFile;
      if (file && file.key === key && typeof file.entries === 'object' && file.entries) {
        return new ParseCache(dir, key, file.config, file.entries, file.rulesets, file.dirs ?? {});
      }
    } catch {
      // missing or corrupt: start afresh, it is rewritten on save
    }
    return new ParseCache(dir, key, undefined, {}, undefined, {});
  }

  /** The validated pmo.yaml, if its content is unchanged. */
  config(hash: string): CacheEntry | undefined {
    return this.configEntry?.hash === hash ? this.configEntry : undefined;
  }

  /** Whether the entries were judged under these rule files; if not, from now on they are (callers re-judge). */
  judgedUnder(rulesets: string): boolean {
    if (this.rulesetsKey === rulesets) return true;
    this.rulesetsKey = rulesets;
    this.dirty = true;
    return false;
  }

  get dirs(): Record<string, DirListing> {
    return this.dirListings;
  }

  /** The listings this run used: kept (and the cache written) when any of them was read anew. */
  setDirs(listings: Record<string, DirListing>): void {
    const changed = Object.keys(listings).length !== Object.keys(this.dirListings).length ||
      Object.entries(listings).some(([dir, listing]) => this.dirListings[dir] !== listing);
    if (!changed) return;
    this.dirListings = listings;
    this.dirty = true;
  }

  /** A new pmo.yaml: what was validated under the old one no longer holds. */
  setConfig(entry: CacheEntry): void {
    this.configEntry = entry;
    this.entries = {};
    this.dirty = true;
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
    this.dirty = true;
  }

  /** Drops entries of files that no longer exist (only when the whole repo was read). */
  retain(paths: ReadonlySet<string>): void {
    for (const path of Object.keys(this.entries)) {
      if (!paths.has(path)) {
        delete this.entries[path];
        this.dirty = true;
      }
    }
  }

  /** Writes the cache if it changed. Failing to write a cache is never worth failing a check. */
  save(): void {
    if (!this.dirty) return;
    const target = join(this.dir, CACHE_NAME);
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      ensureIgnored(this.dir);
      writeCache(temp, { key: this.key, config: this.configEntry, rulesets: this.rulesetsKey, dirs: this.dirListings, entries: this.entries });
      renameSync(temp, target);
      this.dirty = false;
    } catch {
      rmSync(temp, { force: true });
    }
  }
}

/**
 * Streams the cache to `path` an entry at a time: one JSON.stringify of a 5,000-project cache would hold a
 * 50 MB string (and its parts) in memory at once.
 */
function writeCache(path: string, file: CacheFile): void {
  const fd = openSync(path, 'w');
  try {
    const head = { key: file.key, config: file.config ?? null, rulesets: file.rulesets ?? null, dirs: file.dirs ?? {} };
    let chunk = `${JSON.stringify(head).slice(0, -1)},"entries":{`;
    let first = true;
    for (const [name, entry] of Object.entries(file.entries)) {
      chunk += `${first ? '' : ','}${JSON.stringify(name)}:${JSON.stringify(entry)}`;
      first = false;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, `${chunk}}}`);
  } finally {
    closeSync(fd);
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
