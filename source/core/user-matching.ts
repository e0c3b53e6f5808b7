import type { UserLogs } from './log-aggregate.js';
import type { MappingFile, MappingRow } from './mapping.js';
import { formatDay } from './wall-clock.js';

/**
 * The link service matches a LanScope user name to a サービスアカウント exactly, case included (§3.1).
 * Everything here follows that rule; near-misses are reported as such and never merged.
 */
export type NearMissKind = 'domain-prefix' | 'full-width' | 'spaces' | 'case';

export interface NearMiss {
  user: string;
  serviceAccount: string;
  employee: string;
  kind: NearMissKind;
  line: number;
}

export interface DuplicateMapping {
  serviceAccount: string;
  employees: string[];
  lines: number[];
}

export interface SharedPc {
  user: string;
  date: string;
  pcs: string[];
}

export interface UnusedMapping {
  employee: string;
  serviceAccount: string;
  name: string;
  line: number;
  /** `default`: never edited (サービスアカウント = 打刻先アカウント); `not-in-logs`: no LanScope user has that name. */
  reason: 'default' | 'not-in-logs';
}

export interface UserMatching {
  mapped: string[];
  unmapped: string[];
  duplicateMappings: DuplicateMapping[];
  sharedPc: SharedPc[];
  unused: UnusedMapping[];
  nearMisses: NearMiss[];
  /** サービスアカウント → the mapping rows that name it. */
  byServiceAccount: Map<string, MappingRow[]>;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function matchUsers(logs: Map<string, UserLogs> | undefined, mapping: MappingFile | undefined): UserMatching {
  const byServiceAccount = new Map<string, MappingRow[]>();
  for (const row of mapping?.rows ?? []) {
    if (row.serviceAccount === '') continue;
    const rows = byServiceAccount.get(row.serviceAccount);
    if (rows) rows.push(row);
    else byServiceAccount.set(row.serviceAccount, [row]);
  }

  const duplicateMappings: DuplicateMapping[] = [];
  for (const [serviceAccount, rows] of byServiceAccount) {
    const employees = [...new Set(rows.map((r) => r.employee))];
    if (employees.length > 1) duplicateMappings.push({ serviceAccount, employees, lines: rows.map((r) => r.line) });
  }

  const users = logs ? [...logs.keys()].sort(byText) : [];
  const mapped = mapping ? users.filter((u) => byServiceAccount.has(u)) : [];
  const unmapped = mapping ? users.filter((u) => !byServiceAccount.has(u)) : [];

  const nearMisses: NearMiss[] = [];
  if (mapping && logs) {
    // Only service accounts no log uses are candidates: "fixing" one that already matches would break it.
    const candidates = new Map<string, MappingRow[]>();
    for (const [account, rows] of byServiceAccount) {
      if (logs.has(account)) continue;
      const key = looseKey(account);
      candidates.set(key, [...(candidates.get(key) ?? []), ...rows]);
    }
    for (const user of unmapped) {
      for (const row of candidates.get(looseKey(user)) ?? []) {
        nearMisses.push({ user, serviceAccount: row.serviceAccount, employee: row.employee, kind: nearMissKind(user, row.serviceAccount), line: row.line });
      }
    }
  }

  const sharedPc: SharedPc[] = [];
  for (const user of users) {
    for (const { day, pcs } of logs!.get(user)!.sharedPcWindows()) sharedPc.push({ user, date: formatDay(day), pcs: pcs.sort(byText) });
  }
  sharedPc.sort((a, b) => byText(a.user, b.user) || byText(a.date, b.date));

  const unused: UnusedMapping[] = [];
  for (const row of mapping?.rows ?? []) {
    const base = { employee: row.employee, serviceAccount: row.serviceAccount, name: row.name, line: row.line };
    if (row.serviceAccount === row.employee) unused.push({ ...base, reason: 'default' });
    else if (logs && !logs.has(row.serviceAccount)) unused.push({ ...base, reason: 'not-in-logs' });
  }

  return { mapped, unmapped, duplicateMappings, sharedPc, unused, nearMisses, byServiceAccount };
}

function stripDomain(name: string): string {
  return name.replace(/^.*[\\¥￥]/, '');
}

function looseKey(name: string): string {
  return stripDomain(name.normalize('NFKC').trim()).toLowerCase();
}

/** The most telling difference first: a domain prefix explains more than the case it also changes. */
function nearMissKind(user: string, account: string): NearMissKind {
  const either = (test: (s: string) => boolean): boolean => test(user) || test(account);
  if (either((s) => /[\\¥￥]/.test(s))) return 'domain-prefix';
  if (either((s) => s.normalize('NFKC') !== s)) return 'full-width';
  if (either((s) => s.trim() !== s)) return 'spaces';
  return 'case';
}
