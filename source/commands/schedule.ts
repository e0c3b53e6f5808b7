import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatClockTime, isClockTimeError, parseClockTime } from '../core/clock-time.js';
import { crontabLine, posixCommandLine, windowsCommandLine } from '../core/command-line.js';
import { escapeLines } from '../core/printable.js';
import { DEFAULT_ENDPOINT, KOT_API_BASE } from '../core/endpoints.js';
import { parseProxyUrl } from '../core/proxy-settings.js';
import { taskXml, taskXmlBytes } from '../core/task-xml.js';
import { detectLang } from '../i18n/locale.js';
import type { Lang } from '../i18n/message.js';
import { tr } from '../i18n/reconcile.js';
import { scheduleHelp } from '../i18n/reconcile-help.js';
import { closedWindowEnd } from '../io/kot-api.js';
import { writeFileAtomic } from '../io/upload-file.js';
import { RunRecord } from '../io/run-record.js';
import { createTask, writeEvent } from '../io/windows-tools.js';
import { parseDoctorOptions, type DoctorOptions } from './doctor-options.js';
import { usageOrInputText } from './reconcile.js';
import { ReconcileUsageError, takeFlags } from './reconcile-options.js';
import { writeOutput } from './run-output.js';
import { besideState, type WatchIo } from './watch.js';
import { environmentSecrets, internalErrorText } from './internal-error.js';
import { writeHelp } from './write-help.js';

/**
 * `lanscope-kot schedule --at 10:30 --state FILE [inputs…]`: the daily check (`watch`) as a Windows Task
 * Scheduler task (printed; created with --install through `schtasks /create /xml`) or, elsewhere, as a
 * crontab line. Times inside the Web API's closed hours are refused. Paths become absolute (the task runs
 * in another folder); no token or password is ever written into the task: they are read at run time.
 */
export interface ScheduleIo extends WatchIo {
  /** The program and script that run lanscope-kot here (the .exe alone, or node and bin/lanscope-kot.js). */
  command?: string[];
  /** Minutes east of UTC of the machine's clock (tests fix it); default: this machine's. */
  utcOffsetMinutes?: number;
}

const usage = (detail: (lang: Lang) => string) => new ReconcileUsageError((lang) => tr(lang, 'rc.usage', { command: 'schedule', detail: detail(lang) }));

export async function runSchedule(args: readonly string[], io: ScheduleIo): Promise<number> {
  let lang: Lang = detectLang(io.env);
  const platform = io.platform ?? process.platform;
  // Paths, the command line and schtasks' words are quoted as they are: escaped, so none drives the terminal.
  const out = (text: string): void => void io.stdout.write(`${escapeLines(text)}\n`);
  const fail = (text: string): void => void io.stderr.write(`${escapeLines(`lanscope-kot: ${text}`)}\n`);
  try {
    const install = args.includes('--install');
    const { taken, rest } = takeFlags(args.filter((a) => a !== '--install'), ['at', 'state', 'task-name', 'xml', 'days'], 'schedule');
    const options = parseDoctorOptions(rest);
    lang = options.lang ?? lang;
    if (options.help) {
      await writeHelp({ stdout: io.stdout, args, env: io.env }, scheduleHelp[lang]);
      return 0;
    }
    if (taken.at === undefined) throw usage((l) => tr(l, 'sc.needAt'));
    const at = parseClockTime(taken.at);
    if (isClockTimeError(at)) throw usage((l) => tr(l, 'sc.badAt', { value: taken.at! }));
    if (taken.state === undefined) throw usage((l) => tr(l, 'w.needState'));
    if (taken.days !== undefined && !/^([1-9]|[1-5]\d|6[0-2])$/.test(taken.days)) throw usage((l) => tr(l, 'rc.badDays', { value: taken.days! }));
    if (options.proxy && parseProxyUrl(options.proxy).password) throw usage((l) => tr(l, 'sc.proxyPassword'));

    const now = io.now?.() ?? new Date();
    const offset = io.utcOffsetMinutes ?? -now.getTimezoneOffset();
    const jst = (((at.minutes - offset + 9 * 60) % 1440) + 1440) % 1440;
    const jstDate = new Date(Date.UTC(2000, 0, 1, 0, jst) - 9 * 3600 * 1000);
    const atText = at.text;
    const jstText = formatClockTime(jst);
    if (closedWindowEnd(jstDate)) throw usage((l) => tr(l, 'sc.closed', { at: atText, jst: jstText }));

    const state = resolve(taken.state);
    const files = besideState(state);
    const watchArgs = ['watch', '--state', state, ...inputArgs(options), ...(taken.days ? ['--days', taken.days] : []), ...(platform === 'win32' ? ['--event-log'] : [])];
    const command = io.command ?? ownCommand();
    const hasToken = options.kotApiTokenFile !== undefined || Boolean(io.env.KOT_API_TOKEN);

    out(tr(lang, 'sc.when', { at: atText, jst: jstText }));
    if (closedWindowEnd(new Date(jstDate.getTime() + 30 * 60_000))) out(tr(lang, 'sc.nearClosed', { at: atText, jst: jstText }));
    const windows = platform === 'win32';
    out(tr(lang, 'sc.runs', { command: windows ? windowsCommandLine([...command, ...watchArgs]) : posixCommandLine([...command, ...watchArgs]) }));
    out(tr(lang, 'sc.writes', { state, report: files.report, csv: files.csv }));
    if (windows) out(tr(lang, 'sc.eventLog'));
    if (!hasToken) out(tr(lang, 'sc.noToken'));
    else if (options.kotApiTokenFile === undefined) out(tr(lang, 'sc.tokenEnv'));

    const name = taken['task-name'] ?? 'lanscope-kot';
    const xml = taskXml({
      description: tr(lang, 'sc.installedEvent', { name, at: atText }),
      at: at.minutes,
      startDate: localDate(now, offset),
      command: command[0]!,
      arguments: windowsCommandLine([...command.slice(1), ...watchArgs]),
      workingDirectory: dirname(state),
      ...(io.env.USERNAME ? { userId: io.env.USERDOMAIN ? `${io.env.USERDOMAIN}\\${io.env.USERNAME}` : io.env.USERNAME } : {}),
    });
    if (taken.xml !== undefined) {
      const file = resolve(taken.xml);
      writeOutput(file, undefined, { kind: 'xml', record: io.record, write: () => writeFileAtomic(file, taskXmlBytes(xml)) });
      out(tr(lang, 'sc.xmlWritten', { file }));
    }
    if (!windows) {
      out('');
      out(tr(lang, 'sc.cron'));
      out(crontabLine(at.minutes, [...command, ...watchArgs]));
      if (install) throw usage((l) => tr(l, 'sc.installNotWindows'));
      return 0;
    }
    if (!install) {
      out(tr(lang, 'sc.howInstall', { name }));
      return 0;
    }
    // A Ctrl-C while schtasks runs: the task may or may not exist, and the stop says so (commands/stopped.ts).
    const record = io.record ?? new RunRecord();
    const created = await record.during('task', () => createTask(name, xml, io.run, record), name);
    if (created.code !== 0) {
      fail(tr(lang, 'sc.installFailed', { output: created.output }));
      return 2;
    }
    record.wrote('task', name);
    out(tr(lang, 'sc.installed', { name }));
    // The first entry registers the source; later runs of the task (without administrator rights) can then write.
    const event = await record.during('event', () => writeEvent('INFORMATION', tr(lang, 'sc.installedEvent', { name, at: atText }), io.run));
    if (event.code === 0) out(tr(lang, 'sc.sourceRegistered'));
    else fail(tr(lang, 'w.eventFailed', { output: event.output }));
    return 0;
  } catch (err) {
    fail(usageOrInputText(err, lang) ?? internalErrorText(err, environmentSecrets(io.env)));
    return 2;
  }
}

/** The inputs the daily run needs, with absolute paths: the task starts in the state file's folder. */
function inputArgs(o: DoctorOptions): string[] {
  const args: string[] = [];
  const path = (flag: string, value: string | undefined) => value !== undefined && args.push(flag, resolve(value));
  path('--sql', o.sql);
  path('--conf-ini', o.confIni);
  path('--log-dir', o.logDir);
  path('--mapping', o.mapping);
  for (const d of o.dayChanges) args.push('--day-change', d.division === undefined ? d.text : `${d.division}=${d.text}`);
  if (o.companyCode !== undefined) args.push('--company-code', o.companyCode);
  path('--token-file', o.tokenFile);
  path('--kot-api-token-file', o.kotApiTokenFile);
  if (o.proxy !== undefined) args.push('--proxy', o.proxy);
  path('--ca-file', o.caFile);
  if (o.endpoint !== DEFAULT_ENDPOINT) args.push('--endpoint', o.endpoint);
  if (o.kotApiBase !== KOT_API_BASE) args.push('--kot-api-base', o.kotApiBase);
  if (o.timeoutSeconds !== 10) args.push('--timeout', String(o.timeoutSeconds));
  if (o.offline) args.push('--offline');
  if (o.lang !== undefined) args.push('--lang', o.lang);
  return args;
}

/** The .exe alone (one-file build), else node and the script it is running. */
function ownCommand(): string[] {
  const script = process.argv[1];
  if (script === undefined || script === process.execPath) return [process.execPath];
  try {
    return [process.execPath, realpathSync(script)];
  } catch {
    return [process.execPath, resolve(script)];
  }
}

function localDate(now: Date, offsetMinutes: number): string {
  return new Date(now.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}
