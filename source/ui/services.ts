import { createContext, useContext } from 'react';

import { DEFAULT_ENDPOINT, KOT_API_BASE } from '../core/endpoints.js';
import type { ConnectionResult } from '../core/connection-stages.js';
import type { TrustFact } from '../core/facts.js';
import type { ConnectionProbeOptions } from '../io/connection.js';

/** What the wizard needs from outside, injectable so tests never touch the network. */
export type ProbeRequest = Omit<ConnectionProbeOptions, 'ca'> & { caFile?: string };
/** The stages as judged, and what was trusted besides the public roots (the CA file, NODE_EXTRA_CA_CERTS). */
export type ProbeResult = ConnectionResult & { trust: TrustFact };
/** `env`: the wizard's environment (its NODE_EXTRA_CA_CERTS), as step 7's comparison is given it. */
export type Probe = (request: ProbeRequest, env: Record<string, string | undefined>) => Promise<ProbeResult>;


/** The go-live checklist's "compare with KING OF TIME" (commands/reconcile.ts, loaded on first use). */
export type Compare = typeof import('../commands/reconcile.js').reconcileWithApi;

export interface Services {
  /** undefined: the connection test is not available in this build. */
  loadProbe: () => Promise<Probe | undefined>;
  loadCompare: () => Promise<Compare>;
  kotApiBase: string;
  endpoint: string;
  now: () => Date;
}

/** Loaded on first use: undici is needed only when the admin asks for the test. */
export async function loadConnectionModule(): Promise<Probe | undefined> {
  const [{ probeConnection }, { loadTrust }] = await Promise.all([import('../io/connection.js'), import('../io/certificates.js')]);
  return async ({ caFile, ...request }, env) => {
    const trust = await loadTrust(caFile || undefined, env);
    // A CA file that did not load is said by the step; the test runs without it.
    const result = await probeConnection({ ...request, ...(trust.ca ? { ca: trust.ca } : {}) });
    return { ...result, trust: trust.fact };
  };
}

export const defaultServices = (): Services => ({
  loadProbe: loadConnectionModule,
  loadCompare: async () => (await import('../commands/reconcile.js')).reconcileWithApi,
  kotApiBase: KOT_API_BASE,
  endpoint: DEFAULT_ENDPOINT,
  now: () => new Date(),
});

export const ServicesContext = createContext<Services>(defaultServices());
export const useServices = (): Services => useContext(ServicesContext);
