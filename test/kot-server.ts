import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Punch } from '../source/core/dry-run.js';

/**
 * A stand-in for the KING OF TIME Web API on 127.0.0.1, answering in the documented shapes:
 * `/divisions`, `/employees` and `/daily-workings/timerecord?start=&end=` (one entry per date, empty
 * days as `dailyWorkings: []`, null properties left out). Used by the tests, the benchmark and
 * `examples/kot-api-demo.mjs`.
 */
export interface StubEmployee {
  key: string;
  code: string;
  lastName: string;
  firstName: string;
  divisionCode: string;
}

export interface StubRecord {
  time: string;
  code: '1' | '2' | '3' | '4';
  credentialName?: string;
}

export interface StubData {
  divisions: { code: string; name: string; dayBorderTime: string }[];
  employees: StubEmployee[];
  /** Listed by /employees (default: all); an employee left out here still has punches. */
  listed?: (employee: StubEmployee) => boolean;
  /** Whether a dailyWorkings entry carries currentDateEmployee (default: yes). */
  withCurrentEmployee?: (employee: StubEmployee) => boolean;
  /** Work date → employee code → records. */
  records: Map<string, Map<string, StubRecord[]>>;
}

export type StubMode = 'ok' | 'closed' | 'server-error' | 'rate-limited' | 'not-json';

export interface KotStub {
  base: string;
  token: string;
  /** Paths asked, in order (query included). */
  requests: string[];
  mode: StubMode;
  /** Which paths the mode applies to (default: every path). */
  modeOn: RegExp;
  /** Paths whose requests are kept waiting, never answered (a slow Web API); default: none. */
  hold: RegExp | undefined;
  /** Resolves when a request whose path (query included) matches has arrived. */
  requested(path: RegExp): Promise<void>;
  close(): Promise<void>;
}

const NAMES: Record<string, string> = { '1': '出勤', '2': '退勤', '3': '休憩開始', '4': '休憩終了' };

/** `tls`: serve HTTPS with this certificate (base `https://127.0.0.1:…`), e.g. one issued by a private CA. */
export async function startKotStub(data: StubData, token = 'kot-web-api-token-for-tests-0123', tls?: { cert: Buffer; key: Buffer }): Promise<KotStub> {
  const byCode = new Map(data.employees.map((e) => [e.code, e]));
  const divisionName = new Map(data.divisions.map((d) => [d.code, d.name]));
  const waiting: { path: RegExp; arrived: () => void }[] = [];
  const stub: KotStub = {
    base: '',
    token,
    requests: [],
    mode: 'ok',
    modeOn: /./,
    hold: undefined,
    requested: (path) =>
      stub.requests.some((r) => path.test(r)) ? Promise.resolve() : new Promise<void>((arrived) => waiting.push({ path, arrived })),
    close: async () => undefined,
  };
  const send = (res: http.ServerResponse, status: number, body: unknown): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const handle: http.RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const asked = `${url.pathname.replace(/^\/v1\.0/, '')}${url.search}`;
    stub.requests.push(asked);
    for (const w of waiting.filter((w) => w.path.test(asked))) {
      waiting.splice(waiting.indexOf(w), 1);
      w.arrived();
    }
    if (stub.hold?.test(asked)) return;
    if (req.headers.authorization !== `Bearer ${stub.token}`) return send(res, 401, { errors: [{ message: 'The access token is invalid', code: 100 }] });
    if (stub.modeOn.test(url.pathname)) {
      if (stub.mode === 'closed') return send(res, 403, { errors: [{ message: 'API is not available at this time', code: 104 }] });
      if (stub.mode === 'server-error') return send(res, 503, { errors: [{ message: 'Service Unavailable', code: 1 }] });
      // The bare shape the API sometimes uses for its rate limit.
      if (stub.mode === 'rate-limited') return send(res, 429, { code: '303', message: 'Too Many Requests' });
      if (stub.mode === 'not-json') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<html>maintenance</html>');
      }
    }
    switch (url.pathname) {
      case '/v1.0/divisions':
        return send(res, 200, data.divisions);
      case '/v1.0/employees':
        return send(
          res,
          200,
          data.employees.filter((e) => data.listed?.(e) ?? true).map((e) => ({ ...e, divisionName: divisionName.get(e.divisionCode) ?? '', typeCode: '1', typeName: '正社員' })),
        );
      case '/v1.0/daily-workings/timerecord': {
        const start = url.searchParams.get('start') ?? '';
        const end = url.searchParams.get('end') ?? '';
        if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || !/^\d{4}-\d{2}-\d{2}$/.test(end) || end < start) {
          return send(res, 400, { errors: [{ message: 'start and end are required', code: 200 }] });
        }
        const answer = [];
        for (let day = Date.parse(`${start}T00:00:00Z`); day <= Date.parse(`${end}T00:00:00Z`); day += 86_400_000) {
          const date = new Date(day).toISOString().slice(0, 10);
          const dailyWorkings = [...(data.records.get(date) ?? new Map<string, StubRecord[]>())].map(([code, records]) => {
            const e = byCode.get(code)!;
            return {
              date,
              employeeKey: e.key,
              ...(data.withCurrentEmployee?.(e) ?? true
                ? { currentDateEmployee: { divisionCode: e.divisionCode, divisionName: divisionName.get(e.divisionCode) ?? '', code: e.code, lastName: e.lastName, firstName: e.firstName } }
                : {}),
              // Null properties (latitude, longitude, …) are left out, as the real API does.
              timeRecord: records.map((r) => ({ ...r, name: NAMES[r.code], divisionCode: e.divisionCode, divisionName: divisionName.get(e.divisionCode) ?? '' })),
            };
          });
          answer.push({ date, dailyWorkings });
        }
        return send(res, 200, answer);
      }
      default:
        return send(res, 404, { errors: [{ message: 'Not Found', code: 999 }] });
    }
  };
  const server = tls ? https.createServer(tls, handle) : http.createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.base = `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
  stub.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return stub;
}

/** `2024-12-17T09:03:12` (a log time) as KING OF TIME stores it: minutes, +09:00. */
export function kotTime(wallClock: string): string {
  return `${wallClock.slice(0, 16)}:00+09:00`;
}

/** What PC login link would have made of the dry run: each punch on the work day KING OF TIME files it under. */
export function recordsFromPunches(punches: Iterable<Punch>, source = 'PCログイン連携'): Map<string, Map<string, StubRecord[]>> {
  const records = new Map<string, Map<string, StubRecord[]>>();
  for (const p of punches) {
    addRecord(records, p.workDate, p.employee, { time: kotTime(p.time), code: p.kind === 'in' ? '1' : '2', credentialName: source });
  }
  return records;
}

export function addRecord(records: Map<string, Map<string, StubRecord[]>>, date: string, employee: string, record: StubRecord): void {
  let day = records.get(date);
  if (!day) records.set(date, (day = new Map()));
  const list = day.get(employee);
  if (list) list.push(record);
  else day.set(employee, [record]);
}
