import type { Message } from '../i18n/message.js';
import type { CheckResult } from './checks/index.js';
import type { CheckStatus, Diagnosis } from './checks/check.js';
import { dryRunPunches, type Punch } from './dry-run.js';
import type { Facts } from './facts.js';

/**
 * The doctor report (`--json` version 1): the contract the wizard and scripts build on. Punches are an
 * iterator so a writer can stream hundreds of thousands of them without building the array.
 */
export interface ReportCheck {
  id: string;
  status: CheckStatus;
  title: string;
  detail: string;
  advice?: string;
  /** What the check saw, step by step (the proxy check's stages), when it has more than one line to say. */
  lines?: string[];
  manual: string;
  data: Record<string, unknown>;
}

export interface Report {
  version: 1;
  summary: Record<CheckStatus, number>;
  checks: ReportCheck[];
  users: {
    mapped: string[];
    unmapped: string[];
    duplicateMappings: { serviceAccount: string; employees: string[] }[];
    sharedPc: { user: string; date: string; pcs: string[] }[];
    unused: { employee: string; serviceAccount: string; reason: string }[];
    nearMisses: { user: string; serviceAccount: string; kind: string; employee: string }[];
  };
  punches: Iterable<Punch>;
  /** With `--since-last`: what is new since the last run (see commands/doctor-since-last.ts). */
  sinceLast?: Record<string, unknown>;
}

export type Translator = (message: Message) => string;

export function summarise(results: readonly { status: CheckStatus }[]): Record<CheckStatus, number> {
  const summary = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const r of results) summary[r.status]++;
  return summary;
}

/**
 * KING OF TIME files a punch under its employee's division day-change time. The mapping export does not
 * say which division an employee is in; the Web API does, when the admin gave its token. Without it,
 * the value given for every division is used, else the first division's, else the collection start.
 */
export function punchDayChange(facts: Facts, windowStart: number): (employee: string) => number {
  const everyDivision = facts.dayChanges.find((d) => d.division === undefined);
  const fallback = (everyDivision ?? facts.dayChanges[0])?.minutes ?? windowStart;
  const byDivision = new Map(facts.dayChanges.flatMap((d) => (d.division === undefined ? [] : [[d.division, d.minutes] as const])));
  const divisionOf = new Map((facts.kotApi?.employees ?? []).map((e) => [e.code, e.divisionCode]));
  if (divisionOf.size === 0) return () => fallback;
  return (employee) => byDivision.get(divisionOf.get(employee) ?? '') ?? fallback;
}

export function buildReport(diagnosis: Diagnosis, results: readonly CheckResult[], translate: Translator, titleOf: (id: string) => string): Report {
  const { facts, matching } = diagnosis;
  const dayChange = punchDayChange(facts, diagnosis.windowStart);
  return {
    version: 1,
    summary: summarise(results),
    checks: results.map((r) => ({
      id: r.id,
      status: r.status,
      title: titleOf(r.id),
      detail: translate(r.detail),
      ...(r.advice ? { advice: translate(r.advice) } : {}),
      ...(r.lines?.length ? { lines: r.lines.map(translate) } : {}),
      manual: r.manual,
      data: r.data ?? {},
    })),
    users: {
      mapped: matching.mapped,
      unmapped: matching.unmapped,
      duplicateMappings: matching.duplicateMappings.map(({ serviceAccount, employees }) => ({ serviceAccount, employees })),
      sharedPc: matching.sharedPc,
      unused: matching.unused.map(({ employee, serviceAccount, reason }) => ({ employee, serviceAccount, reason })),
      nearMisses: matching.nearMisses.map(({ user, serviceAccount, kind, employee }) => ({ user, serviceAccount, kind, employee })),
    },
    punches: facts.logs && facts.mapping
      ? { [Symbol.iterator]: () => dryRunPunches({ logs: facts.logs!.users, byServiceAccount: matching.byServiceAccount, dayChangeFor: dayChange }) }
      : [],
  };
}

