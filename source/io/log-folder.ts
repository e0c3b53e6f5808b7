import { createReadStream } from 'node:fs';
import { access, constants, readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { InputError, csvProblem, type InputProblem } from '../core/input-problem.js';
import type { LogAggregator, UserLogsSnapshot } from '../core/log-aggregate.js';
import { LogFileReader, type LogFileStats } from '../core/log-reader.js';
import { detectEncoding, iconvName } from './encoding.js';
import { readHead } from './text-file.js';

export interface FolderState {
  exists: boolean;
  isDirectory: boolean;
  readable: boolean;
  /** *.csv files, sorted by name. */
  csvFiles: string[];
}

export async function inspectFolder(path: string): Promise<FolderState> {
  const none: FolderState = { exists: false, isDirectory: false, readable: false, csvFiles: [] };
  let info;
  try {
    info = await stat(path);
  } catch {
    return none;
  }
  if (!info.isDirectory()) return { ...none, exists: true };
  try {
    await access(path, constants.R_OK | constants.X_OK);
    const entries = await readdir(path, { withFileTypes: true });
    const csvFiles = entries
      .filter((e) => e.isFile() && /\.csv$/i.test(e.name))
      .map((e) => e.name)
      .sort();
    return { exists: true, isDirectory: true, readable: true, csvFiles };
  } catch {
    return { exists: true, isDirectory: true, readable: false, csvFiles: [] };
  }
}

export interface ReadProgress {
  files: number;
  rows: number;
}

/** Below this much CSV a second thread costs more (its start-up) than it saves. */
const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

export interface ReadOptions {
  /** Threads to read with (1 = this one only); default: the machine's cores, for folders big enough. */
  threads?: number;
}

/**
 * Streams each CSV through decode → csv-parse → the aggregator: memory holds one chunk of a file and
 * the per-user summaries, never the rows. A file that cannot be read stops with an InputError that
 * names it and the line; when several cannot, the first in name order is the one reported.
 *
 * A month of logs is dozens of files: big folders are split between this thread and worker threads
 * (one per further core), each folding its own files, and their per-user summaries are merged here.
 */
export async function readLogFiles(
  files: readonly string[],
  aggregator: LogAggregator,
  onProgress?: (progress: ReadProgress) => void,
  options: ReadOptions = {},
): Promise<LogFileStats[]> {
  const sizes = await sizesOf(files);
  const threads = options.threads ?? defaultThreads(sizes);
  const groups = splitBySize(files, sizes, Math.max(1, Math.min(threads, files.length)));
  const rowsByFile = new Map<string, number>();
  const stats = new Map<string, LogFileStats>();
  const report = (): void => {
    let rows = 0;
    for (const n of rowsByFile.values()) rows += n;
    onProgress?.({ files: stats.size, rows });
  };
  const onFile = (file: string, fileStats: LogFileStats): void => {
    stats.set(file, fileStats);
    rowsByFile.set(file, fileStats.rows);
    report();
  };
  const onRows = (file: string, rows: number): void => {
    rowsByFile.set(file, rows);
    report();
  };
  const [own = [], ...others] = groups;
  const outcomes = await Promise.allSettled([
    readGroup(own, aggregator, onRows, onFile),
    ...others.map((group) => readInWorker(group, aggregator, onRows, onFile)),
  ]);
  const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
  if (failures.length > 0) throw firstInFileOrder(failures, files);
  return files.map((file) => stats.get(file)!);
}

async function readGroup(
  files: readonly string[],
  aggregator: LogAggregator,
  onRows: (file: string, rows: number) => void,
  onFile: (file: string, stats: LogFileStats) => void,
): Promise<void> {
  for (const file of files) onFile(file, await readLogFile(file, aggregator, (rows) => onRows(file, rows)));
}

/** Worker messages: see log-worker.ts. */
export type WorkerMessage =
  | { type: 'rows'; file: string; rows: number }
  | { type: 'file'; file: string; stats: LogFileStats }
  | { type: 'done'; users: UserLogsSnapshot[] }
  | { type: 'error'; problem: InputProblem };

function readInWorker(
  files: readonly string[],
  aggregator: LogAggregator,
  onRows: (file: string, rows: number) => void,
  onFile: (file: string, stats: LogFileStats) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // Spelled from the parent folder so the path also holds inside the wizard's bundle (source/ui/).
    const worker = new Worker(new URL('../io/log-worker.js', import.meta.url), {
      workerData: { files, windowStartMinutes: aggregator.windowStartMinutes },
      // A worker inherits node's flags; --input-type (eval'd entry points) would stop it loading its file.
      execArgv: process.execArgv.filter((flag) => !flag.startsWith('--input-type')),
      // Its garbage is short-lived rows: a smaller young generation keeps the process under its memory
      // budget (measured: 1M rows 263–282 MB instead of 292–298 MB, and no slower).
      resourceLimits: { maxYoungGenerationSizeMb: 16 },
    });
    let settled = false;
    const settle = (err?: unknown): void => {
      if (settled) return;
      settled = true;
      if (err) reject(err);
      else resolve();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'rows') onRows(message.file, message.rows);
      else if (message.type === 'file') onFile(message.file, message.stats);
      else if (message.type === 'done') {
        aggregator.merge(message.users);
        settle();
      } else settle(new InputError(message.problem));
    });
    worker.on('error', (err) => settle(err));
    worker.on('exit', (code) => settle(code === 0 ? undefined : new Error(`log reader thread stopped (exit ${code})`)));
  });
}

function defaultThreads(sizes: readonly number[]): number {
  if (sizes.length < 2) return 1;
  const total = sizes.reduce((a, b) => a + b, 0);
  return total < PARALLEL_MIN_BYTES ? 1 : Math.min(availableParallelism(), 4);
}

function sizesOf(files: readonly string[]): Promise<number[]> {
  return Promise.all(files.map((file) => stat(file).then((s) => s.size, () => 0)));
}

/**
 * Largest files first, each to the least loaded group. The first group is this thread's, which also
 * parses the mapping and writes the report: it gets a smaller share, so the threads finish together.
 */
function splitBySize(files: readonly string[], sizes: readonly number[], count: number): string[][] {
  const groups = Array.from({ length: count }, (_, i) => ({ files: [] as string[], bytes: 0, weight: i === 0 && count > 1 ? 0.75 : 1 }));
  const order = files.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  for (const i of order) {
    const lightest = groups.reduce((min, g) => (g.bytes / g.weight < min.bytes / min.weight ? g : min));
    lightest.files.push(files[i]!);
    lightest.bytes += sizes[i]!;
  }
  // Each group reads in name order, as a single thread would.
  return groups.map((g) => g.files.sort((a, b) => files.indexOf(a) - files.indexOf(b))).filter((g) => g.length > 0);
}

function firstInFileOrder(failures: unknown[], files: readonly string[]): unknown {
  const index = (err: unknown): number => (err instanceof InputError && err.problem.file ? files.indexOf(err.problem.file) : -1);
  return failures.reduce((first, err) => {
    const i = index(err);
    const j = index(first);
    return i !== -1 && (j === -1 || i < j) ? err : first;
  });
}

export async function readLogFile(file: string, aggregator: LogAggregator, onRows: (rows: number) => void): Promise<LogFileStats> {
  const head = await readHead(file);
  if (head.length === 0 || head.toString('latin1').trim() === '') throw new InputError({ code: 'empty', file });
  const encoding = detectEncoding(head);
  if (encoding === 'binary') throw new InputError({ code: 'binary', file });
  const reader = new LogFileReader(file, aggregator);
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true });
  let count = 0;
  const sink = new Writable({
    objectMode: true,
    // `info: true` would copy an info object per record (a third of the read time); the parser's own
    // counter is exact here because the sink takes each record before the parser reads on.
    write(record: string[], _enc, done) {
      try {
        reader.record(record, parser.info.lines);
      } catch (err) {
        done(err as Error);
        return;
      }
      if (++count % 100_000 === 0) onRows(reader.stats.rows);
      done();
    },
  });
  try {
    await pipeline(createReadStream(file, { highWaterMark: 64 * 1024 }), iconv.decodeStream(iconvName(encoding)), parser, sink);
  } catch (err) {
    if (err instanceof InputError) throw err;
    if ((err as { code?: string }).code?.startsWith('CSV_')) throw new InputError(csvProblem(err, file));
    throw new InputError({ code: 'unreadable', file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
  }
  if (!reader.recognised) throw new InputError({ code: 'empty', file });
  return reader.stats;
}

