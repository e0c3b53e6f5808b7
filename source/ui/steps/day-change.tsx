import { useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../widgets/keys.js';
import { useEnterAfterRead } from '../widgets/enter-after-read.js';
import { divisionLabel, wrongDayExample } from '../../core/checks/day-change.js';
import { parseDayChangeOption } from '../../core/day-change-option.js';
import { formatClockTime } from '../../core/clock-time.js';
import { windowStartMinutes } from '../../core/facts.js';
import { readSql } from '../../io/read-inputs.js';
import type { StepProps } from '../app.js';
import { useT } from '../i18n.js';
import { problemText, withYenHint } from '../load.js';
import { cleanPath } from '../state.js';
import { useFocusList } from '../widgets/focus.js';
import { Spinner } from '../widgets/spinner.js';
import { Advice, adviceLines, Finding, findingLines } from '../widgets/finding.js';
import { TextField, textFieldLines } from '../widgets/text-field.js';
import { Para, paraLines } from '../widgets/para.js';
import { gapBlock, ScrollBlocks, textBlock, type Block } from '../widgets/scroll-blocks.js';
import { Cursor } from '../widgets/cursor.js';
import { fitColumns } from '../widgets/fit-columns.js';

/** Bounds listed under the start time: all four of the shipped SQL on a tall terminal, one on a small one (outliers always). */
const maxBounds = (height: number): number => (height >= 24 ? 4 : 1);

/** Step 2 (§2.2): LanScope's collection start time from 勤怠簿出力.sql against each division's 日付変更時間. */
export function DayChangeStep({ values, update, loaded, setLoaded, facts, results, next, width, height }: StepProps) {
  const tr = useT();
  const { t, m, lang, g } = tr;
  const fields = ['sql', 'add', ...values.divisions.map((_, i) => `division-${i}`)];
  const focus = useFocusList(fields);
  const [entry, setEntry] = useState('');
  const [entryError, setEntryError] = useState<string | undefined>();
  const [entryNote, setEntryNote] = useState<string | undefined>();
  const [reading, setReading] = useState(false);

  const path = cleanPath(values.sqlPath);
  const sql = loaded.sql?.path === path ? loaded.sql : undefined;

  const load = async (): Promise<void> => {
    setReading(true);
    try {
      const fact = await readSql(path);
      setLoaded((l) => ({ ...l, sql: { path, fact } }));
    } catch (err) {
      setLoaded((l) => ({ ...l, sql: { path, error: problemText(err, lang) } }));
    } finally {
      setReading(false);
    }
  };

  // A path remembered from last time (or the demo's) is read at once.
  useEffect(() => {
    if (path !== '' && !sql) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const addEntry = (): void => {
    const parsed = parseDayChangeOption(entry);
    if (!parsed) {
      setEntryError(t('day.badEntry', { input: entry }));
      return;
    }
    const canonical = parsed.division === undefined ? parsed.text : `${parsed.division}=${parsed.text}`;
    // The same division again replaces its time.
    const rest = values.divisions.filter((d) => parseDayChangeOption(d)?.division !== parsed.division);
    update({ divisions: [...rest, canonical] });
    setEntry('');
    setEntryError(undefined);
    setEntryNote(parsed.normalised ? t('day.normalised', { input: entry.trim(), value: canonical }) : undefined);
  };

  // An Enter pressed during the read is applied when it ends (widgets/enter-after-read.ts).
  const afterRead = useEnterAfterRead(reading, Boolean(sql && !sql.error), () => submit());
  const submit = (): void => {
    if (reading) return afterRead.keep();
    if (focus.current === 'sql') {
      if (path !== '' && (!sql || sql.error)) return void load();
      focus.set('add');
      return;
    }
    if (focus.current === 'add' && entry.trim() !== '') return addEntry();
    if (path !== '' && !sql) return void load();
    if (sql?.error) {
      focus.set('sql');
      return;
    }
    next();
  };

  useKeys((_input, key) => {
    if (key.ctrl || key.escape) return;
    if (key.return) return submit();
    if (focus.move(key)) return;
    const row = /^division-(\d+)$/.exec(focus.current);
    if (row && (key.backspace || key.delete)) {
      const index = Number(row[1]);
      update({ divisions: values.divisions.filter((_, i) => i !== index) });
      focus.set(index > 0 ? `division-${index - 1}` : 'add');
    }
  });

  const sqlResult = results.find((r) => r.id === 'sql-start-time')!;
  const dayResult = results.find((r) => r.id === 'day-change')!;
  const windowStart = windowStartMinutes(facts);
  const sqlAgrees = !facts.sql || facts.sql.result.minutes !== undefined;
  const startText = formatClockTime(windowStart);
  const bounds = sql?.fact?.result.bounds ?? [];
  const settings = facts.dayChanges;

  const sqlField = { label: '勤怠簿出力.sql', width, error: withYenHint(sql?.error, path, t), hint: path === '' ? t('day.sqlHint') : undefined };
  const addField = { label: t('day.add'), width, error: entryError, note: entryNote, hint: t('day.addHint') };
  const findingText = sql?.fact ? (sql.fact.result.minutes !== undefined ? t('day.start', { time: formatClockTime(sql.fact.result.minutes), encoding: sql.fact.encoding }) : m(sqlResult.detail)) : '';
  const rowWidth = width - 2 - 10 - 6;
  const shownBounds = bounds.filter((b, i) => i < maxBounds(height) || sql?.fact?.result.outliers.includes(b)).length;
  const line = (key: string, text: string, props: { dim?: boolean; color?: string; indent?: number } = {}): Block => textBlock(key, text, width, props);

  const blocks: (Block & { field?: string })[] = [
    line('intro', t('day.intro'), { dim: true }),
    gap('g1'),
    { key: 'sql', field: 'sql', lines: textFieldLines(sqlField, g.fail), node: <TextField {...sqlField} value={values.sqlPath} onChange={(sqlPath) => update({ sqlPath })} focus={focus.current === 'sql'} /> },
    ...(reading ? [{ key: 'reading', lines: 1, node: <Spinner label={t('common.reading', { what: '勤怠簿出力.sql' })} width={width} /> }] : []),
    ...(sql?.fact
      ? [
          { key: 'finding', lines: findingLines(sqlResult.status, findingText, width - 2, tr), node: <Box marginLeft={2}><Finding status={sqlResult.status} text={findingText} width={width - 2} /></Box> },
          ...bounds.filter((b, i) => i < maxBounds(height) || sql.fact!.result.outliers.includes(b)).map((b, i) => {
            const outlier = sql.fact!.result.outliers.includes(b);
            return line(`bound-${i}`, t('day.bound', { line: b.line, column: b.column ?? '', side: b.side, literal: b.literal }), { indent: 6, ...(outlier ? { color: 'red' } : { dim: true }) });
          }),
          ...(shownBounds < bounds.length ? [line('more', t('day.moreBounds', { count: bounds.length - shownBounds }), { indent: 6, dim: true })] : []),
          ...(sqlResult.advice ? [{ key: 'sqlAdvice', lines: adviceLines(m(sqlResult.advice), width, 2, g.arrow), node: <Advice text={m(sqlResult.advice)} width={width} /> }] : []),
        ]
      : []),
    gap('g2'),
    { key: 'heading', lines: 1, node: <Text bold>{fitColumns(t('day.divisions'), width, g.ellipsis)}</Text> },
    line('where', t('day.where'), { dim: true }),
    {
      key: 'add',
      field: 'add',
      lines: textFieldLines(addField, g.fail),
      node: (
        <TextField
          {...addField}
          value={entry}
          onChange={(v) => {
            setEntry(v);
            setEntryError(undefined);
          }}
          focus={focus.current === 'add'}
          placeholder="1001=05:00"
        />
      ),
    },
    ...(settings.length === 0 ? [line('none', t('day.none'), { dim: true, indent: 2 })] : []),
    ...settings.map((d, i) => {
      const ok = d.minutes === windowStart;
      const focused = focus.current === `division-${i}`;
      const example = ok || !sqlAgrees ? undefined : wrongDayExample(d, windowStart, undefined);
      const text = !sqlAgrees
        ? t('day.cannotCompare')
        : ok
          ? `${g.pass} ${t('day.same', { start: startText })}`
          : `${g.fail} ${t('day.differs', { start: startText, ...example!, event: example!.event === 'end' ? 'end' : 'start' })}`;
      return {
        key: `division-${i}`,
        field: `division-${i}`,
        lines: paraLines(text, rowWidth),
        node: (
          <Box>
            <Cursor on={focused} />
            <Box width={10} flexShrink={0}>
              <Text color={focused ? 'cyan' : undefined} bold={focused}>
                {fitColumns(divisionLabel(d) || t('day.all'), 9, g.ellipsis)}
              </Text>
            </Box>
            <Box width={6} flexShrink={0}>
              <Text bold={focused}>{d.text}</Text>
            </Box>
            <Para text={text} width={rowWidth} dimColor={!sqlAgrees} color={!sqlAgrees ? undefined : ok ? 'green' : 'red'} />
          </Box>
        ),
      };
    }),
    ...(focus.current.startsWith('division-') ? [line('remove', t('day.removeHint'), { dim: true, indent: 2 })] : []),
    ...(!facts.sql && settings.length > 0 ? [line('default', t('day.defaultStart', { start: startText }), { dim: true, indent: 2 })] : []),
    ...(dayResult.status === 'fail' && dayResult.advice ? [{ key: 'dayAdvice', lines: adviceLines(m(dayResult.advice), width, 2, g.arrow), node: <Advice text={m(dayResult.advice)} width={width} /> }] : []),
  ];
  // The focused field, or — on the add field — the divisions it adds to, stay in view.
  const focusIndex = blocks.findIndex((b) => b.field === focus.current);
  return <ScrollBlocks blocks={blocks} focus={focusIndex} height={height} />;
}

const gap = gapBlock;
