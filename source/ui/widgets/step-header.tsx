import { Box, Text } from 'ink';
import type { CheckResult } from '../../core/checks/index.js';
import type { CheckStatus } from '../../core/checks/check.js';
import { useT } from '../i18n.js';
import { STEP_COUNT, STEP_KEYS, STEP_MANUAL, STEP_OF_CHECK, type StepNumber } from '../state.js';
import { COLOR, MARK } from './status-mark.js';

const ORDER: CheckStatus[] = ['fail', 'warn', 'pass', 'skip'];

/** The worst status among a step's checks, for the mark beside a completed step. */
export function stepStatus(step: number, results: readonly CheckResult[]): CheckStatus | undefined {
  const mine = results.filter((r) => STEP_OF_CHECK[r.id] === step && r.status !== 'skip');
  for (const status of ORDER) if (mine.some((r) => r.status === status)) return status;
  return undefined;
}

/** `3/7  Link service settings  (manual §2.4)` */
export function StepHeader({ step }: { step: StepNumber }) {
  const { t } = useT();
  const key = STEP_KEYS[step - 1]!;
  return (
    <Box>
      <Text bold color="cyan">
        {step}/{STEP_COUNT}{' '}
      </Text>
      <Text bold>{t(`step.${key}`)}</Text>
      <Text dimColor>
        {'  '}
        {t('app.manual', { section: STEP_MANUAL[key] })}
      </Text>
    </Box>
  );
}

/** All seven steps: done ones with the worst mark of their checks, the current one highlighted. */
export function StepList({ step, visited, results, horizontal }: { step: number; visited: number; results: readonly CheckResult[]; horizontal?: boolean }) {
  const { t } = useT();
  const items = STEP_KEYS.map((key, i) => {
    const n = i + 1;
    const status = n < visited || (n !== step && n <= visited) ? stepStatus(n, results) : undefined;
    const current = n === step;
    const mark = status ? MARK[status] : current ? '▸' : n <= visited ? '·' : ' ';
    const color = current ? 'cyan' : status ? COLOR[status] : n <= visited ? undefined : 'gray';
    return { n, key, mark, color, current };
  });
  if (horizontal) {
    return (
      <Box flexWrap="wrap">
        {items.map((item) => (
          <Box key={item.n} marginRight={1}>
            <Text color={item.color} bold={item.current}>
              {item.mark}
              {item.n} {item.current ? t(`step.${item.key}`) : ''}
            </Text>
          </Box>
        ))}
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      {items.map((item) => (
        <Text key={item.n} color={item.color} bold={item.current} wrap="truncate-end">
          {item.mark} {item.n} {t(`step.${item.key}`)}
        </Text>
      ))}
    </Box>
  );
}
