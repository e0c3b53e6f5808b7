import { msg } from '../../i18n/message.js';
import { formatClockTime } from '../clock-time.js';
import type { DayChangeSetting, Facts } from '../facts.js';
import { dayOf, formatDay } from '../wall-clock.js';
import { skip, type Check } from './check.js';

export const sqlStartTime: Check = {
  id: 'sql-start-time',
  manual: '§2.2.2',
  run({ facts }) {
    if (!facts.sql) return skip(msg('skip.notGiven', { flag: '--sql' }));
    const { file, result } = facts.sql;
    const bounds = result.bounds.map((b) => ({ line: b.line, column: b.column ?? null, side: b.side, time: formatClockTime(b.minutes) }));
    if (result.bounds.length === 0) {
      return { status: 'fail', detail: msg('sql.none', { file }), advice: msg('sql.noneAdvice', {}), data: { startTime: null, bounds } };
    }
    if (result.minutes === undefined) {
      const outliers = result.outliers.map((b) => ({ line: b.line, time: formatClockTime(b.minutes) }));
      return {
        status: 'fail',
        detail: msg('sql.disagree', { file, outliers }),
        advice: msg('sql.disagreeAdvice', {}),
        data: { startTime: null, bounds, outliers: result.outliers.map((b) => b.line) },
      };
    }
    const startTime = formatClockTime(result.minutes);
    const lines = result.bounds.map((b) => b.line).join(', ');
    return { status: 'pass', detail: msg('sql.pass', { startTime, file, lines, count: result.bounds.length }), data: { startTime, bounds } };
  },
};

export const dayChange: Check = {
  id: 'day-change',
  manual: '§2.2 / §5.2.1',
  run({ facts, windowStart }) {
    if (facts.dayChanges.length === 0) return skip(msg('skip.notGiven', { flag: '--day-change' }));
    if (facts.sql && facts.sql.result.minutes === undefined) return skip(msg('dayChange.sqlFirst', {}));
    const startTime = formatClockTime(windowStart);
    const startSource = facts.sql ? 'sql' : 'default';
    const divisions = facts.dayChanges.map((d) => ({
      code: d.division ?? null,
      name: d.name ?? null,
      dayChange: d.text,
      matches: d.minutes === windowStart,
    }));
    const wrong = facts.dayChanges.filter((d) => d.minutes !== windowStart);
    const data = { startTime, startSource, divisions };
    if (wrong.length === 0) {
      return { status: 'pass', detail: msg('dayChange.pass', { startTime, count: divisions.length, startSource }), data };
    }
    const example = wrongDayExample(wrong[0]!, windowStart, firstLogDay(facts));
    return {
      status: 'fail',
      detail: msg('dayChange.fail', {
        startTime,
        startSource,
        divisions: wrong.map((d) => `${divisionLabel(d)} ${d.text}`.trim()).join(', '),
        ...example,
      }),
      advice: msg('dayChange.advice', { startTime }),
      data,
    };
  },
};

export function divisionLabel(d: DayChangeSetting): string {
  if (d.division === undefined) return '';
  return d.name ? `${d.division} ${d.name}` : d.division;
}

function firstLogDay(facts: Facts): number | undefined {
  const days = (facts.outputDir?.logFiles ?? []).flatMap((f) => (f.firstDay === undefined ? [] : [f.firstDay]));
  return days.length ? Math.min(...days) : undefined;
}

/**
 * A concrete punch that lands on the wrong day, in the admin's own dates when logs were given:
 * "a log-off at 02:30 on 12/18 is stamped on 12/18, not 12/17".
 */
export function wrongDayExample(
  setting: DayChangeSetting,
  windowStart: number,
  day: number | undefined,
): Record<'time' | 'onDate' | 'kotDate' | 'lanscopeDate' | 'event', string> {
  const baseDay = day ?? Date.UTC(2024, 11, 17) / 86_400_000;
  // A moment between the two boundaries belongs to one day for LanScope and another for KING OF TIME.
  const low = Math.min(setting.minutes, windowStart);
  const high = Math.max(setting.minutes, windowStart);
  const within = Math.min(low + Math.round((high - low) / 20) * 10, high - 1);
  // Before the window opens means the small hours after the window's own date.
  const calendarDay = within < windowStart ? baseDay + 1 : baseDay;
  const time = calendarDay * 86_400 + within * 60;
  const short = (d: number): string => formatDay(d).slice(5).replace('-', '/');
  return {
    event: setting.minutes < windowStart ? 'end' : 'start',
    time: formatClockTime(within),
    onDate: short(calendarDay),
    kotDate: short(dayOf(time, setting.minutes)),
    lanscopeDate: short(dayOf(time, windowStart)),
  };
}
