import { msg } from '../../i18n/message.js';
import { preview, skip, type Check } from './check.js';
import { describeConnection } from './proxy.js';

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
      if (f.connection) {
        // The way to the API failed: said stage by stage, as the proxy check says it.
        const network = describeConnection({ endpoint: api.base, proxySource: api.proxySource ?? 'none', timeoutMs: api.timeoutMs ?? 0, ...(api.trust ? { trust: api.trust } : {}), result: f.connection });
        return { status: 'fail', detail: network.detail, ...(network.advice ? { advice: network.advice } : {}), lines: [msg('kotApi.network', { base: api.base }), ...network.lines], data };
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
      });
      return { status: 'fail', detail, advice: msg('kotApi.advice', { reason: f.reason }), data };
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
