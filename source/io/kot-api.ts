import type { Readable } from 'node:stream';
import { JSONParser } from '@streamparser/json';
import { KOT_API_BASE } from '../core/endpoints.js';
import type { KotApiFailure } from '../core/facts.js';
import { redactValues } from '../core/redact-message.js';
import { redactSecrets } from '../core/secret.js';
import { requestOverPath } from './connection.js';

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

type Refusal = MissingField | BadField;

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

type ArrayRead<T> = { items: T[] } | { problem: NonNullable<KotApiFailure['problem']> };

// Up to this size an answer is parsed whole: JSON.parse is several times faster than the streaming parser
// (reconcile's punches come as tens of answers of a few MB). A bigger one (50,000 employees with full
// records come to 38 MB) is read item by item, so memory stays bounded whatever the size.
const PARSE_WHOLE_BYTES = 16 * 1024 * 1024;

/** The items of a top-level JSON array, each mapped, stopping at the first one `map` refuses. */
function itemTaker<T>(map: (item: Record<string, unknown>, index: number) => T | Refusal) {
  const items: T[] = [];
  let problem: NonNullable<KotApiFailure['problem']> | undefined;
  let index = 0;
  return {
    items,
    problem: () => problem,
    take(value: unknown): void {
      if (problem) return;
      const i = index++;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        problem = { kind: 'not-object', item: i };
        return;
      }
      const mapped = map(value as Record<string, unknown>, i);
      if (mapped instanceof MissingField) problem = { kind: 'missing-field', item: i, field: mapped.field };
      else if (mapped instanceof BadField) problem = { kind: 'bad-field', item: i, field: mapped.field, ...(mapped.value !== undefined ? { value: mapped.value.slice(0, 100) } : {}) };
      else items.push(mapped);
    },
  };
}

/** Where the answer's text begins (after a BOM and white space): an array, something else, or nothing yet. */
function opening(bytes: Buffer): 'array' | 'other' | 'none' {
  const first = bytes.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return first === '' ? 'none' : first.startsWith('[') ? 'array' : 'other';
}

/**
 * Reads the answer's JSON array: whole when it ends within PARSE_WHOLE_BYTES, else as a stream from the
 * bytes already read on (memory grows with the mapped items, not with the answer).
 */
async function readArray<T>(body: Readable, map: (item: Record<string, unknown>, index: number) => T | Refusal): Promise<ArrayRead<T>> {
  const head: Buffer[] = [];
  let size = 0;
  const chunks = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  try {
    for (;;) {
      const next = await chunks.next();
      if (next.done) return parseWhole(Buffer.concat(head), map);
      head.push(next.value);
      size += next.value.length;
      if (size > PARSE_WHOLE_BYTES) break;
    }
  } catch {
    body.destroy();
    return { problem: { kind: 'not-json' } };
  }
  const rest = { [Symbol.asyncIterator]: () => chunks };
  return streamArray(body, (async function* () {
    yield* head;
    yield* rest;
  })(), map);
}

function parseWhole<T>(bytes: Buffer, map: (item: Record<string, unknown>, index: number) => T | Refusal): ArrayRead<T> {
  const start = opening(bytes);
  if (start !== 'array') return { problem: { kind: start === 'none' ? 'not-json' : 'not-array' } };
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return { problem: { kind: 'not-json' } };
  }
  const taker = itemTaker(map);
  for (const item of value as unknown[]) {
    taker.take(item);
    if (taker.problem()) break;
  }
  const problem = taker.problem();
  return problem ? { problem } : { items: taker.items };
}

/** The streaming read: each item as it arrives, stopping at the first one `map` refuses. */
async function streamArray<T>(body: Readable, chunks: AsyncIterable<Buffer>, map: (item: Record<string, unknown>, index: number) => T | Refusal): Promise<ArrayRead<T>> {
  const parser = new JSONParser({ paths: ['$.*'], keepStack: false });
  const taker = itemTaker(map);
  let sawStart = false;
  parser.onValue = ({ value }) => taker.take(value);
  try {
    for await (const buf of chunks) {
      if (!sawStart) {
        const start = opening(buf);
        if (start === 'none') continue;
        if (start === 'other') {
          body.destroy();
          return { problem: { kind: 'not-array' } };
        }
        sawStart = true;
      }
      parser.write(buf);
      const problem = taker.problem();
      if (problem) {
        body.destroy();
        return { problem };
      }
    }
    // The parser ends by itself after the top-level array; not ended here means the answer was cut short.
    if (!parser.isEnded) parser.end();
  } catch {
    body.destroy();
    return { problem: { kind: 'not-json' } };
  }
  const problem = taker.problem();
  if (problem) return { problem };
  if (!sawStart) return { problem: { kind: 'not-json' } };
  return { items: taker.items };
}

/**
 * GET {base}/{path} (path may carry a query) and map each item of the JSON array it answers. One request,
 * with its own timeout; network failures come back judged stage by stage; error answers classified.
 * The reusable part of this client: `/divisions`, `/employees` and `/daily-workings/timerecord` go through it.
 */
export async function fetchKotArray<T>(
  path: string,
  opts: KotApiOptions,
  map: (item: Record<string, unknown>, index: number) => T | Refusal,
): Promise<KotApiResult<T[]>> {
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
    const read = await readArray(body, map);
    if ('problem' in read) return { ok: false, reason: 'bad-answer', resource, status, problem: redactValues(read.problem, secrets) };
    return { ok: true, value: read.items };
  } finally {
    await outcome.close();
  }
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
