/** The PC login link host named in the vendor manual (§2.3): the target of the connection check. */
export const DEFAULT_ENDPOINT = 'https://pclogin.secomtrust.net/';

/** KING OF TIME Web API, for the optional cross-check. */
export const KOT_API_BASE = 'https://api.kingtime.jp/v1.0';
