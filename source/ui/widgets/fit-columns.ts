import { displayWidth } from '../../core/display-width.js';
import { shownUnits } from '../../core/printable.js';

/**
 * Text fitted to `width` terminal columns, ending in `…` when cut, counting 勤怠 as two columns each.
 * Control characters are escaped first (cells show values from files: user names, service accounts, so
 * none can drive the terminal), and the cut falls between the pieces core/printable.ts's shown() cuts
 * between: never inside an escape (`\u001B` is kept or dropped whole) or a surrogate pair. Ink's own
 * truncation can come out one column wide when the cut falls inside a wide character, which pushes the
 * next cell over; cells are fitted here first so that never happens.
 */
export function fitColumns(raw: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  const units = shownUnits(raw);
  const text = units.join('');
  if (displayWidth(text) <= width) return text;
  const room = width - displayWidth(ellipsis);
  let out = '';
  let used = 0;
  for (const unit of units) {
    const w = displayWidth(unit);
    if (used + w > room) break;
    out += unit;
    used += w;
  }
  return `${out}${ellipsis}`;
}

/** Fitted by cutting in the middle (`/tmp/lan…/logs`): both ends of a path say the most. Escaped and cut as fitColumns. */
export function fitColumnsMiddle(raw: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  const units = shownUnits(raw);
  const text = units.join('');
  if (displayWidth(text) <= width) return text;
  const room = Math.max(0, width - displayWidth(ellipsis));
  let head = '';
  let used = 0;
  let i = 0;
  for (; i < units.length; i++) {
    const w = displayWidth(units[i]!);
    if (used + w > Math.ceil(room / 2)) break;
    head += units[i];
    used += w;
  }
  let tail = '';
  for (let j = units.length - 1; j >= i; j--) {
    const w = displayWidth(units[j]!);
    if (used + w > room) break;
    tail = units[j]! + tail;
    used += w;
  }
  return `${head}${ellipsis}${tail}`;
}
