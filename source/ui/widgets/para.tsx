import { Box, Text } from 'ink';
import { wrapText } from '../../core/wrap-text.js';
import { fitColumns } from './fit-columns.js';
import { narrowSafeText } from '../glyphs.js';
import { useT } from '../i18n.js';
import { escapeLines } from '../../core/printable.js';

export interface ParaProps {
  text: string;
  /** Columns the text may use. */
  width: number;
  color?: string | undefined;
  dimColor?: boolean;
  bold?: boolean;
  /** At most this many lines; the last one shown ends in the ellipsis when more were cut. */
  maxLines?: number;
  ellipsis?: string;
}

/** A paragraph wrapped by core/wrap-text.ts (phrase breaks in Japanese, no line starting with a space). */
export function Para({ text, width, color, dimColor = false, bold = false, maxLines, ellipsis }: ParaProps) {
  const { g } = useT();
  // Paths and names read from files come in here as they are: control characters escaped (`\u001B`), as
  // doctor's lines are; line breaks stay (the catalogs' texts use them). The narrow-safe set makes them safe too.
  const shown = escapeLines(text);
  const lines = fitLines(g.safe ? narrowSafeText(shown) : shown, width, maxLines, ellipsis ?? g.ellipsis);
  return (
    <Box flexDirection="column" flexShrink={0}>
      {lines.map((line, i) => (
        <Text key={i} color={color} dimColor={dimColor} bold={bold} wrap="truncate-end">
          {line || ' '}
        </Text>
      ))}
    </Box>
  );
}

/** The lines of `text` at `width`, at most `maxLines`: the last one filled with what is left, cut with the ellipsis. */
export function fitLines(text: string, width: number, maxLines: number | undefined, ellipsis = '…'): string[] {
  const lines = wrapText(text, width);
  if (maxLines === undefined || lines.length <= maxLines) return lines;
  const keep = Math.max(1, maxLines);
  const rest = lines.slice(keep - 1).reduce((joined, line) => (joined === '' ? line : /[ -~]$/.test(joined) || /^[ -~]/.test(line) ? `${joined} ${line}` : joined + line), '');
  return [...lines.slice(0, keep - 1), fitColumns(rest, width, ellipsis)];
}

/** How many lines Para will draw. */
export const paraLines = (text: string, width: number, maxLines?: number): number => Math.min(wrapText(escapeLines(text), width).length, maxLines ?? Infinity);
