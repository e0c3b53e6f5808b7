import { BlockList, isIP } from 'node:net';

/**
 * Proxy settings as an admin types them (--proxy, the wizard's fields) or the environment holds them
 * (HTTPS_PROXY, NO_PROXY). Pure: parsing and choosing only, so --help and option checks stay light.
 */
export interface ProxyChoice {
  url?: string;
  /** --proxy ('flag'), the environment variable it came from ('HTTPS_PROXY', 'all_proxy', …), or none. */
  source: 'flag' | ProxyVariable | 'none' | 'no-proxy';
  /** With 'no-proxy': the variable that named a proxy NO_PROXY then bypassed. */
  bypassed?: ProxyVariable;
}

export type ProxyVariable = 'https_proxy' | 'HTTPS_PROXY' | 'http_proxy' | 'HTTP_PROXY' | 'all_proxy' | 'ALL_PROXY';

/** What is wrong with a proxy URL, as a catalog key can say it (the URL itself is never repeated: it may hold a password). */
export type ProxyUrlProblem = 'empty' | 'not-url' | 'scheme' | 'userinfo' | 'ipv6-unterminated' | 'ipv6-brackets' | 'bad-port' | 'no-host' | 'invalid-host';

export class ProxyUrlError extends Error {
  override name = 'ProxyUrlError';
  constructor(
    readonly problem: ProxyUrlProblem,
    message: string,
    /** With 'scheme': the scheme given (socks5, ftp, …). */
    readonly scheme?: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------
// Proxy URLs

export interface ParsedProxy {
  /** Proxy origin without credentials, e.g. http://proxy.example.com:8080 */
  origin: string;
  protocol: 'http:' | 'https:';
  hostname: string;
  hostPort: string;
  username: string;
  password: string;
  hasCredentials: boolean;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    // A lone '%' (e.g. "50%off") is meant literally: WHATWG URL leaves it as is.
    return part;
  }
}

/**
 * Reads a proxy URL as curl does: `host:port` and `user:pass@host:port` without a scheme mean http://.
 * Credentials must be percent-encoded (DOMAIN\\user as DOMAIN%5Cuser).
 */
export function parseProxyUrl(raw: string): ParsedProxy {
  const given = raw.trim();
  if (given === '') throw new ProxyUrlError('empty', 'the proxy URL is empty');
  if (/\s/.test(given)) throw new ProxyUrlError('not-url', 'the proxy URL is not a URL (expected http://host:port)');
  const text = SCHEME.test(given) ? given : `http://${given}`;
  const scheme = SCHEME.exec(text)!;
  const protocol = `${scheme[1]!.toLowerCase()}:`;
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new ProxyUrlError('scheme', `the proxy URL scheme "${scheme[1]!.toLowerCase()}" is not supported (use http:// or https://)`, scheme[1]!.toLowerCase());
  }
  const rest = text.slice(scheme[0].length);
  const at = rest.lastIndexOf('@');
  // WHATWG URL ends the authority at a backslash too, which a DOMAIN\user name would hit.
  const authorityEnd = rest.search(/[/?#\\]/);
  if (at !== -1 && ((authorityEnd !== -1 && authorityEnd < at) || rest.slice(0, at).includes('@'))) {
    // Checked by hand because WHATWG URL would silently read part of the password as host or path.
    throw new ProxyUrlError(
      'userinfo',
      'the proxy URL user name or password contains "/", "\\", "?", "#" or "@": percent-encode them (e.g. "/" as %2F, "\\" as %5C, "@" as %40)',
    );
  }
  const authority = rest.slice(at + 1, authorityEnd === -1 ? undefined : authorityEnd);
  let hostPart = authority;
  let portPart: string | undefined;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close === -1) throw new ProxyUrlError('ipv6-unterminated', 'the proxy URL has an unterminated IPv6 address ("[" without "]")');
    hostPart = authority.slice(0, close + 1);
    const after = authority.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) throw new ProxyUrlError('bad-port', 'the proxy URL has a bad port');
    if (after.startsWith(':')) portPart = after.slice(1);
  } else {
    const colons = authority.split(':').length - 1;
    if (colons > 1) {
      throw new ProxyUrlError('ipv6-brackets', 'the proxy URL has an IPv6 address without brackets (write it as http://[addr]:port)');
    }
    if (colons === 1) {
      const c = authority.indexOf(':');
      hostPart = authority.slice(0, c);
      portPart = authority.slice(c + 1);
    }
  }
  if (hostPart === '' || hostPart === '[]') throw new ProxyUrlError('no-host', 'the proxy URL has no host');
  if (portPart !== undefined && portPart !== '') {
    const port = /^\d+$/.test(portPart) ? Number(portPart) : Number.NaN;
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      // The port text is not echoed: with a mistyped URL it may be part of the password.
      throw new ProxyUrlError('bad-port', 'the proxy URL has a bad port (expected a number from 1 to 65535)');
    }
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ProxyUrlError('invalid-host', 'the proxy URL is not a valid URL (check the host name)');
  }
  if (url.hostname === '') throw new ProxyUrlError('no-host', 'the proxy URL has no host');
  const port = url.port || (protocol === 'https:' ? '443' : '80');
  const username = safeDecode(url.username);
  const password = safeDecode(url.password);
  return {
    origin: `${protocol}//${url.host}`,
    protocol,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    hostPort: `${url.hostname}:${port}`,
    username,
    password,
    hasCredentials: username !== '' || password !== '',
  };
}

export function proxyHostPort(url: string): string {
  return parseProxyUrl(url).hostPort;
}

// ---------------------------------------------------------------------------
// Choosing the proxy

function envValue<N extends string>(env: Record<string, string | undefined>, names: readonly N[]): { name: N; value: string } | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return { name, value };
  }
  return undefined;
}

// curl and most tools read "proxy:8080" (no scheme) as http://proxy:8080.
function withDefaultScheme(value: string): string {
  return SCHEME.test(value) ? value : `http://${value}`;
}

function endpointHost(endpoint: string): { host: string; port: number; https: boolean } | undefined {
  try {
    const url = new URL(endpoint);
    const https = url.protocol !== 'http:';
    return {
      host: url.hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, ''),
      port: url.port ? Number(url.port) : https ? 443 : 80,
      https,
    };
  } catch {
    return undefined;
  }
}

function noProxyMatches(list: string, host: string, port: number): boolean {
  for (const rawEntry of list.split(/[,\s]+/)) {
    let entry = rawEntry.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    let entryPort: number | undefined;
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    if (bracketed) {
      entry = bracketed[1]!;
      entryPort = bracketed[2] ? Number(bracketed[2]) : undefined;
    } else if (isIP(entry) !== 6 && !entry.includes('/')) {
      const hp = /^(.+):(\d+)$/.exec(entry);
      if (hp) {
        entry = hp[1]!;
        entryPort = Number(hp[2]);
      }
    }
    if (entryPort !== undefined && entryPort !== port) continue;
    const cidr = /^([0-9a-f:.]+)\/(\d{1,3})$/.exec(entry);
    if (cidr) {
      const family = isIP(cidr[1]!);
      const hostFamily = isIP(host);
      if (family !== 0 && family === hostFamily) {
        const block = new BlockList();
        try {
          block.addSubnet(cidr[1]!, Number(cidr[2]), family === 6 ? 'ipv6' : 'ipv4');
          if (block.check(host, family === 6 ? 'ipv6' : 'ipv4')) return true;
        } catch {
          // A malformed CIDR entry matches nothing, as in curl.
        }
      }
      continue;
    }
    entry = entry.replace(/^\*?\./, '').replace(/\.$/, '');
    if (entry === '') continue;
    if (host === entry || host.endsWith(`.${entry}`)) return true;
  }
  return false;
}

/**
 * --proxy flag wins; else https_proxy / HTTPS_PROXY (http_proxy / HTTP_PROXY as fallback; the other way
 * round for an http:// endpoint), then all_proxy / ALL_PROXY, honouring NO_PROXY / no_proxy for the
 * endpoint's host. The lower-case names are read first, as curl and undici do. An empty value counts as
 * unset. A value without a scheme ("proxy:8080") is returned as "http://proxy:8080".
 */
export function chooseProxy(
  flag: string | undefined,
  env: Record<string, string | undefined>,
  endpoint: string,
): ProxyChoice {
  if (flag !== undefined && flag.trim() !== '') return { url: withDefaultScheme(flag.trim()), source: 'flag' };
  const target = endpointHost(endpoint);
  const httpsNames = ['https_proxy', 'HTTPS_PROXY'] as const;
  const httpNames = ['http_proxy', 'HTTP_PROXY'] as const;
  const names = target && !target.https ? [...httpNames, ...httpsNames] : [...httpsNames, ...httpNames];
  const fromEnv = envValue(env, [...names, 'all_proxy', 'ALL_PROXY']);
  if (!fromEnv) return { source: 'none' };
  const noProxy = envValue(env, ['no_proxy', 'NO_PROXY']);
  if (noProxy && target && noProxyMatches(noProxy.value, target.host, target.port)) return { source: 'no-proxy', bypassed: fromEnv.name };
  return { url: withDefaultScheme(fromEnv.value), source: fromEnv.name };
}

/** The proxy as typed into the wizard's fields (HTLanScopeServiceConfig asks for the same ones, §2.5). */
export interface ProxyFields {
  use: boolean;
  host: string;
  port: string;
  auth: boolean;
  user: string;
  password: string;
  /** A CA certificate file (PEM or DER) the test should trust too: an inspecting proxy's. Optional. */
  caFile?: string;
}

/** `http://proxy.example.co.jp:8080` typed whole into the address field is split into host and port. */
export function normaliseProxyFields<T extends ProxyFields>(p: T): T {
  let host = p.host.normalize('NFKC').trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, '');
  let port = p.port.normalize('NFKC').trim();
  const m = /^([^:\s]+):(\d+)$/.exec(host);
  if (m && (port === '' || port === m[2])) {
    host = m[1]!;
    port = m[2]!;
  }
  // A path dropped into the terminal may come quoted.
  const caFile = p.caFile?.trim().replace(/^(["'])(.*)\1$/, '$2').trim();
  return { ...p, host, port, user: p.user.trim(), ...(caFile !== undefined ? { caFile } : {}) };
}

/** The fields that cannot be used as they are (none when no proxy is used). */
export function proxyFieldProblems(p: ProxyFields): ('host' | 'port' | 'user' | 'password')[] {
  if (!p.use) return [];
  const problems: ('host' | 'port' | 'user' | 'password')[] = [];
  // A host name or an IP address, nothing else: `proxy.local:80x80` is not one.
  if (!/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)$/.test(p.host)) problems.push('host');
  const port = Number(p.port);
  if (!/^\d+$/.test(p.port) || port < 1 || port > 65535) problems.push('port');
  if (p.auth && p.user === '') problems.push('user');
  if (p.auth && p.password === '') problems.push('password');
  return problems;
}

/** The URL undici needs, credentials percent-encoded; it never leaves the process unredacted. */
export function proxyUrlFromFields(p: ProxyFields): string | undefined {
  if (!p.use) return undefined;
  const auth = p.auth ? `${encodeURIComponent(p.user)}:${encodeURIComponent(p.password)}@` : '';
  return `http://${auth}${p.host}:${p.port}`;
}
