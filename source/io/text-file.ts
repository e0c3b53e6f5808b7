import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { InputError, MAX_LINE_BYTES, type InputKind } from '../core/input-problem.js';
import { MAX_TOKEN_BYTES } from '../core/secret.js';
import { firstLongLine } from '../core/text-lines.js';
import { decode, detectEncoding, type TextEncoding } from './encoding.js';

export interface TextFile {
  text: string;
  encoding: TextEncoding;
}

/** Files read whole, by what they hold. */
export type WholeFileKind = Exclude<InputKind, 'log'>;

const MiB = 1024 * 1024;

/**
 * The most each kind of file may hold. A token is 32 characters; LanScope's 勤怠簿出力.sql is a few KB and
 * conf.ini less; a mapping export of 20,000 employees is about 1.5 MB. Larger means the wrong file (or
 * /dev/zero): it is refused before it is read, with its size, never its content.
 */
export const SIZE_LIMITS: Record<WholeFileKind, number> = {
  token: MAX_TOKEN_BYTES,
  'kot-api-token': MAX_TOKEN_BYTES,
  sql: 4 * MiB,
  'conf-ini': 1 * MiB,
  mapping: 64 * MiB,
};

/**
 * Reads a whole text file the admin names by flag (SQL, conf.ini, mapping CSV, token): a regular file
 * within its kind's size limit, decoded, with no line over MAX_LINE_BYTES.
 */
export async function readTextFile(file: string, kind: WholeFileKind): Promise<TextFile> {
  const limit = SIZE_LIMITS[kind];
  const { handle, size } = await openRegularFile(file, kind);
  let buffer: Buffer;
  try {
    if (size > limit) throw new InputError({ code: 'too-big', kind, file, size, limit });
    // Read at most one byte past the limit: a file growing while it is read cannot make this unbounded.
    buffer = Buffer.alloc(Math.min(size, limit) + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0 || (filled += bytesRead) === buffer.length) break;
    }
    if (filled > limit) throw new InputError({ code: 'too-big', kind, file, size: filled, limit });
    buffer = buffer.subarray(0, filled);
  } catch (err) {
    throw asInputError(err, file, kind);
  } finally {
    await handle.close();
  }
  const encoding = detectEncoding(buffer);
  if (encoding === 'binary') throw new InputError({ code: 'binary', kind, file });
  const text = decode(buffer, encoding);
  if (text.trim() === '') throw new InputError({ code: 'empty', kind, file });
  const long = firstLongLine(text, MAX_LINE_BYTES);
  if (long !== undefined) throw new InputError({ code: 'line-too-long', kind, file, line: long, limit: MAX_LINE_BYTES });
  return { text, encoding };
}

/**
 * Opens a file for reading only when it is a regular file: a FIFO would block the read forever and a
 * device (/dev/zero) never end. Opened without blocking, then checked on the open handle, so what is
 * checked is what is read.
 */
export async function openRegularFile(file: string, kind: InputKind): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw asInputError(err, file, kind);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new InputError({ code: 'not-a-file', kind, file });
    if (!info.isFile()) throw new InputError({ code: 'not-regular', kind, file });
    return { handle, size: info.size };
  } catch (err) {
    await handle.close();
    throw asInputError(err, file, kind);
  }
}

/** Any failure to open or read becomes an input problem naming the file: never an internal error. */
export function asInputError(err: unknown, file: string, kind: InputKind): InputError {
  if (err instanceof InputError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new InputError({ code: 'not-found', kind, file, reason: code });
  if (code === 'EISDIR') return new InputError({ code: 'not-a-file', kind, file });
  return new InputError({ code: 'unreadable', kind, file, reason: code ?? (err instanceof Error ? err.name : undefined) });
}

/** Reads the first bytes only: enough to choose an encoding before streaming a large file. */
export async function readHead(handle: FileHandle, bytes: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(bytes);
  const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
  return buffer.subarray(0, bytesRead);
}
