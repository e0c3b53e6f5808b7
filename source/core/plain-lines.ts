import type { LogFileReader } from './log-reader.js';

/**
 * What the plain splitter leaves to the careful reader (csv-parse), which then reads the whole folder
 * again from the start: quoting, line breaks csv-parse would split differently, lines long enough to
 * meet MAX_LINE_BYTES, bytes the decoder cannot read. Never an error of its own: the careful reader
 * reads such files, or names the problem with its line.
 */
export type CarefulReason = 'quote' | 'line-break' | 'long-line' | 'undecodable';

export class CarefulReadNeeded extends Error {
  constructor(readonly reason: CarefulReason) {
    super(`careful read needed: ${reason}`);
    this.name = 'CarefulReadNeeded';
  }
}

/**
 * Longest line the plain splitter takes, in bytes. A CP932 character is at most 3 bytes once csv-parse
 * sees it as UTF-8, so a line this short is far from MAX_LINE_BYTES; LanScope rows are under 200 bytes.
 */
export const PLAIN_LINE_MAX = 64 * 1024;

const CR = 13;

/**
 * Splits LanScope CSV text into records without a CSV parser, for the case that needs none: no quote
 * anywhere, one kind of line break. Then a record is a line and a field is what lies between commas —
 * csv-parse's own result on the same text, which the tests check file by file.
 *
 * Its input is the file's bytes as a one-byte string (Buffer's latin1: each byte one character), a copy
 * rather than a decode: the comma, the line breaks and the quote are single bytes below 0x40 in CP932 and
 * UTF-8 alike, never part of a multi-byte character, so lines and fields are found on the bytes. A field
 * with a byte ≥ 0x80 is decoded on its own by `decoder` (the careful reader's decoder), once per distinct
 * value: user and computer names repeat on every row. The rest is ASCII, the same in either encoding.
 *
 * Rows go to the same LogFileReader the careful reader feeds, with no line number: a row it refuses makes
 * the caller read the folder carefully, and that reader names the line.
 */
export class PlainLines {
  private rest = '';
  private readonly fields: string[] = [];
  /** Where the text being split has its next byte ≥ 0x80 (Infinity: none): only lines holding one are decoded. */
  private nextHigh = Number.POSITIVE_INFINITY;

  constructor(
    private readonly reader: LogFileReader,
    private readonly decoder: FieldDecoder,
    /** The file's line break, as csv-parse discovers it from the first one: CRLF, or LF. */
    private readonly crlf: boolean,
  ) {}

  /** The next bytes of the file; each line is read as soon as it is complete. */
  feed(chunk: string): void {
    if (chunk.indexOf('"') !== -1) throw new CarefulReadNeeded('quote');
    const text = this.rest === '' ? chunk : this.rest + chunk;
    this.nextHigh = highAt(text, 0);
    let at = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', at)) {
      let end = nl;
      if (this.crlf) {
        // csv-parse keeps a bare LF of a CRLF file inside the value: a line break only by our reckoning.
        if (nl === at || text.charCodeAt(nl - 1) !== CR) throw new CarefulReadNeeded('line-break');
        end = nl - 1;
      }
      this.line(text, at, end);
      at = nl + 1;
    }
    this.rest = at === 0 ? text : text.slice(at);
    if (this.rest.length > PLAIN_LINE_MAX) throw new CarefulReadNeeded('long-line');
  }

  /** The end of the piece: a last line without a line break is a record too. */
  end(): void {
    const rest = this.rest;
    this.rest = '';
    this.nextHigh = highAt(rest, 0);
    if (rest !== '') this.line(rest, 0, rest.length);
  }

  /**
   * Fields found with indexOf and sliced: String.prototype.split went through the runtime once per row,
   * half the cost of the whole read (measured: bench/README.md).
   */
  private line(text: string, start: number, end: number): void {
    // An empty line is skipped, as csv-parse's skip_empty_lines does.
    if (end === start) return;
    if (end - start > PLAIN_LINE_MAX) throw new CarefulReadNeeded('long-line');
    // One array for every row: the reader keeps none of them (a new one per row was a third of the garbage).
    // (Its length is set only when a row has another number of fields: setting it is a call into the runtime.)
    const fields = this.fields;
    let count = 0;
    let from = start;
    for (let comma = text.indexOf(',', start); comma !== -1 && comma < end; comma = text.indexOf(',', from)) {
      fields[count++] = text.slice(from, comma);
      from = comma + 1;
    }
    fields[count++] = text.slice(from, end);
    if (fields.length !== count) fields.length = count;
    // Only the fields that hold a byte ≥ 0x80 are decoded (a tenth of the rows, mostly the user name).
    let field = 0;
    let fieldEnd = start + fields[0]!.length;
    while (this.nextHigh < end) {
      while (fieldEnd < this.nextHigh) fieldEnd += 1 + fields[++field]!.length;
      fields[field] = this.decoder.text(fields[field]!);
      this.nextHigh = highAt(text, fieldEnd);
    }
    this.reader.record(fields, 0);
  }

}

/**
 * Values with a byte ≥ 0x80, decoded once each: user and computer names repeat on every row of every file,
 * so one decoder serves a thread's whole read.
 */
export class FieldDecoder {
  private readonly decoded = new Map<string, string>();

  /** `decode`: bytes (a one-byte string) → text; throws CarefulReadNeeded when they do not decode cleanly. */
  constructor(private readonly decode: (bytes: string) => string) {}

  text(bytes: string): string {
    let text = this.decoded.get(bytes);
    if (text === undefined) {
      text = this.decode(bytes);
      // A file of ever new non-ASCII values must not grow this without end.
      if (this.decoded.size >= 100_000) this.decoded.clear();
      this.decoded.set(bytes, text);
    }
    return text;
  }
}

const HIGH = /[\x80-\xff]/g;

function highAt(text: string, from: number): number {
  HIGH.lastIndex = from;
  return HIGH.exec(text)?.index ?? Number.POSITIVE_INFINITY;
}
