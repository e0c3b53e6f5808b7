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

/**
 * A text of several lines, each line escaped: the line breaks a message is made of stay, a control
 * character inside a line (a value read from a file, a server's words) is shown escaped.
 */
export function escapeLines(text: string): string {
  return text.split('\n').map(escapeControls).join('\n');
}

/** Most of a value any message repeats: enough to recognise it, never a screenful. */
export const MAX_SHOWN_CHARS = 100;

/**
 * `abc…xyz (400000 chars)` for a value longer than `max` characters: both ends kept, the middle cut and
 * the length said; the value itself otherwise. Not escaped (shown() escapes and shortens).
 */
export function shortenMiddle(text: string, max = MAX_SHOWN_CHARS): string {
  if (text.length <= max) return text;
  const half = Math.floor((max - 1) / 2);
  // Cut between code points, never inside a surrogate pair.
  const head = Array.from(text.slice(0, half + 1)).slice(0, -1).join('');
  const tail = Array.from(text.slice(-half - 1)).slice(1).join('');
  return `${head}…${tail} (${text.length} chars)`;
}

/** One character as shown: an escape (`\u0000`, `\n`) or a code point. */
const SHOWN_CHAR = /\\u[0-9A-F]{4}|\\[nrt]|[\s\S]/gu;
const LONE_SURROGATE = /^[\uD800-\uDFFF]$/u;

/**
 * Text escaped, in the pieces a cut may fall between: an escape (`\u001B`, six characters) is one piece,
 * so no cut leaves `\u00` on screen. The wizard's column fitting and shown() both cut on these.
 */
export function shownUnits(text: string): string[] {
  return escapeControls(text).match(SHOWN_CHAR) ?? [];
}

/**
 * A value as any message shows it: escaped, and at most `max` characters of that escaped form (an escape
 * is six characters: a value of NUL bytes must not grow sixfold), never cutting an escape in half.
 */
export function shown(text: string, max = MAX_SHOWN_CHARS): string {
  if (text.length <= max) {
    const escaped = escapeControls(text);
    if (escaped.length <= max) return escaped;
  }
  const half = Math.floor((max - 1) / 2);
  const take = (chars: string[]): string[] => {
    const out: string[] = [];
    let used = 0;
    for (const c of chars) {
      // Half of a surrogate pair, left by the cut: dropped.
      if (LONE_SURROGATE.test(c)) continue;
      if (used + c.length > half) break;
      out.push(c);
      used += c.length;
    }
    return out;
  };
  const head = take(shownUnits(text.slice(0, half))).join('');
  const tail = take(shownUnits(text.slice(-half)).reverse()).reverse().join('');
  return `${head}…${tail} (${text.length} chars)`;
}
