/**
 * The line numbers csv-parse gives its records (`info.lines`), worked out from their raw text (`raw: true`)
 * instead of asked for with `info: true`, which copies an object of some twenty fields per record (a third
 * of the time of parsing a mapping export of 20,000 rows). csv-parse counts a line for every line-break
 * character it reads — so a CRLF inside quotes counts two, and a CRLF between records one (it skips the
 * LF) — and a record's line is the count before its own line break. Its raw text holds every character it
 * read for the record, an empty line skipped before it included, its own line break last.
 */
export class CsvRecordLines {
  private breaks = 0;

  /** The line of the next record, given its raw text. */
  next(raw: string): number {
    let count = 0;
    for (let at = raw.indexOf('\r'); at !== -1; at = raw.indexOf('\r', at + 1)) count++;
    for (let at = raw.indexOf('\n'); at !== -1; at = raw.indexOf('\n', at + 1)) count++;
    const last = raw.charCodeAt(raw.length - 1);
    const line = 1 + this.breaks + count - (last === 13 || last === 10 ? 1 : 0);
    this.breaks += count;
    return line;
  }
}
