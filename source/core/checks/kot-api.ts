import { msg, type Message } from '../../i18n/message.js';
import type { KotApiFact, KotApiFailure } from '../facts.js';
import { preview, skip, type Check } from './check.js';
import { describeConnection } from './proxy.js';

/**
 * What a failed Web API request means and what to do: the way there said stage by stage as the proxy check
 * says it, or the API's answer (reason, what it said, the page's first line, what was wrong with the data).
 * The check says divisions' and employees' failures with it, reconcile its own requests' (the punches).
 */
export function describeKotApiFailure(
  api: Pick<KotApiFact, 'base' | 'proxySource' | 'timeoutMs' | 'trust'>,
  f: KotApiFailure,
): { detail: Message; advice?: Message; lines: Message[] } {
  if (f.connection) {
    const network = describeConnection({ endpoint: api.base, proxySource: api.proxySource ?? 'none', timeoutMs: api.timeoutMs ?? 0, ...(api.trust ? { trust: api.trust } : {}), result: f.connection });
    return { detail: network.detail, ...(network.advice ? { advice: network.advice } : {}), lines: [msg('kotApi.network', { base: api.base }), ...network.lines] };
  }
  const detail = msg('kotApi.fail', {
    reason: f.reason,
    resource: f.resource,
    code: f.code ?? 0,
    status: f.status ?? 0,
    said: f.said ?? '',
    bodyLine: f.bodyLine ?? '',
    retryAfter: f.retryAfter ?? '',
    problem: f.problem?.kind ?? '',
    item: f.problem?.item ?? 0,
    field: f.problem?.field ?? '',
    value: f.problem?.value ?? '',
  });
  return { detail, advice: msg('kotApi.advice', { reason: f.reason }), lines: [] };
}

/**
 * Optional: with a KING OF TIME Web API token the tool fetches divisions (their day-change times feed
 * `day-change`) and employees (cross-checked against the mapping export) instead of trusting typed values.
 */
export const kotApi: Check = {
  id: 'kot-api',
  manual: '§2.2.1',
  run({ facts }) {
    const api = facts.kotApi;
    if (!api) return skip(msg('skip.noKotApiToken', {}));
    if (api.failure) {
      const f = api.failure;
      const data = {
        reason: f.reason,
        resource: f.resource,
        code: f.code ?? null,
        status: f.status ?? null,
        said: f.said ?? null,
        bodyLine: f.bodyLine ?? null,
        retryAfter: f.retryAfter ?? null,
        problem: f.problem ?? null,
        stage: f.connection?.stage ?? null,
        stages: f.connection?.stages ?? null,
      };
      const said = describeKotApiFailure(api, f);
      return { status: 'fail', detail: said.detail, ...(said.advice ? { advice: said.advice } : {}), ...(said.lines.length ? { lines: said.lines } : {}), data };
    }
    const divisions = api.divisions ?? [];
    const employees = api.employees ?? [];
    const mappingCodes = new Set(facts.mapping?.data.rows.map((r) => r.employee));
    const kotCodes = new Set(employees.map((e) => e.code));
    const missingFromMapping = facts.mapping ? employees.filter((e) => !mappingCodes.has(e.code)).map((e) => e.code) : [];
    const unknownCodes = facts.mapping ? [...mappingCodes].filter((c) => !kotCodes.has(c)) : [];
    const data = {
      divisions: divisions.map((d) => ({ code: d.code, name: d.name, dayChange: d.dayBorderTime })),
      employees: employees.length,
      missingFromMapping,
      unknownCodes,
    };
    const detail = msg('kotApi.pass', {
      divisions: divisions.length,
      employees: employees.length,
      missing: missingFromMapping.length,
      missingList: preview(missingFromMapping, 3),
      unknown: unknownCodes.length,
      unknownList: preview(unknownCodes, 3),
    });
    if (unknownCodes.length || missingFromMapping.length) return { status: 'warn', detail, advice: msg('kotApi.crossAdvice', {}), data };
    return { status: 'pass', detail, data };
  },
};
