import { useEffect, useMemo, useState } from 'react';
import { basename, dirname, join } from 'node:path';
import { Box, Text } from 'ink';
import { useKeys } from '../widgets/keys.js';
import type { CheckResult } from '../../core/checks/index.js';
import { goLiveMarkdown, goLiveVerdict, serviceConfigValues, type MarkdownText, type ServiceConfigValues } from '../../core/go-live.js';
import { buildReport } from '../../core/report.js';
import type { MessageKey } from '../../i18n/message.js';
import { reportTarget, writeFileAtomic } from '../../io/upload-file.js';
import type { StepProps } from '../app.js';
import { useT, type Translator } from '../i18n.js';
import { useServices } from '../services.js';
import { cleanPath, STEP_OF_CHECK, tokenValue, type WizardValues } from '../state.js';
import { fitColumns, fitColumnsMiddle } from '../widgets/fit-columns.js';
import { narrowSafeText } from '../glyphs.js';
import { Cursor } from '../widgets/cursor.js';
import { useScrollWindow } from '../widgets/scroll-window.js';
import { StatusMark } from '../widgets/status-mark.js';
import { TextField, textFieldLines } from '../widgets/text-field.js';
import { Para, paraLines } from '../widgets/para.js';
import { tr as trReconcile } from '../../i18n/reconcile.js';
import { KotCompare } from './kot-compare.js';

const NOT_GIVEN: readonly string[] = ['skip.notGiven', 'skip.noToken', 'skip.noLogs', 'skip.offline'];
const MAX_TODO = 3;

/** A check's finding; a doctor skip that names a flag becomes "fill in step N". */
export function checkDetail(r: CheckResult, { t, m }: Translator): string {
  if (r.status === 'skip' && r.id === 'kot-api') return t('check.kotApiOptional');
  if (r.status === 'skip' && r.id === 'proxy') return t('check.proxyNotTested');
  if (r.status === 'skip' && NOT_GIVEN.includes(r.detail.key)) return t('check.notGiven', { step: STEP_OF_CHECK[r.id] });
  return m(r.detail);
}

const title = (r: Pick<CheckResult, 'id'>, m: Translator['m']): string => m({ key: `title.${r.id}` as MessageKey, params: {} } as never);

/** What to do first, in order: upload the fixes, fix what fails, give what was not checked. */
export function todoList(results: readonly CheckResult[], uploadFile: string | undefined, tr: Translator): string[] {
  const { t, m } = tr;
  const verdict = goLiveVerdict(results);
  const todo: string[] = [];
  // The file's name first: a long folder is what gets cut on a small screen.
  if (uploadFile) todo.push(t('check.todoUpload', { file: basename(uploadFile), folder: dirname(uploadFile) }));
  for (const r of verdict.failed) todo.push(t('check.todoFix', { title: title(r, m), what: r.advice ? m(r.advice) : m(r.detail), step: STEP_OF_CHECK[r.id] }));
  for (const r of verdict.unchecked) todo.push(`${title(r, m)} — ${t('check.notGiven', { step: STEP_OF_CHECK[r.id] })}`);
  return todo;
}

export function configValues(values: WizardValues, env: Record<string, string | undefined>, folder: string | undefined): ServiceConfigValues {
  const p = values.proxy;
  return serviceConfigValues({
    companyCode: values.companyCode,
    ...(tokenValue(values, env) ? { token: tokenValue(values, env)! } : {}),
    ...(folder ? { folder } : {}),
    ...(p.use ? { proxy: { host: p.host, port: p.port, ...(p.auth ? { user: p.user } : {}) } } : {}),
  });
}

/** The report could not be written: said plainly, without the temporary file's name. */
function reportProblem(err: unknown, target: string, t: Translator['t']): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return t('check.reportNoFolder', { folder: dirname(target) });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return t('check.reportDenied', { folder: dirname(target) });
  return t('check.reportFailed', { reason: code ?? (err instanceof Error ? err.message : String(err)) });
}

/** Step 7: every check of doctor, the verdict, the values for HTLanScopeServiceConfig, a report without secrets. */
export function ChecklistStep({ values, update, loaded, setLoaded, facts, diagnosis, results, finish, env, height, width, settingsPath, demo, refusedEnv }: StepProps) {
  const tr = useT();
  const { t, m, g, lang } = tr;
  const services = useServices();
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<string | undefined>();
  // After go-live: with a Web API token, Tab compares the logs with what KING OF TIME holds (issue 13).
  const [comparing, setComparing] = useState(false);
  const kotToken = env.KOT_API_TOKEN && facts.logs && facts.mapping ? env.KOT_API_TOKEN : undefined;
  // A KOT_API_TOKEN too long to be a token was set aside at start: said here, where the offer would be.
  const offer = kotToken ? trReconcile(lang, 'ui.offer') : refusedEnv?.KOT_API_TOKEN ? `${g.warn} ${trReconcile(lang, 'ui.offerRefused', { reason: refusedEnv.KOT_API_TOKEN })}` : undefined;
  const verdict = useMemo(() => goLiveVerdict(results), [results]);
  const todo = useMemo(() => todoList(results, loaded.upload?.file, tr), [results, loaded.upload, tr]);
  const raw = configValues(values, env, facts.outputDir?.path);
  // The mask's length in this language (`（32 文字）`).
  const config = { ...raw, tokenMasked: raw.tokenMasked && t('check.config.masked', { masked: raw.tokenMasked }) };
  const reportPath = cleanPath(values.reportPath);
  const saved = loaded.reportFile !== undefined && loaded.reportFile === reportTarget(reportPath);

  // A report path to start from: beside the settings (or the demo's folder), so Enter saves one.
  useEffect(() => {
    const dir = demo?.dir ?? (settingsPath ? dirname(settingsPath) : undefined);
    if (values.reportPath === '' && dir) update({ reportPath: join(dir, 'lanscope-kot-report.md') });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const verdictText = verdict.ready ? `${g.pass} ${t('check.ready')}` : `${g.fail} ${t('check.notReady', { fail: verdict.failed.length, unchecked: verdict.unchecked.length })}`;
  const optional = verdict.summary.skip - verdict.unchecked.length;
  const reportField = {
    label: t('check.report'),
    width,
    error,
    note: saved ? t('check.reportSaved', { file: loaded.reportFile! }) : undefined,
    hint: reportPath === '' ? t('check.reportHintEmpty') : t('check.reportHint'),
  };
  const current = results[Math.min(selected, results.length - 1)]!;
  const detail = t('check.detail', {
    title: title(current, m),
    manual: m({ key: 'manual.section', params: { section: current.manual } }),
    id: current.id,
    text: `${checkDetail(current, tr)}${current.advice ? ` ${g.arrow} ${m(current.advice)}` : ''}`,
  });

  // What fits: the verdict first, always; then the to-dos, the list (at least 3 rows), the selected check
  // in full, the values for HTLanScopeServiceConfig and the report field. When the terminal is short,
  // to-dos get one line each, then fewer of them, and the detail area shrinks.
  const layout = fitLayout(height, {
    verdict: paraLines(verdictText, width),
    todo: todo.map((item) => (maxLines: number) => Math.min(maxLines, paraLines(item, width - 5))),
    // The checks' heading, and under it the offer to compare with KING OF TIME (issue 13) when a Web API token is set.
    heading: 1 + (offer ? paraLines(offer, width) : 0),
    config: 5,
    report: textFieldLines(reportField, g.fail),
    rows: results.length,
  });
  const shownTodo = todo.slice(0, layout.todoShown);
  const listHeight = layout.listHeight;
  const start = useScrollWindow(results.length, selected, listHeight);

  const saveReport = (): void => {
    const target = reportTarget(reportPath);
    if (!/\.md$/i.test(target)) return setError(t('check.reportNotMd'));
    try {
      const report = buildReport(diagnosis, results, m, (id) => title({ id } as CheckResult, m));
      report.checks = report.checks.map((c, i) => ({ ...c, detail: checkDetail(results[i]!, tr) }));
      const secrets = [tokenValue(values, env), values.proxy.password].filter((s): s is string => Boolean(s));
      writeFileAtomic(target, goLiveMarkdown(report, config, markdownText(tr, verdict.ready, todo, report.users, services.now()), secrets));
      setLoaded((l) => ({ ...l, reportFile: target }));
      setError(undefined);
    } catch (err) {
      setError(reportProblem(err, target, t));
    }
  };

  useKeys((_input, key) => {
    if (key.ctrl || key.escape) return;
    if (key.tab && kotToken) return setComparing((c) => !c);
    if (comparing) return;
    if (key.return) {
      if (reportPath !== '' && !saved) return saveReport();
      return finish();
    }
    const last = results.length - 1;
    if (key.downArrow) setSelected((s) => Math.min(last, s + 1));
    else if (key.upArrow) setSelected((s) => Math.max(0, s - 1));
    else if (key.pageDown) setSelected((s) => Math.min(last, s + listHeight));
    else if (key.pageUp) setSelected((s) => Math.max(0, s - listHeight));
    else if (key.home) setSelected(0);
    else if (key.end) setSelected(last);
  });

  const row = (label: string, value: string | undefined) => (
    <Box>
      <Box width={26} flexShrink={0}>
        <Text dimColor>{fitColumns(label, 25, g.ellipsis)}</Text>
      </Box>
      <Text>{fitColumnsMiddle(g.safe ? narrowSafeText(value ?? t('check.notGivenShort')) : (value ?? t('check.notGivenShort')), width - 26, g.ellipsis)}</Text>
    </Box>
  );
  const detailWidth = width - 2 - 9 - 31;

  if (comparing && kotToken) return <KotCompare facts={facts} values={values} token={kotToken} env={env} height={height} width={width} />;
  return (
    <Box flexDirection="column">
      <Para text={verdictText} width={width} color={verdict.ready ? 'green' : 'red'} bold />
      {shownTodo.map((item, i) => (
        <Box key={i} marginLeft={2}>
          <Box width={3} flexShrink={0}>
            <Text color={verdict.ready ? 'yellow' : undefined}>{i + 1}.</Text>
          </Box>
          <Para text={item} width={width - 5} color={verdict.ready ? 'yellow' : undefined} maxLines={layout.todoLines} ellipsis={g.ellipsis} />
        </Box>
      ))}
      {todo.length > shownTodo.length ? <Text dimColor>  {t('check.moreTodo', { count: todo.length - shownTodo.length })}</Text> : null}
      <Box marginTop={layout.gaps ? 1 : 0} flexDirection="column">
        <Text bold>{fitColumns(t('check.checks', { pass: verdict.summary.pass, warn: verdict.summary.warn, fail: verdict.summary.fail, unchecked: verdict.unchecked.length, optional }), width, g.ellipsis)}</Text>
        {offer ? <Para text={offer} width={width} dimColor={Boolean(kotToken)} color={kotToken ? undefined : 'yellow'} /> : null}
      </Box>
      {results.slice(start, start + listHeight).map((r, i) => {
        const isSelected = start + i === selected;
        return (
          <Box key={r.id}>
            <Cursor on={isSelected} />
            <Box width={9} flexShrink={0}>
              <StatusMark status={r.status} />
            </Box>
            <Box width={30} flexShrink={0} marginRight={1}>
              <Text wrap="truncate-end" bold={isSelected}>
                {fitColumns(title(r, m), 30, g.ellipsis)}
              </Text>
            </Box>
            {detailWidth > 8 ? (
              <Box flexShrink={1}>
                <Text wrap="truncate-end" dimColor={r.status === 'skip'}>
                  {fitColumns(checkDetail(r, tr), detailWidth, g.ellipsis)}
                </Text>
              </Box>
            ) : null}
          </Box>
        );
      })}
      <Box marginLeft={2} height={layout.detailLines}>
        <Para text={detail} width={width - 2} color={current.advice ? 'yellow' : undefined} maxLines={layout.detailLines} ellipsis={g.ellipsis} />
      </Box>
      <Box marginTop={layout.gaps ? 1 : 0} flexDirection="column">
        <Text bold>{fitColumns(t('check.configHeading'), width, g.ellipsis)}</Text>
        {row(t('check.config.companyCode'), config.companyCode)}
        {row(t('check.config.token'), config.tokenMasked)}
        {row(t('check.config.folder'), config.folder)}
        {row(t('check.config.proxy'), config.proxy ? `${config.proxy.host}:${config.proxy.port}${config.proxy.user ? ` ${g.dot} ${t('check.config.proxyUser', { user: config.proxy.user })}` : ''}` : t('check.config.noProxy'))}
      </Box>
      <Box marginTop={layout.gaps ? 1 : 0} flexDirection="column">
        <TextField
          {...reportField}
          marker={false}
          value={values.reportPath}
          onChange={(reportPath) => {
            setError(undefined);
            update({ reportPath });
          }}
          focus
        />
      </Box>
    </Box>
  );
}

export interface ChecklistLayout {
  todoShown: number;
  todoLines: number;
  listHeight: number;
  detailLines: number;
  /** Blank lines between the sections. */
  gaps: boolean;
}

/**
 * How step 7 fits `height` lines: generous first, then one degradation at a time (to-dos to one line
 * each, a smaller detail area, fewer to-dos, no blank lines) until the list has its 3 rows.
 */
export function fitLayout(height: number, parts: { verdict: number; todo: ((maxLines: number) => number)[]; heading: number; config: number; report: number; rows: number }): ChecklistLayout {
  const layout: ChecklistLayout = { todoShown: Math.min(MAX_TODO, parts.todo.length), todoLines: 2, listHeight: 0, detailLines: 3, gaps: true };
  const fixed = (l: ChecklistLayout): number =>
    parts.verdict +
    parts.todo.slice(0, l.todoShown).reduce((n, lines) => n + lines(l.todoLines), 0) +
    (parts.todo.length > l.todoShown ? 1 : 0) +
    parts.heading +
    l.detailLines +
    parts.config +
    parts.report +
    (l.gaps ? 3 : 0);
  const steps: ((l: ChecklistLayout) => void)[] = [
    (l) => (l.todoLines = 1),
    (l) => (l.detailLines = 2),
    (l) => (l.gaps = false),
    (l) => (l.todoShown = Math.min(l.todoShown, 2)),
    (l) => (l.todoShown = Math.min(l.todoShown, 1)),
    (l) => (l.detailLines = 1),
  ];
  for (const degrade of steps) {
    if (height - fixed(layout) >= Math.min(3, parts.rows)) break;
    degrade(layout);
  }
  layout.listHeight = Math.max(1, Math.min(parts.rows, height - fixed(layout)));
  return layout;
}

function markdownText(tr: Translator, ready: boolean, todo: string[], users: { mapped: string[]; unmapped: string[]; nearMisses: unknown[]; duplicateMappings: unknown[]; sharedPc: unknown[]; unused: unknown[] }, now: Date): MarkdownText {
  const { t, m } = tr;
  return {
    title: t('md.title'),
    generated: t('md.generated', { date: now.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' }),
    verdict: ready ? t('check.ready') : t('md.notReady'),
    todoHeading: t('md.todo'),
    todo,
    checksHeading: t('md.checks'),
    columns: { status: t('md.col.status'), check: t('md.col.check'), found: t('md.col.found'), manual: t('md.col.manual') },
    status: { pass: m({ key: 'status.pass', params: {} }), warn: m({ key: 'status.warn', params: {} }), fail: m({ key: 'status.fail', params: {} }), skip: m({ key: 'status.skip', params: {} }) },
    configHeading: t('check.configHeading'),
    configIntro: t('md.configIntro'),
    config: {
      companyCode: t('check.config.companyCode'),
      token: t('check.config.token'),
      folder: t('check.config.folder'),
      proxy: t('check.config.proxy'),
      proxyUser: t('md.proxyUser'),
      none: t('check.config.noProxy'),
      notGiven: t('check.notGivenShort'),
    },
    usersHeading: t('md.users'),
    users: [
      t('md.users.mapped', { count: users.mapped.length }),
      t('md.users.unmapped', { count: users.unmapped.length, list: users.unmapped.slice(0, 20).join(', ') + (users.unmapped.length > 20 ? ' …' : '') }),
      t('md.users.other', { near: users.nearMisses.length, duplicates: users.duplicateMappings.length, shared: users.sharedPc.length, unused: users.unused.length }),
    ],
    footer: t('md.footer'),
  };
}
