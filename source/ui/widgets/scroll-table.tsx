import { fitColumns } from './fit-columns.js';
import { displayWidth } from '../../core/display-width.js';
import { useScrollWindow } from './scroll-window.js';
import { Box, Text } from 'ink';
import { useT } from '../i18n.js';
import { narrowSafeText } from '../glyphs.js';

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
  /** Rows that fit (the header and the position line come on top): only these are rendered, so thousands of rows cost nothing. */
  height: number;
  rowColor?: (row: T) => string | undefined;
  /** Extra text after the cells (e.g. a suggested fix), truncated to what is left. */
  trailing?: (row: T, selected: boolean) => string;
  empty?: string;
  /** Columns the table may use: the trailing text is cut to what is left. */
  width: number;
}

/**
 * A table that renders only its visible window. Each row is one line of text whose cells are padded to
 * their width here (勤怠 太郎 counts 9 columns): one layout node per row instead of one per cell, so a key
 * press re-lays out a few dozen nodes, and rows are keyed by position so scrolling reuses them.
 */
export function ScrollTable<T>({ rows, columns, selected, height, rowColor, trailing, empty, width }: ScrollTableProps<T>) {
  const { g } = useT();
  const show = (text: string): string => (g.safe ? narrowSafeText(text) : text);
  const visible = Math.max(1, height);
  const start = useScrollWindow(rows.length, selected, visible);
  const slice = rows.slice(start, start + visible);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        {'  '}
        {columns.map((c, i) => (
          <Text key={i} bold underline>
            {cellText(c.title, c.width, g.ellipsis)}
          </Text>
        ))}
      </Text>
      {slice.length === 0 && empty ? <Text dimColor>  {empty}</Text> : null}
      {slice.map((row, i) => {
        const isSelected = start + i === selected;
        const color = rowColor?.(row);
        return (
          <Text key={i} wrap="truncate-end">
            <Text color="cyan">{isSelected ? `${g.cursor} ` : '  '}</Text>
            {columns.map((c, j) => (
              <Text key={j} color={c.color?.(row) ?? color} inverse={isSelected && j === 0}>
                {cellText(show(c.cell(row)), c.width, g.ellipsis)}
              </Text>
            ))}
            {trailing ? fitColumns(show(trailing(row, isSelected)), width - 2 - columns.reduce((n, c) => n + c.width + 1, 0), g.ellipsis) : null}
          </Text>
        );
      })}
      {rows.length > visible ? (
        <Text dimColor>
          {'  '}
          {start + 1}
          {g.safe ? '-' : '–'}
          {start + slice.length} / {rows.length}
        </Text>
      ) : null}
    </Box>
  );
}

/** A cell clipped and padded to its width, then the one-column gap. */
function cellText(text: string, width: number, ellipsis: string): string {
  const clipped = fitColumns(text, width, ellipsis);
  return clipped + ' '.repeat(Math.max(0, width - displayWidth(clipped)) + 1);
}
