import { ActualPunches, parseKotTime, punchKindOf } from '../core/reconcile-actual.js';
import { formatDay, parseDay, type DayNumber } from '../core/wall-clock.js';
import { BadField, fetchKotItems, MissingField, type ItemReader, type KotApiOptions, type KotApiResult, type Refusal } from './kot-api.js';

/**
 * `GET /daily-workings/timerecord?start=…&end=…`: the punches KING OF TIME holds, a few days per
 * request (the range of one request stays modest), each employee's day folded into ActualPunches as it
 * arrives: what is in memory is the punches as numbers, never an answer or its objects (a date of 20,000
 * employees is about 7 MB of JSON). The answer, per date:
 * `{date, dailyWorkings:[{date, employeeKey, currentDateEmployee:{code, lastName, firstName, …},
 * timeRecord:[{time, code, name, credentialName?, …}]}]}`; properties that are null are left out.
 */
export interface TimerecordRequest extends KotApiOptions {
  from: DayNumber;
  to: DayNumber;
  /** employeeKey → code, from /employees: the record's own currentDateEmployee is used first. */
  codeOfKey: ReadonlyMap<string, string>;
  daysPerRequest: number;
  onProgress?: (done: number, total: number) => void;
}

export interface Timerecords {
  actual: ActualPunches;
  /** Names the answers gave (currentDateEmployee), for employees /employees did not list. */
  names: Map<string, string>;
}

/** Days per request: about 5,000 employee-days each (an answer of a few MB), at least one day, at most 31. */
export function daysPerRequest(employees: number): number {
  return Math.max(1, Math.min(31, Math.floor(5000 / Math.max(1, employees))));
}

export async function fetchTimerecords(req: TimerecordRequest): Promise<KotApiResult<Timerecords>> {
  const actual = new ActualPunches();
  const names = new Map<string, string>();
  const total = req.to - req.from + 1;
  for (let start = req.from; start <= req.to; start += req.daysPerRequest) {
    const end = Math.min(req.to, start + req.daysPerRequest - 1);
    const path = `daily-workings/timerecord?start=${formatDay(start)}&end=${formatDay(end)}`;
    const answer = await fetchKotItems(path, req, dateReader(actual, names, req.codeOfKey));
    if (!answer.ok) return answer;
    req.onProgress?.(end - req.from + 1, total);
  }
  return { ok: true, value: { actual: actual.seal(), names } };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;

const object = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/**
 * Each date of the answer, read member by member: its `date`, then each of its dailyWorkings as it comes.
 * The documented order has the date first; an employee's day that comes before it waits for it.
 */
function dateReader(actual: ActualPunches, names: Map<string, string>, codeOfKey: ReadonlyMap<string, string>): ItemReader {
  let date: string | undefined;
  let day: DayNumber | undefined;
  let waiting: [number, unknown][] = [];
  const fold = (w: number, raw: unknown): Refusal | undefined => foldWorking(w, raw, day!, actual, names, codeOfKey);
  return {
    into: 'dailyWorkings',
    member(_index, key, value) {
      if (key === 'date') {
        date = text(value);
        if (date === undefined) return;
        day = parseDay(date);
        if (day === undefined) return new BadField('date', date);
        actual.answeredDays.add(day);
        for (const [w, raw] of waiting) {
          const refusal = fold(w, raw);
          if (refusal) return refusal;
        }
        waiting = [];
      } else if (key === 'dailyWorkings' && value !== null) {
        return new BadField('dailyWorkings');
      }
    },
    element(_index, w, raw) {
      if (day === undefined) waiting.push([w, raw]);
      else return fold(w, raw);
    },
    itemEnd() {
      const missing = date === undefined;
      date = undefined;
      day = undefined;
      waiting = [];
      if (missing) return new MissingField('date');
    },
  };
}

/** One employee's day into `actual`; the field that is not in the documented shape refuses the answer. */
function foldWorking(w: number, raw: unknown, day: DayNumber, actual: ActualPunches, names: Map<string, string>, codeOfKey: ReadonlyMap<string, string>): Refusal | undefined {
  const at = `dailyWorkings[${w}]`;
  const working = object(raw);
  if (!working) return new BadField(at);
  const own = text(working.date);
  const workDay = own === undefined ? day : parseDay(own);
  if (workDay === undefined) return new BadField(`${at}.date`, own);
  const employee = object(working.currentDateEmployee);
  const key = text(working.employeeKey);
  const code = text(employee?.code) ?? (key === undefined ? undefined : codeOfKey.get(key));
  const records = working.timeRecord ?? [];
  if (!Array.isArray(records)) return new BadField(`${at}.timeRecord`);
  if (code !== undefined && employee && !names.has(code)) {
    const name = [text(employee.lastName), text(employee.firstName)].filter(Boolean).join(' ');
    if (name) names.set(code, name);
  }
  for (const [r, rawRecord] of records.entries()) {
    const record = object(rawRecord);
    const kind = punchKindOf(text(record?.code) ?? '');
    if (kind === undefined) {
      actual.otherKinds++;
      continue;
    }
    const timeText = text(record!.time);
    if (timeText === undefined) return new MissingField(`${at}.timeRecord[${r}].time`);
    // Documented as YYYY-MM-DDTHH:MM:SS+09:00.
    const time = parseKotTime(timeText);
    if (time === undefined) return new BadField(`${at}.timeRecord[${r}].time`, timeText);
    if (code === undefined) {
      actual.unattributed++;
      continue;
    }
    actual.add(code, workDay, kind, time, text(record!.credentialName));
  }
  return undefined;
}
