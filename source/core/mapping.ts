import { parse } from 'csv-parse/sync';
import { CsvRecordLines } from './csv-lines.js';
import { trackQuotes } from './csv-quotes.js';
import { InputError, MAX_LINE_BYTES, csvProblem } from './input-problem.js';

/**
 * The employee mapping exported from PC ログイン連携's admin screen:
 * `連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント`, values quoted, e.g.
 * `LanScope連携,"2","1000",勤怠 太郎,"tarouk"`. Values are never cast: `0012` stays `0012`.
 * Each field's quoting is kept, both to spot an Excel round-trip and to write uploads back the same way.
 */
export interface MappingRow {
  /** 1-based line in the file. */
  line: number;
  kind: string;
  kindCode: string | undefined;
  /** 打刻先アカウント: the KING OF TIME employee code. */
  employee: string;
  name: string;
  /** サービスアカウント: must equal the LanScope user name exactly, case included. */
  serviceAccount: string;
  /** The row as read, for writing an upload in the export's own shape. */
  fields: string[];
  quoted: boolean[];
}

export interface MappingFile {
  header: string[];
  /** Which header form: with 種別コード (5 columns) or without (4). */
  columns: 4 | 5;
  rows: MappingRow[];
}

export const MAPPING_HEADER_5 = ['連携種別', '種別コード', '打刻先アカウント', '姓・名', 'サービスアカウント'];
export const MAPPING_HEADER_4 = ['連携種別', '打刻先アカウント', '姓・名', 'サービスアカウント'];

interface ParsedRecord {
  record: string[];
  raw: string;
}

export function parseMapping(text: string, file: string): MappingFile {
  if (text.trim() === '') throw new InputError({ code: 'empty', kind: 'mapping', file });
  let records: ParsedRecord[];
  try {
    // Quoting and line numbers come from each record's raw text: csv-parse's per-field `cast` context cost 16×
    // the parse, its `info` per record a third more.
    records = parse(text, {
      bom: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
      max_record_size: MAX_LINE_BYTES,
    }) as unknown as ParsedRecord[];
  } catch (err) {
    throw new InputError(csvProblem(err, file, 'mapping', trackQuotes(text, MAX_LINE_BYTES).scan));
  }
  const lines = new CsvRecordLines(() => trackQuotes(text));
  const [first, ...rest] = records;
  if (first === undefined) throw new InputError({ code: 'empty', kind: 'mapping', file });
  const firstLine = lines.next(first.raw);
  const header = first.record.map((name) => name.normalize('NFKC').trim());
  const columns = sameHeader(header, MAPPING_HEADER_5) ? 5 : sameHeader(header, MAPPING_HEADER_4) ? 4 : undefined;
  if (columns === undefined) {
    const duplicate = header.findIndex((name, i) => MAPPING_HEADER_5.includes(name) && header.indexOf(name) !== i);
    if (duplicate !== -1) {
      const name = header[duplicate]!;
      throw new InputError({ code: 'duplicate-column', kind: 'mapping', file, line: firstLine, field: name, value: `${header.indexOf(name) + 1}, ${duplicate + 1}` });
    }
    throw new InputError({
      code: 'unknown-header',
      kind: 'mapping',
      file,
      line: firstLine,
      found: header,
      needed: [MAPPING_HEADER_5.join(','), MAPPING_HEADER_4.join(',')],
    });
  }
  const names = columns === 5 ? MAPPING_HEADER_5 : MAPPING_HEADER_4;
  const [kind, employee, name, serviceAccount] = ['連携種別', '打刻先アカウント', '姓・名', 'サービスアカウント'].map((n) => names.indexOf(n)) as [number, number, number, number];
  const rows = rest.map(({ record: values, raw }) => {
    const line = lines.next(raw);
    if (values.length !== columns) {
      throw new InputError({ code: 'csv-fields', kind: 'mapping', file, line, value: `${values.length}/${columns}` });
    }
    return {
      line,
      kind: values[kind]!,
      kindCode: columns === 5 ? values[1]! : undefined,
      employee: values[employee]!,
      name: values[name]!,
      serviceAccount: values[serviceAccount]!,
      fields: values,
      quoted: quotedFields(raw),
    };
  });
  return { header: first!.record, columns, rows };
}

function sameHeader(found: readonly string[], wanted: readonly string[]): boolean {
  return found.length === wanted.length && wanted.every((name, i) => found[i] === name);
}

/** The export's header, in either form (names compared after NFKC and trimming, as parseMapping does). */
export function isMappingHeader(fields: readonly string[]): boolean {
  const header = fields.map((name) => name.normalize('NFKC').replace(/^\uFEFF/, '').trim());
  return sameHeader(header, MAPPING_HEADER_5) || sameHeader(header, MAPPING_HEADER_4);
}

/**
 * Which fields of one raw CSV record were written in quotes (`"..."`, with `""` inside). The raw text of a
 * record after empty lines starts with their line breaks (csv-parse skipped them): the record starts after.
 */
export function quotedFields(raw: string): boolean[] {
  const quoted: boolean[] = [];
  let i = 0;
  while (raw[i] === '\r' || raw[i] === '\n') i++;
  for (;;) {
    if (raw[i] === '"') {
      quoted.push(true);
      i++;
      while (i < raw.length && !(raw[i] === '"' && raw[i + 1] !== '"')) i += raw[i] === '"' ? 2 : 1;
      i++;
    } else {
      quoted.push(false);
    }
    while (i < raw.length && raw[i] !== ',' && raw[i] !== '\r' && raw[i] !== '\n') i++;
    if (raw[i] !== ',') return quoted;
    i++;
  }
}
