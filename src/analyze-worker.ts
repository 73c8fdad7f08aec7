/** A worker thread that analyzes files (see parallel.ts): each message is a job, answered with its entries. */
import { parentPort } from 'node:worker_threads';
import { analyzeFiles, customRules, type AnalyzeJob } from './analyze.js';

parentPort!.on('message', async (job: AnalyzeJob) => parentPort!.postMessage(analyzeFiles(job, await customRules(job))));
