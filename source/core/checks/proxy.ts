import { msg } from '../../i18n/message.js';
import { skip, type Check } from './check.js';

/**
 * The link service cannot send when it cannot reach PC login link (§2.5). The edge tried the real path
 * (through the proxy when there is one); this check turns its classification into what to do.
 */
export const proxy: Check = {
  id: 'proxy',
  manual: '§2.5',
  run({ facts }) {
    if (facts.offline) return skip(msg('skip.offline', {}));
    const connection = facts.connection;
    // The wizard tests the connection only when asked (step 4).
    if (!connection) return skip(msg('proxy.notTested', {}));
    const { endpoint, proxySource, result } = connection;
    const data = {
      reason: result.reason,
      via: result.via,
      endpoint,
      proxySource,
      status: result.status ?? null,
      proxyStatus: result.proxyStatus ?? null,
      proxyAuth: result.proxyAuth ?? null,
      host: result.host ?? null,
      code: result.code ?? null,
      elapsedMs: Math.round(result.elapsedMs),
    };
    const via = result.via;
    switch (result.reason) {
      case 'ok':
        return { status: 'pass', detail: msg('proxy.ok', { endpoint, via, status: result.status ?? 0, ms: data.elapsedMs }), data };
      case 'http-status':
        // Any answer means the path works; an error status is the service's business, not the network's.
        return { status: 'warn', detail: msg('proxy.httpStatus', { endpoint, via, status: result.status ?? 0 }), advice: msg('proxy.httpStatusAdvice', {}), data };
      case 'proxy-unreachable':
        return { status: 'fail', detail: msg('proxy.unreachable', { via, code: result.code ?? '' }), advice: msg('proxy.addressAdvice', {}), data };
      case 'proxy-auth':
        return result.proxyAuth === 'wrong'
          ? { status: 'fail', detail: msg('proxy.authWrong', { via }), advice: msg('proxy.authWrongAdvice', {}), data }
          : { status: 'fail', detail: msg('proxy.authMissing', { via }), advice: msg('proxy.authMissingAdvice', {}), data };
      case 'dns':
        return { status: 'fail', detail: msg('proxy.dns', { host: result.host ?? endpoint }), advice: msg('proxy.dnsAdvice', { viaProxy: via !== 'direct' }), data };
      case 'timeout':
        return {
          status: 'fail',
          detail: msg('proxy.timeout', { endpoint, via, seconds: Math.round(connection.timeoutMs / 1000) }),
          advice: msg('proxy.timeoutAdvice', { viaProxy: via !== 'direct' }),
          data,
        };
      case 'tls':
        return { status: 'fail', detail: msg('proxy.tls', { endpoint, via, code: result.code ?? '' }), advice: msg('proxy.tlsAdvice', {}), data };
      default:
        return { status: 'fail', detail: msg('proxy.other', { endpoint, via, detail: result.detail }), advice: msg('proxy.addressAdvice', {}), data };
    }
  },
};
