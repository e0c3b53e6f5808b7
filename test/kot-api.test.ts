import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { createProxy } from 'proxy';
import { closedWindowEnd, fetchDivisions, fetchEmployees, fetchKotArray, type KotApiResult } from '../source/io/kot-api.js';

const TOKEN = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';
const PROXY_PASSWORD = 'pr0xy/p@ss%';

const DIVISIONS = [
  { code: '1000', name: '本社', dayBorderTime: '00:00' },
  { code: '2000', name: '支社', dayBorderTime: '05:00' },
];
const EMPLOYEES = [
  {
    divisionCode: '1000',
    divisionName: '本社',
    gender: 'male',
    typeCode: '1',
    typeName: '正社員',
    code: '0012',
    key: '8b6ee646a9620b286499c3df6918c4888a97dd7bbc6a26a18743f4697a1de4b3',
    lastName: '勤怠',
    firstName: '太郎',
  },
  {
    divisionCode: '2000',
    divisionName: '支社',
    gender: 'female',
    typeCode: '1',
    typeName: '正社員',
    code: '2000',
    key: 'c77a34b32f5de30b6335d141ad714baf6713cd21ca98689efec9fe27352152c4',
    lastName: '勤怠',
    firstName: '花子',
  },
];

function assertNoToken(result: KotApiResult<unknown>): void {
  const json = JSON.stringify(result);
  for (const form of [TOKEN, PROXY_PASSWORD, encodeURIComponent(PROXY_PASSWORD)]) {
    assert.ok(!json.includes(form), `${form} leaked in ${json}`);
  }
}

/**
 * A stand-in for the Web API. The first path segment picks the behaviour, so one server serves
 * every case: /{mode}/v1.0/{divisions|employees}.
 */
function kotServer(seen: string[]): http.Server {
  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  return http.createServer((req, res) => {
    const [, mode, version, resource] = (req.url ?? '').split('/');
    seen.push(`${req.method} /${mode}/${version}/${resource}`);
    if (version !== 'v1.0') return json(res, 404, { errors: [{ message: 'not found', code: 999 }] });
    if (mode === 'forbidden') {
      return json(res, 403, { errors: [{ message: 'IPアドレスが許可されていません', code: 102 }] });
    }
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      return json(res, 401, { errors: [{ message: 'トークンが無効です', code: 100 }] });
    }
    switch (mode) {
      case 'ok':
        if (resource === 'slow') {
          // Two items a second apart, 1.2 s in all: more than half of the 1.5 s timeout, never silent for it.
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('[{"n":1}');
          setTimeout(() => res.write(',{"n":2}'), 600);
          setTimeout(() => res.end(']'), 1200);
          return;
        }
        return json(res, 200, resource === 'divisions' ? DIVISIONS : EMPLOYEES);
      case 'closed':
        return json(res, 503, { errors: [{ message: 'API利用時間外です', code: 104 }] });
      case 'fail':
        return json(res, 500, { errors: [{ message: `internal error for token ${TOKEN}`, code: 1 }] });
      case 'html':
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<html>maintenance</html>');
      case 'nobordertime':
        return json(res, 200, [{ code: '1000', name: '本社' }]);
      case 'truncated':
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('[{"code":"1000","name":"本社","dayBorderTime":"05:00"},{"code":"20');
      case 'gateway403':
        res.writeHead(403, { 'content-type': 'text/html' });
        return res.end('<html><body>\n<h1>Access denied by policy SEC-42</h1>\n</body></html>');
      case 'ratelimit':
        return json(res, 429, { code: '303', message: 'Too Many Requests' });
      case 'badgateway':
        res.writeHead(502, { 'content-type': 'text/html' });
        return res.end('<html>Bad Gateway</html>');
      case 'big':
        return void sendBig(res);
      case 'bigcodeless':
        return void sendBig(res, { codeless: BIG_COUNT - 10 });
      case 'bigcut':
        return void sendBig(res, { cutAt: BIG_COUNT - 10 });
      default:
        return json(res, 404, { errors: [{ message: 'not found', code: 999 }] });
    }
  });
}

// 50,000 employees with full records come to about 38 MB (issue #11): this one sends that many, in chunks.
const BIG_COUNT = 50_000;
const FILLER = 'x'.repeat(640);
/** `codeless`: that item has no code; `cutAt`: the answer stops there. Both well past the size parsed whole. */
function sendBig(res: http.ServerResponse, { codeless, cutAt }: { codeless?: number; cutAt?: number } = {}): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  let i = 0;
  const more = () => {
    while (i < BIG_COUNT) {
      if (i === cutAt) return void res.end(',{"code":"0');
      const item = { ...(i === codeless ? {} : { code: String(i).padStart(6, '0') }), key: `k${i}`, lastName: '勤怠', firstName: '太郎', divisionCode: '1000', gender: 'male', note: FILLER };
      const ok = res.write((i === 0 ? '[' : ',') + JSON.stringify(item));
      i++;
      if (!ok) return void res.once('drain', more);
    }
    res.end(']');
  };
  more();
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.address() as net.AddressInfo).port;
}

async function shut(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

// 09:45 JST and 17:45 JST on a weekday.
const MORNING = new Date('2026-03-02T00:45:00Z');
const EVENING = new Date('2026-03-02T08:45:00Z');

describe('KING OF TIME Web API client against a local server', () => {
  const seen: string[] = [];
  const server = kotServer(seen);
  const proxyServer = createProxy(http.createServer());
  proxyServer.authenticate = (req) =>
    req.headers['proxy-authorization'] === `Basic ${Buffer.from(`kot:${PROXY_PASSWORD}`).toString('base64')}`;
  let port = 0;
  let proxyPort = 0;
  let refusedPort = 0;
  const base = (mode: string) => `http://127.0.0.1:${port}/${mode}/v1.0`;
  const opts = (mode: string, extra: Record<string, unknown> = {}) => ({ base: base(mode), token: TOKEN, timeoutMs: 3000, ...extra });

  before(async () => {
    port = await listen(server);
    proxyPort = await listen(proxyServer);
    const closed = net.createServer();
    refusedPort = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
  });

  after(async () => {
    await Promise.all([shut(server), shut(proxyServer)]);
  });

  it('divisions: maps code, name and dayBorderTime', { timeout: 5000 }, async () => {
    const r = await fetchDivisions(opts('ok'));
    assertNoToken(r);
    assert.deepEqual(r, { ok: true, value: DIVISIONS });
    assert.ok(seen.includes('GET /ok/v1.0/divisions'));
  });

  it('employees: maps code (leading zeros kept), key, names and divisionCode', { timeout: 5000 }, async () => {
    const r = await fetchEmployees(opts('ok'));
    assertNoToken(r);
    assert.equal(r.ok, true);
    assert.ok(r.ok);
    assert.deepEqual(r.value[0], {
      code: '0012',
      key: EMPLOYEES[0]!.key,
      lastName: '勤怠',
      firstName: '太郎',
      divisionCode: '1000',
    });
    assert.equal(r.value.length, 2);
  });

  it('a trailing slash on base is accepted', { timeout: 5000 }, async () => {
    const r = await fetchDivisions({ ...opts('ok'), base: `${base('ok')}/` });
    assert.equal(r.ok, true);
  });

  it('code 100 → auth', { timeout: 5000 }, async () => {
    const r = await fetchDivisions({ ...opts('ok'), token: 'ffffffffffffffffffffffffffffffff' });
    assertNoToken(r);
    assert.ok(!JSON.stringify(r).includes('ffffffffffffffffffffffffffffffff'));
    assert.equal(r.ok, false);
    assert.ok(!r.ok);
    assert.equal(r.reason, 'auth');
    assert.equal(r.code, 100);
    assert.equal(r.status, 401);
  });

  it('code 104 in the morning window → closed-hours, retry after 10:00 JST', { timeout: 5000 }, async () => {
    const r = await fetchEmployees(opts('closed', { now: MORNING }));
    assertNoToken(r);
    assert.ok(!r.ok);
    assert.equal(r.reason, 'closed-hours');
    assert.equal(r.code, 104);
    assert.equal(r.retryAfter, '10:00 JST');
  });

  it('code 104 in the evening window → retry after 18:30 JST', { timeout: 5000 }, async () => {
    const r = await fetchDivisions(opts('closed', { now: EVENING }));
    assert.ok(!r.ok);
    assert.equal(r.reason, 'closed-hours');
    assert.equal(r.retryAfter, '18:30 JST');
  });

  it('HTTP 403 → forbidden-ip', { timeout: 5000 }, async () => {
    const r = await fetchDivisions(opts('forbidden'));
    assertNoToken(r);
    assert.ok(!r.ok);
    assert.equal(r.reason, 'forbidden-ip');
    assert.equal(r.status, 403);
    assert.equal(r.code, 102);
    assert.equal(r.said, 'IPアドレスが許可されていません');
  });

  it('a 403 that is not the API\'s JSON → forbidden (who refused is unknown), with the first line of the page', { timeout: 5000 }, async () => {
    const r = await fetchDivisions(opts('gateway403'));
    assert.ok(!r.ok);
    assert.equal(r.reason, 'forbidden');
    assert.equal(r.bodyLine, 'Access denied by policy SEC-42');
  });

  it('429 and the API\'s "Too Many Requests" body → rate-limited', { timeout: 5000 }, async () => {
    const r = await fetchDivisions(opts('ratelimit'));
    assert.ok(!r.ok);
    assert.equal(r.reason, 'rate-limited');
    assert.equal(r.status, 429);
    assert.equal(r.code, 303);
  });

  it('a 502 without JSON → server-error, not a network failure', { timeout: 5000 }, async () => {
    const r = await fetchEmployees(opts('badgateway'));
    assert.ok(!r.ok);
    assert.equal(r.reason, 'server-error');
    assert.equal(r.status, 502);
    assert.equal(r.connection, undefined);
  });

  it('a 38 MB employee list is read as a stream, item by item, without a size cap', { timeout: 30_000 }, async () => {
    const r = await fetchEmployees(opts('big', { timeoutMs: 10_000 }));
    assert.ok(r.ok, JSON.stringify(!r.ok && r));
    assert.equal(r.value.length, BIG_COUNT);
    assert.deepEqual(r.value.at(-1), { code: String(BIG_COUNT - 1).padStart(6, '0'), key: `k${BIG_COUNT - 1}`, lastName: '勤怠', firstName: '太郎', divisionCode: '1000' });
  });

  it('the same 38 MB list with an item lacking its code, or cut short, near its end → bad-answer from the streamed read', { timeout: 30_000 }, async () => {
    const codeless = await fetchEmployees(opts('bigcodeless', { timeoutMs: 10_000 }));
    assert.ok(!codeless.ok);
    assert.deepEqual(codeless.problem, { kind: 'missing-field', item: BIG_COUNT - 10, field: 'code' });
    const cut = await fetchEmployees(opts('bigcut', { timeoutMs: 10_000 }));
    assert.ok(!cut.ok);
    assert.deepEqual(cut.problem, { kind: 'not-json' });
  });

  it('HTTP 500 → server-error, and a token echoed by the server is redacted', { timeout: 5000 }, async () => {
    const r = await fetchEmployees(opts('fail'));
    assertNoToken(r);
    assert.ok(!r.ok);
    assert.equal(r.reason, 'server-error');
    assert.equal(r.status, 500);
    assert.equal(r.code, 1);
    assert.match(r.said ?? '', /\*\*\*/);
  });

  it('a 200 that is not JSON → bad-answer', { timeout: 5000 }, async () => {
    const r = await fetchDivisions(opts('html'));
    assert.ok(!r.ok);
    assert.equal(r.reason, 'bad-answer');
    assert.deepEqual(r.problem, { kind: 'not-array' });
    assert.equal(r.status, 200);
  });

  it('a division without dayBorderTime → bad-answer naming the item and field, not a guessed value', { timeout: 5000 }, async () => {
    const r = await fetchDivisions(opts('nobordertime'));
    assert.ok(!r.ok);
    assert.equal(r.reason, 'bad-answer');
    assert.deepEqual(r.problem, { kind: 'missing-field', item: 0, field: 'dayBorderTime' });
  });

  it('a JSON array cut short → bad-answer (not-json)', { timeout: 5000 }, async () => {
    const r = await fetchDivisions(opts('truncated'));
    assert.ok(!r.ok);
    assert.equal(r.reason, 'bad-answer');
  });

  it('an empty token is refused without a request', async () => {
    const count = seen.length;
    const r = await fetchDivisions({ ...opts('ok'), token: '  ' });
    assert.ok(!r.ok);
    assert.equal(r.reason, 'auth');
    assert.equal(seen.length, count);
  });

  it('through the proxy with credentials → ok', { timeout: 5000 }, async () => {
    const r = await fetchDivisions(
      opts('ok', { proxy: `http://kot:${encodeURIComponent(PROXY_PASSWORD)}@127.0.0.1:${proxyPort}` }),
    );
    assertNoToken(r);
    assert.deepEqual(r, { ok: true, value: DIVISIONS });
  });

  it('through the proxy without credentials → proxy-auth with the probe classification', { timeout: 5000 }, async () => {
    const r = await fetchEmployees(opts('ok', { proxy: `http://127.0.0.1:${proxyPort}` }));
    assertNoToken(r);
    assert.ok(!r.ok);
    assert.equal(r.reason, 'proxy-auth');
    assert.equal(r.connection?.proxyAuth, 'missing');
  });

  it('API host refusing connections → other with ECONNREFUSED at the connect stage', { timeout: 5000 }, async () => {
    const r = await fetchDivisions({ base: `http://127.0.0.1:${refusedPort}/v1.0`, token: TOKEN, timeoutMs: 3000 });
    assertNoToken(r);
    assert.ok(!r.ok);
    assert.equal(r.reason, 'other');
    assert.equal(r.connection?.code, 'ECONNREFUSED');
    assert.equal(r.connection?.stage, 'connect');
  });

  it('each request has its own timeout: a slow second request does not eat the first one\'s time', { timeout: 10_000 }, async () => {
    const r = await fetchKotArray('slow', opts('ok', { timeoutMs: 1500 }), (item) => item);
    assert.ok(r.ok, JSON.stringify(!r.ok && r));
    assert.equal(r.value.length, 2, 'a body that keeps flowing may take longer than the timeout in total');
  });
});

describe('closedWindowEnd', () => {
  const at = (jst: string) => new Date(`2026-03-02T${jst}:00+09:00`);
  const cases: Array<[string, string | undefined]> = [
    ['08:29', undefined],
    ['08:30', '10:00 JST'],
    ['09:59', '10:00 JST'],
    ['10:00', undefined],
    ['12:00', undefined],
    ['17:30', '18:30 JST'],
    ['18:29', '18:30 JST'],
    ['18:30', undefined],
    ['23:59', undefined],
  ];
  for (const [time, want] of cases) {
    it(`${time} JST → ${want ?? 'open'}`, () => {
      assert.equal(closedWindowEnd(at(time)), want);
    });
  }
});
