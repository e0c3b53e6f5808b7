import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as tls from 'node:tls';
import type { DetailedPeerCertificate } from 'node:tls';
import type { CertificateSummary, PresentedCertificate } from '../core/connection-stages.js';
import type { CaFileProblem, TrustFact } from '../core/facts.js';

// ---------------------------------------------------------------------------
// What a peer presented

function name(fields: Record<string, string | string[] | undefined> | undefined): string {
  if (!fields) return '';
  return ['CN', 'OU', 'O', 'L', 'ST', 'C']
    .flatMap((k) => {
      const v = fields[k];
      return v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => `${k}=${x}`);
    })
    .join(', ');
}

const iso = (date: string): string => {
  const d = new Date(date);
  return Number.isNaN(d.getTime()) ? date : d.toISOString();
};

function summary(cert: DetailedPeerCertificate): CertificateSummary {
  return {
    subject: name(cert.subject as unknown as Record<string, string>),
    issuer: name(cert.issuer as unknown as Record<string, string>),
    names: (cert.subjectaltname ?? '')
      .split(/,\s*/)
      .map((n) => n.replace(/^(DNS|IP Address):/, ''))
      .filter((n) => n !== ''),
    validFrom: iso(cert.valid_from),
    validTo: iso(cert.valid_to),
  };
}

/** The leaf and the issuers sent with it, from getPeerCertificate(true). */
export function presentedCertificate(leaf: DetailedPeerCertificate | undefined): PresentedCertificate | undefined {
  if (!leaf || !leaf.raw) return undefined;
  const chain: CertificateSummary[] = [];
  const seen = new Set<string>([leaf.fingerprint256]);
  for (let c = leaf.issuerCertificate; c && !seen.has(c.fingerprint256); c = c.issuerCertificate) {
    seen.add(c.fingerprint256);
    chain.push(summary(c));
  }
  return { ...summary(leaf), sha256: leaf.fingerprint256, chain };
}

// ---------------------------------------------------------------------------
// What this probe trusts

/** PEM texts of every certificate in a file, PEM (one or several) or DER (the Windows export default). */
function certificatesIn(bytes: Buffer): { pems: string[]; der: boolean } | undefined {
  const pems = bytes.toString('latin1').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  try {
    if (pems) return { pems: pems.map((p) => new X509Certificate(p).toString()), der: false };
    return { pems: [new X509Certificate(bytes).toString()], der: true };
  } catch {
    return undefined;
  }
}

async function readCertificates(file: string): Promise<{ pems: string[]; der: boolean } | { problem: CaFileProblem }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as { code?: string }).code;
    return { problem: code === 'ENOENT' ? 'missing' : code === 'EISDIR' ? 'not-a-file' : 'unreadable' };
  }
  return certificatesIn(bytes) ?? { problem: 'no-certificate' };
}

/**
 * The extra trust for the probe: `--ca-file` (PEM or DER) and NODE_EXTRA_CA_CERTS, which Node reads at
 * start-up as PEM only and, when it cannot, only warns: checked here so the report can say it did not load.
 */
export async function loadTrust(caFile: string | undefined, env: Record<string, string | undefined>): Promise<{ fact: TrustFact; ca?: string[] }> {
  const fact: TrustFact = {};
  const extra: string[] = [];
  if (caFile !== undefined) {
    const read = await readCertificates(caFile);
    if ('pems' in read) {
      fact.caFile = { file: caFile, loaded: true, certificates: read.pems.length };
      extra.push(...read.pems);
    } else fact.caFile = { file: caFile, loaded: false, problem: read.problem };
  }
  const envFile = env.NODE_EXTRA_CA_CERTS;
  if (envFile) {
    const read = await readCertificates(envFile);
    if ('pems' in read && !read.der) {
      fact.extraCaCerts = { file: envFile, loaded: true, certificates: read.pems.length };
      extra.push(...read.pems);
    } else {
      // A DER file parses here, but Node skipped it at start-up.
      fact.extraCaCerts = { file: envFile, loaded: false, problem: 'pems' in read ? 'der' : read.problem };
    }
  }
  // Passing `ca` replaces Node's default list: keep it beside the extra ones.
  return extra.length > 0 ? { fact, ca: [...defaultCertificates(), ...extra] } : { fact };
}

/**
 * What Node trusts by default: the public roots, and with --use-system-ca (lanscope-kot.exe runs with it)
 * the operating system's store too — the Windows store an inspecting proxy's CA is usually in. Node 22.15
 * and later say so (tls.getCACertificates); before that there is no system store to keep.
 */
export function defaultCertificates(): readonly string[] {
  const { getCACertificates } = tls as { getCACertificates?: (type: 'default') => string[] };
  return getCACertificates ? getCACertificates('default') : tls.rootCertificates;
}
