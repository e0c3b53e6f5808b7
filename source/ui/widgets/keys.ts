import { useCallback, useRef } from 'react';
import { useInput, type Key } from 'ink';

/**
 * `useInput` with a handler that always sees the latest render. Ink re-attaches a `useInput` handler in
 * a passive effect, which runs a little after the frame is drawn: a key pressed in between would reach
 * the previous render's handler (Enter seen as "still reading the file"). One listener, stable for the
 * component's life, calls whatever handler the last render gave.
 */
export function useKeys(handler: (input: string, key: Key) => void, options: { isActive?: boolean } = {}): void {
  const latest = useRef(handler);
  latest.current = handler;
  const stable = useCallback((input: string, key: Key) => latest.current(input, key), []);
  useInput(stable, options);
}
