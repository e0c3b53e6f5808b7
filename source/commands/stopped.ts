import { escapeLines } from '../core/printable.js';
import type { Lang } from '../i18n/message.js';
import { tr } from '../i18n/reconcile.js';
import { INTERRUPTED_EXIT_CODE, onInterrupt, type SignalSource } from '../io/interrupt.js';
import type { RunRecord } from '../io/run-record.js';

export type StoppableCommand = 'doctor' | 'reconcile' | 'watch' | 'schedule';

/**
 * The line a Ctrl-C prints: what was written whole before it (the state file, the CSV, the report, the task),
 * or that nothing was; that the next --since-last run starts from this one when its state file was written;
 * and what a tool this run started may or may not have done.
 */
export function stoppedLine(command: StoppableCommand, lang: Lang, record: Pick<RunRecord, 'written' | 'underway'>): string {
  const written = record.written.map(({ kind, target }) => tr(lang, `stop.written.${kind}`, { target }));
  const underway = record.underway ? tr(lang, `stop.underway.${record.underway.kind}`, { target: record.underway.target }) : '';
  // Paths and a task's name are quoted as given: escaped, so none drives the terminal.
  return escapeLines(tr(lang, 'stop.line', { command, written, state: record.written.some((w) => w.kind === 'state'), underway }));
}

export interface StopIo {
  stderr: { write(text: string): unknown };
  exit: (code: number) => void;
  source: SignalSource;
}

/**
 * Ctrl-C (or Ctrl-Break, or the console closed) ends the command at once, the same on Windows as on Linux:
 * the temporary files it holds removed, one line saying what is true at that moment, exit 130. Files are
 * written synchronously, each to a temporary file renamed into place, so a stop falls between two writes:
 * every file is the old one or the new one, whole, and no temporary file is left.
 */
export function stopOnInterrupt(command: StoppableCommand, lang: Lang, record: RunRecord, io: StopIo = { stderr: process.stderr, exit: process.exit, source: process }): () => void {
  return onInterrupt(() => {
    record.removeTemporary();
    io.stderr.write(`\n${stoppedLine(command, lang, record)}\n`);
    io.exit(INTERRUPTED_EXIT_CODE);
  }, io.source);
}
