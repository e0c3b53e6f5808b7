import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import chalk from 'chalk';
import { describeKotApiFailure } from '../core/checks/kot-api.js';
import type { Facts, KotApiFact, KotApiFailure } from '../core/facts.js';
import { InputError } from '../core/input-problem.js';
import { reconcile, type ReconcileResult } from '../core/reconcile.js';
import { escapeLines } from '../core/printable.js';
import { punchDayChange } from '../core/report.js';
import { redactMessage } from '../core/redact-message.js';
import { redactKnownSecrets } from '../core/secret.js';
import { compareWithLast, findingKey, inRange, nextState, reconcileItems, type SinceLast } from '../core/since-last.js';
import { matchUsers } from '../core/user-matching.js';
import { windowStartMinutes } from '../core/facts.js';
import { detectLang } from '../i18n/locale.js';
import type { Lang, Message } from '../i18n/message.js';
import { tr } from '../i18n/reconcile.js';
import { t, translate } from '../i18n/translate.js';
import { chooseProxy } from '../core/proxy-settings.js';
import { closedWindowEnd } from '../io/kot-api.js';
import { readState, StateFileError } from '../io/state-file.js';
import { collectSecrets, progressLine, type CommandIo } from './doctor.js';
import { UsageError } from './doctor-options.js';
import { fetchKotApi, gatherFacts, loadNetworkTrust, readKotApiToken, type NetworkTrust } from './gather-facts.js';
import { mergeKotDivisions } from '../core/day-change-option.js';
import { describeInputProblem } from './input-problem-text.js';
import { reconcileCsv } from './reconcile-csv.js';
import { reconcileHelp } from '../i18n/reconcile-help.js';
import { parseReconcileOptions, ReconcileUsageError, todayJst, type ReconcileOptions } from './reconcile-options.js';
import { formatReconcileText } from './reconcile-text.js';
import { isoJst, OutputError, saveState, sinceLastFooter, stateOrOutputText, writeOutput } from './run-output.js';
import { internalErrorText } from './internal-error.js';
import { writeHelp } from './write-help.js';

export interface ReconcileIo extends CommandIo {
  /** The clock (closed hours, "today"); tests fix it. */
  now?: () => Date;
}

/** Puts a core message into words: doctor's by default; the wizard's name its fields and steps (ui/i18n.ts IN_WIZARD). */
export type Say = (message: Message) => string;

/** A reason the comparison could not be made (closed hours, the Web API refused, no logs): exit 2. */
export class ReconcileFailure extends Error {
  constructor(readonly text: (lang: Lang, say?: Say) => string) {
    super('reconcile failed');
    this.name = 'ReconcileFailure';
  }
}

export interface Reconciled {
  result: ReconcileResult;
  /** Punches fetched from KING OF TIME. */
  fetched: number;
}

/** Refuses before anything is sent while the Web API is closed (08:30–10:00, 17:30–18:30 JST). */
export function refuseInClosedHours(now: Date): void {
  const until = closedWindowEnd(now);
  if (until) throw new ReconcileFailure((lang) => tr(lang, 'rc.closedNow', { until }));
}

/** How to reach the Web API besides the flags: its token, what TLS trusts (--ca-file, NODE_EXTRA_CA_CERTS), the secrets to keep out of words. */
export interface KotAccess {
  token: string;
  trust: NetworkTrust;
  secrets: readonly string[];
}

/**
 * The comparison on facts already gathered (doctor's inputs, the Web API's divisions and employees):
 * fetches the punches KING OF TIME holds for the work days (and one day either side, where a punch on
 * the wrong day lands) and runs the pure comparison. Shared by reconcile and watch.
 */
export async function reconcileFacts(
  facts: Facts,
  options: Pick<ReconcileOptions, 'kotApiBase' | 'proxy' | 'timeoutSeconds' | 'from' | 'to'>,
  access: KotAccess,
  env: Record<string, string | undefined>,
  now: Date,
  onProgress?: (done: number, total: number) => void,
): Promise<Reconciled> {
  const api = facts.kotApi;
  if (api?.failure) throw apiFailure(api, api.failure, access.secrets);
  if (!facts.logs || facts.logs.users.size === 0 || !facts.mapping) throw new ReconcileFailure((lang) => tr(lang, 'rc.noLogs'));
  const { fetchTimerecords, daysPerRequest } = await import('../io/kot-timerecord.js');
  const employees = api?.employees ?? [];
  const codeOfKey = new Map(employees.flatMap((e) => (e.key ? [[e.key, e.code] as const] : [])));
  const choice = chooseProxy(options.proxy, env, options.kotApiBase);
  const timeoutMs = options.timeoutSeconds * 1000;
  const fetched = await fetchTimerecords({
    base: options.kotApiBase,
    token: access.token,
    ...(choice.url !== undefined ? { proxy: choice.url } : {}),
    timeoutMs,
    ...(access.trust.ca ? { ca: access.trust.ca } : {}),
    now,
    from: options.from - 1,
    to: Math.min(options.to + 1, todayJst(now)),
    codeOfKey,
    daysPerRequest: daysPerRequest(employees.length),
    ...(onProgress ? { onProgress } : {}),
  });
  if (!fetched.ok) throw apiFailure({ base: options.kotApiBase, proxySource: choice.source, timeoutMs, trust: access.trust.fact }, fetched, access.secrets);
  const { actual, names } = fetched.value;
  const mappingNames = new Map<string, string>();
  for (const row of facts.mapping.data.rows) if (row.name && !mappingNames.has(row.employee)) mappingNames.set(row.employee, row.name);
  const kotNames = new Map(employees.map((e) => [e.code, [e.lastName, e.firstName].filter(Boolean).join(' ')] as const));
  const knownEmployees = employees.length ? new Set([...employees.map((e) => e.code), ...names.keys()]) : undefined;
  const result = reconcile({
    logs: facts.logs.users,
    matching: matchUsers(facts.logs.users, facts.mapping.data),
    dayChangeFor: punchDayChange(facts, windowStartMinutes(facts)),
    actual,
    from: options.from,
    to: options.to,
    nameOf: (code) => mappingNames.get(code) || kotNames.get(code) || names.get(code),
    ...(knownEmployees ? { knownEmployees } : {}),
  });
  return { result, fetched: actual.count };
}

/**
 * The wizard's "compare with KING OF TIME": its facts have no Web API answers yet, so divisions and employees
 * are fetched first (their day-change times and divisions decide each punch's work day), then the same comparison.
 * The CA file is the proxy step's; `env` gives NODE_EXTRA_CA_CERTS and any proxy variable the wizard wants honoured.
 */
export async function reconcileWithApi(
  facts: Facts,
  request: { token: string; proxy?: string; caFile?: string; kotApiBase: string; timeoutSeconds: number; from: number; to: number; now: Date },
  env: Record<string, string | undefined>,
): Promise<Reconciled> {
  refuseInClosedHours(request.now);
  const secrets = [request.token];
  collectSecrets(request, env, secrets);
  const trust = await loadNetworkTrust(request, env).catch((err: unknown) => {
    // A CA file that does not load: said in the wizard's words there (its field, not --ca-file).
    if (err instanceof UsageError) throw new ReconcileFailure((lang, say = (m) => translate(m, lang)) => say(err.detail));
    throw err;
  });
  const kotApi = await fetchKotApi(request, env, request.token, trust, request.now);
  const dayChanges = kotApi.divisions ? mergeKotDivisions(facts.dayChanges, kotApi.divisions) : facts.dayChanges;
  return reconcileFacts({ ...facts, kotApi, dayChanges }, request, { token: request.token, trust, secrets }, env, request.now);
}

/** A Web API failure said as the kot-api check says it: what happened, stage by stage when the way there failed, what to do. */
function apiFailure(api: Pick<KotApiFact, 'base' | 'proxySource' | 'timeoutMs' | 'trust'>, f: KotApiFailure, secrets: readonly string[]): ReconcileFailure {
  const said = describeKotApiFailure(api, f);
  return new ReconcileFailure((lang, say = (m) => translate(m, lang)) => {
    const words = (m: Message) => say(redactMessage(m, secrets));
    return tr(lang, 'rc.apiFailed', { detail: words(said.detail), advice: said.advice ? words(said.advice) : '', lines: said.lines.map(words) });
  });
}

/** Runs `lanscope-kot reconcile`; resolves to the exit code (0 nothing differs, 1 differences, 2 usage/input). */
export async function runReconcile(args: readonly string[], io: ReconcileIo): Promise<number> {
  let lang: Lang = detectLang(io.env);
  const secrets: string[] = [];
  // Values are redacted where they enter a message (as in doctor); the whole output once more for known secrets.
  const say = (stream: NodeJS.WritableStream, text: string): void => {
    stream.write(redactKnownSecrets(text, secrets));
  };
  // Lines without colour (errors, notes, the since-last footer) quote paths, names and a server's words as
  // they are: escaped whole, line by line (a Web API failure is said stage by stage, one per line).
  const sayPlain = (stream: NodeJS.WritableStream, text: string): void => say(stream, escapeLines(text));
  const now = io.now?.() ?? new Date();
  try {
    const options = parseReconcileOptions(args, now);
    lang = options.lang ?? lang;
    if (io.env.NO_COLOR) chalk.level = 0;
    if (options.help) {
      await writeHelp({ stdout: io.stdout, args, env: io.env }, reconcileHelp[lang]);
      return 0;
    }
    requireInputs(options, io.env);
    collectSecrets(options, io.env, secrets);
    if (options.csv !== undefined && !existsSync(dirname(resolve(options.csv)))) {
      throw new ReconcileUsageError((l) => tr(l, 'rc.usage', { command: 'reconcile', detail: tr(l, 'rc.badCsvPath', { file: options.csv! }) }));
    }
    const state = options.sinceLast === undefined ? undefined : await readState(options.sinceLast);
    // --ca-file and NODE_EXTRA_CA_CERTS, read once: the divisions, employees and punches are fetched trusting the same.
    const trust = await loadNetworkTrust(options, io.env);
    refuseInClosedHours(now);
    const progress = progressLine(io.stderr, lang);
    const facts = await gatherFacts(options, io.env, progress.update, secrets, { probe: false, trust, now });
    progress.done();
    const token = (await readKotApiToken(options, io.env))!;
    const fetching = fetchProgress(io.stderr, lang);
    const { result, fetched } = await reconcileFacts(facts, options, { token, trust, secrets }, io.env, now, fetching.update);
    fetching.done();

    const items = reconcileItems(result);
    const since = options.sinceLast === undefined ? undefined : compareWithLast(state?.reconcile, items, inRange(result.from, result.to));
    const isNew = since?.previousAt ? newFindings(since) : undefined;
    // Names in the findings come from files that may hold a pasted secret: the CSV is redacted as the text is.
    if (options.csv !== undefined) writeOutput(options.csv, redactKnownSecrets(reconcileCsv(result.findings, lang), secrets), { kind: 'csv', record: io.record });
    if (options.sinceLast !== undefined) {
      saveState(options.sinceLast, nextState(state, { reconcile: { at: isoJst(now), from: result.from, to: result.to, items } }), secrets, io.record);
    }
    if (options.json) say(io.stdout, reconcileJson(result, since, isNew));
    else {
      say(io.stdout, formatReconcileText(result, lang, { fetched, ...(isNew ? { isNew } : {}) }));
      if (since) sayPlain(io.stdout, sinceLastFooter(since, Object.keys(items).length, options.sinceLast!, lang));
      if (options.csv !== undefined) sayPlain(io.stderr, tr(lang, 'rc.csvWritten', { file: options.csv, rows: result.findings.length }) + '\n');
    }
    return result.findings.length > 0 ? 1 : 0;
  } catch (err) {
    sayPlain(io.stderr, `lanscope-kot: ${usageOrInputText(err, lang) ?? internalErrorText(err, secrets)}\n`);
    return 2;
  }
}

/** reconcile needs the Web API token, the logs and the mapping: said before anything is read. */
export function requireInputs(options: ReconcileOptions, env: Record<string, string | undefined>): void {
  const missing = (key: 'rc.needToken' | 'rc.needLogs' | 'rc.needMapping') => new ReconcileUsageError((l) => tr(l, 'rc.usage', { command: 'reconcile', detail: tr(l, key) }));
  if (options.kotApiTokenFile === undefined && !env.KOT_API_TOKEN) throw missing('rc.needToken');
  if (options.logDir === undefined && options.confIni === undefined) throw missing('rc.needLogs');
  if (options.mapping === undefined) throw missing('rc.needMapping');
}

/** The one line on stderr for an error that exits 2, or undefined for a bug of ours. */
export function usageOrInputText(err: unknown, lang: Lang): string | undefined {
  if (err instanceof ReconcileUsageError || err instanceof ReconcileFailure) return err.text(lang);
  if (err instanceof UsageError) return t(lang, err.detail.key, err.detail.params as never);
  if (err instanceof InputError) return describeInputProblem(err.problem, lang);
  if (err instanceof StateFileError || err instanceof OutputError) return stateOrOutputText(err, lang);
  return undefined;
}

export function newFindings(since: SinceLast): (finding: ReconcileResult['findings'][number]) => boolean {
  const fresh = new Set(since.changes.map((c) => c.key));
  return (finding) => fresh.has(findingKey(finding));
}

export function reconcileJson(result: ReconcileResult, since: SinceLast | undefined, isNew: ((f: ReconcileResult['findings'][number]) => boolean) | undefined): string {
  const findings = since ? result.findings.map((f) => ({ ...f, new: isNew ? isNew(f) : true })) : result.findings;
  const report = {
    version: 1,
    from: result.from,
    to: result.to,
    summary: result.summary,
    days: result.days,
    findings,
    ...(since ? { sinceLast: { previous: since.previousAt, new: since.previousAt ? since.changes.length : findings.length, resolved: since.resolved.length } } : {}),
  };
  return JSON.stringify(report, null, 2) + '\n';
}

/** "fetching punches: 12 of 33 day(s)" on a terminal, for fetches over a second. */
function fetchProgress(stderr: CommandIo['stderr'], lang: Lang) {
  const started = Date.now();
  let shown = false;
  return {
    update(done: number, total: number) {
      if (!stderr.isTTY || Date.now() - started < 1000) return;
      shown = true;
      stderr.write(`\r${tr(lang, 'rc.progress', { done, total })}`);
    },
    done() {
      if (shown) stderr.write('\r\x1b[2K');
    },
  };
}
