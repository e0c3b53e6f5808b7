import type { ClockTime } from './clock-time.js';
import type { OutputDirSetting } from './conf-ini.js';
import type { LogFileStats, SkippedFile } from './log-reader.js';
import type { UserLogs } from './log-aggregate.js';
import type { MappingFile } from './mapping.js';
import type { SqlStartTime } from './sql-start-time.js';
import type { ConnectionReason, ConnectionResult } from './connection-stages.js';
import type { ProxyUrlProblem, ProxyVariable } from './proxy-settings.js';

/**
 * What the edges gathered (files read, folders listed, a connection tried), as plain values.
 * Checks are pure functions of these facts; an absent fact means "not given", and its checks skip.
 */
export interface DayChangeSetting extends ClockTime {
  /** 所属コード, or undefined for a value given for every division. */
  division: string | undefined;
  /** 所属名, when known (from the KING OF TIME API). */
  name?: string;
  input: string;
}

export interface TokenFact {
  value: string;
  /** --token-file, LANSCOPE_KOT_TOKEN, or typed into the wizard. */
  source: 'file' | 'env' | 'typed';
  file?: string;
}

export interface OutputDirFacts {
  /** The folder as given (¥ kept, so the report can show what the admin typed). */
  given: string;
  /** ¥/￥ replaced with \; on Windows also / (as Windows writes the path). */
  path: string;
  /** `default`: nothing was given and doctor runs on Windows, where LanScope's default OUTPUTDIR (C:\TEMP) is read. */
  source: 'flag' | 'conf-ini' | 'default';
  confIni?: { file: string; setting: OutputDirSetting };
  /** A UNC path: the link service cannot read network folders (§2.4). */
  network: boolean;
  /** A Windows drive path while running elsewhere: it can only be checked on that server. */
  elsewhere: boolean;
  exists: boolean;
  isDirectory: boolean;
  readable: boolean;
  /** Files that look like CSVs (by extension). */
  csvCount: number;
  /** The LanScope CSVs read, recognised by header. */
  logFiles: LogFileStats[];
  /** `*.csv` entries left out: the mapping export, empty files, entries that are not regular files. */
  skipped: SkippedFile[];
}

export interface LogFacts {
  windowStartMinutes: number;
  users: Map<string, UserLogs>;
  /** Some file named the computer (or agent no): without it, shared PCs cannot be seen. */
  hasPcColumn: boolean;
}

export type { ConnectionReason, ConnectionResult } from './connection-stages.js';

/** Why a CA file gave the probe nothing. */
export type CaFileProblem = 'missing' | 'not-a-file' | 'unreadable' | 'no-certificate' | 'der';

export interface CaFileFact {
  file: string;
  loaded: boolean;
  certificates?: number;
  problem?: CaFileProblem;
}

/** Extra trust the probe had: --ca-file, and NODE_EXTRA_CA_CERTS (which Node silently skips when it cannot read it). */
export interface TrustFact {
  caFile?: CaFileFact;
  extraCaCerts?: CaFileFact;
}

/** The connection test towards PC login link. */
export interface ConnectionFact {
  endpoint: string;
  /**
   * Where the proxy came from: --proxy ('flag'), the wizard's fields ('wizard'), the environment variable
   * ('HTTPS_PROXY', 'https_proxy', 'ALL_PROXY', …), none, or none because NO_PROXY matched.
   */
  proxySource: 'flag' | 'wizard' | ProxyVariable | 'none' | 'no-proxy';
  /** With 'no-proxy': the variable whose proxy NO_PROXY bypassed. */
  bypassed?: ProxyVariable;
  /** With an unusable proxy URL (from the environment): what is wrong with it. */
  proxyUrlProblem?: { problem: ProxyUrlProblem; scheme?: string };
  timeoutMs: number;
  trust?: TrustFact;
  result: ConnectionResult;
}

/** What the KING OF TIME Web API answered, when the admin gave its token. */
export interface KotApiFact {
  base: string;
  proxySource?: ConnectionFact['proxySource'];
  timeoutMs?: number;
  trust?: TrustFact;
  divisions?: { code: string; name: string; dayBorderTime: string }[];
  employees?: { code: string; key?: string; lastName: string; firstName: string; divisionCode: string }[];
  failure?: KotApiFailure;
}

/**
 * Why a Web API request gave nothing usable. Network failures keep the probe's reason (proxy-auth, tls,
 * timeout, …) and its judgement in `connection`.
 */
export type KotApiFailureReason =
  | 'auth'
  | 'closed-hours'
  | 'forbidden-ip'
  | 'forbidden'
  | 'rate-limited'
  | 'server-error'
  | 'http-status'
  | 'bad-answer'
  | ConnectionReason;

export interface KotApiFailure {
  reason: KotApiFailureReason;
  /** The resource asked for, e.g. "divisions". */
  resource: string;
  /** HTTP status, when the API answered. */
  status?: number;
  /** KING OF TIME's error code from the body ({"errors":[{"code"}]}). */
  code?: number;
  /** What the API said (its message), redacted. */
  said?: string;
  /** The first line of an answer that was not JSON (a proxy's or firewall's page), redacted. */
  bodyLine?: string;
  /** With 'closed-hours': end of the current closed window, "HH:MM JST". */
  retryAfter?: string;
  /** With 'bad-answer': what was wrong with it (`value`: what a bad field held, redacted, when it is short text). */
  problem?: { kind: 'not-json' | 'not-array' | 'not-object' | 'missing-field' | 'bad-field'; item?: number; field?: string; value?: string };
  /** With a network failure: the probe's judgement. */
  connection?: ConnectionResult;
}

export interface Facts {
  companyCode?: string;
  token?: TokenFact;
  sql?: { file: string; encoding: string; result: SqlStartTime };
  dayChanges: DayChangeSetting[];
  outputDir?: OutputDirFacts;
  mapping?: { file: string; encoding: string; data: MappingFile };
  logs?: LogFacts;
  connection?: ConnectionFact;
  kotApi?: KotApiFact;
  offline: boolean;
}

/** LanScope's and KING OF TIME's shipped defaults (§2.2). */
export const DEFAULT_SQL_START_MINUTES = 5 * 60;
export const KOT_DEFAULT_DAY_CHANGE_MINUTES = 0;

/** The collection start time in force: the SQL's when it agrees with itself, else LanScope's default. */
export function windowStartMinutes(facts: Pick<Facts, 'sql'>): number {
  return facts.sql?.result.minutes ?? DEFAULT_SQL_START_MINUTES;
}
