import { useRef } from 'react';

/** The first visible index of a list of `count` rows, `height` at a time, moved just enough to keep `selected` in view. */
export function useScrollWindow(count: number, selected: number, height: number): number {
  const offset = useRef(0);
  const visible = Math.max(1, height);
  if (selected >= 0) {
    if (selected < offset.current) offset.current = selected;
    if (selected >= offset.current + visible) offset.current = selected - visible + 1;
  }
  offset.current = Math.min(Math.max(0, offset.current), Math.max(0, count - visible));
  return offset.current;
}
