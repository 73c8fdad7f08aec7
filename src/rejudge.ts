/**
 * The first check of a new day. A file whose rules read the day holds its findings for the day it was judged
 * on; on the next, it is judged again from what the cache kept of it (see Rejudge): its data, its own findings,
 * and the findings of the rules that did not read the day. Only the rules that did (and the PMO's own) run
 * again: nothing is validated, and neither the `yaml` package nor zod is loaded. A finding that points somewhere
 * new is placed from the positions kept for a file with findings; a file without (its first finding) is read and
 * parsed for it, by js-yaml alone. Many files are shared between this thread and worker threads (rejudge-worker.ts).
 */
import { groupBy, pathAnchors, type RawFinding } from './findings.js';
import { keptIn, readKept, type CacheEntry, type KeptAt, type KeptBody, type KeptRecords, type Rejudge } from './load/cache.js';
import { keptSpans } from './load/kept-positions.js';
import { anchorKey, type PathAnchor, type Spans } from './load/position.js';
import type { FileKind } from './load/discover.js';
import { configFrom, type Config } from './model/config.js';
import { REJUDGE_FILES_PER_THREAD, RejudgeWorker, threadsFor } from './parallel.js';
import { BUILTIN_RULE_IDS } from './rules/builtin/ids.js';
import type { CompiledRule, Portfolio, RulesetSource } from './rules/custom.js';
import { daylessOf, exactUntil, heldOn, runFileRules, standingFindings, type Standing } from './rules/run.js';

export interface RejudgeJob {
  /** Where the cache kept what judging a file again needs (see ParseCache.keptWhere). */
  keptAt: (path: string) => KeptAt | undefined;
  /** Told of a shard whose kept file was found damaged (see ParseCache.repairKept). */
  damaged: (shard: number) => void;
  config: Config;
  today: string;
  rulesets: readonly RulesetSource[];
  /** What the PMO's rules see across files (when there are some). */
  portfolio?: Portfolio;
  /** The work tree, when the files are read from it (not from git's index): where new findings are placed from. */
  workTree?: string;
}

/** A file to judge again: where it is, what it is, and its entry from another day. */
interface Stale {
  path: string;
  kind: FileKind;
  entry: CacheEntry;
}

/** A file of a task: the anchors its entry has placed (see Spans), and where it is kept. */
type TaskFile = { path: string; kind: FileKind; placed: string[]; at: KeptAt };

/**
 * What a thread needs to judge files again: plain data, so that it crosses to a worker, which reads the kept
 * data itself (~7 KB a file) from the cache's files. Every thread is given every file, in groups (one a kept
 * file, which a thread reads once), and takes the next group not taken (`next`, shared by the threads) until
 * none is left: a thread that started late, or had other work first, takes fewer.
 */
export interface RejudgeTask {
  groups: TaskFile[][];
  /** The index of the next group to take, in memory the threads share. */
  next: Int32Array;
  configData: unknown;
  today: string;
  rulesets: readonly RulesetSource[];
  portfolio?: Portfolio;
  workTree?: string;
}

/**
 * Each file's entry judged on the job's day, by path; a file whose entry kept no Rejudge (its data had a
 * non-finite number, or its cache file was lost) is left out: the caller reads it again. `meanwhile` is work of
 * this thread's that needs none of the day's findings: it is done while the workers judge, before this thread
 * takes its groups.
 */
export async function rejudgeFiles(files: readonly Stale[], job: RejudgeJob, started: RejudgeWorker[] = [], meanwhile?: () => void): Promise<Map<string, CacheEntry>> {
  const entries = new Map(files.map((f) => [f.path, f.entry]));
  const items = files.flatMap(({ path, kind, entry }) => {
    const at = job.keptAt(path);
    return at ? [{ path, kind, placed: Object.keys(entry.spans ?? {}), at }] : [];
  });
  const { config, keptAt: _at, damaged: _damaged, ...shared } = job;
  // Grouped by the file they are kept in: a thread reads each group's once.
  const task = (files: TaskFile[]): RejudgeTask => ({ ...shared, configData: config.data, groups: [...groupBy(files, (item) => item.at.file).values()], next: new Int32Array(new SharedArrayBuffer(4)) });
  const all = task(items);
  const workers = Array.from({ length: threadsFor(items.length, REJUDGE_FILES_PER_THREAD) - 1 }, () => started.shift() ?? new RejudgeWorker());
  const theirs = workers.map((worker) => worker.run(all).finally(() => worker.stop()));
  meanwhile?.();
  const results = [...(await judgeTask(all, config))];
  for (const answers of await Promise.all(theirs)) results.push(...(answers ?? []));
  // A worker that failed took groups it never answered: they are judged here (a file kept too little of is again left out).
  if (theirs.length > 0) {
    const answered = new Set(results.flatMap((r) => ('path' in r ? [r.path] : [])));
    const left = items.filter((item) => !answered.has(item.path));
    if (left.length > 0) results.push(...(await judgeTask(task(left), config)));
  }
  const judged = new Map<string, CacheEntry>();
  for (const result of results) {
    if ('damaged' in result) job.damaged(result.damaged);
    else judged.set(result.path, judgedEntry(entries.get(result.path)!, result, job.today));
  }
  return judged;
}

/**
 * What a thread answers for a file of a task: its findings on the day, and where those its entry had not placed
 * point (from the kept positions, or the file); or a kept file it found damaged.
 */
export type Rejudged = { path: string; findings: RawFinding[]; spans?: Spans; until?: string | null } | { damaged: number };

/** The findings of each file of the groups this thread takes of a task, judged on its day: on a worker thread, or on this one. */
export async function judgeTask(task: RejudgeTask, config = configFrom(task.configData)): Promise<Rejudged[]> {
  const custom = await compiledRules(task);
  const answers: Rejudged[] = [];
  for (let group = Atomics.add(task.next, 0, 1); group < task.groups.length; group = Atomics.add(task.next, 0, 1)) {
    const files = task.groups[group]!;
    let damaged = false;
    const kept = readKept(files[0]!.at, () => (damaged = true));
    try {
      for (const file of files) {
        const answer = await judgeFile(file, kept, task, config, custom);
        if (answer) answers.push(answer);
      }
    } finally {
      kept?.close();
    }
    if (damaged) answers.push({ damaged: files[0]!.at.shard });
  }
  return answers;
}

/**
 * One file judged again from what its kept files hold of it; undefined when they hold nothing of this content,
 * or lost the body it needed (then the file is read again).
 */
async function judgeFile({ path, kind, placed, at }: TaskFile, file: KeptRecords | undefined, task: RejudgeTask, config: Config, custom: CompiledRule[]): Promise<Rejudged | undefined> {
  const kept = keptIn(file, path, at.hash);
  if (!kept) return undefined;
  let read: KeptBody | undefined;
  const body = () => (read ??= file!.body(path, at.hash));
  const judged = judgedOnDay(kind, path, kept, body, task, config, custom);
  if (!judged) return undefined;
  const { findings, until, ruled } = judged;
  // Findings that all stood were placed the day they were found (their entry's spans, or the check's describe).
  const unplaced = ruled ? unplacedAnchors(findings, kept.stand, placed) : [];
  const positions = unplaced.length === 0 ? undefined : body();
  const spans = unplaced.length === 0 ? undefined : ((positions?.positions && keptSpans(positions.data, positions.positions, unplaced)) || (await placedFromFile(task.workTree, path, kind, at.hash, unplaced)));
  return { path, findings, ...(spans ? { spans } : {}), ...(until !== undefined ? { until } : {}) };
}

/**
 * A file's findings on the task's day (its own first), until when they hold to the word (see exactUntil), and
 * whether a rule ran; undefined when a rule must run and the file's body is lost.
 */
function judgedOnDay(kind: FileKind, path: string, kept: Rejudge, body: () => KeptBody | undefined, task: RejudgeTask, config: Config, custom: CompiledRule[]): { findings: RawFinding[]; until: string | null | undefined; ruled: boolean } | undefined {
  // With reports: the rules that run add theirs, for exactUntil to read.
  const standing: Standing = { dayless: daylessOf(kind, config, kept.stand.slice(kept.own), kept.dayRules), held: heldOn(kind, path, config, kept.held ?? [], task.today), reports: true };
  // Every rule's findings stand (or are held, worded for the day): its body is not even read.
  const stands = custom.length === 0 ? standingFindings(kind, config, standing, task.today) : undefined;
  const data = stands ? undefined : body()?.data;
  if (!stands && data === undefined) return undefined;
  const ruled = stands ?? runFileRules(kind, path, data, config, task.today, custom, task.portfolio, standing);
  return { findings: [...kept.stand.slice(0, kept.own), ...ruled], until: exactUntil(kind, config, custom, standing), ruled: !stands };
}

/**
 * Where the findings the entry had not placed point: only the day rules' (those that hold on any day, `stand`,
 * were placed when the file was analyzed), and of those only the ones that point somewhere new.
 */
function unplacedAnchors(findings: readonly RawFinding[], stand: readonly RawFinding[], placed: readonly string[]): PathAnchor[] {
  const known = new Set(placed);
  const old = new Set(stand);
  return pathAnchors(findings.filter((f) => !old.has(f))).filter((anchor) => !known.has(anchorKey(anchor)));
}

/**
 * The anchors placed from the file in the work tree, parsed by the fast parser alone (loaded when first needed),
 * for a file whose positions the cache did not keep (the rules had found nothing in it); undefined when it is not
 * in the work tree, not the content judged (changed since it was hashed), or the fast parser cannot vouch: the
 * check then places them (see describe in check.ts).
 */
async function placedFromFile(root: string | undefined, path: string, kind: FileKind, hash: string, anchors: readonly PathAnchor[]): Promise<Spans | undefined> {
  if (root === undefined) return undefined;
  try {
    const [{ readSource }, { fastSpans }] = await (placing ??= Promise.all([import('./load/read.js'), import('./load/fast-spans.js')]));
    const source = readSource(root, path, kind);
    return source.hash === hash ? fastSpans(source.text, anchors) : undefined;
  } catch {
    // Gone or unreadable since it was hashed (the check says so), or the parser would not load: the check places them.
    placing = undefined;
    return undefined;
  }
}

let placing: Promise<[typeof import('./load/read.js'), typeof import('./load/fast-spans.js')]> | undefined;

/** The PMO's own rules, compiled for the day (the day is compiled into them), when there are some. */
async function compiledRules(task: RejudgeTask): Promise<CompiledRule[]> {
  if (task.rulesets.length === 0) return [];
  const { compileRules } = await import('./rules/custom-compile.js');
  return compileRules([...task.rulesets], task.today, new Set(BUILTIN_RULE_IDS));
}

/**
 * The entry with the day's findings. Every field named: a cache entry may read some of its fields lazily, and a
 * spread copies only those read. No Rejudge of its own: the cache keeps the one it was judged from.
 */
function judgedEntry(entry: CacheEntry, { findings, spans, until }: { findings: RawFinding[]; spans?: Spans; until?: string | null }, today: string): CacheEntry {
  return {
    hash: entry.hash,
    findings,
    today,
    ...(until !== undefined ? { until } : {}),
    ...defined({ stat: entry.stat, facts: entry.facts, spans: spans ? { ...entry.spans, ...spans } : entry.spans, references: entry.references, datesAfter: entry.datesAfter, data: entry.data }),
  };
}

/** The fields whose value is not undefined. */
const defined = (fields: Partial<CacheEntry>): Partial<CacheEntry> =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
