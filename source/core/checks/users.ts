import { msg } from '../../i18n/message.js';
import { preview, skip, type Check, type Diagnosis } from './check.js';

function needsBoth({ facts }: Diagnosis) {
  if (!facts.mapping && !facts.logs) return skip(msg('skip.notGiven', { flag: '--mapping, --log-dir' }));
  if (!facts.mapping) return skip(msg('skip.notGiven', { flag: '--mapping' }));
  if (!facts.logs) return skip(msg('skip.noLogs', {}));
  return undefined;
}

export const unmappedUsers: Check = {
  id: 'unmapped-users',
  manual: '§5.1',
  run(d) {
    const skipped = needsBoth(d);
    if (skipped) return skipped;
    const { unmapped, mapped } = d.matching;
    const data = { mapped: mapped.length, unmapped };
    if (unmapped.length === 0) return { status: 'pass', detail: msg('unmapped.pass', { count: mapped.length }), data };
    return {
      status: 'fail',
      detail: msg('unmapped.fail', { count: unmapped.length, total: unmapped.length + mapped.length, list: preview(unmapped) }),
      advice: msg('unmapped.advice', { nearMisses: d.matching.nearMisses.length }),
      data,
    };
  },
};

export const nearMisses: Check = {
  id: 'near-misses',
  manual: '§3.1 / §5.1',
  run(d) {
    const skipped = needsBoth(d);
    if (skipped) return skipped;
    const misses = d.matching.nearMisses;
    const data = { count: misses.length, nearMisses: misses };
    if (misses.length === 0) return { status: 'pass', detail: msg('nearMiss.pass', {}), data };
    // The kind is a word of each language: the catalogs write the list.
    const items = misses.slice(0, 3).map((m) => ({ employee: m.employee, from: m.serviceAccount, to: m.user, kind: m.kind }));
    return { status: 'warn', detail: msg('nearMiss.warn', { count: misses.length, items, more: misses.length - items.length }), advice: msg('nearMiss.advice', {}), data };
  },
};

export const sharedPcUsers: Check = {
  id: 'shared-pc-users',
  manual: '§5.2.2',
  run({ facts, matching }) {
    if (!facts.logs) return skip(msg('skip.noLogs', {}));
    if (!facts.logs.hasPcColumn) return skip(msg('sharedPc.noColumn', {}));
    const shared = matching.sharedPc;
    const firstDayOf = new Map<string, string[]>();
    for (const s of shared) if (!firstDayOf.has(s.user)) firstDayOf.set(s.user, s.pcs);
    const data = { count: firstDayOf.size, sharedPc: shared };
    if (shared.length === 0) return { status: 'pass', detail: msg('sharedPc.pass', {}), data };
    const list = [...firstDayOf].map(([user, pcs]) => `${user} (${pcs.join('/')})`);
    return { status: 'warn', detail: msg('sharedPc.warn', { count: firstDayOf.size, days: shared.length, list: preview(list, 3) }), advice: msg('sharedPc.advice', {}), data };
  },
};
