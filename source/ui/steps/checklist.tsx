import { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../widgets/keys.js';
import type { CheckResult } from '../../core/checks/index.js';
import { goLiveMarkdown, goLiveVerdict, serviceConfigValues, type MarkdownText, type ServiceConfigValues } from '../../core/go-live.js';
import { buildReport } from '../../core/report.js';
import type { MessageKey } from '../../i18n/message.js';
import { reportTarget, writeFileAtomic } from '../../io/upload-file.js';
import type { StepProps } from '../app.js';
import { useT, type Translator } from '../i18n.js';
import { problemText } from '../load.js';
import { useServices } from '../services.js';
import { cleanPath, STEP_OF_CHECK, tokenValue, type WizardValues } from '../state.js';
import { clip } from '../widgets/clip.js';
import { Cursor } from '../widgets/cursor.js';
import { useScrollWindow } from '../widgets/scroll-window.js';
import { StatusMark } from '../widgets/status-mark.js';
import { displayWidth } from '../../core/display-width.js';
import { TextField } from '../widgets/text-field.js';
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
  if (uploadFile) todo.push(t('check.todoUpload', { file: uploadFile }));
  for (const r of verdict.failed) todo.push(`${title(r, m)} — ${r.advice ? m(r.advice) : m(r.detail)} ${t('check.seeStep', { step: STEP_OF_CHECK[r.id] })}`);
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

/** Step 7: every check of doctor, the verdict, the values for HTLanScopeServiceConfig, a report without secrets. */
export function ChecklistStep({ values, update, loaded, setLoaded, facts, diagnosis, results, finish, env, height, width }: StepProps) {
  const tr = useT();
  const { t, m, lang } = tr;
  const services = useServices();
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<string | undefined>();
  // After go-live: with a Web API token, Tab compares the logs with what KING OF TIME holds (issue 13).
  const [comparing, setComparing] = useState(false);
  const kotToken = env.KOT_API_TOKEN && facts.logs && facts.mapping ? env.KOT_API_TOKEN : undefined;
  const verdict = useMemo(() => goLiveVerdict(results), [results]);
  const todo = useMemo(() => todoList(results, loaded.upload?.file, tr), [results, loaded.upload, tr]);
  const config = configValues(values, env, facts.outputDir?.path);
  const reportPath = cleanPath(values.reportPath);
  const saved = loaded.reportFile !== undefined && loaded.reportFile === reportTarget(reportPath);

  const shownTodo = todo.slice(0, MAX_TODO);
  // Verdict, to-dos (up to two lines each), heading, detail of the selected check, config block, report field.
  const todoLines = shownTodo.reduce((n, item) => n + Math.ceil(displayWidth(item) / Math.max(20, width - 6)), 0);
  const fixedLines = 1 + todoLines + (todo.length > MAX_TODO ? 1 : 0) + 2 + (kotToken ? 1 : 0) + 2 + 6 + 3;
  const listHeight = Math.max(3, Math.min(results.length, height - fixedLines));
  const start = useScrollWindow(results.length, selected, listHeight);
  const current = results[selected]!;

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
      setError(problemText(err, lang));
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
        <Text dimColor>{label}</Text>
      </Box>
      <Text wrap="truncate-middle">{value ?? t('check.notGivenShort')}</Text>
    </Box>
  );

  if (comparing && kotToken) return <KotCompare facts={facts} values={values} token={kotToken} height={height} />;
  return (
    <Box flexDirection="column">
      {verdict.ready ? (
        <Text color="green" bold>
          ✔ {t('check.ready')}
        </Text>
      ) : (
        <Text color="red" bold>
          ✖ {t('check.notReady', { fail: verdict.failed.length, unchecked: verdict.unchecked.length })}
        </Text>
      )}
      {shownTodo.map((item, i) => (
        <Box key={i} marginLeft={2}>
          <Box width={3} flexShrink={0}>
            <Text color={verdict.ready ? 'yellow' : undefined}>{i + 1}.</Text>
          </Box>
          <Text color={verdict.ready ? 'yellow' : undefined}>{item}</Text>
        </Box>
      ))}
      {todo.length > MAX_TODO ? <Text dimColor>  {t('check.moreTodo', { count: todo.length - MAX_TODO })}</Text> : null}
      <Box marginTop={1} flexDirection="column">
        <Text bold>{t('check.checks', { ...verdict.summary })}</Text>
        {kotToken ? <Text dimColor>{trReconcile(lang, 'ui.offer')}</Text> : null}
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
                {clip(title(r, m), 30)}
              </Text>
            </Box>
            <Box flexShrink={1}>
              <Text wrap="truncate-end" dimColor={r.status === 'skip'}>
                {clip(checkDetail(r, tr), width - 2 - 9 - 31)}
              </Text>
            </Box>
          </Box>
        );
      })}
      <Box marginLeft={2} flexDirection="column">
        <Text wrap="truncate-end" dimColor>
          {m({ key: 'manual.section', params: { section: current.manual } })} · {current.id}
        </Text>
        <Text wrap="truncate-end" color={current.advice ? 'yellow' : undefined}>
          {current.advice ? `→ ${m(current.advice)}` : checkDetail(current, tr)}
        </Text>
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text bold>{t('check.configHeading')}</Text>
        {row(t('check.config.companyCode'), config.companyCode)}
        {row(t('check.config.token'), config.tokenMasked)}
        {row(t('check.config.folder'), config.folder)}
        {row(t('check.config.proxy'), config.proxy ? `${config.proxy.host}:${config.proxy.port}${config.proxy.user ? ` · ${t('check.config.proxyUser', { user: config.proxy.user })}` : ''}` : t('check.config.noProxy'))}
      </Box>
      <Box marginTop={1} flexDirection="column">
        <TextField
          label={t('check.report')}
          value={values.reportPath}
          onChange={(reportPath) => {
            setError(undefined);
            update({ reportPath });
          }}
          focus
          error={error}
          note={saved ? t('check.reportSaved', { file: loaded.reportFile! }) : undefined}
          hint={reportPath === '' ? t('check.reportHintEmpty') : t('check.reportHint')}
        />
      </Box>
    </Box>
  );
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
