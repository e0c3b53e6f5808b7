import type { Duplex } from 'node:stream';

/** The status line and headers of an HTTP answer read straight off a socket (the proxy's answer to CONNECT). */
export interface ResponseHead {
  status: number;
  statusText: string;
  /** Lower-case names; repeated headers (Proxy-Authenticate) keep every value. */
  headers: Map<string, string[]>;
}

export class NotHttpError extends Error {
  override name = 'NotHttpError';
  readonly code = 'NOT_HTTP';
}

export class ClosedError extends Error {
  override name = 'ClosedError';
  readonly code = 'ECONNRESET';
}

const MAX_HEAD_BYTES = 64 * 1024;

export function parseHead(text: string): ResponseHead {
  const lines = text.split('\r\n');
  const m = /^HTTP\/\d(?:\.\d)? (\d{3})(?: (.*))?$/.exec(lines[0] ?? '');
  if (!m) throw new NotHttpError('the answer is not HTTP');
  const headers = new Map<string, string[]>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  return { status: Number(m[1]), statusText: (m[2] ?? '').trim(), headers };
}

/**
 * Reads one answer's head; bytes after it are put back on the socket. Rejects with NotHttpError when
 * the peer does not speak HTTP, ClosedError when it hangs up first.
 */
export function readHead(socket: Duplex): Promise<ResponseHead> {
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    const done = (err: Error | undefined, head?: ResponseHead) => {
      socket.off('data', onData);
      socket.off('end', onClose);
      socket.off('close', onClose);
      socket.off('error', onError);
      if (err) reject(err);
      else resolve(head!);
    };
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length >= 5 && !buffered.subarray(0, 5).equals(Buffer.from('HTTP/'))) return done(new NotHttpError('the answer is not HTTP'));
      const end = buffered.indexOf('\r\n\r\n');
      if (end === -1) {
        if (buffered.length > MAX_HEAD_BYTES) done(new NotHttpError('the answer head is too long'));
        return;
      }
      socket.pause();
      const rest = buffered.subarray(end + 4);
      if (rest.length > 0) socket.unshift(rest);
      try {
        done(undefined, parseHead(buffered.subarray(0, end).toString('latin1')));
      } catch (err) {
        done(err as Error);
      }
    };
    const onClose = () => done(new ClosedError('the connection closed before an answer'));
    const onError = (err: Error) => done(err);
    socket.on('data', onData);
    socket.once('end', onClose);
    socket.once('close', onClose);
    socket.once('error', onError);
    socket.resume();
  });
}

/** Reads and drops the body of an answer whose length is known, so the next request can use the connection. */
export function skipBody(socket: Duplex, head: ResponseHead): Promise<boolean> {
  const length = Number(head.headers.get('content-length')?.[0] ?? 'NaN');
  const closes = /\bclose\b/i.test([...(head.headers.get('connection') ?? []), ...(head.headers.get('proxy-connection') ?? [])].join(','));
  if (!Number.isInteger(length) || length < 0 || closes) return Promise.resolve(false);
  if (length === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    let left = length;
    const cleanup = () => {
      socket.off('data', onData);
      socket.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      if (chunk.length > left) {
        socket.pause();
        socket.unshift(chunk.subarray(left));
        left = 0;
      } else left -= chunk.length;
      if (left === 0) {
        socket.pause();
        cleanup();
        resolve(true);
      }
    };
    const onClose = () => {
      cleanup();
      resolve(false);
    };
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.resume();
  });
}

export const header = (head: ResponseHead, name: string): string[] => head.headers.get(name) ?? [];
