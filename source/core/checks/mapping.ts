import { msg } from '../../i18n/message.js';
import type { MappingFile, MappingRow } from '../mapping.js';
import { shortenMiddle } from '../printable.js';
import { preview, skip, type Check } from './check.js';

/** One code that lost its leading zeros: what the file holds now, and what it held when that is known. */
export interface LostZeros {
  line: number;
  found: string;
  /** The code before Excel (`0012`), from the employee list or the padded codes beside it. */
  was: string;
}

export interface ExcelSigns {
  /** Rows with a value Excel turned into a number in E notation (`1.00E+03`). */
  scientific: number[];
  /** Rows whose code lost its leading zeros (`0012` → `12`). */
  zerosLost: number[];
  /**
   * How the lost zeros were found: the KING OF TIME employee list (exact), zero-padded codes left beside
   * them, or — when no padded code is left and the quotes are gone — all-digit codes of differing widths.
   */
  zerosBy: 'employees' | 'neighbours' | 'widths' | null;
  /** The export quotes its code columns; a file with no quoted field at all was re-saved. */
  quotesGone: boolean;
  /** The first of each kind, to show the admin what happened. */
  examples: { scientific?: { line: number; value: string }; zerosLost?: LostZeros };
}

const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?E[+-]?\d+$/i;
const DIGITS = /^\d+$/;

/**
 * Excel's marks on a re-saved export. `employeeCodes`, the codes KING OF TIME holds (Web API), makes the
 * zero check exact: `12` in the file, no employee `12`, an employee `0012`.
 */
export function findExcelSigns(mapping: MappingFile, employeeCodes?: readonly string[]): ExcelSigns {
  const scientificRows = mapping.rows.filter((r) => r.fields.some((f) => SCIENTIFIC.test(f.trim())));
  const quotesGone = mapping.columns === 5 && mapping.rows.length > 0 && mapping.rows.every((r) => r.quoted.every((q) => !q));
  const { lost, by } = lostZeros(mapping, quotesGone, employeeCodes);
  const first = scientificRows[0];
  const value = first?.fields.find((f) => SCIENTIFIC.test(f.trim()))?.trim();
  return {
    scientific: scientificRows.map((r) => r.line),
    zerosLost: lost.map((z) => z.line),
    zerosBy: lost.length ? by : null,
    quotesGone,
    examples: {
      ...(first && value !== undefined ? { scientific: { line: first.line, value } } : {}),
      ...(lost[0] ? { zerosLost: lost[0] } : {}),
    },
  };
}

function lostZeros(mapping: MappingFile, quotesGone: boolean, employeeCodes: readonly string[] | undefined): { lost: LostZeros[]; by: ExcelSigns['zerosBy'] } {
  const rows = mapping.rows;
  if (employeeCodes && employeeCodes.length > 0) {
    const known = new Set(employeeCodes);
    // Each padded code of KING OF TIME under its unpadded form: 0012 is what 12 was.
    const padded = new Map<string, string>();
    for (const code of employeeCodes) if (DIGITS.test(code) && code.startsWith('0')) padded.set(code.replace(/^0+(?=\d)/, ''), code);
    const lost = rows.flatMap((r) => {
      const was = DIGITS.test(r.employee) && !known.has(r.employee) ? padded.get(r.employee) : undefined;
      return was ? [{ line: r.line, found: r.employee, was }] : [];
    });
    return { lost, by: 'employees' };
  }
  // Zero-padded codes share one width; a shorter all-digit code beside them lost its zeros.
  const widthOfPadded = Math.max(0, ...rows.filter((r) => /^0\d+$/.test(r.employee)).map((r) => r.employee.length));
  if (widthOfPadded > 0) return { lost: shorterThan(rows, (r) => r.employee, widthOfPadded), by: 'neighbours' };
  if (!quotesGone) return { lost: [], by: null };
  // No padded code is left to compare with: Excel strips every one. All-digit codes of several widths in a
  // file that also lost its quotes are the same mark (an untouched export keeps codes as text, quoted).
  const lost: LostZeros[] = [];
  for (const column of [(r: MappingRow) => r.employee, (r: MappingRow) => r.kindCode ?? '']) {
    const values = rows.map(column);
    if (!values.every((v) => DIGITS.test(v))) continue;
    const widest = Math.max(...values.map((v) => v.length));
    if (values.some((v) => v.length !== widest)) lost.push(...shorterThan(rows, column, widest));
  }
  lost.sort((a, b) => a.line - b.line);
  return { lost: lost.filter((z, i) => i === 0 || z.line !== lost[i - 1]!.line), by: 'widths' };
}

function shorterThan(rows: readonly MappingRow[], column: (r: MappingRow) => string, width: number): LostZeros[] {
  return rows.flatMap((r) => {
    const code = column(r);
    return DIGITS.test(code) && code.length < width ? [{ line: r.line, found: code, was: code.padStart(width, '0') }] : [];
  });
}

export const mappingExcel: Check = {
  id: 'mapping-excel',
  manual: '§3.1',
  run({ facts }) {
    if (!facts.mapping) return skip(msg('skip.notGiven', { flag: '--mapping' }));
    const { file, encoding, data: mapping } = facts.mapping;
    const signs = findExcelSigns(mapping, facts.kotApi?.employees?.map((e) => e.code));
    const data = { ...signs, encoding, rows: mapping.rows.length, columns: mapping.columns };
    if (signs.scientific.length || signs.zerosLost.length) {
      const { scientific, zerosLost } = signs.examples;
      return {
        status: 'fail',
        detail: msg('excel.damaged', {
          file,
          scientific: preview(signs.scientific.map(String)),
          scientificExample: scientific ? shortenMiddle(scientific.value, 40) : '',
          zerosLost: preview(signs.zerosLost.map(String)),
          zerosExample: zerosLost ? `${shortenMiddle(zerosLost.was, 40)} → ${shortenMiddle(zerosLost.found, 40)}` : '',
          zerosBy: signs.zerosBy ?? 'neighbours',
          quotesGone: signs.quotesGone,
        }),
        advice: msg('excel.advice', {}),
        data,
      };
    }
    if (signs.quotesGone) return { status: 'warn', detail: msg('excel.quotesGone', { file }), advice: msg('excel.advice', {}), data };
    return { status: 'pass', detail: msg('excel.pass', { file, rows: mapping.rows.length, encoding }), data };
  },
};

export const duplicateMappings: Check = {
  id: 'duplicate-mappings',
  manual: '§5.2.2',
  run({ facts, matching }) {
    if (!facts.mapping) return skip(msg('skip.notGiven', { flag: '--mapping' }));
    const duplicates = matching.duplicateMappings;
    const data = { count: duplicates.length, duplicateMappings: duplicates };
    if (duplicates.length === 0) return { status: 'pass', detail: msg('duplicates.pass', {}), data };
    const list = duplicates.map((d) => `${d.serviceAccount} → ${d.employees.join('/')}`);
    return { status: 'fail', detail: msg('duplicates.fail', { count: duplicates.length, list: preview(list, 3) }), advice: msg('duplicates.advice', {}), data };
  },
};

export const unusedMappings: Check = {
  id: 'unused-mappings',
  manual: '§3.1',
  run({ facts, matching }) {
    if (!facts.mapping) return skip(msg('skip.notGiven', { flag: '--mapping' }));
    const unused = matching.unused;
    const defaults = unused.filter((u) => u.reason === 'default');
    const unseen = unused.filter((u) => u.reason === 'not-in-logs');
    const data = { count: unused.length, defaults: defaults.length, notInLogs: unseen.length, logsGiven: Boolean(facts.logs), unused };
    if (unused.length === 0) return { status: 'pass', detail: msg('unused.pass', { rows: facts.mapping.data.rows.length }), data };
    return {
      status: 'warn',
      detail: msg('unused.warn', {
        defaults: defaults.length,
        defaultList: preview(defaults.map((u) => `${u.employee} ${u.name}`), 3),
        unseen: unseen.length,
        unseenList: preview(unseen.map((u) => u.serviceAccount), 3),
      }),
      advice: msg('unused.advice', {}),
      data,
    };
  },
};
