import { Text } from 'ink';
import type { CheckStatus } from '../../core/checks/check.js';
import type { Glyphs } from '../glyphs.js';
import { useT } from '../i18n.js';

export const mark = (g: Glyphs, status: CheckStatus): string => g[status];
export const COLOR: Record<CheckStatus, string> = { pass: 'green', warn: 'yellow', fail: 'red', skip: 'gray' };

/** `✔ pass` / `✖ NG`: the mark, and the word so colour is never the only signal. */
export function StatusMark({ status, word = true }: { status: CheckStatus; word?: boolean }) {
  const { m, g } = useT();
  return (
    <Text color={COLOR[status]} bold={status === 'fail'}>
      {g[status]}
      {word ? ` ${m({ key: `status.${status}`, params: {} })}` : ''}
    </Text>
  );
}
