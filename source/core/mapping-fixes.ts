import { MAPPING_HEADER_4, MAPPING_HEADER_5, type MappingFile, type MappingRow } from './mapping.js';
import type { NearMissKind, UserMatching } from './user-matching.js';

/**
 * Fixes the wizard can offer for the mapping export (§3.1), and the upload file they make (§3.2.1: only
 * the rows present in an upload are updated, so it holds the changed rows only). Nothing is merged
 * silently: every fix is a suggestion the admin accepts row by row.
 */
export type FixReason = 'near-miss' | 'unedited';

export interface SuggestedFix {
  /** The mapping row (1-based line in the export) the fix changes. */
  line: number;
  employee: string;
  name: string;
  /** サービスアカウント now. */
  from: string;
  /** サービスアカウント after the fix: a LanScope user name, exactly as the logs write it. */
  to: string;
  reason: FixReason;
  /** For a near miss: what differs (case, domain prefix, …). */
  kind?: NearMissKind;
}

/**
 * Near misses become "set サービスアカウント to the user name"; an unedited row (サービスアカウント still the
 * employee code) becomes "set it to the unmapped LanScope user whose name is the employee's 姓・名"
 * (spaces and width ignored), when exactly one such user exists. Only unmapped users are proposed, so
 * an accepted fix never takes a name another row already uses.
 */
export function suggestFixes(matching: UserMatching, mapping: MappingFile | undefined): SuggestedFix[] {
  if (!mapping) return [];
  const rowAt = new Map(mapping.rows.map((r) => [r.line, r]));
  const fixes: SuggestedFix[] = [];
  for (const miss of matching.nearMisses) {
    const row = rowAt.get(miss.line);
    if (!row) continue;
    fixes.push({ line: row.line, employee: row.employee, name: row.name, from: row.serviceAccount, to: miss.user, reason: 'near-miss', kind: miss.kind });
  }
  const byName = new Map<string, string[]>();
  for (const user of matching.unmapped) {
    const key = nameKey(user.replace(/^.*[\\¥￥]/, ''));
    if (key !== '') byName.set(key, [...(byName.get(key) ?? []), user]);
  }
  for (const unused of matching.unused) {
    if (unused.reason !== 'default') continue;
    const candidates = byName.get(nameKey(unused.name)) ?? [];
    if (candidates.length !== 1) continue;
    const row = rowAt.get(unused.line)!;
    fixes.push({ line: row.line, employee: row.employee, name: row.name, from: row.serviceAccount, to: candidates[0]!, reason: 'unedited' });
  }
  return fixes.sort((a, b) => a.line - b.line || (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}

function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Accepted fixes that would give one サービスアカウント to several rows (a duplicate mapping in the making). */
export function conflictingFixes(accepted: ReadonlyMap<number, string>): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  for (const [line, to] of accepted) lines.set(to, [...(lines.get(to) ?? []), line]);
  return new Map([...lines].filter(([, l]) => l.length > 1));
}

function accountIndex(mapping: MappingFile): number {
  return (mapping.columns === 5 ? MAPPING_HEADER_5 : MAPPING_HEADER_4).indexOf('サービスアカウント');
}

/** The mapping as it will be once the upload is imported: the changed rows get their new サービスアカウント. */
export function applyFixes(mapping: MappingFile, accepted: ReadonlyMap<number, string>): MappingFile {
  if (accepted.size === 0) return mapping;
  const at = accountIndex(mapping);
  const rows = mapping.rows.map((row): MappingRow => {
    const to = accepted.get(row.line);
    if (to === undefined || to === row.serviceAccount) return row;
    const fields = [...row.fields];
    fields[at] = to;
    return { ...row, serviceAccount: to, fields };
  });
  return { ...mapping, rows };
}

/** One CSV field, quoted when the export quoted it or when its value could not stand unquoted. */
function field(value: string, quoted: boolean): string {
  if (quoted || /[",\r\n]/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

export interface UploadText {
  text: string;
  /** The export lines of the rows it holds, in file order. */
  lines: number[];
}

/**
 * The upload file's text: the export's header, then only the changed rows, each written with the export's
 * own fields and quoting (`LanScope連携,"2","3000",勤怠 花子,"hanakok"`); only サービスアカウント changes.
 * Encoding is the caller's (it is the export's, see io/upload-file.ts).
 */
export function uploadCsvText(mapping: MappingFile, accepted: ReadonlyMap<number, string>, eol: '\r\n' | '\n' = '\r\n'): UploadText {
  const at = accountIndex(mapping);
  const lines: number[] = [];
  const out = [mapping.header.map((h) => field(h, false)).join(',')];
  for (const row of mapping.rows) {
    const to = accepted.get(row.line);
    if (to === undefined || to === row.serviceAccount) continue;
    lines.push(row.line);
    out.push(row.fields.map((value, i) => field(i === at ? to : value, row.quoted[i] ?? false)).join(','));
  }
  return { text: out.join(eol) + eol, lines };
}

/** `export.csv` → `export.upload.csv` (then `export.upload-2.csv`, … when taken): never the export itself. */
export function uploadFileName(exportFile: string, attempt = 1): string {
  const m = /^(.*?)(\.csv)?$/i.exec(exportFile)!;
  const base = m[1]!;
  const ext = m[2] ?? '.csv';
  return `${base}.upload${attempt > 1 ? `-${attempt}` : ''}${ext}`;
}
