/**
 * Files analyzed on worker threads. A cold check spreads them over every core: parsing YAML is nearly the whole
 * cost of a check, and files are independent. Below a few hundred files a worker's start-up (a thread and its
 * own zod and YAML modules, ~0.15 s) costs more than it saves, so small batches stay on the main thread,
 * unless a worker was started before they were known (`--staged`: see AnalyzeWorker).
 *
 * A big batch goes to workers only, one a core, the main thread waiting: their heaps are capped, and the main
 * thread's is not. V8 grows an uncapped heap up to 4x its live data between full collections, so the main
 * thread's share of a cold check at 5,000 projects left it anywhere from ~50 to ~110 MB, and peak memory
 * from ~215 to ~265 MB, from run to run. It costs no time: the main thread would have finished its share a
 * worker's start-up before the worker, and waited.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalyzeJob } from './analyze.js';
import type { Presence } from './load/index-listing.js';
import type { CacheEntry } from './load/cache.js';
import type { Rejudged, RejudgeTask } from './rejudge.js';
import { CODE_DIR, FROM_SOURCE } from './paths.js';

/** Files per thread below which another thread does not pay for itself. PMO_FILES_PER_THREAD overrides it (the tests use workers on small portfolios). */
export const FILES_PER_THREAD = Number(process.env.PMO_FILES_PER_THREAD) || 300;

/**
 * A worker's heap: it retains little (its cache entries), so V8 collects early instead of growing; peak memory
 * at 5,000 projects drops ~15 MB. The young generation's ceiling (V8's default lets it reach 32 MB) costs a few
 * more scavenges of the mostly dead data of parsing, and saves ~15 MB more. A worker that hits a ceiling fails,
 * and its share is done on the main thread. PMO_WORKER_HEAP_MB overrides the old generation's (the tests starve
 * a worker to prove the fallback).
 */
const WORKER_HEAP_MB = Number(process.env.PMO_WORKER_HEAP_MB) || 128;
const WORKER_YOUNG_MB = 16;


/** Whether a worker can run beside the main thread: built code (not the test runner's sources), and a core for it. */
const workersAvailable = (): boolean => !FROM_SOURCE && availableParallelism() > 1;

/**
 * Files judged again on a new day per thread, below which another thread does not pay: judging a file again is
 * ~0.13 ms (most files' bodies are not even read) where analyzing it is ~2 ms, and a worker costs its start, the
 * findings it sends back, and the cores its heap's collections share. Measured on the bench's first check of a
 * day at 5,000 finding-dense projects (3,091 to judge): one thread 0.95 s against 1.05 s for this thread and a
 * worker, and 0.3 s less CPU (with whole records read, at 1,500 a thread, two had been 4% faster there).
 */
export const REJUDGE_FILES_PER_THREAD = Number(process.env.PMO_FILES_PER_THREAD) || 5000;

/** How many threads a batch of files is spread over. */
export const threadsFor = (files: number, perThread = FILES_PER_THREAD): number =>
  workersAvailable() ? Math.max(1, Math.min(availableParallelism(), Math.floor(files / perThread))) : 1;

/**
 * A worker thread that does one job at a time (its entry module answers each message with the job's result).
 * It loads its modules as soon as it starts, so one started before its job is known has them ready, on another
 * core, when it is.
 */
export class JobWorker<Job extends object, Result> {
  private readonly worker: Worker;
  /** Failed (out of its heap, or worse) or stopped: it takes no more jobs. */
  private ended = false;

  constructor(entry: string) {
    this.worker = new Worker(new URL(entry, CODE_DIR), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    // It keeps the process alive only while it has a job; an error is followed by 'exit', which fails the job.
    this.worker.unref();
    this.worker.on('error', () => undefined);
    this.worker.on('exit', () => (this.ended = true));
  }

  /** The job's result; undefined when the worker failed, and the caller does the job itself. */
  run(job: Job): Promise<Result | undefined> {
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const settle = (result?: Result) => {
        this.worker.off('message', settle).off('exit', failed).unref();
        resolve(result);
      };
      const failed = () => settle(undefined);
      this.worker.on('message', settle).on('exit', failed).ref();
      this.worker.postMessage(job);
    });
  }

  stop(): void {
    this.ended = true;
    void this.worker.terminate();
  }
}

/** A worker that analyzes files (analyze-worker.ts). */
export class AnalyzeWorker extends JobWorker<AnalyzeJob, Array<[string, CacheEntry]>> {
  constructor() {
    super('analyze-worker.js');
  }

  /** The entries of the job's files. The job's `exists` cannot cross to the thread: there, its `presence` answers. */
  analyze(job: AnalyzeJob): Promise<Array<[string, CacheEntry]> | undefined> {
    return this.run({ ...job, exists: undefined });
  }
}

/**
 * A job's items in shares, each done on a worker thread (`start`, then `jobOf` its share) when there are enough
 * for more than one thread, else all `here`. A worker
 * that fails leaves its share to this thread (slower, same answer). Interleaved, so that each thread gets a like
 * mix of big and small items. (Judging files again on a new day shares its work differently: see rejudgeFiles.)
 */
export async function inShares<Item, Job extends object, Result>(
  items: readonly Item[],
  { here, start, jobOf }: { here: (share: Item[]) => Promise<Result[]>; start: () => JobWorker<Job, Result[]>; jobOf: (share: Item[]) => Job },
): Promise<Result[]> {
  const threads = threadsFor(items.length);
  if (threads <= 1) return here([...items]);
  const shares = Array.from({ length: threads }, (_, t) => items.filter((_, i) => i % threads === t));
  const results = await Promise.all(
    shares.map(async (share) => {
      const worker = start();
      const done = await worker.run(jobOf(share));
      worker.stop();
      return done ?? (await here(share));
    }),
  );
  return results.flat();
}

/** A worker that judges files again on a new day (rejudge-worker.ts): it loads the rules, not zod or the `yaml` package. */
export class RejudgeWorker extends JobWorker<RejudgeTask, Rejudged[]> {
  constructor() {
    super('rejudge-worker.js');
  }
}

/**
 * Workers started now to judge this many files again, to be given to rejudgeFiles: their start-up overlaps this
 * thread's reading. One thread fewer than the shares: this thread judges one, instead of waiting.
 */
export function startRejudgeWorkers(files: number): RejudgeWorker[] {
  const threads = threadsFor(files, REJUDGE_FILES_PER_THREAD);
  return threads > 1 ? Array.from({ length: threads - 1 }, () => new RejudgeWorker()) : [];
}

/** Workers started now for a batch of this many files, to be given to analyzeInParallel (see `started`). */
export function startWorkers(files: number): AnalyzeWorker[] {
  const threads = threadsFor(files);
  return threads > 1 ? Array.from({ length: threads }, () => new AnalyzeWorker()) : [];
}

/** A worker started ahead (see cli/early.ts), until check() takes it. */
let spare: AnalyzeWorker | undefined;

/** Starts a worker now, for the next `spareWorker()`. */
export function startSpareWorker(): void {
  if (workersAvailable()) spare ??= new AnalyzeWorker();
}

/** The worker started ahead, or a new one; undefined where workers are not available. */
export function spareWorker(): AnalyzeWorker | undefined {
  startSpareWorker();
  const worker = spare;
  spare = undefined;
  return worker;
}

/**
 * Analyzes a batch of files. A big batch is shared among workers, each of which stops once its share is done
 * (its memory freed then). `started`: workers started for it ahead, used first. `spare`: a worker kept for
 * small batches, which it takes instead of this thread. `presence`: what workers are told for the job's
 * `exists` (the work tree when absent).
 */
export async function analyzeInParallel(
  job: AnalyzeJob,
  { spare, started = [], presence }: { spare?: AnalyzeWorker; started?: AnalyzeWorker[]; presence?: Presence } = {},
): Promise<Map<string, CacheEntry>> {
  const threads = threadsFor(job.files.length);
  // What workers are told instead of `exists`; the portfolio only serves the PMO's own rules.
  const forWorkers = { ...job, presence, portfolio: job.rulesets.length > 0 ? job.portfolio : undefined };
  // The analysis modules are loaded here only when this thread analyzes.
  const here = async (files = job.files) => {
    const { analyzeFiles, customRules } = await import('./analyze.js');
    return analyzeFiles({ ...job, files }, await customRules(job));
  };
  // A memo of analyzed blobs lives in this thread: a job that has one stays here.
  if (job.memo) return new Map(await here());
  if (threads <= 1) return new Map((spare && (await spare.analyze(forWorkers))) || (await here()));

  const entries = await inShares(job.files, {
    here,
    start: () => started.shift() ?? new AnalyzeWorker(),
    jobOf: (files) => ({ ...forWorkers, exists: undefined, files }),
  });
  return new Map(entries);
}
