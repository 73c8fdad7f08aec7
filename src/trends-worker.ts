/** A worker thread that judges a run of a trend's periods (see trends.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { judgePeriods, type TrendJob, type WorkerMessage } from './history/judge-periods.js';

const job = workerData as TrendJob;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
judgePeriods(job.root, job.history, job.ends, (label) => post({ progress: label }), job.filter).then(
  ({ points, config }) => post({ points: [...points], config }),
  (error: unknown) => post({ error: error instanceof Error ? error.message : String(error) }),
);
