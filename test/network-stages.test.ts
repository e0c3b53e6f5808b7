import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { rootCertificates } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { createProxy } from 'proxy';
import { probeConnection, type ConnectionResult } from '../source/io/connection.js';
import { startNtlmProxy, type NtlmProxy } from './ntlm-server.js';
import { fixture } from './helpers.js';

/**
 * Each stage of the path against real peers on 127.0.0.1: certificates the probe must show (ok, expired,
 * another host's, an unknown issuer), plain HTTP where TLS was expected, a target that stalls behind a
 * working proxy, and NTLM sign-in checked against a known password.
 */
const pem = (name: string) => readFileSync(fixture('tls', name));
const CA = [...rootCertificates, pem('ca.pem').toString()];
const USER = 'alice';
const DOMAIN = 'CORP';
const PASSWORD = 'Ntlm-P@ss/word%1';

const show = (r: ConnectionResult) => JSON.stringify(r.stages);

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.address() as net.AddressInfo).port;
}

describe('the stages against real peers on 127.0.0.1', () => {
  const servers: net.Server[] = [];
  const sockets = new Set<net.Socket>();
  const port: Record<string, number> = {};
  let ntlm: NtlmProxy;
  let negotiateOnly: NtlmProxy;
  const requestsSeen: string[] = [];

  const serve = async (name: string, server: net.Server) => {
    servers.push(server);
    server.on('connection', (s: net.Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    port[name] = await listen(server);
  };

  before(async () => {
    const tlsServer = (cert: string) =>
      https.createServer({ cert: pem(`${cert}.pem`), key: pem(`${cert}-key.pem`) }, (req, res) => {
        requestsSeen.push(`${cert} ${req.url}`);
        res.end('ok');
      });
    await serve('ok', tlsServer('ok'));
    await serve('expired', tlsServer('expired'));
    await serve('wrongHost', tlsServer('wrong-host'));
    await serve('plain', http.createServer((_req, res) => res.end('plain')));
    await serve('silent', net.createServer((s) => s.resume()));
    await serve('proxy', createProxy(http.createServer()));
    ntlm = await startNtlmProxy({ user: USER, domain: DOMAIN, password: PASSWORD });
    negotiateOnly = await startNtlmProxy({ user: USER, domain: DOMAIN, password: PASSWORD, schemes: ['Negotiate'] });
  });

  after(async () => {
    for (const s of sockets) s.destroy();
    await Promise.all([...servers.map((s) => new Promise((r) => s.close(r))), ntlm.close(), negotiateOnly.close()]);
  });

  const probe = (endpoint: string, proxy?: string, extra: { ca?: string[]; timeoutMs?: number } = {}) =>
    probeConnection({ endpoint, ...(proxy ? { proxy } : {}), timeoutMs: extra.timeoutMs ?? 3000, ...(extra.ca ? { ca: extra.ca } : {}), secrets: [PASSWORD] });

  describe('certificates', () => {
    it('a certificate from a CA given to the probe → ok, every stage listed', { timeout: 5000 }, async () => {
      const r = await probe(`https://127.0.0.1:${port.ok}/`, undefined, { ca: CA });
      assert.equal(r.reason, 'ok', show(r));
      assert.deepEqual(r.stages.map((s) => s.stage), ['connect', 'tls', 'http']);
      assert.equal(r.stages[1]!.certificate?.subject, 'CN=localhost, O=Example Corp');
    });

    it('an unknown issuer → tls with the presented chain, and nothing was sent to the server', { timeout: 5000 }, async () => {
      const before = requestsSeen.length;
      const r = await probe(`https://127.0.0.1:${port.ok}/`);
      assert.equal(r.reason, 'tls', show(r));
      assert.equal(r.stage, 'tls');
      assert.equal(r.code, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
      assert.equal(r.certificate?.issuer, 'CN=Example Corp SSL Inspection CA, O=Example Corp');
      assert.deepEqual(r.certificate?.names, ['localhost', '127.0.0.1']);
      assert.match(r.certificate?.sha256 ?? '', /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      assert.equal(requestsSeen.length, before, 'an unverified server never gets the request');
    });

    it('an expired certificate → tls CERT_HAS_EXPIRED with its dates', { timeout: 5000 }, async () => {
      const r = await probe(`https://127.0.0.1:${port.expired}/`, undefined, { ca: CA });
      assert.equal(r.reason, 'tls', show(r));
      assert.equal(r.code, 'CERT_HAS_EXPIRED');
      assert.equal(r.certificate?.validTo.slice(0, 10), '2021-01-01');
    });

    it("another host's certificate → tls with the names it holds", { timeout: 5000 }, async () => {
      const r = await probe(`https://127.0.0.1:${port.wrongHost}/`, undefined, { ca: CA });
      assert.equal(r.reason, 'tls', show(r));
      assert.equal(r.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
      assert.deepEqual(r.certificate?.names, ['other.example', 'www.other.example']);
    });

    it('plain HTTP behind an https:// URL → tls with plainHttp', { timeout: 5000 }, async () => {
      const r = await probe(`https://127.0.0.1:${port.plain}/`);
      assert.equal(r.reason, 'tls', show(r));
      assert.equal(r.plainHttp, true, r.code);
    });

    it('an https:// proxy URL on a plain proxy → proxy-tls with plainHttp (not the target\'s certificate)', { timeout: 5000 }, async () => {
      const r = await probe(`https://127.0.0.1:${port.ok}/`, `https://127.0.0.1:${port.proxy}`);
      assert.equal(r.reason, 'tls', show(r));
      assert.equal(r.stage, 'proxy-tls');
      assert.equal(r.plainHttp, true, r.code);
    });

    it('the same certificate checks hold through a tunnel', { timeout: 5000 }, async () => {
      const r = await probe(`https://127.0.0.1:${port.expired}/`, `http://127.0.0.1:${port.proxy}`, { ca: CA });
      assert.equal(r.reason, 'tls', show(r));
      assert.equal(r.code, 'CERT_HAS_EXPIRED');
      assert.deepEqual(r.stages.map((s) => s.stage), ['proxy-connect', 'tunnel', 'tls']);
    });
  });

  describe('a target that stalls behind a working proxy', () => {
    it('→ timeout at the tls stage, after the tunnel opened (not "no answer from the proxy")', { timeout: 5000 }, async () => {
      const r = await probe(`https://127.0.0.1:${port.silent}/`, `http://127.0.0.1:${port.proxy}`, { timeoutMs: 1000 });
      assert.equal(r.reason, 'timeout', show(r));
      assert.equal(r.stage, 'tls');
      assert.equal(r.stages.find((s) => s.stage === 'tunnel')?.status, 200);
    });

    it('→ timeout at the http stage for an http:// target', { timeout: 5000 }, async () => {
      const r = await probe(`http://127.0.0.1:${port.silent}/`, `http://127.0.0.1:${port.proxy}`, { timeoutMs: 1000 });
      assert.equal(r.reason, 'timeout', show(r));
      assert.equal(r.stage, 'http');
    });
  });

  describe('NTLM sign-in against a proxy that checks the Type 3 message', () => {
    const via = (credentials: string) => `http://${credentials}@127.0.0.1:${ntlm.port}`;

    it('DOMAIN\\user with the right password → ok through the tunnel', { timeout: 5000 }, async () => {
      const r = await probe(`https://127.0.0.1:${port.ok}/`, via(`${DOMAIN}%5C${USER}:${encodeURIComponent(PASSWORD)}`), { ca: CA });
      assert.equal(r.reason, 'ok', show(r));
      const auth = r.stages.find((s) => s.stage === 'proxy-auth');
      assert.deepEqual([auth?.ok, auth?.sent, auth?.authSchemes], [true, 'ntlm', ['NTLM']]);
      assert.ok(!JSON.stringify(r).includes(PASSWORD));
    });

    it('a wrong password → proxy-auth / wrong, after exactly one attempt', { timeout: 5000 }, async () => {
      const before = ntlm.attempts;
      const r = await probe(`https://127.0.0.1:${port.ok}/`, via(`${DOMAIN}%5C${USER}:not-the-password`), { ca: CA });
      assert.equal(r.reason, 'proxy-auth', show(r));
      assert.equal(r.proxyAuth, 'wrong');
      assert.equal(ntlm.attempts - before, 1, 'never retried: each try counts towards lockout');
    });

    it('no account → proxy-auth / missing, with the schemes offered', { timeout: 5000 }, async () => {
      const r = await probe(`https://127.0.0.1:${port.ok}/`, `http://127.0.0.1:${ntlm.port}`);
      assert.equal(r.proxyAuth, 'missing', show(r));
      assert.deepEqual(r.authSchemes, ['NTLM']);
    });

    it('an account without a password → no-password, and nothing is sent', { timeout: 5000 }, async () => {
      const before = ntlm.attempts;
      const r = await probe(`https://127.0.0.1:${port.ok}/`, via(`${DOMAIN}%5C${USER}`));
      assert.equal(r.proxyAuth, 'no-password', show(r));
      assert.equal(ntlm.attempts, before);
    });

    it('a Negotiate-only proxy → unsupported, never called a wrong password, nothing sent', { timeout: 5000 }, async () => {
      const r = await probe(`https://127.0.0.1:${port.ok}/`, `http://${DOMAIN}%5C${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${negotiateOnly.port}`);
      assert.equal(r.reason, 'proxy-auth', show(r));
      assert.equal(r.proxyAuth, 'unsupported');
      assert.deepEqual(r.authSchemes, ['Negotiate']);
      assert.equal(negotiateOnly.attempts, 0);
    });
  });
});
