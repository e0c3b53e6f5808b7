import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useInput, useStdin, type Key } from 'ink';
import { splitKeys, type KeyPress } from './key-chunks.js';

type Handler = (input: string, key: Key) => void;

interface Keyboard {
  subscribe: (handler: { current: Handler; active: boolean }) => () => void;
}

const KeyboardContext = createContext<Keyboard | undefined>(undefined);

/**
 * The wizard's one reader of the terminal. A read may hold several keys (a paste, RDP, fast typing):
 * they are split (key-chunks.ts) and handed out one per render, so the Enter at the end of a pasted
 * `ABC123⏎` is judged on the value the text before it produced, as if typed key by key.
 */
export function KeyboardProvider({ children, isActive = true }: { children: ReactNode; isActive?: boolean }) {
  const handlers = useRef(new Set<{ current: Handler; active: boolean }>());
  const queue = useRef<KeyPress[]>([]);
  // Whether the last read ended in a CR: an LF that comes alone next is the rest of that line end.
  const line = useRef({ endedInCR: false });
  const [, setDelivered] = useState(0);
  const { isRawModeSupported } = useStdin();

  const deliverOne = useCallback(() => {
    const next = queue.current.shift();
    if (!next) return;
    for (const handler of [...handlers.current]) if (handler.active) handler.current(next.input, next.key);
    // Re-render so that the next key meets the handlers of the state this one produced.
    setDelivered((n) => n + 1);
  }, []);

  useInput(
    (input, key) => {
      const waiting = queue.current.length > 0;
      queue.current.push(...splitKeys(input, key, line.current));
      if (!waiting) deliverOne();
    },
    { isActive: isActive && isRawModeSupported !== false },
  );

  // After each commit (children's handlers are current by then): the next key, if any.
  useEffect(() => {
    if (queue.current.length > 0) deliverOne();
  });

  const keyboard = useRef<Keyboard>({
    subscribe: (handler) => {
      handlers.current.add(handler);
      return () => {
        handlers.current.delete(handler);
      };
    },
  });
  return <KeyboardContext.Provider value={keyboard.current}>{children}</KeyboardContext.Provider>;
}

/**
 * A key handler that always sees the latest render. Under a KeyboardProvider it gets one key at a time;
 * without one (a widget rendered alone) it falls back to Ink's `useInput`, keys split the same way.
 */
export function useKeys(handler: Handler, options: { isActive?: boolean } = {}): void {
  const keyboard = useContext(KeyboardContext);
  const entry = useRef({ current: handler, active: options.isActive !== false });
  entry.current.current = handler;
  entry.current.active = options.isActive !== false;
  useEffect(() => keyboard?.subscribe(entry.current), [keyboard]);
  const line = useRef({ endedInCR: false });
  const fallback = useCallback((input: string, key: Key) => {
    for (const k of splitKeys(input, key, line.current)) entry.current.current(k.input, k.key);
  }, []);
  useInput(fallback, { isActive: !keyboard && options.isActive !== false });
}
