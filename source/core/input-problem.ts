import type { QuoteScan } from './csv-quotes.js';

/**
 * Everything that makes an input unreadable is one of these codes. The core only names the problem and
 * where it is; the i18n catalog turns it into one line that says what to do. Doctor exits 2 on them.
 */
export type InputProblemCode =
  | 'not-found'
  | 'not-a-file'
  /** A FIFO, a device, a socket: reading it could block forever or never end. */
  | 'not-regular'
  | 'not-a-directory'
  | 'unreadable'
  | 'empty'
  | 'binary'
  /** Larger than the limit for its kind (`size`, `limit` in bytes). */
  | 'too-big'
  /** A line (or CSV record) longer than MAX_LINE_BYTES. */
  | 'line-too-long'
  /** A quoted value never closes; `line` is where its quote opened. */
  | 'csv-quote-not-closed'
  /** A quote inside a value that did not start with one (`a"b`). */
  | 'csv-quote-inside'
  /** Text right after a closing quote (`"a"b`). */
  | 'csv-quote-after'
  /** Any other CSV syntax error (`reason`: the parser's code). */
  | 'csv-syntax'
  | 'csv-fields'
  | 'unknown-header'
  /** A column the reader needs appears twice in the header (`field`: its name, `value`: the columns). */
  | 'duplicate-column'
  | 'bad-datetime'
  /** A date-time outside 2000–2099. */
  | 'date-out-of-range'
  | 'bad-log-type';

/** Which input it is: the advice depends on it (a log CSV is not fixed like the mapping export). */
export type InputKind = 'sql' | 'conf-ini' | 'mapping' | 'log' | 'token' | 'kot-api-token';

export interface InputProblem {
  code: InputProblemCode;
  kind?: InputKind;
  file?: string;
  /** An environment variable the input came from, when it is not a file (LANSCOPE_KOT_TOKEN). */
  variable?: string;
  line?: number;
  /** The column or field the problem is in. */
  field?: string;
  /** The offending value (never a secret); clipped and escaped when shown. */
  value?: string;
  /** For unknown-header: the headers found and the header sets accepted. */
  found?: string[];
  needed?: string[];
  /** For too-big and line-too-long: bytes found (too-big) and the limit. */
  size?: number;
  limit?: number;
  /** A library's own short reason, e.g. csv-parse's code, for the curious. */
  reason?: string;
}

export class InputError extends Error {
  constructor(readonly problem: InputProblem) {
    super(`${problem.code}${problem.file ? ` in ${problem.file}` : ''}${problem.line ? `:${problem.line}` : ''}`);
    this.name = 'InputError';
  }
}

/** Longest line (or CSV record) any reader accepts: LanScope rows are under 200 bytes, an export row too. */
export const MAX_LINE_BYTES = 1024 * 1024;

/** What csv-parse says, by its error code (its codes, as of csv-parse 5–7). */
const CSV_CODES: Record<string, InputProblemCode> = {
  CSV_QUOTE_NOT_CLOSED: 'csv-quote-not-closed',
  INVALID_OPENING_QUOTE: 'csv-quote-inside',
  CSV_INVALID_OPENING_QUOTE: 'csv-quote-inside',
  CSV_INVALID_CLOSING_QUOTE: 'csv-quote-after',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'csv-quote-after',
  CSV_MAX_RECORD_SIZE: 'line-too-long',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'csv-fields',
  CSV_RECORD_INCONSISTENT_COLUMNS: 'csv-fields',
  CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH: 'csv-fields',
};

/** A csv-parse error (CsvError), told apart from I/O errors by its code. */
export function isCsvError(err: unknown): boolean {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && (code in CSV_CODES || code.startsWith('CSV_'));
}

/**
 * The one mapping from a csv-parse error to an input problem, used by every reader: its code and the line
 * it stopped on, never its message (which quotes the value). csv-parse cannot place two errors: an
 * unclosed quote (it stops at the end of the file) and an overlong record (a quote left open makes the
 * rest of the file one record, so the real cause is the quote). For those the caller scans the text
 * (QuoteTracker) and passes what it found; a scan of everything before the error also turns csv-parse's
 * line into the file's (after a quoted value holding CRLF, csv-parse's count is one line ahead per CRLF).
 */
export function csvProblem(err: unknown, file: string, kind: InputKind, scan?: QuoteScan): InputProblem {
  const e = err as { code?: string; lines?: number };
  let code = (e.code !== undefined && CSV_CODES[e.code]) || 'csv-syntax';
  // csv-parse counts a CRLF inside quotes as two lines: the scan, when given, knows the file's line.
  let line = typeof e.lines === 'number' ? (scan?.realLine?.(e.lines) ?? e.lines) : undefined;
  if ((code === 'csv-quote-not-closed' || code === 'line-too-long') && scan?.unclosedOn !== undefined) {
    code = 'csv-quote-not-closed';
    line = scan.unclosedOn;
  } else if (code === 'line-too-long' && scan?.longRecordOn !== undefined) {
    line = scan.longRecordOn;
  }
  return {
    code,
    kind,
    file,
    line,
    reason: e.code,
    ...(code === 'line-too-long' ? { limit: MAX_LINE_BYTES } : {}),
  };
}

/** The csv-parse codes whose line only a scan of the text can give (see csvProblem). */
export function needsQuoteScan(err: unknown): boolean {
  const code = (err as { code?: unknown } | undefined)?.code;
  return code === 'CSV_QUOTE_NOT_CLOSED' || code === 'CSV_MAX_RECORD_SIZE';
}
