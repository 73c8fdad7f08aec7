/** A worker thread that judges files again on a new day (see rejudge.ts): each message is a task, answered with the files' findings. */
import { parentPort } from 'node:worker_threads';
import { judgeTask, type RejudgeTask } from './rejudge.js';

parentPort!.on('message', async (task: RejudgeTask) => parentPort!.postMessage(await judgeTask(task)));
