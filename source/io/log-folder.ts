import { createReadStream } from 'node:fs';
import { access, constants, readdir, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { InputError, csvProblem } from '../core/input-problem.js';
import { LogAggregator } from '../core/log-aggregate.js';
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

/**
 * Streams each CSV through decode → csv-parse → the aggregator: memory holds one chunk of a file and
 * the per-user summaries, never the rows. A file that cannot be read stops with an InputError that
 * names it and the line.
 */
export async function readLogFiles(
  files: readonly string[],
  aggregator: LogAggregator,
  onProgress?: (progress: ReadProgress) => void,
): Promise<LogFileStats[]> {
  const stats: LogFileStats[] = [];
  const progress: ReadProgress = { files: 0, rows: 0 };
  for (const file of files) {
    stats.push(await readLogFile(file, aggregator, (rows) => onProgress?.({ files: progress.files, rows: progress.rows + rows })));
    progress.files++;
    progress.rows += stats.at(-1)!.rows;
    onProgress?.(progress);
  }
  return stats;
}

async function readLogFile(file: string, aggregator: LogAggregator, onRows: (rows: number) => void): Promise<LogFileStats> {
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
    await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), iconv.decodeStream(iconvName(encoding)), parser, sink);
  } catch (err) {
    if (err instanceof InputError) throw err;
    if ((err as { code?: string }).code?.startsWith('CSV_')) throw new InputError(csvProblem(err, file));
    throw new InputError({ code: 'unreadable', file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
  }
  if (!reader.recognised) throw new InputError({ code: 'empty', file });
  return reader.stats;
}

