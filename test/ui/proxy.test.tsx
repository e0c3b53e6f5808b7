import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, describe, it } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { createProxy } from 'proxy';
import { fixture } from '../helpers.js';
import { flat, KEY, pressKeys, renderWizard, stepOf, typeAndWait, waitForFrame } from './helpers.js';

const USER = 'svc-lanscope';
const PASSWORD = 'Pr0xy-S3cret!';
const BASIC = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');

async function listen(server: http.Server | https.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('step 4: proxy', () => {
  // Never the real PC login link: a local target, and a local proxy that wants Basic authentication.
  let target: http.Server;
  let proxyServer: ReturnType<typeof createProxy>;
  let endpoint: string;
  let proxyPort: number;
  before(async () => {
    target = http.createServer((_req, res) => res.end('ok'));
    endpoint = `http://127.0.0.1:${await listen(target)}/`;
    proxyServer = createProxy(http.createServer());
    proxyServer.authenticate = (req) => req.headers['proxy-authorization'] === `Basic ${BASIC}`;
    proxyPort = await listen(proxyServer);
  });
  after(async () => {
    target.closeAllConnections();
    proxyServer.closeAllConnections();
    await Promise.all([new Promise((r) => target.close(r)), new Promise((r) => proxyServer.close(r))]);
  });
  afterEach(() => cleanup());

  const services = () => ({ endpoint });

  it('goes on without a proxy', async () => {
    const h = renderWizard({ step: 4 });
    assert.match(flat(h.lastFrame()), /\[ \] use a proxy server.*direct connection/);
    await pressKeys(h.stdin, KEY.enter);
    assert.equal(stepOf(h.lastFrame()), '5');
    assert.equal(h.saved.at(-1)?.proxy.use, false);
  });

  it('splits host:port typed into the address and goes on; the saved settings hold no password', async () => {
    const h = renderWizard({ step: 4 });
    await pressKeys(h.stdin, KEY.space, KEY.down);
    await typeAndWait(h.stdin, 'http://proxy.example.co.jp:8080');
    await pressKeys(h.stdin, KEY.down, KEY.down, KEY.space, KEY.down);
    await typeAndWait(h.stdin, USER);
    await pressKeys(h.stdin, KEY.down);
    await typeAndWait(h.stdin, PASSWORD);
    const frame = h.lastFrame()!;
    assert.ok(frame.includes('*'.repeat(PASSWORD.length)));
    assert.ok(!frame.includes(PASSWORD));
    await pressKeys(h.stdin, KEY.enter);
    assert.equal(stepOf(h.lastFrame()), '5');
    const saved = h.saved.at(-1)!.proxy;
    assert.deepEqual({ host: saved.host, port: saved.port, auth: saved.auth, user: saved.user }, { host: 'proxy.example.co.jp', port: '8080', auth: true, user: USER });
  });

  it('refuses a bad port and a missing password, and stays', async () => {
    const h = renderWizard({ step: 4, values: { proxy: { use: true, host: 'proxy.local', port: '80800', auth: true, user: USER, password: '' } } });
    await pressKeys(h.stdin, KEY.enter);
    let frame = flat(h.lastFrame());
    assert.equal(stepOf(h.lastFrame()), '4');
    assert.match(frame, /› Port 80800 ✖ give a port number from 1 to 65535/);
    assert.match(frame, /✖ give the password of that account/);
    await pressKeys(h.stdin, KEY.backspace);
    await pressKeys(h.stdin, KEY.enter);
    frame = flat(h.lastFrame());
    assert.match(frame, /› Password/);
    await typeAndWait(h.stdin, PASSWORD);
    await pressKeys(h.stdin, KEY.enter);
    assert.equal(stepOf(h.lastFrame()), '5');
  });

  it('tests a direct connection (local endpoint) with a spinner and shows the result', async () => {
    const h = renderWizard({ step: 4, services: services() });
    await pressKeys(h.stdin, KEY.shiftTab, KEY.enter);
    const frame = await waitForFrame(h.lastFrame, '✔ reached');
    assert.match(flat(frame), /✔ reached http:\/\/127\.0\.0\.1:\d+\/ directly \(HTTP 200, \d+ ms\)/);
    assert.equal(stepOf(frame), '4', 'the test does not leave the step');
  });

  it('tells a proxy that wants authentication, then one that refuses the password, never showing it', async () => {
    const wrong = 'Wr0ng-Passw0rd';
    const h = renderWizard({ step: 4, services: services(), values: { proxy: { use: true, host: '127.0.0.1', port: String(proxyPort), auth: false, user: '', password: '' } } });
    await pressKeys(h.stdin, KEY.shiftTab, KEY.enter);
    let frame = await waitForFrame(h.lastFrame, /✖ the proxy 127\.0\.0\.1:\d+ requires sign-in/);
    assert.match(flat(frame), /proxy sign-in: offers Basic; nothing sent/);
    // The wizard's own words for the advice: the box to tick, not a --proxy URL (ui/i18n.ts, IN_WIZARD).
    assert.match(flat(frame), /→ Tick "the proxy needs authentication"/);
    await pressKeys(h.stdin, KEY.up, KEY.up, KEY.space, KEY.down);
    await typeAndWait(h.stdin, USER);
    await pressKeys(h.stdin, KEY.down);
    await typeAndWait(h.stdin, wrong);
    await pressKeys(h.stdin, KEY.down, KEY.down, KEY.enter);
    frame = await waitForFrame(h.lastFrame, /rejected the account or password \(Basic sign-in, HTTP 407\)/);
    assert.ok(!h.frames.some((f) => f.includes(wrong)), 'the password is never on screen');
  });

  it('passes through the proxy with the right account', async () => {
    const h = renderWizard({ step: 4, services: services(), values: { proxy: { use: true, host: '127.0.0.1', port: String(proxyPort), auth: true, user: USER, password: PASSWORD } } });
    await pressKeys(h.stdin, KEY.shiftTab, KEY.enter);
    const frame = await waitForFrame(h.lastFrame, /✔ reached http/);
    assert.match(flat(frame), new RegExp(`via proxy 127\\.0\\.0\\.1:${proxyPort} \\(HTTP 200`));
    assert.ok(!h.frames.some((f) => f.includes(PASSWORD)));
  });

  it('names an untrusted issuer with the stages, then passes with the CA file given', async () => {
    const tlsTarget = https.createServer({ cert: readFileSync(fixture('tls', 'ok.pem')), key: readFileSync(fixture('tls', 'ok-key.pem')) }, (_req, res) => res.end('ok'));
    const tlsEndpoint = `https://127.0.0.1:${await listen(tlsTarget)}/`;
    try {
      const h = renderWizard({ step: 4, services: { endpoint: tlsEndpoint } });
      await pressKeys(h.stdin, KEY.shiftTab, KEY.enter);
      let frame = flat(await waitForFrame(h.lastFrame, /✖ the certificate/));
      assert.match(frame, /issued by "CN=Example Corp SSL Inspection CA, O=Example Corp", which this machine does not trust/);
      assert.match(frame, /TLS 127\.0\.0\.1:\d+: failed \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/);
      // Advice in the wizard's words: the field, not the flag.
      assert.match(frame, /give it in "CA certificate file" to test again/);
      assert.doesNotMatch(frame, /--ca-file/);
      await pressKeys(h.stdin, KEY.up);
      await typeAndWait(h.stdin, fixture('tls', 'ca.der'));
      await pressKeys(h.stdin, KEY.down, KEY.enter);
      frame = flat(await waitForFrame(h.lastFrame, '✔ reached'));
      assert.match(frame, /✔ reached https:\/\/127\.0\.0\.1:\d+\/ directly \(HTTP 200/);
    } finally {
      tlsTarget.closeAllConnections();
      await new Promise((r) => tlsTarget.close(r));
    }
  });

  it('trusts NODE_EXTRA_CA_CERTS as the wizard was given it (as step 7\'s comparison does), not this process\'s', async () => {
    const tlsTarget = https.createServer({ cert: readFileSync(fixture('tls', 'ok.pem')), key: readFileSync(fixture('tls', 'ok-key.pem')) }, (_req, res) => res.end('ok'));
    const tlsEndpoint = `https://127.0.0.1:${await listen(tlsTarget)}/`;
    try {
      // This process's own NODE_EXTRA_CA_CERTS (a system bundle, or none) does not hold the test CA: only the wizard's does.
      const h = renderWizard({ step: 4, services: { endpoint: tlsEndpoint }, env: { NODE_EXTRA_CA_CERTS: fixture('tls', 'ca.pem') } });
      await pressKeys(h.stdin, KEY.shiftTab, KEY.enter);
      assert.match(flat(await waitForFrame(h.lastFrame, '✔ reached')), /✔ reached https:\/\/127\.0\.0\.1:\d+\/ directly \(HTTP 200/);
      cleanup();
      // And one that does not load is said as NODE_EXTRA_CA_CERTS's, from the same environment.
      const missing = renderWizard({ step: 4, services: { endpoint: tlsEndpoint }, env: { NODE_EXTRA_CA_CERTS: fixture('tls', 'missing.pem') } });
      await pressKeys(missing.stdin, KEY.shiftTab, KEY.enter);
      assert.match(flat(await waitForFrame(missing.lastFrame, /✖ /)), /NODE_EXTRA_CA_CERTS \S*missing\.pem was not loaded: the file does not exist/);
    } finally {
      tlsTarget.closeAllConnections();
      await new Promise((r) => tlsTarget.close(r));
    }
  });

  it('says when the test is not available, keeping the fields', async () => {
    const h = renderWizard({ step: 4, services: { loadProbe: async () => undefined }, values: { proxy: { use: true, host: 'proxy.local', port: '3128', auth: false, user: '', password: '' } } });
    await pressKeys(h.stdin, KEY.shiftTab, KEY.enter);
    const frame = await waitForFrame(h.lastFrame, 'not available');
    assert.match(flat(frame), /Proxy address proxy\.local/);
  });

  it('goes back with Esc and keeps the fields', async () => {
    const h = renderWizard({ step: 4 });
    await pressKeys(h.stdin, KEY.space, KEY.down);
    await typeAndWait(h.stdin, 'proxy.local');
    await pressKeys(h.stdin, KEY.esc);
    assert.equal(stepOf(h.lastFrame()), '3');
    await pressKeys(h.stdin, KEY.enter);
    const frame = flat(h.lastFrame());
    assert.equal(stepOf(h.lastFrame()), '4');
    assert.match(frame, /\[x\] use a proxy server/);
    assert.match(frame, /Proxy address proxy\.local/);
  });

  it('speaks Japanese', async () => {
    const h = renderWizard({ step: 4, lang: 'ja' });
    assert.match(flat(h.lastFrame()), /プロキシサーバーを使用する/);
    assert.match(flat(h.lastFrame()), /への接続テスト/);
  });
});
