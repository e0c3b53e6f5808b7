import { displayWidth } from '../core/display-width.js';

/** Lines taken by items laid out left to right, `gap` columns apart, whole items wrapping (Ink's flexWrap). */
export function packedLines(items: readonly string[], width: number, gap: number): number {
  let lines = 1;
  let used = 0;
  for (const item of items) {
    const w = displayWidth(item) + gap;
    if (used > 0 && used + w > width) {
      lines++;
      used = 0;
    }
    used += w;
  }
  return lines;
}
