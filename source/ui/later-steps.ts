import { useEffect, useState } from 'react';

type LaterStepsModule = typeof import('./steps/later.js');
export type LaterSteps = LaterStepsModule['LATER_STEPS'];

let loaded: LaterSteps | undefined;
let loading: Promise<LaterSteps> | undefined;

/**
 * Loads steps 2–7 once (in the bundle, a chunk of their own). The wizard starts this right after its
 * first frame, which then has less to evaluate (issue #5: first frame ≤ 300 ms); tests await it before
 * rendering so that every step draws at once.
 */
export function loadLaterSteps(): Promise<LaterSteps> {
  loading ??= import('./steps/later.js').then((m) => (loaded = m.LATER_STEPS));
  return loading;
}

type LaterState = { steps: LaterSteps | undefined; error: string | undefined; demoError?: string | undefined };

const reasonOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Steps 2–7 once loaded, and once `ready` (the demo's files, written after the first frame) has settled:
 * no step that reads a file can be reached before the file is there. `error` when the steps could not
 * be loaded (a damaged install), `demoError` when the demo's files could not be written (a full disk),
 * each shown instead of the step.
 */
export function useLaterSteps(ready?: Promise<unknown>): LaterState {
  const [state, setState] = useState<LaterState>({ steps: ready ? undefined : loaded, error: undefined });
  useEffect(() => {
    if (state.steps || state.error || state.demoError) return;
    let live = true;
    const demoError = ready?.then(
      () => undefined,
      (err: unknown) => reasonOf(err),
    );
    Promise.all([loadLaterSteps(), demoError]).then(
      ([steps, demoFailed]) => live && setState(demoFailed ? { steps: undefined, error: undefined, demoError: demoFailed } : { steps, error: undefined }),
      (err: unknown) => live && setState({ steps: undefined, error: reasonOf(err) }),
    );
    return () => {
      live = false;
    };
  }, [state.steps, state.error, state.demoError, ready]);
  return state;
}
