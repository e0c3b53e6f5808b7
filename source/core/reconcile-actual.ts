import { parseWallClock, type DayNumber, type WallSeconds } from './wall-clock.js';

/**
 * The punches KING OF TIME holds, as the Web API's `/daily-workings/timerecord` lists them: a month for
 * 20,000 people is over a million punches, kept in typed columns (13 bytes a punch; per-employee arrays
 * of JavaScript numbers took about 40 with their slack, an object each several times that). Punches come
 * date by date; seal() then orders them by employee, so that each employee's punches are one range.
 */
export type PunchKind = 'in' | 'out';

/** One employee's punches: indices `from` (inclusive) to `to` (exclusive) of the columns. */
export interface PunchRange {
  from: number;
  to: number;
}

type Column = Int32Array | Uint32Array | Uint8Array;

/** `column` with room for index `i`: doubled when full. */
function room<C extends Column>(column: C, i: number, make: (size: number) => C): C {
  if (i < column.length) return column;
  const bigger = make(column.length * 2);
  bigger.set(column);
  return bigger;
}

/** The punches as they come (date by date), until seal() orders them by employee. */
interface Arriving {
  employee: Int32Array;
  day: Int32Array;
  kind: Uint8Array;
  time: Uint32Array;
  source: Int32Array;
}

export class ActualPunches {
  private readonly employeeIds = new Map<string, number>();
  private arriving: Arriving | undefined = {
    employee: new Int32Array(1024),
    day: new Int32Array(1024),
    kind: new Uint8Array(1024),
    time: new Uint32Array(1024),
    source: new Int32Array(1024),
  };
  /** After seal(): where each employee's range starts, by employee id (one more entry: the end). */
  private starts = new Int32Array(1);

  // After seal(), by index, each employee's punches in one range (of()), in the order they came:
  /** The work day KING OF TIME filed the punch under. */
  day = new Int32Array(0);
  /** 1 = 出勤 (in), 2 = 退勤 (out). */
  kind = new Uint8Array(0);
  /** Wall-clock seconds (up to 2099: more than an Int32 holds from 2038, within a Uint32). */
  time = new Uint32Array(0);
  /** Index into `sources`, -1 when the answer did not say how the punch was made. */
  sourceOf = new Int32Array(0);

  /** How each punch was made (credentialName: "PC ログイン連携", "IC カード", …), each name once. */
  readonly sources: string[] = [];
  private readonly sourceIndex = new Map<string, number>();
  /** Work days the API answered for (even with nobody on them). */
  readonly answeredDays = new Set<DayNumber>();
  /** Punches of an employee key that neither /employees nor the record itself tied to a code. */
  unattributed = 0;
  /** Records with another code (休憩, 外出 …): not what the link sends. */
  otherKinds = 0;
  count = 0;

  add(employee: string, day: DayNumber, kind: PunchKind, time: WallSeconds, source: string | undefined): void {
    const a = this.arriving;
    if (!a) throw new Error('ActualPunches: a punch added after seal()');
    let id = this.employeeIds.get(employee);
    if (id === undefined) this.employeeIds.set(employee, (id = this.employeeIds.size));
    const i = this.count++;
    a.employee = room(a.employee, i, (n) => new Int32Array(n));
    a.day = room(a.day, i, (n) => new Int32Array(n));
    a.kind = room(a.kind, i, (n) => new Uint8Array(n));
    a.time = room(a.time, i, (n) => new Uint32Array(n));
    a.source = room(a.source, i, (n) => new Int32Array(n));
    a.employee[i] = id;
    a.day[i] = day;
    a.kind[i] = kind === 'in' ? 1 : 2;
    a.time[i] = time;
    a.source[i] = source === undefined ? -1 : this.sourceId(source);
  }

  /** Orders the punches by employee (a counting sort) into columns of their exact size; no punch is added after. */
  seal(): this {
    const a = this.arriving;
    if (!a) return this;
    const n = this.count;
    const employees = this.employeeIds.size;
    const starts = new Int32Array(employees + 1);
    for (let i = 0; i < n; i++) starts[a.employee[i]! + 1]!++;
    for (let e = 0; e < employees; e++) starts[e + 1]! += starts[e]!;
    const next = starts.slice(0, employees);
    this.day = new Int32Array(n);
    this.kind = new Uint8Array(n);
    this.time = new Uint32Array(n);
    this.sourceOf = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const at = next[a.employee[i]!]!++;
      this.day[at] = a.day[i]!;
      this.kind[at] = a.kind[i]!;
      this.time[at] = a.time[i]!;
      this.sourceOf[at] = a.source[i]!;
    }
    this.starts = starts;
    this.arriving = undefined;
    return this;
  }

  /** An employee's punches (after seal()): indices `from` to `to` (exclusive); undefined when KING OF TIME holds none. */
  of(employee: string): PunchRange | undefined {
    const id = this.employeeIds.get(employee);
    if (id === undefined || this.arriving) return undefined;
    return { from: this.starts[id]!, to: this.starts[id + 1]! };
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
