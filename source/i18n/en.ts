/* English catalog. Keys are shared with ja.ts (typed against this file). */
import type { OddPunchKind } from '../core/dry-run.js';
import type { KotApiFailureReason } from '../core/facts.js';
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

type InputKind = 'sql' | 'conf-ini' | 'mapping' | 'log' | 'token' | 'kot-api-token';
type SkipReason = 'mapping-export' | 'empty' | 'not-a-file';
type Skipped = { name: string; reason: SkipReason }[];

const number = (n: number): string => n.toLocaleString('en-US');
const megabytes = (n: number): string => (n % 1048576 === 0 ? `${n / 1048576} MB` : `${number(n)} bytes`);
const kindName = (k: InputKind | undefined): string =>
  k === undefined
    ? 'this file'
    : {
        sql: '勤怠簿出力.sql',
        'conf-ini': 'conf.ini',
        mapping: 'a mapping export',
        log: 'a LanScope CSV',
        token: 'a token',
        'kot-api-token': 'a Web API token',
      }[k];
const skippedList = (skipped: Skipped): string =>
  skipped.length === 0
    ? ''
    : '; not read: ' +
      list(
        skipped.slice(0, 5).map((s) => `${s.name} (${{ 'mapping-export': 'the mapping export', empty: 'empty', 'not-a-file': 'not a file' }[s.reason]})`),
        skipped.length - 5,
      );

const lineWord = (list: string): string => (list.includes(',') ? 'lines' : 'line');

const startSource = (s: 'sql' | 'default'): string => (s === 'sql' ? '勤怠簿出力.sql' : "LanScope's default; give --sql to read yours");

/** Why a CA file did not load, with the words for where to give one (doctor names --ca-file, the wizard its field). */
export const caNotLoadedText =
  (w: { name: string; giveIt: string }) =>
  (p: { file: string; problem: string; env: boolean }): string =>
    `${p.env ? 'NODE_EXTRA_CA_CERTS' : w.name} ${p.file} was not loaded: ${
      p.problem === 'missing'
        ? 'the file does not exist'
        : p.problem === 'der'
          ? `it is DER (binary), and NODE_EXTRA_CA_CERTS takes PEM only; ${w.giveIt} instead, or export it as Base64`
          : p.problem === 'no-certificate'
            ? 'no certificate found in it'
            : p.problem === 'not-a-file'
              ? 'it is a folder'
              : 'it cannot be read'
    }`;

/** A CA file given that cannot be used, named as given: doctor's --ca-file, the wizard's field. */
export const caFileUsageText =
  (name: string) =>
  (p: { file: string; problem: string }): string =>
    `${name} ${p.file}: ${p.problem === 'missing' ? 'file not found' : p.problem === 'not-a-file' ? 'this is a folder, not a file' : p.problem === 'no-certificate' ? 'no certificate in it (expected PEM or DER)' : 'cannot be read'}`;

/** What to do about an issuer this machine does not trust, with the words for where to give its CA. */
export const tlsIssuerAdviceText =
  (w: { given: string; giveIt: string; giveFile: string }) =>
  (p: { issuer: string; caFileGiven: boolean }): string =>
    p.caFileGiven
      ? `${w.given} does not hold "${p.issuer}" (or the chain up to it): export that CA certificate and ${w.giveIt}. Never switch verification off.`
      : `If "${p.issuer}" is your company's (an inspecting proxy's CA), export it from the Windows certificate store (Base64 or DER .cer) and ${w.giveFile}. The link service uses the Windows store, which may already trust it. Never switch verification off.`;

/** The day-change sentences, with the words for where the start time came from (doctor names --sql, the wizard step 2). */
export const dayChangeTexts = (source: (s: 'sql' | 'default') => string) => ({
  pass: (p: { startTime: string; count: number; startSource: 'sql' | 'default' }) =>
    `${p.count === 1 ? 'the day-change time is' : `all ${p.count} divisions are`} ${p.startTime}, as the collection start (${source(p.startSource)})`,
  fail: (p: { startTime: string; startSource: 'sql' | 'default'; divisions: string; time: string; onDate: string; kotDate: string; lanscopeDate: string; event: string }) =>
    `collection starts at ${p.startTime} (${source(p.startSource)}) but KING OF TIME changes day at ${p.divisions}: ` +
    `a ${p.event === 'end' ? 'log-off' : 'log-on'} at ${p.time} on ${p.onDate} is stamped on ${p.kotDate}, not ${p.lanscopeDate}`,
});

const KOT_API_ADVICE: Partial<Record<KotApiFailureReason, string>> = {
  'auth': 'Check the Web API token issued in the KING OF TIME admin screen; it is not the access token of the link service.',
  'closed-hours': 'Run the check again after the closed window.',
  'forbidden-ip': "Add this server's public IP address to the token's 許可IPアドレス, or run from an allowed address.",
  'forbidden': 'A proxy, firewall or gateway on the way may have refused it: show the first line above to your network team; if it is KING OF TIME, check the token\'s 許可IPアドレス.',
  'rate-limited': 'Rate limited: retry later (a few minutes), and avoid running several checks at once.',
  'server-error': 'Retry later; if it persists, ask the KING OF TIME support centre.',
};

/** What to do about a failed Web API request, with the words for where its address is given (doctor: --kot-api-base). */
export const kotApiAdviceText =
  (w: { badAnswer: string; other: string }) =>
  (p: { reason: string }): string =>
    KOT_API_ADVICE[p.reason as KotApiFailureReason] ?? (p.reason === 'bad-answer' ? w.badAnswer : w.other);

/** Where the proxy came from, with the word for one given by the admin (doctor: --proxy, the wizard: its step). */
export const proxySourceText =
  (given: string) =>
  (p: { source: string; via: string }): string =>
    p.via === 'direct' ? `proxy: none` : `proxy ${p.via} from ${p.source === 'flag' ? given : p.source}`;

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
  'outputDir.pass': (p: { path: string; files: number; rows: number; from: string; to: string; skipped: Skipped }) =>
    `${p.path}: ${p.files} LanScope CSV(s), ${p.rows} rows, ${p.from === p.to ? p.from : `${p.from} – ${p.to}`}${skippedList(p.skipped)}`,
  'outputDir.network': (p: { path: string }) => `${p.path} is a network folder; the link service cannot read network folders`,
  'outputDir.networkAdvice': (_: None) => 'Set OUTPUTDIR in LanScope conf.ini to a local folder on the integrated manager (e.g. C:\\TEMP) and use the same folder in HTLanScopeServiceConfig.',
  'outputDir.elsewhere': (p: { path: string }) => `${p.path} is a Windows path and this machine is not Windows: it was not read`,
  'outputDir.elsewhereAdvice': (_: None) => 'Run on the integrated manager, or copy the CSVs here and point --log-dir at the copy.',
  'outputDir.missing': (p: { path: string }) => `${p.path} does not exist`,
  'outputDir.missingAdvice': (p: { source: 'flag' | 'conf-ini' | 'default' }) =>
    p.source === 'conf-ini'
      ? 'Create the folder named by OUTPUTDIR, or correct OUTPUTDIR in conf.ini.'
      : p.source === 'default'
        ? "C:\\TEMP is LanScope's default OUTPUTDIR, looked at because neither --log-dir nor --conf-ini was given: name your folder with --log-dir, or LanScope's conf.ini with --conf-ini."
        : 'Check the path given to --log-dir.',
  'outputDir.defaultUsed': (p: { path: string }) =>
    `${p.path} is LanScope's default OUTPUTDIR, read because neither --log-dir nor --conf-ini was given; if yours differs, name it with --log-dir or --conf-ini.`,
  'outputDir.notDir': (p: { path: string }) => `${p.path} is a file, not a folder`,
  'outputDir.unreadable': (p: { path: string }) => `${p.path} cannot be read by this user`,
  'outputDir.unreadableAdvice': (_: None) => 'Give the account that runs the link service read access to the folder.',
  'outputDir.yen': (p: { given: string; path: string }) => `the path ${p.given} contains ¥/￥; Windows reads it as ${p.path} only when the character is a backslash`,
  'outputDir.yenAdvice': (p: { path: string }) => `Type the path with backslashes: ${p.path}`,
  'outputDir.noCsv': (p: { path: string; csvCount: number; skipped: Skipped }) => `${p.path} holds no LanScope CSVs (${p.csvCount} other CSV files)${skippedList(p.skipped)}`,
  'outputDir.skippedAdvice': (_: None) =>
    'An empty CSV, or an entry that is not a file, is not a LanScope log: remove it from the folder (the link service reads every CSV there), or run 勤怠簿出力.sql again if it wrote an empty file.',
  'outputDir.noCsvAdvice': (_: None) => 'Run 勤怠簿出力.sql once (or wait for the next collection at the start time), then check again.',

  // mapping
  'excel.pass': (p: { file: string; rows: number; encoding: string }) => `${p.file}: ${p.rows} rows, ${p.encoding}, no sign of an Excel round-trip`,
  'excel.damaged': (p: { file: string; scientific: string; scientificExample: string; zerosLost: string; zerosExample: string; zerosBy: 'neighbours' | 'employees' | 'widths'; quotesGone: boolean }) =>
    [
      `${p.file} was damaged by Excel.`,
      p.scientific ? `Codes became numbers in E notation on ${lineWord(p.scientific)} ${p.scientific} (e.g. ${p.scientificExample}).` : '',
      p.zerosLost
        ? p.zerosBy === 'widths'
          ? `Leading zeros were probably lost on ${lineWord(p.zerosLost)} ${p.zerosLost} (e.g. ${p.zerosExample}): the quotes are gone and the codes, all digits, have different widths.`
          : `Leading zeros were lost on ${lineWord(p.zerosLost)} ${p.zerosLost} (e.g. ${p.zerosExample})${p.zerosBy === 'employees' ? ', by the employee list of KING OF TIME' : ''}.`
        : '',
      p.quotesGone ? 'Every quote of the export is gone.' : '',
    ]
      .filter(Boolean)
      .join(' '),
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
  'proxy.unreachable': (p: { via: string; code: string; answered: boolean }) =>
    p.answered
      ? `the proxy ${p.via} took the connection but closed it without answering CONNECT${p.code ? ` (${p.code})` : ''}`
      : `no connection to the proxy ${p.via}: ${p.code === 'ECONNREFUSED' ? 'nothing listens on that port (connection refused)' : p.code === 'EHOSTUNREACH' || p.code === 'ENETUNREACH' ? 'no route to it' : 'it refused or dropped the connection'}${p.code ? ` (${p.code})` : ''}`,
  'proxy.addressAdvice': (_: None) => 'Check the proxy address and port (HTLanScopeServiceConfig: gear icon > 設定 > プロキシサーバーを使用する) with your network team.',
  'proxy.authMissing': (p: { via: string; schemes: string; status: number }) =>
    `the proxy ${p.via} requires sign-in (HTTP ${p.status}${p.schemes ? `, offers ${p.schemes}` : ''}), and no account was given`,
  'proxy.authMissingAdvice': (p: { ntlm: boolean }) =>
    `Tick 認証が必要なプロキシサーバー and enter the account and password (here: --proxy http://USER:PASSWORD@host:port${p.ntlm ? '; a Windows account as DOMAIN%5Cuser' : ''}).`,
  'proxy.authWrong': (p: { via: string; scheme: string; status: number }) =>
    `the proxy ${p.via} rejected the account or password (${p.scheme === 'ntlm' ? 'NTLM' : 'Basic'} sign-in, HTTP ${p.status}); this check tried once and did not retry`,
  'proxy.authWrongAdvice': (_: None) =>
    'Check the account (DOMAIN\\user for a Windows account) and the password with your network team before trying again: with a Windows account, each failed try counts towards account lockout.',
  'proxy.authNoPassword': (p: { via: string }) => `the proxy ${p.via} requires sign-in, and an account was given without a password: nothing was sent`,
  'proxy.authNoPasswordAdvice': (_: None) => 'Enter the password of the proxy account as well.',
  'proxy.authUnsupported': (p: { via: string; schemes: string }) =>
    `the proxy ${p.via} accepts only ${p.schemes} sign-in, which this check cannot perform (it does NTLM and Basic); this is not a wrong password`,
  'proxy.authUnsupportedAdvice': (p: { target: string }) =>
    `The link service runs as a Windows service and may still sign in with its account. To be sure, ask your network team to allow NTLM or Basic for that account, or to let ${p.target} through without sign-in.`,
  'proxy.refused': (p: { via: string; target: string; status: number; statusText: string; proxyError: string }) =>
    `the proxy ${p.via} refused to open a tunnel to ${p.target}: HTTP ${p.status}${p.statusText ? ` "${p.statusText}"` : ''}${p.proxyError ? ` (${p.proxyError})` : ''} — its own policy, not an address problem`,
  'proxy.refusedAdvice': (p: { target: string; status: number; statusText: string; proxyError: string }) =>
    `Ask the proxy administrator to allow CONNECT to ${p.target} for this server (their proxy answered: ${p.status}${p.statusText ? ` ${p.statusText}` : ''}${p.proxyError ? `, ${p.proxyError}` : ''}).`,
  'proxy.upstream': (p: { via: string; target: string; status: number; statusText: string; proxyError: string }) =>
    `the proxy ${p.via} answered but could not reach ${p.target} itself: HTTP ${p.status}${p.statusText ? ` "${p.statusText}"` : ''}${p.proxyError ? ` (${p.proxyError})` : ''}`,
  'proxy.upstreamAdvice': (p: { target: string; status: number; statusText: string; proxyError: string }) =>
    `The proxy address, port and account are right. Ask the proxy administrator why the proxy cannot reach ${p.target} (it answered: ${p.status}${p.statusText ? ` ${p.statusText}` : ''}${p.proxyError ? `, ${p.proxyError}` : ''}); if it can, the service may be down: retry later.`,
  'proxy.dns': (p: { host: string; code: string; isProxy: boolean }) =>
    `${p.isProxy ? "the proxy's name" : 'the name'} ${p.host} could not be resolved on this machine${p.code ? ` (${p.code})` : ''}`,
  'proxy.dnsAdvice': (p: { viaProxy: boolean }) =>
    p.viaProxy ? 'Check the spelling of the proxy host, and that this server can resolve it.' : 'Check DNS on this server; if the network allows the Internet only through a proxy, set the proxy (§2.5).',
  'proxy.dnsAtProxy': (p: { via: string; host: string; status: number; proxyError: string }) =>
    `the proxy ${p.via} could not resolve ${p.host} (HTTP ${p.status}${p.proxyError ? `, ${p.proxyError}` : ''})`,
  'proxy.dnsAtProxyAdvice': (p: { host: string }) => `Check the spelling of ${p.host}; if it is right, ask the proxy administrator to check the proxy's DNS.`,
  'proxy.timeout': (p: { stage: string; via: string; peer: string; seconds: number }) =>
    p.stage === 'proxy-connect'
      ? `no TCP connection to the proxy ${p.via} within ${p.seconds} s`
      : p.stage === 'proxy-tls'
        ? `the proxy ${p.via} took the connection but did not complete TLS within ${p.seconds} s`
        : p.stage === 'proxy-auth' || p.stage === 'tunnel'
          ? `the proxy ${p.via} took the connection but did not answer CONNECT within ${p.seconds} s`
          : p.stage === 'connect'
            ? `no TCP connection to ${p.peer} within ${p.seconds} s`
            : p.via === 'direct'
              ? `${p.peer} took the connection but did not answer ${p.stage === 'tls' ? 'TLS' : 'HTTP'} within ${p.seconds} s`
              : `the proxy ${p.via} opened the tunnel, but ${p.peer} did not answer ${p.stage === 'tls' ? 'TLS' : 'HTTP'} through it within ${p.seconds} s`,
  'proxy.timeoutAdvice': (p: { stage: string; viaProxy: boolean }) =>
    p.stage === 'proxy-connect'
      ? 'Check that the proxy port is right and that the firewall lets this server reach the proxy.'
      : p.stage === 'proxy-tls' || p.stage === 'proxy-auth' || p.stage === 'tunnel'
        ? 'The proxy is reachable but stalls: ask the proxy administrator (a proxy overloaded, or one that silently drops CONNECT).'
        : p.stage === 'connect'
          ? 'A firewall may drop direct traffic: if your network needs a proxy, set it (§2.5).'
          : p.viaProxy
            ? 'The proxy works; the target stalls behind it. Retry later; if it persists, ask the proxy administrator whether something between the proxy and the target filters this traffic.'
            : 'The target stalls: retry later; if it persists, ask the support centre whether the service is up.',
  'proxy.tlsProxyPlain': (p: { via: string }) => `the proxy ${p.via} is a plain HTTP proxy: it does not speak TLS, but the proxy URL says https://`,
  'proxy.tlsProxyPlainAdvice': (p: { via: string }) => `Use http:// for the proxy (e.g. HTTPS_PROXY=http://${p.via}): the connection to the target is still encrypted through the tunnel.`,
  'proxy.tlsPlain': (p: { peer: string }) => `${p.peer} answered in plain HTTP, not TLS: this port speaks plain HTTP`,
  'proxy.tlsPlainAdvice': (p: { endpoint: string }) => `Check the URL ${p.endpoint}: use http:// for that port, or the port that speaks HTTPS.`,
  'proxy.tlsExpired': (p: { peer: string; notYet: boolean; validFrom: string; validTo: string }) =>
    p.notYet ? `the certificate of ${p.peer} is not valid before ${p.validFrom}` : `the certificate of ${p.peer} expired on ${p.validTo}`,
  'proxy.tlsExpiredAdvice': (_: None) => "Check this machine's date and time first; if they are right, the server's certificate must be renewed (ask its operator). Never switch verification off.",
  'proxy.tlsName': (p: { peer: string; host: string; names: string }) => `the certificate presented by ${p.peer} is for ${p.names}, not ${p.host}`,
  'proxy.tlsNameAdvice': (p: { viaProxy: boolean }) =>
    `Check the host name in the URL.${p.viaProxy ? ' If those names belong to your proxy or security appliance, it intercepts HTTPS: ask your network team to exempt the host or to issue certificates for it.' : ''} Never switch verification off.`,
  'proxy.tlsIssuer': (p: { peer: string; issuer: string; code: string; viaProxy: boolean }) =>
    `the certificate of ${p.peer} was issued by "${p.issuer}", which this machine does not trust (${p.code})${p.viaProxy ? ' — typical of a proxy that inspects HTTPS' : ''}`,
  'proxy.tlsIssuerAdvice': tlsIssuerAdviceText({ given: 'The --ca-file given', giveIt: 'give it with --ca-file', giveFile: 'give it with --ca-file FILE' }),
  'proxy.tlsOther': (p: { peer: string; code: string }) => `TLS with ${p.peer} failed (${p.code})`,
  'proxy.tlsOtherAdvice': (_: None) => 'Check the URL and, with your network team, what stands between this server and the target. Never switch verification off.',
  'proxy.caNotLoaded': caNotLoadedText({ name: '--ca-file', giveIt: 'give it with --ca-file' }),
  'proxy.badUrl': (p: { source: string; problem: string; scheme: string }) =>
    `the proxy URL in ${p.source} cannot be used: ${p.problem === 'scheme' ? `${p.scheme}:// is not supported (only http:// and https:// proxies)` : 'it is not a valid proxy URL'}`,
  'proxy.badUrlAdvice': (p: { source: string }) => `Set ${p.source} to http://host:port (or unset it), or give --proxy.`,
  'proxy.other': (p: { stage: string; peer: string; via: string; code: string }) =>
    p.code === 'NOT_HTTP'
      ? `the proxy ${p.via} did not answer in HTTP (is it an HTTP proxy?)`
      : p.stage === 'connect'
        ? `no connection to ${p.peer}: ${p.code === 'ECONNREFUSED' ? 'nothing listens there, or a firewall rejects it' : p.code === 'ENETUNREACH' || p.code === 'EHOSTUNREACH' ? 'no route to it' : 'the connection failed'} (${p.code})`
        : `the connection to ${p.peer} closed before an HTTP answer${p.code ? ` (${p.code})` : ''}`,
  'proxy.otherAdvice': (p: { stage: string; viaProxy: boolean }) =>
    p.stage === 'connect' ? 'If your network reaches the Internet only through a proxy, set it (§2.5); otherwise check the firewall.' : p.viaProxy ? 'Check the proxy address and port with your network team.' : 'Retry later; if it persists, check the URL and the firewall.',
  'proxy.source': proxySourceText('--proxy'),
  'proxy.bypassed': (p: { variable: string }) => `proxy of ${p.variable} not used: NO_PROXY names this host`,
  'stage.tcp': (p: { ok: boolean; peer: string; code: string; ms: number; toProxy: boolean; address: string }) =>
    `${p.toProxy ? 'proxy' : 'connect'} ${p.peer}: ${p.ok ? `TCP connected${p.address && !p.peer.startsWith(p.address) ? ` (${p.address})` : ''}` : `failed (${p.code})`}, ${p.ms} ms`,
  'stage.tls': (p: { ok: boolean; peer: string; code: string; ms: number; toProxy: boolean }) =>
    `${p.toProxy ? 'proxy TLS' : 'TLS'} ${p.peer}: ${p.ok ? 'certificate verified' : `failed (${p.code})`}, ${p.ms} ms`,
  'stage.proxyAuth': (p: { ok: boolean; peer: string; code: string; ms: number; status: number; statusText: string; proxyError: string; schemes: string; sent: string }) =>
    `proxy sign-in: ${p.schemes ? `offers ${p.schemes}` : 'no scheme offered'}; ${
      p.sent ? `${p.sent === 'ntlm' ? 'NTLM' : 'Basic'} ${p.ok ? 'accepted' : p.status ? `refused (HTTP ${p.status})` : `failed (${p.code})`}` : 'nothing sent'
    }, ${p.ms} ms`,
  'stage.tunnel': (p: { ok: boolean; peer: string; code: string; ms: number; status: number; statusText: string; proxyError: string }) =>
    `CONNECT ${p.peer}: ${p.status ? `HTTP ${p.status}${p.statusText ? ` ${p.statusText}` : ''}${p.proxyError ? ` (${p.proxyError})` : ''}` : `no answer (${p.code})`}, ${p.ms} ms`,
  'stage.http': (p: { ok: boolean; peer: string; code: string; ms: number; status: number }) =>
    `GET ${p.peer}: ${p.ok ? `HTTP ${p.status}` : `no answer (${p.code})`}, ${p.ms} ms`,
  'stage.certificate': (p: { subject: string; issuer: string; names: string; validFrom: string; validTo: string; sha256: string }) =>
    `  certificate: ${p.subject}${p.names ? `; names ${p.names}` : ''}; issuer ${p.issuer}; valid ${p.validFrom} – ${p.validTo}; SHA-256 ${p.sha256}`,
  'stage.chain': (p: { subject: string; issuer: string; names: string; validFrom: string; validTo: string }) =>
    `  issued by: ${p.subject}; issuer ${p.issuer}; valid ${p.validFrom} – ${p.validTo}`,
  'skip.noKotApiToken': (_: None) => 'not checked: optional; give --kot-api-token-file or set KOT_API_TOKEN to read divisions and employees from KING OF TIME',
  'kotApi.pass': (p: { divisions: number; employees: number; missing: number; missingList: string; unknown: number; unknownList: string }) =>
    `fetched ${p.divisions} division(s) and ${p.employees} employee(s)` +
    (p.missing ? `; ${p.missing} employee(s) are missing from the mapping export (${p.missingList})` : '') +
    (p.unknown ? `; ${p.unknown} mapping code(s) do not exist in KING OF TIME (${p.unknownList})` : ''),
  'kotApi.crossAdvice': (_: None) => 'Run [勤怠管理連携] > [連携実行] in PC ログイン連携 (§3.2), export the mapping again and check the codes.',
  'kotApi.fail': (p: { reason: string; resource: string; code: number; status: number; said: string; bodyLine: string; retryAfter: string; problem: string; item: number; field: string; value: string }) => {
    const said = p.said ? `: "${p.said}"` : '';
    const codeText = p.code ? `, code ${p.code}` : '';
    switch (p.reason) {
      case 'auth':
        return p.status ? `the Web API rejected the token (HTTP ${p.status}${codeText})${said}` : 'no Web API token given (the file is empty)';
      case 'closed-hours':
        return `the Web API is closed at this hour (code 104; closed 08:30–10:00 and 17:30–18:30 JST)${p.retryAfter ? `: retry after ${p.retryAfter}` : ''}`;
      case 'forbidden-ip':
        return `HTTP 403${codeText}: the Web API refused this machine's address (not in the token's 許可IPアドレス)${said}`;
      case 'forbidden':
        return `HTTP 403 on /${p.resource}, but not in the Web API's own format, so who refused is unknown${p.bodyLine ? `; the answer begins: "${p.bodyLine}"` : ''}`;
      case 'rate-limited':
        return `the Web API limits requests: too many in a short time (HTTP ${p.status}${codeText})`;
      case 'server-error':
        return `KING OF TIME's service answered with an error on its side (HTTP ${p.status}${codeText})${said}`;
      case 'bad-answer':
        return `the /${p.resource} answer cannot be used: ${
          p.problem === 'missing-field'
            ? `item ${p.item} has no ${p.field}`
            : p.problem === 'bad-field'
              ? `item ${p.item} has ${p.field} in a form the Web API does not document${p.value ? ` ("${p.value}")` : ''}`
              : p.problem === 'not-object' ? `item ${p.item} is not an object` : p.problem === 'not-array' ? 'it is not a JSON array' : 'it is not JSON'
        } (HTTP ${p.status})`;
      default:
        return `the Web API answered HTTP ${p.status} on /${p.resource}${codeText}${said}`;
    }
  },
  'kotApi.advice': kotApiAdviceText({ badAnswer: 'Check --kot-api-base: it must be the Web API (https://api.kingtime.jp/v1.0).', other: 'Check --kot-api-base and the Web API token.' }),
  'kotApi.network': (p: { base: string }) => `Web API ${p.base}`,

  // Input problems (exit 2)
  'problem.not-found': (_: None) => 'file not found',
  'problem.not-a-file': (_: None) => 'this is a folder, not a file',
  'problem.not-regular': (_: None) => 'this is not a regular file (a pipe, a device or a socket): give a file',
  'problem.not-a-directory': (_: None) => 'this is a file, not a folder',
  'problem.unreadable': (p: { reason?: string | undefined }) => `cannot be read${p.reason ? ` (${p.reason})` : ''}`,
  'problem.empty': (_: None) => 'the file is empty',
  'problem.binary': (_: None) => 'this is not a text file (binary content)',
  'problem.csv-syntax': (p: { reason?: string | undefined }) => `the CSV cannot be read${p.reason ? ` (${p.reason})` : ''}`,
  'problem.csv-quote-not-closed': (_: None) => 'broken CSV quoting: a value opens a quote on this line that never closes',
  'problem.csv-quote-inside': (_: None) => 'broken CSV quoting: a quote (") inside a value that does not start with one',
  'problem.csv-quote-after': (_: None) => 'broken CSV quoting: text right after the closing quote of a value',
  'problem.too-big': (p: { size: number; limit: number; kind?: InputKind | undefined; variable?: string | undefined }) =>
    p.variable
      ? `holds ${number(p.size)} bytes: too long for ${kindName(p.kind)} (at most ${number(p.limit)} bytes); it was not read`
      : `${number(p.size)} bytes: too big for ${kindName(p.kind)} (at most ${number(p.limit)} bytes); it was not read`,
  'problem.line-too-long': (p: { limit: number; kind?: InputKind | undefined }) => `this line is longer than ${megabytes(p.limit)}: no line of ${kindName(p.kind)} is that long`,
  'problem.duplicate-column': (p: { field?: string | undefined; value?: string | undefined }) =>
    `the column ${p.field ?? ''} appears twice in the header (columns ${p.value ?? ''}): which one to read cannot be known`,
  'problem.date-out-of-range': (p: { field?: string | undefined; value?: string | undefined; reason?: string | undefined }) =>
    `"${p.value ?? ''}" in ${p.field ?? 'a date column'} is outside the years ${p.reason ?? ''}: a damaged value, not a date LanScope writes`,
  'problem.csv-fields': (p: { value?: string | undefined }) => `wrong number of values on this line${p.value ? ` (${p.value.replace('/', ' of ')})` : ''}`,
  'problem.unknown-header': (p: { found: string; needed: string }) => `header not recognised: found "${p.found}"; need one of: ${p.needed}`,
  'problem.bad-datetime': (p: { field?: string | undefined; value?: string | undefined }) => `"${p.value ?? ''}" in ${p.field ?? 'a date column'} is not a date-time (expected e.g. 2024/12/17 09:03:12)`,
  'problem.bad-log-type': (p: { value?: string | undefined }) => `ログ種類 "${p.value ?? ''}" is neither 1 (start) nor 2 (end)`,
  'problem.advice.export': (_: None) => 'Export it again from PC ログイン連携 and edit it in a text editor.',
  'problem.advice.log': (_: None) =>
    'LanScope writes this file with 勤怠簿出力.sql: use it as written (not re-saved by Excel), and move files that are not LanScope logs out of the folder.',
  'problem.advice.sql': (_: None) => 'Give the 勤怠簿出力.sql LanScope provided (a text file of a few KB).',
  'problem.advice.conf-ini': (_: None) => "Give LanScope's conf.ini (a text file of a few lines), or the CSV folder itself with --log-dir.",
  'problem.advice.token': (p: { variable?: string | undefined }) =>
    p.variable
      ? `Set ${p.variable} to the 32-character access token only, or use --token-file.`
      : "Put only the 32-character access token in the file (copy it again from the support centre's mail).",
  'problem.advice.kot-api-token': (p: { variable?: string | undefined }) =>
    `Put only the Web API token issued in KING OF TIME's admin screen ${p.variable ? `in ${p.variable}` : 'in the file'}.`,

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
  'usage.badProxy': (p: { problem: string; scheme: string }) =>
    `--proxy: ${
      {
        empty: 'the proxy URL is empty',
        'not-url': 'the proxy URL is not a URL (expected http://host:port)',
        scheme: `the proxy URL scheme "${p.scheme}" is not supported (use http:// or https://)`,
        userinfo: 'the proxy URL user name or password contains "/", "\\", "?", "#" or "@": percent-encode them (e.g. "/" as %2F, "\\" as %5C, "@" as %40)',
        'ipv6-unterminated': 'the proxy URL has an unterminated IPv6 address ("[" without "]")',
        'ipv6-brackets': 'the proxy URL has an IPv6 address without brackets (write it as http://[addr]:port)',
        'bad-port': 'the proxy URL has a bad port (expected a number from 1 to 65535)',
        'no-host': 'the proxy URL has no host',
        'invalid-host': 'the proxy URL is not a valid URL (check the host name)',
      }[p.problem] ?? 'the proxy URL is not valid'
    }`,
  'usage.caFile': caFileUsageText('--ca-file'),
  'usage.tokenFlag': (_: None) => 'the token is never taken from the command line (it would stay in shell history): use --token-file FILE or LANSCOPE_KOT_TOKEN',
  'usage.emptyToken': (p: { source: string }) => `${p.source} is empty`,
  'usage.nothingToCheck': (_: None) =>
    'nothing to check: give at least one of --sql, --log-dir (or --conf-ini), --mapping, --day-change, --company-code, --token-file (or LANSCOPE_KOT_TOKEN), or --proxy / --endpoint for the connection alone',
  'usage.normalised': (p: { flag: string; input: string; value: string }) => `note: ${p.flag} "${p.input}" was read as ${p.value} (full-width characters converted)`,

  // Doctor output
  'doctor.summary': (p: { pass: number; warn: number; fail: number; skip: number }) => `${p.pass} passed, ${p.warn} warnings, ${p.fail} failed, ${p.skip} skipped`,
  'doctor.verdict.ok': (_: None) => 'Nothing failed.',
  'doctor.verdict.fail': (_: None) => 'Fix the failed checks before enabling the link service.',
  'doctor.progress': (p: { files: number; rows: number }) => `reading LanScope CSVs: ${p.files} file(s), ${p.rows} rows`,
  'doctor.fixHint': (_: None) => 'what to do',
};
