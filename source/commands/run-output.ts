import type { SinceLast, WatchState } from '../core/since-last.js';
import type { Lang } from '../i18n/message.js';
import { tr } from '../i18n/reconcile.js';
import type { RunRecord, WrittenKind } from '../io/run-record.js';
import { writeFileAtomic } from '../io/upload-file.js';
import { writeState, type StateFileError } from '../io/state-file.js';

/** What doctor, reconcile and watch write besides stdout (CSV, state, report), and the state's closing lines. */
export class OutputError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'OutputError';
  }
}

/**
 * Writes a file whole (temporary file + rename) and notes it in the run's record (what a Ctrl-C says was
 * written); a failure names the file and changes nothing else.
 */
export function writeOutput(file: string, text: string | undefined, how: { kind: WrittenKind; record?: RunRecord | undefined; write?: () => void }): void {
  try {
    (how.write ?? (() => writeFileAtomic(file, text ?? '')))();
  } catch (err) {
    throw new OutputError(file, (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err)));
  }
  how.record?.wrote(how.kind, file);
}

export function sinceLastFooter(since: SinceLast, recorded: number, file: string, lang: Lang): string {
  if (!since.previousAt) return tr(lang, 'sl.baseline', { file, count: recorded }) + '\n';
  const lines = [since.changes.length ? tr(lang, 'sl.header', { at: since.previousAt, count: since.changes.length }) : tr(lang, 'sl.nothingNew', { at: since.previousAt })];
  if (since.resolved.length) lines.push(tr(lang, 'sl.resolved', { count: since.resolved.length }));
  return lines.join('\n') + '\n';
}

/** 2026-12-01T10:30:05+09:00: the state file speaks KING OF TIME's time zone, wherever this runs. */
export function isoJst(now: Date): string {
  return new Date(now.getTime() + 9 * 3600 * 1000).toISOString().slice(0, 19) + '+09:00';
}


/** The one line (exit 2) for a state file that cannot be used or an output that cannot be written. */
export function stateOrOutputText(err: StateFileError | OutputError, lang: Lang): string {
  if (err instanceof OutputError) return tr(lang, 'rc.writeFailed', { file: err.file, reason: err.reason });
  return tr(lang, 'sl.badState', { file: err.file, problem: err.problem, reason: err.reason ?? '' });
}

/** Records this run for the next one, whole or not at all, without the known secrets. */
export function saveState(file: string, state: WatchState, secrets: readonly string[], record: RunRecord | undefined): void {
  writeOutput(file, undefined, { kind: 'state', record, write: () => writeState(file, state, secrets) });
}
