import { msg, type Message } from '../../i18n/message.js';
import type { ConnectionResult } from '../connection-stages.js';
import type { ConnectionFact, TrustFact } from '../facts.js';
import { stageLines } from '../stage-lines.js';
import { skip, type Check, type CheckOutcome } from './check.js';

const EXPIRY = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const NAME_MISMATCH = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH']);
const UNKNOWN_ISSUER = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

const hostOf = (hostPort: string) => hostPort.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');

/** The CA files that were given and did not load: said beside any certificate advice. */
function trustNotes(trust: TrustFact | undefined): Message[] {
  return [trust?.caFile, trust?.extraCaCerts]
    .filter((f) => f !== undefined && !f.loaded)
    .map((f) => msg('proxy.caNotLoaded', { file: f!.file, problem: f!.problem ?? 'unreadable', env: f === trust?.extraCaCerts }));
}

function tlsVerdict(r: ConnectionResult, fact: ConnectionFact, peer: string): { detail: Message; advice: Message } {
  const toProxy = r.stage === 'proxy-tls';
  const code = r.code ?? '';
  const cert = r.certificate;
  if (r.plainHttp) {
    return toProxy
      ? { detail: msg('proxy.tlsProxyPlain', { via: r.via }), advice: msg('proxy.tlsProxyPlainAdvice', { via: r.via }) }
      : { detail: msg('proxy.tlsPlain', { peer }), advice: msg('proxy.tlsPlainAdvice', { endpoint: fact.endpoint }) };
  }
  if (EXPIRY.has(code) && cert) {
    return {
      detail: msg('proxy.tlsExpired', { peer, notYet: code === 'CERT_NOT_YET_VALID', validFrom: cert.validFrom.slice(0, 10), validTo: cert.validTo.slice(0, 10) }),
      advice: msg('proxy.tlsExpiredAdvice', {}),
    };
  }
  if (NAME_MISMATCH.has(code) && cert) {
    return { detail: msg('proxy.tlsName', { peer, host: hostOf(peer), names: cert.names.join(', ') || cert.subject }), advice: msg('proxy.tlsNameAdvice', { viaProxy: r.via !== 'direct' }) };
  }
  if (UNKNOWN_ISSUER.has(code)) {
    const issuer = (cert?.chain.at(-1) ?? cert)?.issuer ?? '';
    return {
      detail: msg('proxy.tlsIssuer', { peer, issuer, code, viaProxy: r.via !== 'direct' && !toProxy }),
      advice: msg('proxy.tlsIssuerAdvice', { issuer, caFileGiven: fact.trust?.caFile?.loaded === true }),
    };
  }
  return { detail: msg('proxy.tlsOther', { peer, code }), advice: msg('proxy.tlsOtherAdvice', {}) };
}

function failure(fact: ConnectionFact): { detail: Message; advice: Message } {
  const r = fact.result;
  const seconds = Math.round(fact.timeoutMs / 1000);
  const failed = r.stages.find((s) => !s.ok);
  const peer = failed?.peer ?? '';
  const answer = { status: r.connectStatus ?? 0, statusText: r.connectStatusText ?? '', proxyError: r.proxyError ?? '' };
  switch (r.reason) {
    case 'proxy-unreachable':
      return { detail: msg('proxy.unreachable', { via: r.via, code: r.code ?? '', answered: r.stage !== 'proxy-connect' }), advice: msg('proxy.addressAdvice', {}) };
    case 'proxy-auth':
      switch (r.proxyAuth) {
        case 'wrong':
          return { detail: msg('proxy.authWrong', { via: r.via, scheme: r.stages.find((s) => s.stage === 'proxy-auth')?.sent ?? '', status: answer.status }), advice: msg('proxy.authWrongAdvice', {}) };
        case 'no-password':
          return { detail: msg('proxy.authNoPassword', { via: r.via }), advice: msg('proxy.authNoPasswordAdvice', {}) };
        case 'unsupported':
          return { detail: msg('proxy.authUnsupported', { via: r.via, schemes: (r.authSchemes ?? []).join(', ') }), advice: msg('proxy.authUnsupportedAdvice', { target: hostOf(r.stages.find((s) => s.stage === 'tunnel')?.peer ?? fact.endpoint) }) };
        default:
          return { detail: msg('proxy.authMissing', { via: r.via, schemes: (r.authSchemes ?? []).join(', '), status: answer.status }), advice: msg('proxy.authMissingAdvice', { ntlm: (r.authSchemes ?? []).some((s) => /^ntlm$/i.test(s)) }) };
      }
    case 'proxy-refused':
      return { detail: msg('proxy.refused', { via: r.via, target: peer, ...answer }), advice: msg('proxy.refusedAdvice', { target: peer, ...answer }) };
    case 'proxy-upstream':
      return { detail: msg('proxy.upstream', { via: r.via, target: peer, ...answer }), advice: msg('proxy.upstreamAdvice', { target: peer, ...answer }) };
    case 'dns':
      if (r.at === 'proxy') return { detail: msg('proxy.dnsAtProxy', { via: r.via, host: r.host ?? '', ...answer }), advice: msg('proxy.dnsAtProxyAdvice', { host: r.host ?? '' }) };
      return { detail: msg('proxy.dns', { host: r.host ?? '', code: r.code ?? '', isProxy: r.stage === 'proxy-connect' }), advice: msg('proxy.dnsAdvice', { viaProxy: r.stage === 'proxy-connect' }) };
    case 'timeout':
      return { detail: msg('proxy.timeout', { stage: r.stage, via: r.via, peer, seconds }), advice: msg('proxy.timeoutAdvice', { stage: r.stage, viaProxy: r.via !== 'direct' }) };
    case 'tls':
      return tlsVerdict(r, fact, peer);
    default: {
      if (fact.proxyUrlProblem) {
        const { problem, scheme } = fact.proxyUrlProblem;
        return { detail: msg('proxy.badUrl', { source: fact.proxySource, problem, scheme: scheme ?? '' }), advice: msg('proxy.badUrlAdvice', { source: fact.proxySource }) };
      }
      return { detail: msg('proxy.other', { stage: r.stage, peer, via: r.via, code: r.code ?? '' }), advice: msg('proxy.otherAdvice', { stage: r.stage, viaProxy: r.via !== 'direct' }) };
    }
  }
}

/** The JSON contract of the proxy check's `data` (README: "proxy"). */
function connectionData(fact: ConnectionFact) {
  const r = fact.result;
  const decided = r.connectStatus !== undefined ? { status: r.connectStatus, statusText: r.connectStatusText ?? null } : { status: r.status ?? null, statusText: null };
  return {
    reason: r.reason,
    stage: r.stage,
    via: r.via,
    endpoint: fact.endpoint,
    proxySource: fact.proxySource,
    ...decided,
    proxyStatus: r.connectStatus ?? null,
    proxyError: r.proxyError ?? null,
    authSchemes: r.authSchemes ?? null,
    proxyAuth: r.proxyAuth ?? null,
    host: r.host ?? null,
    at: r.at ?? null,
    code: r.code ?? null,
    certificate: r.certificate ?? null,
    caFile: fact.trust?.caFile ?? null,
    extraCaCerts: fact.trust?.extraCaCerts ?? null,
    stages: r.stages,
    elapsedMs: Math.round(r.elapsedMs),
  };
}

/** What a connection test means, for doctor's check and the wizard's proxy step alike. */
export function describeConnection(fact: ConnectionFact): CheckOutcome & { lines: Message[] } {
  const r = fact.result;
  const data = connectionData(fact);
  const source = fact.proxySource === 'no-proxy' && fact.bypassed ? [msg('proxy.bypassed', { variable: fact.bypassed })] : fact.proxySource !== 'none' && fact.proxySource !== 'wizard' ? [msg('proxy.source', { source: fact.proxySource, via: r.via })] : [];
  const lines = [...source, ...stageLines(r.stages)];
  if (r.reason === 'ok') return { status: 'pass', detail: msg('proxy.ok', { endpoint: fact.endpoint, via: r.via, status: r.status ?? 0, ms: data.elapsedMs }), data, lines };
  if (r.reason === 'http-status') {
    // Any answer means the path works; an error status is the service's business, not the network's.
    return { status: 'warn', detail: msg('proxy.httpStatus', { endpoint: fact.endpoint, via: r.via, status: r.status ?? 0 }), advice: msg('proxy.httpStatusAdvice', {}), data, lines };
  }
  const { detail, advice } = failure(fact);
  return { status: 'fail', detail, advice, data, lines: [...lines, ...trustNotes(fact.trust)] };
}

/**
 * The link service cannot send when it cannot reach PC login link (§2.5). The edge tried the real path
 * stage by stage (through the proxy when there is one); this check names the stage that failed and what to do.
 */
export const proxy: Check = {
  id: 'proxy',
  manual: '§2.5',
  run({ facts }) {
    if (facts.offline) return skip(msg('skip.offline', {}));
    // The wizard tests the connection only when asked (step 4).
    if (!facts.connection) return skip(msg('proxy.notTested', {}));
    return describeConnection(facts.connection);
  },
};
