import type { FileHandle } from 'node:fs/promises';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { QuoteTracker, type QuoteScan } from '../core/csv-quotes.js';
import { InputError, MAX_LINE_BYTES, csvProblem, isCsvError, needsQuoteScan } from '../core/input-problem.js';
import type { LogAggregator } from '../core/log-aggregate.js';
import { FileSkipped, LogFileReader, type LogFileStats } from '../core/log-reader.js';
import { detectFileEncoding, iconvName, type TextEncoding } from './encoding.js';
import { asInputError, openRegularFile, readHead } from './text-file.js';

/** Bytes read first, to choose the encoding; also the chunk size of the stream that follows. */
export const HEAD_BYTES = 64 * 1024;

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
    if (await isBlank(handle, head, size)) throw new FileSkipped({ file, reason: 'empty' });
    const detected = await detectFileEncoding(handle, head, size);
    if (detected === 'binary') throw new InputError({ code: 'binary', kind: 'log', file });
    encoding = detected;
  } catch (err) {
    await handle.close();
    if (err instanceof FileSkipped) throw err;
    throw asInputError(err, file, 'log');
  }
  const reader = new LogFileReader(file, aggregator);
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_LINE_BYTES });
  // Each decoded chunk goes through the tracker before csv-parse reads it, so the tracker always knows the
  // file's line for the parser's (csv-parse counts a CRLF inside quotes as two lines).
  const tracker = new QuoteTracker(MAX_LINE_BYTES);
  const track = new Transform({
    decodeStrings: false,
    transform(chunk: string, _enc, done) {
      tracker.feed(chunk);
      done(null, chunk);
    },
  });
  let count = 0;
  const sink = new Writable({
    objectMode: true,
    // `info: true` would copy an info object per record (a third of the read time); the parser's own
    // counter is exact here because the sink takes each record before the parser reads on.
    write(record: string[], _enc, done) {
      try {
        reader.record(record, tracker.realLine(parser.info.lines));
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
    await pipeline(source, iconv.decodeStream(iconvName(encoding)), track, parser, sink);
  } catch (err) {
    if (err instanceof InputError || err instanceof FileSkipped) throw err;
    if (isCsvError(err)) throw new InputError(csvProblem(err, file, 'log', needsQuoteScan(err) ? await scanQuotesOf(file, encoding) : tracker.scan));
    throw asInputError(err, file, 'log');
  }
  if (!reader.recognised) throw new FileSkipped({ file, reason: 'empty' });
  return reader.stats;
}

/**
 * Whether the file holds nothing but white space: its head, and the rest when the head is blank and the
 * file goes on (a header after 64 KiB of empty lines is still a header).
 */
async function isBlank(handle: FileHandle, head: Buffer, size: number): Promise<boolean> {
  if (head.toString('latin1').trim() !== '') return false;
  const buffer = Buffer.allocUnsafe(HEAD_BYTES);
  for (let pos = head.length; pos < size; ) {
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, pos);
    if (bytesRead === 0) break;
    if (buffer.toString('latin1', 0, bytesRead).trim() !== '') return false;
    pos += bytesRead;
  }
  return true;
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
