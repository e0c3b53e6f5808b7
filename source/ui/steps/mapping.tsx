import { useEffect, useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../widgets/keys.js';
import { useEnterAfterRead } from '../widgets/enter-after-read.js';
import { stepStatus } from '../widgets/step-header.js';
import { conflictingFixes, suggestFixes } from '../../core/mapping-fixes.js';
import { readMappingFile } from '../../io/read-inputs.js';
import { UnencodableError, writeUploadFile } from '../../io/upload-file.js';
import type { TextEncoding } from '../../io/encoding.js';
import type { StepProps } from '../app.js';
import { useT, type Translator } from '../i18n.js';
import { problemText, withYenHint } from '../load.js';
import { countByStatus, mappingTable, STATUS_ORDER, type RowStatus, type TableRow } from '../mapping-table.js';
import { cleanPath } from '../state.js';
import { ScrollTable, type Column } from '../widgets/scroll-table.js';
import { Spinner } from '../widgets/spinner.js';
import { Advice, adviceLines, Finding, findingLines } from '../widgets/finding.js';
import { TextField, textFieldLines } from '../widgets/text-field.js';
import { Para, paraLines } from '../widgets/para.js';
import { packedLines } from '../wrap.js';

type Filter = 'all' | RowStatus;

const STATUS_COLOR: Record<RowStatus, string | undefined> = {
  duplicate: 'red',
  'near-miss': 'yellow',
  unmapped: 'red',
  'shared-pc': 'yellow',
  unused: 'gray',
  mapped: 'green',
  'no-logs': undefined,
};

const sameAccepted = (a: Record<number, string>, b: Record<number, string> | undefined): boolean =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b ?? {}).sort());

/** Column widths for the space there is, leaving the fix column at least 14 columns. */
export function columnWidths(width: number): { status: number; user: number; account: number; employee: number; name: number } {
  const rest = width - 2 - 11 - 7;
  const fix = Math.min(26, Math.max(14, Math.floor(rest * 0.25)));
  const cols = Math.max(24, rest - fix - 3);
  // サービスアカウント (18 columns) keeps its header whole whenever the width allows.
  const account = Math.min(20, Math.max(Math.min(18, cols - 20), Math.floor(cols * 0.37)));
  const user = Math.min(18, Math.floor(cols * 0.33));
  return { status: 10, user, account, employee: 6, name: Math.max(6, Math.min(14, cols - user - account)) };
}

/** The short cell after the columns: the fix offered, ticked when accepted. */
function fixCell(row: TableRow, accepted: Record<number, string>, arrow: string): string {
  const chosen = row.line === undefined ? undefined : accepted[row.line];
  const fix = row.fixes.find((f) => f.to === chosen) ?? row.fixes[0];
  if (!fix) return '';
  return `${chosen === fix.to ? '[x]' : '[ ]'} ${arrow} ${fix.to}${row.fixes.length > 1 ? ` (+${row.fixes.length - 1})` : ''}`;
}

/** The selected row in words, under the table. */
function rowDetail(row: TableRow, accepted: Record<number, string>, t: Translator['t']): string {
  const where = row.line === undefined ? '' : `${t('map.detail.line', { line: row.line })} · `;
  const chosen = row.line === undefined ? undefined : accepted[row.line];
  const fix = row.fixes.find((f) => f.to === chosen) ?? row.fixes[0];
  if (fix) {
    const why = fix.reason === 'near-miss' ? t('map.detail.nearMiss', { kind: t(`kind.${fix.kind ?? 'case'}`) }) : t('map.fix.unedited');
    return `${where}${why}: ${t('map.detail.fix', { from: fix.from, to: fix.to, accepted: chosen === fix.to })}`;
  }
  if (row.status === 'duplicate') return `${where}${t('map.detail.duplicate', { account: row.account })}`;
  if (row.pcs) return `${where}${t('map.note.pcs', { pcs: row.pcs.pcs.join('/'), date: row.pcs.date.slice(5).replace('-', '/') })}`;
  if (row.status === 'unmapped') return t('map.note.unmapped');
  if (row.unusedReason === 'default') return `${where}${t('map.note.default')}`;
  if (row.unusedReason === 'not-in-logs') return `${where}${t('map.note.notInLogs')}`;
  return `${where}${t(`row.${row.status}`)}`;
}

/** Step 5 (§3): the mapping export against the LanScope users, fixes offered, an upload file of the changed rows. */
export function MappingStep({ values, update, loaded, setLoaded, facts, diagnosis, results, next, height, width }: StepProps) {
  const tr = useT();
  const { t, m, lang, g } = tr;
  // Coming back to a file already read: straight to the table.
  const [focus, setFocus] = useState<'path' | 'table'>(() => (loaded.mapping?.path === cleanPath(values.mappingPath) && loaded.mapping.fact ? 'table' : 'path'));
  const [reading, setReading] = useState(false);
  const [filter, setFilter] = useState<Filter>('all');
  const [selected, setSelected] = useState(0);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | undefined>();

  const path = cleanPath(values.mappingPath);
  const current = loaded.mapping?.path === path ? loaded.mapping : undefined;
  const mapping = facts.mapping?.data;
  const logsRead = Boolean(facts.logs);

  const fixes = useMemo(() => suggestFixes(diagnosis.matching, mapping), [diagnosis.matching, mapping]);
  const table = useMemo(() => mappingTable(diagnosis.matching, mapping, fixes, logsRead), [diagnosis.matching, mapping, fixes, logsRead]);
  const counts = useMemo(() => countByStatus(table), [table]);
  const filters: Filter[] = ['all', ...STATUS_ORDER.filter((s) => (logsRead ? s !== 'no-logs' : s === 'no-logs' || s === 'duplicate' || s === 'unused'))];
  const rows = useMemo(() => (filter === 'all' ? table : table.filter((r) => r.tags.includes(filter))), [table, filter]);
  const accepted = values.acceptedFixes;
  const acceptedCount = Object.keys(accepted).length;
  const conflicts = conflictingFixes(new Map(Object.entries(accepted).map(([l, to]) => [Number(l), to])));
  const upload = loaded.upload;
  const pending = acceptedCount > 0 && !sameAccepted(accepted, upload?.accepted);
  const excel = results.find((r) => r.id === 'mapping-excel')!;

  const load = async (): Promise<void> => {
    setReading(true);
    setMessage(undefined);
    try {
      const fact = await readMappingFile(path);
      setLoaded((l) => {
        const { upload: _old, ...rest } = l;
        return { ...rest, mapping: { path, fact } };
      });
      // Fixes belong to the lines of one export.
      if (loaded.mapping?.path !== path) update({ acceptedFixes: {} });
      setFocus('table');
      setSelected(0);
    } catch (err) {
      setLoaded((l) => ({ ...l, mapping: { path, error: problemText(err, lang) } }));
    } finally {
      setReading(false);
    }
  };

  useEffect(() => {
    if (path !== '' && !current) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const toggleFix = (row: TableRow | undefined): void => {
    if (!row || row.line === undefined || row.fixes.length === 0) return;
    const line = row.line;
    const chosen = accepted[line];
    const index = row.fixes.findIndex((f) => f.to === chosen);
    // None → first candidate → second … → none.
    const nextFix = row.fixes[index + 1];
    const { [line]: _drop, ...rest } = accepted;
    update({ acceptedFixes: nextFix ? { ...rest, [line]: nextFix.to } : rest });
  };

  const acceptAll = (): void => {
    const all = { ...accepted };
    const taken = new Set(Object.values(all));
    for (const fix of fixes) {
      if (all[fix.line] !== undefined || taken.has(fix.to)) continue;
      all[fix.line] = fix.to;
      taken.add(fix.to);
    }
    update({ acceptedFixes: all });
  };

  const writeUpload = (): void => {
    if (!current?.fact) return;
    if (excel.status === 'fail') return setMessage({ text: t('map.upload.excel'), ok: false });
    if (conflicts.size > 0) return setMessage({ text: t('map.upload.conflict', { list: [...conflicts].map(([to, lines]) => `${to} (${lines.join(', ')})`).join('; ') }), ok: false });
    try {
      const written = writeUploadFile(current.fact.file, current.fact.data, current.fact.encoding as TextEncoding, new Map(Object.entries(accepted).map(([l, to]) => [Number(l), to])));
      setLoaded((l) => ({ ...l, upload: { ...written, accepted: { ...accepted } } }));
      setMessage(undefined);
    } catch (err) {
      const text = err instanceof UnencodableError ? t('map.upload.unencodable', { encoding: err.encoding, chars: err.characters.join(' ') }) : problemText(err, lang);
      setMessage({ text, ok: false });
    }
  };

  const enter = (): void => {
    if (path !== '' && (!current || current.error)) return void load();
    if (focus === 'path' && current?.fact) return setFocus('table');
    if (pending) return writeUpload();
    if (acceptedCount === 0 && upload) setLoaded(({ upload: _u, ...rest }) => rest);
    next();
  };
  // An Enter pressed during the read goes on once it ends, unless a mapping check fails: the table shows why first.
  const afterRead = useEnterAfterRead(reading, Boolean(current?.fact) && stepStatus(5, results) !== 'fail', enter);

  useKeys((input, key) => {
    if (key.ctrl || key.escape) return;
    if (reading) {
      if (key.return) afterRead.keep();
      return;
    }
    if (key.tab) {
      setFocus((f) => (f === 'path' && current?.fact ? 'table' : 'path'));
      return;
    }
    if (key.return) return enter();
    if (focus !== 'table') return;
    const last = rows.length - 1;
    const page = Math.max(1, tableHeight - 1);
    if (key.downArrow) setSelected((s) => Math.min(last, s + 1));
    else if (key.upArrow) setSelected((s) => Math.max(0, s - 1));
    else if (key.pageDown) setSelected((s) => Math.min(last, s + page));
    else if (key.pageUp) setSelected((s) => Math.max(0, s - page));
    else if (key.home) setSelected(0);
    else if (key.end) setSelected(Math.max(0, last));
    else if (key.leftArrow || key.rightArrow) {
      const i = filters.indexOf(filter);
      setFilter(filters[(i + (key.rightArrow ? 1 : filters.length - 1)) % filters.length]!);
      setSelected(0);
    } else if (/^[0-9]$/.test(input) && Number(input) < filters.length) {
      setFilter(filters[Number(input)]!);
      setSelected(0);
    } else if (input === ' ') toggleFix(rows[selected]);
    else if (input === 'a') acceptAll();
  });

  const w = columnWidths(width);
  const columns: Column<TableRow>[] = [
    { title: t('map.col.status'), width: w.status, cell: (r) => t(`row.${r.status}`), color: (r) => STATUS_COLOR[r.status] },
    { title: t('map.col.user'), width: w.user, cell: (r) => r.user || g.none },
    { title: t('map.col.account'), width: w.account, cell: (r) => r.account || g.none },
    { title: t('map.col.employee'), width: w.employee, cell: (r) => r.employee || g.none },
    { title: t('map.col.name'), width: w.name, cell: (r) => r.name || g.none },
  ];

  // Everything but the table, with the lines each takes; the table gets the rest (issue #10: fit 80×24).
  const field = {
    label: t('map.path'),
    width,
    error: withYenHint(current?.error, path, t),
    hint: current?.fact ? t('map.loaded', { rows: current.fact.data.rows.length, encoding: current.fact.encoding, columns: current.fact.data.columns }) : t('map.hint'),
  };
  const filterItems = filters.map((f, i) => ({
    f,
    text: `${f === filter ? g.cursor : ''}[${i}] ${f === 'all' ? t('map.all') : t(`row.${f}`)} (${f === 'all' ? table.length : counts[f]})`,
  }));
  const filterLines = packedLines([t('map.filter'), ...filterItems.map((i) => i.text)], width, 1);
  const selectedRow = focus === 'table' ? rows[Math.min(selected, rows.length - 1)] : undefined;
  const detail = selectedRow ? rowDetail(selectedRow, accepted, t) : '';
  const detailRoom = height >= 26 ? 3 : 2;
  const conflictText = conflicts.size > 0 ? `${g.fail} ${t('map.upload.conflict', { list: [...conflicts].map(([to, lines]) => `${to} (${lines.join(', ')})`).join('; ') })}` : '';
  const messageText = message ? `${message.ok ? g.pass : g.fail} ${message.text}` : '';
  const pendingText = pending && !message ? t('map.pending', { count: acceptedCount }) : '';
  const written = upload && !pending ? [`${g.pass} ${t('map.upload.written', { file: upload.file, rows: upload.lines.length, encoding: upload.encoding })}`, t('map.upload.next', { rows: upload.lines.length })] : [];
  const excelShown = excel.status === 'fail' || excel.status === 'warn';
  const fixed =
    textFieldLines(field, g.fail) +
    (reading ? 1 : 0) +
    (current?.fact
      ? (excelShown ? findingLines(excel.status, m(excel.detail), width, tr) + (excel.advice ? adviceLines(m(excel.advice), width, 2, g.arrow) : 0) : 0) +
        (!logsRead ? paraLines(`${g.warn} ${t('map.noLogs')}`, width) : 0) +
        filterLines +
        2 +
        (focus === 'table' ? detailRoom : 0) +
        paraLines(t('map.keys'), width) +
        (conflictText ? paraLines(conflictText, width) : 0) +
        (messageText ? paraLines(messageText, width) : 0) +
        (pendingText ? paraLines(pendingText, width) : 0) +
        written.reduce((n, text) => n + paraLines(text, width - 2), 0)
      : 0);
  const tableHeight = Math.max(3, height - fixed);

  return (
    <Box flexDirection="column">
      <TextField {...field} value={values.mappingPath} onChange={(mappingPath) => update({ mappingPath })} focus={focus === 'path' && !reading} />
      {reading ? <Spinner label={t('common.reading', { what: path })} width={width} /> : null}
      {current?.fact ? (
        <Box flexDirection="column">
          {excelShown ? (
            <Box flexDirection="column">
              <Finding status={excel.status} text={m(excel.detail)} width={width} />
              {excel.advice ? <Advice text={m(excel.advice)} width={width} /> : null}
            </Box>
          ) : null}
          {!logsRead ? <Para text={`${g.warn} ${t('map.noLogs')}`} width={width} color="yellow" /> : null}
          <Box flexWrap="wrap" width={width}>
            <Box marginRight={1} flexShrink={0}>
              <Text dimColor>{t('map.filter')}</Text>
            </Box>
            {filterItems.map(({ f, text }) => (
              <Box key={f} flexShrink={0} marginRight={1}>
                <Text color={f === filter ? 'cyan' : f === 'all' ? undefined : STATUS_COLOR[f]} bold={f === filter}>
                  {text}
                </Text>
              </Box>
            ))}
          </Box>
          <ScrollTable
            rows={rows}
            columns={columns}
            selected={focus === 'table' ? Math.min(selected, rows.length - 1) : -1}
            height={tableHeight}
            trailing={(row) => fixCell(row, accepted, g.arrow)}
            empty={t('map.empty')}
            width={width}
          />
          {rows.length <= tableHeight ? <Text> </Text> : null}
          {focus === 'table' ? (
            <Box height={detailRoom} marginLeft={2}>
              <Para text={detail} width={width - 2} color="cyan" maxLines={detailRoom} ellipsis={g.ellipsis} />
            </Box>
          ) : null}
          <Para text={t('map.keys')} width={width} dimColor />
          {conflictText ? <Para text={conflictText} width={width} color="red" /> : null}
          {messageText ? <Para text={messageText} width={width} color={message!.ok ? 'green' : 'red'} /> : null}
          {pendingText ? <Para text={pendingText} width={width} color="yellow" /> : null}
          {written.length ? (
            <Box flexDirection="column">
              <Para text={written[0]!} width={width} color="green" />
              <Box marginLeft={2}>
                <Para text={written[1]!} width={width - 2} />
              </Box>
            </Box>
          ) : null}
        </Box>
      ) : path === '' ? (
        <Para text={t('common.skipNote')} width={width} dimColor />
      ) : null}
    </Box>
  );
}
