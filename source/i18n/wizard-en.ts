import { caFileUsageText, caNotLoadedText, dayChangeTexts, kotApiAdviceText, proxySourceText, tlsIssuerAdviceText } from './en.js';

/* The setup wizard's English messages. wizard-ja.ts is typed against this file: a missing key fails the build. */
type None = Record<string, never>;

export const wizardEn = {
  // Command line
  'cli.notTty': (_: None) =>
    'lanscope-kot: the setup wizard needs an interactive terminal. For scripts and CI run "lanscope-kot doctor" (see "lanscope-kot doctor --help").',
  'cli.usage': (p: { detail: string }) => `lanscope-kot setup: ${p.detail}. See "lanscope-kot setup --help".`,
  'cli.unknownOption': (p: { option: string }) => `unknown option ${p.option}`,
  'cli.missingValue': (p: { option: string }) => `${p.option} needs a value`,
  'cli.settingsUnreadable': (p: { path: string; reason: string }) =>
    `lanscope-kot: the settings file ${p.path} cannot be read (${p.reason}); starting with empty fields, and nothing will be saved this time.`,
  'cli.help': (_: None) => `Usage: lanscope-kot [setup] [options]

Opens the setup wizard: seven steps from the manual's chapters 2–4
(preparation, day-change time, link service folder, proxy, employee mapping,
a dry run of the punches) to a go-live checklist.
Enter goes on, Esc goes back, Ctrl-C quits.

Options
  --demo               try it with the bundled sample data (nothing of yours is read or changed)
  --config-dir DIR     keep the settings in DIR/config.json (also LANSCOPE_KOT_CONFIG_DIR)
  --endpoint URL       target of "test connection" (default https://pclogin.secomtrust.net/)
  --kot-api-base URL   Web API of step 7's "compare with KING OF TIME" (KOT_API_TOKEN; default https://api.kingtime.jp/v1.0)
  --lang ja|en         language
  --ascii              marks in ASCII only (> + x | ... ->), for consoles that draw the others
                       two columns wide; chosen by itself on Windows outside Windows Terminal

Settings are saved owner-only (0600) in the platform's config folder, e.g.
  ~/.config/lanscope-kot/config.json
  %APPDATA%\\lanscope-kot\\Config\\config.json
The access token is saved only if you tick "remember"; the proxy password never
is. Without a terminal (piped, CI) use "lanscope-kot doctor".
`,
  'cli.finished': (p: { report: string; upload: string; settings: string; demo: string }) =>
    ['lanscope-kot setup finished.', p.report && `  report:      ${p.report}`, p.upload && `  upload file: ${p.upload}`, p.settings && `  settings:    ${p.settings}`, p.demo && `  demo files:  ${p.demo}`]
      .filter(Boolean)
      .join('\n'),
  'cli.interrupted': (p: { settings: string; demo: string }) =>
    [
      'lanscope-kot setup: stopped (Ctrl-C).',
      p.settings ? `Steps already completed were saved in ${p.settings};` : 'No settings were saved;',
      p.demo ? `the demo's files stay in ${p.demo};` : '',
      'nothing else was written.',
    ]
      .filter(Boolean)
      .join(' '),
  'cli.settingsReadOnly': (p: { path: string; reason: string }) =>
    `lanscope-kot: settings cannot be saved in ${p.path} (${p.reason}): the wizard works, but nothing will be remembered for the next run.`,
  'cli.settingsNotSaved': (p: { path: string; reason: string }) => `lanscope-kot: settings not saved in ${p.path} (${p.reason}).`,

  // Frame
  'app.demo': (_: None) => 'demo data',
  'app.manual': (p: { section: string }) => `manual ${p.section}`,
  'app.stepsLoading': (_: None) => 'loading …',
  'app.demoUnwritable': (p: { dir: string; reason: string }) => `The demo's sample files could not be written to ${p.dir} (${p.reason}). Check the free space there, or set TMPDIR (TEMP on Windows) to another folder, and start again.`,
  'app.stepsUnloadable': (p: { reason: string }) => `This step could not be loaded (${p.reason}). Reinstall lanscope-kot (npm ci in a clone).`,
  'app.moreAbove': (_: None) => '↑ more above',
  'app.moreBelow': (_: None) => '↓ more below',
  'keys.first': (_: None) => 'Enter next · Tab/↑↓ field · Ctrl-C quit',
  'keys.global': (_: None) => 'Enter next · Esc back · Tab/↑↓ field · Ctrl-C quit',
  'step.preparation': (_: None) => 'Preparation',
  'step.dayChange': (_: None) => 'Day-change time',
  'step.outputDir': (_: None) => 'Link service folder',
  'step.proxy': (_: None) => 'Proxy',
  'step.mapping': (_: None) => 'Employee mapping',
  'step.dryRun': (_: None) => 'Dry run',
  'step.checklist': (_: None) => 'Go-live checklist',
  'common.reading': (p: { what: string }) => `reading ${p.what} …`,
  'common.windowsPath': (p: { path: string }) => `${p.path} is a Windows path and this computer is not Windows: run the wizard on the integrated manager, or type the path of a copy`,
  'common.skipNote': (_: None) => 'Left empty: you can continue; the checklist will mark it "not checked".',

  // Core messages as the wizard says them: fields and steps instead of doctor's flags (ui/i18n.ts IN_WIZARD).
  'ctx.dayChange.pass': dayChangeTexts((s) => (s === 'sql' ? '勤怠簿出力.sql' : "LanScope's default; give 勤怠簿出力.sql in step 2 to read yours")).pass,
  'ctx.dayChange.fail': dayChangeTexts((s) => (s === 'sql' ? '勤怠簿出力.sql' : "LanScope's default; give 勤怠簿出力.sql in step 2 to read yours")).fail,
  'ctx.outputDir.elsewhereAdvice': (_: None) => 'Run the wizard on the integrated manager, or copy the CSVs here and type the copy\'s folder in "conf.ini or folder".',
  'ctx.outputDir.missingAdvice': (p: { source: 'flag' | 'conf-ini' }) =>
    p.source === 'conf-ini' ? 'Create the folder named by OUTPUTDIR, or correct OUTPUTDIR in conf.ini.' : 'Check the folder typed in "conf.ini or folder".',
  'ctx.proxy.authMissingAdvice': (_: None) => 'Tick "the proxy needs authentication" and enter the account and password, here and in HTLanScopeServiceConfig.',
  'ctx.proxy.tlsIssuerAdvice': tlsIssuerAdviceText({ given: 'The CA certificate file given', giveIt: 'give it in "CA certificate file"', giveFile: 'give it in "CA certificate file" to test again' }),
  'ctx.proxy.caNotLoaded': caNotLoadedText({ name: 'the CA certificate file', giveIt: 'give it in "CA certificate file"' }),
  'ctx.usage.caFile': caFileUsageText('CA certificate file (step 4)'),
  'ctx.proxy.source': proxySourceText('step 4'),
  'ctx.kotApi.advice': kotApiAdviceText({ badAnswer: 'Check the Web API address: it must be https://api.kingtime.jp/v1.0.', other: 'Check the Web API address and the Web API token (KOT_API_TOKEN).' }),
  'ctx.problem.advice.conf-ini': (_: None) => 'Type LanScope\'s conf.ini (a text file of a few lines), or the CSV folder itself, in "conf.ini or folder".',
  'ctx.problem.advice.token': (p: { variable?: string | undefined }) =>
    p.variable
      ? `Set ${p.variable} to the 32-character access token only, or type the token in "Access token" (step 1).`
      : "Put only the 32-character access token in the file (copy it again from the support centre's mail).",

  // Step 1
  'prep.intro': (_: None) => 'The link service needs your company code and the access token sent by KING OF TIME support.',
  'prep.code': (_: None) => 'Company code',
  'prep.codeHint': (_: None) => 'the first 3 or 6 characters of your KING OF TIME admin login ID',
  'prep.codeCounter': (p: { length: number; ok: boolean }) => `${p.length} chars${p.ok ? ' ✔' : p.length === 3 || p.length === 6 ? '' : ' (3 or 6)'}`,
  'prep.token': (_: None) => 'Access token',
  'prep.tokenHint': (_: None) => '32 letters and digits from the support centre; may be left empty for now',
  'prep.useEnv': (p: { masked: string }) => `use LANSCOPE_KOT_TOKEN from this shell (${p.masked})`,
  'prep.remember': (_: None) => 'remember the token in the settings file',
  'prep.rememberWhere': (p: { path: string }) => `${p.path} (readable by you only); otherwise you type it again next time`,
  'prep.rememberDemo': (_: None) => 'demo: settings are saved only with --config-dir',
  'prep.rememberNowhere': (_: None) => 'settings are not saved in this session',
  'prep.rememberReadOnly': (p: { path: string; reason: string }) => `settings cannot be saved in ${p.path} (${p.reason}): nothing is remembered for the next run`,
  'prep.rememberUnreadable': (p: { path: string; reason: string }) => `the settings file ${p.path} cannot be read (${p.reason}): nothing is saved this time`,
  'prep.fault.repairable': (p: { kind: 'fullWidth' | 'spaces' | 'both'; length: number }) =>
    p.kind === 'spaces'
      ? `contains spaces; Enter removes them (${p.length} chars)`
      : p.kind === 'fullWidth'
        ? `full-width characters; Enter converts them to half-width (${p.length} chars)`
        : `full-width characters and spaces; Enter converts them to half-width and removes the spaces (${p.length} chars)`,
  'prep.fault.characters': (_: None) => 'only half-width letters and digits are allowed',
  'prep.fault.codeLength': (p: { length: number }) => `${p.length} characters: the company code has 3 or 6`,
  'prep.fault.tokenLength': (p: { length: number }) => `${p.length} characters: the token has 32`,
  'prep.fault.tokenCut': (p: { limit: number }) =>
    `cut at ${p.limit} characters, longer than any token (a token file or LANSCOPE_KOT_TOKEN over ${p.limit} bytes is refused too): paste only the 32-character token`,
  'prep.repaired': (p: { kind: 'fullWidth' | 'spaces' | 'both' }) =>
    `${p.kind === 'spaces' ? 'spaces removed' : p.kind === 'fullWidth' ? 'converted to half-width' : 'converted to half-width, spaces removed'}; check it and press Enter`,
  'prep.keys': (_: None) => 'Space ticks a box.',
  // Step 2
  'day.intro': (_: None) =>
    'KING OF TIME must change day at the time LanScope starts collecting (LanScope default 05:00, KING OF TIME default 00:00); otherwise punches land on another work day (§5.2.1).',
  'day.sqlHint': (_: None) => 'path to 勤怠簿出力.sql as LanScope provided it (Shift_JIS, UTF-8 or UTF-16 are all fine)',
  'common.yenHint': (_: None) => 'the path contains ¥ or ￥: on Windows type a backslash (\\) there',
  'day.start': (p: { time: string; encoding: string }) => `collection start time ${p.time} (${p.encoding})`,
  'day.bound': (p: { line: number; column: string; side: 'from' | 'to'; literal: string }) =>
    `line ${p.line}: ${p.column || 'time'} ${p.side === 'from' ? '>= the day' : '< the next day'} + '${p.literal}'`,
  'day.moreBounds': (p: { count: number }) => `(+${p.count} more bounds)`,
  'day.divisions': (_: None) => "Each division's 日付変更時間 in KING OF TIME",
  'day.where': (_: None) => 'KING OF TIME: 設定 > 組織 > 所属設定 > [編集] > 日付変更時間',
  'day.add': (_: None) => 'Add division',
  'day.addHint': (_: None) => '所属コード=HH:MM, or HH:MM for every division · Enter adds it; Enter on an empty field goes on',
  'day.badEntry': (p: { input: string }) => `"${p.input}" is not CODE=HH:MM or HH:MM (e.g. 1001=05:00, 5:00, 0500)`,
  'day.normalised': (p: { input: string; value: string }) => `read "${p.input}" as ${p.value} (full-width converted)`,
  'day.none': (_: None) => 'no division yet: without one the checklist marks the day change "not checked"',
  'day.all': (_: None) => 'all',
  'day.cannotCompare': (_: None) => 'cannot compare until the time bounds in the SQL agree',
  'day.same': (p: { start: string }) => `same as the collection start ${p.start}`,
  'day.differs': (p: { start: string; time: string; onDate: string; kotDate: string; lanscopeDate: string; event: string }) =>
    `not ${p.start}: a ${p.event === 'end' ? 'log-off' : 'log-on'} at ${p.time} on ${p.onDate} is stamped on ${p.kotDate}, not ${p.lanscopeDate}`,
  'day.removeHint': (_: None) => 'Backspace or Delete removes the selected division',
  'day.defaultStart': (p: { start: string }) => `compared with LanScope's default ${p.start}: give the SQL to confirm yours`,

  // Step 3
  'out.intro': (_: None) => 'The link service reads the CSVs LanScope writes into OUTPUTDIR of conf.ini (default C:\\TEMP). It must be a local folder (§2.4).',
  'out.input': (_: None) => 'conf.ini or folder',
  'out.hint': (_: None) => "path to LanScope's conf.ini (OUTPUTDIR is read from it), or the CSV folder itself",
  'out.defaultHint': (_: None) => "LanScope's default OUTPUTDIR, filled in on Windows; if conf.ini names another folder, type conf.ini's path or that folder",
  'out.progress': (p: { files: number; rows: number }) => `reading LanScope CSVs: ${p.files} file(s), ${p.rows} rows`,
  'out.csvGiven': (p: { file: string }) => `${p.file} is a CSV: its folder is read as the output folder`,
  'out.notConfIni': (p: { file: string }) => `${p.file} is not LanScope's conf.ini (it has no OUTPUTDIR line): type conf.ini or the CSV folder`,
  'out.yen': (p: { given: string; path: string }) => `${p.given} read as ${p.path}: ¥ and ￥ stand for the backslash of a Japanese Windows path`,
  'out.folder': (_: None) => 'Folder',
  'out.source': (_: None) => 'Read from',
  'out.fromConf': (p: { line: number; isDefault: boolean }) => (p.isDefault ? 'conf.ini has no OUTPUTDIR: LanScope default' : `OUTPUTDIR, conf.ini line ${p.line}`),
  'out.local': (_: None) => 'Local folder',
  'out.localYes': (_: None) => 'yes',
  'out.localNo': (_: None) => 'no: a network folder, which the link service cannot use',
  'out.exists': (_: None) => 'Exists',
  'out.elsewhere': (_: None) => 'a Windows path: it can only be checked on the integrated manager (or type the folder of a copy)',
  'out.existsYes': (_: None) => 'yes',
  'out.notDir': (_: None) => 'this is a file, not a folder',
  'out.existsNo': (_: None) => 'no such folder',
  'out.csvs': (_: None) => 'LanScope CSVs',
  'out.csvCount': (p: { files: number; rows: number; from: string; to: string; other: number }) =>
    p.files === 0
      ? `none yet${p.other ? ` (${p.other} other CSV files)` : ''}`
      : `${p.files} file(s), ${p.rows} rows, ${p.from === p.to ? p.from : `${p.from} – ${p.to}`}${p.other ? ` (+${p.other} other CSV files)` : ''}`,
  'out.shape.events': (_: None) => 'events (start/end)',
  'out.shape.summary': (_: None) => 'daily summary',
  'out.rows': (p: { rows: number }) => `${p.rows} rows`,
  'out.moreFiles': (p: { count: number }) => `(+${p.count} more files)`,

  // Step 4
  'proxy.intro': (_: None) => "If this server reaches the internet through a proxy, HTLanScopeServiceConfig needs it (gear icon > 設定).",
  'proxy.use': (_: None) => 'use a proxy server (プロキシサーバーを使用する)',
  'proxy.direct': (_: None) => 'direct connection',
  'proxy.host': (_: None) => 'Proxy address',
  'proxy.hostHint': (_: None) => 'e.g. proxy.example.co.jp (host:port is split for you)',
  'proxy.port': (_: None) => 'Port',
  'proxy.auth': (_: None) => 'the proxy needs authentication (認証が必要なプロキシサーバー)',
  'proxy.user': (_: None) => 'Account',
  'proxy.userHint': (_: None) => 'a Windows account as DOMAIN\\user (NTLM)',
  'proxy.password': (_: None) => 'Password',
  'proxy.passwordHint': (_: None) => 'never saved and never shown; used only for the test',
  'proxy.err.host': (_: None) => 'give the proxy host name or IP address only (no http://, the port in its own field)',
  'proxy.err.port': (_: None) => 'give a port number from 1 to 65535',
  'proxy.err.user': (_: None) => 'give the account the proxy asks for',
  'proxy.err.password': (_: None) => 'give the password of that account',
  'proxy.caFile': (_: None) => 'CA certificate file',
  'proxy.caFileHint': (_: None) => "optional: the CA of a proxy that inspects HTTPS (PEM or DER .cer), for this tool's own connections only",
  'proxy.test': (p: { endpoint: string }) => `Test connection to ${p.endpoint}`,
  'proxy.testing': (p: { endpoint: string }) => `connecting to ${p.endpoint} …`,
  'proxy.unavailable': (_: None) => 'the connection test is not available in this version; the settings are kept',
  'proxy.keys': (_: None) => 'Space ticks a box · Enter on the test button runs it, elsewhere goes on.',

  // Step 5
  'map.path': (_: None) => 'Mapping CSV',
  'map.hint': (_: None) => 'exported from PC ログイン連携 > 連携設定 > [CSV データ保存]',
  'map.loaded': (p: { rows: number; encoding: string; columns: number }) => `${p.rows} rows, ${p.encoding}, ${p.columns} columns`,
  'map.noLogs': (_: None) => 'no LanScope CSVs were read (step 3): users cannot be matched, only the export is checked',
  'map.filter': (_: None) => 'Filter:',
  'map.all': (_: None) => 'all',
  'map.empty': (_: None) => 'no rows with this status',
  'map.col.status': (_: None) => 'Status',
  'map.col.user': (_: None) => 'LanScope user',
  'map.col.account': (_: None) => 'サービスアカウント',
  'map.col.employee': (_: None) => '打刻先',
  'map.col.name': (_: None) => '姓・名',
  'map.keys': (_: None) => '↑↓ PgUp/PgDn scroll · ←→ or a digit filters · Space accepts a fix · a accepts all · Tab back to the file field',
  'map.fix.unedited': (_: None) => 'unedited row; a LanScope user has the employee\'s name',
  'map.detail.line': (p: { line: number }) => `export line ${p.line}`,
  'map.detail.nearMiss': (p: { kind: string }) => `near miss (${p.kind})`,
  'map.detail.fix': (p: { from: string; to: string; accepted: boolean }) => `サービスアカウント "${p.from}" → "${p.to}" ${p.accepted ? '(accepted; Space undoes)' : '(Space accepts)'}`,
  'map.detail.duplicate': (p: { account: string }) => `"${p.account}" is mapped to several employees: its logs are stamped for nobody`,
  'map.note.pcs': (p: { pcs: string; date: string }) => `on ${p.pcs} on ${p.date}`,
  'map.note.unmapped': (_: None) => 'no mapping row: logs are dropped',
  'map.note.default': (_: None) => 'unedited: still the employee code',
  'map.note.notInLogs': (_: None) => 'in no LanScope log',
  'map.pending': (p: { count: number }) => `${p.count} fix(es) accepted · Enter writes the upload file (only the changed rows)`,
  'map.upload.written': (p: { file: string; rows: number; encoding: string }) => `upload file written: ${p.file} (${p.rows} row(s), ${p.encoding}, same columns and quoting as the export)`,
  'map.upload.next': (p: { rows: number }) => `Next: PC ログイン連携 → [CSV データ入力] → choose this file → [送信]; it should say "${p.rows} 件のアカウントを更新".`,
  'map.upload.excel': (_: None) => 'this export was changed by Excel: export it again before writing fixes, or the damage goes into the upload',
  'map.upload.conflict': (p: { list: string }) => `one サービスアカウント for several rows: ${p.list}; accept only one of them`,
  'map.upload.unencodable': (p: { encoding: string; chars: string }) => `the export is ${p.encoding}, which cannot hold ${p.chars}: that user name cannot be uploaded in this file`,
  'row.duplicate': (_: None) => 'duplicate',
  'row.near-miss': (_: None) => 'near miss',
  'row.unmapped': (_: None) => 'unmapped',
  'row.shared-pc': (_: None) => 'shared PC',
  'row.unused': (_: None) => 'unused',
  'row.mapped': (_: None) => 'mapped',
  'row.no-logs': (_: None) => 'no logs',
  'kind.domain-prefix': (_: None) => 'domain prefix',
  'kind.full-width': (_: None) => 'full-width',
  'kind.spaces': (_: None) => 'spaces',
  'kind.case': (_: None) => 'case',

  // Step 6
  'dry.needs': (p: { logs: boolean; mapping: boolean }) =>
    `the dry run needs ${[!p.logs && 'the LanScope CSVs (step 3)', !p.mapping && 'the mapping CSV (step 5)'].filter(Boolean).join(' and ')}`,
  'dry.enter': (_: None) => 'Enter goes on to the checklist; Esc goes back.',
  'dry.basis': (p: { dayChange: string; division: string; given: boolean; start: string }) =>
    `Punches as KING OF TIME's 日別データ would show them, with its day change at ${p.dayChange}${p.given ? (p.division ? ` (division ${p.division})` : '') : ' (as the collection start)'}; LanScope collects from ${p.start}.`,
  'dry.withUpload': (p: { rows: number; file: string }) => `With the ${p.rows} fix(es) of ${p.file} applied: upload it first.`,
  'dry.summary': (p: { employees: number; days: number; punches: number }) => `${p.employees} employees · ${p.days} day(s) · ${p.punches} punches`,
  'dry.sumWrong': (p: { count: number }) => `${p.count} on the wrong day`,
  'dry.sumNoWrong': (_: None) => 'none on the wrong day',
  'dry.sumDropped': (p: { users: number; days: number }) => `${p.users} user(s)' logs dropped (${p.days} day(s))`,
  'dry.sumDuplicates': (p: { count: number }) => `${p.count} duplicate mapping(s)`,
  'dry.col.employee': (_: None) => '打刻先',
  'dry.col.name': (_: None) => '姓・名',
  'dry.col.day': (_: None) => 'Day',
  'dry.col.in': (_: None) => '出勤 (in)',
  'dry.col.out': (_: None) => '退勤 (out)',
  'dry.wrongDay': (p: { workDay: string; windowDay: string; kind: 'in' | 'out' }) => `${p.kind === 'in' ? '出勤' : '退勤'} on ${p.workDay}, not ${p.windowDay}`,
  'dry.merged': (p: { pcs: string }) => `merged from ${p.pcs}`,
  'dry.mergedDetail': (p: { pcs: string }) => `logs from ${p.pcs} under one user name were merged into this day: its 出勤/退勤 may be two people's (§5.2.2)`,
  'dry.sumMerged': (p: { count: number }) => `${p.count} day(s) merged from several PCs`,
  'dry.detail': (p: { who: string; day: string; in: string; out: string }) => `${p.who} ${p.day}: 出勤 (in) ${p.in}, 退勤 (out) ${p.out}`,
  'dry.section.dropped': (p: { count: number }) => `Logs dropped: no mapping row (${p.count})`,
  'dry.section.duplicates': (p: { count: number }) => `Mapped to several employees: stamped for nobody (${p.count})`,
  'dry.dropped': (p: { days: number; first: string; last: string }) => `${p.days} day(s) of logs (${p.first === p.last ? p.first : `${p.first}–${p.last}`}) never become punches`,
  'dry.duplicate': (p: { employees: string; days: number }) => `→ ${p.employees}: ${p.days} day(s) of logs, stamped for nobody`,
  'dry.empty': (_: None) => 'no punches',
  'dry.keysProblems': (_: None) => '↑↓ PgUp/PgDn scroll · p only problems · Enter checklist',
  'dry.keysAll': (_: None) => '↑↓ PgUp/PgDn scroll · p everything · Enter checklist',

  // Step 7
  'check.ready': (_: None) => 'Ready to enable sync: nothing fails.',
  'check.notReady': (p: { fail: number; unchecked: number }) =>
    `Not ready: ${[p.fail && `${p.fail} check(s) fail`, p.unchecked && `${p.unchecked} not checked`].filter(Boolean).join(', ')}. Do first:`,
  'check.moreTodo': (p: { count: number }) => `(+${p.count} more: see the checks below and the report)`,
  'check.todoUpload': (p: { file: string; folder: string }) => `Upload ${p.file} in PC ログイン連携 → [CSV データ入力] (the checks below assume it; it is in ${p.folder})`,
  'check.todoFix': (p: { title: string; what: string; step: number }) => `${p.title} — ${p.what} (step ${p.step})`,
  'check.notGiven': (p: { step: number }) => `not checked: see step ${p.step}`,
  'check.proxyNotTested': (_: None) => 'not checked: run "Test connection" in step 4',
  'check.kotApiOptional': (_: None) => 'optional: "lanscope-kot doctor" can read the divisions from the KING OF TIME Web API',
  'check.notGivenShort': (_: None) => '(not given)',
  'check.detail': (p: { title: string; manual: string; id: string; text: string }) => `${p.title} (${p.manual} · ${p.id}): ${p.text}`,
  'check.checks': (p: { pass: number; warn: number; fail: number; unchecked: number; optional: number }) =>
    `Checks (${p.pass} pass, ${p.warn} warn, ${p.fail} fail, ${p.unchecked} not checked${p.optional ? `, ${p.optional} optional not run` : ''}) · ↑↓ to read one`,
  'check.configHeading': (_: None) => 'Enter in HTLanScopeServiceConfig',
  'check.config.companyCode': (_: None) => '企業コード (company code)',
  'check.config.token': (_: None) => 'アクセストークン (token)',
  'check.config.masked': (p: { masked: string }) => p.masked,
  'check.config.folder': (_: None) => 'ログ出力先 (CSV folder)',
  'check.config.proxy': (_: None) => 'プロキシ (proxy)',
  'check.config.proxyUser': (p: { user: string }) => `account ${p.user}, password as typed in step 4 (not shown)`,
  'check.config.noProxy': (_: None) => 'not used',
  'check.report': (_: None) => 'Report (Markdown)',
  'check.reportHint': (_: None) => 'Enter saves it (no token, no password), then Enter finishes',
  'check.reportHintEmpty': (_: None) => 'type a path to save a report; Enter with an empty field finishes',
  'check.reportNotMd': (_: None) => 'give a file name ending in .md, or a folder',
  'check.reportNoFolder': (p: { folder: string }) => `the folder ${p.folder} does not exist: create it, or give another path`,
  'check.reportDenied': (p: { folder: string }) => `no permission to write into ${p.folder}: give another path`,
  'check.reportFailed': (p: { reason: string }) => `the report could not be written (${p.reason}); nothing was left behind`,
  'check.reportSaved': (p: { file: string }) => `saved: ${p.file} · Enter finishes`,
  'check.keys': (_: None) => 'Enter saves the report / finishes · Esc back · Ctrl-C quit',
  'md.title': (_: None) => 'LanScope → KING OF TIME: go-live checklist',
  'md.generated': (p: { date: string }) => `Made by lanscope-kot setup on ${p.date}. It holds no access token and no password.`,
  'md.notReady': (_: None) => 'Not ready to enable sync yet.',
  'md.todo': (_: None) => 'Do first',
  'md.checks': (_: None) => 'Checks',
  'md.col.status': (_: None) => 'Status',
  'md.col.check': (_: None) => 'Check',
  'md.col.found': (_: None) => 'Found / what to do',
  'md.col.manual': (_: None) => 'Manual',
  'md.configIntro': (_: None) => 'HTLanScopeServiceConfig (§2.4, §2.5): type the token from the support centre\'s mail; it is shown masked here.',
  'md.proxyUser': (_: None) => 'proxy account (password not recorded)',
  'md.users': (_: None) => 'Users',
  'md.users.mapped': (p: { count: number }) => `${p.count} LanScope user(s) mapped`,
  'md.users.unmapped': (p: { count: number; list: string }) => `${p.count} unmapped${p.count ? `: ${p.list}` : ''}`,
  'md.users.other': (p: { near: number; duplicates: number; shared: number; unused: number }) =>
    `${p.near} near miss(es), ${p.duplicates} duplicate mapping(s), ${p.shared} shared-PC day(s), ${p.unused} unused row(s)`,
  'md.footer': (_: None) => 'lanscope-kot · the same checks as "lanscope-kot doctor"',
};

export type WizardKey = keyof typeof wizardEn;
export type WizardParams<K extends WizardKey> = Parameters<(typeof wizardEn)[K]>[0];
export type WizardCatalog = { [K in WizardKey]: (params: WizardParams<K>) => string };
