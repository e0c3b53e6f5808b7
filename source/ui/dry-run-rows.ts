import type { Diagnosis } from '../core/checks/check.js';
import { dryRunPunches, type Punch } from '../core/dry-run.js';
import { punchDayChange } from '../core/report.js';
import type { UserLogs } from '../core/log-aggregate.js';
import { formatDay, formatMonthDayTime, parseWallClock } from '../core/wall-clock.js';

/**
 * Step 6's list: the punches of dryRunPunches grouped per employee and LanScope day, as KING OF TIME's
 * 日別データ shows them (`PC 12/17 09:03`), then the users whose logs would be dropped and the
 * service accounts mapped to several employees. Built once; the view renders only what fits.
 */
export interface PunchCell {
  /** `PC 12/17 09:03`. */
  text: string;
  /** The work day KING OF TIME files it under, `12/18`. */
  workDay: string;
  /** The LanScope day it was collected for, `12/17`. */
  windowDay: string;
  wrong: boolean;
}

export type DryRunRow =
  | { kind: 'day'; employee: string; name: string; user: string; day: string; in?: PunchCell; out?: PunchCell; wrong: boolean }
  | { kind: 'section'; section: 'dropped' | 'duplicates'; count: number }
  | { kind: 'dropped'; user: string; days: number; first: string; last: string }
  | { kind: 'duplicate'; account: string; employees: string[]; days: number };

export interface DryRunSummary {
  employees: number;
  days: number;
  punches: number;
  wrongDay: number;
  droppedUsers: number;
  droppedDays: number;
  duplicates: number;
  /** The day-change time the punches were filed with (minutes). */
  dayChange: number;
  windowStart: number;
}

const short = (isoDay: string): string => `${isoDay.slice(5, 7)}/${isoDay.slice(8, 10)}`;

function cell(p: Punch): PunchCell {
  return {
    text: `PC ${formatMonthDayTime(parseWallClock(p.time)!)}`,
    workDay: short(p.workDate),
    windowDay: short(p.windowDate),
    wrong: p.workDate !== p.windowDate,
  };
}

export function dryRunRows({ facts, matching, windowStart }: Diagnosis): { rows: DryRunRow[]; summary: DryRunSummary } {
  const dayChangeFor = punchDayChange(facts, windowStart);
  // Without the Web API's employee → division list, every employee gets the same (fallback) time.
  const dayChange = dayChangeFor('');
  const rows: DryRunRow[] = [];
  const summary: DryRunSummary = { employees: 0, days: 0, punches: 0, wrongDay: 0, droppedUsers: 0, droppedDays: 0, duplicates: 0, dayChange, windowStart };
  const logs = facts.logs?.users;
  if (!logs || !facts.mapping) return { rows, summary };

  const employees = new Set<string>();
  const days = new Set<string>();
  let current: Extract<DryRunRow, { kind: 'day' }> | undefined;
  for (const punch of dryRunPunches({ logs, byServiceAccount: matching.byServiceAccount, dayChangeFor })) {
    if (!current || current.user !== punch.user || current.day !== short(punch.windowDate)) {
      const name = matching.byServiceAccount.get(punch.user)?.[0]?.name ?? '';
      current = { kind: 'day', employee: punch.employee, name, user: punch.user, day: short(punch.windowDate), wrong: false };
      rows.push(current);
      employees.add(punch.employee);
      days.add(punch.windowDate);
    }
    const c = cell(punch);
    current[punch.kind] = c;
    current.wrong ||= c.wrong;
    summary.punches++;
    if (c.wrong) summary.wrongDay++;
  }
  summary.employees = employees.size;
  summary.days = days.size;

  const dropped = matching.unmapped.filter((u) => logs.has(u));
  if (dropped.length) {
    rows.push({ kind: 'section', section: 'dropped', count: dropped.length });
    for (const user of dropped) {
      const { count, first, last } = daysOf(logs.get(user)!);
      rows.push({ kind: 'dropped', user, days: count, first: short(formatDay(first)), last: short(formatDay(last)) });
      summary.droppedDays += count;
    }
    summary.droppedUsers = dropped.length;
  }
  const duplicates = matching.duplicateMappings.filter((d) => logs.has(d.serviceAccount));
  if (duplicates.length) {
    rows.push({ kind: 'section', section: 'duplicates', count: duplicates.length });
    for (const d of duplicates) rows.push({ kind: 'duplicate', account: d.serviceAccount, employees: d.employees, days: daysOf(logs.get(d.serviceAccount)!).count });
    summary.duplicates = duplicates.length;
  }
  return { rows, summary };
}

/** How many LanScope days a user has logs on, and the first and last, without building the windows. */
function daysOf(user: UserLogs): { count: number; first: number; last: number } {
  let count = 0;
  let first = Infinity;
  let last = -Infinity;
  user.forEachWindow((day) => {
    count++;
    first = Math.min(first, day);
    last = Math.max(last, day);
  });
  return { count, first, last };
}

/** Rows that need attention: wrong-day punches, dropped logs, duplicates (and their section titles). */
export function problemRows(rows: readonly DryRunRow[]): DryRunRow[] {
  return rows.filter((r) => r.kind !== 'day' || r.wrong);
}
