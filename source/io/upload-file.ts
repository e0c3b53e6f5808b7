import { closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { MappingFile } from '../core/mapping.js';
import { uploadCsvText, uploadFileName } from '../core/mapping-fixes.js';
import { decode, encode, type TextEncoding } from './encoding.js';

/**
 * Files the wizard writes. Each is written whole to a temporary file beside its target, flushed, then
 * moved into place, so an interrupted run leaves either the old state or the new file, never half of one.
 * Writes are synchronous on purpose: a Ctrl-C handled by the wizard cannot land in the middle of one.
 */

export class UnencodableError extends Error {
  constructor(
    readonly encoding: TextEncoding,
    readonly characters: string[],
  ) {
    super(`cannot be written in ${encoding}: ${characters.join(' ')}`);
    this.name = 'UnencodableError';
  }
}

function tempBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

function writeTemp(target: string, data: Uint8Array): string {
  const temp = tempBeside(target);
  const fd = openSync(temp, 'wx', 0o644);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return temp;
}

/** Writes `data` to `target` through a temporary file and a rename (replacing an older `target`). */
export function writeFileAtomic(target: string, data: Uint8Array | string): void {
  const temp = writeTemp(target, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  try {
    renameSync(temp, target);
  } catch (err) {
    safeUnlink(temp);
    throw err;
  }
}

/**
 * Writes to the first free name of `names`, never replacing an existing file: a hard link claims the
 * name atomically (EEXIST when taken); where links are not supported, an existence check and a rename.
 */
function writeNewFile(names: (attempt: number) => string, data: Uint8Array, avoid: string): string {
  const temp = writeTemp(names(1), data);
  try {
    for (let attempt = 1; attempt < 1000; attempt++) {
      const target = names(attempt);
      if (target === avoid) continue;
      try {
        linkSync(temp, target);
        return target;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        if (existsSync(target)) continue;
        renameSync(temp, target);
        return target;
      }
    }
    throw new Error(`no free file name beside ${avoid}`);
  } finally {
    safeUnlink(temp);
  }
}

function safeUnlink(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already moved into place, or never created.
  }
}

export interface WrittenUpload {
  file: string;
  /** Export lines of the rows written. */
  lines: number[];
  encoding: TextEncoding;
}

/**
 * The upload file for PC ログイン連携 → [CSV データ入力]: the changed rows only, in the export's columns,
 * quoting, encoding and line endings, written beside the export as `<name>.upload.csv` (or -2, -3 …),
 * never over the export. A name that the export's encoding cannot hold (CP932 has no emoji) is refused
 * rather than written as `?`.
 */
export function writeUploadFile(exportFile: string, mapping: MappingFile, encoding: TextEncoding, accepted: ReadonlyMap<number, string>): WrittenUpload {
  const original = readFileSync(exportFile);
  const eol = original.includes(Buffer.from('\r\n')) || !original.includes(0x0a) ? '\r\n' : '\n';
  const { text, lines } = uploadCsvText(mapping, accepted, eol);
  const bytes = encode(text, encoding);
  const back = decode(bytes, encoding).replace(/^\uFEFF/, '');
  if (back !== text) {
    const lost = [...new Set([...text].filter((ch) => !decode(encode(ch, encoding), encoding).replace(/^\uFEFF/, '').includes(ch)))];
    throw new UnencodableError(encoding, lost);
  }
  const file = writeNewFile((attempt) => uploadFileName(exportFile, attempt), bytes, exportFile);
  return { file, lines, encoding };
}

/** Where the go-live report goes: a folder gets the default file name inside it. */
export function reportTarget(path: string): string {
  try {
    if (path !== '' && statSync(path).isDirectory()) return join(path, 'lanscope-kot-report.md');
  } catch {
    // Not there yet: a file to create.
  }
  return path;
}
