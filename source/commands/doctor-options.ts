import { parseArgs } from 'node:util';
import { DEFAULT_ENDPOINT, KOT_API_BASE } from '../core/endpoints.js';
import { proxyHostPort, ProxyUrlError } from '../core/proxy-settings.js';
import { parseDayChangeOption } from '../core/day-change-option.js';
import type { DayChangeSetting } from '../core/facts.js';
import { msg, type Lang, type Message } from '../i18n/message.js';
import { parseLang } from '../i18n/locale.js';

export interface DoctorOptions {
  sql?: string;
  confIni?: string;
  logDir?: string;
  mapping?: string;
  dayChanges: DayChangeSetting[];
  companyCode?: string;
  tokenFile?: string;
  proxy?: string;
  /** --ca-file: extra trusted CA certificates (PEM or DER) for the network checks. */
  caFile?: string;
  endpoint: string;
  kotApiTokenFile?: string;
  kotApiBase: string;
  timeoutSeconds: number;
  offline: boolean;
  json: boolean;
  lang?: Lang;
  help: boolean;
  /** --since-last STATE_FILE: report what is new since the run that last wrote this file. */
  sinceLast?: string;
  /** Narrow-safe glyphs in the text output (ui/glyphs.ts). */
  ascii: boolean;
}

export class UsageError extends Error {
  constructor(readonly detail: Message) {
    super(detail.key);
    this.name = 'UsageError';
  }
}

const OPTIONS = {
  sql: { type: 'string' },
  'conf-ini': { type: 'string' },
  'log-dir': { type: 'string' },
  mapping: { type: 'string' },
  'day-change': { type: 'string', multiple: true },
  'company-code': { type: 'string' },
  'token-file': { type: 'string' },
  proxy: { type: 'string' },
  'ca-file': { type: 'string' },
  endpoint: { type: 'string' },
  'kot-api-token-file': { type: 'string' },
  'kot-api-base': { type: 'string' },
  timeout: { type: 'string' },
  offline: { type: 'boolean' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  'since-last': { type: 'string' },
  ascii: { type: 'boolean' },
} as const;

/** `--lang` as given, read before anything else can fail: a usage error is then said in that language. */
export function langFromArgs(args: readonly string[]): Lang | undefined {
  const i = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i === -1) return undefined;
  return parseLang(args[i]!.includes('=') ? args[i]!.slice(args[i]!.indexOf('=') + 1) : args[i + 1]);
}

/** Parses doctor's flags. Never echoes a value that could be a secret: only option names appear in errors. */
export function parseDoctorOptions(args: readonly string[]): DoctorOptions {
  if (args.some((a) => /^--(access-)?token(=|$)/.test(a))) throw new UsageError(msg('usage.tokenFlag', {}));
  let values;
  try {
    ({ values } = parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (err) {
    throw new UsageError(describeParseError(err));
  }
  const lang = values.lang === undefined ? undefined : parseLang(values.lang);
  if (values.lang !== undefined && lang === undefined) throw new UsageError(msg('usage.badLang', { value: values.lang }));
  const dayChanges = (values['day-change'] ?? []).map((value) => {
    const setting = parseDayChangeOption(value);
    if (!setting) throw new UsageError(msg('usage.badDayChange', { value }));
    return setting;
  });
  const timeoutSeconds = values.timeout === undefined ? 10 : Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new UsageError(msg('usage.badTimeout', { value: values.timeout ?? '' }));
  if (values.proxy !== undefined && values.proxy.trim() !== '') {
    try {
      proxyHostPort(values.proxy);
    } catch (err) {
      // ProxyUrlError names what is wrong without repeating the URL (it may hold a password).
      const problem = err instanceof ProxyUrlError ? err : undefined;
      throw new UsageError(msg('usage.badProxy', { problem: problem?.problem ?? 'not-url', scheme: problem?.scheme ?? '' }));
    }
  }
  const endpoint = values.endpoint ?? DEFAULT_ENDPOINT;
  const kotApiBase = values['kot-api-base'] ?? KOT_API_BASE;
  for (const [flag, url] of [['--endpoint', endpoint], ['--kot-api-base', kotApiBase]] as const) {
    if (!/^https?:\/\/[^/\s]+/i.test(url)) throw new UsageError(msg('usage.badUrl', { flag, value: url }));
  }
  return {
    sql: values.sql,
    confIni: values['conf-ini'],
    logDir: values['log-dir'],
    mapping: values.mapping,
    dayChanges,
    companyCode: values['company-code'],
    tokenFile: values['token-file'],
    proxy: values.proxy,
    caFile: values['ca-file'],
    endpoint,
    kotApiTokenFile: values['kot-api-token-file'],
    kotApiBase,
    timeoutSeconds,
    offline: values.offline ?? false,
    json: values.json ?? false,
    lang,
    help: values.help ?? false,
    ...(values['since-last'] !== undefined ? { sinceLast: values['since-last'] } : {}),
    ascii: values.ascii ?? false,
  };
}

/** node:util's parse errors as catalog messages, naming the option or argument (never its value: it may be a secret). */
function describeParseError(err: unknown): Message {
  const e = err as { code?: string; message?: string };
  const option = /'(-{1,2}[^'=\s]+)/.exec(e.message ?? '')?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return msg('usage.unknownOption', { option });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(e.message ?? '') ? msg('usage.noValue', { option }) : msg('usage.missingValue', { option });
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return msg('usage.unexpectedArgument', { argument: /'([^']*)'/.exec(e.message ?? '')?.[1] ?? '' });
    default:
      return msg('usage.invalid', {});
  }
}

/**
 * Whether doctor was given anything to check: a scheduled task whose arguments were lost must not print
 * "Nothing failed." over a run that looked at nothing. The connection alone counts when asked for
 * (--proxy, HTTPS_PROXY or --endpoint); the tokens may come from the environment.
 */
export function somethingToCheck(options: DoctorOptions, env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): boolean {
  // On Windows doctor runs where LanScope writes its CSVs: with no folder given it reads C:\TEMP (gather-facts).
  if (platform === 'win32') return true;
  const given = [options.sql, options.confIni, options.logDir, options.mapping, options.companyCode, options.tokenFile, options.kotApiTokenFile];
  if (given.some((v) => v !== undefined) || options.dayChanges.length > 0) return true;
  if (env.LANSCOPE_KOT_TOKEN || env.KOT_API_TOKEN) return true;
  const proxyFromEnv = Boolean(env.HTTPS_PROXY || env.https_proxy);
  return !options.offline && (options.proxy !== undefined || proxyFromEnv || options.endpoint !== DEFAULT_ENDPOINT);
}
