import { Text } from 'ink';
import type { CheckStatus } from '../../core/checks/check.js';
import { useT } from '../i18n.js';

export const MARK: Record<CheckStatus, string> = { pass: '✔', warn: '!', fail: '✖', skip: '-' };
export const COLOR: Record<CheckStatus, string> = { pass: 'green', warn: 'yellow', fail: 'red', skip: 'gray' };

/** `✔ pass` / `✖ NG`: the mark, and the word so colour is never the only signal. */
export function StatusMark({ status, word = true }: { status: CheckStatus; word?: boolean }) {
  const { m } = useT();
  return (
    <Text color={COLOR[status]} bold={status === 'fail'}>
      {MARK[status]}
      {word ? ` ${m({ key: `status.${status}`, params: {} })}` : ''}
    </Text>
  );
}
