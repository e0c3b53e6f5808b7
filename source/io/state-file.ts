import { readFile } from 'node:fs/promises';
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

/** The last run's state; undefined when the file does not exist yet (the first run). */
export async function readState(file: string): Promise<WatchState | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new StateFileError(file, 'unreadable', code ?? (err instanceof Error ? err.message : String(err)));
  }
  const state = parseState(text);
  if ('problem' in state) throw new StateFileError(file, state.problem);
  return state;
}

/** Whole or not at all (temporary file + rename): an interrupted run leaves the last state as it was. */
export function writeState(file: string, state: WatchState): void {
  writeFileAtomic(file, JSON.stringify(state, null, 1) + '\n');
}
