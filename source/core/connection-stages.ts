/**
 * The way to PC login link (or the Web API) as a sequence of stages, the way `curl -v` shows it: name
 * and TCP to the proxy, TLS to an https:// proxy, the CONNECT exchange (authentication, then the
 * tunnel), TLS to the target, and the HTTP answer. The network edge records each stage it tried; this
 * module says which one failed and what that means. Pure: no sockets here, so every verdict is testable
 * from records alone.
 */

/**
 * - `proxy-connect`: the proxy's name and a TCP connection to it
 * - `proxy-tls`: TLS to an `https://` proxy
 * - `proxy-auth`: the proxy asked for authentication (407, or tinyproxy's 401) and what came of it
 * - `tunnel`: the proxy's answer to CONNECT (200, or its refusal / failure to reach the target)
 * - `connect`: without a proxy, the target's name and a TCP connection to it
 * - `tls`: TLS to the target, its certificate verified
 * - `http`: the target's HTTP answer
 */
export type StageName = 'proxy-connect' | 'proxy-tls' | 'proxy-auth' | 'tunnel' | 'connect' | 'tls' | 'http';

/** A certificate as the peer presented it: enough to tell an inspecting proxy's from the real one. */
export interface CertificateSummary {
  subject: string;
  issuer: string;
  /** subjectAltName DNS names and IP addresses. */
  names: string[];
  /** ISO 8601. */
  validFrom: string;
  validTo: string;
}

export interface PresentedCertificate extends CertificateSummary {
  /** SHA-256 fingerprint of the leaf, AA:BB:… */
  sha256: string;
  /** The issuers above the leaf, as sent (leaf excluded). */
  chain: CertificateSummary[];
}

/** Who answered a proxy's authentication request, and with what. */
export type AuthScheme = 'basic' | 'ntlm';

/** One stage as tried: where, what came back, and whether the way on was open. */
export interface StageRecord {
  stage: StageName;
  /** host:port talked to (never credentials). */
  peer: string;
  ok: boolean;
  /** Low-level code of a failure: ENOTFOUND, ECONNREFUSED, ETIMEDOUT, CERT_HAS_EXPIRED, NOT_HTTP, … */
  code?: string;
  /** The address the peer's name resolved to. */
  address?: string;
  /** HTTP status of the answer (CONNECT or the target's). */
  status?: number;
  /** The reason phrase that came with it ("Access violation", "Forbidden", …): the proxy's own words. */
  statusText?: string;
  /** squid's X-Squid-Error header, e.g. "ERR_ACCESS_DENIED 0". */
  proxyError?: string;
  /** Schemes of Proxy-Authenticate (or WWW-Authenticate on tinyproxy's 401), as sent: "NTLM", "Negotiate", "Basic". */
  authSchemes?: string[];
  /** With proxy-auth: what this tool answered with (none when it had nothing it could send). */
  sent?: AuthScheme;
  /** With tls / proxy-tls: what the peer presented. */
  certificate?: PresentedCertificate;
  elapsedMs: number;
}

/** What the credentials given allow (never the values). */
export interface CredentialsGiven {
  user: boolean;
  password: boolean;
}

export type ConnectionReason =
  | 'ok'
  | 'proxy-unreachable'
  | 'proxy-auth'
  | 'proxy-refused'
  | 'proxy-upstream'
  | 'dns'
  | 'timeout'
  | 'tls'
  | 'http-status'
  | 'other';

export type ProxyAuthProblem = 'missing' | 'wrong' | 'no-password' | 'unsupported';

/** One connection attempt, as recorded and judged: never credentials, never a secret. */
export interface ConnectionResult {
  reason: ConnectionReason;
  /** The stage that failed, or the last one on success. */
  stage: StageName;
  /** 'direct' or the proxy's host:port. */
  via: string;
  /** The target's HTTP status. */
  status?: number;
  /** With dns: the name that did not resolve, and who said so. */
  host?: string;
  at?: 'proxy' | 'local';
  code?: string;
  /** The CONNECT answer that refused the tunnel (stage tunnel or proxy-auth). */
  connectStatus?: number;
  connectStatusText?: string;
  proxyError?: string;
  authSchemes?: string[];
  proxyAuth?: ProxyAuthProblem;
  certificate?: PresentedCertificate;
  /** With tls: the port answered in plain HTTP, not TLS. */
  plainHttp?: boolean;
  stages: StageRecord[];
  elapsedMs: number;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_NONAME', 'EAI_FAIL']);
/** squid's word for "the name did not resolve" (ERR_CANNOT_FORWARD also covers other failures). */
const PROXY_DNS_ERRORS = /^ERR_DNS_FAIL\b/;
const NOT_TLS_CODES = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_HTTP_REQUEST', 'NOT_TLS']);

export const isDnsCode = (code: string | undefined): boolean => code !== undefined && DNS_CODES.has(code);
export const isTimeoutCode = (code: string | undefined): boolean => code === 'ETIMEDOUT';
/** The peer answered a TLS hello in plain HTTP (an http:// proxy or server behind an https:// URL). */
export const isPlainHttpCode = (code: string | undefined): boolean => code !== undefined && NOT_TLS_CODES.has(code);

/** Schemes this tool can answer with, as the proxy spelled them. */
export function usableScheme(schemes: readonly string[]): AuthScheme | undefined {
  const lower = schemes.map((s) => s.toLowerCase());
  // NTLM first: it is what a Windows service with an account and password does against such a proxy.
  if (lower.includes('ntlm')) return 'ntlm';
  if (lower.includes('basic')) return 'basic';
  return undefined;
}

function authProblem(record: StageRecord, credentials: CredentialsGiven): ProxyAuthProblem {
  if (record.sent) return 'wrong';
  if (usableScheme(record.authSchemes ?? []) === undefined && (record.authSchemes ?? []).length > 0) return 'unsupported';
  if (credentials.user && !credentials.password) return 'no-password';
  return 'missing';
}

/**
 * The verdict on a path from its records: the first stage that failed decides, with what it saw. No
 * failed stage and an HTTP answer below 400 is `ok`; 400 and above is `http-status` (the way works).
 */
export function judgePath(stages: readonly StageRecord[], via: string, credentials: CredentialsGiven): ConnectionResult {
  const elapsedMs = stages.reduce((sum, s) => sum + s.elapsedMs, 0);
  const base = { via, stages: [...stages], elapsedMs };
  const failed = stages.find((s) => !s.ok);
  const last = stages.at(-1);
  if (!failed) {
    const status = last?.status ?? 0;
    return { ...base, reason: status >= 400 ? 'http-status' : 'ok', stage: last?.stage ?? 'http', status };
  }
  const at = { ...base, stage: failed.stage, ...(failed.code ? { code: failed.code } : {}) };
  const answer = {
    ...(failed.status !== undefined ? { connectStatus: failed.status } : {}),
    ...(failed.statusText ? { connectStatusText: failed.statusText } : {}),
    ...(failed.proxyError ? { proxyError: failed.proxyError } : {}),
  };
  const peerHost = failed.peer.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  switch (failed.stage) {
    case 'proxy-connect':
    case 'connect':
      if (isDnsCode(failed.code)) return { ...at, reason: 'dns', host: peerHost, at: 'local' };
      if (isTimeoutCode(failed.code)) return { ...at, reason: 'timeout' };
      return { ...at, reason: failed.stage === 'proxy-connect' ? 'proxy-unreachable' : 'other' };
    case 'proxy-tls':
    case 'tls':
      if (isTimeoutCode(failed.code)) return { ...at, reason: 'timeout' };
      return {
        ...at,
        reason: 'tls',
        ...(failed.certificate ? { certificate: failed.certificate } : {}),
        ...(isPlainHttpCode(failed.code) ? { plainHttp: true } : {}),
      };
    case 'proxy-auth':
      if (failed.status === undefined) return { ...at, reason: isTimeoutCode(failed.code) ? 'timeout' : 'proxy-unreachable' };
      return { ...at, ...answer, reason: 'proxy-auth', authSchemes: failed.authSchemes ?? [], proxyAuth: authProblem(failed, credentials) };
    case 'tunnel': {
      // No answer at all: the proxy took the connection and then said nothing, or hung up.
      if (failed.status === undefined) return { ...at, reason: isTimeoutCode(failed.code) ? 'timeout' : failed.code === 'NOT_HTTP' ? 'other' : 'proxy-unreachable' };
      if (failed.proxyError && PROXY_DNS_ERRORS.test(failed.proxyError)) {
        return { ...at, ...answer, reason: 'dns', host: targetHost(stages), at: 'proxy' };
      }
      return { ...at, ...answer, reason: failed.status >= 500 ? 'proxy-upstream' : 'proxy-refused' };
    }
    case 'http':
      return { ...at, reason: isTimeoutCode(failed.code) ? 'timeout' : 'other' };
  }
}

function targetHost(stages: readonly StageRecord[]): string {
  const tunnel = stages.find((s) => s.stage === 'tunnel');
  return (tunnel?.peer ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
}
