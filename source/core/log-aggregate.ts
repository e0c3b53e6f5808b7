import { dayOf, type DayNumber, type WallSeconds } from './wall-clock.js';

/**
 * Logs are folded into one record per user and LanScope window (the day that starts at the SQL start
 * time) as rows arrive, so memory grows with users × days, never with rows. That record is all a
 * punch needs: PC login link stamps the first start as 出勤 and the last end as 退勤.
 *
 * A month for 20,000 people is millions of rows through `addEvent`, so each user keeps its windows in
 * parallel arrays (days as small integers, times as unboxed doubles, NaN for "none") rather than an
 * object per window: no allocation per row, and a fraction of the memory. `windows` builds the
 * readable form on demand, for reports.
 */
export interface WindowSummary {
  firstStart: WallSeconds | undefined;
  lastEnd: WallSeconds | undefined;
  /** Distinct computers (names or agent numbers) seen in this window; empty when the file has no such column. */
  pcs: string[];
}

export interface UserLogsSnapshot {
  user: string;
  rows: number;
  days: number[];
  /** NaN where the window has no start (or end). */
  firstStarts: number[];
  lastEnds: number[];
  pcs: string[][];
}

export class UserLogs {
  rows = 0;
  private readonly days: DayNumber[] = [];
  private readonly firstStarts: number[] = [];
  private readonly lastEnds: number[] = [];
  /** The computer seen first for this user, and per window whether it was seen there (0/1). */
  private firstPc: string | undefined;
  private readonly firstPcSeen: number[] = [];
  /** Other computers, per window index: rare (a second PC), so kept out of the arrays. */
  private otherPcs: Map<number, string[]> | undefined;
  private last = 0;

  constructor(readonly user: string) {}

  get windowCount(): number {
    return this.days.length;
  }

  /** Windows in day order, for reports and checks. */
  get windows(): Map<DayNumber, WindowSummary> {
    const out = new Map<DayNumber, WindowSummary>();
    this.forEachWindow((day, firstStart, lastEnd, i) => out.set(day, { firstStart, lastEnd, pcs: this.pcsAt(i) }));
    return out;
  }

  /** The windows in day order without building objects: a report walks every user-day of a month. */
  forEachWindow(visit: (day: DayNumber, firstStart: WallSeconds | undefined, lastEnd: WallSeconds | undefined, index: number) => void): void {
    const days = this.days;
    let sorted = true;
    for (let i = 1; i < days.length; i++) if (days[i - 1]! > days[i]!) sorted = false;
    const order = sorted ? days.map((_, i) => i) : days.map((_, i) => i).sort((a, b) => days[a]! - days[b]!);
    for (const i of order) {
      const start = this.firstStarts[i]!;
      const end = this.lastEnds[i]!;
      visit(days[i]!, Number.isNaN(start) ? undefined : start, Number.isNaN(end) ? undefined : end, i);
    }
  }

  /** Windows in which this user name was used on more than one computer. */
  sharedPcWindows(): { day: DayNumber; pcs: string[] }[] {
    if (!this.otherPcs) return [];
    const shared: { day: DayNumber; pcs: string[] }[] = [];
    this.forEachWindow((day, _start, _end, i) => {
      const pcs = this.pcsAt(i);
      if (pcs.length > 1) shared.push({ day, pcs });
    });
    return shared;
  }

  /** Plain data (structured-clone safe), for handing a worker's aggregation to the main thread. */
  snapshot(): UserLogsSnapshot {
    return {
      user: this.user,
      rows: this.rows,
      days: this.days,
      firstStarts: this.firstStarts,
      lastEnds: this.lastEnds,
      pcs: this.days.map((_, i) => this.pcsAt(i)),
    };
  }

  /** Folds another reader's windows of this user in: earliest start, latest end, every computer. */
  merge(other: UserLogsSnapshot): void {
    const rows = this.rows;
    other.days.forEach((day, j) => {
      const i = this.slot(day, undefined);
      const start = other.firstStarts[j]!;
      const end = other.lastEnds[j]!;
      if (!Number.isNaN(start)) this.start(i, start);
      if (!Number.isNaN(end)) this.end(i, end);
      for (const pc of other.pcs[j]!) this.notePc(i, pc);
    });
    this.rows = rows + other.rows;
  }

  private pcsAt(i: number): string[] {
    const pcs = this.firstPcSeen[i] ? [this.firstPc!] : [];
    for (const pc of this.otherPcs?.get(i) ?? []) pcs.push(pc);
    return pcs;
  }

  /** Index of the window for `day`, created when new; rows of one user and day usually come together. */
  slot(day: DayNumber, pc: string | undefined): number {
    this.rows++;
    let i = this.last;
    if (this.days[i] !== day) {
      i = this.days.indexOf(day);
      if (i === -1) {
        i = this.days.push(day) - 1;
        this.firstStarts.push(Number.NaN);
        this.lastEnds.push(Number.NaN);
        this.firstPcSeen.push(0);
      }
      this.last = i;
    }
    if (pc !== undefined && pc !== '') this.notePc(i, pc);
    return i;
  }

  start(i: number, time: WallSeconds): void {
    // NaN (no start yet) fails every comparison, so the first time always lands.
    if (!(this.firstStarts[i]! <= time)) this.firstStarts[i] = time;
  }

  end(i: number, time: WallSeconds): void {
    if (!(this.lastEnds[i]! >= time)) this.lastEnds[i] = time;
  }

  private notePc(i: number, pc: string): void {
    if (this.firstPc === undefined) this.firstPc = pc;
    if (pc === this.firstPc) {
      this.firstPcSeen[i] = 1;
      return;
    }
    this.otherPcs ??= new Map();
    const others = this.otherPcs.get(i);
    if (!others) this.otherPcs.set(i, [pc]);
    else if (!others.includes(pc)) others.push(pc);
  }
}

export class LogAggregator {
  readonly users = new Map<string, UserLogs>();
  private lastUser = '';
  private lastLogs: UserLogs | undefined;

  constructor(readonly windowStartMinutes: number) {}

  /** Returns the window (day) the event was filed under. */
  addEvent(user: string, time: WallSeconds, kind: 'start' | 'end', pc: string | undefined): DayNumber {
    const logs = this.logsOf(user);
    const day = dayOf(time, this.windowStartMinutes);
    const i = logs.slot(day, pc);
    if (kind === 'start') logs.start(i, time);
    else logs.end(i, time);
    return day;
  }

  /** A summary row: one user's first start and last end of one day (day given, or that of the start). */
  addSpan(user: string, start: WallSeconds | undefined, end: WallSeconds | undefined, day: DayNumber | undefined, pc: string | undefined): DayNumber | undefined {
    const anchor = start ?? end;
    if (anchor === undefined && day === undefined) return undefined;
    const logs = this.logsOf(user);
    const window = day ?? dayOf(anchor!, this.windowStartMinutes);
    const i = logs.slot(window, pc);
    if (start !== undefined) logs.start(i, start);
    if (end !== undefined) logs.end(i, end);
    return window;
  }

  snapshot(): UserLogsSnapshot[] {
    return [...this.users.values()].map((logs) => logs.snapshot());
  }

  merge(snapshots: readonly UserLogsSnapshot[]): void {
    for (const snapshot of snapshots) this.logsOf(snapshot.user).merge(snapshot);
  }

  private logsOf(user: string): UserLogs {
    if (user === this.lastUser && this.lastLogs) return this.lastLogs;
    let logs = this.users.get(user);
    if (!logs) {
      logs = new UserLogs(user);
      this.users.set(user, logs);
    }
    this.lastUser = user;
    this.lastLogs = logs;
    return logs;
  }
}
