import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { createProxy } from 'proxy';
import {
  chooseProxy,
  probeConnection,
  proxyHostPort,
  ProxyUrlError,
  type ConnectionResult,
} from '../source/io/connection.js';
import { redactSecrets } from '../source/core/secret.js';

// Characters that must be percent-encoded in a URL's userinfo, so every encoded form is exercised.
const USER = 'alice';
const PASSWORD = 's3cret/p@ss:w%rd';
const EXTRA_SECRET = 'TOKEN-0123456789abcdef0123456789ab';
const ENCODED_PASSWORD = encodeURIComponent(PASSWORD);
const BASIC = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/tls/${name}`, import.meta.url));

function assertNoSecret(result: ConnectionResult): void {
  const json = JSON.stringify(result);
  for (const form of [
    PASSWORD,
    ENCODED_PASSWORD,
    ENCODED_PASSWORD.toLowerCase(),
    `${USER}:${PASSWORD}`,
    BASIC,
    EXTRA_SECRET,
  ]) {
    assert.ok(!json.includes(form), `secret form ${JSON.stringify(form)} leaked in ${json}`);
  }
}

const show = (r: ConnectionResult) => JSON.stringify(r.stages);

/** A server whose accepted sockets can all be destroyed, so `after` never waits on a peer. */
interface Peer {
  server: net.Server;
  port: number;
  sockets: Set<net.Socket>;
  connections: number;
  close(): Promise<void>;
}

async function start(server: net.Server): Promise<Peer> {
  const peer: Peer = {
    server,
    port: 0,
    sockets: new Set(),
    connections: 0,
    close: async () => {
      for (const s of peer.sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  server.on('connection', (socket: net.Socket) => {
    peer.connections++;
    peer.sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => peer.sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  peer.port = (server.address() as net.AddressInfo).port;
  return peer;
}

async function closedPort(): Promise<number> {
  const peer = await start(net.createServer());
  await peer.close();
  return peer.port;
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

describe('probeConnection against real peers on 127.0.0.1', () => {
  let target: Peer;
  let proxy: Peer;
  let hang: Peer;
  let closer: Peer;
  let tlsServer: Peer;
  let tlsProxy: Peer;
  let refusedPort: number;
  let proxyUrl: (credentials: string) => string;
  const goodCredentials = `${USER}:${ENCODED_PASSWORD}@`;

  before(async () => {
    target = await start(
      http.createServer((req, res) => {
        res.writeHead(req.url === '/503' ? 503 : req.url === '/302' ? 302 : 200, { location: '/' });
        res.end('hello');
      }),
    );
    const proxyServer = createProxy(http.createServer());
    const domainBasic = Buffer.from(`CORP\\${USER}:${PASSWORD}`).toString('base64');
    proxyServer.authenticate = (req) =>
      req.headers['proxy-authorization'] === `Basic ${BASIC}` || req.headers['proxy-authorization'] === `Basic ${domainBasic}`;
    proxy = await start(proxyServer);
    // Accepts and never answers; reads so that it sees the client's FIN.
    hang = await start(net.createServer((socket) => socket.resume()));
    // Accepts and hangs up at once: a proxy that drops every connection.
    closer = await start(net.createServer((socket) => socket.destroy()));
    tlsServer = await start(
      https.createServer({ cert: fixture('cert.pem'), key: fixture('key.pem') }, (_req, res) => res.end('tls')),
    );
    const tlsProxyServer = createProxy(https.createServer({ cert: fixture('cert.pem'), key: fixture('key.pem') }) as unknown as http.Server);
    tlsProxy = await start(tlsProxyServer);
    refusedPort = await closedPort();
    proxyUrl = (credentials) => `http://${credentials}127.0.0.1:${proxy.port}`;
  });

  after(async () => {
    await Promise.all([target, proxy, hang, closer, tlsServer, tlsProxy].map((p) => p?.close()));
  });

  const probe = async (endpoint: string, proxyArg: string | undefined, timeoutMs = 3000) => {
    const t0 = performance.now();
    const result = await probeConnection({ endpoint, proxy: proxyArg, timeoutMs, secrets: [EXTRA_SECRET] });
    const wall = performance.now() - t0;
    assert.ok(wall < timeoutMs + 1000, `probe took ${wall} ms with timeoutMs ${timeoutMs}`);
    assertNoSecret(result);
    return result;
  };

  it('right credentials through the proxy → ok with status 200', { timeout: 5000 }, async () => {
    const r = await probe(`http://127.0.0.1:${target.port}/`, proxyUrl(goodCredentials));
    assert.equal(r.reason, 'ok', show(r));
    assert.equal(r.via, `127.0.0.1:${proxy.port}`);
    assert.equal(r.status, 200);
    assert.equal(r.proxyAuth, undefined);
  });

  it('a DOMAIN\\user name, percent-encoded, is decoded before it is sent', { timeout: 5000 }, async () => {
    const r = await probe(`http://127.0.0.1:${target.port}/`, proxyUrl(`CORP%5C${USER}:${ENCODED_PASSWORD}@`));
    assert.equal(r.reason, 'ok', show(r));
    assert.equal(r.status, 200);
  });

  it('a redirect from the target is still ok (not followed)', { timeout: 5000 }, async () => {
    const r = await probe(`http://127.0.0.1:${target.port}/302`, proxyUrl(goodCredentials));
    assert.equal(r.reason, 'ok', show(r));
    assert.equal(r.status, 302);
  });

  it('target answering 503 through the proxy → http-status with the status', { timeout: 5000 }, async () => {
    const r = await probe(`http://127.0.0.1:${target.port}/503`, proxyUrl(goodCredentials));
    assert.equal(r.reason, 'http-status', show(r));
    assert.equal(r.status, 503);
    assert.equal(r.via, `127.0.0.1:${proxy.port}`);
  });

  it('direct to the target → ok via direct', { timeout: 5000 }, async () => {
    const r = await probe(`http://127.0.0.1:${target.port}/`, undefined);
    assert.equal(r.reason, 'ok', show(r));
    assert.equal(r.via, 'direct');
    assert.equal(r.status, 200);
  });

  it('wrong credentials → proxy-auth / wrong', { timeout: 5000 }, async () => {
    const r = await probe(`http://127.0.0.1:${target.port}/`, proxyUrl(`${USER}:${encodeURIComponent('s3cret/other')}@`));
    assert.equal(r.reason, 'proxy-auth', show(r));
    assert.equal(r.proxyAuth, 'wrong');
    assert.equal(r.via, `127.0.0.1:${proxy.port}`);
    assert.equal(r.status, undefined);
  });

  it('no credentials → proxy-auth / missing', { timeout: 5000 }, async () => {
    const r = await probe(`http://127.0.0.1:${target.port}/`, proxyUrl(''));
    assert.equal(r.reason, 'proxy-auth', show(r));
    assert.equal(r.proxyAuth, 'missing');
  });

  it('a closed port as proxy → proxy-unreachable', { timeout: 5000 }, async () => {
    const r = await probe(`http://127.0.0.1:${target.port}/`, `http://${goodCredentials}127.0.0.1:${refusedPort}`);
    assert.equal(r.reason, 'proxy-unreachable', show(r));
    assert.equal(r.code, 'ECONNREFUSED');
    assert.equal(r.via, `127.0.0.1:${refusedPort}`);
  });

  it('a proxy that hangs up on every connection → proxy-unreachable, quickly and without a reconnect storm', { timeout: 5000 }, async () => {
    const before = closer.connections;
    const r = await probe(`https://127.0.0.1:${target.port}/`, `http://${goodCredentials}127.0.0.1:${closer.port}`);
    assert.equal(r.reason, 'proxy-unreachable', show(r));
    assert.equal(r.code, 'ECONNRESET');
    assert.equal(r.stage, 'tunnel', 'the proxy took the connection and hung up before answering CONNECT');
    assert.ok(r.elapsedMs < 1000, `took ${r.elapsedMs} ms`);
    // undici on its own would reconnect thousands of times a second until the timeout.
    assert.ok(closer.connections - before <= 5, `${closer.connections - before} connections to the proxy`);
  });

  it('a closed port as direct endpoint → other with ECONNREFUSED named in detail', { timeout: 5000 }, async () => {
    const r = await probe(`http://127.0.0.1:${refusedPort}/`, undefined);
    assert.equal(r.reason, 'other', show(r));
    assert.equal(r.code, 'ECONNREFUSED');
    assert.equal(r.stage, 'connect');
  });

  it('the proxy cannot reach the target → proxy-upstream with the CONNECT status', { timeout: 5000 }, async () => {
    const r = await probe(`http://127.0.0.1:${refusedPort}/`, proxyUrl(goodCredentials));
    assert.equal(r.reason, 'proxy-upstream', show(r));
    assert.equal(r.stage, 'tunnel');
    assert.equal(r.connectStatus, 500);
    assert.equal(r.status, undefined);
  });

  it('a silent listener as proxy → timeout within the bound, sockets released', { timeout: 5000 }, async () => {
    const r = await probe(`http://127.0.0.1:${target.port}/`, `http://${goodCredentials}127.0.0.1:${hang.port}`, 1500);
    assert.equal(r.reason, 'timeout', show(r));
    assert.equal(r.stage, 'tunnel', 'the proxy took the connection and never answered CONNECT');
    assert.ok(await until(() => hang.sockets.size === 0, 1000), 'the probe left a socket open to the proxy');
  });

  it('a silent listener as endpoint → timeout', { timeout: 5000 }, async () => {
    const r = await probe(`http://127.0.0.1:${hang.port}/`, undefined, 1500);
    assert.equal(r.reason, 'timeout', show(r));
    assert.equal(r.via, 'direct');
    assert.ok(await until(() => hang.sockets.size === 0, 1000), 'the probe left a socket open to the endpoint');
  });

  it('a silent endpoint behind the proxy → timeout', { timeout: 5000 }, async () => {
    const r = await probe(`http://127.0.0.1:${hang.port}/`, proxyUrl(goodCredentials), 1500);
    assert.equal(r.reason, 'timeout', show(r));
    assert.equal(r.via, `127.0.0.1:${proxy.port}`);
  });

  it('self-signed HTTPS direct → tls', { timeout: 5000 }, async () => {
    const r = await probe(`https://127.0.0.1:${tlsServer.port}/`, undefined);
    assert.equal(r.reason, 'tls', show(r));
    assert.equal(r.code, 'DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  it('self-signed HTTPS through the proxy (CONNECT) → tls', { timeout: 5000 }, async () => {
    const r = await probe(`https://127.0.0.1:${tlsServer.port}/`, proxyUrl(goodCredentials));
    assert.equal(r.reason, 'tls', show(r));
    assert.equal(r.code, 'DEPTH_ZERO_SELF_SIGNED_CERT');
    assert.equal(r.via, `127.0.0.1:${proxy.port}`);
  });

  it('an https:// proxy with a self-signed certificate → tls naming the proxy', { timeout: 5000 }, async () => {
    const r = await probe(`http://127.0.0.1:${target.port}/`, `https://${goodCredentials}127.0.0.1:${tlsProxy.port}`);
    assert.equal(r.reason, 'tls', show(r));
    assert.equal(r.code, 'DEPTH_ZERO_SELF_SIGNED_CERT');
    assert.equal(r.via, `127.0.0.1:${tlsProxy.port}`);
    assert.equal(r.stage, 'proxy-tls');
  });

  it('a proxy host that does not resolve → dns with the host', { timeout: 5000 }, async () => {
    const r = await probe(`http://127.0.0.1:${target.port}/`, `http://${goodCredentials}proxy.invalid:8080`);
    assert.equal(r.reason, 'dns', show(r));
    assert.equal(r.host, 'proxy.invalid');
    assert.equal(r.via, 'proxy.invalid:8080');
    assert.ok(r.code === 'ENOTFOUND' || r.code === 'EAI_AGAIN', r.code);
  });

  it('a target host that does not resolve (direct) → dns with the host', { timeout: 5000 }, async () => {
    const r = await probe('https://target.invalid/', undefined);
    assert.equal(r.reason, 'dns', show(r));
    assert.equal(r.host, 'target.invalid');
  });

  it('an invalid proxy URL → other with ERR_PROXY_URL, nothing leaked', { timeout: 5000 }, async () => {
    const r = await probe(`http://127.0.0.1:${target.port}/`, `http://${USER}:${PASSWORD}@127.0.0.1:${proxy.port}`);
    assert.equal(r.reason, 'other');
    assert.equal(r.code, 'ERR_PROXY_URL');
    assert.deepEqual(r.stages, []);
  });

  it('a secret in the endpoint URL stays out of the result', { timeout: 5000 }, async () => {
    const r = await probe(`http://127.0.0.1:${refusedPort}/?token=${EXTRA_SECRET}`, undefined);
    assert.equal(r.reason, 'other');
  });
});

describe('chooseProxy', () => {
  const KOT = 'https://api.kingtime.jp/v1.0';
  const P = 'http://proxy.corp:8080';
  const Q = 'http://other.corp:3128';
  const cases: Array<{ name: string; flag?: string; env: Record<string, string | undefined>; endpoint?: string; want: ReturnType<typeof chooseProxy> }> = [
    { name: 'flag wins over env', flag: Q, env: { HTTPS_PROXY: P }, want: { url: Q, source: 'flag' } },
    { name: 'flag wins even when NO_PROXY matches', flag: Q, env: { HTTPS_PROXY: P, NO_PROXY: '*' }, want: { url: Q, source: 'flag' } },
    { name: 'empty flag falls through to env', flag: '  ', env: { HTTPS_PROXY: P }, want: { url: P, source: 'HTTPS_PROXY' } },
    { name: 'HTTPS_PROXY', env: { HTTPS_PROXY: P }, want: { url: P, source: 'HTTPS_PROXY' } },
    { name: 'https_proxy before HTTPS_PROXY', env: { https_proxy: Q, HTTPS_PROXY: P }, want: { url: Q, source: 'https_proxy' } },
    { name: 'HTTP_PROXY as fallback for https', env: { HTTP_PROXY: P }, want: { url: P, source: 'HTTP_PROXY' } },
    { name: 'http_proxy as fallback for https', env: { http_proxy: P }, want: { url: P, source: 'http_proxy' } },
    { name: 'HTTPS_PROXY before HTTP_PROXY for https', env: { HTTP_PROXY: Q, HTTPS_PROXY: P }, want: { url: P, source: 'HTTPS_PROXY' } },
    { name: 'HTTP_PROXY first for an http endpoint', endpoint: 'http://intranet.example/', env: { HTTP_PROXY: Q, HTTPS_PROXY: P }, want: { url: Q, source: 'HTTP_PROXY' } },
    { name: 'empty env value counts as unset', env: { HTTPS_PROXY: '', HTTP_PROXY: P }, want: { url: P, source: 'HTTP_PROXY' } },
    { name: 'nothing set', env: {}, want: { source: 'none' } },
    { name: 'NO_PROXY alone', env: { NO_PROXY: 'api.kingtime.jp' }, want: { source: 'none' } },
    { name: 'scheme-less value gets http://', env: { HTTPS_PROXY: 'proxy.corp:8080' }, want: { url: P, source: 'HTTPS_PROXY' } },
    { name: 'scheme-less flag gets http://', flag: 'proxy.corp:8080', env: {}, want: { url: P, source: 'flag' } },
    { name: 'NO_PROXY exact host', env: { HTTPS_PROXY: P, NO_PROXY: 'api.kingtime.jp' }, want: { source: 'no-proxy', bypassed: 'HTTPS_PROXY' } },
    { name: 'no_proxy lower case', env: { HTTPS_PROXY: P, no_proxy: 'api.kingtime.jp' }, want: { source: 'no-proxy', bypassed: 'HTTPS_PROXY' } },
    { name: 'NO_PROXY leading dot', env: { HTTPS_PROXY: P, NO_PROXY: '.kingtime.jp' }, want: { source: 'no-proxy', bypassed: 'HTTPS_PROXY' } },
    { name: 'NO_PROXY *. prefix', env: { HTTPS_PROXY: P, NO_PROXY: '*.kingtime.jp' }, want: { source: 'no-proxy', bypassed: 'HTTPS_PROXY' } },
    { name: 'NO_PROXY domain suffix', env: { HTTPS_PROXY: P, NO_PROXY: 'kingtime.jp' }, want: { source: 'no-proxy', bypassed: 'HTTPS_PROXY' } },
    { name: 'NO_PROXY suffix only on a label boundary', env: { HTTPS_PROXY: P, NO_PROXY: 'ingtime.jp' }, want: { url: P, source: 'HTTPS_PROXY' } },
    { name: 'NO_PROXY *', env: { HTTPS_PROXY: P, NO_PROXY: '*' }, want: { source: 'no-proxy', bypassed: 'HTTPS_PROXY' } },
    { name: 'NO_PROXY list with spaces and upper case', env: { HTTPS_PROXY: P, NO_PROXY: 'localhost, 127.0.0.1 ,.KINGTIME.JP' }, want: { source: 'no-proxy', bypassed: 'HTTPS_PROXY' } },
    { name: 'NO_PROXY other hosts only', env: { HTTPS_PROXY: P, NO_PROXY: 'localhost,127.0.0.1,.corp' }, want: { url: P, source: 'HTTPS_PROXY' } },
    { name: 'NO_PROXY host:port matching', env: { HTTPS_PROXY: P, NO_PROXY: 'api.kingtime.jp:443' }, want: { source: 'no-proxy', bypassed: 'HTTPS_PROXY' } },
    { name: 'NO_PROXY host:port other port', env: { HTTPS_PROXY: P, NO_PROXY: 'api.kingtime.jp:8443' }, want: { url: P, source: 'HTTPS_PROXY' } },
    { name: 'NO_PROXY CIDR', endpoint: 'https://10.1.2.3/', env: { HTTPS_PROXY: P, NO_PROXY: '10.0.0.0/8' }, want: { source: 'no-proxy', bypassed: 'HTTPS_PROXY' } },
    { name: 'NO_PROXY CIDR not matching', endpoint: 'https://192.168.1.2/', env: { HTTPS_PROXY: P, NO_PROXY: '10.0.0.0/8' }, want: { url: P, source: 'HTTPS_PROXY' } },
    { name: 'NO_PROXY IPv6', endpoint: 'https://[::1]:8443/', env: { HTTPS_PROXY: P, NO_PROXY: '::1' }, want: { source: 'no-proxy', bypassed: 'HTTPS_PROXY' } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(chooseProxy(c.flag, c.env, c.endpoint ?? KOT), c.want);
    });
  }
});

describe('proxyHostPort', () => {
  const good: Array<[string, string]> = [
    ['http://proxy.corp:8080', 'proxy.corp:8080'],
    ['http://proxy.corp', 'proxy.corp:80'],
    ['https://proxy.corp', 'proxy.corp:443'],
    [`http://${USER}:${ENCODED_PASSWORD}@proxy.corp:3128/`, 'proxy.corp:3128'],
    ['HTTP://Proxy.Corp:8080', 'proxy.corp:8080'],
    ['http://[::1]:3128', '[::1]:3128'],
    ['  http://10.0.0.1:8080  ', '10.0.0.1:8080'],
    ['http://CORP%5Calice:pw@proxy.corp:8080', 'proxy.corp:8080'],
    // As curl reads them: no scheme means http://.
    ['proxy.corp:8080', 'proxy.corp:8080'],
    ['proxy.corp', 'proxy.corp:80'],
    [`${USER}:${ENCODED_PASSWORD}@proxy.corp:3128`, 'proxy.corp:3128'],
  ];
  for (const [input, want] of good) {
    it(`${input.trim()} → ${want}`, () => {
      const got = proxyHostPort(input);
      assert.equal(got, want);
      assert.ok(!got.includes(ENCODED_PASSWORD));
    });
  }

  const bad: Array<[string, RegExp]> = [
    ['', /empty/],
    ['not a url at all', /not a URL/],
    ['socks5://proxy.corp:1080', /scheme "socks5" is not supported/],
    ['ftp://proxy.corp', /scheme "ftp" is not supported/],
    ['http://', /no host/],
    ['http://:8080', /no host/],
    ['http://proxy.corp:99999', /bad port/],
    ['http://proxy.corp:0', /bad port/],
    ['http://proxy.corp:80a', /bad port/],
    ['http://::1:8080', /IPv6/],
    [`http://${USER}:${PASSWORD}@proxy.corp:8080`, /percent-encode/],
    ['http://CORP\\alice:pw@proxy.corp:8080', /percent-encode.*%5C/],
  ];
  for (const [input, message] of bad) {
    it(`rejects ${JSON.stringify(input)}`, () => {
      assert.throws(
        () => proxyHostPort(input),
        (err: unknown) => {
          assert.ok(err instanceof ProxyUrlError, String(err));
          assert.ok(err instanceof Error);
          assert.match(err.message, message);
          assert.ok(!err.message.includes(PASSWORD) && !err.message.includes('p@ss'), err.message);
          return true;
        },
      );
    });
  }
});

describe('redactSecrets', () => {
  it('removes credentials from URLs', () => {
    assert.equal(
      redactSecrets('connect via http://alice:hunter2@proxy.corp:8080 failed'),
      'connect via http://***@proxy.corp:8080 failed',
    );
    assert.equal(redactSecrets('https://user@host/x and HTTP://a:b@c'), 'https://***@host/x and HTTP://***@c');
  });

  it('removes a password holding an unencoded @ from a URL', () => {
    assert.equal(redactSecrets('http://alice:p@ss@proxy:8080/'), 'http://***@proxy:8080/');
  });

  it('leaves URLs without credentials and other text alone', () => {
    const text = 'GET https://api.kingtime.jp/v1.0/divisions → mail admin@example.com';
    assert.equal(redactSecrets(text, []), text);
  });

  it('removes every given secret in raw and URL-encoded forms', () => {
    const text = [PASSWORD, ENCODED_PASSWORD, ENCODED_PASSWORD.toLowerCase(), encodeURI(PASSWORD), EXTRA_SECRET].join(' | ');
    const out = redactSecrets(text, [PASSWORD, EXTRA_SECRET]);
    assert.equal(out, '*** | *** | *** | *** | ***');
  });

  it('ignores empty secrets', () => {
    assert.equal(redactSecrets('abc', ['']), 'abc');
  });
});
