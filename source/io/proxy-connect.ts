import type { Duplex } from 'node:stream';
import ntlm, { type Type2Message } from '@ewsjs/ntlm-client';
import { usableScheme, type AuthScheme, type StageRecord } from '../core/connection-stages.js';
import { errorCode, within, type Deadline } from './deadline.js';
import { header, readHead, skipBody, type ResponseHead } from './response-head.js';
import type { Step } from './socket-stages.js';

/**
 * Everything that happens at CONNECT, in one place. The first CONNECT goes without credentials: a proxy
 * that needs none opens the tunnel and never sees the password; one that does names its schemes
 * (Proxy-Authenticate, or WWW-Authenticate on tinyproxy's 401). Then exactly one authenticated attempt:
 * NTLM (Type 1 → 2 → 3 on one connection, as a Windows service would) when offered, else Basic. A
 * refused attempt is never retried: against Active Directory each try counts towards account lockout.
 */
export interface ConnectRequest {
  /** host:port of the target. */
  target: string;
  /** host:port of the proxy, for the records. */
  proxy: string;
  /** As given: "DOMAIN\user" or "user@domain" for NTLM. */
  username: string;
  password: string;
  /** A new connection to the proxy (TCP, and TLS for an https:// proxy), when the first cannot be reused. */
  reopen: () => Promise<Step<Duplex>>;
  deadline: Deadline;
}

const since = (started: number) => Date.now() - started;

function send(socket: Duplex, target: string, authorization?: string): void {
  const lines = [`CONNECT ${target} HTTP/1.1`, `Host: ${target}`, 'User-Agent: lanscope-kot connection check', 'Proxy-Connection: Keep-Alive'];
  if (authorization) lines.push(`Proxy-Authorization: ${authorization}`);
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
}

function answer(socket: Duplex, deadline: Deadline): Promise<ResponseHead> {
  return within(readHead(socket), deadline, () => socket.destroy());
}

/** Schemes as the proxy names them ("NTLM", "Negotiate", "Basic"), from every challenge header. */
export function authSchemes(head: ResponseHead): string[] {
  const values = [...header(head, 'proxy-authenticate'), ...(head.status === 401 ? header(head, 'www-authenticate') : [])];
  const schemes = values.map((v) => /^\s*([A-Za-z0-9_-]+)/.exec(v)?.[1] ?? '').filter((s) => s !== '');
  return [...new Set(schemes)];
}

const asksForAuth = (head: ResponseHead): boolean => head.status === 407 || head.status === 401;

function answerFields(head: ResponseHead) {
  const squid = header(head, 'x-squid-error')[0];
  return { status: head.status, ...(head.statusText ? { statusText: head.statusText } : {}), ...(squid ? { proxyError: squid } : {}) };
}

/** DOMAIN\user → the domain and the user NTLM sends; user@domain and plain names go as they are. */
export function ntlmIdentity(username: string): { domain: string; user: string } {
  const slash = username.indexOf('\\');
  return slash === -1 ? { domain: '', user: username } : { domain: username.slice(0, slash), user: username.slice(slash + 1) };
}

const NTLM_UNICODE = 0x1;
const NTLM2_KEY = 0x80000;
const NTLM_TARGET_INFO = 0x800000;

/**
 * The Type 2 (challenge) message, read leniently: the library's own decoder refuses a target name whose
 * offset is out of range (squid's ntlm_fake_auth sends one) and expects target info whenever NTLMv2 is
 * negotiated. Only the flags, the challenge and the target info are needed to answer.
 */
export function decodeChallenge(headerValue: string): Type2Message & { targetInfo: { buffer: Buffer } } {
  const buf = Buffer.from(headerValue.replace(/^NTLM\s+/i, ''), 'base64');
  if (buf.length < 32 || buf.toString('latin1', 0, 8) !== 'NTLMSSP\0' || buf.readUInt32LE(8) !== 2) {
    throw Object.assign(new Error('the proxy sent no valid NTLM challenge'), { code: 'NTLM_BAD_CHALLENGE' });
  }
  const flags = buf.readUInt32LE(20);
  let targetInfo = Buffer.alloc(0);
  if (flags & NTLM_TARGET_INFO && buf.length >= 48) {
    const length = buf.readUInt16LE(40);
    const offset = buf.readUInt32LE(44);
    if (offset >= 32 && offset + length <= buf.length) targetInfo = Buffer.from(buf.subarray(offset, offset + length));
  }
  return {
    flags,
    encoding: flags & NTLM_UNICODE ? 'ucs2' : 'ascii',
    version: flags & NTLM2_KEY ? 2 : 1,
    challenge: Buffer.from(buf.subarray(24, 32)),
    targetName: '',
    targetInfo: { buffer: targetInfo },
  };
}

async function authenticate(socket: Duplex, scheme: AuthScheme, req: ConnectRequest): Promise<ResponseHead> {
  if (scheme === 'basic') {
    send(socket, req.target, `Basic ${Buffer.from(`${req.username}:${req.password}`).toString('base64')}`);
    return answer(socket, req.deadline);
  }
  const { domain, user } = ntlmIdentity(req.username);
  send(socket, req.target, ntlm.createType1Message('', domain));
  const challenge = await answer(socket, req.deadline);
  const type2 = header(challenge, 'proxy-authenticate').find((v) => /^NTLM\s+\S/i.test(v));
  // No challenge: the proxy did not take part in the handshake; its answer says why.
  if (challenge.status !== 407 || !type2) return challenge;
  if (!(await within(skipBody(socket, challenge), req.deadline, () => socket.destroy()))) {
    throw Object.assign(new Error('the proxy closed the connection in the middle of the NTLM handshake'), { code: 'NTLM_CLOSED' });
  }
  send(socket, req.target, ntlm.createType3Message(decodeChallenge(type2), user, req.password, '', domain));
  return answer(socket, req.deadline);
}

/**
 * Records `proxy-auth` (when the proxy asked) and `tunnel`; hands back the socket when the tunnel is open.
 * `socket` is an open connection to the proxy.
 */
export async function connectStage(socket: Duplex, req: ConnectRequest): Promise<{ records: StageRecord[]; socket?: Duplex }> {
  let started = Date.now();
  const tunnelFailed = (err: unknown, stage: 'tunnel' | 'proxy-auth', extra: Partial<StageRecord> = {}) => {
    socket.destroy();
    return { stage, peer: stage === 'tunnel' ? req.target : req.proxy, ok: false, code: errorCode(err) ?? 'UNKNOWN', ...extra, elapsedMs: since(started) };
  };
  let head: ResponseHead;
  try {
    send(socket, req.target);
    head = await answer(socket, req.deadline);
  } catch (err) {
    return { records: [tunnelFailed(err, 'tunnel')] };
  }
  const records: StageRecord[] = [];
  if (asksForAuth(head)) {
    const schemes = authSchemes(head);
    const scheme = usableScheme(schemes);
    const asked = { stage: 'proxy-auth' as const, peer: req.proxy, ...answerFields(head), authSchemes: schemes };
    if (!scheme || req.username === '' || req.password === '') {
      socket.destroy();
      return { records: [{ ...asked, ok: false, elapsedMs: since(started) }] };
    }
    try {
      if (!(await within(skipBody(socket, head), req.deadline, () => socket.destroy()))) {
        socket.destroy();
        const again = await req.reopen();
        if (!again.socket) return { records: [{ ...asked, ok: false, sent: scheme, code: again.record.code ?? 'UNKNOWN', elapsedMs: since(started) }] };
        socket = again.socket;
      }
      head = await authenticate(socket, scheme, req);
    } catch (err) {
      return { records: [tunnelFailed(err, 'proxy-auth', { authSchemes: schemes, sent: scheme })] };
    }
    if (asksForAuth(head)) {
      socket.destroy();
      return { records: [{ ...asked, ...answerFields(head), ok: false, sent: scheme, elapsedMs: since(started) }] };
    }
    records.push({ ...asked, ok: true, sent: scheme, elapsedMs: since(started) });
    started = Date.now();
  }
  const ok = head.status >= 200 && head.status < 300;
  records.push({ stage: 'tunnel', peer: req.target, ok, ...answerFields(head), elapsedMs: since(started) });
  if (!ok) {
    socket.destroy();
    return { records };
  }
  return { records, socket };
}
