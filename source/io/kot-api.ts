import { redactSecrets, requestOverPath, type ConnectionReason, type ConnectionResult } from './connection.js';

import { KOT_API_BASE } from '../core/endpoints.js';

export { KOT_API_BASE };

export interface KotDivision {
  code: string;
  name: string;
  /** 日付変更時間, "HH:MM". */
  dayBorderTime: string;
}

export interface KotEmployee {
  code: string;
  key: string;
  lastName: string;
  firstName: string;
  divisionCode: string;
}

export type KotApiFailureReason = 'auth' | 'closed-hours' | 'forbidden-ip' | 'http-status' | ConnectionReason;

export type KotApiResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      reason: KotApiFailureReason;
      /** HTTP status, when the API answered. */
      status?: number;
      /** KING OF TIME error code from the body ({"errors":[{"code"}]}). */
      code?: number;
      message: string;
      /** With 'closed-hours': end of the current closed window, "HH:MM JST". */
      retryAfter?: string;
      /** With a network failure: the probe's full classification (proxyAuth, host, low-level code). */
      connection?: ConnectionResult;
    };

export interface KotApiOptions {
  /** Defaults to KOT_API_BASE. */
  base?: string;
  token: string;
  proxy?: string;
  timeoutMs: number;
  /** Clock for the closed-hours window; tests pass a fixed time. */
  now?: Date;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;

// The Web API refuses requests in these JST windows (error code 104), as [start, end) minutes of the day.
const CLOSED_WINDOWS_JST: Array<[number, number]> = [
  [8 * 60 + 30, 10 * 60],
  [17 * 60 + 30, 18 * 60 + 30],
];

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** End of the closed window that `now` falls in, as "HH:MM JST"; undefined outside the windows. */
export function closedWindowEnd(now: Date): string | undefined {
  const jst = new Date(now.getTime() + 9 * 60 * 60 * 1000);
  const minutes = jst.getUTCHours() * 60 + jst.getUTCMinutes();
  const window = CLOSED_WINDOWS_JST.find(([start, end]) => minutes >= start && minutes < end);
  return window ? `${hhmm(window[1])} JST` : undefined;
}

type Failure = Extract<KotApiResult<never>, { ok: false }>;

interface KotError {
  code?: number;
  message?: string;
}

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8').replace(/^\uFEFF/, '')) as unknown };
  } catch {
    return { ok: false };
  }
}

function firstError(value: unknown): KotError | undefined {
  const errors = (value as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const e = errors[0] as { code?: unknown; message?: unknown } | null;
  if (e === null || typeof e !== 'object') return undefined;
  const code = typeof e.code === 'number' ? e.code : typeof e.code === 'string' && /^\d+$/.test(e.code) ? Number(e.code) : undefined;
  return { code, message: typeof e.message === 'string' ? e.message.slice(0, 300) : undefined };
}

function apiFailure(status: number, body: Buffer, now: Date, secrets: string[]): Failure {
  const parsed = parseJson(body);
  const err = parsed.ok ? firstError(parsed.value) : undefined;
  const said = err?.message ? `: ${redactSecrets(err.message, secrets)}` : '';
  const codeText = err?.code !== undefined ? `, code ${err.code}` : '';
  const base = { status, ...(err?.code !== undefined ? { code: err.code } : {}) };
  if (err?.code === 100) {
    return { ok: false, reason: 'auth', ...base, message: `the access token was rejected (HTTP ${status}${codeText})${said}` };
  }
  if (err?.code === 104) {
    const retryAfter = closedWindowEnd(now);
    return {
      ok: false,
      reason: 'closed-hours',
      ...base,
      ...(retryAfter ? { retryAfter } : {}),
      message: `the API is closed 08:30-10:00 and 17:30-18:30 JST (HTTP ${status}${codeText})${retryAfter ? `; retry after ${retryAfter}` : ''}${said}`,
    };
  }
  if (status === 403) {
    return {
      ok: false,
      reason: 'forbidden-ip',
      ...base,
      message: `the API refused this address: it is not in the access token's allowed IP addresses (HTTP 403${codeText})${said}`,
    };
  }
  if (status === 401) {
    return { ok: false, reason: 'auth', ...base, message: `the access token was rejected (HTTP 401${codeText})${said}` };
  }
  return { ok: false, reason: 'http-status', ...base, message: `the API answered HTTP ${status}${codeText}${said}` };
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** One GET of a Web API list, each item mapped (or refused with a message); io/kot-timerecord.ts builds on it. */
export async function getJson<T>(
  path: string,
  opts: KotApiOptions,
  map: (item: Record<string, unknown>, index: number) => T | string,
): Promise<KotApiResult<T[]>> {
  const token = opts.token.trim();
  const secrets = [token, opts.token].filter((s) => s !== '');
  if (token === '') return { ok: false, reason: 'auth', message: 'no access token given' };
  const base = (opts.base ?? KOT_API_BASE).replace(/\/+$/, '');
  const outcome = await requestOverPath({
    endpoint: `${base}/${path}`,
    proxy: opts.proxy,
    timeoutMs: opts.timeoutMs,
    secrets,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    maxBodyBytes: MAX_BODY_BYTES,
  });
  if (outcome.kind === 'failure') {
    const c = outcome.result;
    return { ok: false, reason: c.reason, message: c.detail, connection: c };
  }
  const { status, body } = outcome;
  if (status < 200 || status >= 300) return apiFailure(status, body, opts.now ?? new Date(), secrets);
  if (outcome.truncated) {
    return { ok: false, reason: 'other', status, message: `the /${path} answer is larger than ${MAX_BODY_BYTES} bytes` };
  }
  const parsed = parseJson(body);
  if (!parsed.ok || !Array.isArray(parsed.value)) {
    return { ok: false, reason: 'other', status, message: `the /${path} answer is not a JSON array (HTTP ${status})` };
  }
  const out: T[] = [];
  for (const [i, raw] of parsed.value.entries()) {
    if (raw === null || typeof raw !== 'object') {
      return { ok: false, reason: 'other', status, message: `item ${i} of /${path} is not an object` };
    }
    const mapped = map(raw as Record<string, unknown>, i);
    if (typeof mapped === 'string') return { ok: false, reason: 'other', status, message: redactSecrets(mapped, secrets) };
    out.push(mapped);
  }
  return { ok: true, value: out };
}

/** GET {base}/divisions. */
export async function fetchDivisions(opts: KotApiOptions): Promise<KotApiResult<KotDivision[]>> {
  return getJson('divisions', opts, (item, i) => {
    const code = str(item.code);
    const dayBorderTime = str(item.dayBorderTime);
    // Without dayBorderTime the day-change check would compare against a guess: refuse instead.
    if (code === undefined || dayBorderTime === undefined) {
      return `item ${i} of /divisions lacks code or dayBorderTime`;
    }
    return { code, name: str(item.name) ?? '', dayBorderTime };
  });
}

/** GET {base}/employees. */
export async function fetchEmployees(opts: KotApiOptions): Promise<KotApiResult<KotEmployee[]>> {
  return getJson('employees', opts, (item, i) => {
    const code = str(item.code);
    if (code === undefined) return `item ${i} of /employees has no code`;
    return {
      code,
      key: str(item.key) ?? '',
      lastName: str(item.lastName) ?? '',
      firstName: str(item.firstName) ?? '',
      divisionCode: str(item.divisionCode) ?? '',
    };
  });
}
