import chalk from 'chalk';
import { diagnose, runChecks } from '../core/checks/index.js';
import { escapeLines } from '../core/printable.js';
import { buildReport } from '../core/report.js';
import { redactMessage, redactValues } from '../core/redact-message.js';
import { redactKnownSecrets, redactSecrets } from '../core/secret.js';
import { compareWithLast, inRange, nextState, reconcileItems, type WatchState } from '../core/since-last.js';
import { detectLang } from '../i18n/locale.js';
import type { Lang, MessageKey } from '../i18n/message.js';
import { tr } from '../i18n/reconcile.js';
import { watchHelp } from '../i18n/reconcile-help.js';
import { t, translate } from '../i18n/translate.js';
import { readState } from '../io/state-file.js';
import { RunRecord } from '../io/run-record.js';
import { writeEvent, type EventLevel, type ToolRunner } from '../io/windows-tools.js';
import { formatDoctorText } from './doctor-text.js';
import { changeText, doctorSinceLast, doctorSinceLastText } from './doctor-since-last.js';
import { collectSecrets } from './doctor.js';
import { gatherFacts, loadNetworkTrust, readKotApiToken } from './gather-facts.js';
import { newFindings, reconcileFacts, ReconcileFailure, refuseInClosedHours, usageOrInputText, type Reconciled, type ReconcileIo } from './reconcile.js';
import { reconcileCsv } from './reconcile-csv.js';
import { parseReconcileOptions, ReconcileUsageError, takeFlags } from './reconcile-options.js';
import { findingLine, formatReconcileText } from './reconcile-text.js';
import { isoJst, saveState, sinceLastFooter, writeOutput } from './run-output.js';
import { internalErrorText } from './internal-error.js';
import { writeHelp } from './write-help.js';

/**
 * `lanscope-kot watch --state FILE …`: the daily check a scheduled task runs. doctor and reconcile (the
 * last --days work days, 7 by default) on one reading of the inputs, each reporting what is new since the
 * last run; the report and the findings CSV are written beside the state file, and with --event-log the
 * outcome goes to the Windows Application event log. Exit codes as doctor's and reconcile's, the worst.
 */
export interface WatchIo extends ReconcileIo {
  platform?: NodeJS.Platform;
  run?: ToolRunner;
}

const EVENT_LINES = 10;

/** `C:\lanscope-kot\watch.json` → `C:\lanscope-kot\watch.report.txt` / `watch.findings.csv`. */
export function besideState(state: string): { report: string; csv: string } {
  const stem = state.replace(/\.json$/i, '');
  return { report: `${stem}.report.txt`, csv: `${stem}.findings.csv` };
}

export async function runWatch(args: readonly string[], io: WatchIo): Promise<number> {
  let lang: Lang = detectLang(io.env);
  const secrets: string[] = [];
  // Values are redacted where they enter a message (as in doctor); the whole output once more for known secrets.
  // No colour here: the whole text is escaped line by line (paths, names and a server's words quoted as they are).
  const say = (stream: NodeJS.WritableStream, text: string): void => {
    stream.write(redactKnownSecrets(escapeLines(text), secrets));
  };
  const now = io.now?.() ?? new Date();
  const platform = io.platform ?? process.platform;
  const eventLog = args.includes('--event-log');
  // The report goes to a file and the event log as well as stdout: plain text everywhere.
  chalk.level = 0;
  try {
    const { taken, rest } = takeFlags(args.filter((a) => a !== '--event-log'), ['state'], 'watch');
    const days = rest.some((a) => a === '--days' || a.startsWith('--days=')) ? [] : ['--days', '7'];
    const options = parseReconcileOptions([...rest, ...days], now, 'watch', true);
    lang = options.lang ?? lang;
    if (options.help) {
      await writeHelp({ stdout: io.stdout, args, env: io.env }, watchHelp[lang]);
      return 0;
    }
    const usage = (key: 'w.needState' | 'w.eventLogOnlyWindows') => new ReconcileUsageError((l) => tr(l, 'rc.usage', { command: 'watch', detail: tr(l, key) }));
    if (taken.state === undefined) throw usage('w.needState');
    if (eventLog && platform !== 'win32') throw usage('w.eventLogOnlyWindows');
    const stateFile = taken.state;
    const files = besideState(stateFile);
    const state = await readState(stateFile);
    collectSecrets(options, io.env, secrets);

    // Loaded once: doctor's probe, the divisions and employees, and reconcile's punches trust the same CAs.
    const trust = options.offline ? undefined : await loadNetworkTrust(options, io.env);
    const facts = await gatherFacts(options, io.env, undefined, secrets, { ...(trust ? { trust } : {}), now });
    const diagnosis = diagnose(facts);
    const results = runChecks(diagnosis);
    const built = buildReport(diagnosis, results, (m) => translate(redactMessage(m, secrets), lang), (id) => t(lang, `title.${id}` as MessageKey, {} as never));
    const report = { ...built, checks: built.checks.map((c) => ({ ...c, data: redactValues(c.data, secrets) })) };
    const doctorSince = doctorSinceLast(state, diagnosis, results, now);

    const token = options.offline ? undefined : await readKotApiToken(options, io.env);
    let reconciled: Reconciled | undefined;
    let failure: string | undefined;
    let skipped: string | undefined;
    if (!trust) skipped = tr(lang, 'w.offline');
    else if (!token) skipped = tr(lang, 'w.noToken');
    else {
      try {
        refuseInClosedHours(now);
        reconciled = await reconcileFacts(facts, options, { token, trust, secrets }, io.env, now);
      } catch (err) {
        if (!(err instanceof ReconcileFailure)) throw err;
        failure = err.text(lang);
      }
    }

    let next: WatchState = nextState(state, { doctor: doctorSince.section });
    const sections = [tr(lang, 'w.header', { at: isoJst(now) }), '', tr(lang, 'w.doctorTitle'), formatDoctorText(report, lang) + doctorSinceLastText(doctorSince, stateFile, lang), tr(lang, 'w.reconcileTitle')];
    let freshFindings: string[] = [];
    if (reconciled) {
      const { result, fetched } = reconciled;
      const items = reconcileItems(result);
      const since = compareWithLast(state?.reconcile, items, inRange(result.from, result.to));
      const isNew = since.previousAt ? newFindings(since) : undefined;
      sections.push(formatReconcileText(result, lang, { fetched, ...(isNew ? { isNew } : {}) }) + sinceLastFooter(since, Object.keys(items).length, stateFile, lang));
      freshFindings = result.findings.filter((f) => !isNew || isNew(f)).map((f) => findingLine(f, lang));
      next = nextState(next, { reconcile: { at: isoJst(now), from: result.from, to: result.to, items } });
      writeOutput(files.csv, redactKnownSecrets(reconcileCsv(result.findings, lang), secrets), { kind: 'csv', record: io.record });
    } else {
      sections.push(failure ?? tr(lang, 'w.reconcileSkipped', { reason: skipped ?? '' }), '');
    }
    sections.push(tr(lang, 'w.written', { report: files.report, csv: reconciled ? files.csv : '' }), '');
    // The report file and the terminal get the same text: escaped, as doctor's and reconcile's own lines are.
    const text = redactKnownSecrets(escapeLines(sections.join('\n')), secrets);
    writeOutput(files.report, '\uFEFF' + text.replace(/\r?\n/g, '\r\n'), { kind: 'report', record: io.record });
    saveState(stateFile, next, secrets, io.record);
    say(io.stdout, text);

    const doctorFailed = report.summary.fail > 0;
    const code = failure ? 2 : doctorFailed || (reconciled?.result.findings.length ?? 0) > 0 ? 1 : 0;
    if (eventLog) {
      const level: EventLevel = failure || (reconciled?.result.summary.daysNotSent ?? 0) > 0 ? 'ERROR' : code === 1 ? 'WARNING' : 'INFORMATION';
      const checks = tr(lang, 'w.event.checks', { fail: report.summary.fail, warn: report.summary.warn, fresh: doctorSince.changes.length });
      const r = reconciled?.result;
      const second = r
        ? tr(lang, 'w.event.reconcile', { from: r.from, to: r.to, findings: r.findings.length, fresh: freshFindings.length, notSent: r.summary.daysNotSent })
        : failure
          ? tr(lang, 'w.event.failed', { reason: failure })
          : tr(lang, 'w.reconcileSkipped', { reason: skipped ?? '' });
      const firsts = [...doctorSince.changes.map((c) => changeText(c, lang)), ...freshFindings].slice(0, EVENT_LINES);
      await recordEvent(io, level, [`lanscope-kot: ${checks}; ${second}`, ...firsts.map((l) => `- ${l}`), tr(lang, 'w.written', { report: files.report, csv: '' })].join('\r\n'), lang, secrets);
    }
    return code;
  } catch (err) {
    const text = usageOrInputText(err, lang);
    const line = text ?? internalErrorText(err, secrets);
    say(io.stderr, `lanscope-kot: ${line}\n`);
    // A scheduled run that cannot even start must still be seen where monitoring looks.
    if (eventLog && platform === 'win32') await recordEvent(io, 'ERROR', `lanscope-kot: ${tr(lang, 'w.event.failed', { reason: line })}`, lang, secrets);
    return 2;
  }
}

async function recordEvent(io: WatchIo, level: EventLevel, description: string, lang: Lang, secrets: string[]): Promise<void> {
  // Monitoring tools show the description as it is: names in it are escaped, the CR LF between its lines kept.
  const text = redactKnownSecrets(description.split('\r\n').map(escapeLines).join('\r\n'), secrets);
  const result = await (io.record ?? new RunRecord()).during('event', () => writeEvent(level, text, io.run));
  if (result.code !== 0) io.stderr.write(redactKnownSecrets(escapeLines(`lanscope-kot: ${tr(lang, 'w.eventFailed', { output: redactSecrets(result.output, secrets) })}\n`), secrets));
}
