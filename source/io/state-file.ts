import { readFile, stat } from 'node:fs/promises';
import { redactKnownSecrets } from '../core/secret.js';
import { parseState, type StateProblem, type WatchState } from '../core/since-last.js';
import { writeFileAtomic } from './upload-file.js';

/** The state file could not be used: named, never overwritten. */
export class StateFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: StateProblem | 'unreadable',
    readonly reason?: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'StateFileError';
  }
}

/** A state file holds a few hundred findings at most. */
const MAX_STATE_BYTES = 16 * 1024 * 1024;

/** The last run's state; undefined when the file does not exist yet (the first run). */
export async function readState(file: string): Promise<WatchState | undefined> {
  let text: string;
  try {
    // Checked before it is opened: a FIFO would block the read forever, a device never end (issue 9).
    const info = await stat(file);
    if (!info.isFile()) throw new StateFileError(file, 'unreadable', 'not a regular file');
    if (info.size > MAX_STATE_BYTES) throw new StateFileError(file, 'unreadable', `${info.size} bytes`);
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (err instanceof StateFileError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new StateFileError(file, 'unreadable', code ?? (err instanceof Error ? err.message : String(err)));
  }
  const state = parseState(text);
  if ('problem' in state) throw new StateFileError(file, state.problem);
  return state;
}

/**
 * Whole or not at all (temporary file + rename): an interrupted run leaves the last state as it was.
 * User names and codes come from files that may hold a pasted secret: the known secrets are redacted.
 */
export function writeState(file: string, state: WatchState, secrets: readonly string[]): void {
  writeFileAtomic(file, redactKnownSecrets(JSON.stringify(state, null, 1) + '\n', secrets));
}
