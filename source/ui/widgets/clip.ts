import { displayWidth } from '../../core/display-width.js';
import { escapeControls } from '../../core/printable.js';

/**
 * Cuts text to `width` terminal columns (control characters escaped first), ending in `…`, counting 勤怠 as two columns each. Ink's own
 * truncation can come out one column wide when the cut falls inside a wide character, which pushes the
 * next cell over; cells are clipped here first so that never happens.
 */
export function clip(raw: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  // Cells show values from files (user names, service accounts): escaped, so none can drive the terminal.
  const text = escapeControls(raw);
  if (displayWidth(text) <= width) return text;
  const mark = displayWidth(ellipsis);
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (used + w > width - mark) break;
    out += ch;
    used += w;
  }
  return `${out}${ellipsis}`;
}

/** Cuts text to `width` columns in the middle (`/tmp/lan…/logs`): both ends of a path say the most. */
export function clipMiddle(raw: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  // Paths and file names from the admin's folders: escaped as in clip.
  const text = escapeControls(raw);
  if (displayWidth(text) <= width) return text;
  const chars = [...text];
  const room = Math.max(0, width - displayWidth(ellipsis));
  let head = '';
  let used = 0;
  for (const ch of chars) {
    if (used + displayWidth(ch) > Math.ceil(room / 2)) break;
    head += ch;
    used += displayWidth(ch);
  }
  let tail = '';
  for (let j = chars.length - 1; j >= 0; j--) {
    if (used + displayWidth(chars[j]!) > room) break;
    tail = chars[j]! + tail;
    used += displayWidth(chars[j]!);
  }
  return `${head}${ellipsis}${tail}`;
}
