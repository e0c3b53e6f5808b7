import { parseWallClock, type DayNumber, type WallSeconds } from './wall-clock.js';

/**
 * The punches KING OF TIME holds, as the Web API's `/daily-workings/timerecord` lists them, kept per
 * employee code in parallel arrays: a month for 20,000 people is over half a million punches, and an
 * object each would cost several times the memory of the numbers themselves.
 */
export type PunchKind = 'in' | 'out';

/** One employee's punches: index i is one record (day it is filed under, kind, time, source). */
export interface EmployeePunches {
  days: DayNumber[];
  /** 1 = 出勤 (in), 2 = 退勤 (out). */
  kinds: number[];
  times: WallSeconds[];
  /** Index into `ActualPunches.sources`, -1 when the answer did not say how the punch was made. */
  sources: number[];
}

export class ActualPunches {
  private readonly byEmployee = new Map<string, EmployeePunches>();
  /** How each punch was made (credentialName: "PC ログイン連携", "IC カード", …), each name once. */
  readonly sources: string[] = [];
  private readonly sourceIndex = new Map<string, number>();
  /** Work days the API answered for (even with nobody on them). */
  readonly days = new Set<DayNumber>();
  /** Punches of an employee key that neither /employees nor the record itself tied to a code. */
  unattributed = 0;
  /** Records with another code (休憩, 外出 …): not what the link sends. */
  otherKinds = 0;
  count = 0;

  add(employee: string, day: DayNumber, kind: PunchKind, time: WallSeconds, source: string | undefined): void {
    let punches = this.byEmployee.get(employee);
    if (!punches) {
      punches = { days: [], kinds: [], times: [], sources: [] };
      this.byEmployee.set(employee, punches);
    }
    punches.days.push(day);
    punches.kinds.push(kind === 'in' ? 1 : 2);
    punches.times.push(time);
    punches.sources.push(source === undefined ? -1 : this.sourceId(source));
    this.count++;
  }

  of(employee: string): EmployeePunches | undefined {
    return this.byEmployee.get(employee);
  }

  has(employee: string): boolean {
    return this.byEmployee.has(employee);
  }

  private sourceId(source: string): number {
    let id = this.sourceIndex.get(source);
    if (id === undefined) {
      id = this.sources.push(source) - 1;
      this.sourceIndex.set(source, id);
    }
    return id;
  }
}

const JST_OFFSET_SECONDS = 9 * 3600;

/**
 * `2024-12-17T09:03:00+09:00` as a JST wall-clock time (LanScope's logs are JST wall clock too).
 * The common +09:00 form is read without building a Date; other offsets are converted.
 */
export function parseKotTime(text: string): WallSeconds | undefined {
  if (text.length === 25 && text.endsWith('+09:00')) return parseWallClock(text.slice(0, 19));
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000) + JST_OFFSET_SECONDS;
}

/** 打刻区分: 1 出勤 and 2 退勤 are what PC login link sends; 休憩 and the rest are not compared. */
export function punchKindOf(code: string): PunchKind | undefined {
  return code === '1' ? 'in' : code === '2' ? 'out' : undefined;
}

/** Whether a punch's source (credentialName) names PC login link rather than an IC card, browser or phone. */
export function isPcSource(source: string): boolean {
  return /PC|ＰＣ|パソコン|ログイン連携|LanScope/i.test(source);
}
