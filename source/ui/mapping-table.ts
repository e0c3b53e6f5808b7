import type { SuggestedFix } from '../core/mapping-fixes.js';
import type { MappingFile, MappingRow } from '../core/mapping.js';
import type { UserMatching } from '../core/user-matching.js';

/**
 * The rows of step 5's table: every LanScope user and every mapping row, once, with what matchUsers
 * found about them. Built once per matching; the table renders only the rows that fit.
 */
export type RowStatus = 'duplicate' | 'near-miss' | 'unmapped' | 'shared-pc' | 'unused' | 'mapped' | 'no-logs';

/** Problems first: the order of the table and of the filter keys. */
export const STATUS_ORDER: readonly RowStatus[] = ['duplicate', 'near-miss', 'unmapped', 'shared-pc', 'unused', 'mapped', 'no-logs'];

export interface TableRow {
  key: string;
  /** The status the row is shown with (the most pressing). */
  status: RowStatus;
  /** Every status that applies (a mapped user can also be on several PCs). */
  tags: RowStatus[];
  user: string;
  account: string;
  employee: string;
  name: string;
  line: number | undefined;
  /** Fixes offered for this row's mapping line. */
  fixes: SuggestedFix[];
  /** Shared PC: the computers of the first day seen on several. */
  pcs?: { date: string; pcs: string[] };
  unusedReason?: 'default' | 'not-in-logs';
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function mappingTable(matching: UserMatching, mapping: MappingFile | undefined, fixes: readonly SuggestedFix[], logsRead: boolean): TableRow[] {
  const rows: TableRow[] = [];
  const duplicates = new Set(matching.duplicateMappings.map((d) => d.serviceAccount));
  const shared = new Map<string, { date: string; pcs: string[] }>();
  for (const s of matching.sharedPc) if (!shared.has(s.user)) shared.set(s.user, { date: s.date, pcs: s.pcs });
  const fixesAt = new Map<number, SuggestedFix[]>();
  for (const f of fixes) fixesAt.set(f.line, [...(fixesAt.get(f.line) ?? []), f]);
  const shown = new Set<number>();

  const fromRow = (row: MappingRow, user: string, tags: RowStatus[]): TableRow => {
    shown.add(row.line);
    const status = STATUS_ORDER.find((s) => tags.includes(s))!;
    return {
      key: `${user}\u0000${row.line}`,
      status,
      tags,
      user,
      account: row.serviceAccount,
      employee: row.employee,
      name: row.name,
      line: row.line,
      fixes: fixesAt.get(row.line) ?? [],
      ...(shared.has(user) ? { pcs: shared.get(user)! } : {}),
    };
  };

  for (const user of matching.mapped) {
    const extra: RowStatus[] = shared.has(user) ? ['shared-pc'] : [];
    for (const row of matching.byServiceAccount.get(user) ?? []) {
      rows.push(fromRow(row, user, [duplicates.has(user) ? 'duplicate' : 'mapped', ...extra]));
    }
  }

  const rowAt = new Map((mapping?.rows ?? []).map((r) => [r.line, r]));
  const missesOf = new Map<string, number[]>();
  for (const miss of matching.nearMisses) missesOf.set(miss.user, [...(missesOf.get(miss.user) ?? []), miss.line]);
  for (const user of matching.unmapped) {
    const extra: RowStatus[] = shared.has(user) ? ['shared-pc'] : [];
    const lines = missesOf.get(user);
    if (lines) {
      for (const line of lines) {
        const row = fromRow(rowAt.get(line)!, user, ['near-miss', 'unmapped', ...extra]);
        rows.push({ ...row, fixes: row.fixes.filter((f) => f.to === user) });
      }
      continue;
    }
    rows.push({
      key: `${user}\u0000`,
      status: 'unmapped',
      tags: ['unmapped', ...extra],
      user,
      account: '',
      employee: '',
      name: '',
      line: undefined,
      fixes: [],
      ...(shared.has(user) ? { pcs: shared.get(user)! } : {}),
    });
  }

  const unusedAt = new Map(matching.unused.map((u) => [u.line, u.reason]));
  const loggedUsers = new Set([...matching.mapped, ...matching.unmapped]);
  for (const row of mapping?.rows ?? []) {
    if (shown.has(row.line) || loggedUsers.has(row.serviceAccount)) continue;
    const reason = unusedAt.get(row.line);
    const tags: RowStatus[] = [];
    if (duplicates.has(row.serviceAccount)) tags.push('duplicate');
    if (reason || logsRead) tags.push('unused');
    if (!logsRead) tags.push('no-logs');
    const r = fromRow(row, '', tags);
    rows.push({ ...r, ...(reason ? { unusedReason: reason } : {}) });
  }

  const rank = (s: RowStatus): number => STATUS_ORDER.indexOf(s);
  return rows.sort((a, b) => rank(a.status) - rank(b.status) || byText(a.user || a.account, b.user || b.account) || (a.line ?? 0) - (b.line ?? 0));
}

export function countByStatus(rows: readonly TableRow[]): Record<RowStatus, number> {
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<RowStatus, number>;
  for (const row of rows) for (const tag of new Set(row.tags)) counts[tag]++;
  return counts;
}
