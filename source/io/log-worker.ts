import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../core/input-problem.js';
import { LogAggregator } from '../core/log-aggregate.js';
import { FileSkipped } from '../core/log-reader.js';
import { CarefulReadNeeded } from '../core/plain-lines.js';
import type { WorkerData, WorkerMessage } from './log-folder.js';
import { readLogFile } from './log-file.js';
import { readShare } from './plain-read.js';
import { asInputError } from './text-file.js';

/**
 * A worker thread of readLogFiles. Plain mode: takes pieces in turn with the main thread (plain-read.ts).
 * Careful mode: folds its share of whole files exactly as the main thread does. Either way it then hands
 * over its per-user summaries (plain data) to be merged; rows never cross threads. A failure names the
 * file being read when it happened.
 */
const data = workerData as WorkerData;
const post = (message: WorkerMessage): void => parentPort!.postMessage(message);
const aggregator = new LogAggregator(data.windowStartMinutes);

async function readPlainShare(files: readonly string[], pieces: Extract<WorkerData, { mode: 'plain' }>['pieces'], shared: SharedArrayBuffer): Promise<void> {
  try {
    await readShare(files, pieces, new Int32Array(shared), aggregator, {
      piece: (index, stats) => post({ type: 'piece', index, stats }),
      file: (file, stats) => post({ type: 'file', file, stats }),
      skipped: (skipped) => post({ type: 'skipped', skipped }),
    });
    post({ type: 'done', users: aggregator.snapshot() });
  } catch (err) {
    if (err instanceof CarefulReadNeeded) post({ type: 'careful', reason: err.reason });
    else if (err instanceof InputError) post({ type: 'error', problem: err.problem });
    else post({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
}

async function readCarefulShare(files: readonly string[]): Promise<void> {
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

// No top-level await: the exe runs this file as a CommonJS script (see scripts/build-exe.mjs).
void (data.mode === 'plain' ? readPlainShare(data.files, data.pieces, data.shared) : readCarefulShare(data.files));
