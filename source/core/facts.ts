import type { ClockTime } from './clock-time.js';
import type { OutputDirSetting } from './conf-ini.js';
import type { LogFileStats } from './log-reader.js';
import type { UserLogs } from './log-aggregate.js';
import type { MappingFile } from './mapping.js';
import type { SqlStartTime } from './sql-start-time.js';

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
  /** ¥/￥ replaced with \. */
  path: string;
  source: 'flag' | 'conf-ini';
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
}

export interface LogFacts {
  windowStartMinutes: number;
  users: Map<string, UserLogs>;
  /** Some file named the computer (or agent no): without it, shared PCs cannot be seen. */
  hasPcColumn: boolean;
}

/** How the network edge classifies a connection attempt (`proxy` check, `data.reason`). */
export type ConnectionReason =
  | 'ok'
  | 'proxy-unreachable'
  | 'proxy-auth'
  | 'dns'
  | 'timeout'
  | 'tls'
  | 'http-status'
  | 'other';

/** One connection attempt, as the network edge classified it: never credentials, `detail` already redacted. */
export interface ConnectionResult {
  reason: ConnectionReason;
  /** 'direct' or 'host:port' of the proxy; never credentials. */
  via: string;
  /** HTTP status from the target, when one came back. */
  status?: number;
  /** With 'proxy-auth': no credentials were sent ('missing') or they were rejected ('wrong'). */
  proxyAuth?: 'missing' | 'wrong';
  /** With 'dns': the name that failed to resolve (proxy host or target host). */
  host?: string;
  /** Low-level error code (ECONNREFUSED, UND_ERR_CONNECT_TIMEOUT, DEPTH_ZERO_SELF_SIGNED_CERT, ...). */
  code?: string;
  /**
   * Status the proxy answered to CONNECT when it refused to open the tunnel (other than 407):
   * the proxy was reached and accepted the credentials, but would not or could not reach the target.
   */
  proxyStatus?: number;
  /** Short technical English description, redacted. */
  detail: string;
  elapsedMs: number;
}

/** The connection test towards PC login link. */
export interface ConnectionFact {
  endpoint: string;
  /** Where the proxy came from: --proxy, the wizard's fields, HTTPS_PROXY, none, or none because NO_PROXY matched. */
  proxySource: 'flag' | 'wizard' | 'env' | 'none' | 'no-proxy';
  timeoutMs: number;
  result: ConnectionResult;
}

/** What the KING OF TIME Web API answered, when the admin gave its token. */
export interface KotApiFact {
  base: string;
  divisions?: { code: string; name: string; dayBorderTime: string }[];
  employees?: { code: string; key?: string; lastName: string; firstName: string; divisionCode: string }[];
  failure?: { reason: string; status?: number; code?: number; message: string; retryAfter?: string };
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
