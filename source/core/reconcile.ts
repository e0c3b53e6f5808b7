import { formatClockTime } from './clock-time.js';
import { forEachPunchTime, type DryRunInput } from './dry-run.js';
import type { UserLogs } from './log-aggregate.js';
import type { MappingRow } from './mapping.js';
import { isPcSource, type ActualPunches, type PunchKind } from './reconcile-actual.js';
import type { UserMatching } from './user-matching.js';
import { formatDay, formatWallClock, parseDay, type DayNumber, type WallSeconds } from './wall-clock.js';

/**
 * After go-live: the punches the logs should have produced (the dry-run engine, unchanged) against the
 * punches KING OF TIME holds, per employee and LanScope work day. Pure: the caller fetched everything.
 *
 * A punch is "as expected" when KING OF TIME holds one of the same kind within a minute of the log (it
 * stores minutes) on the same work day. Otherwise, in this order: it arrived on another day
 * (`wrong-day`), one of that kind exists that day at another time (`time-differs`), or there is none
 * (`missing-in` / `missing-out`). A day with logs where nothing at all arrived is one `day-not-sent`.
 */
export type FindingKind = 'missing-in' | 'missing-out' | 'time-differs' | 'wrong-day' | 'day-not-sent';

/** What the tool can tell about why; `null` when it cannot. */
export type FindingCause = 'unmapped-user' | 'duplicate-mapping' | 'other-source' | 'day-change' | 'unknown-employee';

export interface Finding {
  kind: FindingKind;
  /** KING OF TIME employee code; null for a user with no mapping row to guess from, and for a whole day. */
  employee: string | null;
  name: string | null;
  /** LanScope user name whose logs made the punch. */
  user: string | null;
  /** The work day the logs say (LanScope's day), YYYY-MM-DD. */
  workDate: string;
  punch: PunchKind | null;
  /** Log time, YYYY-MM-DDTHH:MM (KING OF TIME keeps minutes). */
  expected: string | null;
  /** The time KING OF TIME holds, YYYY-MM-DDTHH:MM. */
  actual: string | null;
  /** With wrong-day: the work day KING OF TIME filed it under. */
  actualWorkDate: string | null;
  cause: FindingCause | null;
  /** What the cause is about: the user name, service account, source name or day-change time. */
  causeDetail: string | null;
}

export interface DaySummary {
  date: string;
  /** Users with logs that day (one per LanScope user name: normally one per employee). */
  expected: number;
  matched: number;
  differing: number;
  /** Punches the logs call for, and how many arrived (on any day, at any source of the link). */
  punches: number;
  arrived: number;
  notSent: boolean;
}

export interface ReconcileSummary {
  days: number;
  expected: number;
  matched: number;
  differing: number;
  daysNotSent: number;
  findings: number;
  byKind: Record<FindingKind, number>;
  /** KING OF TIME punches whose employee key no answer tied to a code (not compared). */
  unattributed: number;
}

export interface ReconcileResult {
  from: string;
  to: string;
  summary: ReconcileSummary;
  /** Worst first: days not sent, then by differing users, then by date. */
  days: DaySummary[];
  /** Grouped by day in `days` order, then by employee. */
  findings: Finding[];
}

export interface ReconcileInput {
  logs: Map<string, UserLogs>;
  matching: UserMatching;
  dayChangeFor: (employee: string) => number;
  actual: ActualPunches;
  /** LanScope work days to compare, inclusive. */
  from: DayNumber;
  to: DayNumber;
  /** Employee code → name to show (mapping export first, then KING OF TIME). */
  nameOf: (employee: string) => string | undefined;
  /** Codes KING OF TIME knows (from /employees and the answers); undefined when not known. */
  knownEmployees?: ReadonlySet<string>;
}

const MINUTE = 60;

interface DayTally {
  expected: number;
  matched: number;
  differing: number;
  punches: number;
  arrived: number;
}

/** Who else's logs never became punches: unmapped users and duplicate mappings, with the employee(s) they were meant for. */
interface Unstamped {
  user: string;
  employee: string;
  cause: 'unmapped-user' | 'duplicate-mapping';
  detail: string;
}

export function reconcile(input: ReconcileInput): ReconcileResult {
  const { actual, from, to } = input;
  actual.seal();
  const tallies = new Map<DayNumber, DayTally>();
  const findings: Finding[] = [];
  // A punch of KING OF TIME accounts for one log punch at most: those taken, by index.
  const taken = new Uint8Array(actual.count);
  const tallyOf = (day: DayNumber): DayTally => {
    let t = tallies.get(day);
    if (!t) tallies.set(day, (t = { expected: 0, matched: 0, differing: 0, punches: 0, arrived: 0 }));
    return t;
  };

  // One user-day at a time: its punches come together (in, then out) from the engine.
  let current = '';
  let currentDay = 0;
  let currentDiffers = false;
  const closeUserDay = (): void => {
    if (current === '') return;
    const t = tallyOf(currentDay);
    t.expected++;
    if (currentDiffers) t.differing++;
    else t.matched++;
  };

  const compare = (
    user: string,
    employee: string,
    kind: PunchKind,
    time: WallSeconds,
    workDay: DayNumber,
    windowDay: DayNumber,
    unstamped: Unstamped | undefined,
  ): void => {
    if (windowDay < from || windowDay > to) return;
    const key = `${user}\u0000${employee}`;
    if (key !== current || windowDay !== currentDay) {
      closeUserDay();
      current = key;
      currentDay = windowDay;
      currentDiffers = false;
    }
    const tally = tallyOf(windowDay);
    if (!unstamped) tally.punches++;
    const finding = compareOne(input, taken, user, employee, kind, time, workDay, windowDay, unstamped);
    // What the link sent counts as arrived even at another time or on another day; another source's punch does not.
    const arrived = finding === 'matched' || finding.kind === 'wrong-day' || (finding.kind === 'time-differs' && finding.cause === null);
    if (arrived && !unstamped) tally.arrived++;
    if (finding === 'matched') return;
    findings.push(finding);
    currentDiffers = true;
  };

  const stamped: DryRunInput = { logs: input.logs, byServiceAccount: input.matching.byServiceAccount, dayChangeFor: input.dayChangeFor };
  forEachPunchTime(stamped, (user, employee, kind, time, workDay, windowDay) => compare(user, employee, kind, time, workDay, windowDay, undefined));

  // The engine again, for the logs the link could not stamp, each time with one employee per user name.
  for (const pass of unstampedPasses(input.logs, input.matching)) {
    const byServiceAccount = new Map<string, MappingRow[]>();
    const why = new Map<string, Unstamped>();
    for (const u of pass) {
      byServiceAccount.set(u.user, [syntheticRow(u.user, u.employee)]);
      why.set(u.user, u);
    }
    const logs = new Map(pass.map((u) => [u.user, input.logs.get(u.user)!] as const));
    forEachPunchTime({ logs, byServiceAccount, dayChangeFor: input.dayChangeFor }, (user, employee, kind, time, workDay, windowDay) =>
      compare(user, employee, kind, time, workDay, windowDay, why.get(user)),
    );
  }
  closeUserDay();

  // A day with logs and not one punch of the link in KING OF TIME: the service did not send it.
  const notSent = new Set<DayNumber>();
  for (const [day, t] of tallies) if (t.punches > 0 && t.arrived === 0) notSent.add(day);

  const days: DaySummary[] = [...tallies.entries()]
    .map(([day, t]) => ({ day, summary: { date: formatDay(day), ...t, notSent: notSent.has(day) } }))
    .sort((a, b) => Number(b.summary.notSent) - Number(a.summary.notSent) || b.summary.differing - a.summary.differing || a.day - b.day)
    .map((d) => d.summary);

  const order = new Map(days.map((d, i) => [d.date, i]));
  const kept = findings.filter((f) => !notSent.has(parseDay(f.workDate)!));
  for (const day of notSent) {
    const t = tallies.get(day)!;
    kept.push({
      kind: 'day-not-sent',
      employee: null,
      name: null,
      user: null,
      workDate: formatDay(day),
      punch: null,
      expected: null,
      actual: null,
      actualWorkDate: null,
      cause: null,
      causeDetail: `${t.punches}`,
    });
  }
  kept.sort(
    (a, b) =>
      order.get(a.workDate)! - order.get(b.workDate)! ||
      Number(b.kind === 'day-not-sent') - Number(a.kind === 'day-not-sent') ||
      byText(a.employee ?? '\uffff', b.employee ?? '\uffff') ||
      byText(a.user ?? '', b.user ?? '') ||
      Number(a.punch === 'out') - Number(b.punch === 'out'),
  );

  const byKind: Record<FindingKind, number> = { 'missing-in': 0, 'missing-out': 0, 'time-differs': 0, 'wrong-day': 0, 'day-not-sent': 0 };
  for (const f of kept) byKind[f.kind]++;
  const sum = (pick: (d: DaySummary) => number): number => days.reduce((n, d) => n + pick(d), 0);
  return {
    from: formatDay(from),
    to: formatDay(to),
    summary: {
      days: days.length,
      expected: sum((d) => d.expected),
      matched: sum((d) => d.matched),
      differing: sum((d) => d.differing),
      daysNotSent: notSent.size,
      findings: kept.length,
      byKind,
      unattributed: actual.unattributed,
    },
    days,
    findings: kept,
  };
}

function compareOne(
  input: ReconcileInput,
  taken: Uint8Array,
  user: string,
  employee: string,
  kind: PunchKind,
  time: WallSeconds,
  workDay: DayNumber,
  windowDay: DayNumber,
  unstamped: Unstamped | undefined,
): Finding | 'matched' {
  const actual = input.actual;
  const range = employee === '' ? undefined : actual.of(employee);
  const wanted = kind === 'in' ? 1 : 2;
  const minute = Math.floor(time / MINUTE);
  let near = -1;
  let sameDay = -1;
  // A punch of KING OF TIME accounts for one log punch at most: jirou's 01:30 filed under the next day is
  // that day's wrong-day clock-out, not a "different time" for the next day's own clock-out.
  if (range) {
    let nearGap = Infinity;
    let sameDayGap = Infinity;
    for (let i = range.from; i < range.to; i++) {
      if (actual.kind[i] !== wanted || taken[i]) continue;
      const gap = Math.abs(Math.floor(actual.time[i]! / MINUTE) - minute);
      if (gap <= 1 && gap < nearGap) {
        near = i;
        nearGap = gap;
      }
      if (actual.day[i] === windowDay && gap < sameDayGap) {
        sameDay = i;
        sameDayGap = gap;
      }
    }
  }
  const base = {
    employee: employee === '' ? null : employee,
    name: (employee === '' ? undefined : input.nameOf(employee)) ?? null,
    user,
    workDate: formatDay(windowDay),
    punch: kind,
    expected: minuteText(time),
  };
  const because = (cause: FindingCause | null, causeDetail: string | null) =>
    unstamped ? { cause: unstamped.cause, causeDetail: unstamped.detail } : { cause, causeDetail };

  if (near !== -1) {
    taken[near] = 1;
    const landed = actual.day[near]!;
    // For logs the link could not stamp, a punch at that minute came from elsewhere: nothing to report.
    if (landed === windowDay || unstamped) return 'matched';
    return {
      kind: 'wrong-day',
      ...base,
      actual: minuteText(actual.time[near]!),
      actualWorkDate: formatDay(landed),
      // The dry run predicted it when the employee's day-change time files the log under another day.
      ...(workDay !== windowDay ? { cause: 'day-change' as const, causeDetail: formatClockTime(input.dayChangeFor(employee)) } : { cause: null, causeDetail: null }),
    };
  }
  if (sameDay !== -1) {
    taken[sameDay] = 1;
    const source = actual.sourceOf[sameDay]!;
    const sourceName = source === -1 ? undefined : actual.sources[source]!;
    const other = sourceName !== undefined && !isPcSource(sourceName);
    return {
      kind: 'time-differs',
      ...base,
      actual: minuteText(actual.time[sameDay]!),
      actualWorkDate: null,
      ...because(other ? 'other-source' : null, other ? sourceName : null),
    };
  }
  const unknown = employee !== '' && input.knownEmployees !== undefined && !input.knownEmployees.has(employee);
  return {
    kind: kind === 'in' ? 'missing-in' : 'missing-out',
    ...base,
    actual: null,
    actualWorkDate: null,
    ...because(unknown ? 'unknown-employee' : null, null),
  };
}

/**
 * Unmapped users (with the employee of a near-miss row when there is one) and duplicate mappings (each
 * employee named), split so that every pass gives each user name exactly one employee, as the engine needs.
 */
function unstampedPasses(logs: Map<string, UserLogs>, matching: UserMatching): Unstamped[][] {
  const candidates = new Map<string, Unstamped[]>();
  const add = (u: Unstamped): void => {
    const list = candidates.get(u.user) ?? [];
    if (!list.some((c) => c.employee === u.employee)) list.push(u);
    candidates.set(u.user, list);
  };
  for (const user of matching.unmapped) {
    const near = matching.nearMisses.filter((n) => n.user === user);
    if (near.length === 0) add({ user, employee: '', cause: 'unmapped-user', detail: user });
    for (const n of near) add({ user, employee: n.employee, cause: 'unmapped-user', detail: user });
  }
  for (const d of matching.duplicateMappings) {
    if (!logs.has(d.serviceAccount)) continue;
    for (const employee of d.employees) add({ user: d.serviceAccount, employee, cause: 'duplicate-mapping', detail: d.serviceAccount });
  }
  const passes: Unstamped[][] = [];
  for (const list of candidates.values()) {
    list.forEach((u, i) => (passes[i] ??= []).push(u));
  }
  return passes;
}

function syntheticRow(user: string, employee: string): MappingRow {
  return { line: 0, kind: '', kindCode: undefined, employee, name: '', serviceAccount: user, fields: [], quoted: [] };
}

function minuteText(time: WallSeconds): string {
  return formatWallClock(time).slice(0, 16);
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
