import type { Socket } from 'node:net';
import type { Duplex, Readable } from 'node:stream';
import { Client } from 'undici';
import { judgePath, type ConnectionResult, type StageRecord } from '../core/connection-stages.js';
import { parseProxyUrl, type ParsedProxy } from '../core/proxy-settings.js';
import { redactSecrets } from '../core/secret.js';
import { Deadline, errorCode, within } from './deadline.js';
import { connectStage } from './proxy-connect.js';
import { tcpStage, tlsStage, type Step } from './socket-stages.js';

// The probe's callers and tests take the proxy helpers from here, beside the probe that uses them.
export { chooseProxy, proxyHostPort, ProxyUrlError, type ProxyChoice } from '../core/proxy-settings.js';
export type { ConnectionReason, ConnectionResult } from '../core/connection-stages.js';

export interface ConnectionProbeOptions {
  endpoint: string;
  proxy?: string;
  timeoutMs: number;
  secrets?: string[];
  /** Trusted CAs in PEM (public roots included) when --ca-file or NODE_EXTRA_CA_CERTS added some. */
  ca?: string[];
}

export interface PathRequest extends ConnectionProbeOptions {
  headers?: Record<string, string>;
}

export type PathOutcome =
  | {
      kind: 'response';
      status: number;
      headers: Record<string, string | string[] | undefined>;
      /** Read it to the end or destroy it; chunks stop coming after timeoutMs of silence. */
      body: Readable;
      result: ConnectionResult;
      close(): Promise<void>;
    }
  | { kind: 'failure'; result: ConnectionResult };

const DEFAULT_TIMEOUT_MS = 10_000;

interface Target {
  url: URL;
  host: string;
  port: number;
  hostPort: string;
}

function targetOf(endpoint: string): Target | undefined {
  try {
    const url = new URL(endpoint);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    const host = url.hostname.replace(/^\[|\]$/g, '');
    return { url, host, port, hostPort: `${url.hostname}:${port}` };
  } catch {
    return undefined;
  }
}

/** A result for a request that never left: the endpoint or proxy URL cannot be used (the caller says why). */
function invalid(via: string, kind: 'endpoint' | 'proxy'): PathOutcome {
  return {
    kind: 'failure',
    result: { reason: 'other', stage: kind === 'proxy' ? 'proxy-connect' : 'connect', via, code: kind === 'proxy' ? 'ERR_PROXY_URL' : 'ERR_INVALID_URL', stages: [], elapsedMs: 0 },
  };
}

/** Opens a connection to the proxy: TCP, then TLS for an https:// proxy. */
async function openProxy(proxy: ParsedProxy, deadline: Deadline, ca: string[] | undefined): Promise<{ records: StageRecord[]; socket?: Duplex }> {
  const port = Number(proxy.hostPort.slice(proxy.hostPort.lastIndexOf(':') + 1));
  const tcp = await tcpStage('proxy-connect', proxy.hostname, port, deadline);
  if (!tcp.socket || proxy.protocol === 'http:') return { records: [tcp.record], ...(tcp.socket ? { socket: tcp.socket } : {}) };
  const secure = await tlsStage('proxy-tls', tcp.socket, proxy.hostname, proxy.hostPort, ca, deadline);
  return { records: [tcp.record, secure.record], ...(secure.socket ? { socket: secure.socket } : {}) };
}

/** The stages up to a connection that speaks HTTP with the target: through the proxy's tunnel, or direct. */
async function openPath(target: Target, proxy: ParsedProxy | undefined, deadline: Deadline, ca: string[] | undefined): Promise<{ records: StageRecord[]; socket?: Duplex }> {
  const records: StageRecord[] = [];
  let socket: Duplex | undefined;
  if (proxy) {
    const opened = await openProxy(proxy, deadline, ca);
    records.push(...opened.records);
    if (!opened.socket) return { records };
    const reopen = async (): Promise<Step<Duplex>> => {
      const again = await openProxy(proxy, deadline, ca);
      const failed = again.records.find((r) => !r.ok) ?? again.records[0]!;
      return again.socket ? { record: again.records.at(-1)!, socket: again.socket } : { record: failed };
    };
    const tunnel = await connectStage(opened.socket, { target: target.hostPort, proxy: proxy.hostPort, username: proxy.username, password: proxy.password, reopen, deadline });
    records.push(...tunnel.records);
    if (!tunnel.socket) return { records };
    socket = tunnel.socket;
  } else {
    const tcp = await tcpStage('connect', target.host, target.port, deadline);
    records.push(tcp.record);
    if (!tcp.socket) return { records };
    socket = tcp.socket;
  }
  if (target.url.protocol === 'http:') return { records, socket };
  const secure = await tlsStage('tls', socket as Socket, target.host, target.hostPort, ca, deadline);
  records.push(secure.record);
  return secure.socket ? { records, socket: secure.socket } : { records };
}

/** Strings that came from a peer (reason phrases, squid's header, certificate names) may echo a secret. */
function cleanRecords(records: StageRecord[], secrets: string[]): StageRecord[] {
  const clean = (s: string) => redactSecrets(s, secrets);
  return records.map((r) => ({
    ...r,
    ...(r.statusText !== undefined ? { statusText: clean(r.statusText) } : {}),
    ...(r.proxyError !== undefined ? { proxyError: clean(r.proxyError) } : {}),
  }));
}

const HTTP_TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * One GET over the network path the probe diagnoses, stage by stage. Failures come back judged, never
 * thrown; an HTTP answer comes back with its body as a stream. `timeoutMs` bounds everything up to the
 * answer's head; after that, the body may take as long as it keeps flowing (no gap of timeoutMs).
 */
export async function requestOverPath(req: PathRequest): Promise<PathOutcome> {
  const secrets = (req.secrets ?? []).filter((s) => typeof s === 'string' && s !== '');
  const timeoutMs = Number.isFinite(req.timeoutMs) && req.timeoutMs > 0 ? Math.ceil(req.timeoutMs) : DEFAULT_TIMEOUT_MS;
  const target = targetOf(req.endpoint);
  if (!target) return invalid('direct', 'endpoint');
  let proxy: ParsedProxy | undefined;
  if (req.proxy !== undefined && req.proxy.trim() !== '') {
    try {
      proxy = parseProxyUrl(req.proxy);
    } catch {
      return invalid('(invalid proxy URL)', 'proxy');
    }
    if (proxy.password !== '') secrets.push(proxy.password, Buffer.from(`${proxy.username}:${proxy.password}`).toString('base64'));
  }
  const via = proxy ? proxy.hostPort : 'direct';
  const credentials = { user: (proxy?.username ?? '') !== '', password: (proxy?.password ?? '') !== '' };
  const deadline = new Deadline(timeoutMs);
  const opened = await openPath(target, proxy, deadline, req.ca);
  const judge = (records: StageRecord[]) => judgePath(cleanRecords(records, secrets), via, credentials);
  if (!opened.socket) return { kind: 'failure', result: judge(opened.records) };

  const socket = opened.socket;
  const started = Date.now();
  let handed = false;
  const client = new Client(target.url.origin, {
    // The path is already open: undici speaks HTTP over it, once.
    connect: (_options, callback) => {
      if (handed) return process.nextTick(() => callback(Object.assign(new Error('the connection closed'), { code: 'UND_ERR_SOCKET' }), null));
      handed = true;
      // undici 7 stalls when the connector answers synchronously: hand the socket over on the next tick.
      process.nextTick(() => callback(null, socket as Socket));
    },
    headersTimeout: Math.max(1, deadline.remaining()),
    bodyTimeout: timeoutMs,
    pipelining: 1,
  });
  const close = async () => {
    await client.destroy().catch(() => undefined);
    socket.destroy();
  };
  const path = `${target.url.pathname}${target.url.search}`;
  try {
    const response = await within(
      client.request({ path, method: 'GET', headers: { host: target.url.host, 'user-agent': 'lanscope-kot connection check', ...(req.headers ?? {}) } }),
      deadline,
      () => void close(),
    );
    const record: StageRecord = { stage: 'http', peer: target.hostPort, ok: true, status: response.statusCode, elapsedMs: Date.now() - started };
    return { kind: 'response', status: response.statusCode, headers: response.headers, body: response.body, result: judge([...opened.records, record]), close };
  } catch (err) {
    await close();
    const code = errorCode(err) ?? 'UNKNOWN';
    const record: StageRecord = { stage: 'http', peer: target.hostPort, ok: false, code: HTTP_TIMEOUT_CODES.has(code) ? 'ETIMEDOUT' : code, elapsedMs: Date.now() - started };
    return { kind: 'failure', result: judge([...opened.records, record]) };
  }
}

/** The connection test: the stages to the endpoint and its HTTP status, the body dropped. */
export async function probeConnection(opts: ConnectionProbeOptions): Promise<ConnectionResult> {
  const outcome = await requestOverPath(opts);
  if (outcome.kind === 'response') {
    outcome.body.resume();
    await outcome.close();
  }
  return outcome.result;
}
