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

/** No window, no time yet: wall-clock seconds of this link are never negative (years 2000–2099). */
const NONE = -1;
const orNone = (value: number): number => (Number.isNaN(value) ? NONE : value);

export class UserLogs {
  /**
   * The window rows are landing in, kept in fields and written to the arrays when another window is
   * opened or the windows are read: a row then touches this object only. Rows of a day's file come for
   * 20,000 users in turn, and four arrays per row were four cache misses (most of the aggregation's time).
   * Declared first, so they share a cache line; NONE rather than NaN keeps them small integers, stored
   * in the object rather than boxed (times until 2038).
   */
  private currentDay = NONE;
  private currentStart = NONE;
  private currentEnd = NONE;
  private currentPcSeen = 0;
  private current = -1;
  rows = 0;
  /** The computer seen first for this user, and per window whether it was seen there (0/1). */
  private firstPc: string | undefined;
  private readonly days: DayNumber[] = [];
  /** NaN where the window has no start (or end). */
  private readonly firstStarts: number[] = [];
  private readonly lastEnds: number[] = [];
  private readonly firstPcSeen: number[] = [];
  /** Other computers, per window index: rare (a second PC), so kept out of the arrays. */
  private otherPcs: Map<number, string[]> | undefined;

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
    this.store();
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
    this.store();
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
      this.slot(day, undefined);
      const start = other.firstStarts[j]!;
      const end = other.lastEnds[j]!;
      if (!Number.isNaN(start)) this.start(start);
      if (!Number.isNaN(end)) this.end(end);
      for (const pc of other.pcs[j]!) this.notePc(pc);
    });
    this.rows = rows + other.rows;
  }

  private pcsAt(i: number): string[] {
    const pcs = this.firstPcSeen[i] ? [this.firstPc!] : [];
    for (const pc of this.otherPcs?.get(i) ?? []) pcs.push(pc);
    return pcs;
  }

  /** Makes `day`'s window the one rows land in (created when new) and counts the row. */
  slot(day: DayNumber, pc: string | undefined): void {
    this.rows++;
    if (day !== this.currentDay) this.open(day);
    if (pc !== undefined && pc !== '') this.notePc(pc);
  }

  start(time: WallSeconds): void {
    if (this.currentStart === NONE || time < this.currentStart) this.currentStart = time;
  }

  end(time: WallSeconds): void {
    if (this.currentEnd === NONE || time > this.currentEnd) this.currentEnd = time;
  }

  private open(day: DayNumber): void {
    this.store();
    let i = this.days.indexOf(day);
    if (i === -1) {
      i = this.days.push(day) - 1;
      this.firstStarts.push(Number.NaN);
      this.lastEnds.push(Number.NaN);
      this.firstPcSeen.push(0);
    }
    this.current = i;
    this.currentDay = day;
    this.currentStart = orNone(this.firstStarts[i]!);
    this.currentEnd = orNone(this.lastEnds[i]!);
    this.currentPcSeen = this.firstPcSeen[i]!;
  }

  /** Writes the current window back to the arrays (it stays current). */
  private store(): void {
    const i = this.current;
    if (i === -1) return;
    this.firstStarts[i] = this.currentStart === NONE ? Number.NaN : this.currentStart;
    this.lastEnds[i] = this.currentEnd === NONE ? Number.NaN : this.currentEnd;
    this.firstPcSeen[i] = this.currentPcSeen;
  }

  private notePc(pc: string): void {
    if (this.firstPc === undefined) this.firstPc = pc;
    if (pc === this.firstPc) {
      this.currentPcSeen = 1;
      return;
    }
    this.otherPcs ??= new Map();
    const others = this.otherPcs.get(this.current);
    if (!others) this.otherPcs.set(this.current, [pc]);
    else if (!others.includes(pc)) others.push(pc);
  }
}

export class LogAggregator {
  readonly users = new Map<string, UserLogs>();

  constructor(readonly windowStartMinutes: number) {}

  /** Returns the window (day) the event was filed under. */
  addEvent(user: string, time: WallSeconds, kind: 'start' | 'end', pc: string | undefined): DayNumber {
    const logs = this.logsOf(user);
    const day = dayOf(time, this.windowStartMinutes);
    logs.slot(day, pc);
    if (kind === 'start') logs.start(time);
    else logs.end(time);
    return day;
  }

  /** A summary row: one user's first start and last end of one day (day given, or that of the start). */
  addSpan(user: string, start: WallSeconds | undefined, end: WallSeconds | undefined, day: DayNumber | undefined, pc: string | undefined): DayNumber | undefined {
    const anchor = start ?? end;
    if (anchor === undefined && day === undefined) return undefined;
    const logs = this.logsOf(user);
    const window = day ?? dayOf(anchor!, this.windowStartMinutes);
    logs.slot(window, pc);
    if (start !== undefined) logs.start(start);
    if (end !== undefined) logs.end(end);
    return window;
  }

  /** Forgets everything read (a read that gave up part-way starts again). */
  clear(): void {
    this.users.clear();
  }

  snapshot(): UserLogsSnapshot[] {
    return [...this.users.values()].map((logs) => logs.snapshot());
  }

  merge(snapshots: readonly UserLogsSnapshot[]): void {
    for (const snapshot of snapshots) this.logsOf(snapshot.user).merge(snapshot);
  }

  private logsOf(user: string): UserLogs {
    // No cache of the last user: in a log sorted by time it is rarely the same, and the check cost more than it saved (measured).
    let logs = this.users.get(user);
    if (!logs) {
      logs = new UserLogs(user);
      this.users.set(user, logs);
    }
    return logs;
  }
}
