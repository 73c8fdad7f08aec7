/**
 * Files parsed and validated: everything the cache keeps about each. Shared by the main thread and the
 * parse workers (analyze-worker.ts), so both give the same answer for the same file. Each file is read
 * here, so that texts need not be held (or copied to a worker) beforehand.
 */
import { hash as digest } from 'node:crypto';
import { pathAnchors, type RawFinding } from './findings.js';
import type { CacheEntry, Kept, Rejudge } from './load/cache.js';
import type { SourceFile } from './load/discover.js';
import { fileExists } from './load/exists.js';
import { presence, type Presence } from './load/index-listing.js';
import { parseYaml, type ParsedYaml } from './load/parse-yaml.js';
import { positionsOf, spansFor, type PathAnchor } from './load/position-index.js';
import { Spool } from './load/spool.js';
import { keepPositions, type KeptPositions } from './load/kept-positions.js';
import { lineStarts, offsetKey, placeSpans, type PositionIndex } from './load/position.js';
import { decodeSource, readSource, type Source } from './load/read.js';
import { exactJson } from './load/sealed.js';
import { buildSchemas } from './model/config-compile.js';
import { configFrom, type Config } from './model/config.js';
import { brokenReferenceFindings, findBrokenValues, referencesToKeep, type Registries } from './model/integrity.js';
import { extractFacts, extractReferences } from './model/references.js';
import { validateFile } from './model/validate-file.js';
import { SectionMemo } from './history/sections.js';
import { dayRulesOf, exactUntil, readsTheDay, runFileRules, type HeldReports, type Standing } from './rules/run.js';
import { extractForPortfolio } from './rules/portfolio-run.js';
import { BUILTIN_RULES } from './rules/builtin/index.js';
import type { CompiledRule, Portfolio, RulesetSource } from './rules/custom.js';

/** Kinds whose rule findings may depend on the day (and so are judged anew another day, when they do). */
const RULED_KINDS = new Set(['project', 'request', 'people', 'audit']);
const BUILTIN_IDS = new Set(BUILTIN_RULES.map((r) => r.id));
const KEEPS_DATA = new Set(['ruleset', 'people', 'goals']);

export interface AnalyzeJob {
  root: string;
  files: SourceFile[];
  configData: unknown;
  today: string;
  /** Run the governance rules (false: a schema-only check). */
  rules: boolean;
  /** The PMO's rule files (their data): compiled once per thread and run beside the built-in rules. */
  rulesets: RulesetSource[];
  /** What the PMO's rules may see across files (people, goals, project ids). */
  portfolio?: Portfolio;
  /** In-process only (not sent to workers): the record checker of the run, so each folder is listed once. */
  exists?: (path: string) => boolean;
  /** When known, references found broken are worded and located now, while the file's data is at hand. */
  registries?: Registries;
  /** The files' bytes when they do not come from the work tree (`--staged`: git's index). */
  contents?: Map<string, Uint8Array>;
  /** For worker threads, which cannot be given `exists`: how it answers. */
  presence?: Presence;
  /**
   * In-process only: what is known of blobs already analyzed under the same pmo.yaml (a history run judges the
   * same blob in many periods). A file whose blob is in it is not read or parsed again, only judged on the day.
   */
  memo?: AnalysisMemo;
  /** With `memo`: each file's blob id, known before reading it. */
  hashes?: ReadonlyMap<string, string>;
  /** Find where findings point (default true); a history run counts findings and needs no positions. */
  positions?: boolean;
  /**
   * For a cache that will keep what judging a day-bound file on another day needs (see Rejudge): its folder, where
   * each thread spools it as it goes (see spool.ts).
   */
  spool?: string;
}

/** What a blob's analysis gives that does not depend on the day: its data, its own findings, its facts. */
export interface Analyzed {
  data: unknown;
  findings: RawFinding[];
  /** Its facts, the portfolio rules' extract included (shared, never changed). */
  facts?: CacheEntry['facts'];
  /** Its references, once some were found broken. */
  references?: CacheEntry['references'];
  /** What its rules found that holds on other days (see Standing). */
  standing?: Standing;
}

/** What a history run knows of what it analyzed under one pmo.yaml: each blob's analysis, each file's last version's sections, the config. */
export class AnalysisMemo {
  /** By blob id. */
  readonly blobs = new Map<string, Analyzed>();
  readonly sections = new SectionMemo();
  /** pmo.yaml's entry (the memo holds under one pmo.yaml). */
  config?: CacheEntry;
}

/** What a worker thread is told instead of `exists` (see Presence), as a function again. */
function presenceOf(root: string, { listing, paths, except }: Presence = {}): (path: string) => boolean {
  const set = paths && new Set(paths);
  const exists = set ? (path: string) => set.has(path) : listing !== undefined ? presence(listing) : fileExists(root);
  return except ? (path) => except.get(path) ?? exists(path) : exists;
}

/**
 * The PMO's own rules, compiled for a job that runs the rules. Their CEL engine (~150 KB of code) is loaded only
 * when there are some: a worker thread that analyzes the staged file of a pre-commit check starts faster.
 */
export async function customRules(job: AnalyzeJob): Promise<CompiledRule[]> {
  if (!job.rules || job.rulesets.length === 0) return [];
  const { compileRules } = await import('./rules/custom-compile.js');
  return compileRules(job.rulesets, job.today, BUILTIN_IDS);
}

export function analyzeFiles(job: AnalyzeJob, custom: readonly CompiledRule[]): Array<[string, CacheEntry]> {
  const spool = job.spool === undefined ? undefined : new Spool(job.spool);
  try {
    return analyzeEach(job, custom, spool);
  } finally {
    spool?.close();
  }
}

/** What every file of a job is analyzed with, made once a job. */
interface Setting {
  job: AnalyzeJob;
  custom: readonly CompiledRule[];
  config: Config;
  schemas: ReturnType<typeof buildSchemas>;
  exists: (path: string) => boolean;
  spool?: Spool;
}

function analyzeEach(job: AnalyzeJob, custom: readonly CompiledRule[], spool: Spool | undefined): Array<[string, CacheEntry]> {
  const setting: Setting = { job, custom, config: configFrom(job.configData), schemas: schemasOf(job.configData), exists: job.exists ?? presenceOf(job.root, job.presence), spool };
  return job.files.map((file) => analyzeOne(setting, file));
}

/** One file, stage by stage: read, judged by the rules, its facts and broken references, its positions. */
function analyzeOne(setting: Setting, file: SourceFile): [string, CacheEntry] {
  const { job } = setting;
  const read = readFile(setting, file);
  const judged = judgeFile(setting, file, read);
  const entry = entryOf(setting, file, read, judged);
  if (read.parsed.data !== undefined) addFacts(setting, file, read, judged, entry);
  // A history run: the check finds broken references itself, and asks a file that has some for their words,
  // which come from the blob's memo (its analysis, just kept for a blob new to it): worked out when first asked
  // for (most files have none broken). Finding them for each new version too was ~3% of a year's trend.
  const blob = job.positions === false ? (read.known ?? job.memo?.blobs.get(read.hash)) : undefined;
  if (blob) {
    if (read.parsed.data !== undefined) lazyReferences(entry, file, blob);
    return [file.path, entry];
  }
  const referenceAnchors = read.parsed.data === undefined ? [] : brokenReferences(setting, file, read, entry);
  if (job.positions === false) return [file.path, entry];
  placeFindings(setting, file, read, judged, entry, referenceAnchors);
  // A copy, because strings taken from the data (ids, record paths, items) are V8 slices of the file's text
  // and would keep all of it alive: ~7 KB a file, ~40 MB of texts at 5,000 projects, held until the end of a
  // cold run. The copy's strings are its own. A memo's run keeps its blobs' data anyway: no copy.
  return [file.path, job.memo ? entry : structuredClone(entry)];
}

/** A file as read: its data and its own findings (YAML, encoding, schema), or its blob's analysis when known. */
interface Read {
  /** Its blob's analysis under the same pmo.yaml (a history run's memo): it is not read again. */
  known?: Analyzed;
  text?: Source;
  parsed: ParsedYaml;
  own: RawFinding[];
  hash: string;
}

function readFile({ job, config, schemas }: Setting, file: SourceFile): Read {
  const known = job.memo?.blobs.get(job.hashes?.get(file.path) ?? '');
  if (known) return { known, parsed: { data: known.data, findings: [] }, own: known.findings, hash: job.hashes!.get(file.path)! };
  const text = readText(job, file);
  // A history run reads a new version of a project by the fields that changed (see history/sections.ts).
  const sectioned = job.memo && (file.kind === 'project' || file.kind === 'request') ? job.memo.sections.read(file.path, text.text, schemas[file.kind]) : undefined;
  const parsed: ParsedYaml = sectioned ? { data: sectioned.data, findings: [] } : parseYaml(text.text, file.path);
  const own = [
    ...(text.encodingFinding ? [text.encodingFinding] : []),
    ...parsed.findings,
    ...(parsed.data === undefined ? [] : validateFile(file.kind, file.path, parsed.data, config, schemas, sectioned?.issues)),
  ];
  return { text, parsed, own, hash: text.hash };
}

/** What the rules found, and whether their findings hold for the day only. */
interface Judged {
  findings: RawFinding[];
  /** Data that passed its schema: the governance rules judged it (on broken data they would only add noise). */
  valid: boolean;
  /** What its rules found that holds on other days (see Standing). */
  standing: Standing;
  /** Its findings hold for the day they were judged on: another day judges it again. */
  dayBound: boolean;
  /** With `dayBound`: until when they hold to the word (see CacheEntry.until). */
  until?: string | null;
}

function judgeFile({ job, custom, config }: Setting, file: SourceFile, { known, parsed, own }: Read): Judged {
  const findings = [...own];
  const valid = job.rules && parsed.data !== undefined && !findings.some((f) => f.severity === 'error');
  // What the rules find that holds on other days: a history run keeps it with the blob, and runs only the others
  // on the next period (and keeps the day rules' findings until their horizons, words aside: see Standing).
  const standing = known ? (known.standing ??= standingFor(job)) : standingFor(job);
  if (valid) findings.push(...runFileRules(file.kind, file.path, parsed.data, config, job.today, custom, job.portfolio, standing));
  // A file whose rules did not read the day (a closed project's, mostly) keeps its entry on the next day too, and
  // one whose rules all said until when their findings hold to the word, until then.
  const dayBound = valid && RULED_KINDS.has(file.kind) && readsTheDay(file.kind, config, custom, standing.dayless);
  const until = dayBound && standing.reports ? exactUntil(file.kind, config, custom, standing) : undefined;
  return { findings, valid, standing, dayBound, ...(until !== undefined ? { until } : {}) };
}

/** A history run keeps held findings with the blob; a check that spools for a new day keeps their reports to word them again. */
const standingFor = (job: AnalyzeJob): Standing => ({ dayless: new Map(), ...(job.memo ? { held: new Map() } : job.spool ? { held: new Map(), reports: true } : {}) });

function entryOf({ job }: Setting, file: SourceFile, { parsed, hash }: Read, { findings, dayBound, until }: Judged): CacheEntry {
  const entry: CacheEntry = { hash, findings, ...(dayBound ? { today: job.today } : {}), ...(until !== undefined ? { until } : {}) };
  // Rule files, people and goals are small and read by the rules of every other file: their data is kept.
  if (KEEPS_DATA.has(file.kind) && parsed.data !== undefined) entry.data = parsed.data;
  return entry;
}

/** What the file defines and references, with the portfolio rules' extract; a history run keeps them with the blob. */
function addFacts({ job }: Setting, file: SourceFile, { known, parsed, own, hash }: Read, { valid, standing }: Judged, entry: CacheEntry): void {
  if (known?.facts) {
    entry.facts = known.facts;
    return;
  }
  entry.facts = extractFacts(file.kind, parsed.data);
  const forPortfolio = valid ? extractForPortfolio(file.kind, parsed.data) : undefined;
  if (forPortfolio) {
    entry.facts.rules = forPortfolio;
    entry.facts.rulesKey = digest('sha1', JSON.stringify(forPortfolio), 'base64url');
  }
  job.memo?.blobs.set(hash, { data: parsed.data, findings: own, facts: entry.facts, standing });
}

function lazyReferences(entry: CacheEntry, file: SourceFile, blob: Analyzed): void {
  Object.defineProperty(entry, 'references', { enumerable: true, get: () => (blob.references ??= extractReferences(file.kind, blob.data)) });
  // All of them: every actual date too.
  entry.datesAfter = '';
}

/**
 * When the registries are known, references found broken are worded and located now, while the file's data is
 * at hand: the entry keeps those the broken values need (see referencesToKeep), and their anchors are returned.
 */
function brokenReferences({ job, exists }: Setting, file: SourceFile, { known, parsed }: Read, entry: CacheEntry): PathAnchor[] {
  const broken = job.registries ? findBrokenValues([{ ...file, facts: entry.facts! }], job.registries, { today: job.today, exists }) : [];
  if (broken.length === 0) return [];
  const references = known?.references ?? extractReferences(file.kind, parsed.data);
  // A history run's memo keeps them all, for the blob's other periods.
  if (known) known.references = references;
  Object.assign(entry, referencesToKeep(broken, references));
  return pathAnchors(brokenReferenceFindings(broken, () => references));
}

/**
 * A file with findings will be shown with positions: found now, while the text is at hand (and, in a cold run,
 * on a worker's core), with the document the full parser built or a new one, with their lines and columns, so
 * that showing the findings on a warm run needs no read of the file. A day-bound file's record for a new day is
 * spooled (see Rejudge), with its positions when it has findings.
 */
function placeFindings({ job, config, spool }: Setting, file: SourceFile, read: Read, { findings, standing: { dayless, held }, dayBound }: Judged, entry: CacheEntry, referenceAnchors: PathAnchor[]): void {
  const { parsed } = read;
  const wanted = [...pathAnchors(findings), ...referenceAnchors];
  const source = read.text ?? readText(job, file);
  let index: PositionIndex | undefined;
  const indexed = () => (index ??= positionsOf(source.text, parsed));
  const spans = wanted.length > 0 ? spansFor(indexed(), wanted) : {};
  for (const { at } of findings) if ('offset' in at) spans[offsetKey(at.offset, at.endOffset)] = [at.offset, at.endOffset];
  if (Object.keys(spans).length > 0) entry.spans = placeSpans(spans, source.text);
  if (!dayBound || !spool) return;
  // Positions for a file the rules found something in: on the bench's finding-dense portfolio, every file whose
  // findings pointed somewhere new the next day (181 of 5,000) had findings the day before. Keeping them for
  // every day-bound file cost a cold check 14%, to place the rare first finding of a clean file, which the new
  // day places from the file itself (see rejudge.ts).
  const positions = findings.length > read.own.length ? () => keepPositions(parsed.data, indexed(), lineStarts(source.text)) : () => undefined;
  const rules = { dayRules: dayRulesOf(file.kind, config, dayless), held: heldReports(held) };
  const kept = keptOf(read.hash, parsed.data, [...read.own, ...[...dayless.values()].flat()], read.own.length, rules, positions);
  const spooled = kept && spool.add(file.path, kept);
  if (spooled) entry.rejudge = spooled;
}

/**
 * What a new day needs to judge a file again, made here, on the core that parsed it. JSON keeps what YAML's core
 * schema gives but non-finite numbers (`.inf`, `.nan`): data with one is not kept, and is read again another day.
 * (JSON over v8.serialize: at 1,000 projects parsing it back took 41 ms against 55-126 ms.)
 */
function keptOf(hash: string, data: unknown, stand: RawFinding[], own: number, { dayRules, held }: Pick<Rejudge, 'dayRules' | 'held'>, positions: () => KeptPositions | undefined): Kept | undefined {
  const text = exactJson(data);
  if (text === undefined) return undefined;
  const kept = positions();
  return { rejudge: { hash, stand, own, dayRules, ...(held ? { held } : {}) }, body: { data: text, ...(kept ? { positions: kept } : {}) } };
}

/** The held rules' reports, for a new day to word them again (none: undefined). */
function heldReports(held: Standing['held']): HeldReports[] | undefined {
  const kept = [...(held ?? [])].flatMap(([rule, { from, until, reports }]) => (reports ? [{ rule, from, until, reports }] : []));
  return kept.length > 0 ? kept : undefined;
}

function readText(job: AnalyzeJob, file: SourceFile) {
  const bytes = job.contents?.get(file.path);
  // A history run's bytes come from git by blob id (job.hashes): hashing them again would only say the same.
  return bytes ? decodeSource(file.path, file.kind, bytes, job.hashes?.get(file.path)) : readSource(job.root, file.path, file.kind);
}

/**
 * The schemas pmo.yaml makes, built once per pmo.yaml in a thread: a history run analyzes many commits under the
 * same one, and zod compiles a schema's checks on its first use.
 */
let lastSchemas: { key: string; schemas: ReturnType<typeof buildSchemas> } | undefined;
function schemasOf(configData: unknown): ReturnType<typeof buildSchemas> {
  const key = JSON.stringify(configData ?? null);
  if (lastSchemas?.key !== key) lastSchemas = { key, schemas: buildSchemas(configData) };
  return lastSchemas.schemas;
}
