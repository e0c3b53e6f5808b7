import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../core/input-problem.js';
import { LogAggregator } from '../core/log-aggregate.js';
import { readLogFile, type WorkerMessage } from './log-folder.js';

/**
 * A worker thread of readLogFiles: folds its share of the files exactly as the main thread does, then
 * hands over its per-user summaries (plain data) to be merged. Rows never cross threads.
 */
const { files, windowStartMinutes } = workerData as { files: string[]; windowStartMinutes: number };
const post = (message: WorkerMessage): void => parentPort!.postMessage(message);
const aggregator = new LogAggregator(windowStartMinutes);

try {
  for (const file of files) {
    const stats = await readLogFile(file, aggregator, (rows) => post({ type: 'rows', file, rows }));
    post({ type: 'file', file, stats });
  }
  post({ type: 'done', users: aggregator.snapshot() });
} catch (err) {
  post({
    type: 'error',
    problem: err instanceof InputError ? err.problem : { code: 'unreadable', file: files[0], reason: err instanceof Error ? err.message : String(err) },
  });
}
