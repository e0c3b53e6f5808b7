/**
 * Everything that makes an input unreadable is one of these codes. The core only names the problem and
 * where it is; the i18n catalog turns it into one line that says what to do. Doctor exits 2 on them.
 */
export type InputProblemCode =
  | 'not-found'
  | 'not-a-file'
  | 'not-a-directory'
  | 'unreadable'
  | 'empty'
  | 'binary'
  | 'csv-syntax'
  | 'csv-fields'
  | 'unknown-header'
  | 'bad-datetime'
  | 'bad-log-type';

export interface InputProblem {
  code: InputProblemCode;
  file?: string;
  line?: number;
  /** The column or field the problem is in. */
  field?: string;
  /** The offending value, already safe to print (never a secret). */
  value?: string;
  /** For unknown-header: the headers found and the header sets accepted. */
  found?: string[];
  needed?: string[];
  /** A library's own short reason, e.g. csv-parse's, for the curious. */
  reason?: string;
}

export class InputError extends Error {
  constructor(readonly problem: InputProblem) {
    super(`${problem.code}${problem.file ? ` in ${problem.file}` : ''}${problem.line ? `:${problem.line}` : ''}`);
    this.name = 'InputError';
  }
}

/** csv-parse throws CsvError with a code and the line it stopped at; keep both, drop the stack. */
export function csvProblem(err: unknown, file: string): InputProblem {
  const e = err as { code?: string; lines?: number; message?: string };
  const fields = e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || e.code === 'CSV_RECORD_INCONSISTENT_COLUMNS';
  return {
    code: fields ? 'csv-fields' : 'csv-syntax',
    file,
    line: typeof e.lines === 'number' ? e.lines : undefined,
    reason: e.code ?? e.message,
  };
}
