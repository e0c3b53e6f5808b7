import { formatClockTime } from './clock-time.js';
import type { CheckResult } from './checks/index.js';
import type { Diagnosis } from './checks/check.js';
import type { Finding, ReconcileResult } from './reconcile.js';

/**
 * The state file of `--since-last FILE`: what the last doctor and reconcile runs found, as keys (and a
 * value where a change of value matters, like a day-change time), so that a daily run reports only what
 * is new. It holds user names, employee codes and dates: never a token or a password.
 */
export interface StateSection {
  /** When that run ended, ISO 8601 with offset. */
  at: string;
  items: Record<string, string>;
}

export interface WatchState {
  version: 1;
  doctor?: StateSection;
  reconcile?: StateSection & { from: string; to: string };
}

export type StateProblem = 'not-json' | 'not-state' | 'newer-version';

/** Reads the state file's text; a problem rather than a guess when it is not one of ours. */
export function parseState(text: string): WatchState | { problem: StateProblem } {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { problem: 'not-json' };
  }
  const state = value as Partial<WatchState> | null;
  if (state === null || typeof state !== 'object' || typeof state.version !== 'number') return { problem: 'not-state' };
  if (state.version > 1) return { problem: 'newer-version' };
  for (const section of [state.doctor, state.reconcile]) {
    if (section === undefined) continue;
    if (typeof section !== 'object' || section === null || typeof section.at !== 'string' || typeof section.items !== 'object' || section.items === null) {
      return { problem: 'not-state' };
    }
  }
  return { version: 1, ...(state.doctor ? { doctor: state.doctor } : {}), ...(state.reconcile ? { reconcile: state.reconcile } : {}) };
}

export interface Change {
  key: string;
  value: string;
  /** The value the last run had, when it had this key with another value. */
  previous?: string;
}

export interface SinceLast {
  /** When the last run ended; null on the first run (everything is the baseline). */
  previousAt: string | null;
  /** Keys that are new, or whose value changed. */
  changes: Change[];
  /** Keys the last run had (within what this run looked at) that are gone. */
  resolved: string[];
}

export function compareWithLast(
  previous: StateSection | undefined,
  current: Record<string, string>,
  stillInScope: (key: string) => boolean = () => true,
): SinceLast {
  if (!previous) return { previousAt: null, changes: [], resolved: [] };
  const changes: Change[] = [];
  for (const [key, value] of Object.entries(current)) {
    const before = previous.items[key];
    if (before === undefined) changes.push({ key, value });
    else if (before !== value) changes.push({ key, value, previous: before });
  }
  const resolved = Object.keys(previous.items).filter((key) => !(key in current) && stillInScope(key));
  return { previousAt: previous.at, changes, resolved };
}

/** A finding's key: its day first, so a later range can tell which keys it still covers. */
export function findingKey(f: Finding): string {
  return [f.workDate, f.kind, f.employee ?? '', f.user ?? '', f.punch ?? ''].join('|');
}

export function reconcileItems(result: ReconcileResult): Record<string, string> {
  const items: Record<string, string> = {};
  for (const f of result.findings) items[findingKey(f)] = '';
  return items;
}

/** Keys of the last reconcile that this range covers: a finding gone from a day outside it is not "resolved". */
export function inRange(from: string, to: string): (key: string) => boolean {
  return (key) => {
    const date = key.slice(0, 10);
    return date >= from && date <= to;
  };
}

/**
 * What a daily doctor run watches: checks that turn warn or fail, LanScope users without a mapping,
 * duplicate mappings, user names on several PCs, and the day-change and collection start times.
 */
export type DoctorItemKind = 'check' | 'unmapped-user' | 'duplicate-mapping' | 'shared-pc' | 'day-change' | 'sql-start-time';

export function doctorItems(diagnosis: Diagnosis, results: readonly CheckResult[]): Record<string, string> {
  const items: Record<string, string> = {};
  for (const r of results) items[`check:${r.id}`] = r.status;
  for (const user of diagnosis.matching.unmapped) items[`unmapped-user:${user}`] = '';
  for (const d of diagnosis.matching.duplicateMappings) items[`duplicate-mapping:${d.serviceAccount}`] = d.employees.join(', ');
  for (const s of diagnosis.matching.sharedPc) items[`shared-pc:${s.user}`] = '';
  for (const d of diagnosis.facts.dayChanges) items[`day-change:${d.division ?? '*'}`] = d.text;
  const minutes = diagnosis.facts.sql?.result.minutes;
  if (minutes !== undefined) items['sql-start-time'] = formatClockTime(minutes);
  return items;
}

/** Only what deserves attention: a check that got worse, not one that recovered (that is "resolved"). */
export function doctorChanges(since: SinceLast): Change[] {
  return since.changes.filter((c) => !c.key.startsWith('check:') || c.value === 'warn' || c.value === 'fail');
}

export function splitKey(key: string): { kind: DoctorItemKind; subject: string } {
  const colon = key.indexOf(':');
  if (colon === -1) return { kind: key as DoctorItemKind, subject: '' };
  return { kind: key.slice(0, colon) as DoctorItemKind, subject: key.slice(colon + 1) };
}

/** The state after this run: the other command's section is kept as it was. */
export function nextState(
  previous: WatchState | undefined,
  update: { doctor: StateSection } | { reconcile: StateSection & { from: string; to: string } },
): WatchState {
  return { version: 1, ...(previous?.doctor ? { doctor: previous.doctor } : {}), ...(previous?.reconcile ? { reconcile: previous.reconcile } : {}), ...update };
}
