import { InputError, type InputProblem } from './input-problem.js';
import { acceptedLogHeaders, duplicatedLogColumn, normaliseHeaderName, recogniseLogHeader, type LogLayout, type LogShapeName } from './log-headers.js';
import type { LogAggregator } from './log-aggregate.js';
import { isMappingHeader } from './mapping.js';
import { implausibleYear, parseDay, parseWallClock, dayOf, MAX_YEAR, MIN_YEAR, type DayNumber, type WallSeconds } from './wall-clock.js';

/**
 * Turns the records of one LanScope CSV (already decoded and split by csv-parse) into events for the
 * aggregator, one record at a time so a file of millions of rows is never held. It knows the noise of
 * files saved from sqlcmd: a dashes line under the header, padded values and a "(N rows affected)" footer.
 */
export interface LogFileStats {
  file: string;
  shape: LogShapeName;
  /** The file names the computer (or agent no) of each row. */
  hasPcColumn: boolean;
  rows: number;
  firstDay: DayNumber | undefined;
  lastDay: DayNumber | undefined;
}

/** Why a `*.csv` of the log folder was left out rather than read (the output-dir check names each). */
export type SkipReason = 'mapping-export' | 'empty' | 'not-a-file';

export interface SkippedFile {
  file: string;
  reason: SkipReason;
}

/** Thrown while reading a file that is not a log and is left out on purpose (the mapping export). */
export class FileSkipped extends Error {
  constructor(readonly skipped: SkippedFile) {
    super(`${skipped.reason}: ${skipped.file}`);
    this.name = 'FileSkipped';
  }
}

const FOOTER = /^\(\s*\d+\s*(rows? affected|行処理されました|行が影響を受けました|件処理されました)\s*\)$/i;
const DASHES = /^-+$/;
const START_WORDS = new Set(['1', '開始', '使用開始', 'start']);
const END_WORDS = new Set(['2', '終了', '使用終了', 'end']);

export class LogFileReader {
  private layout: LogLayout | undefined;
  /** Fields a data row must have to reach every column the header named. */
  private width = 0;
  private underlineExpected = false;
  readonly stats: LogFileStats;

  constructor(
    readonly file: string,
    private readonly aggregator: LogAggregator,
  ) {
    this.stats = { file, shape: 'events', hasPcColumn: false, rows: 0, firstDay: undefined, lastDay: undefined };
  }

  /**
   * A reader for one piece of a file read in pieces (io/plain-read.ts), given the header from the file's
   * first line. sqlcmd's underline can only follow the header: only the first piece looks for it.
   */
  static forPiece(file: string, aggregator: LogAggregator, header: string[], first: boolean): LogFileReader {
    const reader = new LogFileReader(file, aggregator);
    reader.record(header, 1);
    reader.underlineExpected = first;
    return reader;
  }

  get recognised(): boolean {
    return this.layout !== undefined;
  }

  /** Feed one record; `line` is the 1-based line it ended on. `fields` is read, never kept (the plain splitter reuses one array). */
  record(fields: string[], line: number): void {
    const layout = this.layout;
    if (layout === undefined) {
      this.header(fields, line);
      return;
    }
    if (fields.length === 1) {
      const only = fields[0]!.trim();
      if (only === '' || FOOTER.test(only)) return;
    } else if (this.underlineExpected) {
      // sqlcmd underlines the header once; checking every row for it cost a regular expression per row.
      this.underlineExpected = false;
      if (fields.every((f) => DASHES.test(f.trim()) || f.trim() === '')) return;
    }
    if (fields.length < this.width) throw this.problem({ code: 'csv-fields', line, value: `${fields.length}/${this.width}` });
    const { columns } = layout;
    const user = fields[columns.user!]!.trim();
    if (user === '' || (user.length === 6 && user.toUpperCase() === 'SYSTEM')) return;
    const pc = columns.pc === undefined ? undefined : fields[columns.pc]!.trim();
    this.stats.rows++;
    if (layout.shape === 'events') {
      const time = this.time(fields[columns.eventTime!]!, 'eventTime', line, true)!;
      const kind = this.kind(fields[columns.logType!]!, line);
      if (kind !== undefined) this.noteDay(this.aggregator.addEvent(user, time, kind, pc));
    } else {
      const start = this.time(fields[columns.start!]!, 'start', line, false);
      const end = this.time(fields[columns.end!]!, 'end', line, false);
      const day = columns.date === undefined ? undefined : this.day(fields[columns.date]!, line);
      this.noteDay(this.aggregator.addSpan(user, start, end, day, pc));
    }
  }

  private problem(problem: Omit<InputProblem, 'file' | 'kind'>): InputError {
    return new InputError({ ...problem, kind: 'log', file: this.file });
  }

  private header(fields: string[], line: number): void {
    const layout = recogniseLogHeader(fields);
    if (!layout) {
      // Admins often save the mapping export into the output folder: it is not a log, and not an error.
      if (isMappingHeader(fields)) throw new FileSkipped({ file: this.file, reason: 'mapping-export' });
      throw this.problem({ code: 'unknown-header', line, found: fields.map((f) => normaliseHeaderName(f)), needed: acceptedLogHeaders() });
    }
    const duplicate = duplicatedLogColumn(fields);
    if (duplicate) throw this.problem({ code: 'duplicate-column', line, field: duplicate.name, value: duplicate.columns.join(', ') });
    this.layout = layout;
    this.width = Math.max(...Object.values(layout.columns)) + 1;
    this.underlineExpected = true;
    this.stats.shape = layout.shape;
    this.stats.hasPcColumn = layout.columns.pc !== undefined;
  }

  private time(raw: string, field: string, line: number, required: boolean): WallSeconds | undefined {
    const fast = parseWallClock(raw);
    if (fast !== undefined) return fast;
    const text = raw.trim();
    if (text === '' && !required) return undefined;
    const time = parseWallClock(text);
    if (time === undefined) throw this.badDate(text, field, line);
    return time;
  }

  private badDate(text: string, field: string, line: number): InputError {
    const year = implausibleYear(text);
    return year === undefined
      ? this.problem({ code: 'bad-datetime', line, field, value: text })
      : this.problem({ code: 'date-out-of-range', line, field, value: text, reason: `${MIN_YEAR}–${MAX_YEAR}` });
  }

  private day(raw: string, line: number): DayNumber | undefined {
    const text = raw.trim();
    if (text === '') return undefined;
    // Some exports write the day as a midnight date-time (2024/12/17 0:00:00).
    const midnight = parseWallClock(text);
    const day = parseDay(text) ?? (midnight === undefined ? undefined : dayOf(midnight, 0));
    if (day === undefined) throw this.badDate(text, 'date', line);
    return day;
  }

  private kind(raw: string, line: number): 'start' | 'end' | undefined {
    if (raw === '1') return 'start';
    if (raw === '2') return 'end';
    const text = raw.trim().normalize('NFKC').toLowerCase();
    if (START_WORDS.has(text)) return 'start';
    if (END_WORDS.has(text)) return 'end';
    // LanScope logs other event types too; the SQL keeps only 1 and 2, so other numbers are not ours.
    if (/^\d+$/.test(text)) return undefined;
    throw this.problem({ code: 'bad-log-type', line, field: 'logType', value: raw.trim() });
  }

  private noteDay(day: DayNumber | undefined): void {
    if (day === undefined) return;
    if (this.stats.firstDay === undefined || day < this.stats.firstDay) this.stats.firstDay = day;
    if (this.stats.lastDay === undefined || day > this.stats.lastDay) this.stats.lastDay = day;
  }
}
