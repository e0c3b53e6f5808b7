import { msg } from '../../i18n/message.js';
import type { OddPunchKind } from '../dry-run.js';
import { skip, type Check } from './check.js';

/** JSON keeps every odd day up to this many; beyond it a count is more useful than a wall of rows. */
const MAX_LISTED = 1000;

export const punchTimes: Check = {
  id: 'punch-times',
  manual: '§5.2.3',
  run({ facts, odd }) {
    if (!facts.logs || !odd) return skip(msg('skip.noLogs', {}));
    const counts: Record<OddPunchKind, number> = { 'start-before-day-change': 0, 'over-16h': 0, 'end-before-start': 0 };
    for (const o of odd) counts[o.kind]++;
    const data = { count: odd.length, counts, odd: odd.slice(0, MAX_LISTED), truncated: odd.length > MAX_LISTED };
    if (odd.length === 0) return { status: 'pass', detail: msg('punchTimes.pass', {}), data };
    const items = odd.slice(0, 3).map((o) => ({ user: o.user, date: o.date, kind: o.kind }));
    return {
      status: 'warn',
      detail: msg('punchTimes.warn', {
        early: counts['start-before-day-change'],
        long: counts['over-16h'],
        reversed: counts['end-before-start'],
        items,
        more: odd.length - items.length,
      }),
      advice: msg('punchTimes.advice', {}),
      data,
    };
  },
};
