import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  focus: boolean;
  /** Secrets: ink-text-input repeats the mask per character; the value itself is never rendered. */
  mask?: string;
  placeholder?: string;
  labelWidth?: number;
  /** Right of the value: a counter such as "31/32". */
  counter?: { text: string; ok: boolean } | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  note?: string | undefined;
}

/** A labelled one-line input with what is wrong (red), or a note (green), or a hint (dim) under it. */
export function TextField({ label, value, onChange, focus, mask, placeholder, labelWidth = 22, counter, hint, error, note }: TextFieldProps) {
  return (
    <Box flexDirection="column">
      <Box>
        <Box width={labelWidth} flexShrink={0}>
          <Text color={focus ? 'cyan' : undefined} bold={focus} wrap="truncate-end">
            {focus ? '› ' : '  '}
            {label}
          </Text>
        </Box>
        <Box flexShrink={1}>
          <TextInput value={value} onChange={onChange} focus={focus} {...(mask !== undefined ? { mask } : {})} placeholder={placeholder ?? ''} />
        </Box>
        {counter ? (
          <Box marginLeft={2} flexShrink={0}>
            <Text color={counter.ok ? 'green' : 'yellow'}>{counter.text}</Text>
          </Box>
        ) : null}
      </Box>
      {error ? (
        <Box marginLeft={labelWidth}>
          <Text color="red">✖ {error}</Text>
        </Box>
      ) : note ? (
        <Box marginLeft={labelWidth}>
          <Text color="green">{note}</Text>
        </Box>
      ) : hint ? (
        <Box marginLeft={labelWidth}>
          <Text dimColor>{hint}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
