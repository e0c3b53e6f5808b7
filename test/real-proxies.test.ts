import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { probeConnection, type ConnectionResult } from '../source/io/connection.js';
import { fixture, runCli } from './helpers.js';

/**
 * The probe against the proxies admins run: Debian's squid (Basic via basic_ncsa_auth, NTLM via
 * ntlm_fake_auth, a CONNECT refused by port) and tinyproxy (BasicAuth, ConnectPort), on 127.0.0.1 only.
 * CI installs neither: without them these tests skip and say which package to install.
 */
const SQUID = '/usr/sbin/squid';
const NCSA = '/usr/lib/squid/basic_ncsa_auth';
const NTLM_FAKE = '/usr/lib/squid/ntlm_fake_auth';
const TINYPROXY = '/usr/bin/tinyproxy';
const USER = 'alice';
const PASSWORD = 'S3cr/et:p@ss%';
const CA = [...rootCertificates, readFileSync(fixture('tls', 'ca.pem')).toString()];

const squidMissing = [SQUID, NCSA, NTLM_FAKE, '/usr/bin/openssl'].find((f) => !existsSync(f));
const tinyproxyMissing = !existsSync(TINYPROXY);
const skipSquid = squidMissing ? `squid is not installed (${squidMissing} missing): apt-get install squid apache2-utils` : false;
const skipTinyproxy = tinyproxyMissing ? `tinyproxy is not installed (${TINYPROXY} missing): apt-get install tinyproxy` : false;

const show = (r: ConnectionResult) => JSON.stringify(r.stages);

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const end = Date.now() + 15_000;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`the proxy exited (${child.exitCode}): ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the proxy did not listen on ${port}: ${log()}`);
}

interface Running {
  port: number;
  stop(): Promise<void>;
}

/** Starts a proxy in the foreground with a config in a temp folder; stop() ends it and removes the folder. */
async function startProxy(command: string, args: (dir: string, port: number) => string[], config: (dir: string, port: number) => Record<string, string>): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'lanscope-kot-proxy-'));
  // squid started as root reads its files as the proxy user.
  chmodSync(dir, 0o777);
  const port = await freePort();
  for (const [name, text] of Object.entries(config(dir, port))) writeFileSync(join(dir, name), text, { mode: 0o644 });
  const child = spawn(command, args(dir, port), { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const log = () => output + (existsSync(join(dir, 'cache.log')) ? readFileSync(join(dir, 'cache.log'), 'utf8') : '');
  try {
    await waitForPort(port, child, log);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    port,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const squidConfig = (auth: 'basic' | 'ntlm') => (dir: string, port: number): Record<string, string> => ({
  'squid.conf': [
    `http_port 127.0.0.1:${port}`,
    `pid_filename ${dir}/squid.pid`,
    `cache_log ${dir}/cache.log`,
    `coredump_dir ${dir}`,
    'access_log none',
    'cache deny all',
    'pinger_enable off',
    'shutdown_lifetime 0 seconds',
    // No DNS on loopback: a name that is not an address cannot be forwarded, quickly.
    'dns_nameservers 127.0.0.1',
    'dns_timeout 2 seconds',
    ...(auth === 'basic'
      ? [`auth_param basic program ${NCSA} ${dir}/passwd`, 'auth_param basic realm lanscope-kot test']
      : [`auth_param ntlm program ${NTLM_FAKE}`, 'auth_param ntlm children 2', `auth_param negotiate program ${NTLM_FAKE}`, 'auth_param negotiate children 2']),
    'acl signed_in proxy_auth REQUIRED',
    'acl refused_port port 9',
    'http_access deny refused_port',
    'http_access allow signed_in',
    'http_access deny all',
    '',
  ].join('\n'),
  // basic_ncsa_auth reads crypt/MD5 hashes; htpasswd (apache2-utils) writes them, so does openssl.
  passwd: `${USER}:${spawnSync('openssl', ['passwd', '-apr1', PASSWORD], { encoding: 'utf8' }).stdout.trim()}\n`,
});

describe('squid (Basic, NTLM, a refused CONNECT)', { skip: skipSquid }, () => {
  let basic: Running;
  let ntlm: Running;
  let target: https.Server;
  let targetPort = 0;
  let closedPort = 0;

  before(async () => {
    target = https.createServer({ cert: readFileSync(fixture('tls', 'ok.pem')), key: readFileSync(fixture('tls', 'ok-key.pem')) }, (_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', () => resolve()));
    targetPort = (target.address() as net.AddressInfo).port;
    closedPort = await freePort();
    [basic, ntlm] = await Promise.all([
      startProxy(SQUID, (dir) => ['-N', '-f', join(dir, 'squid.conf')], squidConfig('basic')),
      startProxy(SQUID, (dir) => ['-N', '-f', join(dir, 'squid.conf')], squidConfig('ntlm')),
    ]);
  });

  after(async () => {
    target?.closeAllConnections();
    target?.close();
    await Promise.all([basic?.stop(), ntlm?.stop()]);
  });

  const good = () => `http://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${basic.port}`;
  const probe = (endpoint: string, proxy: string, timeoutMs = 8000) => probeConnection({ endpoint, proxy, timeoutMs, ca: CA, secrets: [PASSWORD] });

  it('Basic with the right password → ok; the password never appears', { timeout: 15_000 }, async () => {
    const r = await probe(`https://127.0.0.1:${targetPort}/`, good());
    assert.equal(r.reason, 'ok', show(r));
    assert.deepEqual(r.stages.map((s) => s.stage), ['proxy-connect', 'proxy-auth', 'tunnel', 'tls', 'http']);
    assert.ok(!JSON.stringify(r).includes(PASSWORD) && !JSON.stringify(r).includes(encodeURIComponent(PASSWORD)));
  });

  it('Basic with a wrong password → proxy-auth / wrong (407, squid says ERR_CACHE_ACCESS_DENIED)', { timeout: 15_000 }, async () => {
    const r = await probe(`https://127.0.0.1:${targetPort}/`, `http://${USER}:wrong-one@127.0.0.1:${basic.port}`);
    assert.deepEqual([r.reason, r.proxyAuth, r.connectStatus], ['proxy-auth', 'wrong', 407], show(r));
    assert.match(r.proxyError ?? '', /^ERR_CACHE_ACCESS_DENIED/);
  });

  it('no account → proxy-auth / missing with Basic offered', { timeout: 15_000 }, async () => {
    const r = await probe(`https://127.0.0.1:${targetPort}/`, `127.0.0.1:${basic.port}`);
    assert.deepEqual([r.reason, r.proxyAuth, r.authSchemes], ['proxy-auth', 'missing', ['Basic']], show(r));
  });

  it('a port its policy refuses → proxy-refused, quoting ERR_ACCESS_DENIED', { timeout: 15_000 }, async () => {
    const r = await probe('https://127.0.0.1:9/', good());
    assert.deepEqual([r.reason, r.stage, r.connectStatus], ['proxy-refused', 'tunnel', 403], show(r));
    assert.match(r.proxyError ?? '', /^ERR_ACCESS_DENIED/);
  });

  it('a closed target port → proxy-upstream (503 ERR_CONNECT_FAIL)', { timeout: 15_000 }, async () => {
    const r = await probe(`https://127.0.0.1:${closedPort}/`, good());
    assert.deepEqual([r.reason, r.connectStatus], ['proxy-upstream', 503], show(r));
    assert.match(r.proxyError ?? '', /^ERR_CONNECT_FAIL/);
  });

  it('a name the proxy cannot forward to → proxy-upstream (squid: ERR_CANNOT_FORWARD), not an address problem', { timeout: 20_000 }, async () => {
    const r = await probe('https://pclogin.invalid/', good(), 15_000);
    assert.equal(r.stage, 'tunnel', show(r));
    assert.ok(r.reason === 'proxy-upstream' || r.reason === 'dns', r.reason);
    assert.match(r.proxyError ?? '', /^ERR_(CANNOT_FORWARD|DNS_FAIL)/);
  });

  it('NTLM (ntlm_fake_auth) with DOMAIN\\user → ok after the Type 1 → 2 → 3 exchange', { timeout: 15_000 }, async () => {
    const r = await probe(`https://127.0.0.1:${targetPort}/`, `http://CORP%5C${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${ntlm.port}`);
    assert.equal(r.reason, 'ok', show(r));
    const auth = r.stages.find((s) => s.stage === 'proxy-auth');
    assert.equal(auth?.sent, 'ntlm');
    assert.deepEqual(auth?.authSchemes, ['NTLM', 'Negotiate']);
  });

  it('NTLM proxy without an account → missing, NTLM and Negotiate offered; the advice names DOMAIN%5Cuser', { timeout: 20_000 }, async () => {
    const run = await runCli(['doctor', '--json', '--timeout', '8', '--proxy', `127.0.0.1:${ntlm.port}`, '--endpoint', `https://127.0.0.1:${targetPort}/`]);
    const check = JSON.parse(run.stdout).checks.find((c: { id: string }) => c.id === 'proxy');
    assert.deepEqual([check.data.reason, check.data.proxyAuth, check.data.authSchemes], ['proxy-auth', 'missing', ['NTLM', 'Negotiate']]);
    assert.match(check.advice, /--proxy http:\/\/USER:PASSWORD@host:port; a Windows account as DOMAIN%5Cuser/);
  });
});

describe('tinyproxy (BasicAuth, ConnectPort)', { skip: skipTinyproxy }, () => {
  let tiny: Running;
  let targetPort = 0;
  let target: https.Server;

  before(async () => {
    target = https.createServer({ cert: readFileSync(fixture('tls', 'ok.pem')), key: readFileSync(fixture('tls', 'ok-key.pem')) }, (_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', () => resolve()));
    targetPort = (target.address() as net.AddressInfo).port;
    tiny = await startProxy(TINYPROXY, (dir) => ['-d', '-c', join(dir, 'tinyproxy.conf')], (dir, port) => ({
      'tinyproxy.conf': [
        `Port ${port}`,
        'Listen 127.0.0.1',
        'Timeout 10',
        'MaxClients 10',
        `BasicAuth ${USER} ${PASSWORD.replace(/[^A-Za-z0-9]/g, '')}`,
        `ConnectPort ${targetPort}`,
        'Allow 127.0.0.1',
        `PidFile "${dir}/tinyproxy.pid"`,
        'LogLevel Critical',
        '',
      ].join('\n'),
    }));
  });

  after(async () => {
    target?.closeAllConnections();
    target?.close();
    await tiny?.stop();
  });

  const tinyPassword = PASSWORD.replace(/[^A-Za-z0-9]/g, '');
  const probe = (endpoint: string, proxy: string) => probeConnection({ endpoint, proxy, timeoutMs: 8000, ca: CA, secrets: [tinyPassword] });

  it('the right BasicAuth → ok', { timeout: 15_000 }, async () => {
    const r = await probe(`https://127.0.0.1:${targetPort}/`, `http://${USER}:${tinyPassword}@127.0.0.1:${tiny.port}`);
    assert.equal(r.reason, 'ok', show(r));
  });

  it('a wrong password (tinyproxy answers 401, not 407) → proxy-auth / wrong', { timeout: 15_000 }, async () => {
    const r = await probe(`https://127.0.0.1:${targetPort}/`, `http://${USER}:wrong-one@127.0.0.1:${tiny.port}`);
    assert.deepEqual([r.reason, r.proxyAuth, r.connectStatus], ['proxy-auth', 'wrong', 401], show(r));
  });

  it('a port outside ConnectPort → proxy-refused, quoting "Access violation"', { timeout: 15_000 }, async () => {
    const r = await probe('https://127.0.0.1:9/', `http://${USER}:${tinyPassword}@127.0.0.1:${tiny.port}`);
    assert.deepEqual([r.reason, r.connectStatus, r.connectStatusText], ['proxy-refused', 403, 'Access violation'], show(r));
  });
});
