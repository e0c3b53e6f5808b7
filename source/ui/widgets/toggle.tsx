import { Box, Text } from 'ink';
import { useT } from '../i18n.js';
import { Para, paraLines } from './para.js';

/** The lines a Toggle takes. */
export const toggleLines = (label: string, width: number, hint?: string): number => paraLines(label, Math.max(10, width - 6)) + (hint ? paraLines(hint, Math.max(10, width - 6)) : 0);

/** `[x] label`: Space toggles it when focused (the step's own input handler does that). */
export function Toggle({ label, checked, focus, hint, width }: { label: string; checked: boolean; focus: boolean; hint?: string | undefined; width: number }) {
  const { g } = useT();
  return (
    <Box flexDirection="column">
      <Box>
        <Box width={6} flexShrink={0}>
          <Text color={focus ? 'cyan' : undefined} bold={focus}>
            {focus ? `${g.cursor} ` : '  '}[{checked ? 'x' : ' '}]
          </Text>
        </Box>
        <Para text={label} width={Math.max(10, width - 6)} color={focus ? 'cyan' : undefined} bold={focus} />
      </Box>
      {hint ? (
        <Box marginLeft={6}>
          <Para text={hint} width={Math.max(10, width - 6)} dimColor />
        </Box>
      ) : null}
    </Box>
  );
}

/** An action row; Enter runs it when focused. The cursor mark carries the focus, not the inverse video. */
export function Button({ label, focus, disabled }: { label: string; focus: boolean; disabled?: boolean }) {
  const { g } = useT();
  return (
    <Text color={disabled ? 'gray' : focus ? 'cyan' : undefined} bold={focus} wrap="truncate-end">
      {focus ? `${g.cursor} ` : '  '}
      <Text inverse={focus && !disabled}>[ {label} ]</Text>
    </Text>
  );
}
