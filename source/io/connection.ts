import { performance } from 'node:perf_hooks';
import { Agent, Pool, ProxyAgent, request, type Dispatcher } from 'undici';
import { parseProxyUrl, ProxyUrlError, type ParsedProxy } from '../core/proxy-settings.js';
import type { ConnectionReason, ConnectionResult } from '../core/facts.js';
import { redactSecrets } from '../core/secret.js';

// The probe's callers and tests take the proxy helpers from here, beside the probe that uses them.
export { chooseProxy, proxyHostPort, ProxyUrlError, type ProxyChoice } from '../core/proxy-settings.js';
export { redactSecrets };
export type { ConnectionReason, ConnectionResult } from '../core/facts.js';

export interface ConnectionProbeOptions {
  endpoint: string;
  proxy?: string;
  timeoutMs: number;
  secrets?: string[];
}



// ---------------------------------------------------------------------------
// The request and its classification

interface ErrorInfo {
  name?: string;
  code?: string;
  message: string;
  hostname?: string;
}

function errorChain(err: unknown): ErrorInfo[] {
  const out: ErrorInfo[] = [];
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number) => {
    if (e === null || e === undefined || depth > 8 || seen.has(e)) return;
    seen.add(e);
    if (typeof e !== 'object') {
      out.push({ message: String(e) });
      return;
    }
    const o = e as { name?: unknown; code?: unknown; message?: unknown; hostname?: unknown; cause?: unknown; errors?: unknown };
    out.push({
      name: typeof o.name === 'string' ? o.name : undefined,
      code: typeof o.code === 'string' ? o.code : typeof o.code === 'number' ? String(o.code) : undefined,
      message: typeof o.message === 'string' ? o.message : '',
      hostname: typeof o.hostname === 'string' ? o.hostname : undefined,
    });
    visit(o.cause, depth + 1);
    if (Array.isArray(o.errors)) for (const inner of o.errors) visit(inner, depth + 1);
  };
  visit(err, 0);
  return out;
}

const TLS_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_CRL',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_CHAIN_TOO_LONG',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_TLS_HANDSHAKE_TIMEOUT',
  'EPROTO',
  'UND_ERR_PRX_TLS',
]);
const CHAIN_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);
const TLS_PREFIX = /^(ERR_TLS_|ERR_SSL_|ERR_OSSL_|CERT_|UNABLE_TO_)/;
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_NONAME', 'EAI_FAIL']);
const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
  'ABORT_ERR',
]);
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
const PROXY_STATUS = /Proxy response \((\d{3})\) !== 200/;
const PROXY_407 = /Proxy Authentication Required \(407\)/i;

interface PathState {
  proxyConnected: boolean;
  /** The proxy answered the CONNECT request (any status). */
  connectAnswered: boolean;
  /** A usable connection to the target exists (tunnel and TLS done, or direct connect). */
  targetConnected: boolean;
  responded: boolean;
  timedOut: boolean;
  failure?: unknown;
}

interface PathContext {
  target: URL;
  targetHostPort: string;
  proxy?: ParsedProxy;
  via: string;
  timeoutMs: number;
  secrets: string[];
  started: number;
}

function elapsed(ctx: PathContext): number {
  return Math.round(performance.now() - ctx.started);
}

function finish(ctx: PathContext, result: Omit<ConnectionResult, 'via' | 'elapsedMs'>): ConnectionResult {
  const clean = (s: string) => redactSecrets(s, ctx.secrets);
  const out: ConnectionResult = {
    reason: result.reason,
    via: clean(ctx.via),
    detail: clean(result.detail),
    elapsedMs: elapsed(ctx),
  };
  if (result.status !== undefined) out.status = result.status;
  if (result.proxyAuth !== undefined) out.proxyAuth = result.proxyAuth;
  if (result.host !== undefined) out.host = clean(result.host);
  if (result.code !== undefined) out.code = clean(result.code);
  if (result.proxyStatus !== undefined) out.proxyStatus = result.proxyStatus;
  return out;
}

function firstMessage(chain: ErrorInfo[]): string {
  const m = chain.find((e) => e.message)?.message ?? 'unknown error';
  return m.length > 300 ? `${m.slice(0, 300)}…` : m;
}

function classifyTimeout(ctx: PathContext, state: PathState, code: string | undefined): ConnectionResult {
  const ms = ctx.timeoutMs;
  let detail: string;
  if (ctx.proxy && !state.proxyConnected) {
    detail = `no TCP connection to the proxy ${ctx.via} within ${ms} ms`;
  } else if (ctx.proxy && !state.connectAnswered) {
    detail = `the proxy ${ctx.via} accepted the connection but did not answer the CONNECT request within ${ms} ms`;
  } else if (state.responded) {
    detail = `${ctx.targetHostPort} answered but the body did not complete within ${ms} ms`;
  } else if (!state.targetConnected) {
    detail = ctx.proxy
      ? `the tunnel through ${ctx.via} opened but the connection to ${ctx.targetHostPort} was not established within ${ms} ms`
      : `no TCP connection to ${ctx.targetHostPort} within ${ms} ms`;
  } else {
    detail = `${ctx.targetHostPort} accepted the connection but sent no HTTP answer within ${ms} ms`;
  }
  return finish(ctx, { reason: 'timeout', code: code ?? 'ETIMEDOUT', detail });
}

function classifyError(ctx: PathContext, state: PathState, err: unknown): ConnectionResult {
  const chain = errorChain(err);
  const codes = chain.map((e) => e.code).filter((c): c is string => c !== undefined);
  const message = firstMessage(chain);
  const beforeTunnel = ctx.proxy !== undefined && !state.connectAnswered;

  const proxyStatusMatch = chain.map((e) => PROXY_STATUS.exec(e.message)).find((m) => m !== null);
  const proxyStatus = proxyStatusMatch ? Number(proxyStatusMatch[1]) : undefined;
  if (ctx.proxy && (proxyStatus === 407 || chain.some((e) => PROXY_407.test(e.message)))) {
    const wrong = ctx.proxy.hasCredentials;
    return finish(ctx, {
      reason: 'proxy-auth',
      proxyAuth: wrong ? 'wrong' : 'missing',
      code: codes[0] ?? 'HTTP_407',
      detail: wrong
        ? `the proxy ${ctx.via} rejected the credentials (HTTP 407 to CONNECT; this check sends Basic authentication, so a proxy that accepts only NTLM/Negotiate answers the same)`
        : `the proxy ${ctx.via} requires authentication (HTTP 407 to CONNECT) and no credentials were given`,
    });
  }
  if (ctx.proxy && proxyStatus !== undefined) {
    return finish(ctx, {
      reason: 'other',
      proxyStatus,
      code: codes[0] ?? `HTTP_${proxyStatus}`,
      detail: `the proxy ${ctx.via} refused to open a tunnel to ${ctx.targetHostPort} (HTTP ${proxyStatus} to CONNECT): it cannot reach the target, cannot resolve its name, or its policy forbids it`,
    });
  }

  const tlsCode = codes.find((c) => TLS_CODES.has(c) || TLS_PREFIX.test(c));
  if (tlsCode) {
    const whose =
      ctx.proxy?.protocol === 'https:' && beforeTunnel
        ? `the proxy ${ctx.via}`
        : ctx.targetHostPort;
    const leaf = chain.find((e) => e.code === tlsCode)?.message ?? message;
    const hint = CHAIN_CODES.has(tlsCode)
      ? '; a TLS-inspecting proxy or a private CA may be in the path (Node does not read the Windows certificate store: NODE_EXTRA_CA_CERTS)'
      : '';
    return finish(ctx, {
      reason: 'tls',
      code: tlsCode,
      detail: `TLS verification of ${whose} failed: ${tlsCode} (${leaf})${hint}`,
    });
  }

  const dns = chain.find((e) => e.code !== undefined && DNS_CODES.has(e.code));
  if (dns) {
    const host = dns.hostname ?? (beforeTunnel && !state.proxyConnected ? ctx.proxy!.hostname : ctx.target.hostname);
    const role = ctx.proxy && host.toLowerCase() === ctx.proxy.hostname.toLowerCase() ? 'proxy host' : 'host';
    return finish(ctx, {
      reason: 'dns',
      host,
      code: dns.code!,
      detail: `the ${role} name ${host} could not be resolved (${dns.code})`,
    });
  }

  const timeoutCode = codes.find((c) => TIMEOUT_CODES.has(c));
  if (timeoutCode || chain.some((e) => e.name === 'TimeoutError' || (e.name === 'AbortError' && !e.code))) {
    return classifyTimeout(ctx, state, timeoutCode);
  }

  const connCode = codes.find((c) => CONNECTION_CODES.has(c));
  if (ctx.proxy && beforeTunnel && (connCode || !state.proxyConnected)) {
    const what =
      connCode === 'ECONNREFUSED'
        ? 'connection refused'
        : state.proxyConnected
          ? 'the proxy closed the connection before answering CONNECT'
          : 'no connection';
    return finish(ctx, {
      reason: 'proxy-unreachable',
      code: connCode ?? codes[0] ?? 'UNKNOWN',
      detail: `cannot use the proxy ${ctx.via}: ${what} (${message})`,
    });
  }
  if (ctx.proxy && beforeTunnel && chain.some((e) => e.name === 'HTTPParserError')) {
    return finish(ctx, {
      reason: 'other',
      code: codes[0] ?? 'HPE_INVALID',
      detail: `the proxy ${ctx.via} did not answer in HTTP (is it an HTTP proxy?): ${message}`,
    });
  }
  if (connCode === 'ECONNREFUSED' && !ctx.proxy) {
    return finish(ctx, {
      reason: 'other',
      code: connCode,
      detail: `connection refused by ${ctx.targetHostPort} (nothing listens there, or a firewall rejects it)`,
    });
  }
  if (connCode === 'ENETUNREACH' || connCode === 'EHOSTUNREACH') {
    return finish(ctx, {
      reason: 'other',
      code: connCode,
      detail: `no route to ${ctx.proxy ? `the proxy ${ctx.via}` : ctx.targetHostPort} (${connCode})${ctx.proxy ? '' : '; the network may require a proxy'}`,
    });
  }
  if (connCode) {
    return finish(ctx, {
      reason: 'other',
      code: connCode,
      detail: `the connection to ${ctx.targetHostPort}${ctx.proxy ? ` through ${ctx.via}` : ''} was closed before an HTTP answer (${message})`,
    });
  }
  return finish(ctx, {
    reason: 'other',
    code: codes[0] ?? chain[0]?.name ?? 'UNKNOWN',
    detail: message,
  });
}

export interface PathRequest {
  endpoint: string;
  proxy?: string;
  timeoutMs: number;
  secrets?: string[];
  headers?: Record<string, string>;
  /** Keep at most this many bytes of the body (0 = discard it). */
  maxBodyBytes?: number;
}

export type PathOutcome =
  | { kind: 'response'; status: number; headers: Record<string, string | string[] | undefined>; body: Buffer; truncated: boolean; result: ConnectionResult }
  | { kind: 'failure'; result: ConnectionResult };

const DESTROY_GRACE_MS = 250;
const DEFAULT_TIMEOUT_MS = 10_000;

function observe(pool: Pool, onConnect: () => void, onError: (err: unknown, how: 'connect' | 'disconnect') => void): Pool {
  pool.on('connect', onConnect);
  pool.on('connectionError', (_origin, _targets, err) => onError(err, 'connect'));
  pool.on('disconnect', (_origin, _targets, err) => onError(err, 'disconnect'));
  return pool;
}

function isBenignDisconnect(err: unknown): boolean {
  const code = (err as { code?: unknown } | undefined)?.code;
  // UND_ERR_INFO is the hand-over of the CONNECT socket to the tunnel; DESTROYED is our own shutdown.
  return code === 'UND_ERR_INFO' || code === 'UND_ERR_DESTROYED' || code === 'UND_ERR_CLOSED';
}

function makeDispatcher(
  proxy: ParsedProxy | undefined,
  timeoutMs: number,
  state: PathState,
  fail: (err: unknown) => void,
  targetFactory: (origin: string | URL, options: object) => Dispatcher,
): Dispatcher {
  if (!proxy) {
    return new Agent({
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      connect: { timeout: timeoutMs },
      factory: targetFactory,
    });
  }
  // Credentials go in as a token, not in the URI: undici would decodeURIComponent() them and throw
  // on a literal '%', and its error messages would then carry the URI.
  const token = proxy.hasCredentials
    ? `Basic ${Buffer.from(`${proxy.username}:${proxy.password}`).toString('base64')}`
    : undefined;
  return new ProxyAgent({
    uri: proxy.origin,
    ...(token ? { token } : {}),
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    // ProxyAgent ignores `connect` for both hops; these are where its connect timeouts go.
    proxyTls: { timeout: timeoutMs },
    requestTls: { timeout: timeoutMs },
    clientFactory: (origin: URL, options: object) =>
      observe(
        new Pool(origin, options as Pool.Options),
        () => {
          state.proxyConnected = true;
        },
        (err, how) => {
          if (how === 'disconnect' && (err as { code?: unknown } | undefined)?.code === 'UND_ERR_INFO') {
            state.connectAnswered = true;
            return;
          }
          if (!state.connectAnswered && !isBenignDisconnect(err)) fail(err);
        },
      ),
    factory: targetFactory,
  });
}

/**
 * One GET over the same network path the probe diagnoses. Network failures come back classified
 * (never thrown); an HTTP answer comes back with its status and (up to maxBodyBytes of) its body.
 */
export async function requestOverPath(req: PathRequest): Promise<PathOutcome> {
  const started = performance.now();
  const secrets = (req.secrets ?? []).filter((s) => typeof s === 'string' && s !== '');
  const timeoutMs = Number.isFinite(req.timeoutMs) && req.timeoutMs > 0 ? Math.ceil(req.timeoutMs) : DEFAULT_TIMEOUT_MS;
  let target: URL;
  try {
    target = new URL(req.endpoint);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new TypeError('scheme');
  } catch {
    const ctx: PathContext = { target: new URL('http://invalid'), targetHostPort: '', via: 'direct', timeoutMs, secrets, started };
    return {
      kind: 'failure',
      result: finish(ctx, { reason: 'other', code: 'ERR_INVALID_URL', detail: 'the endpoint is not an http:// or https:// URL' }),
    };
  }
  const targetHostPort = `${target.hostname}:${target.port || (target.protocol === 'https:' ? '443' : '80')}`;

  let proxy: ParsedProxy | undefined;
  if (req.proxy !== undefined && req.proxy.trim() !== '') {
    try {
      proxy = parseProxyUrl(req.proxy);
    } catch (err) {
      const ctx: PathContext = { target, targetHostPort, via: '(invalid proxy URL)', timeoutMs, secrets, started };
      const detail = err instanceof ProxyUrlError ? err.message : 'the proxy URL is not valid';
      return { kind: 'failure', result: finish(ctx, { reason: 'other', code: 'ERR_PROXY_URL', detail }) };
    }
    if (proxy.password !== '') {
      const basic = Buffer.from(`${proxy.username}:${proxy.password}`).toString('base64');
      secrets.push(proxy.password, basic);
      const rawPassword = new URL(req.proxy.trim()).password;
      if (rawPassword !== '') secrets.push(rawPassword);
    }
  }
  const ctx: PathContext = { target, targetHostPort, proxy, via: proxy ? proxy.hostPort : 'direct', timeoutMs, secrets, started };
  const state: PathState = {
    proxyConnected: false,
    connectAnswered: false,
    targetConnected: false,
    responded: false,
    timedOut: false,
  };

  let dispatcher: Dispatcher | undefined;
  let destroying: Promise<void> | undefined;
  const destroy = (): Promise<void> => {
    destroying ??= (dispatcher?.destroy() ?? Promise.resolve()).catch(() => undefined);
    return destroying;
  };
  // undici 7 re-sends a CONNECT whose socket closed and never fails the request (thousands of
  // reconnects a second), and ignores the request's signal while a tunnel is pending: so the first
  // connection-level error ends the attempt here, and the overall timer destroys the dispatcher.
  const fail = (err: unknown) => {
    if (state.failure !== undefined || state.timedOut || state.responded) return;
    state.failure = err;
    setImmediate(() => void destroy());
  };

  const targetFactory = (origin: string | URL, options: object) =>
    observe(
      new Pool(origin, options as Pool.Options),
      () => {
        state.targetConnected = true;
      },
      (err, how) => {
        if (how === 'connect' || !isBenignDisconnect(err)) fail(err);
      },
    );

  try {
    dispatcher = makeDispatcher(proxy, timeoutMs, state, fail, targetFactory);
  } catch (err) {
    return { kind: 'failure', result: classifyError(ctx, state, err) };
  }

  const controller = new AbortController();
  let timeoutReject: (err: unknown) => void = () => undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timeoutReject = reject;
  });
  timedOut.catch(() => undefined);
  const timer = setTimeout(() => {
    state.timedOut = true;
    controller.abort();
    timeoutReject(new Error('overall timeout'));
    void destroy();
  }, timeoutMs);

  const failureResult = (err: unknown): ConnectionResult => {
    if (state.failure !== undefined) return classifyError(ctx, state, state.failure);
    if (state.timedOut) return classifyTimeout(ctx, state, undefined);
    return classifyError(ctx, state, err);
  };

  try {
    let response: Dispatcher.ResponseData;
    try {
      response = await Promise.race([
        request(target, {
          method: 'GET',
          dispatcher,
          signal: controller.signal,
          headers: { 'user-agent': 'lanscope-kot connection check', ...(req.headers ?? {}) },
        }),
        timedOut,
      ]);
    } catch (err) {
      return { kind: 'failure', result: failureResult(err) };
    }
    state.responded = true;
    const limit = Math.max(0, req.maxBodyBytes ?? 0);
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    try {
      const reading = (async () => {
        for await (const chunk of response.body) {
          const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
          if (size + buf.length > limit) {
            if (limit > 0) {
              chunks.push(buf.subarray(0, limit - size));
              truncated = true;
            }
            size = limit;
            break;
          }
          chunks.push(buf);
          size += buf.length;
        }
      })();
      await Promise.race([reading, timedOut]);
    } catch (err) {
      if (limit > 0) {
        // The caller needs the body: a cut-off body is a failure of the path.
        return { kind: 'failure', result: failureResult(err) };
      }
    }
    const status = response.statusCode;
    const ok = status < 400;
    const result = finish(ctx, {
      reason: ok ? 'ok' : 'http-status',
      status,
      detail: `${ctx.targetHostPort} answered HTTP ${status}${proxy ? ` through the proxy ${ctx.via}` : ' (direct)'}`,
    });
    return { kind: 'response', status, headers: response.headers, body: Buffer.concat(chunks), truncated, result };
  } finally {
    clearTimeout(timer);
    const grace = new Promise<void>((resolve) => setTimeout(resolve, DESTROY_GRACE_MS).unref());
    await Promise.race([destroy(), grace]);
  }
}

export async function probeConnection(opts: ConnectionProbeOptions): Promise<ConnectionResult> {
  const outcome = await requestOverPath({
    endpoint: opts.endpoint,
    proxy: opts.proxy,
    timeoutMs: opts.timeoutMs,
    secrets: opts.secrets,
    maxBodyBytes: 0,
  });
  return outcome.result;
}
