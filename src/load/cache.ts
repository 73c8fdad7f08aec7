/**
 * The parse cache: what pmo learned about each file (its own findings, the facts cross-file checks need, and
 * where its findings point), keyed by the file's content hash, so a warm `pmo check` parses nothing that has
 * not changed.
 *
 * A head file, a few shards of entries per repo (each in three files), the portfolio rules' findings and the
 * record folder listings, each file replaced atomically (write a temp file, then rename), so concurrent runs can
 * only lose each other's additions, never corrupt it. Each record carries a checksum (sealed.ts): one that does
 * not match its bytes is ignored, so its file is analyzed anew, and a file found damaged is written again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { RawFinding } from '../findings.js';
import type { FileFacts, Reference } from '../model/references.js';
import type { PortfolioJudgement } from '../rules/portfolio-run.js';
import type { DirListing } from './exists.js';
import type { Spans } from './position.js';
import type { KeptPositions } from './kept-positions.js';
import type { HeldReports } from '../rules/run.js';
import { memo } from '../memo.js';
import { LineReader, removeSpools, SpoolReader, type Spooled } from './spool.js';
import { isSealedLineOf, RawJson, SealedLine, readRecords, readText, recordsIn, replaceFile, sealedFile, sealedLine, sealedRecord, unsealedByKey, wholeFileHead } from './sealed.js';
import { resolvesWithin } from './exists.js';
import { withinHorizon } from '../model/dates.js';

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
  /** Set when rules that read the day ran on the file: the date their findings hold for. Another day, the file is analyzed anew. */
  today?: string;
  /**
   * With `today`: the first day its findings may change, to the word (null: none), when its rules said so (see
   * exactUntil in rules/run.ts); until then they hold, and a new day does not judge the file again.
   */
  until?: string | null;
  /** What the file defines and references, for cross-file checks; absent when it could not be parsed. */
  facts?: FileFacts;
  /** Where the file's findings point (anchor key → offsets), once a finding needed it. */
  spans?: Spans;
  /** The references its broken values need (see referencesToKeep in integrity.ts), located and worded, once one was broken. */
  references?: Reference[];
  /** With `references`: every actual date after this day is among them ('' for all; see KeptReferences in integrity.ts). */
  datesAfter?: string;
  /** The parsed data: kept for pmo.yaml, the rule files, people.yaml and goals.yaml only (see KEEPS_DATA in analyze.ts). */
  data?: unknown;
  /** With `today`, when just analyzed: where what judging the file on another day needs was spooled (see Rejudge). */
  rejudge?: Spooled;
}

/**
 * A day-bound file as the rules judge it on a new day: the findings that hold on any day (its own, from YAML and
 * schema, first), which built-in rules read the day (run again, with the PMO's), and their held reports. Its
 * data and positions are its body (KeptBody), kept apart: a new day reads every day-bound file's Rejudge, and the
 * bodies of the few whose rules run again or whose findings point somewhere new.
 */
export interface Rejudge {
  /** The content hash of the file it was made from. */
  hash: string;
  /**
   * The findings that hold on any day: the file's own, then those of the built-in rules that did not read the
   * day. Kept here, so that the threads that judge it again need not be sent the other day's findings (~6 MB at
   * 5,000 projects with many findings: cloning them to a worker cost it ~150 ms).
   */
  stand: RawFinding[];
  /** How many of `stand` (the first ones) are the file's own: YAML, schema, encoding. */
  own: number;
  /** The built-in rules that read the day when the file was judged; the others' findings stand. */
  dayRules: string[];
  /** Of those, the ones that said until when their findings hold, with their reports (see heldOn in rules/run.ts). */
  held?: HeldReports[];
}

/** A day-bound file's body: what a new day reads of it only to run a rule again, or to place a finding. */
export interface KeptBody {
  /** The data that passed the schema. */
  data: unknown;
  /**
   * Where the data's nodes stand in the file, kept for a file the rules found something in (see kept-positions.ts):
   * a new day's findings are placed without reading it.
   */
  positions?: KeptPositions;
}

/** What a cold check spools of a day-bound file for a new day (see spool.ts): its body's data as JSON text, made where it was parsed. */
export interface Kept {
  rejudge: Rejudge;
  body: { data: string; positions?: KeptPositions };
}

/** The head file: what every entry was judged under. */
interface CacheHead {
  /** The build of pmo that wrote it: another build's cache is not trusted. */
  key: string;
  /** pmo.yaml as last validated; the other entries were validated under it. */
  config?: CacheEntry;
  /** The PMO's rule files the entries were judged under (paths and contents, and project paths when rules read them). */
  rulesets?: string;
  /**
   * The day most entries' findings hold for, and how many do (see ParseCache.lastDay): read before the shards,
   * it tells a new day's check to start the threads that judge them again.
   */
  judged?: DayBound;
}

/** A day, and how many entries' findings hold for it. */
export interface DayBound {
  day: string;
  files: number;
}

/**
 * Directory listings for record checks, reused while a directory's mtime is unchanged. A file of their own (~1 MB
 * at 5,000 projects), which `--staged` never reads: it looks records up in git's index.
 */
interface DirsFile {
  key: string;
  dirs: Record<string, DirListing>;
}

/**
 * The portfolio rules' judgements (findings, the day judged, the day they stop holding: see portfolio-run.ts),
 * from the last check that judged them, and what they were judged over (a hash of every file's extract). The
 * rules look at every file (~35 ms at 5,000 projects, and as much again to read the extracts); an edit that
 * changes no extract (most: a status, a risk) leaves their findings as they were, and so does a new day that
 * changes nothing a rule reads of the day.
 */
interface PortfolioFile {
  stamp: string;
  key: string;
  judgements: PortfolioJudgement[];
}

/**
 * A shard: the entries of the paths that hash to it, stamped with the head they were judged under. What only
 * files being reported need (their findings, references, spans and referenced values) is in a detail file
 * beside it, read when first asked for: a pre-commit check reports one file of thousands, and the details
 * are two thirds of the cache; so is the stat, which only a check of the work tree needs. The portfolio rules'
 * extracts are in a third file, read only when the rules run (their findings are cached by the extracts'
 * `rulesKey`s): they were most of what a pre-commit check read of the rest, and most of its objects.
 */
interface CacheShard {
  stamp: string;
  /** The id of the detail file written with this shard. */
  detail: string;
  /** The id of its rejudge file: one written before, when no entry of the shard has a new Rejudge since. */
  rejudge?: string;
  /** The id of its extract file: one written before, when no entry of the shard has a new extract since. */
  rules?: string;
  entries: Map<string, CacheEntry>;
}

interface DetailShard {
  id: string;
  entries: Map<string, Details>;
}

/**
 * A shard's day-bound files as a new day judges them (see Rejudge), by path, read only by the first check of a
 * day (and when its shard is rewritten); with where each one's body is in the shard's body file (`bodies`: its
 * line's offset and length in bytes). The bodies (~7 KB a file, the biggest part of the cache) are read one at a
 * time, by their place.
 */
interface RejudgeShard {
  id: string;
  bodies: Record<string, [number, number]>;
  entries: Map<string, Rejudge>;
}

/** A shard's extracts, by their `rulesKey` (a file's extract is read through its facts). */
interface RulesShard {
  id: string;
  entries: Map<string, Record<string, unknown>>;
}

/**
 * What reported files need; the stat a check of the work tree needs (--staged reads the index instead); and the
 * data kept of people.yaml, goals.yaml and the rule files (~200 KB at 5,000 projects), for the PMO's own rules.
 */
type Details = Pick<CacheEntry, 'findings' | 'references' | 'spans' | 'stat' | 'data'> & { values?: FileFacts['values'] };

/**
 * An entry (or its facts) whose details are read lazily knows its path by this key: a symbol, which neither JSON
 * nor structured clones carry. (A WeakMap of 10,000 objects cost a pre-commit check more, in its garbage
 * collections too.)
 */
const PATH = Symbol('path');
type Lazy = { [PATH]?: string };

/** A shard's detail or extract file is missing, corrupt or from another write than its shard: the cache cannot answer. */
export class StaleCacheError extends Error {}

const HEAD_NAME = 'check-cache.json';
const DIRS_NAME = 'check-cache.dirs.json';
const PORTFOLIO_NAME = 'check-cache.portfolio.json';
/**
 * Entries are spread over shards by path, so that a run that learned about one file rewrites one shard: at
 * 5,000 projects the whole cache is ~7 MB, and rewriting it all cost a pre-commit check ~80 ms.
 */
const SHARDS = 16;
const shardName = (i: number) => `check-cache.${i.toString(16)}.json`;
const detailName = (i: number) => `check-cache.${i.toString(16)}.detail.json`;
const rulesName = (i: number) => `check-cache.${i.toString(16)}.rules.json`;
const rejudgeName = (i: number) => `check-cache.${i.toString(16)}.rejudge.json`;
const bodyName = (i: number) => `check-cache.${i.toString(16)}.rejudge-body.json`;

function shardOf(path: string): number {
  let hash = 2166136261; // FNV-1a: cheap and spreads similar paths (projects/p00001.yaml, ...) evenly
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 16777619);
  return (hash >>> 0) % SHARDS;
}

/**
 * node_modules/.cache/pmo when the repo has node_modules (the ESLint convention), else .pmo/cache; none when
 * that folder resolves outside the repository (.pmo or node_modules a link out of it: a checkout may bring
 * one): pmo writes only inside the repository, and a cache it does not own is not to be trusted either.
 */
export function cacheDir(root: string): string | undefined {
  const modules = join(root, 'node_modules');
  const candidates = existsSync(modules) ? [join(modules, '.cache', 'pmo'), join(root, '.pmo', 'cache')] : [join(root, '.pmo', 'cache')];
  return candidates.find((dir) => resolvesWithin(root, dir));
}

export class ParseCache {
  /** Shards to write; the head is written whenever any shard is (and when it changed itself). */
  private readonly dirtyShards = new Set<number>();
  /** Shards whose rejudge file must be written with them, and the id of the one each was read with. */
  private readonly dirtyRejudges = new Set<number>();
  private readonly rejudgeIds = new Map<number, string | undefined>();
  /** The spools of entries set this run (see spool.ts): deleted once saved. */
  private readonly spools = new Set<string>();
  /**
   * Shards whose extract file must be written with them (an entry's extract changed), and the id of the one each
   * was read with: a new day changes every day-bound entry's findings, and none of their extracts.
   */
  private readonly dirtyExtracts = new Set<number>();
  private readonly rulesIds = new Map<number, string | undefined>();
  private headDirty = false;
  /** Read when first asked for; set when this run's are to be written. */
  private dirsRead?: Record<string, DirListing>;
  private dirsDirty = false;
  private portfolio?: PortfolioFile;
  private portfolioDirty = false;
  private constructor(
    private readonly dir: string,
    private head: CacheHead,
    private entries: Map<string, CacheEntry>,
  ) {}

  /**
   * The day the last check that wrote the cache judged most files on, and how many, from its head alone (~1 ms,
   * where opening the whole cache takes ~100 ms at 5,000 projects); undefined without a cache of this build.
   */
  static lastDay(dir: string, key: string): DayBound | undefined {
    const head = readRecord<CacheHead>(join(dir, HEAD_NAME), () => undefined);
    const judged = head?.key === key ? head.judged : undefined;
    return judged && typeof judged.day === 'string' && Number.isInteger(judged.files) ? judged : undefined;
  }

  /**
   * Opens the cache; an unreadable, corrupt or outdated head starts it empty, and a shard that is missing,
   * corrupt or was written under another head (a concurrent run with another pmo.yaml) only misses.
   * `lazyDetails`: read each shard's details only when an entry's are first used (a check that reports a few
   * files: --staged); otherwise they are read with the shards, which is faster when every file is reported.
   */
  static open(dir: string, key: string, options: { fresh?: boolean; lazyDetails?: boolean } = {}): ParseCache {
    let headDamaged = false;
    const head = options.fresh ? undefined : readRecord<CacheHead>(join(dir, HEAD_NAME), () => (headDamaged = true));
    if (!head || head.key !== key) {
      const cache = new ParseCache(dir, { key }, new Map());
      cache.touchAll();
      return cache;
    }
    const stamp = stampOf(head);
    const cache = new ParseCache(dir, head, new Map());
    cache.headDirty = headDamaged;
    for (let i = 0; i < SHARDS; i++) {
      const repair = () => cache.dirtyShards.add(i);
      const shard = readEntries<CacheShard>(join(dir, shardName(i)), repair);
      if (shard?.stamp !== stamp) continue;
      cache.rejudgeIds.set(i, shard.rejudge);
      cache.rulesIds.set(i, shard.rules);
      const protos = cache.lazyPrototypes(i, shard.detail, shard.rules);
      if (options.lazyDetails) {
        for (const [path, entry] of shard.entries) cache.entries.set(path, cache.withLazyDetails(entry, path, protos));
        continue;
      }
      const details = readEntries<DetailShard>(join(dir, detailName(i)), repair);
      if (details?.id !== shard.detail) continue; // its entries just miss
      for (const [path, entry] of shard.entries) {
        const mine = details.entries.get(path);
        if (!mine || !Array.isArray(mine.findings)) continue;
        cache.entries.set(path, joinDetails(entry, mine));
        if (entry.facts) Object.setPrototypeOf(entry.facts, protos.facts);
      }
    }
    return cache;
  }

  /**
   * Prototypes for a shard's entries and their facts, whose accessors read what is kept beside the shard when
   * first used: the details (from the detail file, by path), and the extract (from the extract file, by its
   * `rulesKey`). One prototype per shard carries the accessors (thousands of entries, no closures of their
   * own), and the first read makes the value the object's own property.
   */
  private lazyPrototypes(shard: number, id: string, rulesId: string | undefined): { entry: object; facts: object } {
    const details = (target: object) => this.detailsOf(shard, id, (target as Lazy)[PATH]!);
    const extract = (facts: FileFacts) => (facts.rulesKey === undefined ? undefined : this.extractOf(shard, rulesId, facts.rulesKey));
    const own = (target: object, key: string, value: unknown) => Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
    const lazy = <T extends object>(key: string, read: (target: T) => unknown): PropertyDescriptor => ({
      get(this: T) {
        const value = read(this);
        own(this, key, value);
        return value;
      },
      set(this: T, value: unknown) {
        own(this, key, value);
      },
    });
    return {
      entry: Object.create(Object.prototype, {
        findings: lazy('findings', (entry) => details(entry).findings),
        references: lazy('references', (entry) => details(entry).references),
        spans: lazy('spans', (entry) => details(entry).spans),
        stat: lazy('stat', (entry) => details(entry).stat),
        data: lazy('data', (entry) => details(entry).data),
      }),
      facts: Object.create(Object.prototype, {
        values: lazy('values', (facts) => details(facts).values ?? {}),
        rules: lazy('rules', extract),
      }),
    };
  }

  /** An entry whose details are read when first used (see lazyPrototypes), as are its facts' values. */
  private withLazyDetails(entry: CacheEntry, path: string, protos: { entry: object; facts: object }): CacheEntry {
    (entry as Lazy)[PATH] = path;
    Object.setPrototypeOf(entry, protos.entry);
    if (entry.facts) {
      (entry.facts as Lazy)[PATH] = path;
      Object.setPrototypeOf(entry.facts, protos.facts);
    }
    return entry;
  }

  private detailsOf(shard: number, detailId: string, path: string): Details {
    const file = memo(this.details, shard, () => readEntries<DetailShard>(join(this.dir, detailName(shard)), () => this.dirtyShards.add(shard)));
    const mine = file?.id === detailId ? file.entries.get(path) : undefined;
    if (!mine || !Array.isArray(mine.findings)) throw new StaleCacheError(`the cache's ${detailName(shard)} does not match its shard`);
    return mine;
  }

  private extractOf(shard: number, id: string | undefined, rulesKey: string): Record<string, unknown> {
    const file = memo(this.extracts, shard, () => readEntries<RulesShard>(join(this.dir, rulesName(shard)), () => (this.dirtyShards.add(shard), this.dirtyExtracts.add(shard))));
    const extract = file !== undefined && file.id === id ? file.entries.get(rulesKey) : undefined;
    if (!extract || typeof extract !== 'object') throw new StaleCacheError(`the cache's ${rulesName(shard)} does not match its shard`);
    return extract;
  }

  /** A shard's rejudge file's records, read once a run. */
  private keptRecords(where: KeptAt): KeptRecords | undefined {
    return memo(this.rejudges, where.shard, () => readKept(where, () => this.repairKept(where.shard)));
  }

  /** A rejudge file found damaged (by this thread or a worker): written whole again with its shard. */
  repairKept(shard: number): void {
    this.dirtyShards.add(shard);
    this.dirtyRejudges.add(shard);
  }

  /**
   * Where the Rejudge of a day-bound file is kept on disk, for a worker thread to read it there (see readKept):
   * the new day's main cost is in those files, and reading them on the threads that judge spares this one.
   */
  keptWhere(path: string): KeptAt | undefined {
    const entry = this.entries.get(path);
    const id = this.rejudgeIds.get(shardOf(path));
    const shard = shardOf(path);
    return entry?.today === undefined || id === undefined ? undefined : { file: join(this.dir, rejudgeName(shard)), body: join(this.dir, bodyName(shard)), shard, id, hash: entry.hash };
  }

  /** How many files the cache knows. */
  get size(): number {
    return this.entries.size;
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
    if (!this.dirsRead) {
      const file = readRecord<DirsFile>(join(this.dir, DIRS_NAME), () => (this.dirsDirty = true));
      this.dirsRead = file?.key === this.head.key && typeof file.dirs === 'object' && file.dirs ? file.dirs : {};
    }
    return this.dirsRead;
  }

  /** The listings this run used: kept when any of them was read anew. */
  setDirs(listings: Record<string, DirListing>): void {
    const known = this.dirs;
    const changed = Object.keys(listings).length !== Object.keys(known).length || Object.entries(listings).some(([dir, listing]) => known[dir] !== listing);
    if (!changed) return;
    this.dirsRead = listings;
    this.dirsDirty = true;
  }

  /** The portfolio rules' judgements over the extracts `key` hashes, as the last check that judged them left them. */
  portfolioJudgements(key: string): PortfolioJudgement[] {
    this.portfolio ??= readRecord<PortfolioFile>(join(this.dir, PORTFOLIO_NAME), () => (this.portfolioDirty = true));
    const known = this.portfolio;
    return known?.stamp === stampOf(this.head) && known.key === key && Array.isArray(known.judgements) ? known.judgements : [];
  }

  setPortfolioJudgements(key: string, judgements: PortfolioJudgement[]): void {
    const known = this.portfolio;
    // Unchanged when every judgement is one the cache gave (the same objects): nothing to write.
    if (known?.key === key && known.stamp === stampOf(this.head) && judgements.every((j, i) => known.judgements[i] === j)) return;
    this.portfolio = { stamp: stampOf(this.head), key, judgements };
    this.portfolioDirty = true;
  }

  /** A new pmo.yaml: what was validated under the old one no longer holds. */
  setConfig(entry: CacheEntry): void {
    this.head = { ...this.head, config: entry };
    this.entries = new Map();
    this.touchAll();
  }

  /** The content hash last seen for a file whose mtime and size are unchanged since. */
  knownHash(path: string, mtimeMs: number, size: number, ctimeMs: number): string | undefined {
    const entry = this.entries.get(path);
    const stat = entry?.stat;
    return stat && stat[0] === mtimeMs && stat[1] === size && stat[2] === ctimeMs ? entry!.hash : undefined;
  }

  /** The entry of an unchanged file, unless its rule findings do not hold on `today`. */
  get(path: string, hash: string, today: string): CacheEntry | undefined {
    const entry = this.entries.get(path);
    return entry && entry.hash === hash && holdsOn(entry, today) ? entry : undefined;
  }

  /** The entry of an unchanged file whose rule findings do not hold on `today` (`get` missed it): a new day rejudges it. */
  judgedOnAnotherDay(path: string, hash: string, today: string): CacheEntry | undefined {
    const entry = this.entries.get(path);
    return entry && entry.hash === hash && !holdsOn(entry, today) ? entry : undefined;
  }

  set(path: string, entry: CacheEntry): void {
    const before = this.entries.get(path);
    if (entry.rejudge) this.spools.add(entry.rejudge.spool);
    // An entry of the same content that brings no Rejudge of its own (judged again on a new day, or its references
    // forgotten) leaves its shard's rejudge file (the biggest part of the cache) as it is: the record it has there,
    // if any, is still of its content.
    const keeps = before?.hash === entry.hash && entry.rejudge === undefined;
    if (!keeps) this.dirtyRejudges.add(shardOf(path));
    if (before?.facts?.rulesKey !== entry.facts?.rulesKey) this.dirtyExtracts.add(shardOf(path));
    this.entries.set(path, entry);
    this.dirtyShards.add(shardOf(path));
  }

  /** Drops entries of files that no longer exist (only when the whole repo was read). */
  retain(paths: ReadonlySet<string>): void {
    for (const path of this.entries.keys()) {
      if (!paths.has(path)) {
        this.entries.delete(path);
        this.dirtyShards.add(shardOf(path));
        this.dirtyExtracts.add(shardOf(path));
      }
    }
  }

  /**
   * Writes what changed: the dirty shards, then the head. Each file is replaced atomically (temp file, then
   * rename), so a concurrent run reads old or new files, never half of one. Failing to write a cache is never
   * worth failing a check.
   */
  save(): void {
    if (this.dirtyShards.size === 0 && !this.headDirty && !this.dirsDirty && !this.portfolioDirty) return;
    const spools = new SpoolReader(this.dir);
    try {
      makeCacheDir(this.dir);
      const stamp = stampOf(this.head);
      const byShard = new Map<number, Array<[string, CacheEntry]>>([...this.dirtyShards].map((i) => [i, []]));
      for (const [path, entry] of this.entries) byShard.get(shardOf(path))?.push([path, entry]);
      for (const [i, entries] of byShard) {
        // Details and extracts first: a shard is only ever read beside the files it names.
        const id = `${process.pid}-${Date.now()}-${i}`;
        const rejudgeId = this.dirtyRejudges.has(i) ? id : this.rejudgeIds.get(i);
        const rulesId = this.dirtyExtracts.has(i) || !this.extractFileWhole(i) ? id : this.rulesIds.get(i);
        const split = entries.flatMap(([path, entry]) => {
          try {
            return [[path, ...splitDetails(entry, rulesId === id)] as const];
          } catch (error) {
            // Its details or extract, read only now, are damaged or were replaced by another run: left out, it
            // misses next time and is written then, instead of keeping the whole shard from being written.
            if (error instanceof StaleCacheError) return [];
            throw error;
          }
        });
        replaceFile(join(this.dir, detailName(i)), sealedFile([{ id }, ...split.map(([path, , details]) => [path, details])]));
        if (rulesId === id) {
          const extracts = new Map(split.flatMap(([, core, , rules]) => (rules ? [[core.facts!.rulesKey!, rules] as const] : [])));
          replaceFile(join(this.dir, rulesName(i)), sealedFile([{ id }, ...extracts]));
          this.extracts.delete(i);
        }
        if (rejudgeId === id) this.writeKept(i, id, split.map(([path]) => path), spools);
        const head: Record<string, string> = { stamp, detail: id, ...(rulesId === undefined ? {} : { rules: rulesId }), ...(rejudgeId === undefined ? {} : { rejudge: rejudgeId }) };
        this.rejudgeIds.set(i, rejudgeId);
        this.rulesIds.set(i, rulesId);
        replaceFile(join(this.dir, shardName(i)), sealedFile([head, ...split.map(([path, core]) => [path, core])]));
      }
      if (this.dirtyShards.size > 0 || this.headDirty) replaceFile(join(this.dir, HEAD_NAME), sealedFile([{ ...this.head, judged: this.mostJudgedDay() }]));
      if (this.dirsDirty) replaceFile(join(this.dir, DIRS_NAME), sealedFile([{ key: this.head.key, dirs: this.dirs } satisfies DirsFile]));
      // Stamped when set: findings judged under an older head are not written under this one.
      if (this.portfolioDirty && this.portfolio?.stamp === stampOf(this.head)) replaceFile(join(this.dir, PORTFOLIO_NAME), sealedFile([this.portfolio]));
      this.dirtyShards.clear();
      this.dirtyRejudges.clear();
      this.dirtyExtracts.clear();
      this.headDirty = this.dirsDirty = this.portfolioDirty = false;
    } catch {
      // a read-only checkout, a full disk: the next run is cold, nothing worse
    } finally {
      spools.close();
      for (const records of this.rejudges.values()) records?.close();
      this.rejudges.clear();
      this.dropSpools();
    }
  }

  /** The day most entries' findings hold for, and how many do (undefined: none is day-bound). */
  private mostJudgedDay(): DayBound | undefined {
    const days = new Map<string, number>();
    // Those judged again on any later day: one whose findings hold until a day is judged again that day only.
    for (const entry of this.entries.values()) if (entry.today !== undefined && entry.until === undefined) days.set(entry.today, (days.get(entry.today) ?? 0) + 1);
    let most: DayBound | undefined;
    for (const [day, files] of days) if (!most || files > most.files) most = { day, files };
    return most;
  }

  /** Deletes the spools of this run (saved or not: see spool.ts), and those an hour old. */
  dropSpools(): void {
    removeSpools(this.dir, this.spools, true);
    this.spools.clear();
  }

  /**
   * The folder where analysis threads spool what a new day needs of each day-bound file (see spool.ts), made now;
   * undefined when it cannot be (then nothing is kept for a new day).
   */
  spoolDir(): string | undefined {
    try {
      makeCacheDir(this.dir);
      return this.dir;
    } catch {
      return undefined;
    }
  }

  /**
   * Whether a shard's extract file, to be kept as it is (not written again with its shard), is the one its shard
   * names, whole. One read this run is (a damaged record would have marked it to be written); one never read (its
   * entries were analyzed anew) is checked by its own sum and its head alone: damaged, it is written again, not
   * left for a later run to trip on.
   */
  private extractFileWhole(shard: number): boolean {
    const id = this.rulesIds.get(shard);
    if (id === undefined) return false;
    if (this.extracts.get(shard)?.id === id) return true;
    const head = wholeFileHead(join(this.dir, rulesName(shard)));
    return isObject(head) && (head as { id?: unknown }).id === id;
  }

  /**
   * A shard's rejudge files: its body file first, then its rejudge file, whose head says where each body is in it
   * (a file's body is read by its place, see readKept).
   */
  private writeKept(shard: number, id: string, paths: readonly string[], spools: SpoolReader): void {
    const lines = paths.flatMap((path) => this.keptLines(path, spools));
    // Read: closed before they are replaced (a file open on Windows cannot be).
    this.rejudges.get(shard)?.close();
    const bodies: RejudgeShard['bodies'] = {};
    const head = sealedLine({ id });
    // Each body's place: after the array's opening line and the head's.
    let offset = Buffer.byteLength(`[\n${head}`);
    for (const { path, body } of lines) {
      const length = Buffer.byteLength(body);
      bodies[path] = [offset, length];
      offset += length;
    }
    replaceFile(join(this.dir, bodyName(shard)), sealedFile([new SealedLine(head), ...lines.map(({ body }) => new SealedLine(body))]));
    replaceFile(join(this.dir, rejudgeName(shard)), sealedFile([{ id, bodies }, ...lines.map(({ lean }) => new SealedLine(lean))]));
  }

  /**
   * A file's lines of its shard's rejudge files: spooled when it was just analyzed, else the ones kept, copied as
   * their files hold them (a shard rewritten for one edited file keeps ~200 others' ~7 KB bodies: parsing each to
   * write it again was most of a pre-commit check's save). None when they cannot be read as they were sealed.
   */
  private keptLines(path: string, spools: SpoolReader): Array<{ path: string; lean: string; body: string }> {
    const spooled = this.entries.get(path)?.rejudge;
    if (spooled) {
      const lines = spools.lines(path, spooled);
      return lines ? [{ path, ...lines }] : [];
    }
    const where = this.keptWhere(path);
    const records = where && this.keptRecords(where);
    const text = records?.text(path);
    // A record has its content's hash first (see keptOf in analyze.ts): one made from another content is not this entry's.
    const body = text?.startsWith(`{"hash":${JSON.stringify(where!.hash)},`) ? records!.bodyLine(path, where!.hash) : undefined;
    return body ? [{ path, lean: sealedLine(new RawJson(`[${JSON.stringify(path)},${text}]`)), body }] : [];
  }

  /** Detail and extract files read so far, by shard. */
  private readonly details = new Map<number, DetailShard | undefined>();
  private readonly extracts = new Map<number, RulesShard | undefined>();
  private readonly rejudges = new Map<number, KeptRecords | undefined>();

  private touchAll(): void {
    for (let i = 0; i < SHARDS; i++) this.dirtyShards.add(i), this.dirtyRejudges.add(i), this.dirtyExtracts.add(i);
    this.headDirty = true;
  }
}

/** Whether an entry's findings hold on `today`: any day's, the day's it was judged on, or until the day they may change. */
function holdsOn({ today: judged, until }: CacheEntry, today: string): boolean {
  if (judged === undefined || judged === today) return true;
  return until !== undefined && withinHorizon(today, judged, until);
}

/** A rejudge file and its body file, the id they must have been written with, and the content hash of the file a Rejudge is asked for. */
export interface KeptAt {
  file: string;
  body: string;
  /** Its shard, for ParseCache.repairKept. */
  shard: number;
  id: string;
  hash: string;
}

/** What a rejudge file keeps, by path (see readKept). */
export interface KeptRecords {
  get(path: string): Rejudge | undefined;
  /** A record's JSON as its file holds it (or as it was parsed, from a damaged file): copied when its shard is written again. */
  text(path: string): string | undefined;
  /** A file's body, if its line is as it was sealed, of that content; a damaged one tells `damaged`. */
  body(path: string, hash: string): KeptBody | undefined;
  /** A file's body line, as body() reads it, unparsed. */
  bodyLine(path: string, hash: string): string | undefined;
  /** Closes the body file. */
  close(): void;
}

/**
 * A rejudge file's entries, if it is the one written with that id. A damaged record only misses (its file is
 * read again); `damaged` is told, so that the file is written whole again. A whole file's records are parsed one
 * at a time, when asked for: a new day's thread judges a file and drops what it kept, instead of holding a
 * shard's records parsed at once while it works through them. Bodies are read from the body file by their place.
 */
export function readKept({ file, body, id }: Pick<KeptAt, 'file' | 'body' | 'id'>, damaged: () => void): KeptRecords | undefined {
  const text = readText(file);
  if (text === undefined) return undefined;
  const byKey = unsealedByKey(text);
  const read = byKey ? undefined : entriesOf<RejudgeShard>(recordsIn(text, damaged));
  const head = (byKey?.head ?? read) as Partial<RejudgeShard> | undefined;
  if (!isObject(head) || head.id !== id || !isObject(head.bodies)) return undefined;
  const bodies = new BodyReader(body, head.bodies, damaged);
  const records = { body: (path: string, hash: string) => bodies.body(path, hash), bodyLine: (path: string, hash: string) => bodies.line(path, hash), close: () => bodies.close() };
  // A damaged file's good records, parsed whole.
  if (!byKey) return { ...records, get: (path) => read!.entries.get(path), text: (path) => (read!.entries.has(path) ? JSON.stringify(read!.entries.get(path)) : undefined) };
  return { ...records, get: (path) => parsedKept(byKey.values.get(path)), text: (path) => byKey.values.get(path) };
}

/** Reads bodies from a body file by their places (see RejudgeShard), each checked against its seal, its path and its content's hash. */
class BodyReader {
  private readonly reader: LineReader;
  private readonly name: string;

  constructor(
    file: string,
    private readonly places: Record<string, [number, number]>,
    private readonly damaged: () => void,
  ) {
    this.reader = new LineReader(dirname(file));
    this.name = basename(file);
  }

  line(path: string, hash: string): string | undefined {
    const place = Object.hasOwn(this.places, path) ? this.places[path] : undefined;
    const line = Array.isArray(place) ? this.reader.read(this.name, place[0], place[1]) : undefined;
    const whole = line !== undefined && isSealedLineOf(line, path, `{"hash":${JSON.stringify(hash)},`);
    if (!whole) this.damaged();
    return whole ? line : undefined;
  }

  body(path: string, hash: string): KeptBody | undefined {
    const line = this.line(path, hash);
    const record = line === undefined ? undefined : (sealedRecord(line) as [string, KeptBody & { hash: string }]);
    return record && { data: record[1].data, ...(record[1].positions === undefined ? {} : { positions: record[1].positions }) };
  }

  close(): void {
    this.reader.close();
  }
}

/** A record's Rejudge from its JSON text (its checksum matched); undefined for anything else. */
function parsedKept(text: string | undefined): Rejudge | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Rejudge;
  } catch {
    return undefined;
  }
}

/** The Rejudge of a file in a rejudge file's entries, if it was made from the same content and is whole. */
export function keptIn(entries: KeptRecords | undefined, path: string, hash: string): Rejudge | undefined {
  const mine = entries?.get(path);
  const whole = mine?.hash === hash && Array.isArray(mine.stand) && Number.isInteger(mine.own) && Array.isArray(mine.dayRules) && (mine.held === undefined || Array.isArray(mine.held));
  return whole ? mine : undefined;
}

/** The entry whole again: `splitDetails` undone. */
function joinDetails(entry: CacheEntry, { values, ...details }: Details): CacheEntry {
  Object.assign(entry, details);
  if (entry.facts) entry.facts.values = values ?? {};
  return entry;
}

/**
 * An entry as its shard keeps it, its details as the detail file does, and its extract (by its rulesKey) when
 * `withExtract` (else its extract is not even read: the extract file is kept as it is). Its Rejudge has a file of
 * its own.
 */
function splitDetails(entry: CacheEntry, withExtract: boolean): [CacheEntry, Details, FileFacts['rules']] {
  const { findings, references, spans, stat, data, facts, rejudge: _ownFile, ...core } = entry;
  if (!facts) return [core as CacheEntry, { findings, references, spans, stat, data }, undefined];
  const values = facts.values;
  const rules = withExtract ? facts.rules : undefined;
  // Own fields only: an extract not read yet is an accessor on the prototype (see lazyPrototypes), not copied.
  const otherFacts: Partial<FileFacts> = { ...facts };
  delete otherFacts.values;
  delete otherFacts.rules;
  return [{ ...core, facts: otherFacts } as CacheEntry, { findings, references, spans, stat, data, values }, rules];
}

/** What a shard must have been written under to be trusted: the build, pmo.yaml, and the rule files. */
function stampOf(head: CacheHead): string {
  return createHash('sha1').update(`${head.key}\0${head.config?.hash ?? ''}\0${head.rulesets ?? ''}`).digest('hex');
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A file of one record (the head, the listings, the portfolio findings); undefined when missing or corrupt. */
function readRecord<T>(path: string, repair: () => void): T | undefined {
  const [record] = readRecords(path, repair);
  return isObject(record) ? (record as T) : undefined;
}

/**
 * A shard-like file: its head record, with the entries after it that match their checksums (the others miss);
 * undefined when the head is missing or corrupt. A Map, not an object: filling an object with a few thousand
 * keys cost a warm check 1-2 ms more (JSON.parse used to build it natively).
 */
function readEntries<T extends { entries: Map<string, unknown> }>(path: string, repair: () => void): T | undefined {
  return entriesOf<T>(readRecords(path, repair));
}

function entriesOf<T extends { entries: Map<string, unknown> }>(records: unknown[]): T | undefined {
  const head = records[0];
  if (!isObject(head)) return undefined;
  const entries = new Map<string, unknown>();
  for (let i = 1; i < records.length; i++) {
    const record = records[i];
    if (Array.isArray(record) && record.length === 2 && typeof record[0] === 'string' && isObject(record[1])) entries.set(record[0], record[1]);
  }
  return { ...head, entries } as T;
}

/**
 * A .pmo/ directory ignores itself, so what pmo keeps there (the cache, the editor schemas) never shows up in
 * `git status`. `dir` is the folder about to be written; only a .pmo/ directly above it is marked.
 */
export function ensureIgnored(dir: string): void {
  const marker = join(dir, '..', '.gitignore');
  if (basename(dirname(dir)) === '.pmo' && !existsSync(marker)) writeFileSync(marker, '# written by pmo (cache, editor schemas), safe to delete\n*\n');
}

/** The cache folder, made if it is not there, and ignored by git when it is under .pmo/. */
function makeCacheDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
  ensureIgnored(dir);
}

/**
 * Writes a memo file of the cache folder (trends' points, the one-pager's earned values, the previous quarter)
 * as sealed records, atomically. One that cannot be written (a read-only checkout, a full disk) is only a slower
 * next run, never a failed one: nothing is thrown.
 */
export function keepMemoFile(dir: string, name: string, records: Iterable<unknown>): void {
  try {
    makeCacheDir(dir);
    replaceFile(join(dir, name), sealedFile(records));
  } catch {
    // the next run does the work again
  }
}
