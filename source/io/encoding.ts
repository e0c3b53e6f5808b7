import { isAscii } from 'node:buffer';
import type { FileHandle } from 'node:fs/promises';
import iconv from 'iconv-lite';

/**
 * Japanese Windows files come as CP932, UTF-8 with or without BOM, or (from SSMS) UTF-16 with BOM.
 * A BOM decides (UTF-32's before UTF-16's: FF FE 00 00 starts both); else NUL bytes in every other
 * position mean UTF-16 without a BOM; else valid UTF-8 is UTF-8; else CP932. Other NUL bytes mean binary.
 */
export type TextEncoding = 'utf-8-bom' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'cp932';

export function detectEncoding(sample: Uint8Array): TextEncoding | 'binary' {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8-bom';
  if (sample[0] === 0xff && sample[1] === 0xfe && sample[2] === 0 && sample[3] === 0) return 'utf-32le';
  if (sample[0] === 0 && sample[1] === 0 && sample[2] === 0xfe && sample[3] === 0xff) return 'utf-32be';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return utf16;
  if (looksBinary(sample)) return 'binary';
  return utf8OrCp932(sample);
}

function utf8OrCp932(sample: Uint8Array): 'utf-8' | 'cp932' {
  try {
    // stream: true so a sample cut inside a multi-byte character is not taken for invalid UTF-8.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'cp932';
  }
}

/** Bytes read at a time while looking past an ASCII head, and the most taken from the first byte ≥ 0x80 on. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * The encoding of a file read as a stream, whose first bytes (`head`) were read to choose it. The head
 * decides (detectEncoding), unless it holds nothing but ASCII and the file goes on: ASCII reads the same
 * in UTF-8 and CP932, so the file's first byte ≥ 0x80 decides, with what follows it (up to 64 KiB): valid
 * UTF-8 is UTF-8, else CP932. Only then is the file read further here (a log's header is Japanese, so
 * its head decides; ASCII alone is what may come before it, such as empty lines). None at all: UTF-8.
 */
export async function detectFileEncoding(handle: FileHandle, head: Buffer, size: number): Promise<TextEncoding | 'binary'> {
  const detected = detectEncoding(head);
  if (detected !== 'utf-8' || head.length >= size || !isAscii(head)) return detected;
  const buffer = Buffer.allocUnsafe(SAMPLE_BYTES);
  for (let pos = head.length; ; ) {
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, pos);
    if (bytesRead === 0) return 'utf-8';
    const chunk = buffer.subarray(0, bytesRead);
    if (!isAscii(chunk)) {
      const high = pos + chunk.findIndex((byte) => byte >= 0x80);
      const { bytesRead: sampled } = await handle.read(buffer, 0, SAMPLE_BYTES, high);
      return utf8OrCp932(buffer.subarray(0, sampled));
    }
    pos += bytesRead;
  }
}

/**
 * UTF-16 text saved without a BOM: CSV and SQL are full of ASCII (digits, commas, line breaks), whose
 * high byte is NUL: NULs in (nearly) only odd positions are little-endian, only even ones big-endian.
 */
function utf16WithoutBom(sample: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  if (odd >= pairs / 4 && even <= odd / 50) return 'utf-16le';
  if (even >= pairs / 4 && odd <= even / 50) return 'utf-16be';
  return undefined;
}

function looksBinary(sample: Uint8Array): boolean {
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1a && byte !== 0x1b)) controls++;
  }
  return controls > Math.max(8, sample.length / 100);
}

/** The name iconv-lite knows the encoding by; it strips the BOM itself. */
export function iconvName(encoding: TextEncoding): string {
  return encoding === 'utf-8-bom' ? 'utf-8' : encoding;
}

export function decode(buffer: Uint8Array, encoding: TextEncoding): string {
  return iconv.decode(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength), iconvName(encoding));
}

export function encode(text: string, encoding: TextEncoding): Buffer {
  const body = iconv.encode(text, iconvName(encoding), { addBOM: encoding !== 'utf-8' && encoding !== 'cp932' });
  return body;
}
