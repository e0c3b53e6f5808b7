import { access, constants, readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { embedded } from '../embedded.js';
import { cutIntoPieces, type FilePiece } from '../core/file-pieces.js';
import { InputError, type InputProblem } from '../core/input-problem.js';
import type { LogAggregator, UserLogsSnapshot } from '../core/log-aggregate.js';
import { FileSkipped, type LogFileStats, type SkippedFile } from '../core/log-reader.js';
import { CarefulReadNeeded, type CarefulReason } from '../core/plain-lines.js';
import { readLogFile } from './log-file.js';
import { readShare, STOP, type ShareSink } from './plain-read.js';

export interface FolderState {
  exists: boolean;
  isDirectory: boolean;
  readable: boolean;
  /** *.csv regular files (symbolic links followed), sorted by name. */
  csvFiles: string[];
  /** *.csv entries that are not regular files (FIFOs, folders, dangling links): names, never opened. */
  notFiles: string[];
}

export async function inspectFolder(path: string): Promise<FolderState> {
  const none: FolderState = { exists: false, isDirectory: false, readable: false, csvFiles: [], notFiles: [] };
  let info;
  try {
    info = await stat(path);
  } catch {
    return none;
  }
  if (!info.isDirectory()) return { ...none, exists: true };
  try {
    await access(path, constants.R_OK | constants.X_OK);
    const entries = (await readdir(path, { withFileTypes: true })).filter((e) => /\.csv$/i.test(e.name));
    const csvFiles: string[] = [];
    const notFiles: string[] = [];
    for (const entry of entries) {
      // A link is followed: what counts is what it points to (stat never opens, so a FIFO cannot block here).
      const isFile = entry.isSymbolicLink() ? await stat(join(path, entry.name)).then((s) => s.isFile(), () => false) : entry.isFile();
      (isFile ? csvFiles : notFiles).push(entry.name);
    }
    return { exists: true, isDirectory: true, readable: true, csvFiles: csvFiles.sort(), notFiles: notFiles.sort() };
  } catch {
    return { exists: true, isDirectory: true, readable: false, csvFiles: [], notFiles: [] };
  }
}

export interface ReadProgress {
  files: number;
  rows: number;
}

/**
 * Below this much CSV a second thread costs more than it saves. The careful reader gains from a worker from
 * 16 MiB on. The plain reader is a third of its cost per row, and a worker costs it its start-up, a second
 * copy of every user's summary and the merge: measured on the benchmark's 2-core machine (bench/README.md),
 * at 1M rows it was slower in wall time too, at 10M rows 19% faster but with 34% more CPU time and 565 MB
 * peak RSS instead of 319 MB (the target is 400). So it reads on this thread unless told otherwise.
 */
const PARALLEL_MIN_BYTES = { careful: 16 * 1024 * 1024, plain: Number.POSITIVE_INFINITY };

/** The size of the pieces threads take in turn: small enough that none waits long for the last one. */
const PIECE_BYTES = 4 * 1024 * 1024;

export interface ReadOptions {
  /** Threads to read with (1 = this one only); default: the machine's cores, for folders big enough. */
  threads?: number;
  /** `careful`: csv-parse for every file, never the plain splitter (LANSCOPE_KOT_READER=careful; tests compare the two). */
  reader?: 'plain' | 'careful';
  /** Stops every thread; the read then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Size of the pieces threads take in turn (tests cut small files into many). */
  pieceBytes?: number;
}

export interface LogFilesRead {
  /** The LanScope CSVs read, in the order given. */
  files: LogFileStats[];
  /** Files left out (the mapping export, empty files), in the order given. */
  skipped: SkippedFile[];
  /** Which reader's result this is, and why the plain one gave up (when it did). */
  reader: 'plain' | 'careful';
  carefulBecause?: CarefulReason | 'input-problem';
}

/**
 * Reads LanScope CSVs into the aggregator: memory holds a chunk per thread and the per-user summaries,
 * never the rows. First the plain way (plain-read.ts: bytes split at commas and line breaks, pieces of
 * files shared by threads); when that meets anything it leaves to csv-parse, or any input problem, the
 * aggregator is emptied and every file is read again the careful way (log-file.ts), whose results and
 * messages are the reference: a file that cannot be read stops with an InputError that names it and the
 * line; when several cannot, the first in name order is the one reported.
 */
export async function readLogFiles(
  files: readonly string[],
  aggregator: LogAggregator,
  onProgress?: (progress: ReadProgress) => void,
  options: ReadOptions = {},
): Promise<LogFilesRead> {
  const sizes = await sizesOf(files);
  const threads = (reader: 'plain' | 'careful'): number => options.threads ?? defaultThreads(sizes, reader);
  let carefulBecause: LogFilesRead['carefulBecause'];
  // The plain read folds into the aggregator it was given: it must start empty to be emptied again.
  if (options.reader !== 'careful' && aggregator.users.size === 0) {
    try {
      return await readPlain(files, sizes, threads('plain'), aggregator, { onProgress, signal: options.signal, pieceBytes: options.pieceBytes ?? PIECE_BYTES });
    } catch (err) {
      if (!(err instanceof CarefulReadNeeded || err instanceof InputError) || options.signal?.aborted) throw err;
      carefulBecause = err instanceof CarefulReadNeeded ? err.reason : 'input-problem';
      aggregator.clear();
    }
  }
  return { ...(await readCarefully(files, sizes, threads('careful'), aggregator, onProgress, options.signal)), reader: 'careful', ...(carefulBecause ? { carefulBecause } : {}) };
}

/** Worker messages: see log-worker.ts. */
export type WorkerMessage =
  | { type: 'rows'; file: string; rows: number }
  | { type: 'file'; file: string; stats: LogFileStats }
  | { type: 'piece'; index: number; stats: LogFileStats }
  | { type: 'skipped'; skipped: SkippedFile }
  | { type: 'done'; users: UserLogsSnapshot[] }
  | { type: 'error'; problem: InputProblem }
  | { type: 'careful'; reason: CarefulReason }
  | { type: 'failed'; message: string };

/** What a worker is given (see log-worker.ts): whole files to read carefully, or pieces to take in turn. */
export type WorkerData = { windowStartMinutes: number } & (
  | { mode: 'careful'; files: readonly string[] }
  | { mode: 'plain'; files: readonly string[]; pieces: readonly FilePiece[]; shared: SharedArrayBuffer }
);

/**
 * The plain read: this thread and `threads - 1` workers take pieces in turn from one shared counter, so
 * none waits for another but for the last piece; this thread's awaits (each chunk read) leave room for
 * other work meanwhile, such as parsing the mapping export. Pieces are added up into files here.
 */
async function readPlain(
  files: readonly string[],
  sizes: readonly number[],
  threads: number,
  aggregator: LogAggregator,
  { onProgress, signal, pieceBytes }: { onProgress?: (progress: ReadProgress) => void; signal?: AbortSignal; pieceBytes: number },
): Promise<LogFilesRead> {
  const pieces = cutIntoPieces(sizes, pieceBytes);
  const shared = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
  signal?.addEventListener('abort', () => Atomics.store(new Int32Array(shared), STOP, 1), { once: true });
  const left = files.map(() => 0);
  for (const piece of pieces) left[piece.file]!++;
  const pieceStats: (LogFileStats | undefined)[] = pieces.map(() => undefined);
  const whole = new Map<number, LogFileStats>();
  const skipped = new Map<number, SkippedFile>();
  const index = new Map(files.map((file, i) => [file, i]));
  let rows = 0;
  let done = 0;
  const sink: ShareSink = {
    piece(i, stats) {
      pieceStats[i] = stats;
      rows += stats.rows;
      if (--left[pieces[i]!.file]! === 0) done++;
      onProgress?.({ files: done, rows });
    },
    file(file, stats) {
      whole.set(index.get(file)!, stats);
      rows += stats.rows;
      done++;
      onProgress?.({ files: done, rows });
    },
    skipped(skip) {
      skipped.set(index.get(skip.file)!, skip);
    },
  };
  const workers = Math.min(threads, pieces.length) - 1;
  const data: WorkerData = { mode: 'plain', windowStartMinutes: aggregator.windowStartMinutes, files, pieces, shared };
  const outcomes = await Promise.allSettled([
    readShare(files, pieces, new Int32Array(shared), aggregator, sink),
    ...Array.from({ length: Math.max(0, workers) }, () => runWorker(data, aggregator, { ...sink, rows() {} }, signal)),
  ]);
  signal?.throwIfAborted();
  const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
  // Our own mistakes first; then any reason to read carefully (which names input problems itself).
  if (failures.length > 0) throw failures.find((e) => !(e instanceof CarefulReadNeeded || e instanceof InputError)) ?? failures[0];
  // Pieces are in file order: each file's are one run of them (grouped in one pass: a folder may hold 10,000 files).
  const byFile = files.map((): LogFileStats[] => []);
  pieceStats.forEach((stats, p) => stats && byFile[pieces[p]!.file]!.push(stats));
  const read: LogFilesRead = { files: [], skipped: [], reader: 'plain' };
  files.forEach((_, i) => {
    const skip = skipped.get(i);
    if (skip) read.skipped.push(skip);
    else read.files.push(whole.get(i) ?? addUp(byFile[i]!));
  });
  return read;
}

/** One file's statistics from those of its pieces, in order. */
function addUp([first, ...rest]: LogFileStats[]): LogFileStats {
  const total = { ...first! };
  for (const s of rest) {
    total.rows += s.rows;
    if (s.firstDay !== undefined && (total.firstDay === undefined || s.firstDay < total.firstDay)) total.firstDay = s.firstDay;
    if (s.lastDay !== undefined && (total.lastDay === undefined || s.lastDay > total.lastDay)) total.lastDay = s.lastDay;
  }
  return total;
}

/**
 * The careful read, as it was before the plain one: whole files through csv-parse, big folders split
 * by size between this thread and workers, each folding its own files; their summaries merged here.
 */
async function readCarefully(
  files: readonly string[],
  sizes: readonly number[],
  threads: number,
  aggregator: LogAggregator,
  onProgress?: (progress: ReadProgress) => void,
  signal?: AbortSignal,
): Promise<Omit<LogFilesRead, 'reader'>> {
  const groups = splitBySize(files, sizes, Math.max(1, Math.min(threads, files.length)));
  const rowsByFile = new Map<string, number>();
  const stats = new Map<string, LogFileStats>();
  const skipped = new Map<string, SkippedFile>();
  const report = (): void => {
    let rows = 0;
    for (const n of rowsByFile.values()) rows += n;
    onProgress?.({ files: stats.size, rows });
  };
  const sink: GroupSink = {
    rows(file, rows) {
      rowsByFile.set(file, rows);
      report();
    },
    file(file, fileStats) {
      stats.set(file, fileStats);
      rowsByFile.set(file, fileStats.rows);
      report();
    },
    skipped(skip) {
      skipped.set(skip.file, skip);
    },
  };
  const [own = [], ...others] = groups;
  const outcomes = await Promise.allSettled([
    readGroup(own, aggregator, sink, signal),
    ...others.map((group) => runWorker({ mode: 'careful', windowStartMinutes: aggregator.windowStartMinutes, files: group }, aggregator, sink, signal)),
  ]);
  signal?.throwIfAborted();
  const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
  if (failures.length > 0) throw firstInFileOrder(failures, files);
  return {
    files: files.flatMap((file) => stats.get(file) ?? []),
    skipped: files.flatMap((file) => skipped.get(file) ?? []),
  };
}

interface GroupSink extends Omit<ShareSink, 'piece'> {
  rows(file: string, rows: number): void;
}

/** Reads files in order; a file left out on purpose is noted and the next one read. */
async function readGroup(files: readonly string[], aggregator: LogAggregator, sink: GroupSink, signal?: AbortSignal): Promise<void> {
  for (const file of files) {
    signal?.throwIfAborted();
    try {
      sink.file(file, await readLogFile(file, aggregator, (rows) => sink.rows(file, rows)));
    } catch (err) {
      if (!(err instanceof FileSkipped)) throw err;
      sink.skipped(err.skipped);
    }
  }
}

function runWorker(data: WorkerData, aggregator: LogAggregator, sink: GroupSink & Partial<Pick<ShareSink, 'piece'>>, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const options = {
      workerData: data,
      // Its garbage is short-lived rows: a smaller young generation keeps the process under its memory
      // budget (measured: 1M rows 263–282 MB instead of 292–298 MB, and no slower).
      resourceLimits: { maxYoungGenerationSizeMb: 16 },
    };
    let worker: Worker;
    if (embedded) {
      // The exe has no module file to start: its script travels inside it (node's own flags, e.g.
      // --use-system-ca, stay with the process; a worker may not be given them again).
      worker = new Worker(embedded.logWorkerScript, { ...options, eval: true });
    } else {
      // Spelled from the parent folder so the path also holds inside the wizard's bundle (source/ui/).
      const url = new URL('../io/log-worker.js', import.meta.url);
      try {
        // A worker inherits node's flags; --input-type (eval'd entry points) would stop it loading its file.
        worker = new Worker(url, { ...options, execArgv: process.execArgv.filter((flag) => !flag.startsWith('--input-type')) });
      } catch (err) {
        // Flags a worker may not be given (node --trace-gc …) stay with the process; the worker reads without them.
        if ((err as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw err;
        worker = new Worker(url, { ...options, execArgv: [] });
      }
    }
    let settled = false;
    const settle = (err?: unknown): void => {
      if (settled) return;
      settled = true;
      // Done, failed or no longer wanted: a worker still reading is stopped.
      if (err) void worker.terminate();
      if (err) reject(err);
      else resolve();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'rows') sink.rows(message.file, message.rows);
      else if (message.type === 'file') sink.file(message.file, message.stats);
      else if (message.type === 'piece') sink.piece?.(message.index, message.stats);
      else if (message.type === 'skipped') sink.skipped(message.skipped);
      else if (message.type === 'done') {
        aggregator.merge(message.users);
        settle();
      } else if (message.type === 'error') settle(new InputError(message.problem));
      else if (message.type === 'careful') settle(new CarefulReadNeeded(message.reason));
      else settle(new Error(`log reader thread: ${message.message}`));
    });
    signal?.addEventListener('abort', () => settle(signal.reason), { once: true });
    worker.on('error', (err) => settle(err));
    worker.on('exit', (code) => settle(code === 0 ? undefined : new Error(`log reader thread stopped (exit ${code})`)));
  });
}

function defaultThreads(sizes: readonly number[], reader: 'plain' | 'careful'): number {
  const total = sizes.reduce((a, b) => a + b, 0);
  return total < PARALLEL_MIN_BYTES[reader] ? 1 : Math.min(availableParallelism(), 4);
}

function sizesOf(files: readonly string[]): Promise<number[]> {
  return Promise.all(files.map((file) => stat(file).then((s) => s.size, () => 0)));
}

/**
 * Largest files first, each to the least loaded group. The first group is this thread's, which also
 * parses the mapping and writes the report: it gets a smaller share, so the threads finish together.
 * Groups hold indices until the end, so keeping name order costs a sort of numbers, not a search per comparison.
 */
export function splitBySize(files: readonly string[], sizes: readonly number[], count: number): string[][] {
  const groups = Array.from({ length: count }, (_, i) => ({ indices: [] as number[], bytes: 0, weight: i === 0 && count > 1 ? 0.75 : 1 }));
  const order = files.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  for (const i of order) {
    const lightest = groups.reduce((min, g) => (g.bytes / g.weight < min.bytes / min.weight ? g : min));
    lightest.indices.push(i);
    lightest.bytes += sizes[i]!;
  }
  // Each group reads in name order, as a single thread would.
  return groups.filter((g) => g.indices.length > 0).map((g) => g.indices.sort((a, b) => a - b).map((i) => files[i]!));
}

function firstInFileOrder(failures: unknown[], files: readonly string[]): unknown {
  const order = new Map(files.map((file, i) => [file, i]));
  const index = (err: unknown): number => (err instanceof InputError && err.problem.file ? (order.get(err.problem.file) ?? -1) : -1);
  return failures.reduce((first, err) => {
    const i = index(err);
    const j = index(first);
    return i !== -1 && (j === -1 || i < j) ? err : first;
  });
}
