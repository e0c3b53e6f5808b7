import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { CsvRecordLines } from '../source/core/csv-lines.js';

/** The benchmark's seeded PRNG (mulberry32), as fuzz.test.ts takes it. */
const { mulberry32 } = (await import(new URL('../../bench/generate.mjs', import.meta.url).href)) as { mulberry32: (seed: number) => () => number };

type Parsed = { raw: string; info: { lines: number } };
const OPTIONS = { bom: true, raw: true, info: true, skip_empty_lines: true, relax_column_count: true } as const;

/** Issue 14: parseMapping takes its line numbers from the raw records; they must be csv-parse's own `info.lines`. */
test("a record's line from its raw text is csv-parse's info.lines, quirks included", () => {
  const cases = [
    'h1,h2\r\n"a\r\nb",c\r\n\r\nd,"e"\r\nf,g',
    'h\n\n\na\nb\n',
    'h\r\n"x\ny",1\r\n\r\n\r\n2\r\n',
    '\uFEFFh,i\r\n1,2\r\n',
    'a\rb\r"c\r\nd"\r',
  ];
  const random = mulberry32(5);
  const pick = (list: string[]): string => list[Math.floor(random() * list.length)]!;
  const fields = ['a', '1', '', ' ', '"x"', '"y\r\nz"', '"q\nr"', '""', '"s""t"', '"u\rv"'];
  const breaks = ['\r\n', '\r\n', '\n', '\r\n\r\n', '\n\n', '\r'];
  for (let i = 0; i < 3000; i++) {
    const rows = Array.from({ length: 1 + Math.floor(random() * 8) }, () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(fields)).join(','));
    cases.push(rows.map((row) => row + pick(breaks)).join('').slice(0, random() < 0.3 ? -1 : undefined));
  }
  let compared = 0;
  for (const text of cases) {
    let records: Parsed[];
    try {
      records = parse(text, OPTIONS) as unknown as Parsed[];
    } catch {
      continue; // broken quoting: csv-parse's own error gives the line
    }
    const lines = new CsvRecordLines();
    assert.deepEqual(records.map((r) => lines.next(r.raw)), records.map((r) => r.info.lines), JSON.stringify(text));
    compared++;
  }
  assert.ok(compared > 800, `${compared} texts compared`);
});
