import { ActualPunches, parseKotTime, punchKindOf } from '../core/reconcile-actual.js';
import { formatDay, parseDay, type DayNumber } from '../core/wall-clock.js';
import { BadField, fetchKotArray, MissingField, type KotApiOptions, type KotApiResult } from './kot-api.js';

/**
 * `GET /daily-workings/timerecord?start=…&end=…`: the punches KING OF TIME holds, a few days per
 * request (the range of one request stays modest: an answer of a few MB, parsed whole), each date folded
 * into ActualPunches in turn, so that only one answer's JSON is in memory at a time. The answer, per date:
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
    const answer = await fetchKotArray(path, req, (item) => foldDay(item, actual, names, req.codeOfKey));
    if (!answer.ok) return answer;
    req.onProgress?.(end - req.from + 1, total);
  }
  return { ok: true, value: { actual, names } };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;

const object = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** One date of the answer into `actual`; the field that is not in the documented shape refuses the answer. */
function foldDay(item: Record<string, unknown>, actual: ActualPunches, names: Map<string, string>, codeOfKey: ReadonlyMap<string, string>): true | MissingField | BadField {
  const date = text(item.date);
  if (date === undefined) return new MissingField('date');
  const day = parseDay(date);
  if (day === undefined) return new BadField('date', date);
  actual.days.add(day);
  const workings = item.dailyWorkings ?? [];
  if (!Array.isArray(workings)) return new BadField('dailyWorkings');
  for (const [w, raw] of workings.entries()) {
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
  }
  return true;
}
