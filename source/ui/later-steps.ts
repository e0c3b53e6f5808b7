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

/** Steps 2–7 once loaded; `error` when they could not be (a damaged install), shown instead of the step. */
export function useLaterSteps(): { steps: LaterSteps | undefined; error: string | undefined } {
  const [state, setState] = useState<{ steps: LaterSteps | undefined; error: string | undefined }>({ steps: loaded, error: undefined });
  useEffect(() => {
    if (state.steps) return;
    let live = true;
    loadLaterSteps().then(
      (steps) => live && setState({ steps, error: undefined }),
      (err: unknown) => live && setState({ steps: undefined, error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [state.steps]);
  return state;
}
