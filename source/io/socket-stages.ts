import net from 'node:net';
import tls from 'node:tls';
import type { StageName, StageRecord } from '../core/connection-stages.js';
import { presentedCertificate } from './certificates.js';
import { errorCode, within, type Deadline } from './deadline.js';

/** A stage's outcome: the record, and the socket to go on with when it worked. */
export type Step<S> = { record: StageRecord; socket?: S };

const since = (started: number) => Date.now() - started;
const ignore = () => undefined;

/** Resolves on `event`, rejects on the socket's error or when the deadline passes (then the socket is destroyed). */
function eventWithin(socket: net.Socket, event: string, deadline: Deadline): Promise<void> {
  const happened = new Promise<void>((resolve, reject) => {
    socket.once(event, () => resolve());
    socket.once('error', reject);
  });
  return within(happened, deadline, () => socket.destroy());
}

/** Name lookup and TCP connection (stage proxy-connect, or connect without a proxy). */
export async function tcpStage(stage: StageName, host: string, port: number, deadline: Deadline): Promise<Step<net.Socket>> {
  const started = Date.now();
  const peer = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const socket = net.connect({ host, port });
  socket.setNoDelay(true);
  // Each stage listens for its own errors; between stages an error must not crash the process.
  socket.on('error', ignore);
  try {
    await eventWithin(socket, 'connect', deadline);
  } catch (err) {
    socket.destroy();
    return { record: { stage, peer, ok: false, code: errorCode(err) ?? 'UNKNOWN', elapsedMs: since(started) } };
  }
  return { record: { stage, peer, ok: true, ...(socket.remoteAddress ? { address: socket.remoteAddress } : {}), elapsedMs: since(started) }, socket };
}

/**
 * TLS over an open socket (stage tls, or proxy-tls for an https:// proxy), verified by Node as always.
 * The certificate is read when the handshake completes, before Node checks it, so a refused one can be
 * shown: nothing is written to a peer that failed verification.
 */
export async function tlsStage(stage: StageName, socket: net.Socket, servername: string, peer: string, ca: string[] | undefined, deadline: Deadline): Promise<Step<tls.TLSSocket>> {
  const started = Date.now();
  const secure = tls.connect({
    socket,
    ...(net.isIP(servername) ? {} : { servername }),
    host: servername,
    ...(ca ? { ca } : {}),
    ALPNProtocols: ['http/1.1'],
  });
  secure.on('error', ignore);
  let certificate: ReturnType<typeof presentedCertificate>;
  // 'secure' is emitted once the handshake is done and before the verification result is acted on.
  secure.prependListener('secure', () => {
    certificate = presentedCertificate(secure.getPeerCertificate(true));
  });
  try {
    await eventWithin(secure, 'secureConnect', deadline);
  } catch (err) {
    secure.destroy();
    socket.destroy();
    return { record: { stage, peer, ok: false, code: errorCode(err) ?? 'UNKNOWN', ...(certificate ? { certificate } : {}), elapsedMs: since(started) } };
  }
  return { record: { stage, peer, ok: true, ...(certificate ? { certificate } : {}), elapsedMs: since(started) }, socket: secure };
}
