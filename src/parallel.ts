/**
 * Cold checks on every core: parsing YAML is nearly the whole cost of a check, and files are independent.
 * Below a few hundred files a worker's start-up (a thread and its own zod and YAML modules, ~0.15 s) costs
 * more than it saves, so small repositories stay on the main thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalyzeJob } from './analyze.js';
import type { CacheEntry } from './load/cache.js';

/** Files per thread below which another thread does not pay for itself. */
export const FILES_PER_THREAD = 300;

const WORKER_URL = new URL('./analyze-worker.js', import.meta.url);

export async function analyzeInParallel(job: AnalyzeJob): Promise<Map<string, CacheEntry>> {
  // Running from TypeScript sources (the test runner) there is no compiled worker to start.
  const threads = import.meta.url.endsWith('.ts') ? 1 : Math.min(availableParallelism(), Math.floor(job.files.length / FILES_PER_THREAD));
  const { analyzeFiles } = await import('./analyze.js');
  if (threads <= 1) return new Map(analyzeFiles(job));

  // Interleaved shares, so that each thread gets a like mix of big and small files.
  const shares = Array.from({ length: threads }, (_, t) => job.files.filter((_, i) => i % threads === t));
  const workers = shares.slice(1).map(
    (files) =>
      new Promise<Array<[string, CacheEntry]>>((resolve, reject) => {
        const worker = new Worker(WORKER_URL, { workerData: { ...job, files } satisfies AnalyzeJob });
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => code !== 0 && reject(new Error(`a parse worker stopped with exit code ${code}`)));
      }),
  );
  const mine = analyzeFiles({ ...job, files: shares[0]! });
  return new Map([...mine, ...(await Promise.all(workers)).flat()]);
}
