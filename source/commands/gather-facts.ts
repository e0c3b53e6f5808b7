import { DEFAULT_OUTPUT_DIR } from '../core/conf-ini.js';
import { mergeKotDivisions } from '../core/day-change-option.js';
import type { ConnectionFact, Facts, KotApiFact } from '../core/facts.js';
import { DEFAULT_SQL_START_MINUTES } from '../core/facts.js';
import { chooseProxy, parseProxyUrl, ProxyUrlError } from '../core/proxy-settings.js';
import { secretFromEnv } from '../core/secret.js';
import { msg } from '../i18n/message.js';
import type { ReadProgress } from '../io/log-folder.js';
import { readMappingFile, readOutputDir, readSql, readTextSecret, readTokenFile, tokenFromEnv } from '../io/read-inputs.js';
import { UsageError, type DoctorOptions } from './doctor-options.js';

/**
 * Reads every input doctor was given into facts. The SQL comes first: its start time decides which
 * LanScope window each log row falls in. Throws InputError (exit 2) on the first unreadable input.
 * Network facts are gathered only when not --offline, and the network modules load only then.
 */
export async function gatherFacts(
  options: DoctorOptions,
  env: Record<string, string | undefined>,
  onProgress?: (progress: ReadProgress) => void,
  secrets: string[] = [],
  /**
   * probe: the connection test to PC login link (reconcile has no use for it); trust: already loaded by the
   * caller, which needs it again; now: the caller's clock, which says when a closed Web API opens again.
   */
  { probe = true, trust: loaded, now }: { probe?: boolean; trust?: NetworkTrust; now?: Date } = {},
): Promise<Facts> {
  const token = options.tokenFile !== undefined ? await readTokenFile(options.tokenFile) : tokenFromEnv(env);
  if (token) secrets.push(token.value);
  const kotApiToken = await readKotApiToken(options, env);
  if (kotApiToken) secrets.push(kotApiToken);
  const sql = options.sql === undefined ? undefined : await readSql(options.sql);
  const windowStartMinutes = sql?.result.minutes ?? DEFAULT_SQL_START_MINUTES;
  // On Windows, where doctor runs on the LanScope server itself, nothing given means LanScope's default folder.
  const isDefault = options.logDir === undefined && options.confIni === undefined && process.platform === 'win32';
  const logDir = isDefault ? DEFAULT_OUTPUT_DIR : options.logDir;
  // The mapping export is parsed while the logs are read (between two reads of a file); a bad mapping is still
  // the problem reported first, and stops the reading of the logs.
  const stop = new AbortController();
  const reading =
    logDir === undefined && options.confIni === undefined
      ? undefined
      : readOutputDir({ logDir, isDefault, confIni: options.confIni, windowStartMinutes, exclude: options.mapping, onProgress, reader: readerFromEnv(env), signal: stop.signal });
  reading?.catch(() => undefined);
  let mapping;
  try {
    mapping = options.mapping === undefined ? undefined : await readMappingFile(options.mapping);
  } catch (err) {
    stop.abort();
    throw err;
  }
  const folder = await reading;
  const trust = options.offline ? undefined : (loaded ?? (await loadNetworkTrust(options, env)));
  const [connection, kotApi] = trust === undefined
    ? [undefined, undefined]
    : await Promise.all([probe ? testConnection(options, env, secrets, trust) : undefined, kotApiToken ? fetchKotApi(options, env, kotApiToken, trust, now) : undefined]);
  return {
    companyCode: options.companyCode,
    token,
    sql,
    dayChanges: kotApi?.divisions ? mergeKotDivisions(options.dayChanges, kotApi.divisions) : options.dayChanges,
    outputDir: folder?.outputDir,
    mapping,
    logs: folder?.logs,
    connection,
    kotApi,
    offline: options.offline,
  };
}

/** LANSCOPE_KOT_READER=careful: every log through csv-parse, never the plain splitter (for a doubt in the field; tests compare the two). */
function readerFromEnv(env: Record<string, string | undefined>): 'careful' | undefined {
  return env.LANSCOPE_KOT_READER === 'careful' ? 'careful' : undefined;
}

/** The KING OF TIME Web API token, read at run time from --kot-api-token-file or KOT_API_TOKEN (never a flag value). */
export async function readKotApiToken(options: Pick<DoctorOptions, 'kotApiTokenFile'>, env: Record<string, string | undefined>): Promise<string | undefined> {
  // Refused over MAX_TOKEN_BYTES, from a file or from the environment, without being echoed.
  return options.kotApiTokenFile !== undefined ? readTextSecret(options.kotApiTokenFile, 'kot-api-token') : secretFromEnv(env, 'KOT_API_TOKEN', 'kot-api-token');
}

export type NetworkTrust = Awaited<ReturnType<typeof import('../io/certificates.js').loadTrust>>;

/** --ca-file must load (exit 2 otherwise); NODE_EXTRA_CA_CERTS is reported by the proxy check when it did not. */
export async function loadNetworkTrust(options: Pick<DoctorOptions, 'caFile'>, env: Record<string, string | undefined>): Promise<NetworkTrust> {
  const { loadTrust } = await import('../io/certificates.js');
  const trust = await loadTrust(options.caFile, env);
  const caFile = trust.fact.caFile;
  if (caFile && !caFile.loaded) throw new UsageError(msg('usage.caFile', { file: caFile.file, problem: caFile.problem ?? 'unreadable' }));
  return trust;
}

/** What is wrong with a proxy URL taken from the environment (a flag's was refused before). */
function proxyUrlProblem(url: string | undefined): ConnectionFact['proxyUrlProblem'] {
  if (url === undefined) return undefined;
  try {
    parseProxyUrl(url);
    return undefined;
  } catch (err) {
    return err instanceof ProxyUrlError ? { problem: err.problem, ...(err.scheme ? { scheme: err.scheme } : {}) } : { problem: 'not-url' };
  }
}

async function testConnection(options: DoctorOptions, env: Record<string, string | undefined>, secrets: string[], trust: NetworkTrust): Promise<ConnectionFact> {
  const { probeConnection } = await import('../io/connection.js');
  const choice = chooseProxy(options.proxy, env, options.endpoint);
  const timeoutMs = options.timeoutSeconds * 1000;
  const result = await probeConnection({ endpoint: options.endpoint, proxy: choice.url, timeoutMs, secrets, ...(trust.ca ? { ca: trust.ca } : {}) });
  const problem = proxyUrlProblem(choice.url);
  return {
    endpoint: options.endpoint,
    proxySource: choice.source,
    ...(choice.bypassed ? { bypassed: choice.bypassed } : {}),
    ...(problem ? { proxyUrlProblem: problem } : {}),
    timeoutMs,
    trust: trust.fact,
    result,
  };
}

/** Divisions, then employees, from the Web API (reconcile's wizard entry uses it on facts it already has). */
export async function fetchKotApi(
  options: Pick<DoctorOptions, 'kotApiBase' | 'proxy' | 'timeoutSeconds'>,
  env: Record<string, string | undefined>,
  token: string,
  trust: NetworkTrust,
  now?: Date,
): Promise<KotApiFact> {
  const { fetchDivisions, fetchEmployees } = await import('../io/kot-api.js');
  const base = options.kotApiBase;
  const choice = chooseProxy(options.proxy, env, base);
  const timeoutMs = options.timeoutSeconds * 1000;
  const request = { base, token, proxy: choice.url, timeoutMs, ...(trust.ca ? { ca: trust.ca } : {}), ...(now ? { now } : {}) };
  const fact = { base, proxySource: choice.source, timeoutMs, trust: trust.fact };
  const divisions = await fetchDivisions(request);
  if (!divisions.ok) return { ...fact, failure: divisions };
  // Employees only after divisions worked: a closed-hours or auth answer would only repeat itself.
  const employees = await fetchEmployees(request);
  if (!employees.ok) return { ...fact, divisions: divisions.value, failure: employees };
  return { ...fact, divisions: divisions.value, employees: employees.value };
}
