import { Box, Text } from 'ink';
import type { CheckStatus } from '../../core/checks/check.js';
import { StatusMark } from './status-mark.js';

/** `✔ pass  what was found`, wrapped lines indented under the text, not under the mark. */
export function Finding({ status, text }: { status: CheckStatus; text: string }) {
  return (
    <Box>
      <Box flexShrink={0} marginRight={1}>
        <StatusMark status={status} />
      </Box>
      <Box flexShrink={1}>
        <Text>{text}</Text>
      </Box>
    </Box>
  );
}

/** `→ what to do`, in yellow, wrapped lines indented under the text. */
export function Advice({ text, indent = 2 }: { text: string; indent?: number }) {
  return (
    <Box marginLeft={indent}>
      <Box width={2} flexShrink={0}>
        <Text color="yellow">→</Text>
      </Box>
      <Box flexShrink={1}>
        <Text color="yellow">{text}</Text>
      </Box>
    </Box>
  );
}
