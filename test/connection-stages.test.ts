import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { judgePath, type StageRecord } from '../source/core/connection-stages.js';
import { describeConnection } from '../source/core/checks/proxy.js';
import type { ConnectionFact } from '../source/core/facts.js';
import { redactMessage } from '../source/core/redact-message.js';
import { translate } from '../source/i18n/translate.js';

/** The verdict from records alone: what each stage's answer means, without a socket. */
const PROXY = '10.0.0.1:8080';
const TARGET = 'pclogin.secomtrust.net:443';
const tcp: StageRecord = { stage: 'proxy-connect', peer: PROXY, ok: true, elapsedMs: 1 };
const tunnel = (over: Partial<StageRecord>): StageRecord => ({ stage: 'tunnel', peer: TARGET, ok: false, elapsedMs: 1, ...over });
const auth = (over: Partial<StageRecord>): StageRecord => ({ stage: 'proxy-auth', peer: PROXY, ok: false, status: 407, elapsedMs: 1, ...over });
const judge = (stages: StageRecord[], credentials = { user: true, password: true }) => judgePath(stages, PROXY, credentials);

describe('judgePath', () => {
  it('squid ERR_DNS_FAIL → dns at the proxy, naming the target host', () => {
    const r = judge([tcp, tunnel({ status: 503, statusText: 'Service Unavailable', proxyError: 'ERR_DNS_FAIL 0' })]);
    assert.deepEqual([r.reason, r.at, r.host, r.stage], ['dns', 'proxy', 'pclogin.secomtrust.net', 'tunnel']);
  });

  it('403 → proxy-refused; 500/503 → proxy-upstream; both keep the answer', () => {
    const refused = judge([tcp, tunnel({ status: 403, statusText: 'Filtered' })]);
    assert.deepEqual([refused.reason, refused.connectStatus, refused.connectStatusText], ['proxy-refused', 403, 'Filtered']);
    const upstream = judge([tcp, tunnel({ status: 500, proxyError: 'ERR_CANNOT_FORWARD 0' })]);
    assert.deepEqual([upstream.reason, upstream.proxyError], ['proxy-upstream', 'ERR_CANNOT_FORWARD 0']);
  });

  it('sign-in: missing, no-password, unsupported, wrong', () => {
    assert.equal(judge([tcp, auth({ authSchemes: ['Basic'] })], { user: false, password: false }).proxyAuth, 'missing');
    assert.equal(judge([tcp, auth({ authSchemes: ['NTLM'] })], { user: true, password: false }).proxyAuth, 'no-password');
    assert.equal(judge([tcp, auth({ authSchemes: ['Negotiate'] })]).proxyAuth, 'unsupported');
    assert.equal(judge([tcp, auth({ authSchemes: ['NTLM', 'Negotiate'], sent: 'ntlm' })]).proxyAuth, 'wrong');
    assert.equal(judge([tcp, auth({ status: 401, authSchemes: ['Basic'], sent: 'basic' })]).proxyAuth, 'wrong');
  });

  it('a timeout names its stage: the proxy, the tunnel, or the target behind a working proxy', () => {
    assert.deepEqual(Object.values(pick(judge([{ ...tcp, ok: false, code: 'ETIMEDOUT' }]))), ['timeout', 'proxy-connect']);
    assert.deepEqual(Object.values(pick(judge([tcp, tunnel({ code: 'ETIMEDOUT' })]))), ['timeout', 'tunnel']);
    const behind = judge([tcp, tunnel({ ok: true, status: 200 }), { stage: 'tls', peer: TARGET, ok: false, code: 'ETIMEDOUT', elapsedMs: 1 }]);
    assert.deepEqual(Object.values(pick(behind)), ['timeout', 'tls']);
  });

  it('a name that does not resolve here → dns at local; an unknown error at CONNECT → proxy-unreachable', () => {
    const r = judge([{ ...tcp, peer: 'proxy.corp:8080', ok: false, code: 'ENOTFOUND' }]);
    assert.deepEqual([r.reason, r.at, r.host], ['dns', 'local', 'proxy.corp']);
    assert.equal(judge([tcp, tunnel({ code: 'ECONNRESET' })]).reason, 'proxy-unreachable');
  });

  it('every stage passed: ok below 400, http-status from 400', () => {
    const http = (status: number): StageRecord => ({ stage: 'http', peer: TARGET, ok: true, status, elapsedMs: 1 });
    assert.equal(judge([tcp, tunnel({ ok: true, status: 200 }), http(302)]).reason, 'ok');
    assert.equal(judge([tcp, tunnel({ ok: true, status: 200 }), http(503)]).reason, 'http-status');
  });
});

const pick = (r: ReturnType<typeof judge>) => ({ reason: r.reason, stage: r.stage });

describe('describeConnection, in both languages', () => {
  const fact = (stages: StageRecord[], credentials = { user: true, password: true }): ConnectionFact => ({
    endpoint: `https://${TARGET.replace(':443', '')}/`,
    proxySource: 'HTTPS_PROXY',
    timeoutMs: 10_000,
    result: judge(stages, credentials),
  });

  it('a refusal asks the proxy administrator to allow the target, quoting the proxy', () => {
    const d = describeConnection(fact([tcp, tunnel({ status: 403, statusText: 'Access violation' })]));
    assert.equal(d.status, 'fail');
    assert.match(translate(d.advice!, 'en'), /Ask the proxy administrator to allow CONNECT to pclogin\.secomtrust\.net:443 .*403 Access violation/);
    assert.match(translate(d.advice!, 'ja'), /プロキシ管理者に、このサーバーから pclogin\.secomtrust\.net:443 への CONNECT を許可/);
    assert.deepEqual(d.lines.map((l) => translate(l, 'en')), [
      `proxy ${PROXY} from HTTPS_PROXY`,
      `proxy ${PROXY}: TCP connected, 1 ms`,
      `CONNECT ${TARGET}: HTTP 403 Access violation, 1 ms`,
    ]);
  });

  it('Negotiate only: not a wrong password, in either language', () => {
    const d = describeConnection(fact([tcp, auth({ authSchemes: ['Negotiate'] })]));
    assert.match(translate(d.detail, 'en'), /accepts only Negotiate sign-in.*this is not a wrong password/);
    assert.match(translate(d.detail, 'ja'), /パスワードの誤りではありません/);
  });

  it('a value with URL credentials is redacted where it enters a message; the advice template stays as written', () => {
    const d = describeConnection(fact([tcp, auth({ authSchemes: ['Basic'] })], { user: false, password: false }));
    const advice = translate(redactMessage(d.advice!, ['hunter22']), 'en');
    assert.match(advice, /--proxy http:\/\/USER:PASSWORD@host:port/);
    const leaky = describeConnection({ ...fact([tcp, tunnel({ status: 403, statusText: 'denied for http://bob:hunter22@proxy' })]) });
    assert.match(translate(redactMessage(leaky.detail, ['hunter22']), 'en'), /denied for http:\/\/\*\*\*@proxy/);
  });
});
