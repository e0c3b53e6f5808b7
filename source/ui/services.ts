import { createContext, useContext } from 'react';

import { DEFAULT_ENDPOINT, KOT_API_BASE } from '../core/endpoints.js';
import type { ConnectionProbeOptions, ConnectionResult } from '../io/connection.js';

/** What the wizard needs from outside, injectable so tests never touch the network. */
export type ProbeRequest = ConnectionProbeOptions;
export type ProbeResult = ConnectionResult;
export type Probe = (request: ProbeRequest) => Promise<ProbeResult>;


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
  const mod = await import('../io/connection.js');
  return mod.probeConnection;
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
