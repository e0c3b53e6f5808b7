import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../core/input-problem.js';
import { LogAggregator } from '../core/log-aggregate.js';
import { FileSkipped } from '../core/log-reader.js';
import { readLogFile, type WorkerMessage } from './log-folder.js';
import { asInputError } from './text-file.js';

/**
 * A worker thread of readLogFiles: folds its share of the files exactly as the main thread does, then
 * hands over its per-user summaries (plain data) to be merged. Rows never cross threads. A failure names
 * the file being read when it happened.
 */
const { files, windowStartMinutes } = workerData as { files: string[]; windowStartMinutes: number };
const post = (message: WorkerMessage): void => parentPort!.postMessage(message);
const aggregator = new LogAggregator(windowStartMinutes);

// No top-level await: the exe runs this file as a CommonJS script (see scripts/build-exe.mjs).
async function readShare(): Promise<void> {
  let current = files[0]!;
  try {
    for (const file of files) {
      current = file;
      try {
        const stats = await readLogFile(file, aggregator, (rows) => post({ type: 'rows', file, rows }));
        post({ type: 'file', file, stats });
      } catch (err) {
        if (!(err instanceof FileSkipped)) throw err;
        post({ type: 'skipped', skipped: err.skipped });
      }
    }
    post({ type: 'done', users: aggregator.snapshot() });
  } catch (err) {
    post({ type: 'error', problem: (err instanceof InputError ? err : asInputError(err, current, 'log')).problem });
  }
}

void readShare();
