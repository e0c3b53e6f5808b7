import { useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../widgets/keys.js';
import { divisionLabel, wrongDayExample } from '../../core/checks/day-change.js';
import { parseDayChangeOption } from '../../core/day-change-option.js';
import { formatClockTime } from '../../core/clock-time.js';
import { windowStartMinutes } from '../../core/facts.js';
import { readSql } from '../../io/read-inputs.js';
import type { StepProps } from '../app.js';
import { useT } from '../i18n.js';
import { problemText } from '../load.js';
import { cleanPath } from '../state.js';
import { useFocusList } from '../widgets/focus.js';
import { Spinner } from '../widgets/spinner.js';
import { Advice, Finding } from '../widgets/finding.js';
import { TextField } from '../widgets/text-field.js';
import { Cursor } from '../widgets/cursor.js';

const MAX_BOUNDS = 4;

/** Step 2 (§2.2): LanScope's collection start time from 勤怠簿出力.sql against each division's 日付変更時間. */
export function DayChangeStep({ values, update, loaded, setLoaded, facts, results, next }: StepProps) {
  const { t, m, lang } = useT();
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

  const submit = (): void => {
    if (reading) return;
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

  return (
    <Box flexDirection="column">
      <Text dimColor>{t('day.intro')}</Text>
      <Box marginTop={1} flexDirection="column">
        <TextField
          label="勤怠簿出力.sql"
          value={values.sqlPath}
          onChange={(sqlPath) => update({ sqlPath })}
          focus={focus.current === 'sql'}
          error={sql?.error}
          hint={path === '' ? t('day.sqlHint') : undefined}
        />
        {reading ? <Spinner label={t('common.reading', { what: '勤怠簿出力.sql' })} /> : null}
        {sql?.fact ? (
          <Box flexDirection="column" marginLeft={2}>
            <Finding
              status={sqlResult.status}
              text={sql.fact.result.minutes !== undefined ? t('day.start', { time: formatClockTime(sql.fact.result.minutes), encoding: sql.fact.encoding }) : m(sqlResult.detail)}
            />
            {bounds.slice(0, MAX_BOUNDS).map((b, i) => {
              const outlier = sql.fact!.result.outliers.includes(b);
              return (
                <Text key={i} color={outlier ? 'red' : undefined} dimColor={!outlier}>
                  {'    '}
                  {t('day.bound', { line: b.line, column: b.column ?? '', side: b.side, literal: b.literal })}
                </Text>
              );
            })}
            {bounds.length > MAX_BOUNDS ? <Text dimColor>    {t('day.moreBounds', { count: bounds.length - MAX_BOUNDS })}</Text> : null}
            {sqlResult.advice ? <Advice text={m(sqlResult.advice)} /> : null}
          </Box>
        ) : null}
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text bold>{t('day.divisions')}</Text>
        <Text dimColor>{t('day.where')}</Text>
        <TextField
          label={t('day.add')}
          value={entry}
          onChange={(v) => {
            setEntry(v);
            setEntryError(undefined);
          }}
          focus={focus.current === 'add'}
          placeholder="1001=05:00"
          error={entryError}
          note={entryNote}
          hint={t('day.addHint')}
        />
        {settings.length === 0 ? <Text dimColor>  {t('day.none')}</Text> : null}
        {settings.map((d, i) => {
          const ok = d.minutes === windowStart;
          const focused = focus.current === `division-${i}`;
          const example = ok || !sqlAgrees ? undefined : wrongDayExample(d, windowStart, undefined);
          return (
            <Box key={i}>
              <Cursor on={focused} />
              <Box width={10} flexShrink={0}>
                <Text color={focused ? 'cyan' : undefined} bold={focused} wrap="truncate-end">
                  {divisionLabel(d) || t('day.all')}
                </Text>
              </Box>
              <Box width={6} flexShrink={0}>
                <Text bold={focused}>{d.text}</Text>
              </Box>
              <Box flexShrink={1}>
                {!sqlAgrees ? (
                  <Text dimColor>{t('day.cannotCompare')}</Text>
                ) : ok ? (
                  <Text color="green">✔ {t('day.same', { start: startText })}</Text>
                ) : (
                  <Text color="red">✖ {t('day.differs', { start: startText, ...example!, event: example!.event === 'end' ? 'end' : 'start' })}</Text>
                )}
              </Box>
            </Box>
          );
        })}
        {focus.current.startsWith('division-') ? <Text dimColor>  {t('day.removeHint')}</Text> : null}
        {!facts.sql && settings.length > 0 ? <Text dimColor>  {t('day.defaultStart', { start: startText })}</Text> : null}
        {dayResult.status === 'fail' && dayResult.advice ? <Advice text={m(dayResult.advice)} /> : null}
      </Box>
    </Box>
  );
}
