import { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../widgets/keys.js';
import { formatClockTime } from '../../core/clock-time.js';
import type { StepProps } from '../app.js';
import { dryRunRows, problemRows, punchText, shortDay, type DryRunRow } from '../dry-run-rows.js';
import { useT, type Translator } from '../i18n.js';
import { clip } from '../widgets/clip.js';
import { Cursor } from '../widgets/cursor.js';
import { useScrollWindow } from '../widgets/scroll-window.js';

const W = { employee: 6, name: 12, day: 6, punch: 15 };

function Cells({ parts }: { parts: { width?: number; text: string; color?: string | undefined; bold?: boolean }[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.width ? (
          <Box key={i} width={p.width} marginRight={1} flexShrink={0}>
            <Text wrap="truncate-end" color={p.color} bold={p.bold ?? false}>
              {clip(p.text, p.width)}
            </Text>
          </Box>
        ) : (
          <Box key={i} flexShrink={1}>
            <Text wrap="truncate-end" color={p.color} bold={p.bold ?? false}>
              {p.text}
            </Text>
          </Box>
        ),
      )}
    </>
  );
}

function Row({ row, t }: { row: DryRunRow; t: Translator['t'] }) {
  switch (row.kind) {
    case 'day': {
      const inWrong = row.inWorkDay !== undefined && row.inWorkDay !== row.day;
      const outWrong = row.outWorkDay !== undefined && row.outWorkDay !== row.day;
      const wrong = inWrong ? { kind: 'in' as const, workDay: row.inWorkDay! } : outWrong ? { kind: 'out' as const, workDay: row.outWorkDay! } : undefined;
      return (
        <Cells
          parts={[
            { width: W.employee, text: row.employee },
            { width: W.name, text: row.name || row.user },
            { width: W.day, text: shortDay(row.day) },
            { width: W.punch, text: row.inTime === undefined ? '—' : punchText(row.inTime), color: inWrong ? 'red' : undefined },
            { width: W.punch, text: row.outTime === undefined ? '—' : punchText(row.outTime), color: outWrong ? 'red' : undefined },
            { text: wrong ? `✖ ${t('dry.wrongDay', { workDay: shortDay(wrong.workDay), windowDay: shortDay(row.day), kind: wrong.kind })}` : '', color: 'red' },
          ]}
        />
      );
    }
    case 'section':
      return <Text bold color={row.section === 'dropped' ? 'red' : 'magenta'}>── {t(row.section === 'dropped' ? 'dry.section.dropped' : 'dry.section.duplicates', { count: row.count })} ──</Text>;
    case 'dropped':
      return (
        <Cells
          parts={[
            { width: W.employee + W.name + 1, text: row.user, color: 'red' },
            { text: `✖ ${t('dry.dropped', { days: row.days, first: row.first, last: row.last })}`, color: 'red' },
          ]}
        />
      );
    case 'duplicate':
      return (
        <Cells
          parts={[
            { width: W.employee + W.name + 1, text: row.account, color: 'magenta' },
            { text: `✖ ${t('dry.duplicate', { employees: row.employees.join(' / '), days: row.days })}`, color: 'magenta' },
          ]}
        />
      );
  }
}

/** Step 6 (§4): what KING OF TIME would show, per employee and day, before the link is switched on. */
export function DryRunStep({ diagnosis, facts, loaded, next, height }: StepProps) {
  const { t } = useT();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [selected, setSelected] = useState(0);
  const built = useMemo(() => dryRunRows(diagnosis), [diagnosis]);
  const rows = useMemo(() => (onlyProblems ? problemRows(built.rows) : built.rows), [built, onlyProblems]);
  const s = built.summary;
  const listHeight = Math.max(3, height - 10 - (loaded.upload ? 1 : 0));
  const start = useScrollWindow(rows.length, selected, listHeight);

  useKeys((input, key) => {
    if (key.ctrl || key.escape) return;
    if (key.return) return next();
    const last = Math.max(0, rows.length - 1);
    if (key.downArrow) setSelected((v) => Math.min(last, v + 1));
    else if (key.upArrow) setSelected((v) => Math.max(0, v - 1));
    else if (key.pageDown) setSelected((v) => Math.min(last, v + listHeight));
    else if (key.pageUp) setSelected((v) => Math.max(0, v - listHeight));
    else if (key.home) setSelected(0);
    else if (key.end) setSelected(last);
    else if (input === 'p') {
      setOnlyProblems((p) => !p);
      setSelected(0);
    }
  });

  if (!facts.logs || !facts.mapping) {
    return (
      <Box flexDirection="column">
        <Text color="yellow">! {t('dry.needs', { logs: Boolean(facts.logs), mapping: Boolean(facts.mapping) })}</Text>
        <Text dimColor>{t('dry.enter')}</Text>
      </Box>
    );
  }

  const division = facts.dayChanges.find((d) => d.division === undefined) ?? facts.dayChanges[0];
  const slice = rows.slice(start, start + listHeight);
  return (
    <Box flexDirection="column">
      <Text dimColor>
        {t('dry.basis', { dayChange: formatClockTime(s.dayChange), division: division?.division ?? '', given: Boolean(division), start: formatClockTime(s.windowStart) })}
      </Text>
      {loaded.upload ? <Text color="yellow">{t('dry.withUpload', { rows: loaded.upload.lines.length, file: loaded.upload.file.split(/[\\/]/).pop() ?? '' })}</Text> : null}
      <Box marginTop={1} flexWrap="wrap">
        {/* Whole items wrap to the next line; words inside one never do. */}
        <Box flexShrink={0} marginRight={2}>
          <Text>{t('dry.summary', { employees: s.employees, days: s.days, punches: s.punches })}</Text>
        </Box>
        <Box flexShrink={0} marginRight={2}>
          <Text color={s.wrongDay ? 'red' : 'green'}>{s.wrongDay ? `✖ ${t('dry.sumWrong', { count: s.wrongDay })}` : `✔ ${t('dry.sumNoWrong')}`}</Text>
        </Box>
        {s.droppedUsers ? (
          <Box flexShrink={0} marginRight={2}>
            <Text color="red">✖ {t('dry.sumDropped', { users: s.droppedUsers, days: s.droppedDays })}</Text>
          </Box>
        ) : null}
        {s.duplicates ? (
          <Box flexShrink={0}>
            <Text color="magenta">✖ {t('dry.sumDuplicates', { count: s.duplicates })}</Text>
          </Box>
        ) : null}
      </Box>
      <Box marginTop={1}>
        <Cursor on={false} />
        <Cells
          parts={[
            { width: W.employee, text: t('dry.col.employee'), bold: true },
            { width: W.name, text: t('dry.col.name'), bold: true },
            { width: W.day, text: t('dry.col.day'), bold: true },
            { width: W.punch, text: t('dry.col.in'), bold: true },
            { width: W.punch, text: t('dry.col.out'), bold: true },
          ]}
        />
      </Box>
      {slice.length === 0 ? <Text dimColor>  {t('dry.empty')}</Text> : null}
      {slice.map((row, i) => (
        <Box key={start + i}>
          <Cursor on={start + i === selected} />
          <Row row={row} t={t} />
        </Box>
      ))}
      <Text dimColor>
        {rows.length > listHeight ? `  ${start + 1}–${start + slice.length} / ${rows.length} · ` : '  '}
        {t(onlyProblems ? 'dry.keysAll' : 'dry.keysProblems')}
      </Text>
    </Box>
  );
}
