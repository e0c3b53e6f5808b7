/**
 * Follows CSV quoting (RFC 4180: a quote opens a value only at its start, `""` inside is a quote) through a
 * text given in chunks, counting lines as an editor does (CRLF, LF or CR is one line break), to say where
 * a quote that never closes was opened. csv-parse only knows where it gave up: the end of the file, and
 * counted each CR and LF of a CRLF file inside quotes as a line of its own (line 18 of a 10-line file).
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

  /** `maxRecordChars`: the length above which a record is noted (see firstLongRecordLine). */
  constructor(private readonly maxRecordChars = Infinity) {}

  feed(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (++this.recordChars > this.maxRecordChars && this.longRecordOn === undefined) this.longRecordOn = this.recordStart;
      if (this.inQuote) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === QUOTE) continue;
          this.inQuote = false;
          this.atFieldStart = false;
        } else {
          if (c === QUOTE) this.quotePending = true;
          else this.countLine(c);
          continue;
        }
      }
      if (c === QUOTE && this.atFieldStart) {
        this.inQuote = true;
        this.openedOn = this.line;
        this.afterCr = false;
        continue;
      }
      this.atFieldStart = c === COMMA || c === LF || c === CR;
      this.countLine(c);
      if (c === LF || c === CR) {
        // A record ends at a line break outside quotes; the next one starts on the next line.
        this.recordStart = this.line;
        this.recordChars = 0;
      }
    }
  }

  private countLine(c: number): void {
    if (c === LF) {
      if (!this.afterCr) this.line++;
      this.afterCr = false;
    } else if (c === CR) {
      this.line++;
      this.afterCr = true;
    } else {
      this.afterCr = false;
    }
  }

  /** The line where the quote still open at the end was opened; undefined when every quote closed. */
  get unclosedQuoteLine(): number | undefined {
    return this.inQuote && !this.quotePending ? this.openedOn : undefined;
  }

  /** The line where the first record longer than maxRecordChars starts. */
  get firstLongRecordLine(): number | undefined {
    return this.longRecordOn;
  }

  /** What csvProblem needs to place an unclosed quote or an overlong record. */
  get scan(): QuoteScan {
    return { unclosedOn: this.unclosedQuoteLine, longRecordOn: this.firstLongRecordLine };
  }
}

export interface QuoteScan {
  unclosedOn: number | undefined;
  longRecordOn: number | undefined;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export function scanQuotes(text: string, maxRecordChars = Infinity): QuoteScan {
  const tracker = new QuoteTracker(maxRecordChars);
  tracker.feed(text);
  return tracker.scan;
}
