/* English catalog. Keys are shared with ja.ts (typed against this file). */
import type { OddPunchKind } from '../core/dry-run.js';
import type { NearMissKind } from '../core/user-matching.js';

type None = Record<string, never>;
type Fault = 'full-width' | 'spaces' | 'characters' | 'length';

const fault = (f: Fault, length: number): string =>
  ({
    'full-width': 'contains full-width characters',
    spaces: 'contains spaces',
    characters: 'contains characters other than letters and digits',
    length: `has ${length} characters`,
  })[f];

/** `a, b, c (+2)`: a preview of a longer list. */
const list = (items: readonly string[], more: number): string => items.join(', ') + (more > 0 ? ` (+${more})` : '');
const NEAR_MISS_KIND: Record<NearMissKind, string> = { case: 'case only', 'domain-prefix': 'domain prefix', spaces: 'spaces', 'full-width': 'full-width' };
const ODD_PUNCH_KIND: Record<OddPunchKind, string> = { 'start-before-day-change': 'start before the day change', 'over-16h': 'over 16 h', 'end-before-start': 'end before start' };

const startSource = (s: 'sql' | 'default'): string => (s === 'sql' ? '勤怠簿出力.sql' : "LanScope's default; give --sql to read yours");

/** The day-change sentences, with the words for where the start time came from (doctor names --sql, the wizard step 2). */
export const dayChangeTexts = (source: (s: 'sql' | 'default') => string) => ({
  pass: (p: { startTime: string; count: number; startSource: 'sql' | 'default' }) =>
    `${p.count === 1 ? 'the day-change time is' : `all ${p.count} divisions are`} ${p.startTime}, as the collection start (${source(p.startSource)})`,
  fail: (p: { startTime: string; startSource: 'sql' | 'default'; divisions: string; time: string; onDate: string; kotDate: string; lanscopeDate: string; event: string }) =>
    `collection starts at ${p.startTime} (${source(p.startSource)}) but KING OF TIME changes day at ${p.divisions}: ` +
    `a ${p.event === 'end' ? 'log-off' : 'log-on'} at ${p.time} on ${p.onDate} is stamped on ${p.kotDate}, not ${p.lanscopeDate}`,
});

export const en = {
  // Status words and titles
  'status.pass': (_: None) => 'pass',
  'status.warn': (_: None) => 'warn',
  'status.fail': (_: None) => 'fail',
  'status.skip': (_: None) => 'skip',
  'title.company-code': (_: None) => 'Company code',
  'title.access-token': (_: None) => 'Access token',
  'title.sql-start-time': (_: None) => 'LanScope collection start time',
  'title.day-change': (_: None) => 'Day-change time of each division',
  'title.output-dir': (_: None) => 'CSV output folder',
  'title.mapping-excel': (_: None) => 'Mapping CSV intact (no Excel damage)',
  'title.unmapped-users': (_: None) => 'Every LanScope user is mapped',
  'title.duplicate-mappings': (_: None) => 'One employee per service account',
  'title.shared-pc-users': (_: None) => 'User names on several PCs',
  'title.near-misses': (_: None) => 'Near-miss service accounts',
  'title.unused-mappings': (_: None) => 'Mapping rows still unedited or unused',
  'title.punch-times': (_: None) => 'Plausible punch times',
  'title.proxy': (_: None) => 'Connection to PC login link',
  'title.kot-api': (_: None) => 'KING OF TIME Web API cross-check',
  'manual.section': (p: { section: string }) => `manual ${p.section}`,

  // Skips
  'skip.notGiven': (p: { flag: string }) => `not checked: give ${p.flag}`,
  'skip.noToken': (_: None) => 'not checked: give --token-file or set LANSCOPE_KOT_TOKEN',
  'skip.noLogs': (_: None) => 'not checked: no LanScope CSVs were read (give --log-dir or --conf-ini)',
  'skip.offline': (_: None) => 'not checked: --offline',
  'check.crashed': (p: { id: string; reason: string }) => `the check ${p.id} stopped on an internal error (${p.reason}); please report it`,

  // company-code / access-token
  'companyCode.pass': (p: { code: string }) => `${p.code} (${p.code.length} characters)`,
  'companyCode.fail': (p: { fault: Fault; length: number; fixed: string }) =>
    `the company code ${fault(p.fault, p.length)}` + (p.fault === 'full-width' ? ` (as half-width: ${p.fixed})` : ''),
  'companyCode.advice': (_: None) => 'Use the first 3 or 6 characters of your KING OF TIME admin login ID, half-width letters and digits only.',
  'token.pass': (p: { masked: string }) => `${p.masked}, 32 letters and digits`,
  'token.fail': (p: { fault: Fault; masked: string; length: number }) => `the token ${p.masked} ${fault(p.fault, p.length)}; it must be 32 half-width letters and digits`,
  'token.advice': (p: { source: 'file' | 'env' | 'typed' }) =>
    `Copy the token again from the support centre's mail${p.source === 'file' ? ' into the token file' : p.source === 'env' ? ' into LANSCOPE_KOT_TOKEN' : ''}, without spaces or line breaks.`,

  // SQL and day change
  'sql.pass': (p: { startTime: string; file: string; lines: string; count: number }) => `${p.startTime} (${p.count} bounds agree, ${p.file} lines ${p.lines})`,
  'sql.none': (p: { file: string }) => `no collection start time found in ${p.file} (no "convert(varchar, @tmpDay, 111) + 'HH:MM:SS'" bound outside comments)`,
  'sql.noneAdvice': (_: None) => 'Check that this is the 勤怠簿出力.sql LanScope provided, and that its time bounds are not commented out.',
  'sql.disagree': (p: { file: string; outliers: { line: number; time: string }[] }) =>
    `the time bounds in ${p.file} do not agree: ${p.outliers.map((o) => `line ${o.line} (${o.time})`).join(', ')} ${p.outliers.length === 1 ? 'differs' : 'differ'} from the others`,
  'sql.disagreeAdvice': (_: None) => 'Make every bound (日時 and イベント日時, start and end) use the same time, then set the same time in KING OF TIME.',
  'dayChange.sqlFirst': (_: None) => 'not checked: fix the SQL start time first',
  'dayChange.pass': dayChangeTexts(startSource).pass,
  'dayChange.fail': dayChangeTexts(startSource).fail,
  'dayChange.advice': (p: { startTime: string }) => `In KING OF TIME: 設定 > 組織 > 所属設定 > [編集] > 日付変更時間, set ${p.startTime} for every division.`,

  // output-dir
  'outputDir.pass': (p: { path: string; files: number; rows: number; from: string; to: string }) => `${p.path}: ${p.files} LanScope CSV(s), ${p.rows} rows, ${p.from === p.to ? p.from : `${p.from} – ${p.to}`}`,
  'outputDir.network': (p: { path: string }) => `${p.path} is a network folder; the link service cannot read network folders`,
  'outputDir.networkAdvice': (_: None) => 'Set OUTPUTDIR in LanScope conf.ini to a local folder on the integrated manager (e.g. C:\\TEMP) and use the same folder in HTLanScopeServiceConfig.',
  'outputDir.elsewhere': (p: { path: string }) => `${p.path} is a Windows path and this machine is not Windows: it was not read`,
  'outputDir.elsewhereAdvice': (_: None) => 'Run on the integrated manager, or copy the CSVs here and point --log-dir at the copy.',
  'outputDir.missing': (p: { path: string }) => `${p.path} does not exist`,
  'outputDir.missingAdvice': (p: { source: 'flag' | 'conf-ini' }) =>
    p.source === 'conf-ini' ? 'Create the folder named by OUTPUTDIR, or correct OUTPUTDIR in conf.ini.' : 'Check the path given to --log-dir.',
  'outputDir.notDir': (p: { path: string }) => `${p.path} is a file, not a folder`,
  'outputDir.unreadable': (p: { path: string }) => `${p.path} cannot be read by this user`,
  'outputDir.unreadableAdvice': (_: None) => 'Give the account that runs the link service read access to the folder.',
  'outputDir.yen': (p: { given: string; path: string }) => `the path ${p.given} contains ¥/￥; Windows reads it as ${p.path} only when the character is a backslash`,
  'outputDir.yenAdvice': (p: { path: string }) => `Type the path with backslashes: ${p.path}`,
  'outputDir.noCsv': (p: { path: string; csvCount: number }) => `${p.path} holds no LanScope CSVs (${p.csvCount} other CSV files)`,
  'outputDir.noCsvAdvice': (_: None) => 'Run 勤怠簿出力.sql once (or wait for the next collection at the start time), then check again.',

  // mapping
  'excel.pass': (p: { file: string; rows: number; encoding: string }) => `${p.file}: ${p.rows} rows, ${p.encoding}, no sign of an Excel round-trip`,
  'excel.damaged': (p: { file: string; scientific: string; zerosLost: string }) =>
    `${p.file} was damaged by Excel:` + (p.scientific ? ` numbers in E notation on line ${p.scientific};` : '') + (p.zerosLost ? ` leading zeros lost on line ${p.zerosLost}` : ''),
  'excel.quotesGone': (p: { file: string }) => `${p.file} has no quoted values: the export quotes its codes, so it was probably re-saved by Excel`,
  'excel.advice': (_: None) => 'Export the CSV again from PC ログイン連携 ([CSV データ保存]) and edit it in a text editor (Notepad), not Excel.',
  'duplicates.pass': (_: None) => 'every service account names one employee',
  'duplicates.fail': (p: { count: number; list: string }) => `${p.count} service account(s) are mapped to several employees: ${p.list}; their logs become nobody's punches`,
  'duplicates.advice': (_: None) => 'Give each employee a distinct service account (rename the Windows users on non-domain PCs, §5.2.2), then upload the corrected rows.',
  'unused.pass': (p: { rows: number }) => `all ${p.rows} rows are edited and in use`,
  'unused.warn': (p: { defaults: number; defaultList: string; unseen: number; unseenList: string }) =>
    [p.defaults ? `${p.defaults} row(s) still have the employee code as service account (${p.defaultList})` : '', p.unseen ? `${p.unseen} service account(s) appear in no log (${p.unseenList})` : '']
      .filter(Boolean)
      .join('; '),
  'unused.advice': (_: None) => 'Set サービスアカウント to the LanScope user name (the Windows user name) of each employee who uses a PC.',
  'unmapped.pass': (p: { count: number }) => `all ${p.count} LanScope users are mapped`,
  'unmapped.fail': (p: { count: number; total: number; list: string }) => `${p.count} of ${p.total} LanScope users have no mapping row, so their logs never become punches: ${p.list}`,
  'unmapped.advice': (p: { nearMisses: number }) =>
    `Set サービスアカウント to these exact names (case included) and upload the changed rows.${p.nearMisses ? ` ${p.nearMisses} look like typos: see near-misses.` : ''}`,
  'nearMiss.pass': (_: None) => 'no service account differs from a user name by case, domain, spaces or width only',
  'nearMiss.warn': (p: { count: number; items: { employee: string; from: string; to: string; kind: NearMissKind }[]; more: number }) =>
    `${p.count} service account(s) almost match a LanScope user: ${list(p.items.map((i) => `${i.employee}: "${i.from}" → "${i.to}" (${NEAR_MISS_KIND[i.kind]})`), p.more)}`,
  'nearMiss.advice': (_: None) => 'The match is exact, case included: change サービスアカウント to the name on the right and upload those rows.',
  'sharedPc.noColumn': (_: None) => 'not checked: the CSVs have no コンピュータ名 or エージェントno column',
  'sharedPc.pass': (_: None) => 'no user name was used on several PCs on the same day',
  'sharedPc.warn': (p: { count: number; days: number; list: string }) => `${p.count} user name(s) were used on several PCs on the same day (${p.days} day(s)): ${p.list}`,
  'sharedPc.advice': (_: None) => 'If different people share a user name (non-domain PCs), give each a distinct Windows user name and map it again (§5.2.2).',
  'punchTimes.pass': (_: None) => 'no start before the day change, no day over 16 h, no end before start',
  'punchTimes.warn': (p: { early: number; long: number; reversed: number; items: { user: string; date: string; kind: OddPunchKind }[]; more: number }) =>
    `${p.early} start(s) after midnight before the day change, ${p.long} day(s) over 16 h, ${p.reversed} end(s) before the start: ${list(p.items.map((i) => `${i.user} ${i.date} (${ODD_PUNCH_KIND[i.kind]})`), p.more)}`,
  'punchTimes.advice': (_: None) => 'LanScope records any PC operation as start/end: check these days with the employees (§5.2.3), and ask MOTEX about the operation setting.',
  'proxy.notTested': (_: None) => 'not checked: run "test connection" in the proxy step',
  'proxy.ok': (p: { endpoint: string; via: string; status: number; ms: number }) => `reached ${p.endpoint} ${p.via === 'direct' ? 'directly' : `via proxy ${p.via}`} (HTTP ${p.status}, ${p.ms} ms)`,
  'proxy.httpStatus': (p: { endpoint: string; via: string; status: number }) =>
    `reached ${p.endpoint} ${p.via === 'direct' ? 'directly' : `via proxy ${p.via}`}, but it answered HTTP ${p.status}`,
  'proxy.httpStatusAdvice': (_: None) => 'The network path works. If the link service still cannot send, retry later or ask the support centre whether the service is up.',
  'proxy.unreachable': (p: { via: string; code: string }) => `the proxy ${p.via} refused or closed the connection${p.code ? ` (${p.code})` : ''}`,
  'proxy.addressAdvice': (_: None) => 'Check the proxy address and port (HTLanScopeServiceConfig: gear icon > 設定 > プロキシサーバーを使用する) with your network team.',
  'proxy.authMissing': (p: { via: string }) => `the proxy ${p.via} requires a user and password (HTTP 407), and none was given`,
  'proxy.authMissingAdvice': (_: None) => 'Tick 認証が必要なプロキシサーバー and enter the account and password (here: --proxy http://user:pass@host:port).',
  'proxy.authWrong': (p: { via: string }) => `the proxy ${p.via} rejected the user or password (HTTP 407)`,
  'proxy.authWrongAdvice': (_: None) =>
    'Re-enter the proxy account and password. This check sends Basic authentication: a proxy that accepts only Windows (NTLM/Kerberos) sign-in also answers 407.',
  'proxy.dns': (p: { host: string }) => `the name ${p.host} could not be resolved (DNS)`,
  'proxy.dnsAdvice': (p: { viaProxy: boolean }) =>
    p.viaProxy ? 'Check the spelling of the proxy host, and that this server can resolve it.' : 'Check DNS on this server; if the network allows the Internet only through a proxy, set the proxy (§2.5).',
  'proxy.timeout': (p: { endpoint: string; via: string; seconds: number }) =>
    `no answer from ${p.via === 'direct' ? p.endpoint : `the proxy ${p.via}`} within ${p.seconds} s`,
  'proxy.timeoutAdvice': (p: { viaProxy: boolean }) =>
    p.viaProxy ? 'Check that the proxy port is right and that the firewall lets this server reach the proxy.' : 'A firewall may drop direct traffic: if your network needs a proxy, set it (§2.5).',
  'proxy.tls': (p: { endpoint: string; via: string; code: string }) =>
    `the certificate presented for ${p.endpoint} is not trusted (${p.code})${p.via === 'direct' ? '' : ' — typical of a proxy that inspects HTTPS'}`,
  'proxy.tlsAdvice': (_: None) =>
    "Ask your network team for the proxy's CA certificate and give it to this check with NODE_EXTRA_CA_CERTS=path\\to\\ca.pem (the link service uses the Windows certificate store, which may already trust it). Never switch verification off.",
  'proxy.other': (p: { endpoint: string; via: string; detail: string }) => `could not reach ${p.endpoint}${p.via === 'direct' ? '' : ` via ${p.via}`}: ${p.detail}`,
  'skip.noKotApiToken': (_: None) => 'not checked: optional; give --kot-api-token-file or set KOT_API_TOKEN to read divisions and employees from KING OF TIME',
  'kotApi.pass': (p: { divisions: number; employees: number; missing: number; missingList: string; unknown: number; unknownList: string }) =>
    `fetched ${p.divisions} division(s) and ${p.employees} employee(s)` +
    (p.missing ? `; ${p.missing} employee(s) are missing from the mapping export (${p.missingList})` : '') +
    (p.unknown ? `; ${p.unknown} mapping code(s) do not exist in KING OF TIME (${p.unknownList})` : ''),
  'kotApi.crossAdvice': (_: None) => 'Run [勤怠管理連携] > [連携実行] in PC ログイン連携 (§3.2), export the mapping again and check the codes.',
  'kotApi.fail': (p: { reason: string; code: number; status: number; message: string; retryAfter: string }) =>
    p.reason === 'auth'
      ? `authentication failed${p.code ? ` (code ${p.code})` : ''}: ${p.message}`
      : p.reason === 'closed-hours'
        ? `the Web API is closed at this hour (code 104; closed 08:30–10:00 and 17:30–18:30 JST)${p.retryAfter ? `: retry after ${p.retryAfter}` : ''}`
        : p.reason === 'forbidden-ip'
          ? "HTTP 403: this machine's address is not in the token's 許可IPアドレス"
          : `the Web API could not be used (${p.reason}${p.status ? `, HTTP ${p.status}` : ''}): ${p.message}`,
  'kotApi.advice': (p: { reason: string }) =>
    p.reason === 'auth'
      ? 'Check the Web API token issued in the KING OF TIME admin screen; it is not the access token of the link service.'
      : p.reason === 'closed-hours'
        ? 'Run the check again after the closed window.'
        : p.reason === 'forbidden-ip'
          ? "Add this server's public IP address to the token's 許可IPアドレス, or run from an allowed address."
          : 'Check the network (see the proxy check) and --kot-api-base.',

  // Input problems (exit 2)
  'problem.not-found': (_: None) => 'file not found',
  'problem.not-a-file': (_: None) => 'this is a folder, not a file',
  'problem.not-a-directory': (_: None) => 'this is a file, not a folder',
  'problem.unreadable': (p: { reason?: string | undefined }) => `cannot be read${p.reason ? ` (${p.reason})` : ''}`,
  'problem.empty': (_: None) => 'the file is empty',
  'problem.binary': (_: None) => 'this is not a text file (binary content)',
  'problem.csv-syntax': (p: { reason?: string | undefined }) => `broken CSV quoting${p.reason ? ` (${p.reason})` : ''}: a value opens a quote that does not close`,
  'problem.csv-fields': (p: { value?: string | undefined }) => `wrong number of values on this line${p.value ? ` (${p.value.replace('/', ' of ')})` : ''}`,
  'problem.unknown-header': (p: { found: string; needed: string }) => `header not recognised: found "${p.found}"; need one of: ${p.needed}`,
  'problem.bad-datetime': (p: { field?: string | undefined; value?: string | undefined }) => `"${p.value ?? ''}" in ${p.field ?? 'a date column'} is not a date-time (expected e.g. 2024/12/17 09:03:12)`,
  'problem.bad-log-type': (p: { value?: string | undefined }) => `ログ種類 "${p.value ?? ''}" is neither 1 (start) nor 2 (end)`,
  'problem.advice.export': (_: None) => 'Export it again from PC ログイン連携 and edit it in a text editor.',

  // Usage (exit 2)
  'usage.unknownOption': (p: { option: string }) => `unknown option ${p.option}. See "lanscope-kot doctor --help".`,
  'usage.missingValue': (p: { option: string }) => `${p.option} needs a value. See "lanscope-kot doctor --help".`,
  'usage.noValue': (p: { option: string }) => `${p.option} takes no value. See "lanscope-kot doctor --help".`,
  'usage.unexpectedArgument': (p: { argument: string }) => `unexpected argument "${p.argument}" (options start with --). See "lanscope-kot doctor --help".`,
  'usage.invalid': (_: None) => 'invalid arguments. See "lanscope-kot doctor --help".',
  'usage.badTimeout': (p: { value: string }) => `--timeout ${p.value}: expected seconds, e.g. 10`,
  'usage.badUrl': (p: { flag: string; value: string }) => `${p.flag} ${p.value}: expected an http:// or https:// URL`,
  'usage.badDayChange': (p: { value: string }) => `--day-change ${p.value}: expected HH:MM or CODE=HH:MM (e.g. 05:00, 5:00, 0500, 1001=05:00)`,
  'usage.badLang': (p: { value: string }) => `--lang ${p.value}: expected ja or en`,
  'usage.badProxy': (p: { reason: string }) => `--proxy: ${p.reason}`,
  'usage.tokenFlag': (_: None) => 'the token is never taken from the command line (it would stay in shell history): use --token-file FILE or LANSCOPE_KOT_TOKEN',
  'usage.emptyToken': (p: { source: string }) => `${p.source} is empty`,
  'usage.normalised': (p: { flag: string; input: string; value: string }) => `note: ${p.flag} "${p.input}" was read as ${p.value} (full-width characters converted)`,

  // Doctor output
  'doctor.summary': (p: { pass: number; warn: number; fail: number; skip: number }) => `${p.pass} passed, ${p.warn} warnings, ${p.fail} failed, ${p.skip} skipped`,
  'doctor.verdict.ok': (_: None) => 'Nothing failed.',
  'doctor.verdict.fail': (_: None) => 'Fix the failed checks before enabling the link service.',
  'doctor.progress': (p: { files: number; rows: number }) => `reading LanScope CSVs: ${p.files} file(s), ${p.rows} rows`,
  'doctor.fixHint': (_: None) => 'what to do',
};
