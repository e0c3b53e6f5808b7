import { createHmac } from 'node:crypto';
import net from 'node:net';
import jsMd4 from 'js-md4';

/**
 * A small HTTP proxy that signs in with NTLM only and checks the Type 3 message against a known password
 * (NTLMv2: HMAC-MD5 over the server challenge and the client's blob), so "wrong password" is tested too.
 * After a good Type 3 it answers 200 and joins the client to the target. Loopback only.
 */
export interface NtlmProxy {
  port: number;
  /** Type 3 messages received: how many sign-in attempts the client made. */
  attempts: number;
  /** CONNECTs that carried no Proxy-Authorization. */
  bare: number;
  close(): Promise<void>;
}

const CHALLENGE = Buffer.from('0123456789abcdef', 'hex');
const FLAGS = 0x00000002 /* OEM */ | 0x00000200 /* NTLM */ | 0x00080000 /* NTLM2 key */ | 0x00800000; /* target info */

function type2(domain: string): string {
  const info = Buffer.concat([avPair(2, domain), avPair(0, '')]);
  const head = Buffer.alloc(48);
  head.write('NTLMSSP\0', 0, 'latin1');
  head.writeUInt32LE(2, 8);
  head.writeUInt32LE(FLAGS, 20);
  CHALLENGE.copy(head, 24);
  head.writeUInt16LE(info.length, 40);
  head.writeUInt16LE(info.length, 42);
  head.writeUInt32LE(48, 44);
  return Buffer.concat([head, info]).toString('base64');
}

function avPair(id: number, value: string): Buffer {
  const v = Buffer.from(value, 'utf16le');
  const b = Buffer.alloc(4);
  b.writeUInt16LE(id, 0);
  b.writeUInt16LE(v.length, 2);
  return Buffer.concat([b, v]);
}

const field = (msg: Buffer, at: number): Buffer => msg.subarray(msg.readUInt32LE(at + 4), msg.readUInt32LE(at + 4) + msg.readUInt16LE(at));

/** The Type 3 proves knowledge of `password` for the user and domain it names. */
export function type3Matches(type3: Buffer, password: string): { ok: boolean; user: string; domain: string } {
  const ntResponse = field(type3, 20);
  const domain = field(type3, 28).toString('latin1');
  const user = field(type3, 36).toString('latin1');
  const ntHash = Buffer.from(jsMd4.arrayBuffer(Buffer.from(password, 'utf16le')));
  const ntowf2 = createHmac('md5', ntHash).update(Buffer.from(user.toUpperCase() + domain, 'utf16le')).digest();
  const proof = createHmac('md5', ntowf2).update(Buffer.concat([CHALLENGE, ntResponse.subarray(16)])).digest();
  return { ok: ntResponse.length > 16 && proof.equals(ntResponse.subarray(0, 16)), user, domain };
}

export async function startNtlmProxy(opts: { user: string; domain: string; password: string; schemes?: string[] }): Promise<NtlmProxy> {
  const sockets = new Set<net.Socket>();
  const proxy: NtlmProxy = {
    port: 0,
    attempts: 0,
    bare: 0,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const schemes = opts.schemes ?? ['NTLM'];
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      let end: number;
      while ((end = buffered.indexOf('\r\n\r\n')) !== -1) {
        const head = buffered.slice(0, end);
        buffered = buffered.slice(end + 4);
        handle(head);
      }
    };
    const reply = (status: string, headers: string[]) => {
      const body = `<html>${status}</html>`;
      socket.write([`HTTP/1.1 ${status}`, ...headers, `Content-Length: ${body.length}`, 'Connection: keep-alive', '', body].join('\r\n'));
    };
    const handle = (head: string) => {
      const [requestLine, ...lines] = head.split('\r\n');
      const target = /^CONNECT (\S+) HTTP/.exec(requestLine ?? '')?.[1];
      const auth = lines.find((l) => /^proxy-authorization:/i.test(l))?.replace(/^[^:]+:\s*/, '');
      if (!target) return reply('405 Method Not Allowed', []);
      if (!auth) {
        proxy.bare++;
        return reply('407 Proxy Authentication Required', schemes.map((s) => `Proxy-Authenticate: ${s}`));
      }
      const token = Buffer.from(auth.replace(/^NTLM\s+/i, ''), 'base64');
      if (!/^NTLM\s/i.test(auth) || token.length < 12) return reply('407 Proxy Authentication Required', schemes.map((s) => `Proxy-Authenticate: ${s}`));
      const type = token.readUInt32LE(8);
      if (type === 1) return reply('407 Proxy Authentication Required', [`Proxy-Authenticate: NTLM ${type2(opts.domain)}`]);
      proxy.attempts++;
      const checked = type3Matches(token, opts.password);
      if (!checked.ok || checked.user !== opts.user || checked.domain.toUpperCase() !== opts.domain.toUpperCase()) {
        return reply('407 Proxy Authentication Required', schemes.map((s) => `Proxy-Authenticate: ${s}`));
      }
      socket.off('data', onData);
      const [host, port] = [target.slice(0, target.lastIndexOf(':')), Number(target.slice(target.lastIndexOf(':') + 1))];
      const upstream = net.connect({ host, port }, () => {
        socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
        if (buffered) upstream.write(buffered, 'latin1');
        socket.pipe(upstream).pipe(socket);
      });
      sockets.add(upstream);
      upstream.on('error', () => socket.destroy());
      upstream.on('close', () => sockets.delete(upstream));
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  proxy.port = (server.address() as net.AddressInfo).port;
  return proxy;
}
