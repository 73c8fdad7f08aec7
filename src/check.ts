/**
 * `pmo check` as a function: load → model → findings. The CLI is thin wiring over this; tests and other
 * tools call it directly.
 *
 * A warm run (nothing changed) reads and hashes the files and takes the rest from the parse cache: each
 * file's own findings, the facts cross-file checks need, and where its findings point. The YAML parsers and
 * zod are imported only when some file has to be parsed, validated or located afresh.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, PmoError, UsageError } from './errors.js';
import { compareFindings, groupBy, groupByFile, pathAnchors, type Finding, type RawFinding } from './findings.js';
import { CONFIG_FILE, idOfFile, YAML_FILE } from './layout.js';
import { ParseCache, StaleCacheError, cacheDir, type CacheEntry } from './load/cache.js';
import { classifyFiles, discoverFiles, findRoot, notAFileFinding, pathFilter, tooLargeFinding, type SourceFile } from './load/discover.js';
import { fileExists } from './load/exists.js';
import { locateFindings } from './load/locate.js';
import { anchorKey, placeSpans } from './load/position.js';
import type { PathAnchor } from './load/position-index.js';
import { decodeSource, hashBytes, hashFile, MAX_FILE_BYTES, readRegularFile, type Source } from './load/read.js';
import type { Change, IndexSnapshot } from './load/git.js';
import type { AnalysisMemo } from './analyze.js';
import { configFrom, type Config } from './model/config.js';
import { todayIso } from './model/dates.js';
import type { WaiverFact } from './model/references.js';
import type { Presence } from './load/index-listing.js';
import { brokenReferenceFindings, buildRegistries, findBrokenValues, keepsReferencesFor, referencesToKeep, type BrokenValue, type Registries } from './model/integrity.js';
import { analyzeInParallel, spareWorker, startRejudgeWorkers, startWorkers, type AnalyzeWorker } from './parallel.js';
import { judgePortfolio } from './rules/portfolio-run.js';
import { applyWaivers } from './rules/waivers.js';
import { runRecurrence } from './rules/recurrence-run.js';
import { checkGateConfig, gateFindings } from './rules/gates.js';
import { checkConfigReferences } from './rules/config-refs.js';
import { BUILTIN_RULE_IDS } from './rules/builtin/ids.js';
import { BUILD_ID } from './version.js';
import { readsPortfolio, type Portfolio, type RulesetSource } from './rules/custom.js';
import { isRecord } from './model/labels.js';
import { memo } from './memo.js';

export interface CheckOptions {
  /** Where to start looking for pmo.yaml (default: process.cwd()). */
  cwd?: string;
  /** Files, directories or globs to report on; the whole repo is still loaded. Relative to `pathsFrom`. */
  paths?: string[];
  /**
   * The directory `paths` are relative to (default: cwd). The CLI gives the one the command was typed in, so that
   * `pmo check -C ../portfolio ../portfolio/projects/x.yaml` names the file the shell completed.
   */
  pathsFrom?: string;
  /** YYYY-MM-DD; default: today on the local calendar. */
  today?: string;
  /** Use and update the parse cache (default true). */
  cache?: boolean;
  /** Check what git's index holds (the next commit), and report the staged files and what they break elsewhere. */
  staged?: boolean;
  /** Report only the files changed since this ref's merge base with HEAD (uncommitted work included). */
  changedSince?: string;
  /**
   * Judge the change rules (rebaselines, turning red) against this ref's merge base with HEAD, and report the
   * whole repository. `--staged` judges them against HEAD, `--changed-since` against its own base.
   */
  base?: string;
  /**
   * Check the repository as a commit has it, from git's objects (the work tree and the index are not read):
   * a ref, or YYYY-MM-DD for the last commit on this branch at or before the end of that day. `today`
   * defaults to the commit's date. The cache is read, not written (it keeps the files as they are now).
   */
  asOf?: string;
  /**
   * For history runs (`pmo report trends`): a past commit's files given as a snapshot, read through the caller's
   * blob reader, with a memo of the blobs analyzed before (they are only judged again on the day). Findings
   * carry no positions (line 0): a history run counts them.
   */
  snapshot?: Snapshot;
  /**
   * Run the governance rules (default true). Without them the check is the loader's and the schema's only:
   * the baseline the rules' cost is measured against, and what the loader's own tests look at. Its cache
   * is a different one (a cache holds the rule findings of its mode).
   */
  rules?: boolean;
  /** The command the user ran, as messages about git name it (default `pmo check`; `pmo report weekly`). */
  command?: string;
}

export interface Snapshot {
  commit: { commit: string; date: string };
  /** Every path of the PMO folder at the commit, with its blob id. */
  blobs: ReadonlyMap<string, string>;
  read: (ids: string[]) => Promise<Map<string, Uint8Array>>;
  memo?: AnalysisMemo;
}

export interface CheckResult {
  root: string;
  /** The date the check judged against. */
  today: string;
  config: Config;
  /** The waivers in force or not: what waivers.yaml says (for tools that judge further, like pmo gate). */
  waivers: WaiverFact[];
  /** The PMO's rule files, as read (for pmo rules and pmo gate). */
  rulesets: RulesetSource[];
  /** What the PMO's rules see of the portfolio. */
  portfolio: Portfolio;
  findings: Finding[];
  /** Files whose findings are reported (after narrowing by paths). */
  files: string[];
  /** The commit checked (`asOf`), and its date. */
  commit?: { commit: string; date: string };
  /** A file's bytes as this check read them (the work tree's, or the commit's). */
  readFile: (path: string) => Uint8Array;
}

/** A file as the later steps see it: its cache entry, and its text when (rarely) needed again. */
interface LoadedFile extends SourceFile {
  entry: CacheEntry;
  /** The content hash found when the file was discovered. */
  discovered?: string;
  text: () => string;
  /** The entry is new or gained something this run: the cache must be written. */
  changed?: boolean;
  /** A file as it was before a change (--staged, --changed-since) that the cache did not know: analyzed, not cached. */
  fresh?: boolean;
  /** The entry's rule findings are another day's: the file is judged again on this one (see rejudge.ts). */
  stale?: boolean;
}

/** How old a file's mtime must be before its stat may stand in for its content (racy-git's lesson). */
const RACY_MS = 2000;

/** The modules a cold run needs and a warm one does not. */
const heavy = {
  parse: () => import('./load/parse-yaml.js'),
  positions: () => import('./load/position-index.js'),
  compile: () => import('./model/config-compile.js'),
  references: () => import('./model/references.js'),
};

export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  // A pre-commit check usually meets a staged file the cache does not know. A worker started now (or by
  // bin/pmo.js: see cli/early.ts) loads the modules that analyze it (~80 ms: zod, the YAML parsers, the rules)
  // on another core, while this thread reads the index and the cache; stopped at the end, used or not.
  const spare = options.staged ? spareWorker() : undefined;
  // Every worker the check starts, stopped at the end whatever happens (used, failed, or never given work), and
  // what the threads spooled for the cache, deleted then if the check ended before saving it.
  const workers: Array<{ stop(): void }> = spare ? [spare] : [];
  try {
    return await checkOnce(options, false, spare, workers);
  } catch (error) {
    if (!(error instanceof StaleCacheError)) throw error;
    // Another run replaced part of the cache while this one read it: check again from an empty cache (the
    // run writes it anew). Slower, never wrong.
    return await checkOnce(options, true, spare, workers);
  } finally {
    for (const worker of workers) worker.stop();
  }
}

async function checkOnce(options: CheckOptions, freshCache: boolean, spare: AnalyzeWorker | undefined, workers: Array<{ stop(): void }>): Promise<CheckResult> {
  const cwd = options.cwd ?? process.cwd();
  const root = findRoot(cwd);
  const rules = options.rules !== false;
  const git = await openGit(root, options);
  const snapshot = options.snapshot;
  const asOf = snapshot || options.asOf === undefined ? undefined : await git!.commitAsOf(options.asOf);
  const commit = snapshot?.commit ?? asOf;
  // --as-of a date judges that day; --as-of a ref, its commit's day.
  const today = options.today ?? asOf?.day ?? commit?.date ?? todayIso();
  const reading = {
    index: options.staged ? git!.staged() : snapshot ? snapshotIndex(snapshot) : commit ? git!.treeAt(commit.commit) : undefined,
    changed: options.changedSince ? git!.changedSince(options.changedSince) : undefined,
  };
  // While git works in its own processes, this thread reads the cache, and for --staged without a spare
  // worker loads the modules that analyze files: a staged file is usually new to the cache.
  const cacheFolder = options.cache === false ? undefined : cacheDir(root);
  const cacheKey = rules ? BUILD_ID : `${BUILD_ID}:no-rules`;
  // The first check of a day judges many files again: the threads that share them start as soon as the cache's
  // head tells the day its files were judged on and how many, and load their modules (~250 ms) while this thread
  // reads the rest of the cache, pmo.yaml and the files' stats (see rejudge.ts). A commit's files (--staged,
  // --changed-since) are judged again only if the commit touches them: no thread for them.
  const judgesAll = rules && !freshCache && !snapshot && !options.staged && options.changedSince === undefined;
  const last = judgesAll && cacheFolder !== undefined ? ParseCache.lastDay(cacheFolder, cacheKey) : undefined;
  const rejudging = last && last.day !== today ? startRejudgeWorkers(last.files) : [];
  workers.push(...rejudging);
  const cache = cacheFolder === undefined ? undefined : ParseCache.open(cacheFolder, cacheKey, { fresh: freshCache, lazyDetails: options.staged });
  if (options.staged && !spare) import('./analyze.js').catch(() => undefined);
  const index = await reading.index;
  const changed = await reading.changed;
  const changes = index?.changes ?? changed;
  if (cache) workers.push({ stop: () => cache.dropSpools() });

  // The files' bytes: from the work tree, or (--staged) from git's index, which is what the commit will hold.
  /** A blob's bytes, read once: from the work tree when the file there is that blob (the usual case), else from git. */
  const bytesIn = (tree: GitTree, path: string) => memo(tree.bytes, path, () => worktreeCopy(root, path, tree.blobOf(path)) ?? git!.readBlobSync(tree.blobOf(path)));
  const readBlobs = snapshot?.read ?? ((ids: string[]) => git!.readBlobs(ids));
  /** The same for many files: what the work tree does not have comes from one git process. */
  const readTree = async (tree: GitTree, paths: readonly string[]) => {
    const fromGit: string[] = [];
    for (const path of paths) {
      if (tree.bytes.has(path) || snapshot?.memo?.blobs.has(tree.blobOf(path))) continue;
      // A history run reads the past: the work tree seldom has it.
      const copy = snapshot ? undefined : worktreeCopy(root, path, tree.blobOf(path));
      if (copy) tree.bytes.set(path, copy);
      else fromGit.push(path);
    }
    const read = await readBlobs(fromGit.map(tree.blobOf));
    for (const path of fromGit) tree.bytes.set(path, read.get(tree.blobOf(path))!);
  };
  const indexTree: GitTree | undefined = index && { blobOf: (path) => index.blobs.get(path)!, present: index.present, presence: index.presence, bytes: new Map() };
  const bytesOf = (path: string) => (indexTree ? bytesIn(indexTree, path) : readRegularFile(root, path));
  const sourceOf = (file: SourceFile) => decodeSource(file.path, file.kind, bytesOf(file.path));
  if (commit && !index!.blobs.has(CONFIG_FILE)) throw new ConfigError(`${CONFIG_FILE} is not in commit ${commit.commit.slice(0, 12)} (${commit.date}): the PMO repository did not exist here then`);
  if (index && !index.blobs.has(CONFIG_FILE)) throw new ConfigError(`${CONFIG_FILE} is not in git's index, so the commit would have none: \`git add ${CONFIG_FILE}\``);

  if (snapshot) await readTree(indexTree!, [CONFIG_FILE]);
  const configSource = sourceOf({ path: CONFIG_FILE, kind: 'config' });
  // A history run's memo holds under one pmo.yaml: it keeps the config's entry for the next period.
  let configEntry = cache?.config(configSource.hash) ?? snapshot?.memo?.config;
  if (!configEntry) {
    configEntry = await loadConfig(configSource);
    cache?.setConfig(configEntry);
    if (snapshot?.memo) snapshot.memo.config = configEntry;
  }
  const config = configFrom(configEntry.data);
  // The change rules will compare each edited project with its base version: git reads those, and this thread
  // loads the modules that parse and judge them, while the files are analyzed.
  const ahead = rules && changes ? changeRulesAhead(changes) : undefined;

  // Texts are not kept: at 5,000 projects they are 40 MB. A file is read again to be parsed (by the thread
  // that parses it) or, when it has findings, to count its lines.
  const texts = new Map<string, string>([[CONFIG_FILE, configSource.text]]);
  const textOf = (file: SourceFile) => () => memo(texts, file.path, () => sourceOf(file).text);
  const files: LoadedFile[] = [{ path: CONFIG_FILE, kind: 'config', entry: configEntry, text: () => configSource.text }];
  const stats = new Map<string, [number, number, number]>();
  /** The sizes of the work tree's files too large to read (each a finding, below). */
  const tooLarge = new Map<string, number>();
  const worktreeHash = (path: string) => {
    const { mtimeMs, size, ctimeMs } = statSync(join(root, path));
    if (size > MAX_FILE_BYTES) return void tooLarge.set(path, size);
    // A file touched in the last seconds may change again within the same timestamps: its stat is not kept.
    if (Date.now() - Math.max(mtimeMs, ctimeMs) > RACY_MS) stats.set(path, [mtimeMs, size, ctimeMs]);
    return cache?.knownHash(path, mtimeMs, size, ctimeMs) ?? hashFile(root, path);
  };
  const { files: discovered, notFiles } = index ? { files: classifyFiles([...index.blobs.keys()], config.rulesets), notFiles: [] } : discoverFiles(root, config.rulesets);
  const { unique, duplicates } = oneFilePerId(discovered.filter((f) => f.kind !== 'config'));
  // Data files that are not files: findings beside the files' own, like a second file for one project id.
  const unreadable = notFiles.map(notAFileFinding);
  // A cache that knows no file means a cold check, which analyzes every file: the workers that will share them
  // start now, while this thread reads and hashes the files (~0.3 s at 5,000 projects).
  const started = cache?.size || snapshot ? [] : startWorkers(unique.length);
  workers.push(...started);
  const loaded = (file: SourceFile, hash: string): LoadedFile => {
    const hit = cache?.get(file.path, hash, today);
    const before = hit ? undefined : cache?.judgedOnAnotherDay(file.path, hash, today);
    // Properties named, not spread from `file`: V8 makes `{ ...file, more }` ~10x slower, and a warm check at
    // 5,000 projects spent ~30 ms here.
    return { path: file.path, kind: file.kind, entry: hit ?? before ?? { hash, findings: [] }, discovered: hash, text: textOf(file), changed: !hit, stale: before !== undefined };
  };
  for (const file of unique) {
    const hash = indexTree ? indexTree.blobOf(file.path) : worktreeHash(file.path);
    if (hash !== undefined) files.push(loaded(file, hash));
    // A data file too large to be one is a finding of its own, as one that is not a file; a rule file is
    // configuration, and reading it stops the run.
    else if (file.kind === 'ruleset') readRegularFile(root, file.path);
    else {
      notFiles.push(file);
      unreadable.push(tooLargeFinding(file, tooLarge.get(file.path)!, MAX_FILE_BYTES));
    }
  }
  const worktreeExists = index ? undefined : fileExists(root, cache?.dirs);
  const exists = worktreeExists ?? index!.present;
  let rulesets: RulesetSource[] = [];
  let portfolio: Portfolio | undefined;
  const analyze = async (all: LoadedFile[], registries?: Registries, from = indexTree) => {
    if (all.length === 0) return;
    if (from) await readTree(from, all.map((f) => f.path));
    const batch = from ? all.filter((f) => !tooLargeBlob(f, from)) : all;
    if (batch.length === 0) return;
    // Files from git go to the workers as bytes, with their share.
    const contents = from && new Map(batch.flatMap((f) => (from.bytes.has(f.path) ? [[f.path, from.bytes.get(f.path)!] as const] : [])));
    const job = {
      root, files: batch.map(({ path, kind }) => ({ path, kind })), configData: config.data, today, rules, rulesets, portfolio, registries, exists: from?.present ?? exists, contents,
      // What a new day needs of a file is kept for the cache of the work tree or the index (never of the past).
      spool: commit ? undefined : cache?.spoolDir(),
      ...(snapshot ? { memo: snapshot.memo, hashes: new Map(batch.map((f) => [f.path, f.entry.hash])), positions: false } : {}),
    };
    const fresh = await analyzeInParallel(job, { spare, started, presence: from?.presence });
    for (const file of batch) file.entry = fresh.get(file.path) ?? file.entry;
  };

  /**
   * Files judged on another day, judged on this one from what the cache kept; those it kept too little of are
   * returned, to be read again. A commit's files (--staged, --changed-since) are reported with what they break
   * elsewhere, which a file nobody touched shows on both sides of the comparison: such files keep their entries.
   */
  const rejudge = async (stale: LoadedFile[], meanwhile?: () => void): Promise<LoadedFile[]> => {
    const touched = changes && new Set(changes.map((c) => c.path));
    for (const file of stale) if (touched && !touched.has(file.path)) file.changed = false;
    const due = stale.filter((f) => f.changed);
    if (!rules || due.length === 0) return due;
    const { rejudgeFiles } = await import('./rejudge.js');
    const job = { keptAt: (path: string) => cache?.keptWhere(path), damaged: (shard: number) => cache?.repairKept(shard), config, today, rulesets, portfolio, workTree: index ? undefined : root };
    const judged = await rejudgeFiles(due, job, rejudging, meanwhile);
    for (const file of due) file.entry = judged.get(file.path) ?? { hash: file.entry.hash, findings: [] };
    return due.filter((f) => !judged.has(f.path));
  };

  // The PMO's rule files first: they are configuration (an error in one stops the run), and every other
  // file is judged by them: when they change, every file is judged anew.
  const rulesetFiles = files.filter((f) => f.kind === 'ruleset');
  await analyze(rulesetFiles.filter((f) => f.changed));
  rulesets = rulesetFiles.flatMap((f) => (f.entry.data === undefined ? [] : [{ file: f.path, data: f.entry.data }]));
  // Rules that look across the portfolio are judged anew when people, goals or the set of projects change.
  const portfolioFiles = readsPortfolio(rulesets) ? files.filter((f) => f.kind === 'people' || f.kind === 'goals' || f.kind === 'project') : [];
  const rulesetsKey = [...rulesetFiles, ...portfolioFiles]
    .map((f) => (f.kind === 'project' ? f.path : `${f.path}:${f.entry.hash}`))
    .join(';');
  if (rules && (!cache || !cache.judgedUnder(rulesetsKey))) {
    await assertRulesetsCompile(rulesetFiles, rulesets, today);
    if (cache) for (const file of files) if (file.kind !== 'config' && file.kind !== 'ruleset') Object.assign(file, { changed: true, stale: false });
  }

  // The registries (people, goals) next: knowing them, the other files can word their broken references
  // while their data is at hand, on whichever core parses them.
  const missed = files.filter((f) => f.changed && !f.stale && f.kind !== 'ruleset');
  await analyze(missed.filter((f) => f.kind === 'people' || f.kind === 'goals'));
  const registries = buildRegistries(factsOf(files));
  // Only the PMO's own rules read it (the built-in ones have the registries): worked out only for them.
  portfolio = rulesets.length > 0 ? portfolioOf(files) : undefined;

  /**
   * The values of a set of files that break (a reference to no one, a missing record, an actual date ahead),
   * worked out once for the same files and facts: the first check of a day works them out while threads judge
   * the files again (see below).
   */
  let brokenKnown: { files: LoadedFile[]; facts: unknown[]; ids: Registries; present: (path: string) => boolean; broken: BrokenValue[] } | undefined;
  const brokenValues = (judged: LoadedFile[], ids: Registries, present: (path: string) => boolean): BrokenValue[] => {
    const known = brokenKnown;
    const same = known && known.ids === ids && known.present === present && known.files.length === judged.length && judged.every((f, i) => known.files[i] === f && known.facts[i] === f.entry.facts);
    if (same) return known.broken;
    // Only the work tree has folders pmo may not read; git's trees list every path.
    const unreadable = worktreeExists && present === exists ? worktreeExists.unreadable : undefined;
    const broken = findBrokenValues(factsOf(judged), ids, { today, exists: present, unreadable });
    brokenKnown = { files: [...judged], facts: judged.map((f) => f.entry.facts), ids, present, broken };
    return broken;
  };

  /**
   * Every finding of a set of files, judged together: cross-file checks, portfolio rules, waivers, gates,
   * severities. With `only`, the files' own findings, broken references and gates are those of the named
   * files; the portfolio rules always look at every file (`across`: their findings, when already known).
   */
  const acrossFiles = (set: LoadedFile[], keep = false) => {
    if (!rules) return [];
    const judged = set.filter((f) => f.entry.facts?.rulesKey !== undefined);
    // Their findings follow from the files' extracts, and from the day for the time each rule says (with
    // pmo.yaml, the rule files and the build, which the cache is stamped with), and are cached by them: the
    // extracts are read only when a rule runs.
    const key = cache && keep ? createHash('sha1').update(judged.map((f) => `\0${f.path}\0${f.kind}\0${f.entry.facts!.rulesKey!}`).join('')).digest('hex') : undefined;
    const extracts = () => judged.map((f) => ({ path: f.path, kind: f.kind, rules: f.entry.facts!.rules }));
    const judgements = judgePortfolio(extracts, config, today, key ? cache!.portfolioJudgements(key) : []);
    if (key) cache!.setPortfolioJudgements(key, judgements);
    return judgements.flatMap((j) => j.findings);
  };
  const judge = async (
    set: LoadedFile[],
    present: (path: string) => boolean,
    copies: RawFinding[],
    { only, across = acrossFiles(set), ids }: { only?: ReadonlySet<string>; across?: RawFinding[]; ids: Registries },
  ): Promise<RawFinding[]> => {
    const judged = only ? set.filter((f) => only.has(f.path)) : set;
    const byPath = new Map(judged.map((f) => [f.path, f]));
    const broken = brokenValues(judged, ids, present);
    const brokenIn = groupBy(broken, (b) => b.file);
    await describe([...brokenIn].flatMap(([path, list]) => (keepsReferencesFor(list, byPath.get(path)?.entry ?? {}) ? [] : [path])), [], byPath);
    // Only for the cache of the work tree or the index (a history run's entries read theirs from its memo).
    if (cache && !commit) keepBrokenReferences(judged, brokenIn);
    const raw: RawFinding[] = [
      ...copies.filter((f) => !only || only.has(f.file)),
      ...judged.flatMap((f) => f.entry.findings),
      ...brokenReferenceFindings(broken, (path) => byPath.get(path)?.entry.references ?? []),
      ...across,
    ];
    // Waivers see every finding, so that one whose finding lies outside the paths asked for is not "unused";
    // without the rules they would hide nothing, so they are not judged either.
    const waivers = (rules && set.find((f) => f.kind === 'waivers')?.entry.facts?.waivers) || [];
    const waived = applyWaivers(raw, waivers, config, today);
    if (!rules) return applySeverities(waived, config);
    const audits = set.filter((f) => f.kind === 'audit').map((f) => ({ path: f.path, kind: f.kind, audit: f.entry.facts?.audit }));
    const recurring = runRecurrence(waived, audits, config, today).filter((f) => !only || only.has(f.file));
    return applySeverities([...waived, ...recurring, ...gates(judged, waived, config)], config);
  };
  const pending = missed.filter((f) => f.kind !== 'people' && f.kind !== 'goals');
  // A full check with no file to analyze works out what needs none of the day's findings (the broken values,
  // the portfolio rules) while the threads judge files again: ~100 ms at 5,000 projects off its wall time.
  const meanwhile = !changes && pending.length === 0 ? () => (brokenValues(files, registries, exists), acrossFiles(files, true)) : undefined;
  const unjudged = await rejudge(files.filter((f) => f.stale), meanwhile);
  await analyze([...pending, ...unjudged], registries);

  const narrow = changes && narrowScope(changes, config);
  const portfolioFindings = acrossFiles(files, true);
  // The change rules need a base: --staged's HEAD, --changed-since's merge base, or --base's.
  const baseChanges = changes ?? (options.base === undefined ? undefined : await git!.changedSince(options.base));
  const changeFindings = rules && baseChanges ? await judgeChanges(baseChanges) : [];
  const all = await judge(files, exists, [...duplicates, ...unreadable, ...changeFindings], { only: narrow, across: portfolioFindings, ids: registries });

  const pathsFrom = options.pathsFrom ?? cwd;
  const asked = pathFilter(root, pathsFrom, options.paths ?? []);
  for (const pattern of options.paths ?? []) {
    // A path that names nothing pmo checks is a mistake (a typo in a CI step must not pass green).
    const one = pathFilter(root, pathsFrom, [pattern])!;
    if (!files.some((f) => one(f.path))) {
      throw new UsageError(`${pattern} names no file pmo checks (pmo.yaml, people.yaml, goals.yaml, waivers.yaml, projects/, requests/, audits/, rules/)`);
    }
  }
  const introduced = changes && (await introducedByCommit(changes, files, all, narrow));
  // Nothing is left to analyze: the spare worker's thread ends while this one words and writes.
  spare?.stop();
  const inScope = (path: string) => (!asked || asked(path)) && (!introduced || introduced.files.has(path));
  const reported = all.filter((f) => inScope(f.file) || introduced?.findings.has(f));

  const byPath = new Map(files.map((f) => [f.path, f]));
  if (!snapshot) await describe([], reported, byPath);
  const findings = snapshot ? reported.map(unplaced) : locateFindings(reported, (path) => {
    const file = byPath.get(path);
    return file && { text: file.text, spans: file.entry.spans ?? {} };
  }).sort(compareFindings);

  const reportedFiles = new Set(findings.map((f) => f.file));

  // A past commit's files are not what the cache should hold: it is read, not written.
  if (cache && !commit) {
    if (worktreeExists) cache.setDirs(worktreeExists.listings);
    for (const file of files) {
      const stat = stats.get(file.path);
      // The stat vouches for the content this run hashed, and only if the analysis read that same content.
      if (!stat || (file.entry.stat && file.entry.stat.every((v, i) => v === stat[i]))) continue;
      // Set, not spread: an entry from the cache reads some fields lazily, and a spread copies only those read.
      if (file.entry.hash === file.discovered) Object.assign(file, { changed: true }).entry.stat = stat;
    }
    for (const file of files) if (file.changed && file.kind !== 'config') cache.set(file.path, file.entry);
    if (!index) cache.retain(new Set(files.map((f) => f.path)));
    cache.save();
  }
  return {
    root,
    today,
    config,
    waivers: files.find((f) => f.kind === 'waivers')?.entry.facts?.waivers ?? [],
    rulesets,
    get portfolio() {
      return (portfolio ??= portfolioOf(files));
    },
    findings,
    // Data files that are not files are listed while their finding is (turned off, they are not there).
    files: [...files.map((f) => f.path).filter((path) => inScope(path) || reportedFiles.has(path)), ...notFiles.map((f) => f.path).filter((path) => reportedFiles.has(path))],
    ...(commit ? { commit } : {}),
    readFile: judgedBytes(files, bytesOf),
  };

  /** What judgeChanges will need for the projects a change may edit, asked for now: their base blobs and the modules. */
  function changeRulesAhead(list: readonly Change[]) {
    const heads = list.filter((c) => c.head && c.index && kindOf(c.path, config) === 'project').map((c) => c.head!);
    if (heads.length === 0) return undefined;
    void heavy.parse().catch(() => undefined);
    void import('./rules/change-run.js').catch(() => undefined);
    const blobs = git!.readBlobs(heads);
    blobs.catch(() => undefined); // awaited by judgeChanges, where a failure is reported
    return { heads, blobs };
  }

  /** The change rules on each project the change edits (it existed at the base, and its data now passed its schema). */
  async function judgeChanges(list: readonly Change[]): Promise<RawFinding[]> {
    const byPath = new Map(files.map((f) => [f.path, f]));
    const edited = list.filter((c) => c.head && c.index && byPath.get(c.path)?.kind === 'project' && !byPath.get(c.path)!.entry.findings.some((f) => f.severity === 'error' && /^(yaml|schema)\//.test(f.rule)));
    if (edited.length === 0) return [];
    const [{ parseYaml }, { runChangeRules }, before] = await Promise.all([
      heavy.parse(),
      import('./rules/change-run.js'),
      ahead && edited.every((c) => ahead.heads.includes(c.head!)) ? ahead.blobs : git!.readBlobs(edited.map((c) => c.head!)),
    ]);
    return edited.flatMap((c) => {
      const then = parseYaml(decodeSource(c.path, 'project', before.get(c.head!)!).text, c.path).data;
      const now = parseYaml(decodeSource(c.path, 'project', bytesOf(c.path)).text, c.path).data;
      return runChangeRules(c.path, then, now, config, today);
    });
  }

  /**
   * `--staged` and `--changed-since`: the changed files are reported whole; of the other files, only the
   * findings the change brings (a person removed from people.yaml breaks references in projects nobody
   * touched). Those are the findings that judging the files as they were before (HEAD, or the merge base)
   * does not give. A changed pmo.yaml or rule file changes how every file is judged: then every file is
   * reported.
   */
  async function introducedByCommit(changes: readonly Change[], current: LoadedFile[], findings: RawFinding[], only: ReadonlySet<string> | undefined) {
    const changedPaths = new Set(changes.map((c) => c.path));
    if (changes.some((c) => ['config', 'ruleset'].includes(kindOf(c.path, config) ?? ''))) return undefined;

    // The files before: the same set when the change only edits files (narrow), else without the added
    // files and with the deleted ones.
    const added = new Set(changes.filter((c) => c.head === undefined).map((c) => c.path));
    const deleted = new Set(changes.filter((c) => c.index === undefined).map((c) => c.path));
    const presentBefore = (path: string) => deleted.has(path) || (!added.has(path) && exists(path));
    let headFiles: SourceFile[] = current.slice(1);
    let headCopies = duplicates;
    if (!only) {
      const paths = [...discovered.map((f) => f.path).filter((path) => !added.has(path)), ...deleted];
      ({ unique: headFiles, duplicates: headCopies } = oneFilePerId(classifyFiles(paths, config.rulesets).filter((f) => f.kind !== 'config')));
    }
    const headOf = new Map(changes.map((c) => [c.path, c.head]));
    const except = new Map([...[...added].map((path) => [path, false] as const), ...[...deleted].map((path) => [path, true] as const)]);
    const from: GitTree = { blobOf: (path) => headOf.get(path)!, present: presentBefore, presence: { ...indexTree?.presence, except }, bytes: new Map() };
    const atIndex = new Map(current.map((f) => [f.path, f]));
    const atHead = (f: SourceFile): LoadedFile => {
      const hash = from.blobOf(f.path);
      const hit = cache?.get(f.path, hash, today);
      const text = () => decodeSource(f.path, f.kind, bytesIn(from, f.path)).text;
      // Not marked changed: the version before is not what the cache should hold for the file now.
      return { path: f.path, kind: f.kind, entry: hit ?? { hash, findings: [] }, text, fresh: !hit };
    };
    const head = [current[0]!, ...headFiles.map((f) => (changedPaths.has(f.path) ? atHead(f) : (atIndex.get(f.path) ?? atHead(f))))];
    const fresh = head.filter((f) => f.fresh);
    await analyze(fresh.filter((f) => f.kind === 'people' || f.kind === 'goals'), undefined, from);
    // Edits only (narrow): people, goals and the set of projects are as in the index.
    const headIds = only ? registries : buildRegistries(factsOf(head));
    await analyze(fresh.filter((f) => f.kind !== 'people' && f.kind !== 'goals'), headIds, from);
    // Judging the portfolio rules is the costly part; what they read of the staged files is often unchanged
    // (a status update, a new risk), and then so are their findings.
    const headChanged = new Map(head.filter((f) => changedPaths.has(f.path)).map((f) => [f.path, f]));
    const sameExtracts = only && [...changedPaths].every((path) => atIndex.get(path)?.entry.facts?.rulesKey === headChanged.get(path)?.entry.facts?.rulesKey);
    const across = sameExtracts ? portfolioFindings : undefined;
    // A finding that was there before (same rule, place and item) is old, even when its wording changed
    // (an over-allocation that went down); each old one excuses one finding now.
    const before = new Map<string, number>();
    for (const f of await judge(head, presentBefore, headCopies, { only, across, ids: headIds })) before.set(findingKey(f), (before.get(findingKey(f)) ?? 0) + 1);
    const isNew = (f: RawFinding) => {
      const left = before.get(findingKey(f)) ?? 0;
      if (left > 0) before.set(findingKey(f), left - 1);
      return left === 0;
    };
    return { files: changedPaths, findings: new Set(findings.filter((f) => !changedPaths.has(f.file) && isNew(f))) };
  }
}

/**
 * Whether git's blob of a file is too large to be a PMO file (the work tree's files are sized by their stat
 * before they are read; a blob only once read): a data file's entry is then that finding alone, and the file is
 * not parsed (a 70 MB project staged once crashed the check); a rule file, configuration, stops the run.
 */
function tooLargeBlob(file: LoadedFile, tree: GitTree): boolean {
  const size = tree.bytes.get(file.path)?.length ?? 0;
  if (size <= MAX_FILE_BYTES) return false;
  const finding = tooLargeFinding(file, size, MAX_FILE_BYTES);
  if (file.kind === 'ruleset') throw new ConfigError(finding.message);
  file.entry = { hash: file.entry.hash, findings: [finding] };
  return true;
}

/** Files as a git tree (the index, or a base commit) holds them: each one's blob, which paths exist, and the bytes read so far. */
interface GitTree {
  blobOf: (path: string) => string;
  present: (path: string) => boolean;
  /** `present` as worker threads (which cannot be given a function) are told it. */
  presence: Presence;
  bytes: Map<string, Uint8Array>;
}

/** Opens git when the check reads from it (--staged, --changed-since); a plain check never loads git. */
async function openGit(root: string, options: CheckOptions) {
  const modes = [
    options.staged && '--staged',
    options.changedSince !== undefined && `--changed-since ${options.changedSince}`,
    options.asOf !== undefined && `--as-of ${options.asOf}`,
    options.base !== undefined && `--base ${options.base}`,
  ].filter(Boolean);
  if (modes.length > 1) throw new UsageError(`${modes.join(' and ')} do not go together: each says which version of the files to check`);
  if (modes.length === 0 && !options.snapshot) return undefined;
  const { GitRepo } = await import('./load/git.js');
  return GitRepo.open(root, modes.length > 0 ? `${options.command ?? 'pmo check'} ${modes[0]}` : 'pmo report trends');
}

/**
 * The common commit (project or request files edited, none added, deleted, or governing others) changes
 * nothing a file outside it is judged by but the portfolio rules: then only the staged files need judging,
 * and the did-you-mean searches and gates of thousands of unchanged files can be skipped.
 */
function narrowScope(changes: readonly Change[], config: Config): ReadonlySet<string> | undefined {
  // Edited in place, and a project, a request, or no file of pmo's at all (a record's content).
  const local = (c: Change) => c.head !== undefined && c.index !== undefined && ['project', 'request', undefined].includes(kindOf(c.path, config));
  return changes.every(local) ? new Set(changes.map((c) => c.path)) : undefined;
}

/** Which of pmo's files a path is (pmo.yaml is the config), if any. */
const kindOf = (path: string, config: Config) => classifyFiles([path], config.rulesets).find((f) => f.path === path)?.kind;

/**
 * A blob's bytes from the work tree, when the file there is that blob: what a PM staged is usually what is on
 * disk, and reading it costs no git process. Undefined when it differs or is not there.
 */
/** A snapshot as the index-like tree a check reads: its YAML files, and every path for record checks. */
function snapshotIndex(snapshot: Snapshot): IndexSnapshot {
  // forEach, not a spread: a history run does this for every period, of every path (records included).
  const blobs = new Map<string, string>();
  snapshot.blobs.forEach((blob, path) => YAML_FILE.test(path) && blobs.set(path, blob));
  return {
    blobs,
    present: (path) => snapshot.blobs.has(path),
    get presence() {
      return { paths: [...snapshot.blobs.keys()] };
    },
  };
}

/**
 * A file's bytes for those who read it after the check (reports): the bytes the check judged, or an error when
 * the file changed since (an editor's save, a checkout): data that was not judged may not fit its schema, and
 * a view built on it would be wrong, or crash.
 */
function judgedBytes(files: readonly LoadedFile[], bytesOf: (path: string) => Uint8Array): (path: string) => Uint8Array {
  const judged = new Map(files.map((f) => [f.path, f.entry.hash]));
  return (path) => {
    const bytes = bytesOf(path);
    const hash = judged.get(path);
    if (hash !== undefined && hashBytes(bytes) !== hash) {
      throw new PmoError(`${path} changed while pmo was reading the portfolio (a save in an editor, a git checkout?); run the command again`);
    }
    return bytes;
  };
}

/** A finding counted, not shown: a history run has no use for where it points (nor for an order). */
const unplaced = (f: RawFinding): Finding => ({ file: f.file, rule: f.rule, severity: f.severity, message: f.message, line: 0, column: 0, endLine: 0, endColumn: 0, ...(f.waived ? { waived: f.waived } : {}) });

function worktreeCopy(root: string, path: string, blob: string): Uint8Array | undefined {
  try {
    const bytes = readRegularFile(root, path);
    return hashBytes(bytes) === blob ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/** A finding's identity across two judgments of the portfolio: its rule and place, not its wording. */
const findingKey = (f: RawFinding) => [f.rule, f.file, f.project ?? '', f.item ?? '', JSON.stringify(f.at), f.waived ? 'waived' : ''].join('\0');

const factsOf = (files: readonly LoadedFile[]) => files.map((f) => ({ path: f.path, kind: f.kind, facts: f.entry.facts }));

/**
 * pmo.yaml, read fully: any problem but an unknown field stops the run (exit 2) with its positions. Exported
 * for commands that need the validated config only (pmo schema), so they fail exactly as `pmo check` does.
 */
export async function loadConfig(source: Source): Promise<CacheEntry> {
  const [{ parseYamlFully }, { spansFor, positionsOf }, { validateConfig, buildSchemas }, { ExtensionError }] = await Promise.all([
    heavy.parse(),
    heavy.positions(),
    heavy.compile(),
    import('./model/extend.js'),
  ]);
  const parsed = parseYamlFully(source.text, CONFIG_FILE);
  const locate = (findings: RawFinding[]) => {
    const spans = parsed.doc ? spansFor(positionsOf(source.text, parsed), pathAnchors(findings)) : {};
    return { spans, findings: locateFindings(findings, () => ({ text: () => source.text, spans })).sort(compareFindings) };
  };
  const fatal = (findings: RawFinding[], why: string): never => {
    throw new ConfigError(`${CONFIG_FILE} ${why}:\n${listedFirst(locate(findings).findings)}`);
  };
  const yamlProblems = [...(source.encodingFinding ? [source.encodingFinding] : []), ...parsed.findings];
  if (yamlProblems.length > 0) fatal(yamlProblems, 'cannot be read, so nothing was checked');

  const findings = validateConfig(parsed.data);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) fatal(errors, 'has settings pmo cannot use; fix them first');
  try {
    buildSchemas(parsed.data);
  } catch (error) {
    if (!(error instanceof ExtensionError)) throw error;
    const at = { path: error.path };
    fatal([{ rule: 'config/schema-extension', severity: 'error', message: error.message, file: CONFIG_FILE, at }], 'has a schema extension pmo cannot use');
  }
  return { hash: source.hash, data: parsed.data, findings, spans: locate(findings).spans };
}

/**
 * The PMO's rule files are configuration: YAML or schema errors in them, or an expression that does not
 * compile, stop the run (exit 2) naming the file, line and column and what the CEL parser said.
 */
async function assertRulesetsCompile(files: readonly LoadedFile[], rulesets: RulesetSource[], today: string): Promise<void> {
  if (files.length === 0) return;
  const [{ spansFor, positionsOf }, { compileRules }, { RuleCompileError }] = await Promise.all([
    heavy.positions(),
    import('./rules/custom-compile.js'),
    import('./rules/custom.js'),
  ]);
  const errors = files.flatMap((f) => f.entry.findings.filter((x) => x.severity === 'error'));
  const located = (findings: RawFinding[]) =>
    locateFindings(findings, (path) => {
      const file = files.find((f) => f.path === path);
      if (!file) return undefined;
      const text = file.text();
      const anchors = findings.filter((f) => f.file === path && 'path' in f.at).map((f) => f.at as PathAnchor);
      // YAML errors point by offset: a file that has only those is not parsed again.
      return { text: () => text, spans: anchors.length > 0 ? spansFor(positionsOf(text), anchors) : {} };
    }).sort(compareFindings);
  if (errors.length > 0) {
    throw new ConfigError(`the PMO's rule files have errors, so nothing was checked:\n${listedFirst(located(errors))}`);
  }
  try {
    compileRules(rulesets, today, new Set(BUILTIN_RULE_IDS));
  } catch (error) {
    if (!(error instanceof RuleCompileError)) throw error;
    const at = { path: error.path, on: error.onKey ? ('key' as const) : ('value' as const) };
    const [where] = located([{ rule: 'rules/compile', severity: 'error', message: error.message, file: error.file, at }]);
    // The parser's offset inside the expression: exact for an expression written on one line.
    const text = files.find((f) => f.path === error.file)!.text().split('\n')[where!.line - 1] ?? '';
    const quoted = /["']/.test(text.charAt(where!.column - 1)) ? 1 : 0;
    const column = where!.column + quoted + error.offset;
    throw new ConfigError(`${error.file}:${where!.line}:${error.onKey ? where!.column : column}  ${error.message}`);
  }
}

/**
 * Gives files what their findings need and their cache entries lack: the references of files with broken
 * ones (`referencesFor`), the spans of the findings' anchors (`findings`). One `yaml` parse a file.
 */
async function describe(referencesFor: Iterable<string>, findings: readonly RawFinding[], files: Map<string, LoadedFile>): Promise<void> {
  const anchored = groupByFile(findings.filter((f) => 'path' in f.at));
  const anchors = new Map([...anchored].map(([file, list]) => [file, list.map((f) => f.at as PathAnchor)]));
  const wantsReferences = new Set([...referencesFor].filter((path) => files.get(path)?.entry.facts));
  const unplaced = [...anchors].filter(([path, list]) => list.some((a) => !files.get(path)?.entry.spans?.[anchorKey(a)]));
  const wantsSpans = await placedFast(unplaced.filter(([path]) => !wantsReferences.has(path)), files);
  if (wantsReferences.size === 0 && wantsSpans.length === 0) return;

  const [{ spansFor, positionsOf }, { parseYaml }, { extractReferences }] = await Promise.all([
    heavy.positions(),
    heavy.parse(),
    heavy.references(),
  ]);
  for (const path of new Set([...wantsReferences, ...wantsSpans.map(([p]) => p)])) {
    const file = files.get(path);
    if (!file) continue;
    const parsed = parseYaml(file.text(), path);
    if (wantsReferences.has(path)) Object.assign(file.entry, { references: extractReferences(file.kind, parsed.data), datesAfter: '' });
    const needed = anchors.get(path);
    if (needed) file.entry.spans = placeSpans({ ...file.entry.spans, ...spansFor(positionsOf(file.text(), parsed), needed) }, file.text());
    file.changed = true;
  }
}

/**
 * Files whose findings need only placing, placed by the fast parser where it can vouch for the positions (as a new
 * day's threads place theirs: see rejudge.ts): a portfolio rule's first finding in a project (an audit falling due)
 * then needs neither the `yaml` package (~25 ms to load) nor its parse. Returns those it could not place.
 */
async function placedFast(unplaced: Array<[string, PathAnchor[]]>, files: Map<string, LoadedFile>): Promise<Array<[string, PathAnchor[]]>> {
  if (unplaced.length === 0) return [];
  const fast = await import('./load/fast-spans.js').catch(() => undefined);
  return unplaced.filter(([path, needed]) => {
    const file = files.get(path);
    const spans = file && fast?.fastSpans(file.text(), needed);
    if (!spans) return true;
    file.entry.spans = { ...file.entry.spans, ...spans };
    file.changed = true;
    return false;
  });
}

/**
 * A file keeps the references its broken values need (see referencesToKeep), none once none is broken: a day's
 * actual dates ahead of it (a status update written for tomorrow) once had the details of 3,400 of 5,000 files
 * hold all their references, ~23 MB, which every later check read and every new day wrote again. Worked out
 * anew (describe) when another value breaks. Only those read already: a lazy entry's are not read for this.
 */
function keepBrokenReferences(judged: readonly LoadedFile[], brokenIn: ReadonlyMap<string, BrokenValue[]>): void {
  for (const file of judged) {
    if (!Object.hasOwn(file.entry, 'references') || file.entry.references === undefined) continue;
    const broken = brokenIn.get(file.path);
    const kept = broken ? referencesToKeep(broken, file.entry.references) : {};
    if (kept.references?.length === file.entry.references.length && kept.datesAfter === file.entry.datesAfter) continue;
    file.entry.references = kept.references;
    file.entry.datesAfter = kept.datesAfter;
    file.changed = true;
  }
}

/**
 * A project (or request) is its file name: `apollo.yaml` and `apollo.yml` would be one id twice. The first
 * (in name order, so .yaml) counts; the other is a finding and is not read.
 */
function oneFilePerId(files: SourceFile[]): { unique: SourceFile[]; duplicates: RawFinding[] } {
  const seen = new Map<string, string>();
  const duplicates: RawFinding[] = [];
  const unique = files.filter((file) => {
    if (file.kind !== 'project' && file.kind !== 'request' && file.kind !== 'audit') return true;
    const key = file.path.replace(YAML_FILE, '');
    const first = seen.get(key);
    if (!first) return seen.set(key, file.path), true;
    duplicates.push({
      rule: 'schema/duplicate-file',
      severity: 'error',
      message: `${file.path} and ${first} are the same ${file.kind} id; keep one (this one is not read)`,
      file: file.path,
      at: { offset: 0, endOffset: 0 },
    });
    return false;
  });
  return { unique, duplicates };
}

/** What the PMO's rules see of the portfolio: people.yaml's and goals.yaml's lists, and the project ids. */
function portfolioOf(files: readonly LoadedFile[]): Portfolio {
  const list = (kind: string, key: string) => {
    const data = files.find((f) => f.kind === kind)?.entry.data as Record<string, unknown> | undefined;
    return Array.isArray(data?.[key]) ? (data[key] as unknown[]) : [];
  };
  const projects = files.filter((f) => f.kind === 'project').map((f) => idOfFile(f.path));
  return { people: list('people', 'people'), goals: list('goals', 'goals'), projects };
}

/** A finding as a line of a ConfigError: configuration problems stop the run and are listed, located. */
const listed = (f: Finding) => `  ${f.file}:${f.line}:${f.column}  ${f.message}  (${f.rule})`;

/** How many configuration problems a ConfigError lists; a file broken on every line is still a readable error. */
const LISTED_PROBLEMS = 50;

const listedFirst = (findings: readonly Finding[]) =>
  [...findings.slice(0, LISTED_PROBLEMS).map(listed), ...(findings.length > LISTED_PROBLEMS ? [`  ... and ${findings.length - LISTED_PROBLEMS} more`] : [])].join('\n');

/** Stage-gate findings of every project, and of pmo.yaml's gates themselves. */
function gates(files: readonly LoadedFile[], findings: readonly RawFinding[], config: Config): RawFinding[] {
  const failures = new Map<string, Map<string, string[]>>();
  for (const f of findings) {
    if (f.waived) continue;
    let byRule = failures.get(f.file);
    if (!byRule) failures.set(f.file, (byRule = new Map<string, string[]>()));
    const messages = byRule.get(f.rule);
    if (messages) messages.push(f.message);
    else byRule.set(f.rule, [f.message]);
  }
  const projects = files.flatMap((f) => {
    const phase = f.entry.facts?.phase;
    if (f.kind !== 'project' || !phase) return [];
    return [{ file: f.path, project: idOfFile(f.path), phase, failures: failures.get(f.path) ?? new Map() }];
  });
  const customRules = files.flatMap((f) =>
    f.kind === 'ruleset' && isRecord(f.entry.data) && isRecord(f.entry.data.rules)
      ? Object.entries(f.entry.data.rules).map(([rule, spec]) => ({ file: f.path, rule, spec }))
      : [],
  );
  const known = new Set([...BUILTIN_RULE_IDS, ...customRules.map((r) => r.rule)]);
  const phases = customRules.flatMap(({ file, rule, spec }) => {
    const list = (spec as { phases?: unknown }).phases;
    return Array.isArray(list) ? [{ file, rule, phases: list.map(String) }] : [];
  });
  return [...checkGateConfig(config, known), ...checkConfigReferences(config, known, phases), ...gateFindings(projects, config)];
}

/** The PMO's `rules:` overrides in pmo.yaml apply to every finding, schema ones included. */
export function applySeverities(findings: RawFinding[], config: Config): RawFinding[] {
  const out: RawFinding[] = [];
  for (const finding of findings) {
    const level = config.rules[finding.rule];
    if (level !== 'off') out.push(level ? { ...finding, severity: level } : finding);
  }
  return out;
}
