import { msg, type Message } from '../i18n/message.js';
import type { CertificateSummary, PresentedCertificate, StageRecord } from './connection-stages.js';

/** Each stage as one line, in the order tried, like `curl -v`; a certificate adds its own lines. */
export function stageLines(stages: readonly StageRecord[]): Message[] {
  const lines: Message[] = [];
  for (const s of stages) {
    const common = { ok: s.ok, peer: s.peer, code: s.code ?? '', ms: Math.round(s.elapsedMs) };
    const answer = { status: s.status ?? 0, statusText: s.statusText ?? '', proxyError: s.proxyError ?? '' };
    switch (s.stage) {
      case 'proxy-connect':
      case 'connect':
        lines.push(msg('stage.tcp', { ...common, toProxy: s.stage === 'proxy-connect', address: s.address ?? '' }));
        break;
      case 'proxy-tls':
      case 'tls':
        lines.push(msg('stage.tls', { ...common, toProxy: s.stage === 'proxy-tls' }));
        if (s.certificate) lines.push(...certificateLines(s.certificate));
        break;
      case 'proxy-auth':
        lines.push(msg('stage.proxyAuth', { ...common, ...answer, schemes: (s.authSchemes ?? []).join(', '), sent: s.sent ?? '' }));
        break;
      case 'tunnel':
        lines.push(msg('stage.tunnel', { ...common, ...answer }));
        break;
      case 'http':
        lines.push(msg('stage.http', { ...common, status: s.status ?? 0 }));
        break;
    }
  }
  return lines;
}

const certParams = (c: CertificateSummary) => ({ subject: c.subject, issuer: c.issuer, names: c.names.join(', '), validFrom: c.validFrom.slice(0, 10), validTo: c.validTo.slice(0, 10) });

export function certificateLines(cert: PresentedCertificate): Message[] {
  return [
    msg('stage.certificate', { ...certParams(cert), sha256: cert.sha256 }),
    ...cert.chain.map((c) => msg('stage.chain', certParams(c))),
  ];
}
