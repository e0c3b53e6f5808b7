import type { ReactNode } from 'react';
import { clip } from './clip.js';
import { Cursor } from './cursor.js';
import { useScrollWindow } from './scroll-window.js';
import { Box, Text } from 'ink';

export interface Column<T> {
  title: string;
  width: number;
  cell: (row: T) => string;
  color?: (row: T) => string | undefined;
}

export interface ScrollTableProps<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  /** Index of the highlighted row, or -1 for none. */
  selected: number;
  /** Rows that fit: only these are rendered, so thousands of rows cost nothing. */
  height: number;
  rowColor?: (row: T) => string | undefined;
  /** Extra text after the cells (e.g. a suggested fix), truncated to what is left. */
  trailing?: (row: T, selected: boolean) => ReactNode;
  empty?: string;
}

/**
 * A table that renders only its visible window. Cells sit in fixed-width boxes: Ink measures wide
 * characters (勤怠 太郎 is 9 columns) and truncates inside the box, so columns stay aligned.
 */
export function ScrollTable<T>({ rows, columns, selected, height, rowColor, trailing, empty }: ScrollTableProps<T>) {
  const visible = Math.max(1, height);
  const start = useScrollWindow(rows.length, selected, visible);
  const slice = rows.slice(start, start + visible);
  return (
    <Box flexDirection="column">
      <Box>
        <Cursor on={false} />
        {columns.map((c, i) => (
          <Box key={i} width={c.width} marginRight={1} flexShrink={0}>
            <Text bold underline wrap="truncate-end">
              {clip(c.title, c.width)}
            </Text>
          </Box>
        ))}
      </Box>
      {slice.length === 0 && empty ? <Text dimColor>  {empty}</Text> : null}
      {slice.map((row, i) => {
        const index = start + i;
        const isSelected = index === selected;
        const color = rowColor?.(row);
        return (
          <Box key={index}>
            <Cursor on={isSelected} />
            {columns.map((c, j) => (
              <Box key={j} width={c.width} marginRight={1} flexShrink={0}>
                <Text wrap="truncate-end" color={c.color?.(row) ?? color} inverse={isSelected && j === 0}>
                  {clip(c.cell(row), c.width)}
                </Text>
              </Box>
            ))}
            {trailing ? (
              <Box flexShrink={1}>
                <Text wrap="truncate-end">{trailing(row, isSelected)}</Text>
              </Box>
            ) : null}
          </Box>
        );
      })}
      {rows.length > visible ? (
        <Text dimColor>
          {'  '}
          {start + 1}–{start + slice.length} / {rows.length}
        </Text>
      ) : null}
    </Box>
  );
}
