import { Box, Text } from 'ink';
import type { CheckResult } from '../../core/checks/index.js';
import type { CheckStatus } from '../../core/checks/check.js';
import { useT } from '../i18n.js';
import { STEP_CHECKS, STEP_COUNT, STEP_KEYS, STEP_MANUAL, type StepNumber } from '../state.js';
import { COLOR } from './status-mark.js';
import { fitColumns } from './fit-columns.js';
import { displayWidth } from '../../core/display-width.js';

const ORDER: CheckStatus[] = ['fail', 'warn', 'pass', 'skip'];

/** The worst status among the checks a step shows (state.ts STEP_CHECKS), for the mark beside a completed step. */
export function stepStatus(step: number, results: readonly CheckResult[]): CheckStatus | undefined {
  const ids = STEP_CHECKS[step as StepNumber] ?? [];
  const mine = results.filter((r) => ids.includes(r.id) && r.status !== 'skip');
  for (const status of ORDER) if (mine.some((r) => r.status === status)) return status;
  return undefined;
}

/** `3/7  Link service settings  (manual §2.4)`, cut to one line. */
export function StepHeader({ step, width }: { step: StepNumber; width: number }) {
  const { t, g } = useT();
  const key = STEP_KEYS[step - 1]!;
  const counter = `${step}/${STEP_COUNT} `;
  const title = fitColumns(t(`step.${key}`), width - displayWidth(counter), g.ellipsis);
  const manual = fitColumns(`  ${t('app.manual', { section: STEP_MANUAL[key] })}`, width - displayWidth(counter + title), '');
  return (
    <Box width={width}>
      <Text>
        <Text bold color="cyan">
          {counter}
        </Text>
        <Text bold>{title}</Text>
        <Text dimColor>{manual}</Text>
      </Text>
    </Box>
  );
}

interface StepItem {
  n: number;
  key: (typeof STEP_KEYS)[number];
  mark: string;
  color: string | undefined;
  current: boolean;
}

function useStepItems(step: number, visited: number, results: readonly CheckResult[]): StepItem[] {
  const { g } = useT();
  return STEP_KEYS.map((key, i) => {
    const n = i + 1;
    const status = n !== step && n <= visited ? stepStatus(n, results) : undefined;
    const current = n === step;
    const mark = current ? g.current : status ? g[status] : n <= visited ? g.visited : ' ';
    const color = current ? 'cyan' : status ? COLOR[status] : n <= visited ? undefined : 'gray';
    return { n, key, mark, color, current };
  });
}

/** The seven steps as marks on the title line (narrow terminals): `✔1 ✖2 ▸3 4 5 6 7`. */
export function StepMarks({ step, visited, results }: { step: number; visited: number; results: readonly CheckResult[] }) {
  const items = useStepItems(step, visited, results);
  return (
    <Box flexShrink={0} marginLeft={2}>
      {items.map((item) => (
        <Box key={item.n} marginLeft={1}>
          <Text color={item.color} bold={item.current}>
            {item.mark}
            {item.n}
          </Text>
        </Box>
      ))}
    </Box>
  );
}

/** All seven steps: done ones with the worst mark of their checks, the current one marked. */
export function StepList({ step, visited, results }: { step: number; visited: number; results: readonly CheckResult[] }) {
  const { t, g } = useT();
  const items = useStepItems(step, visited, results);
  return (
    <Box flexDirection="column">
      {items.map((item) => (
        <Text key={item.n} color={item.color} bold={item.current}>
          {fitColumns(`${item.mark} ${item.n} ${t(`step.${item.key}`)}`, 24, g.ellipsis)}
        </Text>
      ))}
    </Box>
  );
}
