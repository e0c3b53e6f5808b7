import type { FileHandle } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { FilePiece } from '../core/file-pieces.js';
import { LogAggregator } from '../core/log-aggregate.js';
import { FileSkipped, LogFileReader, type LogFileStats, type SkippedFile } from '../core/log-reader.js';
import { CarefulReadNeeded, FieldDecoder, PlainLines } from '../core/plain-lines.js';
import { detectFileEncoding, iconvName, type TextEncoding } from './encoding.js';
import { HEAD_BYTES, readLogFile } from './log-file.js';
import { asInputError, openRegularFile, readHead } from './text-file.js';

/**
 * The fast way through a folder of logs: each thread (this one and the workers) takes the next piece of
 * a file (core/file-pieces.ts) from a counter they share, until none is left. A piece is read as bytes,
 * split by PlainLines and folded into the thread's own aggregator; a file that needs csv-parse from its
 * first bytes on (a quote in its head, UTF-16, a header it cannot place) is read whole by the careful
 * reader, by the thread that took its first piece. Anything the plain splitter meets later, and any
 * input problem, stops every thread: the caller then reads the whole folder again with the careful
 * reader, which says exactly what it said before this path existed.
 */

/** What a thread tells as it goes (see log-folder.ts, which adds up pieces into files). */
export interface ShareSink {
  piece(index: number, stats: LogFileStats): void;
  /** A file read whole by the careful reader. */
  file(file: string, stats: LogFileStats): void;
  skipped(skipped: SkippedFile): void;
}

/** The state the threads share: [0] the next piece to take, [1] set to 1 when one thread gave up. */
export const NEXT = 0;
export const STOP = 1;

/** How a file is read, decided from its head the same way on every thread. */
type FilePlan = { plain: false } | ({ plain: true } & PlainPlan);

export interface PlainPlan {
  encoding: TextEncoding;
  crlf: boolean;
  header: string[];
  /** Byte offset where the first row starts. */
  headerEnd: number;
  head: Buffer;
}

/**
 * Whether the plain splitter can read a file whose first bytes are `head` and whose encoding is `encoding`
 * (detectFileEncoding's, as the careful reader chooses it): one whose ASCII is ASCII (CP932, UTF-8), no
 * quote, a header on the first line that the reader takes, ended by CRLF or LF (csv-parse takes the first
 * line break for the file's). Anything else is the careful reader's.
 */
export function plainPlan(file: string, head: Buffer, encoding: TextEncoding | 'binary'): PlainPlan | undefined {
  if (encoding !== 'cp932' && encoding !== 'utf-8' && encoding !== 'utf-8-bom') return undefined;
  if (head.includes(QUOTE)) return undefined;
  const cr = head.indexOf(CR);
  const lf = head.indexOf(LF);
  if (lf === -1 || (cr !== -1 && cr < lf - 1)) return undefined;
  const crlf = cr === lf - 1;
  const headerBytes = head.subarray(0, crlf ? cr : lf);
  // An empty first line is skipped by csv-parse: the careful reader finds the header further down.
  if (headerBytes.length === 0) return undefined;
  const header = iconv.decode(headerBytes, iconvName(encoding)).split(',');
  if (header.some((name) => name.includes('\uFFFD'))) return undefined;
  try {
    LogFileReader.forPiece(file, new LogAggregator(0), header, true);
  } catch {
    // Not a log, the mapping export, a duplicated column: the careful reader says which.
    return undefined;
  }
  return { encoding, crlf, header, headerEnd: lf + 1, head };
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Bytes read at a time; each chunk is copied once, into a one-byte string. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Takes pieces until none is left or another thread gave up, folding them into `aggregator`. Throws
 * CarefulReadNeeded or InputError when this thread gives up (and tells the others to stop).
 */
export async function readShare(files: readonly string[], pieces: readonly FilePiece[], shared: Int32Array, aggregator: LogAggregator, sink: ShareSink): Promise<void> {
  const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)] as const;
  const decoders = new Map<TextEncoding, FieldDecoder>();
  const decoder = (encoding: TextEncoding): FieldDecoder => {
    let d = decoders.get(encoding);
    if (!d) decoders.set(encoding, (d = new FieldDecoder(decoderFor(encoding))));
    return d;
  };
  let open: { index: number; handle: FileHandle; size: number; plan: FilePlan } | undefined;
  let file = files[0]!;
  try {
    for (let i = Atomics.add(shared, NEXT, 1); i < pieces.length && Atomics.load(shared, STOP) === 0; i = Atomics.add(shared, NEXT, 1)) {
      const piece = pieces[i]!;
      file = files[piece.file]!;
      if (open?.index !== piece.file) {
        await open?.handle.close();
        open = undefined;
        const { handle, size } = await openRegularFile(file, 'log');
        open = { index: piece.file, handle, size, plan: { plain: false } };
        const head = await readHead(handle, Math.min(HEAD_BYTES, size));
        const plan = plainPlan(file, head, await detectFileEncoding(handle, head, size));
        if (plan) open.plan = { plain: true, ...plan };
      }
      const { plan } = open;
      if (plan.plain) {
        const reader = LogFileReader.forPiece(file, aggregator, plan.header, piece.start === 0);
        await readPiece(open.handle, plan, open.size, piece, new PlainLines(reader, decoder(plan.encoding), plan.crlf), shared, buffers);
        sink.piece(i, reader.stats);
      } else if (piece.start === 0) {
        // Read whole, as it always was; the other pieces of this file are left to this one.
        try {
          sink.file(file, await readLogFile(file, aggregator, () => {}));
        } catch (err) {
          if (!(err instanceof FileSkipped)) throw err;
          sink.skipped(err.skipped);
        }
      }
    }
  } catch (err) {
    Atomics.store(shared, STOP, 1);
    // A failing system call (open, read) is an input problem the careful reader will name; anything else is ours.
    throw (err as NodeJS.ErrnoException | undefined)?.syscall === undefined ? err : asInputError(err, file, 'log');
  } finally {
    await open?.handle.close();
  }
}

/** The lines that start in [piece.start, piece.end), read from the bytes (the head's, then the file's). */
async function readPiece(handle: FileHandle, plan: PlainPlan, size: number, piece: FilePiece, lines: PlainLines, shared: Int32Array, buffers: readonly [Buffer, Buffer]): Promise<void> {
  // A piece after the first starts on the line after the line break at or after its start.
  let seeking = piece.start !== 0;
  let pos = seeking ? piece.start - 1 : plan.headerEnd;
  for await (const text of latin1Chunks(handle, pos, plan.head, size, buffers)) {
    if (Atomics.load(shared, STOP) !== 0) return;
    let from = 0;
    if (seeking) {
      const nl = text.indexOf('\n');
      if (nl === -1) {
        pos += text.length;
        continue;
      }
      seeking = false;
      from = nl + 1;
      if (pos + from >= piece.end) return;
    }
    // The line that holds the piece's last byte is the piece's last line.
    if (pos + text.length >= piece.end) {
      const last = text.indexOf('\n', Math.max(from, piece.end - 1 - pos));
      if (last !== -1) {
        lines.feed(text.slice(from, last + 1));
        return;
      }
    }
    lines.feed(from === 0 ? text : text.slice(from));
    pos += text.length;
  }
  if (!seeking) lines.end();
}

/**
 * The file's bytes from `from` as one-byte strings: the head already read first, then chunks, the next
 * read already under way while this one is split.
 */
async function* latin1Chunks(handle: FileHandle, from: number, head: Buffer, size: number, buffers: readonly [Buffer, Buffer]): AsyncGenerator<string> {
  let pos = from;
  if (pos < head.length) {
    yield head.toString('latin1', pos);
    pos = head.length;
    // Most of a folder of small files is read with the head alone.
    if (head.length === size) return;
  }
  let which: 0 | 1 = 0;
  let next = handle.read(buffers[which], 0, CHUNK_BYTES, pos);
  try {
    for (;;) {
      const { bytesRead } = await next;
      if (bytesRead === 0) return;
      const filled = buffers[which];
      pos += bytesRead;
      which = which === 0 ? 1 : 0;
      next = handle.read(buffers[which], 0, CHUNK_BYTES, pos);
      yield filled.toString('latin1', 0, bytesRead);
    }
  } finally {
    // The read under way must land before its buffer serves the next piece.
    await next.catch(() => undefined);
  }
}

/** Decodes a field's bytes as the careful reader's stream would; a replacement character means they do not decode. */
export function decoderFor(encoding: TextEncoding): (bytes: string) => string {
  const name = iconvName(encoding);
  return (bytes) => {
    const text = iconv.decode(Buffer.from(bytes, 'latin1'), name, { stripBOM: false });
    if (text.includes('\uFFFD')) throw new CarefulReadNeeded('undecodable');
    return text;
  };
}
