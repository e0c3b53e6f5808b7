import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { useT } from '../i18n.js';
import { Para, paraLines } from './para.js';

/** A piece of a step with the lines it takes (known because text is wrapped by core/wrap-text.ts). */
export interface Block {
  key: string;
  lines: number;
  node: ReactNode;
}

/**
 * Which blocks fit `height` lines with the block `focus` in view: from the top when the focused block
 * is within reach (the step's introduction stays), else from the focused block down as far as they
 * fit, then upwards with what room is left; a line says when something is cut above or below. Pure, so
 * a step knows what it shows.
 */
export function blockWindow(lines: readonly number[], focus: number, height: number): { first: number; last: number; above: boolean; below: boolean } {
  const total = lines.reduce((a, b) => a + b, 0);
  if (total <= height) return { first: 0, last: lines.length - 1, above: false, below: false };
  const f = Math.max(0, Math.min(focus, lines.length - 1));
  let fromTop = -1;
  for (let used = 0; fromTop + 1 < lines.length && used + lines[fromTop + 1]! <= height - 1; ) used += lines[++fromTop]!;
  if (f <= fromTop) return { first: 0, last: fromTop, above: false, below: true };
  // Room for the "more above" and "more below" lines is taken only when they are needed.
  for (const [topLine, bottomLine] of [[0, 1], [1, 1], [1, 0], [0, 0]] as const) {
    const room = height - topLine - bottomLine;
    let first = f;
    let last = f;
    let used = lines[f]!;
    while (last + 1 < lines.length && used + lines[last + 1]! <= room) used += lines[++last]!;
    while (first > 0 && used + lines[first - 1]! <= room) used += lines[--first]!;
    const above = first > 0;
    const below = last < lines.length - 1;
    if (above === (topLine === 1) && below === (bottomLine === 1)) return { first, last, above, below };
  }
  return { first: f, last: f, above: f > 0, below: f < lines.length - 1 };
}

/** A step's blocks, scrolled to keep the focused one in view: the step never grows past its height. */
export function ScrollBlocks({ blocks, focus, height }: { blocks: readonly Block[]; focus: number; height: number }) {
  const { t } = useT();
  const w = blockWindow(
    blocks.map((b) => b.lines),
    focus,
    height,
  );
  return (
    <Box flexDirection="column">
      {w.above ? <Text dimColor>{t('app.moreAbove')}</Text> : null}
      {blocks.slice(w.first, w.last + 1).map((b) => (
        <Box key={b.key} flexDirection="column" flexShrink={0}>
          {b.node}
        </Box>
      ))}
      {w.below ? <Text dimColor>{t('app.moreBelow')}</Text> : null}
    </Box>
  );
}

/** A blank line between blocks. */
export const gapBlock = (key: string): Block => ({ key, lines: 1, node: <Text> </Text> });

/** A paragraph as a block, wrapped to `width` less its indent. */
export function textBlock(key: string, text: string, width: number, props: { dim?: boolean; color?: string | undefined; indent?: number } = {}): Block {
  const indent = props.indent ?? 0;
  return {
    key,
    lines: paraLines(text, width - indent),
    node: (
      <Box marginLeft={indent}>
        <Para text={text} width={width - indent} dimColor={props.dim ?? false} color={props.color} />
      </Box>
    ),
  };
}
