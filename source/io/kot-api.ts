import type { Readable } from 'node:stream';
import { KOT_API_BASE } from '../core/endpoints.js';
import type { KotApiFailure } from '../core/facts.js';
import { redactValues } from '../core/redact-message.js';
import { redactSecrets } from '../core/secret.js';
import { requestOverPath } from './connection.js';
import { JsonArraySplitter, SplitError, type SplitHandlers } from './json-split.js';

export { KOT_API_BASE };
export type { KotApiFailure, KotApiFailureReason } from '../core/facts.js';

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

export type KotApiResult<T> = { ok: true; value: T } | ({ ok: false } & KotApiFailure);

export interface KotApiOptions {
  /** Defaults to KOT_API_BASE. */
  base?: string;
  token: string;
  proxy?: string;
  /** Each request's own bound up to the answer's head; the body may take longer while it keeps flowing. */
  timeoutMs: number;
  /** Trusted CAs (PEM) when --ca-file or NODE_EXTRA_CA_CERTS added some. */
  ca?: string[];
  /** Clock for the closed-hours window; tests pass a fixed time. */
  now?: Date;
}

/** An item the caller's mapping cannot use: which field is missing. */
export class MissingField {
  constructor(readonly field: string) {}
}

/** An item whose field is there but not in the documented form (a list that is not one, a time in another shape). */
export class BadField {
  constructor(
    readonly field: string,
    /** What it held, when a short text shows it (a time); left out for a wrong structure. */
    readonly value?: string,
  ) {}
}

export type Refusal = MissingField | BadField;

// An error answer is small; a bigger one is a page from something else, and its first line is enough.
const MAX_ERROR_BODY_BYTES = 64 * 1024;

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

const numeric = (v: unknown): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;

/** {"errors":[{message, code}]}, or the bare {"code":"303","message":"Too Many Requests"} the API sometimes sends. */
function kotError(value: unknown): KotError | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const errors = (value as { errors?: unknown }).errors;
  const e = (Array.isArray(errors) ? errors[0] : value) as { code?: unknown; message?: unknown } | undefined;
  if (!e || typeof e !== 'object' || (e.code === undefined && e.message === undefined)) return undefined;
  return { code: numeric(e.code), message: typeof e.message === 'string' ? e.message.slice(0, 300) : undefined };
}

async function readSome(body: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      const buf = chunk as Buffer;
      chunks.push(buf);
      size += buf.length;
      if (size >= limit) break;
    }
  } catch {
    // What arrived is enough to say what the answer was.
  }
  body.destroy();
  return Buffer.concat(chunks).subarray(0, limit);
}

/** An HTTP status outside 2xx, said as what it means for the admin. */
export function classifyAnswer(status: number, body: Buffer, resource: string, now: Date, secrets: string[]): Failure {
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  let parsed: unknown;
  let json = false;
  try {
    parsed = JSON.parse(text);
    json = true;
  } catch {
    // Not JSON: a proxy's, firewall's or load balancer's page.
  }
  const err = json ? kotError(parsed) : undefined;
  const clean = (s: string) => redactSecrets(s, secrets);
  const base = {
    ok: false as const,
    resource,
    status,
    ...(err?.code !== undefined ? { code: err.code } : {}),
    ...(err?.message ? { said: clean(err.message) } : {}),
  };
  if (err?.code === 100) return { ...base, reason: 'auth' };
  if (err?.code === 104) {
    const retryAfter = closedWindowEnd(now);
    return { ...base, reason: 'closed-hours', ...(retryAfter ? { retryAfter } : {}) };
  }
  if (status === 429 || err?.code === 303) return { ...base, reason: 'rate-limited' };
  if (status === 401) return { ...base, reason: 'auth' };
  if (status === 403) {
    if (err) return { ...base, reason: 'forbidden-ip' };
    // Not the API's own answer: whoever sent it, its first line is all that can be said.
    const bodyLine = clean(text.split(/\r?\n/).map((l) => l.replace(/<[^>]*>/g, ' ').trim()).find((l) => l !== '') ?? '').slice(0, 200);
    return { ...base, reason: 'forbidden', ...(bodyLine ? { bodyLine } : {}) };
  }
  if (status >= 500) return { ...base, reason: 'server-error' };
  return { ...base, reason: 'http-status' };
}

type Problem = NonNullable<KotApiFailure['problem']>;

const refused = (item: number, r: Refusal): Problem =>
  r instanceof MissingField ? { kind: 'missing-field', item, field: r.field } : { kind: 'bad-field', item, field: r.field, ...(r.value !== undefined ? { value: r.value.slice(0, 100) } : {}) };

/**
 * How the items of an answer are taken, as they arrive (io/json-split.ts): each item whole, or, for an
 * answer whose items are big (a date of /daily-workings/timerecord holds every employee's day), each item's
 * members and the elements of its array `into` one by one. A handler returns a Refusal to stop the read.
 */
export type ItemReader =
  | { item(value: Record<string, unknown>, index: number): Refusal | void }
  | {
      into: string;
      member(index: number, key: string, value: unknown): Refusal | void;
      element(index: number, element: number, value: unknown): Refusal | void;
      itemEnd(index: number): Refusal | void;
    };

/**
 * Reads the answer's JSON array as it arrives, handing each piece to `reader` and stopping at the first
 * refusal: memory holds one network chunk and one item (or one element), whatever the answer's size.
 */
async function readItems(body: Readable, reader: ItemReader): Promise<Problem | undefined> {
  let problem: Problem | undefined;
  // Once one piece is refused, the rest of the chunk in hand is passed over.
  const take = (item: number, read: () => Refusal | void): void => {
    if (problem) return;
    const refusal = read();
    if (refusal) problem = refused(item, refusal);
  };
  const handlers: SplitHandlers =
    'into' in reader
      ? {
          member: (index, key, value) => take(index, () => reader.member(index, key, value)),
          element: (index, element, value) => take(index, () => reader.element(index, element, value)),
          itemEnd: (index) => take(index, () => reader.itemEnd(index)),
        }
      : {
          item: (value, index) =>
            take(index, () => {
              if (value !== null && typeof value === 'object' && !Array.isArray(value)) return reader.item(value as Record<string, unknown>, index);
              problem = { kind: 'not-object', item: index };
            }),
        };
  const splitter = new JsonArraySplitter(handlers, 'into' in reader ? reader.into : undefined);
  try {
    for await (const chunk of body) {
      splitter.write(chunk as Buffer);
      if (problem) break;
    }
    if (!problem) splitter.end();
  } catch (err) {
    // A failure of the connection while the body flows is an answer cut short, as is one that is not JSON.
    problem ??= err instanceof SplitError ? err.problem : { kind: 'not-json' };
  } finally {
    body.destroy();
  }
  return problem;
}

/**
 * GET {base}/{path} (path may carry a query) and read the JSON array it answers with `reader`. One request,
 * with its own timeout; network failures come back judged stage by stage; error answers classified.
 * The reusable part of this client: `/divisions`, `/employees` and `/daily-workings/timerecord` go through it.
 */
export async function fetchKotItems(path: string, opts: KotApiOptions, reader: ItemReader): Promise<KotApiResult<void>> {
  const resource = path.replace(/^\/+/, '').split('?')[0]!;
  const token = opts.token.trim();
  const secrets = [token, opts.token].filter((s) => s !== '');
  if (token === '') return { ok: false, reason: 'auth', resource };
  const base = (opts.base ?? KOT_API_BASE).replace(/\/+$/, '');
  const outcome = await requestOverPath({
    endpoint: `${base}/${path.replace(/^\/+/, '')}`,
    ...(opts.proxy !== undefined ? { proxy: opts.proxy } : {}),
    timeoutMs: opts.timeoutMs,
    secrets,
    ...(opts.ca ? { ca: opts.ca } : {}),
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });
  if (outcome.kind === 'failure') return { ok: false, reason: outcome.result.reason, resource, connection: outcome.result };
  try {
    const { status, body } = outcome;
    if (status < 200 || status >= 300) return classifyAnswer(status, await readSome(body, MAX_ERROR_BODY_BYTES), resource, opts.now ?? new Date(), secrets);
    const problem = await readItems(body, reader);
    if (problem) return { ok: false, reason: 'bad-answer', resource, status, problem: redactValues(problem, secrets) };
    return { ok: true, value: undefined };
  } finally {
    await outcome.close();
  }
}

/** Each item of the answer mapped (`map` refuses an item it cannot use: the read stops there). */
export async function fetchKotArray<T>(path: string, opts: KotApiOptions, map: (item: Record<string, unknown>, index: number) => T | Refusal): Promise<KotApiResult<T[]>> {
  const items: T[] = [];
  const read = await fetchKotItems(path, opts, {
    item(value, index) {
      const mapped = map(value, index);
      if (mapped instanceof MissingField || mapped instanceof BadField) return mapped;
      items.push(mapped);
    },
  });
  return read.ok ? { ok: true, value: items } : read;
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** GET {base}/divisions. */
export async function fetchDivisions(opts: KotApiOptions): Promise<KotApiResult<KotDivision[]>> {
  return fetchKotArray('divisions', opts, (item) => {
    const code = str(item.code);
    const dayBorderTime = str(item.dayBorderTime);
    // Without dayBorderTime the day-change check would compare against a guess: refuse instead.
    if (code === undefined) return new MissingField('code');
    if (dayBorderTime === undefined) return new MissingField('dayBorderTime');
    return { code, name: str(item.name) ?? '', dayBorderTime };
  });
}

/** GET {base}/employees. */
export async function fetchEmployees(opts: KotApiOptions): Promise<KotApiResult<KotEmployee[]>> {
  return fetchKotArray('employees', opts, (item) => {
    const code = str(item.code);
    if (code === undefined) return new MissingField('code');
    return {
      code,
      key: str(item.key) ?? '',
      lastName: str(item.lastName) ?? '',
      firstName: str(item.firstName) ?? '',
      divisionCode: str(item.divisionCode) ?? '',
    };
  });
}
