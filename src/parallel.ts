/**
 * Cold checks on every core: parsing YAML is nearly the whole cost of a check, and files are independent.
 * Below a few hundred files a worker's start-up (a thread and its own zod and YAML modules, ~0.15 s) costs
 * more than it saves, so small repositories stay on the main thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalyzeJob } from './analyze.js';
import type { CacheEntry } from './load/cache.js';
import { CODE_DIR, FROM_SOURCE } from './paths.js';

/** Files per thread below which another thread does not pay for itself. */
export const FILES_PER_THREAD = 300;

/**
 * A worker's heap ceiling: it retains little (its cache entries), so V8 collects early instead of growing;
 * peak memory at 5,000 projects drops ~15 MB. A worker that hits it fails, and its share is done here.
 * PMO_WORKER_HEAP_MB overrides it (the tests starve a worker to prove the fallback).
 */
const WORKER_HEAP_MB = Number(process.env.PMO_WORKER_HEAP_MB) || 128;

const WORKER_URL = new URL('analyze-worker.js', CODE_DIR);

/**
 * `paths`: when the files come from git rather than the work tree, every path of their tree, which worker
 * threads need for record checks (the job's `exists` is a function, and cannot cross to them); listed only
 * when workers are used.
 */
export async function analyzeInParallel(job: AnalyzeJob, paths?: () => string[]): Promise<Map<string, CacheEntry>> {
  // Running from TypeScript sources (the test runner) there is no compiled worker to start.
  const threads = FROM_SOURCE ? 1 : Math.min(availableParallelism(), Math.floor(job.files.length / FILES_PER_THREAD));
  const { analyzeFiles } = await import('./analyze.js');
  // A memo of analyzed blobs lives in this thread: a job that has one stays here.
  if (threads <= 1 || job.memo) return new Map(analyzeFiles(job));

  // Interleaved shares, so that each thread gets a like mix of big and small files.
  const shares = Array.from({ length: threads }, (_, t) => job.files.filter((_, i) => i % threads === t));
  // A function cannot cross to a worker: workers list record folders themselves, or get the tree's paths.
  const present = paths?.();
  const workers = shares.slice(1).map((files) => inWorker({ ...job, files, exists: undefined, ...(present ? { present } : {}) }));
  const mine = analyzeFiles({ ...job, files: shares[0]! });
  // A worker that failed (out of its heap, or worse) leaves its share to this thread: slower, same answer.
  const theirs = await Promise.all(workers.map(async (work, i) => (await work) ?? analyzeFiles({ ...job, files: shares[i + 1]! })));
  return new Map([...mine, ...theirs.flat()]);
}

/** Analyzes a share on a worker thread; undefined when the worker fails. */
function inWorker(job: AnalyzeJob): Promise<Array<[string, CacheEntry]> | undefined> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_URL, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.once('message', resolve);
    worker.once('error', () => resolve(undefined));
    worker.once('exit', (code) => code !== 0 && resolve(undefined));
  });
}
