/**
 * Values read from files (user names, service accounts, headers, file names) end up in one-line messages
 * on the admin's terminal. A control character in them could retitle or clear the terminal, and a line
 * break would split the message: they are shown escaped (`\x1B`, `\n`), as are the characters that
 * reorder text (bidirectional overrides). Long values are clipped.
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function escapeControls(text: string): string {
  return text.replace(UNPRINTABLE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** Most of a value any message repeats: enough to recognise it, never a screenful. */
export const MAX_SHOWN_CHARS = 100;

/** `abc…xyz (400000 chars)` for a value longer than `max`; the value itself otherwise. */
export function clip(text: string, max = MAX_SHOWN_CHARS): string {
  if (text.length <= max) return text;
  const half = Math.floor((max - 1) / 2);
  // Cut between code points, never inside a surrogate pair.
  const head = Array.from(text.slice(0, half + 1)).slice(0, -1).join('');
  const tail = Array.from(text.slice(-half - 1)).slice(1).join('');
  return `${head}…${tail} (${text.length} chars)`;
}

/** A value as any message shows it: clipped, then escaped. */
export function shown(text: string, max = MAX_SHOWN_CHARS): string {
  return escapeControls(clip(text, max));
}
