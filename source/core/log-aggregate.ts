import { dayOf, type DayNumber, type WallSeconds } from './wall-clock.js';

/**
 * Logs are folded into one record per user and LanScope window (the day that starts at the SQL start
 * time) as rows arrive, so memory grows with users × days, never with rows. That record is all a
 * punch needs: PC login link stamps the first start as 出勤 and the last end as 退勤.
 */
export interface WindowSummary {
  firstStart: WallSeconds | undefined;
  lastEnd: WallSeconds | undefined;
  /** Distinct computers (names or agent numbers) seen in this window; empty when the file has no such column. */
  pcs: string[];
}

export interface UserLogs {
  user: string;
  rows: number;
  windows: Map<DayNumber, WindowSummary>;
}

export class LogAggregator {
  readonly users = new Map<string, UserLogs>();

  constructor(readonly windowStartMinutes: number) {}

  addEvent(user: string, time: WallSeconds, kind: 'start' | 'end', pc: string | undefined): void {
    const window = this.window(user, dayOf(time, this.windowStartMinutes), pc);
    if (kind === 'start') {
      if (window.firstStart === undefined || time < window.firstStart) window.firstStart = time;
    } else if (window.lastEnd === undefined || time > window.lastEnd) {
      window.lastEnd = time;
    }
  }

  /** A summary row: one user's first start and last end of one day (day given, or that of the start). */
  addSpan(user: string, start: WallSeconds | undefined, end: WallSeconds | undefined, day: DayNumber | undefined, pc: string | undefined): void {
    const anchor = start ?? end;
    if (anchor === undefined && day === undefined) return;
    const window = this.window(user, day ?? dayOf(anchor!, this.windowStartMinutes), pc);
    if (start !== undefined && (window.firstStart === undefined || start < window.firstStart)) window.firstStart = start;
    if (end !== undefined && (window.lastEnd === undefined || end > window.lastEnd)) window.lastEnd = end;
  }

  private window(user: string, day: DayNumber, pc: string | undefined): WindowSummary {
    let logs = this.users.get(user);
    if (!logs) {
      logs = { user, rows: 0, windows: new Map() };
      this.users.set(user, logs);
    }
    logs.rows++;
    let window = logs.windows.get(day);
    if (!window) {
      window = { firstStart: undefined, lastEnd: undefined, pcs: [] };
      logs.windows.set(day, window);
    }
    if (pc !== undefined && pc !== '' && !window.pcs.includes(pc)) window.pcs.push(pc);
    return window;
  }
}
