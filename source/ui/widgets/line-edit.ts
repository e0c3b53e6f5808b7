import type { Key } from 'ink';
import { printable } from './key-chunks.js';

/** A one-line field's text and where the cursor stands in it (in characters, not UTF-16 units). */
export interface LineState {
  value: string;
  cursor: number;
  /** Set when an insertion did not fit `maxLength` and its rest was dropped. */
  cut?: boolean;
}

/**
 * One key applied to a one-line field, or undefined when the key is not an editing key (Enter, Tab,
 * ↑↓, Esc are the step's). Backspace and Ink's `delete` (what the Backspace key sends, DEL) both
 * remove the character before the cursor; nothing that is not printable ever gets in, and never more
 * than `maxLength` characters (what a paste brings beyond them is dropped, and `cut` says so).
 */
export function editLine({ value, cursor }: LineState, input: string, key: Key, maxLength = Infinity): LineState | undefined {
  const chars = [...value];
  const at = Math.max(0, Math.min(cursor, chars.length));
  if (key.return || key.tab || key.escape || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return undefined;
  if (key.leftArrow) return { value, cursor: Math.max(0, at - 1) };
  if (key.rightArrow) return { value, cursor: Math.min(chars.length, at + 1) };
  if (key.home || (key.ctrl && input === 'a')) return { value, cursor: 0 };
  if (key.end || (key.ctrl && input === 'e')) return { value, cursor: chars.length };
  if (key.backspace || key.delete) {
    if (at === 0) return { value, cursor: at };
    return { value: [...chars.slice(0, at - 1), ...chars.slice(at)].join(''), cursor: at - 1 };
  }
  // Ctrl-U empties the field up to the cursor, as in a shell.
  if (key.ctrl && input === 'u') return { value: chars.slice(at).join(''), cursor: 0 };
  if (key.ctrl || key.meta) return undefined;
  const typed = [...printable(input)];
  if (typed.length === 0) return undefined;
  const text = typed.slice(0, Math.max(0, maxLength - chars.length));
  const cut = text.length < typed.length;
  return { value: [...chars.slice(0, at), ...text, ...chars.slice(at)].join(''), cursor: at + text.length, ...(cut ? { cut } : {}) };
}
