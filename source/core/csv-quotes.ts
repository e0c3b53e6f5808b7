/**
 * Follows CSV quoting (RFC 4180: a quote opens a value only at its start, `""` inside is a quote) through a
 * text given in chunks, counting lines as an editor does (CRLF, LF or CR is one line break), to say where
 * a quote that never closes was opened. csv-parse only knows where it gave up: the end of the file, and
 * counted each CR and LF of a CRLF file inside quotes as a line of its own (line 18 of a 10-line file).
 * It also follows csv-parse's own count, so that every line csv-parse gives (a record's, an error's) can be
 * turned into the file's line (realLine).
 */
export class QuoteTracker {
  private line = 1;
  private recordStart = 1;
  private recordChars = 0;
  private longRecordOn: number | undefined;
  private inQuote = false;
  private atFieldStart = true;
  /** Inside quotes, the previous character was a quote: closing, or the first half of `""`. */
  private quotePending = false;
  private afterCr = false;
  private openedOn = 0;
  /** csv-parse's record delimiter, found where it finds it: the first line break outside quotes. */
  private delimiter: 'crlf' | 'lf' | 'cr' | undefined;
  /** The CR just seen ends a record (a CRLF delimiter, or the first line break when LF follows). */
  private crEndsRecord = false;
  /** csv-parse's line of the next character. */
  private parserLine = 1;
  /** csv-parse's lines that are not lines of the file, in order: the LF of each CRLF it counts twice. */
  private readonly phantoms: number[] = [];
  private started = false;
  /** The text nextBreak last searched, and the next CR and LF it found there. */
  private breakText: string | undefined;
  private crAt = -1;
  private lfAt = -1;

  /** `maxRecordChars`: the length above which a record is noted (see firstLongRecordLine). */
  constructor(private readonly maxRecordChars = Infinity) {}

  feed(chunk: string): void {
    let i = 0;
    // A UTF-8 BOM is not content: a quote right after it opens the first field (csv-parse's `bom: true`).
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === BOM) i = 1;
    }
    while (i < chunk.length) {
      if (!this.inQuote) {
        // Up to the next quote only line breaks matter: taken a line at a time, not a character (most
        // text has no quote at all, and the careful log reader feeds every chunk through here).
        const quote = chunk.indexOf('"', i);
        const end = quote === -1 ? chunk.length : quote;
        if (end > i) this.unquoted(chunk, i, end);
        if (quote === -1) return;
        i = quote;
      }
      this.step(chunk.charCodeAt(i));
      i++;
    }
  }

  /** One character: a quote outside quotes, or any character inside them. */
  private step(c: number): void {
    this.addChars(1);
    if (this.inQuote) {
      if (this.quotePending) {
        this.quotePending = false;
        if (c === QUOTE) {
          this.countLine(c, true);
          return;
        }
        this.inQuote = false;
        this.atFieldStart = false;
      } else {
        if (c === QUOTE) this.quotePending = true;
        this.countLine(c, true);
        return;
      }
    }
    if (c === QUOTE && this.atFieldStart) {
      this.inQuote = true;
      this.openedOn = this.line;
      this.countLine(c, false);
      return;
    }
    this.atFieldStart = c === COMMA || c === LF || c === CR;
    this.countLine(c, false);
    if (c === LF || c === CR) this.recordEnded();
  }

  /** Characters from..to outside quotes, none of them a quote: what step does, a run of them at a time. */
  private unquoted(text: string, from: number, to: number): void {
    let i = from;
    while (i < to) {
      const br = Math.min(this.nextBreak(text, i), to);
      if (br > i) {
        // Only the first can settle csv-parse's delimiter (after a CR) and only the last says whether a field starts next.
        this.countLine(text.charCodeAt(i), false);
        this.atFieldStart = text.charCodeAt(br - 1) === COMMA;
        this.addChars(br - i);
        if (br === to) return;
      }
      this.addChars(1);
      this.atFieldStart = true;
      this.countLine(text.charCodeAt(br), false);
      this.recordEnded();
      i = br + 1;
    }
  }

  /** Where the next CR or LF of `text` is at or after `from` (Infinity: none); each found once per text. */
  private nextBreak(text: string, from: number): number {
    if (this.breakText !== text) {
      this.breakText = text;
      this.crAt = -1;
      this.lfAt = -1;
    }
    if (this.crAt < from) this.crAt = found(text.indexOf('\r', from));
    if (this.lfAt < from) this.lfAt = found(text.indexOf('\n', from));
    return this.crAt < this.lfAt ? this.crAt : this.lfAt;
  }

  private addChars(count: number): void {
    this.recordChars += count;
    if (this.recordChars > this.maxRecordChars && this.longRecordOn === undefined) this.longRecordOn = this.recordStart;
  }

  /** A record ends at a line break outside quotes; the next one starts on the next line. */
  private recordEnded(): void {
    this.recordStart = this.line;
    this.recordChars = 0;
  }

  /**
   * Every character passes here. An editor counts CRLF, LF and CR as one line break each. csv-parse counts
   * every CR and every LF, except that its record delimiter (outside quotes) counts once: so each other
   * CRLF — inside a quoted value, or in a file whose first line break was not CRLF — is one line more for
   * csv-parse than in the file (a phantom line).
   */
  private countLine(c: number, quoted: boolean): void {
    const crBefore = this.afterCr;
    const crEndedRecord = this.crEndsRecord;
    this.afterCr = false;
    this.crEndsRecord = false;
    // csv-parse takes the first line break outside quotes as the record delimiter of the whole file.
    if (crBefore && crEndedRecord && this.delimiter === undefined) this.delimiter = c === LF ? 'crlf' : 'cr';
    if (c === LF) {
      if (!crBefore) {
        this.line++;
        this.parserLine++;
        if (!quoted) this.delimiter ??= 'lf';
      } else if (!crEndedRecord) {
        this.phantoms.push(this.parserLine++);
      }
    } else if (c === CR) {
      this.line++;
      this.parserLine++;
      this.afterCr = true;
      this.crEndsRecord = !quoted && (this.delimiter === 'crlf' || this.delimiter === undefined);
    }
  }

  /**
   * The file's line for a line csv-parse gave (`info.lines` of a record, `lines` of an error), once this
   * tracker has read at least as far: csv-parse's phantom lines before it taken off.
   */
  realLine(parserLine: number): number {
    let low = 0;
    let high = this.phantoms.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.phantoms[mid]! < parserLine) low = mid + 1;
      else high = mid;
    }
    return parserLine - low;
  }

  /** The line where the quote still open at the end was opened; undefined when every quote closed. */
  get unclosedQuoteLine(): number | undefined {
    return this.inQuote && !this.quotePending ? this.openedOn : undefined;
  }

  /** The line where the first record longer than maxRecordChars starts. */
  get firstLongRecordLine(): number | undefined {
    return this.longRecordOn;
  }

  /** What csvProblem needs to place an unclosed quote or an overlong record, and any other error. */
  get scan(): QuoteScan {
    return { unclosedOn: this.unclosedQuoteLine, longRecordOn: this.firstLongRecordLine, realLine: (line) => this.realLine(line) };
  }
}

export interface QuoteScan {
  unclosedOn: number | undefined;
  longRecordOn: number | undefined;
  /** The file's line for a line csv-parse gave (QuoteTracker.realLine). */
  realLine?: (parserLine: number) => number;
}

const QUOTE = 34;
const BOM = 0xfeff;
const COMMA = 44;
const LF = 10;
const CR = 13;

function found(at: number): number {
  return at === -1 ? Number.POSITIVE_INFINITY : at;
}

export function scanQuotes(text: string, maxRecordChars = Infinity): QuoteScan {
  return trackQuotes(text, maxRecordChars).scan;
}

/** A tracker that has read the whole text. */
export function trackQuotes(text: string, maxRecordChars = Infinity): QuoteTracker {
  const tracker = new QuoteTracker(maxRecordChars);
  tracker.feed(text);
  return tracker;
}
