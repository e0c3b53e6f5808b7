import { Box, Text } from 'ink';

/** `[x] label`: Space toggles it when focused (the step's own input handler does that). */
export function Toggle({ label, checked, focus, hint }: { label: string; checked: boolean; focus: boolean; hint?: string | undefined }) {
  return (
    <Box flexDirection="column">
      <Text color={focus ? 'cyan' : undefined} bold={focus}>
        {focus ? '› ' : '  '}[{checked ? 'x' : ' '}] {label}
      </Text>
      {hint ? (
        <Box marginLeft={6}>
          <Text dimColor>{hint}</Text>
        </Box>
      ) : null}
    </Box>
  );
}

/** An action row; Enter runs it when focused. */
export function Button({ label, focus, disabled }: { label: string; focus: boolean; disabled?: boolean }) {
  return (
    <Text color={disabled ? 'gray' : focus ? 'cyan' : undefined} bold={focus} inverse={focus && !disabled}>
      {focus ? '› ' : '  '}[ {label} ]
    </Text>
  );
}
