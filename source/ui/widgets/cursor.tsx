import { Box, Text } from 'ink';
import { useT } from '../i18n.js';

/**
 * The `› ` in front of the selected row. It must not shrink: when a row overflows, Ink takes a column
 * from every shrinkable child, and a two-space Text losing one shifts the whole row left.
 */
export function Cursor({ on }: { on: boolean }) {
  const { g } = useT();
  return (
    <Box width={2} flexShrink={0}>
      <Text color="cyan">{on ? g.cursor : ' '}</Text>
    </Box>
  );
}
