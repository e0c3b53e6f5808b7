import type { UserLogs } from './log-aggregate.js';
import type { MappingRow } from './mapping.js';
import { dayOf, formatDay, formatWallClock, type DayNumber, type WallSeconds } from './wall-clock.js';

/**
 * The punches PC login link would make: per user and LanScope window, the first start is 出勤 (`in`) and
 * the last end is 退勤 (`out`). KING OF TIME files each under the work day of its own division's
 * day-change time; when that differs from LanScope's window, `workDate` differs from `windowDate`.
 */
export interface Punch {
  user: string;
  employee: string;
  kind: 'in' | 'out';
  time: string;
  /** The KING OF TIME work day the punch lands on. */
  workDate: string;
  /** The LanScope day the log was collected for; differs from workDate when the day-change times disagree. */
  windowDate: string;
}

export interface DryRunInput {
  logs: Map<string, UserLogs>;
  byServiceAccount: Map<string, MappingRow[]>;
  /** Day-change time (minutes) used for an employee's work day. */
  dayChangeFor: (employee: string) => number;
}

/** Who the link would stamp, in report order: each user with exactly one employee, and that employee's day change. */
function* stampedUsers({ logs, byServiceAccount, dayChangeFor }: DryRunInput): Generator<{ user: string; employee: string; offset: number; logs: UserLogs }> {
  for (const user of [...logs.keys()].sort()) {
    const rows = byServiceAccount.get(user);
    // A duplicate mapping gets nothing: the link could not know whom to stamp.
    if (!rows || new Set(rows.map((r) => r.employee)).size !== 1) continue;
    const employee = rows[0]!.employee;
    yield { user, employee, offset: dayChangeFor(employee), logs: logs.get(user)! };
  }
}

/** Yields punches user by user, date by date, so a report can stream hundreds of thousands of them. */
export function* dryRunPunches(input: DryRunInput): Generator<Punch> {
  for (const { user, employee, offset, logs } of stampedUsers(input)) {
    const windows: [number, number | undefined, number | undefined][] = [];
    logs.forEachWindow((day, firstStart, lastEnd) => windows.push([day, firstStart, lastEnd]));
    for (const [day, firstStart, lastEnd] of windows) {
      const windowDate = formatDay(day);
      const punch = (kind: 'in' | 'out', time: WallSeconds): Punch => ({
        user,
        employee,
        kind,
        time: formatWallClock(time),
        workDate: formatDay(dayOf(time, offset)),
        windowDate,
      });
      if (firstStart !== undefined) yield punch('in', firstStart);
      if (lastEnd !== undefined) yield punch('out', lastEnd);
    }
  }
}

/**
 * The same punches in the same order as numbers, handed to `visit` without building an object or a
 * string each: the wizard lists 200,000 of them and formats only the two dozen on screen.
 */
export function forEachPunchTime(
  input: DryRunInput,
  visit: (user: string, employee: string, kind: 'in' | 'out', time: WallSeconds, workDay: DayNumber, windowDay: DayNumber) => void,
): void {
  for (const { user, employee, offset, logs } of stampedUsers(input)) {
    logs.forEachWindow((day, firstStart, lastEnd) => {
      if (firstStart !== undefined) visit(user, employee, 'in', firstStart, dayOf(firstStart, offset), day);
      if (lastEnd !== undefined) visit(user, employee, 'out', lastEnd, dayOf(lastEnd, offset), day);
    });
  }
}

export type OddPunchKind = 'start-before-day-change' | 'over-16h' | 'end-before-start';

export interface OddPunch {
  user: string;
  date: string;
  kind: OddPunchKind;
  start: string | undefined;
  end: string | undefined;
}

const SIXTEEN_HOURS = 16 * 3600;

/**
 * Shapes that betray "任意の操作" not done at the start or end of work (§5.2.3), or a late log-off:
 * a first start after midnight but before the window opens, a day over 16 h, an end before the start.
 */
export function findOddPunches(logs: Map<string, UserLogs>, windowStartMinutes: number): OddPunch[] {
  const odd: OddPunch[] = [];
  for (const user of [...logs.keys()].sort()) {
    logs.get(user)!.forEachWindow((day, firstStart, lastEnd) => {
      const note = (kind: OddPunchKind): void => {
        odd.push({
          user,
          date: formatDay(day),
          kind,
          start: firstStart === undefined ? undefined : formatWallClock(firstStart),
          end: lastEnd === undefined ? undefined : formatWallClock(lastEnd),
        });
      };
      const windowOpens = day * 86_400 + windowStartMinutes * 60;
      if (firstStart !== undefined && (firstStart < windowOpens || dayOf(firstStart, 0) !== day)) note('start-before-day-change');
      if (firstStart !== undefined && lastEnd !== undefined) {
        if (lastEnd < firstStart) note('end-before-start');
        else if (lastEnd - firstStart > SIXTEEN_HOURS) note('over-16h');
      }
    });
  }
  return odd;
}
