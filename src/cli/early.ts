/**
 * Loaded by bin/pmo.js before the CLI itself when the command line looks like `pmo check --staged` (the
 * pre-commit hook): starts the worker thread that will analyze the staged files, so that its start-up (~150 ms:
 * a Node thread, zod, the YAML parsers) overlaps all of the main thread's work, loading the CLI included. A
 * guess from the raw arguments, and only a head start: check() takes the worker, or starts one itself.
 */
import { startSpareWorker } from '../parallel.js';

startSpareWorker();
