import { DEFAULT_OUTPUT_DIR } from '../core/conf-ini.js';
import type { ProxyFields } from '../core/proxy-settings.js';
import type { CheckId } from '../core/checks/check.js';
import { parseDayChangeOption } from '../core/day-change-option.js';
import { windowStartMinutes, type ConnectionFact, type DayChangeSetting, type Facts, type LogFacts, type OutputDirFacts, type TokenFact } from '../core/facts.js';
import type { MappingFile } from '../core/mapping.js';
import type { SqlStartTime } from '../core/sql-start-time.js';
import type { SavedSettings } from '../io/settings.js';
import type { WrittenUpload } from '../io/upload-file.js';
import { printable } from './widgets/key-chunks.js';

/** Everything the admin typed or chose; kept whole when going back and forth between steps. */
/** The proxy step's fields; the password is never saved and never shown except as the masked field. */
export type ProxyValues = ProxyFields;

export interface WizardValues {
  companyCode: string;
  token: string;
  /** Take the token from LANSCOPE_KOT_TOKEN instead of the field. */
  useEnvToken: boolean;
  rememberToken: boolean;
  sqlPath: string;
  /** As typed: `1001=05:00`, or `05:00` for every division. */
  divisions: string[];
  /** A conf.ini file or the CSV folder itself. */
  outputInput: string;
  proxy: ProxyValues;
  mappingPath: string;
  /** Export line → the サービスアカウント accepted for it. */
  acceptedFixes: Record<number, string>;
  reportPath: string;
}

/** What was read from the files the admin named; each remembers the input it was read for. */
export interface SqlLoaded {
  path: string;
  fact?: { file: string; encoding: string; result: SqlStartTime };
  error?: string;
}

export interface OutputLoaded {
  input: string;
  /** A CSV file was typed: its folder was read. */
  csvFile?: string;
  windowStart: number;
  outputDir?: OutputDirFacts;
  logs?: LogFacts;
  error?: string;
}

export interface MappingLoaded {
  path: string;
  fact?: { file: string; encoding: string; data: MappingFile };
  error?: string;
}

export interface UploadWritten extends WrittenUpload {
  accepted: Record<number, string>;
}

export interface ConnectionTested {
  /** The proxy settings it was tested with (see proxyKey): a later edit makes it stale. */
  key: string;
  fact: ConnectionFact;
}

export interface Loaded {
  connection?: ConnectionTested;
  sql?: SqlLoaded;
  output?: OutputLoaded;
  mapping?: MappingLoaded;
  upload?: UploadWritten;
  reportFile?: string;
}

export const STEP_COUNT = 7;
export type StepNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const STEP_KEYS = ['preparation', 'dayChange', 'outputDir', 'proxy', 'mapping', 'dryRun', 'checklist'] as const;
export type StepKey = (typeof STEP_KEYS)[number];
export const STEP_MANUAL: Record<StepKey, string> = {
  preparation: '§2.1',
  dayChange: '§2.2',
  outputDir: '§2.4',
  proxy: '§2.5',
  mapping: '§3',
  dryRun: '§4',
  checklist: '§5',
};

/** Which step gathers the input each check needs: "not checked — see step 2". */
export const STEP_OF_CHECK: Record<CheckId, StepNumber> = {
  'company-code': 1,
  'access-token': 1,
  'sql-start-time': 2,
  'day-change': 2,
  'output-dir': 3,
  proxy: 4,
  'mapping-excel': 5,
  'unmapped-users': 5,
  'duplicate-mappings': 5,
  'shared-pc-users': 5,
  'near-misses': 5,
  'unused-mappings': 5,
  'punch-times': 6,
  // Optional (doctor --kot-token): the divisions' day-change times from the KING OF TIME Web API.
  'kot-api': 2,
};

/**
 * The checks whose findings each step shows, for the mark beside it in the step list: the dry run shows
 * wrong-day punches, dropped logs and duplicates, so its mark is theirs too (one source for marks).
 */
export const STEP_CHECKS: Record<StepNumber, readonly CheckId[]> = {
  1: ['company-code', 'access-token'],
  2: ['sql-start-time', 'day-change'],
  3: ['output-dir'],
  4: ['proxy'],
  5: ['mapping-excel', 'unmapped-users', 'duplicate-mappings', 'shared-pc-users', 'near-misses', 'unused-mappings'],
  6: ['punch-times', 'day-change', 'unmapped-users', 'duplicate-mappings'],
  7: [],
};

export const emptyProxy = (): ProxyValues => ({ use: false, host: '', port: '', auth: false, user: '', password: '' });

/** Step 3 says what C:\TEMP is when the field holds it on Windows (see valuesFromSettings). */
export function defaultOutputDirShown(input: string, platform: NodeJS.Platform = process.platform): boolean {
  return platform === 'win32' && input.toUpperCase() === DEFAULT_OUTPUT_DIR;
}

export function valuesFromSettings(raw: SavedSettings, env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): WizardValues {
  const envToken = Boolean(env.LANSCOPE_KOT_TOKEN);
  // A settings file written before fields refused control characters (`"port": "abc^?^?^?"`) is read clean.
  const saved = withoutControls(raw);
  return {
    companyCode: saved.companyCode ?? '',
    token: saved.rememberToken ? (saved.token ?? '') : '',
    useEnvToken: envToken && !(saved.rememberToken && saved.token),
    rememberToken: saved.rememberToken ?? false,
    sqlPath: saved.sqlPath ?? '',
    divisions: saved.divisions ?? [],
    // On Windows the wizard runs on the LanScope server itself: with nothing saved, the output folder
    // starts at LanScope's default OUTPUTDIR.
    outputInput: saved.outputInput ?? (platform === 'win32' ? DEFAULT_OUTPUT_DIR : ''),
    proxy: { ...emptyProxy(), ...(saved.proxy ?? {}), password: '' },
    mappingPath: saved.mappingPath ?? '',
    acceptedFixes: {},
    reportPath: saved.reportPath ?? '',
  };
}

function withoutControls<T>(value: T): T {
  if (typeof value === 'string') return printable(value) as T;
  if (Array.isArray(value)) return value.map(withoutControls) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutControls(v)])) as T;
  return value;
}

export function settingsFromValues(v: WizardValues): SavedSettings {
  const { password: _password, ...proxy } = v.proxy;
  return {
    companyCode: v.companyCode,
    rememberToken: v.rememberToken && !v.useEnvToken,
    ...(v.rememberToken && !v.useEnvToken && v.token ? { token: v.token } : {}),
    sqlPath: v.sqlPath,
    divisions: v.divisions,
    outputInput: v.outputInput,
    proxy,
    mappingPath: v.mappingPath,
    reportPath: v.reportPath,
  };
}

export function tokenFact(v: WizardValues, env: Record<string, string | undefined>): TokenFact | undefined {
  if (v.useEnvToken && env.LANSCOPE_KOT_TOKEN) return { value: env.LANSCOPE_KOT_TOKEN, source: 'env' };
  // Typed into the wizard: the core knows files and the environment; a typed token is reported like a file's.
  return v.token === '' ? undefined : { value: v.token, source: 'typed' };
}

/** The token in force, for masking and redaction (never for display). */
export function tokenValue(v: WizardValues, env: Record<string, string | undefined>): string | undefined {
  return tokenFact(v, env)?.value;
}

export function dayChangeSettings(divisions: readonly string[]): DayChangeSetting[] {
  return divisions.flatMap((d) => {
    const parsed = parseDayChangeOption(d);
    return parsed ? [parsed] : [];
  });
}

/**
 * The facts gathered so far, as doctor would gather them from flags: a file counts only when it was read
 * for the value now in the field (editing a path forgets what the old one said).
 */
export function buildFacts(v: WizardValues, loaded: Loaded, env: Record<string, string | undefined>, mapping?: MappingFile): Facts {
  const sql = loaded.sql && loaded.sql.path === cleanPath(v.sqlPath) ? loaded.sql.fact : undefined;
  // Logs are folded into LanScope days at the SQL's start time: read under another start, they are stale.
  const output =
    loaded.output && loaded.output.input === cleanPath(v.outputInput) && loaded.output.windowStart === windowStartMinutes({ sql }) ? loaded.output : undefined;
  const map = loaded.mapping && loaded.mapping.path === cleanPath(v.mappingPath) ? loaded.mapping.fact : undefined;
  const connection = loaded.connection && loaded.connection.key === proxyKey(v.proxy) ? loaded.connection.fact : undefined;
  const companyCode = v.companyCode === '' ? undefined : v.companyCode;
  return {
    ...(companyCode !== undefined ? { companyCode } : {}),
    ...(tokenFact(v, env) ? { token: tokenFact(v, env)! } : {}),
    ...(sql ? { sql } : {}),
    dayChanges: dayChangeSettings(v.divisions),
    ...(output?.outputDir ? { outputDir: output.outputDir } : {}),
    ...(output?.logs ? { logs: output.logs } : {}),
    ...(map ? { mapping: mapping ? { ...map, data: mapping } : map } : {}),
    ...(connection ? { connection } : {}),
    offline: false,
  };
}

/** Identifies the proxy settings a connection test ran with (in memory only: it holds the password). */
export function proxyKey(p: ProxyValues): string {
  const path = p.use ? JSON.stringify([p.host, p.port, p.auth, p.auth ? p.user : '', p.auth ? p.password : '']) : 'direct';
  return p.caFile ? `${path} ${JSON.stringify(p.caFile)}` : path;
}

/** A path as typed or dropped into the terminal: surrounding spaces and quotes removed. */
export function cleanPath(value: string): string {
  return value.trim().replace(/^(["'])(.*)\1$/, '$2').trim();
}
