import { displayWidth } from '../../core/display-width.js';

/**
 * Cuts text to `width` terminal columns, ending in `…`, counting 勤怠 as two columns each. Ink's own
 * truncation can come out one column wide when the cut falls inside a wide character, which pushes the
 * next cell over; cells are clipped here first so that never happens.
 */
export function clip(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
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
