import { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../widgets/keys.js';
import { formatClockTime } from '../../core/clock-time.js';
import type { StepProps } from '../app.js';
import { dryRunRows, problemRows, punchText, shortDay, type DayRow, type DryRunRow } from '../dry-run-rows.js';
import { Para, paraLines } from '../widgets/para.js';
import { packedLines } from '../wrap.js';
import { narrowSafeText } from '../glyphs.js';
import { useT, type Translator } from '../i18n.js';
import { fitColumns } from '../widgets/fit-columns.js';
import { displayWidth } from '../../core/display-width.js';
import { useScrollWindow } from '../widgets/scroll-window.js';

const W = { employee: 6, name: 12, day: 6, punch: 15 };

/**
 * One line of cells: each fitted and padded to its width here, then a one-column gap; the last cell takes
 * what is left. One Text per row (not a Box per cell): paging 23 rows re-lays out 23 nodes, not 300.
 */
function Cells({ parts, width, cursor }: { parts: { width?: number; text: string; color?: string | undefined; bold?: boolean }[]; width: number; cursor?: boolean }) {
  const { g } = useT();
  const show = (text: string): string => (g.safe ? narrowSafeText(text) : text);
  const rest = width - 2 - parts.reduce((n, q) => n + (q.width ? q.width + 1 : 0), 0);
  return (
    <Text wrap="truncate-end">
      <Text color="cyan">{cursor ? `${g.cursor} ` : '  '}</Text>
      {parts.map((p, i) => {
        const text = fitColumns(show(p.text), p.width ?? rest, g.ellipsis);
        return (
          <Text key={i} color={p.color} bold={p.bold ?? false}>
            {p.width ? text + ' '.repeat(Math.max(0, p.width - displayWidth(text)) + 1) : text}
          </Text>
        );
      })}
    </Text>
  );
}

/** Which punch of a day lands on another work day, if any. */
function wrongPunch(row: DayRow): { kind: 'in' | 'out'; workDay: number } | undefined {
  if (row.inWorkDay !== undefined && row.inWorkDay !== row.day) return { kind: 'in', workDay: row.inWorkDay };
  if (row.outWorkDay !== undefined && row.outWorkDay !== row.day) return { kind: 'out', workDay: row.outWorkDay };
  return undefined;
}

/** The short reason after a day's cells; the detail area under the list says it in full. */
function dayNote(row: DayRow, { t, g }: Translator): { text: string; color: string } | undefined {
  const wrong = wrongPunch(row);
  if (wrong) return { text: `${g.fail} ${t('dry.wrongDay', { workDay: shortDay(wrong.workDay), windowDay: shortDay(row.day), kind: wrong.kind })}`, color: 'red' };
  if (row.pcs) return { text: `${g.warn} ${t('dry.merged', { pcs: row.pcs.join(' + ') })}`, color: 'yellow' };
  return undefined;
}

/** The selected row in full words, for the detail area. */
export function rowDetail(row: DryRunRow, tr: Translator): string {
  const { t, g } = tr;
  switch (row.kind) {
    case 'day': {
      const parts = [
        t('dry.detail', {
          who: `${row.employee} ${row.name || row.user}`,
          day: shortDay(row.day),
          in: row.inTime === undefined ? g.none : punchText(row.inTime),
          out: row.outTime === undefined ? g.none : punchText(row.outTime),
        }),
      ];
      const wrong = wrongPunch(row);
      if (wrong) parts.push(`${g.fail} ${t('dry.wrongDay', { workDay: shortDay(wrong.workDay), windowDay: shortDay(row.day), kind: wrong.kind })}`);
      if (row.pcs) parts.push(`${g.warn} ${t('dry.mergedDetail', { pcs: row.pcs.join(' + ') })}`);
      return parts.join(' ');
    }
    case 'section':
      return t(row.section === 'dropped' ? 'dry.section.dropped' : 'dry.section.duplicates', { count: row.count });
    case 'dropped':
      return `${row.user}: ${t('dry.dropped', { days: row.days, first: row.first, last: row.last })}`;
    case 'duplicate':
      return `${row.account} ${t('dry.duplicate', { employees: row.employees.join(' / '), days: row.days })}`;
  }
}

function Row({ row, tr, width, cursor }: { row: DryRunRow; tr: Translator; width: number; cursor: boolean }) {
  const { t, g } = tr;
  switch (row.kind) {
    case 'day': {
      const wrong = wrongPunch(row);
      const note = dayNote(row, tr);
      return (
        <Cells
          width={width}
          cursor={cursor}
          parts={[
            { width: W.employee, text: row.employee },
            { width: W.name, text: row.name || row.user },
            { width: W.day, text: shortDay(row.day) },
            { width: W.punch, text: row.inTime === undefined ? g.none : punchText(row.inTime), color: wrong?.kind === 'in' ? 'red' : undefined },
            { width: W.punch, text: row.outTime === undefined ? g.none : punchText(row.outTime), color: wrong?.kind === 'out' ? 'red' : undefined },
            { text: note?.text ?? '', color: note?.color },
          ]}
        />
      );
    }
    case 'section':
      return (
        <Text wrap="truncate-end">
          <Text color="cyan">{cursor ? `${g.cursor} ` : '  '}</Text>
          <Text bold color={row.section === 'dropped' ? 'red' : 'magenta'}>
            {fitColumns(`${g.rule.repeat(2)} ${t(row.section === 'dropped' ? 'dry.section.dropped' : 'dry.section.duplicates', { count: row.count })} ${g.rule.repeat(2)}`, width - 2, g.ellipsis)}
          </Text>
        </Text>
      );
    case 'dropped':
      return (
        <Cells
          width={width}
          cursor={cursor}
          parts={[
            { width: W.employee + W.name + 1, text: row.user, color: 'red' },
            { text: `${g.fail} ${t('dry.dropped', { days: row.days, first: row.first, last: row.last })}`, color: 'red' },
          ]}
        />
      );
    case 'duplicate':
      return (
        <Cells
          width={width}
          cursor={cursor}
          parts={[
            { width: W.employee + W.name + 1, text: row.account, color: 'magenta' },
            { text: `${g.fail} ${t('dry.duplicate', { employees: row.employees.join(' / '), days: row.days })}`, color: 'magenta' },
          ]}
        />
      );
  }
}

/** Step 6 (§4): what KING OF TIME would show, per employee and day, before the link is switched on. */
export function DryRunStep({ diagnosis, facts, loaded, next, height, width }: StepProps) {
  const tr = useT();
  const { t, g } = tr;
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [selected, setSelected] = useState(0);
  const built = useMemo(() => dryRunRows(diagnosis), [diagnosis]);
  const rows = useMemo(() => (onlyProblems ? problemRows(built.rows) : built.rows), [built, onlyProblems]);
  const s = built.summary;

  const division = facts.dayChanges.find((d) => d.division === undefined) ?? facts.dayChanges[0];
  const basis = t('dry.basis', { dayChange: formatClockTime(s.dayChange), division: division?.division ?? '', given: Boolean(division), start: formatClockTime(s.windowStart) });
  const withUpload = loaded.upload ? t('dry.withUpload', { rows: loaded.upload.lines.length, file: loaded.upload.file.split(/[\\/]/).pop() ?? '' }) : '';
  const summary = [
    { text: t('dry.summary', { employees: s.employees, days: s.days, punches: s.punches }), color: undefined },
    s.wrongDay ? { text: `${g.fail} ${t('dry.sumWrong', { count: s.wrongDay })}`, color: 'red' } : { text: `${g.pass} ${t('dry.sumNoWrong')}`, color: 'green' },
    ...(s.merged ? [{ text: `${g.warn} ${t('dry.sumMerged', { count: s.merged })}`, color: 'yellow' }] : []),
    ...(s.droppedUsers ? [{ text: `${g.fail} ${t('dry.sumDropped', { users: s.droppedUsers, days: s.droppedDays })}`, color: 'red' }] : []),
    ...(s.duplicates ? [{ text: `${g.fail} ${t('dry.sumDuplicates', { count: s.duplicates })}`, color: 'magenta' }] : []),
  ];
  const detailRoom = height >= 26 ? 3 : 2;
  // Basis, the upload line, the summary, the column heads, the detail area and the keys: the list gets the rest.
  const fixed = paraLines(basis, width) + (withUpload ? paraLines(withUpload, width) : 0) + 1 + packedLines(summary.map((i) => i.text), width, 2) + 1 + 1 + detailRoom + 1;
  const listHeight = Math.max(3, height - fixed);
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
        <Para text={`${g.warn} ${t('dry.needs', { logs: Boolean(facts.logs), mapping: Boolean(facts.mapping) })}`} width={width} color="yellow" />
        <Para text={t('dry.enter')} width={width} dimColor />
      </Box>
    );
  }

  const slice = rows.slice(start, start + listHeight);
  const current = rows[Math.min(selected, rows.length - 1)];
  return (
    <Box flexDirection="column">
      <Para text={basis} width={width} dimColor />
      {withUpload ? <Para text={withUpload} width={width} color="yellow" /> : null}
      <Box marginTop={1} flexWrap="wrap" width={width}>
        {/* Whole items wrap to the next line; words inside one never do. */}
        {summary.map((item, i) => (
          <Box key={i} flexShrink={0} marginRight={2}>
            <Text color={item.color}>{item.text}</Text>
          </Box>
        ))}
      </Box>
      <Box marginTop={1}>
        <Cells
          width={width}
          parts={[
            { width: W.employee, text: t('dry.col.employee'), bold: true },
            { width: W.name, text: t('dry.col.name'), bold: true },
            { width: W.day, text: t('dry.col.day'), bold: true },
            { width: W.punch, text: t('dry.col.in'), bold: true },
            { width: W.punch, text: t('dry.col.out'), bold: true },
          ]}
        />
      </Box>
      <Box flexDirection="column" height={listHeight}>
        {slice.length === 0 ? <Text dimColor>  {t('dry.empty')}</Text> : null}
        {/* Keyed by position: paging changes the text of the same 23 lines, it does not replace them. */}
        {slice.map((row, i) => (
          <Row key={i} row={row} tr={tr} width={width} cursor={start + i === selected} />
        ))}
      </Box>
      <Box height={detailRoom} marginLeft={2}>
        {current ? <Para text={rowDetail(current, tr)} width={width - 2} color="cyan" maxLines={detailRoom} ellipsis={g.ellipsis} /> : null}
      </Box>
      <Text dimColor>
        {fitColumns(`${rows.length > listHeight ? `  ${start + 1}${g.safe ? '-' : '–'}${start + slice.length} / ${rows.length} ${g.dot} ` : '  '}${t(onlyProblems ? 'dry.keysAll' : 'dry.keysProblems')}`, width, g.ellipsis)}
      </Text>
    </Box>
  );
}
