import { access, constants, readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { embedded } from '../embedded.js';
import { QuoteTracker, type QuoteScan } from '../core/csv-quotes.js';
import { InputError, MAX_LINE_BYTES, csvProblem, isCsvError, needsQuoteScan, type InputProblem } from '../core/input-problem.js';
import type { LogAggregator, UserLogsSnapshot } from '../core/log-aggregate.js';
import { FileSkipped, LogFileReader, type LogFileStats, type SkippedFile } from '../core/log-reader.js';
import { detectEncoding, iconvName, type TextEncoding } from './encoding.js';
import { asInputError, openRegularFile, readHead } from './text-file.js';

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

/** Bytes read first, to choose the encoding; also the chunk size of the stream that follows. */
const HEAD_BYTES = 64 * 1024;

/** Below this much CSV a second thread costs more (its start-up) than it saves. */
const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

export interface ReadOptions {
  /** Threads to read with (1 = this one only); default: the machine's cores, for folders big enough. */
  threads?: number;
}

export interface LogFilesRead {
  /** The LanScope CSVs read, in the order given. */
  files: LogFileStats[];
  /** Files left out (the mapping export, empty files), in the order given. */
  skipped: SkippedFile[];
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
): Promise<LogFilesRead> {
  const sizes = await sizesOf(files);
  const threads = options.threads ?? defaultThreads(sizes);
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
    onRows(file, rows) {
      rowsByFile.set(file, rows);
      report();
    },
    onFile(file, fileStats) {
      stats.set(file, fileStats);
      rowsByFile.set(file, fileStats.rows);
      report();
    },
    onSkipped(skip) {
      skipped.set(skip.file, skip);
    },
  };
  const [own = [], ...others] = groups;
  const outcomes = await Promise.allSettled([readGroup(own, aggregator, sink), ...others.map((group) => readInWorker(group, aggregator, sink))]);
  const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
  if (failures.length > 0) throw firstInFileOrder(failures, files);
  return {
    files: files.flatMap((file) => stats.get(file) ?? []),
    skipped: files.flatMap((file) => skipped.get(file) ?? []),
  };
}

interface GroupSink {
  onRows(file: string, rows: number): void;
  onFile(file: string, stats: LogFileStats): void;
  onSkipped(skipped: SkippedFile): void;
}

/** Reads files in order; a file left out on purpose is noted and the next one read. */
async function readGroup(files: readonly string[], aggregator: LogAggregator, sink: GroupSink): Promise<void> {
  for (const file of files) {
    try {
      sink.onFile(file, await readLogFile(file, aggregator, (rows) => sink.onRows(file, rows)));
    } catch (err) {
      if (!(err instanceof FileSkipped)) throw err;
      sink.onSkipped(err.skipped);
    }
  }
}

/** Worker messages: see log-worker.ts. */
export type WorkerMessage =
  | { type: 'rows'; file: string; rows: number }
  | { type: 'file'; file: string; stats: LogFileStats }
  | { type: 'skipped'; skipped: SkippedFile }
  | { type: 'done'; users: UserLogsSnapshot[] }
  | { type: 'error'; problem: InputProblem };

function readInWorker(files: readonly string[], aggregator: LogAggregator, sink: GroupSink): Promise<void> {
  return new Promise((resolve, reject) => {
    const options = {
      workerData: { files, windowStartMinutes: aggregator.windowStartMinutes },
      // Its garbage is short-lived rows: a smaller young generation keeps the process under its memory
      // budget (measured: 1M rows 263–282 MB instead of 292–298 MB, and no slower).
      resourceLimits: { maxYoungGenerationSizeMb: 16 },
    };
    const worker = embedded
      ? // The exe has no module file to start: its script travels inside it (node's own flags, e.g.
        // --use-system-ca, stay with the process; a worker may not be given them again).
        new Worker(embedded.logWorkerScript, { ...options, eval: true })
      : // Spelled from the parent folder so the path also holds inside the wizard's bundle (source/ui/).
        new Worker(new URL('../io/log-worker.js', import.meta.url), {
          ...options,
          // A worker inherits node's flags; --input-type (eval'd entry points) would stop it loading its file.
          execArgv: process.execArgv.filter((flag) => !flag.startsWith('--input-type')),
        });
    let settled = false;
    const settle = (err?: unknown): void => {
      if (settled) return;
      settled = true;
      if (err) reject(err);
      else resolve();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'rows') sink.onRows(message.file, message.rows);
      else if (message.type === 'file') sink.onFile(message.file, message.stats);
      else if (message.type === 'skipped') sink.onSkipped(message.skipped);
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

/**
 * Reads one LanScope CSV into the aggregator. Whatever goes wrong becomes an InputError naming this file
 * (never an internal error); an empty file or the mapping export is FileSkipped. The guarantees any
 * faster reader must keep are tested in log-errors.test.ts: regular files only, no line over
 * MAX_LINE_BYTES, csv-parse's errors mapped by csvProblem, an unclosed quote reported where it opened.
 */
export async function readLogFile(file: string, aggregator: LogAggregator, onRows: (rows: number) => void): Promise<LogFileStats> {
  const { handle, size } = await openRegularFile(file, 'log');
  let encoding: TextEncoding;
  let head: Buffer;
  try {
    head = await readHead(handle, Math.min(HEAD_BYTES, size));
    if (head.length === 0 || head.toString('latin1').trim() === '') throw new FileSkipped({ file, reason: 'empty' });
    const detected = detectEncoding(head);
    if (detected === 'binary') throw new InputError({ code: 'binary', kind: 'log', file });
    encoding = detected;
  } catch (err) {
    await handle.close();
    if (err instanceof FileSkipped) throw err;
    throw asInputError(err, file, 'log');
  }
  const reader = new LogFileReader(file, aggregator);
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_LINE_BYTES });
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
  // A day's file is often smaller than its head: then it is parsed from memory, not read a second time
  // (a folder of 10,000 small files spent most of its time waiting on those reads).
  const whole = head.length === size;
  if (whole) await handle.close();
  const source = whole ? Readable.from([head]) : handle.createReadStream({ start: 0, highWaterMark: HEAD_BYTES });
  try {
    // The stream closes the handle when it ends or fails.
    await pipeline(source, iconv.decodeStream(iconvName(encoding)), parser, sink);
  } catch (err) {
    if (err instanceof InputError || err instanceof FileSkipped) throw err;
    if (isCsvError(err)) throw new InputError(csvProblem(err, file, 'log', needsQuoteScan(err) ? await scanQuotesOf(file, encoding) : undefined));
    throw asInputError(err, file, 'log');
  }
  if (!reader.recognised) throw new FileSkipped({ file, reason: 'empty' });
  return reader.stats;
}

/**
 * Reads the file again, only after csv-parse gave up on an open quote or an overlong record, to find the
 * line where the quote opened or the record started (csv-parse counts a CRLF inside quotes twice).
 */
async function scanQuotesOf(file: string, encoding: TextEncoding): Promise<QuoteScan | undefined> {
  const tracker = new QuoteTracker(MAX_LINE_BYTES);
  try {
    const { handle } = await openRegularFile(file, 'log');
    await pipeline(handle.createReadStream({ highWaterMark: 64 * 1024 }), iconv.decodeStream(iconvName(encoding)), async (chunks: AsyncIterable<string | Buffer>) => {
      for await (const chunk of chunks) tracker.feed(String(chunk));
    });
  } catch {
    return undefined;
  }
  return tracker.scan;
}
