import type { Diagnosis } from '../core/checks/check.js';
import { forEachPunchTime } from '../core/dry-run.js';
import { punchDayChange } from '../core/report.js';
import type { UserLogs } from '../core/log-aggregate.js';
import { formatDay, formatMonthDayTime, type DayNumber, type WallSeconds } from '../core/wall-clock.js';

/**
 * Step 6's list: the punches of the dry run grouped per employee and LanScope day, as KING OF TIME's
 * 日別データ shows them (`PC 12/17 09:03`), then the users whose logs would be dropped and the
 * service accounts mapped to several employees. Built once, as numbers (a month for 20,000 people is
 * 500,000 rows); the view formats only the rows it shows (punchText, shortDay).
 */
export type DryRunRow =
  | DayRow
  | { kind: 'section'; section: 'dropped' | 'duplicates'; count: number }
  | { kind: 'dropped'; user: string; days: number; first: string; last: string }
  | { kind: 'duplicate'; account: string; employees: string[]; days: number };

/** One employee's LanScope day: its 出勤 and 退勤 and the KING OF TIME work day each is filed under. */
export interface DayRow {
  kind: 'day';
  employee: string;
  name: string;
  user: string;
  /** The LanScope day (collection window). */
  day: DayNumber;
  inTime: WallSeconds | undefined;
  inWorkDay: DayNumber | undefined;
  outTime: WallSeconds | undefined;
  outWorkDay: DayNumber | undefined;
  /** A punch is filed under another work day than its LanScope day. */
  wrong: boolean;
  /** The computers whose logs LanScope merged into this day (one user name on several PCs, §5.2.2). */
  pcs: string[] | undefined;
}

export interface DryRunSummary {
  employees: number;
  days: number;
  punches: number;
  wrongDay: number;
  droppedUsers: number;
  droppedDays: number;
  duplicates: number;
  /** LanScope days of one user name on several PCs, merged into one day's punches. */
  merged: number;
  /** The day-change time the punches were filed with (minutes). */
  dayChange: number;
  windowStart: number;
}

/** `12/17`. */
export function shortDay(day: DayNumber): string {
  const iso = formatDay(day);
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)}`;
}

/** `PC 12/17 09:03`, as 日別データ shows a PC login punch. */
export function punchText(time: WallSeconds): string {
  return `PC ${formatMonthDayTime(time)}`;
}

export function dryRunRows({ facts, matching, windowStart }: Diagnosis): { rows: DryRunRow[]; summary: DryRunSummary } {
  const dayChangeFor = punchDayChange(facts, windowStart);
  // Without the Web API's employee → division list, every employee gets the same (fallback) time.
  const dayChange = dayChangeFor('');
  const rows: DryRunRow[] = [];
  const summary: DryRunSummary = { employees: 0, days: 0, punches: 0, wrongDay: 0, droppedUsers: 0, droppedDays: 0, duplicates: 0, merged: 0, dayChange, windowStart };
  const logs = facts.logs?.users;
  if (!logs || !facts.mapping) return { rows, summary };

  // Days on several PCs, found by matchUsers: a row of such a day is marked (its 出勤/退勤 may be two people's).
  const sharedDays = new Map<string, string[]>();
  for (const s of matching.sharedPc) sharedDays.set(`${s.user}\u0000${s.date}`, s.pcs);
  const sharedUsers = new Set(matching.sharedPc.map((s) => s.user));
  const employees = new Set<string>();
  const days = new Set<DayNumber>();
  let current: DayRow | undefined;
  let name = '';
  forEachPunchTime({ logs, byServiceAccount: matching.byServiceAccount, dayChangeFor }, (user, employee, kind, time, workDay, windowDay) => {
    if (!current || current.user !== user || current.day !== windowDay) {
      if (current?.user !== user) name = matching.byServiceAccount.get(user)?.[0]?.name ?? '';
      const pcs = sharedUsers.has(user) ? sharedDays.get(`${user}\u0000${formatDay(windowDay)}`) : undefined;
      current = { kind: 'day', employee, name, user, day: windowDay, inTime: undefined, inWorkDay: undefined, outTime: undefined, outWorkDay: undefined, wrong: false, pcs };
      if (pcs) summary.merged++;
      rows.push(current);
      employees.add(employee);
      days.add(windowDay);
    }
    if (kind === 'in') {
      current.inTime = time;
      current.inWorkDay = workDay;
    } else {
      current.outTime = time;
      current.outWorkDay = workDay;
    }
    summary.punches++;
    if (workDay !== windowDay) {
      current.wrong = true;
      summary.wrongDay++;
    }
  });
  summary.employees = employees.size;
  summary.days = days.size;

  const dropped = matching.unmapped.filter((u) => logs.has(u));
  if (dropped.length) {
    rows.push({ kind: 'section', section: 'dropped', count: dropped.length });
    for (const user of dropped) {
      const { count, first, last } = daysOf(logs.get(user)!);
      rows.push({ kind: 'dropped', user, days: count, first: shortDay(first), last: shortDay(last) });
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

/** Rows that need attention: wrong-day punches, days merged from several PCs, dropped logs, duplicates (and their section titles). */
export function problemRows(rows: readonly DryRunRow[]): DryRunRow[] {
  return rows.filter((r) => r.kind !== 'day' || r.wrong || r.pcs !== undefined);
}
