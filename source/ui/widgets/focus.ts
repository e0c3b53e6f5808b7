import { useState } from 'react';
import type { Key } from 'ink';

export interface FocusList<F extends string> {
  current: F;
  set: (field: F) => void;
  /** Tab / ↓ forward, Shift-Tab / ↑ back; true when the key was one of those. */
  move: (key: Key) => boolean;
}

/**
 * Which field of a step has the keyboard. The list may change as fields appear (a proxy that needs
 * authentication); a focus on a field that disappeared falls back to the first.
 */
export function useFocusList<F extends string>(fields: readonly F[], initial?: F): FocusList<F> {
  const [focused, setFocused] = useState<F>(initial ?? fields[0]!);
  const current = fields.includes(focused) ? focused : fields[0]!;
  const step = (delta: number): void => {
    const i = fields.indexOf(current);
    setFocused(fields[(i + delta + fields.length) % fields.length]!);
  };
  return {
    current,
    set: setFocused,
    move: (key) => {
      if ((key.tab && key.shift) || key.upArrow) {
        step(-1);
        return true;
      }
      if (key.tab || key.downArrow) {
        step(1);
        return true;
      }
      return false;
    },
  };
}
