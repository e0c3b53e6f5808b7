import { msg } from '../../i18n/message.js';
import type { MappingFile } from '../mapping.js';
import { preview, skip, type Check } from './check.js';

export interface ExcelSigns {
  /** Rows with a value Excel turned into a number in E notation (`1.00E+03`). */
  scientific: number[];
  /** Rows whose all-digit code is shorter than its zero-padded neighbours (`0012` → `12`). */
  zerosLost: number[];
  /** The export quotes its code columns; a file with no quoted field at all was re-saved. */
  quotesGone: boolean;
}

const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?E[+-]?\d+$/i;

export function findExcelSigns(mapping: MappingFile): ExcelSigns {
  const scientific = mapping.rows.filter((r) => r.fields.some((f) => SCIENTIFIC.test(f.trim()))).map((r) => r.line);
  // Zero-padded codes share one width; a shorter all-digit code beside them lost its zeros.
  const padded = mapping.rows.filter((r) => /^0\d+$/.test(r.employee));
  const width = padded.length ? Math.max(...padded.map((r) => r.employee.length)) : undefined;
  const zerosLost =
    width === undefined ? [] : mapping.rows.filter((r) => /^\d+$/.test(r.employee) && r.employee.length < width).map((r) => r.line);
  const quotesGone = mapping.columns === 5 && mapping.rows.length > 0 && mapping.rows.every((r) => r.quoted.every((q) => !q));
  return { scientific, zerosLost, quotesGone };
}

export const mappingExcel: Check = {
  id: 'mapping-excel',
  manual: '§3.1',
  run({ facts }) {
    if (!facts.mapping) return skip(msg('skip.notGiven', { flag: '--mapping' }));
    const { file, encoding, data: mapping } = facts.mapping;
    const signs = findExcelSigns(mapping);
    const data = { ...signs, encoding, rows: mapping.rows.length, columns: mapping.columns };
    if (signs.scientific.length || signs.zerosLost.length) {
      return {
        status: 'fail',
        detail: msg('excel.damaged', {
          file,
          scientific: preview(signs.scientific.map(String)),
          zerosLost: preview(signs.zerosLost.map(String)),
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
