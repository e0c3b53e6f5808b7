import type { QuoteTracker } from './csv-quotes.js';

/**
 * The file's line where each csv-parse record starts, worked out from the records' raw text (`raw: true`)
 * instead of asked for with `info: true`, which copies an object of some twenty fields per record (a third
 * of the time of parsing a mapping export of 20,000 rows).
 *
 * First csv-parse's own count: it counts a line for every line-break character it reads — so a CRLF inside
 * quotes counts two, and a CRLF between records one (it skips the LF, which is then missing from the raw
 * text too). A record's raw text holds every character it read for the record: the line breaks of the
 * empty lines skipped before it first, its own line break last. So the record starts, in csv-parse's
 * count, after all the breaks before it and its leading ones.
 *
 * That count runs ahead of the file's lines by one for each CRLF csv-parse did not take as its record
 * delimiter (inside a quoted value; in a file whose first line break was LF or CR), and each of those
 * leaves a line break in some record's raw text before its last character. So while no raw text holds one
 * — every export as PC ログイン連携 writes it — the count is the file's line; from the first that does (an
 * empty line is enough), a QuoteTracker that has read the whole text (made then, once) turns it into the
 * file's line.
 */
export class CsvRecordLines {
  /** csv-parse's lines counted before the next record's raw text. */
  private breaks = 0;
  private tracker: QuoteTracker | undefined;

  /** `trackText`: a tracker that has read the whole text, asked for at most once. */
  constructor(private readonly trackText: () => QuoteTracker) {}

  /** The file's line where the next record starts, given its raw text. */
  next(raw: string): number {
    let count = 0;
    for (let at = raw.indexOf('\r'); at !== -1; at = raw.indexOf('\r', at + 1)) count++;
    for (let at = raw.indexOf('\n'); at !== -1; at = raw.indexOf('\n', at + 1)) count++;
    // A record of line breaks only (a bare LF in a CR file is a value) is on the line of its own break.
    let leading = 0;
    while (leading < raw.length - 1 && isBreak(raw.charCodeAt(leading))) leading++;
    const start = 1 + this.breaks + leading;
    this.breaks += count;
    // Any line break but the record's own: an empty line skipped, or one inside the record.
    if (this.tracker === undefined && count > (isBreak(raw.charCodeAt(raw.length - 1)) ? 1 : 0)) this.tracker = this.trackText();
    return this.tracker ? this.tracker.realLine(start) : start;
  }
}

function isBreak(c: number): boolean {
  return c === 13 || c === 10;
}
