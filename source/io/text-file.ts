import { open, readFile, stat } from 'node:fs/promises';
import { InputError } from '../core/input-problem.js';
import { decode, detectEncoding, type TextEncoding } from './encoding.js';

export interface TextFile {
  text: string;
  encoding: TextEncoding;
}

/** Reads a whole text file (SQL, conf.ini, mapping CSV, token): small files the admin names by flag. */
export async function readTextFile(file: string): Promise<TextFile> {
  await assertReadableFile(file);
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch (err) {
    throw new InputError({ code: 'unreadable', file, reason: (err as NodeJS.ErrnoException).code });
  }
  const encoding = detectEncoding(buffer);
  if (encoding === 'binary') throw new InputError({ code: 'binary', file });
  const text = decode(buffer, encoding);
  if (text.trim() === '') throw new InputError({ code: 'empty', file });
  return { text, encoding };
}

export async function assertReadableFile(file: string): Promise<void> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new InputError({ code: 'not-a-file', file });
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError({ code: code === 'ENOENT' || code === 'ENOTDIR' ? 'not-found' : 'unreadable', file, reason: code });
  }
}

/** Reads the first bytes only: enough to choose an encoding before streaming a large file. */
export async function readHead(file: string, bytes = 64 * 1024): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
