/* Messages of reconcile, the state file (--since-last), schedule and watch. reconcile-ja.ts is typed against this file. */
type None = Record<string, never>;

const n = (value: number): string => value.toLocaleString('en-US');

export const reconcileEn = {
  // Usage (exit 2)
  'rc.usage': (p: { command: string; detail: string }) => `${p.detail}. See "lanscope-kot ${p.command} --help".`,
  'rc.needRange': (_: None) => 'give the work days to compare: --from DATE [--to DATE], or --days N',
  'rc.badDate': (p: { flag: string; value: string }) => `${p.flag} ${p.value}: expected a date like 2024-12-17`,
  'rc.badDays': (p: { value: string }) => `--days ${p.value}: expected a number of days from 1 to 62`,
  'rc.rangeOrder': (p: { from: string; to: string }) => `--to ${p.to} is before --from ${p.from}`,
  'rc.rangeTooLong': (p: { days: number }) => `${p.days} days asked; compare at most 62 days per run`,
  'rc.future': (p: { flag: string; value: string; today: string }) => `${p.flag} ${p.value} is after today (${p.today}, JST)`,
  'rc.bothRanges': (_: None) => 'give either --from/--to or --days, not both',
  'rc.needToken': (_: None) => 'needs the KING OF TIME Web API token: --kot-api-token-file FILE or KOT_API_TOKEN (issued in KING OF TIME’s admin screen; not the link service’s access token)',
  'rc.needLogs': (_: None) => 'needs the LanScope CSVs: --log-dir DIR or --conf-ini FILE',
  'rc.needMapping': (_: None) => 'needs the mapping export: --mapping FILE',
  'rc.notFlag': (p: { flag: string }) => `${p.flag} is a doctor flag and has no use here`,
  'rc.badCsvPath': (p: { file: string }) => `--csv ${p.file}: the folder does not exist`,

  // Running
  'rc.closedNow': (p: { until: string }) =>
    `the KING OF TIME Web API is closed now (08:30–10:00 and 17:30–18:30 JST); nothing was sent. Run again after ${p.until}.`,
  'rc.apiFailed': (p: { detail: string; advice: string; lines: string[] }) =>
    `KING OF TIME Web API: ${p.detail}.${p.advice ? ` ${p.advice}` : ''}${p.lines.map((l) => `\n  ${l}`).join('')}`,
  'rc.noLogs': (_: None) => 'no LanScope CSVs were read in the output folder: nothing to compare',
  'rc.progress': (p: { done: number; total: number }) => `fetching punches from KING OF TIME: ${p.done} of ${p.total} day(s)`,
  'rc.writeFailed': (p: { file: string; reason: string }) => `cannot write ${p.file} (${p.reason}); nothing was changed`,
  'rc.csvWritten': (p: { file: string; rows: number }) => `wrote ${n(p.rows)} finding(s) to ${p.file}`,

  // Text report
  'rc.header': (p: { from: string; to: string; fetched: number }) =>
    `LanScope logs against KING OF TIME, work days ${p.from} – ${p.to} (${n(p.fetched)} punches fetched)`,
  'rc.day': (p: { date: string; matched: number; expected: number; differing: number }) =>
    `${p.date}: ${n(p.matched)} of ${n(p.expected)} employees as expected` + (p.differing ? `, ${n(p.differing)} differ` : ''),
  'rc.dayNotSent': (p: { date: string; expected: number; punches: number }) =>
    `${p.date}: 0 of ${n(p.expected)} employees as expected — none of the ${n(p.punches)} punches arrived: the link did not send this day`,
  'rc.notSentAdvice': (_: None) =>
    'Check that the link service (連携サービス) ran that day, that LanScope wrote the day’s CSV into the output folder, and the proxy (lanscope-kot doctor).',
  'rc.kind.missing-in': (_: None) => 'no clock-in',
  'rc.kind.missing-out': (_: None) => 'no clock-out',
  'rc.kind.time-differs': (_: None) => 'time differs',
  'rc.kind.wrong-day': (_: None) => 'other day',
  'rc.kind.day-not-sent': (_: None) => 'day not sent',
  'rc.punch.in': (_: None) => 'clock-in',
  'rc.punch.out': (_: None) => 'clock-out',
  'rc.what.missing': (p: { punch: string; expected: string }) => `log says ${p.punch} ${p.expected}; KING OF TIME has none`,
  'rc.what.time-differs': (p: { punch: string; expected: string; actual: string }) => `log says ${p.punch} ${p.expected}; KING OF TIME has ${p.actual}`,
  'rc.what.wrong-day': (p: { punch: string; expected: string; workDate: string; actualDate: string }) =>
    `${p.punch} ${p.expected} is filed under work day ${p.actualDate}, not ${p.workDate}`,
  'rc.cause.unmapped-user': (p: { detail: string }) => `LanScope user ${p.detail} has no exact mapping row`,
  'rc.cause.duplicate-mapping': (p: { detail: string }) => `service account ${p.detail} is mapped to several employees: the link stamps none`,
  'rc.cause.other-source': (p: { detail: string }) => `a punch from another source (${p.detail}) is already there`,
  'rc.cause.day-change': (p: { detail: string }) => `KING OF TIME changes day at ${p.detail}, not at LanScope’s collection start (§5.2.1)`,
  'rc.cause.unknown-employee': (_: None) => 'this employee code does not exist in KING OF TIME',
  'rc.unmappedWho': (p: { user: string }) => `(no employee) ${p.user}`,
  'rc.more': (p: { count: number }) => `… ${n(p.count)} more on this day (all of them with --csv or --json)`,
  'rc.seenBefore': (p: { count: number }) => `${n(p.count)} more seen in the last run too (not repeated; all of them with --csv or --json)`,
  'rc.unattributed': (p: { count: number }) => `${n(p.count)} punch(es) in KING OF TIME belong to employee keys no answer tied to a code; not compared`,
  'rc.summary': (p: { days: number; expected: number; matched: number; differing: number; notSent: number; findings: number }) =>
    `${p.days} day(s), ${n(p.expected)} employee-days: ${n(p.matched)} as expected, ${n(p.differing)} differ` +
    (p.notSent ? `, ${p.notSent} day(s) not sent` : '') +
    ` (${n(p.findings)} finding(s))`,
  'rc.verdict.ok': (_: None) => 'KING OF TIME holds every punch the logs call for.',
  'rc.verdict.diff': (_: None) => 'Differences found: see the findings above (exit code 1).',
  'rc.nothing': (_: None) => 'no LanScope logs in these work days: nothing to compare',

  // --since-last (the state file)
  'sl.badState': (p: { file: string; problem: string; reason: string }) =>
    `the state file ${p.file} ` +
    (p.problem === 'unreadable' ? `cannot be read (${p.reason})` : p.problem === 'newer-version' ? 'was written by a newer lanscope-kot' : 'is not one lanscope-kot wrote') +
    '; give another path, or move it away to start afresh (it was not changed)',
  'sl.baseline': (p: { file: string; count: number }) => `No earlier run in ${p.file}: this run is the baseline (${n(p.count)} item(s) recorded); the next run reports what is new.`,
  'sl.header': (p: { at: string; count: number }) => `New since the last run (${p.at}): ${n(p.count)}`,
  'sl.nothingNew': (p: { at: string }) => `Nothing new since the last run (${p.at}).`,
  'sl.resolved': (p: { count: number }) => `${n(p.count)} gone since the last run.`,
  'sl.item.check': (p: { title: string; id: string; value: string; previous: string }) => `${p.title} (${p.id}): ${p.previous ? `${p.previous} → ` : ''}${p.value}`,
  'sl.item.unmapped-user': (p: { subject: string }) => `LanScope user ${p.subject} has logs and no mapping row`,
  'sl.item.duplicate-mapping': (p: { subject: string; value: string }) => `service account ${p.subject} is mapped to several employees (${p.value})`,
  'sl.item.shared-pc': (p: { subject: string }) => `user name ${p.subject} is used on several PCs`,
  'sl.item.day-change': (p: { subject: string; value: string; previous: string }) =>
    `day-change time of ${p.subject === '*' ? 'every division' : `division ${p.subject}`}: ${p.previous ? `${p.previous} → ` : ''}${p.value}`,
  'sl.item.sql-start-time': (p: { value: string; previous: string }) => `collection start time in 勤怠簿出力.sql: ${p.previous ? `${p.previous} → ` : ''}${p.value}`,

  // watch (the daily check)
  'w.needState': (_: None) => '--state FILE is needed: where the daily check keeps what it found (its reports go beside it)',
  'w.eventLogOnlyWindows': (_: None) => '--event-log writes to the Windows Application event log and works on Windows only',
  'w.header': (p: { at: string }) => `lanscope-kot daily check, ${p.at}`,
  'w.doctorTitle': (_: None) => '== Checks (doctor) ==',
  'w.reconcileTitle': (_: None) => '== The logs against KING OF TIME (reconcile) ==',
  'w.reconcileSkipped': (p: { reason: string }) => `reconcile not run: ${p.reason}`,
  'w.noToken': (_: None) => 'no Web API token (--kot-api-token-file or KOT_API_TOKEN)',
  'w.offline': (_: None) => '--offline',
  'w.written': (p: { report: string; csv: string }) => `Report: ${p.report}${p.csv ? `; findings for HR: ${p.csv}` : ''}`,
  'w.event.checks': (p: { fail: number; warn: number; fresh: number }) => `checks: ${p.fail} failed, ${p.warn} warning(s), ${p.fresh} new since the last run`,
  'w.event.reconcile': (p: { from: string; to: string; findings: number; fresh: number; notSent: number }) =>
    `KING OF TIME ${p.from} – ${p.to}: ${n(p.findings)} difference(s), ${n(p.fresh)} new` + (p.notSent ? `, ${p.notSent} day(s) not sent` : ''),
  'w.event.failed': (p: { reason: string }) => `could not check: ${p.reason}`,
  'w.eventFailed': (p: { output: string }) =>
    `could not write to the Application event log (${p.output}); the first entry needs the source lanscope-kot registered by an administrator: run "lanscope-kot schedule … --install" as one`,

  // schedule
  'sc.needAt': (_: None) => '--at HH:MM is needed: the local time of the daily check, outside the Web API’s closed hours (e.g. 10:30)',
  'sc.badAt': (p: { value: string }) => `--at ${p.value}: expected a time like 10:30`,
  'sc.closed': (p: { at: string; jst: string }) =>
    `--at ${p.at} is ${p.jst} JST, inside the KING OF TIME Web API’s closed hours (08:30–10:00 and 17:30–18:30 JST): choose a time outside them, e.g. 10:30`,
  'sc.nearClosed': (p: { at: string; jst: string }) => `note: ${p.at} (${p.jst} JST) is less than 30 minutes before the Web API closes: a long run may be cut off`,
  'sc.proxyPassword': (_: None) =>
    'a --proxy with a password would be stored in clear text in the task: set HTTPS_PROXY for the account the task runs as instead',
  'sc.installNotWindows': (_: None) => '--install creates a Windows scheduled task; on this system add the crontab line above (crontab -e)',
  'sc.when': (p: { at: string; jst: string }) => `Every day at ${p.at} (this machine’s time; ${p.jst} JST), outside the Web API’s closed hours.`,
  'sc.runs': (p: { command: string }) => `Runs:    ${p.command}`,
  'sc.writes': (p: { state: string; report: string; csv: string }) => `Writes:  ${p.state} (what was found, for --since-last), ${p.report}, ${p.csv}`,
  'sc.eventLog': (_: None) => 'Outcome: Windows Application event log, source lanscope-kot (id 100 clean, 200 differences, 300 could not check or a day not sent)',
  'sc.tokenEnv': (_: None) =>
    'The Web API token is read from KOT_API_TOKEN when the task runs: set it for the account the task runs as (setx KOT_API_TOKEN …), or give --kot-api-token-file.',
  'sc.noToken': (_: None) => 'No Web API token: the daily check runs doctor only (give --kot-api-token-file to compare with KING OF TIME too).',
  'sc.howInstall': (p: { name: string }) => `To create the task: add --install (as an administrator), or --xml FILE and then: schtasks /create /tn ${p.name} /xml FILE`,
  'sc.cron': (_: None) => 'Add this line with crontab -e (cron uses this machine’s local time):',
  'sc.installed': (p: { name: string }) => `Created the scheduled task "${p.name}" (Task Scheduler Library).`,
  'sc.installFailed': (p: { output: string }) => `schtasks could not create the task: ${p.output}`,
  'sc.xmlWritten': (p: { file: string }) => `Wrote the task to ${p.file} (UTF-16, as schtasks /create /xml reads it).`,
  'sc.sourceRegistered': (_: None) => 'Registered the event source lanscope-kot in the Application log (one information entry).',
  'sc.installedEvent': (p: { name: string; at: string }) => `lanscope-kot: the daily check "${p.name}" runs every day at ${p.at}.`,

  // Ctrl-C in doctor, reconcile, watch and schedule: what is true at that moment (commands/stopped.ts)
  'stop.line': (p: { command: string; written: string[]; state: boolean; underway: string }) =>
    `lanscope-kot ${p.command}: stopped (Ctrl-C). ` +
    (p.written.length ? `Written whole before the stop: ${p.written.join(', ')}; nothing else.` : 'Nothing was written.') +
    (p.state ? ' The state file holds this run: the next run reports only what is new since it.' : '') +
    (p.underway ? ` ${p.underway}` : ''),
  'stop.written.state': (p: { target: string }) => `the state file ${p.target}`,
  'stop.written.csv': (p: { target: string }) => `the findings CSV ${p.target}`,
  'stop.written.report': (p: { target: string }) => `the report ${p.target}`,
  'stop.written.xml': (p: { target: string }) => `the task file ${p.target}`,
  'stop.written.task': (p: { target: string }) => `the scheduled task "${p.target}"`,
  'stop.underway.task': (p: { target: string }) => `schtasks was creating the task "${p.target}" and may have done so: see schtasks /query /tn ${p.target}.`,
  'stop.underway.event': (_: { target: string }) => 'eventcreate was writing to the Application event log: the entry may be missing.',

  // The wizard's go-live checklist: "compare with KING OF TIME"
  'ui.offer': (_: None) => 'Tab: compare with KING OF TIME (Web API, KOT_API_TOKEN)',
  'ui.offerRefused': (p: { reason: string }) => `compare with KING OF TIME is not offered: ${p.reason}`,
  'ui.running': (p: { from: string; to: string }) => `comparing the logs of ${p.from} – ${p.to} with KING OF TIME …`,
  'ui.keys': (_: None) => '↑↓ PgUp/PgDn scroll · Tab back to the checklist',
  'ui.noDays': (_: None) => 'no LanScope logs of the last 62 days to compare',

  // CSV for HR (one row per finding)
  'rc.csv.header': (_: None) => 'finding,what,employee code,name,LanScope user,work day,punch,log time,KING OF TIME time,KING OF TIME work day,cause,detail',
};

export type ReconcileKey = keyof typeof reconcileEn;
export type ReconcileParams<K extends ReconcileKey> = Parameters<(typeof reconcileEn)[K]>[0];
export type ReconcileCatalog = { [K in ReconcileKey]: (params: ReconcileParams<K>) => string };
