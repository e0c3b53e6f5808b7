import { useState } from 'react';
import { Box, Text } from 'ink';
import { displayWidth } from '../../core/display-width.js';
import { useT } from '../i18n.js';
import { useKeys } from './keys.js';
import { editLine } from './line-edit.js';
import { fitColumns } from './fit-columns.js';
import { Para, paraLines } from './para.js';
import { narrowSafeText } from '../glyphs.js';
import { escapeControls } from '../../core/printable.js';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  focus: boolean;
  /** Columns the field may use (label, value and counter). */
  width: number;
  /** Secrets: one mask character per character; the value itself is never rendered. */
  mask?: string;
  placeholder?: string;
  labelWidth?: number;
  /** Right of the value: a counter such as "31/32". */
  counter?: { text: string; ok: boolean } | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  note?: string | undefined;
  /** The focus mark before the label; off where another list carries the step's one mark (step 7). */
  marker?: boolean;
  /** At most this many characters are taken; `onCut` is told when a paste brought more. */
  maxLength?: number;
  onCut?: () => void;
}

export const LABEL_WIDTH = 22;

/** The lines a TextField takes: its own line and its message, wrapped under the value. */
export function textFieldLines({ width, labelWidth = LABEL_WIDTH, hint, error, note }: Pick<TextFieldProps, 'width' | 'labelWidth' | 'hint' | 'error' | 'note'>, fail = '✖'): number {
  const message = error ? `${fail} ${error}` : (note ?? hint);
  return 1 + (message ? paraLines(message, Math.max(10, width - labelWidth)) : 0);
}

/**
 * A labelled one-line input with what is wrong (red), or a note (green), or a hint (dim) under it,
 * wrapped in the value's column. Keys come one at a time (keys.tsx): a pasted `ABC⌫⏎` edits and then
 * submits; no control character ever reaches the value. The value stays on one line, scrolled
 * sideways to keep the cursor in view, so the field's height never depends on what was typed.
 */
export function TextField({ label, value, onChange, focus, width, mask, placeholder, labelWidth = LABEL_WIDTH, counter, hint, error, note, marker = true, maxLength, onCut }: TextFieldProps) {
  const { g } = useT();
  // The cursor belongs to the value it was set for: a value changed from outside (a repair, a path read
  // back) puts it at the end.
  const [pos, setPos] = useState(() => ({ value, cursor: [...value].length }));
  const cursor = pos.value === value ? pos.cursor : [...value].length;

  useKeys(
    (input, key) => {
      const edited = editLine({ value, cursor }, input, key, maxLength);
      if (!edited) return;
      setPos({ value: edited.value, cursor: edited.cursor });
      if (edited.value !== value) onChange(edited.value);
      if (edited.cut) onCut?.();
    },
    { isActive: focus },
  );

  const counterWidth = counter ? displayWidth(counter.text) + 2 : 0;
  const room = Math.max(4, width - labelWidth - counterWidth);
  // One character shown per character typed, so the cursor stays where it is: `?` for a control or bidi
  // character (typing never stores one, a value from elsewhere might) and, narrow-safe, for ambiguous ones.
  const shownChar = (ch: string): string => {
    if (escapeControls(ch) !== ch) return '?';
    if (!g.safe) return ch;
    const safe = narrowSafeText(ch);
    return safe.length === 1 ? safe : '?';
  };
  const shown = mask === undefined ? [...value].map(shownChar).join('') : mask.repeat([...value].length);
  const view = visiblePart([...shown], focus ? cursor : [...shown].length, room, g.ellipsis);
  const message = error ? { text: `${g.fail} ${error}`, color: 'red' } : note ? { text: note, color: 'green' } : hint ? { text: hint, dim: true } : undefined;

  return (
    <Box flexDirection="column" width={width}>
      <Box>
        <Box width={labelWidth} flexShrink={0}>
          <Text color={focus ? 'cyan' : undefined} bold={focus}>
            {focus && marker ? `${g.cursor} ` : '  '}
            {fitColumns(label, labelWidth - 3, g.ellipsis)}
          </Text>
        </Box>
        <Box flexGrow={1} flexShrink={1}>
          {value === '' && placeholder ? (
            <Text>
              {focus ? <Text inverse> </Text> : null}
              <Text dimColor>{placeholder}</Text>
            </Text>
          ) : (
            <Text wrap="truncate-end">
              {view.before}
              {focus ? <Text inverse>{view.at || ' '}</Text> : view.at}
              {view.after}
            </Text>
          )}
        </Box>
        {counter ? (
          <Box marginLeft={2} flexShrink={0}>
            <Text color={counter.ok ? 'green' : 'yellow'}>{counter.text}</Text>
          </Box>
        ) : null}
      </Box>
      {message ? (
        <Box marginLeft={labelWidth}>
          <Para text={message.text} width={Math.max(10, width - labelWidth)} color={message.color} dimColor={message.dim ?? false} />
        </Box>
      ) : null}
    </Box>
  );
}

/** The part of a long value that fits `room` columns with the cursor in it, cut ends marked. */
export function visiblePart(chars: readonly string[], cursor: number, room: number, ellipsis: string): { before: string; at: string; after: string } {
  const total = chars.reduce((n, c) => n + displayWidth(c), 0) + 1;
  if (total <= room) return { before: chars.slice(0, cursor).join(''), at: chars[cursor] ?? '', after: chars.slice(cursor + 1).join('') };
  const mark = displayWidth(ellipsis);
  // Walk back from the cursor as far as fits, then forward from there.
  let start = cursor;
  let used = displayWidth(chars[cursor] ?? ' ');
  while (start > 0 && used + displayWidth(chars[start - 1]!) <= room - 2 * mark) used += displayWidth(chars[--start]!);
  let end = cursor + 1;
  while (end < chars.length && used + displayWidth(chars[end]!) <= room - (start > 0 ? mark : 0) - mark) used += displayWidth(chars[end++]!);
  return {
    before: (start > 0 ? ellipsis : '') + chars.slice(start, cursor).join(''),
    at: chars[cursor] ?? '',
    after: chars.slice(cursor + 1, end).join('') + (end < chars.length ? ellipsis : ''),
  };
}
