import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createProxy } from 'proxy';
import { fixture, runCli } from './helpers.js';

/**
 * doctor's network checks end to end: the real binary, a real proxy with Basic auth, real servers, all on
 * 127.0.0.1. Nothing here contacts the default endpoint or the real KING OF TIME API.
 */
const PASSWORD = 'S3cr/et:p@ss%';
const KOT_TOKEN = 'kot-web-api-token-0123456789abcdef';

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const servers: net.Server[] = [];
const sockets = new Set<net.Socket>();
let proxyPort = 0;
let targetPort = 0;
let silentPort = 0;
let tlsPort = 0;
let closedPort = 0;
let apiPort = 0;
let apiMode: 'ok' | 'auth' | 'closed' | 'forbidden' = 'ok';
let caIssuedPort = 0;
let expiredPort = 0;

before(async () => {
  const proxy = createProxy(http.createServer());
  proxy.authenticate = (req) => req.headers['proxy-authorization'] === `Basic ${Buffer.from(`alice:${PASSWORD}`).toString('base64')}`;
  const target = http.createServer((_req, res) => res.end('ok'));
  const silent = net.createServer((socket) => sockets.add(socket));
  const tls = https.createServer({ cert: readFileSync(fixture('tls', 'cert.pem')), key: readFileSync(fixture('tls', 'key.pem')) }, (_req, res) => res.end('ok'));
  const closed = net.createServer();
  const api = http.createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${KOT_TOKEN}` || apiMode === 'auth') return send(401, { errors: [{ message: 'Authentication failed', code: 100 }] });
    if (apiMode === 'closed') return send(403, { errors: [{ message: 'Service unavailable at this hour', code: 104 }] });
    if (apiMode === 'forbidden') return send(403, { errors: [{ message: 'Forbidden', code: 0 }] });
    if (req.url === '/v1.0/divisions') {
      return send(200, [
        { code: '1001', name: '本社', dayBorderTime: '05:00' },
        { code: '2002', name: '大阪支店', dayBorderTime: '00:00' },
      ]);
    }
    if (req.url === '/v1.0/employees') {
      return send(200, [
        { code: '1000', key: 'k1', lastName: '勤怠', firstName: '太郎', divisionCode: '1001' },
        { code: '3000', key: 'k3', lastName: '勤怠', firstName: '花子', divisionCode: '2002' },
        { code: '9000', key: 'k9', lastName: '新人', firstName: '一', divisionCode: '1001' },
      ]);
    }
    send(404, { errors: [{ message: 'not found', code: 0 }] });
  });
  const issued = (name: string) => https.createServer({ cert: readFileSync(fixture('tls', `${name}.pem`)), key: readFileSync(fixture('tls', `${name}-key.pem`)) }, (_req, res) => res.end('ok'));
  servers.push(proxy, target, silent, tls, closed, api, issued('ok'), issued('expired'));
  const ports = await Promise.all(servers.map(listen));
  [proxyPort, targetPort, silentPort, tlsPort, closedPort, apiPort, caIssuedPort, expiredPort] = ports as [number, number, number, number, number, number, number, number];
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});

after(() => {
  for (const socket of sockets) socket.destroy();
  for (const server of servers) if (server.listening) server.close();
  for (const server of servers) (server as http.Server).closeAllConnections?.();
});

async function proxyCheck(args: string[], env: Record<string, string> = {}) {
  const run = await runCli(['doctor', '--json', '--timeout', '2', ...args], env);
  assert.notEqual(run.code, 2, run.stderr);
  const report = JSON.parse(run.stdout);
  const words = await runCli(['doctor', '--timeout', '2', ...args], env);
  for (const text of [run.stdout, run.stderr, words.stdout, words.stderr]) {
    assert.ok(!text.includes(PASSWORD) && !text.includes(encodeURIComponent(PASSWORD)), 'the proxy password never appears');
  }
  return { check: report.checks.find((c: { id: string }) => c.id === 'proxy'), report, words: words.stdout, code: run.code };
}

const withAuth = (port: number, password = PASSWORD) => `http://alice:${encodeURIComponent(password)}@127.0.0.1:${port}`;

describe('doctor proxy check through a real proxy', () => {
  it('passes with the right credentials', async () => {
    const { check, words } = await proxyCheck(['--proxy', withAuth(proxyPort), '--endpoint', `http://127.0.0.1:${targetPort}/`]);
    assert.equal(check.status, 'pass');
    assert.equal(check.data.reason, 'ok');
    assert.equal(check.data.via, `127.0.0.1:${proxyPort}`);
    assert.equal(check.data.proxySource, 'flag');
    assert.match(words, new RegExp(`✔ pass +Connection to PC login link \\(proxy\\): reached .* via proxy 127\\.0\\.0\\.1:${proxyPort}`));
  });

  it('says proxy-auth / wrong for a wrong password and proxy-auth / missing for none', async () => {
    const wrong = await proxyCheck(['--proxy', withAuth(proxyPort, 'nope-nope'), '--endpoint', `http://127.0.0.1:${targetPort}/`]);
    assert.equal(wrong.check.status, 'fail');
    assert.deepEqual([wrong.check.data.reason, wrong.check.data.proxyAuth], ['proxy-auth', 'wrong']);
    assert.match(wrong.words, /rejected the account or password \(Basic sign-in, HTTP 407\); this check tried once and did not retry/);
    const none = await proxyCheck(['--proxy', `http://127.0.0.1:${proxyPort}`, '--endpoint', `http://127.0.0.1:${targetPort}/`]);
    assert.deepEqual([none.check.data.reason, none.check.data.proxyAuth], ['proxy-auth', 'missing']);
    assert.match(none.words, /requires sign-in \(HTTP 407, offers Basic\), and no account was given/);
    // The advice's own example URL is not redacted into http://***@host:port.
    assert.match(none.words, /--proxy http:\/\/USER:PASSWORD@host:port/);
    assert.equal(none.code, 1);
  });

  it('takes the proxy from HTTPS_PROXY and honours NO_PROXY', async () => {
    const fromEnv = await proxyCheck(['--endpoint', `https://127.0.0.1:${tlsPort}/`], { HTTPS_PROXY: withAuth(proxyPort) });
    assert.equal(fromEnv.check.data.proxySource, 'HTTPS_PROXY');
    assert.match(fromEnv.words, new RegExp(`proxy 127\\.0\\.0\\.1:${proxyPort} from HTTPS_PROXY`));
    assert.equal(fromEnv.check.data.reason, 'tls', 'the self-signed target is refused through the tunnel');
    assert.match(fromEnv.words, /typical of a proxy that inspects HTTPS/);
    assert.match(fromEnv.words, /--ca-file FILE/);
    const bypass = await proxyCheck(['--endpoint', `http://127.0.0.1:${targetPort}/`], { HTTPS_PROXY: withAuth(proxyPort), NO_PROXY: '127.0.0.1' });
    assert.equal(bypass.check.data.proxySource, 'no-proxy');
    assert.equal(bypass.check.data.via, 'direct');
    assert.equal(bypass.check.data.reason, 'ok');
  });

  it('classifies a closed proxy port, a silent peer, a self-signed target and an unknown name', async () => {
    const closed = await proxyCheck(['--proxy', `http://127.0.0.1:${closedPort}`, '--endpoint', `http://127.0.0.1:${targetPort}/`]);
    assert.equal(closed.check.data.reason, 'proxy-unreachable');
    const silent = await proxyCheck(['--proxy', `http://127.0.0.1:${silentPort}`, '--endpoint', `http://127.0.0.1:${targetPort}/`]);
    assert.equal(silent.check.data.reason, 'timeout');
    assert.match(silent.words, /took the connection but did not answer CONNECT within 2 s/);
    assert.equal(silent.check.data.stage, 'tunnel');
    const tls = await proxyCheck(['--endpoint', `https://127.0.0.1:${tlsPort}/`]);
    assert.equal(tls.check.data.reason, 'tls');
    const dns = await proxyCheck(['--proxy', 'http://proxy.invalid:8080', '--endpoint', `http://127.0.0.1:${targetPort}/`]);
    assert.equal(dns.check.data.reason, 'dns');
    assert.equal(dns.check.data.host, 'proxy.invalid');
  });

  it('--ca-file (PEM or DER) trusts a private CA; its stage lines show the certificate', async () => {
    const untrusted = await proxyCheck(['--endpoint', `https://127.0.0.1:${caIssuedPort}/`]);
    assert.deepEqual([untrusted.check.data.reason, untrusted.check.data.stage, untrusted.check.data.code], ['tls', 'tls', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE']);
    assert.match(untrusted.words, /was issued by "CN=Example Corp SSL Inspection CA, O=Example Corp", which this machine does not trust/);
    assert.match(untrusted.words, /certificate: CN=localhost, O=Example Corp; names localhost, 127\.0\.0\.1; issuer CN=Example Corp SSL Inspection CA/);
    assert.equal(untrusted.check.data.certificate.issuer, 'CN=Example Corp SSL Inspection CA, O=Example Corp');
    for (const file of ['ca.pem', 'ca.der']) {
      const trusted = await proxyCheck(['--endpoint', `https://127.0.0.1:${caIssuedPort}/`, '--ca-file', fixture('tls', file)]);
      assert.equal(trusted.check.status, 'pass', file);
      assert.deepEqual(trusted.check.data.caFile, { file: fixture('tls', file), loaded: true, certificates: 1 });
    }
  });

  it('an expired certificate: its dates, and the clock named in the advice', async () => {
    const { check, words } = await proxyCheck(['--endpoint', `https://127.0.0.1:${expiredPort}/`, '--ca-file', fixture('tls', 'ca.pem')]);
    assert.equal(check.data.code, 'CERT_HAS_EXPIRED');
    assert.match(words, /expired on 2021-01-01/);
    assert.match(words, /Check this machine's date and time first/);
  });

  it('a NODE_EXTRA_CA_CERTS that Node could not load (DER) is reported, not just "set it"', async () => {
    const { check, words } = await proxyCheck(['--endpoint', `https://127.0.0.1:${caIssuedPort}/`], { NODE_EXTRA_CA_CERTS: fixture('tls', 'ca.der') });
    assert.deepEqual(check.data.extraCaCerts, { file: fixture('tls', 'ca.der'), loaded: false, problem: 'der' });
    assert.match(words, /NODE_EXTRA_CA_CERTS .*ca\.der was not loaded: it is DER/);
  });

  it('a --ca-file that cannot be read is a usage error naming it (exit 2)', async () => {
    const run = await runCli(['doctor', '--ca-file', fixture('tls', 'missing.pem'), '--endpoint', `http://127.0.0.1:${targetPort}/`]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--ca-file .*missing\.pem: file not found/);
    const notCert = await runCli(['doctor', '--ca-file', fixture('tls', 'generate-chain.py'), '--endpoint', `http://127.0.0.1:${targetPort}/`]);
    assert.equal(notCert.code, 2);
    assert.match(notCert.stderr, /no certificate in it/);
  });

  it('speaks Japanese in every part of the finding with --lang ja (no English detail left)', async () => {
    const run = await runCli(['doctor', '--lang', 'ja', '--timeout', '2', '--proxy', 'http://proxy.invalid:8080', '--endpoint', `http://127.0.0.1:${targetPort}/`]);
    const block = run.stdout.split('\n').filter((l) => /PC ログイン連携への接続|^\s+[·→]/.test(l)).join('\n');
    assert.match(block, /プロキシのホスト名 proxy\.invalid をこのマシンで名前解決できません（(ENOTFOUND|EAI_AGAIN)）/);
    assert.match(block, /プロキシ proxy\.invalid:8080: 失敗/);
    assert.doesNotMatch(block, /could not be resolved|failed|the proxy/);
  });

  it('--proxy host:port and user:pass@host:port mean http://, as in curl', async () => {
    const bare = await proxyCheck(['--proxy', `127.0.0.1:${proxyPort}`, '--endpoint', `http://127.0.0.1:${targetPort}/`]);
    assert.deepEqual([bare.check.data.reason, bare.check.data.proxyAuth], ['proxy-auth', 'missing']);
    const withUser = await proxyCheck(['--proxy', `alice:${encodeURIComponent(PASSWORD)}@127.0.0.1:${proxyPort}`, '--endpoint', `http://127.0.0.1:${targetPort}/`]);
    assert.equal(withUser.check.status, 'pass');
  });

  it('ALL_PROXY is honoured after the HTTPS_PROXY family, and named as the source', async () => {
    const { check } = await proxyCheck(['--endpoint', `http://127.0.0.1:${targetPort}/`], { ALL_PROXY: withAuth(proxyPort) });
    assert.deepEqual([check.status, check.data.proxySource], ['pass', 'ALL_PROXY']);
    const socks = await proxyCheck(['--endpoint', `http://127.0.0.1:${targetPort}/`], { ALL_PROXY: 'socks5://127.0.0.1:1080' });
    assert.match(socks.check.detail, /the proxy URL in ALL_PROXY cannot be used: socks5:\/\/ is not supported/);
  });

  it('--offline never connects', async () => {
    // With something else to check: --offline with only a proxy has nothing to check (exit 2).
    const { check } = await proxyCheck(['--offline', '--company-code', 'ABC', '--proxy', withAuth(proxyPort)]);
    assert.equal(check.status, 'skip');
  });
});

describe('doctor with the KING OF TIME Web API', () => {
  const base = () => ['--kot-api-base', `http://127.0.0.1:${apiPort}/v1.0`, '--endpoint', `http://127.0.0.1:${targetPort}/`];

  it('fetches divisions, fails day-change by division name, and cross-checks employees', async () => {
    apiMode = 'ok';
    const run = await runCli(
      ['doctor', '--json', ...base(), '--sql', fixture('sql', 'kintai-cp932.sql'), '--mapping', fixture('mapping', 'export-cp932.csv'), '--log-dir', fixture('logs')],
      { KOT_API_TOKEN: KOT_TOKEN },
    );
    assert.ok(!run.stdout.includes(KOT_TOKEN) && !run.stderr.includes(KOT_TOKEN));
    const report = JSON.parse(run.stdout);
    const kot = report.checks.find((c: { id: string }) => c.id === 'kot-api');
    assert.equal(kot.status, 'warn');
    assert.deepEqual(kot.data.divisions, [
      { code: '1001', name: '本社', dayChange: '05:00' },
      { code: '2002', name: '大阪支店', dayChange: '00:00' },
    ]);
    assert.deepEqual(kot.data.missingFromMapping, ['9000']);
    assert.ok(kot.data.unknownCodes.includes('0012'));
    const dayChange = report.checks.find((c: { id: string }) => c.id === 'day-change');
    assert.equal(dayChange.status, 'fail');
    assert.match(dayChange.detail, /2002 大阪支店 00:00/);
    // Punches follow each employee's own division: 花子 (2002, 00:00) lands on the wrong day, 太郎 (1001) does not.
    const hanako = report.punches.find((p: { employee: string; kind: string }) => p.employee === '3000' && p.kind === 'out');
    assert.deepEqual([hanako.workDate, hanako.windowDate], ['2024-12-18', '2024-12-17']);
    const tarou = report.punches.filter((p: { employee: string }) => p.employee === '1000');
    assert.ok(tarou.every((p: { workDate: string; windowDate: string }) => p.workDate === p.windowDate));
  });

  it('explains authentication failure, closed hours and a forbidden address', async () => {
    for (const [mode, reason, words] of [
      ['auth', 'auth', /the Web API rejected the token \(HTTP 401, code 100\)/],
      ['closed', 'closed-hours', /closed at this hour \(code 104/],
      ['forbidden', 'forbidden-ip', /許可IPアドレス/],
    ] as const) {
      apiMode = mode;
      const run = await runCli(['doctor', '--json', ...base()], { KOT_API_TOKEN: KOT_TOKEN });
      const kot = JSON.parse(run.stdout).checks.find((c: { id: string }) => c.id === 'kot-api');
      assert.equal(kot.status, 'fail', mode);
      assert.equal(kot.data.reason, reason, mode);
      assert.match(kot.detail, words, mode);
      assert.equal(run.code, 1);
      assert.ok(!run.stdout.includes(KOT_TOKEN));
    }
    apiMode = 'ok';
  });

  it('reads the Web API token from --kot-api-token-file', async () => {
    const run = await runCli(['doctor', '--json', ...base(), '--kot-api-token-file', fixture('token', 'token-ok.txt')]);
    const kot = JSON.parse(run.stdout).checks.find((c: { id: string }) => c.id === 'kot-api');
    assert.equal(kot.data.reason, 'auth', 'a wrong token is refused by the server, and said so');
  });
});

describe('bad network flags are usage errors', () => {
  it('refuses a proxy URL it cannot use without echoing it', async () => {
    for (const bad of ['ftp://proxy:21', `http://alice:${PASSWORD}@proxy:8080`, 'http://proxy:99999']) {
      const run = await runCli(['doctor', '--proxy', bad]);
      assert.equal(run.code, 2, bad);
      assert.match(run.stderr, /^lanscope-kot: --proxy: the proxy URL/);
      assert.ok(!run.stderr.includes(PASSWORD));
      assert.equal(run.stderr.trim().split('\n').length, 1);
    }
    const endpoint = await runCli(['doctor', '--endpoint', 'pclogin']);
    assert.equal(endpoint.code, 2);
    assert.match(endpoint.stderr, /--endpoint pclogin: expected an http/);
  });
});
