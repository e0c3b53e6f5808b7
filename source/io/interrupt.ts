/**
 * Ctrl-C that arrives as a signal rather than as a key. On Windows the console turns Ctrl-C into a
 * control event (SIGINT in Node), Ctrl-Break into SIGBREAK and closing the console window into SIGHUP;
 * without a listener Node ends at once with exit 1 and says nothing (seen under wine). On Linux a
 * terminal sends SIGINT when it is not in raw mode (doctor, reconcile, watch, schedule) and `kill -INT`
 * does anywhere. The wizard also reads Ctrl-C as a key (raw mode); this is the same stop for every
 * other way.
 */
export const INTERRUPT_SIGNALS = ['SIGINT', 'SIGBREAK', 'SIGHUP'] as const;

export interface SignalSource {
  prependListener(signal: NodeJS.Signals, listener: () => void): unknown;
  off(signal: NodeJS.Signals, listener: () => void): unknown;
}

/**
 * Calls `onStop` once on the first interrupt signal, before any other listener of it; returns a function
 * that stops listening. `onStop` should end the process itself (synchronously): conf's atomic writes
 * (when-exit) listen too and re-raise the signal after their own clean-up, which on Windows is
 * TerminateProcess — exit 1 and not a word — so whatever is to be said must be said first.
 */
export function onInterrupt(onStop: () => void, source: SignalSource = process): () => void {
  let stopped = false;
  const listener = (): void => {
    if (stopped) return;
    stopped = true;
    onStop();
  };
  for (const signal of INTERRUPT_SIGNALS) source.prependListener(signal, listener);
  return () => {
    for (const signal of INTERRUPT_SIGNALS) source.off(signal, listener);
  };
}

/** Exit code of a run stopped by Ctrl-C, as shells report SIGINT (128 + 2), on every platform. */
export const INTERRUPTED_EXIT_CODE = 130;
