/** A worker thread that analyzes a share of the files of a cold check (see parallel.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeFiles, type AnalyzeJob } from './analyze.js';

parentPort!.postMessage(analyzeFiles(workerData as AnalyzeJob));
