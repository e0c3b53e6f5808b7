import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { CsvRecordLines } from '../source/core/csv-lines.js';
import { QuoteTracker, trackQuotes } from '../source/core/csv-quotes.js';
import { InputError, type InputProblem } from '../source/core/input-problem.js';
import { parseMapping } from '../source/core/mapping.js';
import { runCli } from './helpers.js';

/**
 * Issue #9, "errors that point at the right place": after a valid quoted value that spans lines, csv-parse
 * counts each CR and each LF of a CRLF inside quotes as a line, so every later row and error was placed one
 * line too far per line break in that value. The mapping reader now says the file's line, in LF and CRLF
 * files alike; a row that spans lines is placed where it starts.
 */
const { mulberry32 } = (await import(new URL('../../bench/generate.mjs', import.meta.url).href)) as { mulberry32: (seed: number) => () => number };

const HEADER = '連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント';
const row = (code: string, name: string, account: string) => `LanScope連携,"2","${code}","${name}","${account}"`;

/** The export with a name that spans three lines (rows 2–4), an empty line 5, then rows on lines 6 and 7, and `last` on line 8. */
function exportWith(eol: string, last: string): string {
  return [HEADER, row('1000', `勤怠${eol}太郎${eol}(本社)`, 'tarouk'), '', row('1001', '勤怠 花子', 'hanakok'), row('1002', '勤怠 次郎', 'jirou'), last].join(eol) + eol;
}

function problemOf(text: string): InputProblem {
  try {
    parseMapping(text, 'export.csv');
  } catch (err) {
    assert.ok(err instanceof InputError, String(err));
    return err.problem;
  }
  assert.fail('expected an InputError');
}

describe('the mapping export: lines after a quoted value that spans lines are the file\'s lines', () => {
  for (const [label, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ] as const) {
    it(`${label}: each row where it starts`, () => {
      const mapping = parseMapping(exportWith(eol, row('1003', '勤怠 三郎', 'saburo')), 'export.csv');
      assert.deepEqual(
        mapping.rows.map((r) => [r.employee, r.line]),
        [
          ['1000', 2],
          ['1001', 6],
          ['1002', 7],
          ['1003', 8],
        ],
      );
      assert.equal(mapping.rows[0]!.name, `勤怠${eol}太郎${eol}(本社)`, 'the value is kept as it is');
    });

    it(`${label}: a row with too few values, a quote inside a value, text after a closing quote: line 8`, () => {
      assert.deepEqual([problemOf(exportWith(eol, 'LanScope連携,"2","1003",勤怠 三郎')).code, problemOf(exportWith(eol, 'LanScope連携,"2","1003",勤怠 三郎')).line], ['csv-fields', 8]);
      const inside = problemOf(exportWith(eol, 'LanScope連携,"2",10"03,勤怠 三郎,"saburo"'));
      assert.deepEqual([inside.code, inside.line], ['csv-quote-inside', 8]);
      const after = problemOf(exportWith(eol, 'LanScope連携,"2","1003"x,勤怠 三郎,"saburo"'));
      assert.deepEqual([after.code, after.line], ['csv-quote-after', 8]);
    });

    it(`${label}: a quote left open on line 8 is still placed where it opened`, () => {
      const p = problemOf(exportWith(eol, 'LanScope連携,"2","1003,勤怠 三郎,saburo') + `LanScope連携,2,1004,x,y${eol}`);
      assert.deepEqual([p.code, p.line], ['csv-quote-not-closed', 8]);
    });
  }

  it('a header that is not the export\'s, after empty lines, and a name holding CRLF in an LF file', () => {
    assert.equal(problemOf(`\r\n\r\n連携種別,x\r\n`).line, 3);
    // Excel writes CRLF inside a cell even when the rest was saved with LF by another tool.
    const mixed = [HEADER, row('1000', '勤怠\r\n太郎', 'tarouk'), row('1001', '勤怠 花子', 'hanakok'), 'LanScope連携,"2","1002"'].join('\n') + '\n';
    assert.deepEqual(parseMapping(mixed.replace(/,"1002"\n$/, ',"1002","x","y"\n'), 'export.csv').rows.map((r) => r.line), [2, 4, 5]);
    assert.equal(problemOf(mixed).line, 5);
  });

  it('after a UTF-8 BOM, a quoted first header field that spans lines and one left open are placed right', () => {
    const rows = [row('1000', '勤怠 太郎', 'tarouk'), row('1001', '勤怠 花子', 'hanakok')];
    // Excel quotes a header cell that holds a line break; line 6 has text after a closing quote.
    const wrapped = `\uFEFF"連携\r\n種別"${HEADER.slice(4)}\r\n${rows.join('\r\n')}\r\nLanScope連携,"2","1002"x,a,b\r\n`;
    assert.deepEqual([problemOf(wrapped).code, problemOf(wrapped).line], ['csv-quote-after', 5]);
    // A quote opened right after the BOM and never closed (csv-parse gives up at the end: line 4).
    const open = `\uFEFF"${HEADER}\r\nLanScope連携,2,1000,勤怠 太郎,tarouk\r\nLanScope連携,2,1001,勤怠 花子,hanakok\r\n`;
    assert.deepEqual([problemOf(open).code, problemOf(open).line], ['csv-quote-not-closed', 1]);
  });

  describe('doctor says the file\'s line (CP932 export, CRLF)', () => {
    let dir: string;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'lanscope-kot-csvlines-'));
    });
    after(() => rm(dir, { recursive: true, force: true }));

    it('a file with its UTF-8 BOM written twice (the decoder takes one, csv-parse the other): export.csv:1', async () => {
      const file = join(dir, 'twice.csv');
      const bom = Buffer.from([0xef, 0xbb, 0xbf]);
      await writeFile(file, Buffer.concat([bom, bom, Buffer.from(`"${HEADER}\r\nLanScope連携,2,1000,勤怠 太郎,tarouk\r\n`)]));
      const run = await runCli(['doctor', '--offline', '--mapping', file, '--lang', 'en']);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, /twice\.csv:1: /, run.stderr);
    });

    it('export.csv:8 in ja and en', async () => {
      const file = join(dir, 'export.csv');
      await writeFile(file, iconv.encode(exportWith('\r\n', 'LanScope連携,"2","1003",勤怠 三郎'), 'cp932'));
      for (const lang of ['en', 'ja']) {
        const run = await runCli(['doctor', '--offline', '--mapping', file, '--lang', lang]);
        assert.equal(run.code, 2, run.stderr);
        assert.match(run.stderr, /export\.csv:8: /, run.stderr);
      }
    });
  });
});

/** A CSV text built record by record, with the file's line each record starts and ends on known as it is written. */
function randomCsv(random: () => number): { text: string; starts: number[]; ends: number[] } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // csv-parse takes the first line break outside quotes as the record delimiter of the whole file.
  const delimiter = pick(['\r\n', '\n', '\r']);
  let text = '';
  let line = 1;
  const starts: number[] = [];
  const ends: number[] = [];
  const records = 1 + Math.floor(random() * 12);
  for (let r = 0; r < records; r++) {
    while (r > 0 && random() < 0.2) {
      text += delimiter;
      line++;
    }
    starts.push(line);
    const fields = 1 + Math.floor(random() * 4);
    for (let f = 0; f < fields; f++) {
      if (f > 0) text += ',';
      if (random() < 0.5) {
        // An empty value alone would be an empty line, which csv-parse skips.
        text += pick(fields === 1 ? ['a', 'bc', '髙橋', '0012'] : ['a', 'bc', '髙橋', '', '0012']);
        continue;
      }
      text += '"';
      const parts = Math.floor(random() * 4);
      for (let p = 0; p < parts; p++) {
        text += pick(['x', '""', 'y,z', '勤怠']);
        if (random() < 0.6) {
          text += pick(['\r\n', '\n', '\r']);
          line++;
        }
      }
      text += '"';
    }
    ends.push(line);
    if (r < records - 1 || random() < 0.5) {
      text += delimiter;
      line++;
    }
  }
  return { text, starts, ends };
}

describe('QuoteTracker.realLine: csv-parse\'s line turned into the file\'s', () => {
  it('on 2,000 random texts (LF, CRLF and CR files; every line break inside quotes; empty lines), fed whole and in two pieces', () => {
    const random = mulberry32(20261201);
    for (let n = 0; n < 2000; n++) {
      const { text, ends } = randomCsv(random);
      const records = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as { info: { lines: number } }[];
      assert.equal(records.length, ends.length, JSON.stringify(text));
      const cut = Math.floor(random() * (text.length + 1));
      const tracker = new QuoteTracker();
      tracker.feed(text.slice(0, cut));
      tracker.feed(text.slice(cut));
      assert.deepEqual(
        records.map((r) => tracker.realLine(r.info.lines)),
        ends,
        `${JSON.stringify(text)} (csv-parse: ${records.map((r) => r.info.lines).join(',')})`,
      );
    }
  });

  it('the same answers whatever the pieces: characters one to five at a time, and runs without quotes taken whole', () => {
    const random = mulberry32(7);
    for (let n = 0; n < 500; n++) {
      const { text } = randomCsv(random);
      const broken = random() < 0.5 ? text : text.slice(0, Math.floor(random() * text.length)) + '"' + text.slice(Math.floor(random() * text.length));
      const whole = new QuoteTracker(6);
      whole.feed(broken);
      const pieces = new QuoteTracker(6);
      for (let at = 0; at < broken.length; ) {
        const size = 1 + Math.floor(random() * 5);
        pieces.feed(broken.slice(at, at + size));
        at += size;
      }
      const answers = (t: QuoteTracker) => [t.unclosedQuoteLine, t.firstLongRecordLine, ...Array.from({ length: 30 }, (_, line) => t.realLine(line + 1))];
      assert.deepEqual(answers(pieces), answers(whole), JSON.stringify(broken));
    }
  });

  it('a UTF-8 BOM is not content: a quote right after it opens the first field', () => {
    const text = '\uFEFF"h\r\n1",b\r\n3,4\r\n"5,6\r\n';
    const tracker = trackQuotes(text);
    assert.equal(tracker.unclosedQuoteLine, 4);
    assert.equal(tracker.realLine(4), 3, 'the CRLF inside the first field is csv-parse\'s phantom line');
    assert.equal(trackQuotes('\uFEFF"abc\r\nd,e\r\n').unclosedQuoteLine, 1);
    // Fed in pieces, the BOM is only ever the text's first character.
    const pieces = new QuoteTracker();
    pieces.feed('\uFEFF');
    pieces.feed('"a');
    assert.equal(pieces.unclosedQuoteLine, 1);
    assert.equal(trackQuotes('a,\uFEFF"b').unclosedQuoteLine, undefined, 'a BOM later is a character of the value');
  });

  it('a CRLF inside quotes before the first line break outside them (the header itself spans lines)', () => {
    const text = '"h\r\n1",b\r\n3,4\r\n5,6\r\n';
    const records = parse(text, { info: true }) as unknown as { info: { lines: number } }[];
    const tracker = new QuoteTracker();
    tracker.feed(text);
    assert.deepEqual(records.map((r) => r.info.lines), [3, 4, 5], 'csv-parse counts one line too many from the first row on');
    assert.deepEqual(records.map((r) => tracker.realLine(r.info.lines)), [2, 3, 4]);
  });
});

/** A record's start in the file, found from csv-parse's byte count (`info.bytes`), not from its line count. */
function startsByBytes(text: string, records: readonly { info: { bytes: number } }[]): number[] {
  const bytes = Buffer.from(text);
  let from = 0;
  return records.map((r) => {
    // Its first byte that is not a line break (the empty lines skipped before it are part of its bytes);
    // a record of line breaks only (a bare LF is a value in a CR file) is on the line of its last byte.
    let at = from;
    while (at < r.info.bytes - 1 && (bytes[at] === 13 || bytes[at] === 10)) at++;
    from = r.info.bytes;
    // The file's line of that byte: CRLF, LF and CR are one line break each.
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 10 ? bytes[i - 1] !== 13 : bytes[i] === 13) line++;
    return line;
  });
}

/**
 * Issue 14: parseMapping takes its line numbers from the raw records (CsvRecordLines), not from csv-parse's
 * `info` per record; issue 9: they are the file's lines where the records start. Checked against csv-parse on
 * texts with every quirk its count has (a CRLF inside quotes, line breaks of other kinds than the file's
 * first, empty lines, a BOM).
 */
describe("CsvRecordLines: a record's line from its raw text", () => {
  it("is the file's line where csv-parse's record starts, quirks included (3,000 random texts)", () => {
    const cases = [
      'h1,h2\r\n"a\r\nb",c\r\n\r\nd,"e"\r\nf,g',
      'h\n\n\na\nb\n',
      'h\r\n"x\ny",1\r\n\r\n\r\n2\r\n',
      '\uFEFFh,i\r\n1,2\r\n',
      'a\rb\r"c\r\nd"\r',
      'a\rb\r\nc\r',
      'a\r\n\nb\r\n',
      '\r\n\r\n連携種別,x\r\n',
    ];
    const random = mulberry32(5);
    const pick = (list: string[]): string => list[Math.floor(random() * list.length)]!;
    const fields = ['a', '1', '', ' ', '"x"', '"y\r\nz"', '"q\nr"', '""', '"s""t"', '"u\rv"', '髙橋'];
    const breaks = ['\r\n', '\r\n', '\n', '\r\n\r\n', '\n\n', '\r'];
    for (let i = 0; i < 3000; i++) {
      const rows = Array.from({ length: 1 + Math.floor(random() * 8) }, () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(fields)).join(','));
      cases.push(rows.map((row) => row + pick(breaks)).join('').slice(0, random() < 0.3 ? -1 : undefined));
    }
    let compared = 0;
    for (const text of cases) {
      let records: { raw: string; info: { bytes: number } }[];
      try {
        records = parse(text, { bom: true, raw: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
      } catch {
        continue; // broken quoting: csv-parse's own error gives the line
      }
      const lines = new CsvRecordLines(() => trackQuotes(text));
      assert.deepEqual(records.map((r) => lines.next(r.raw)), startsByBytes(text, records), JSON.stringify(text));
      compared++;
    }
    assert.ok(compared > 800, `${compared} texts compared`);
  });

  it('on the 2,000 random texts of realLine, where each record starts', () => {
    const random = mulberry32(20261201);
    for (let n = 0; n < 2000; n++) {
      const { text, starts } = randomCsv(random);
      random(); // the cut realLine's test draws
      const records = parse(text, { raw: true, relax_column_count: true, skip_empty_lines: true }) as unknown as { raw: string }[];
      const lines = new CsvRecordLines(() => trackQuotes(text));
      assert.deepEqual(records.map((r) => lines.next(r.raw)), starts, JSON.stringify(text));
    }
  });

  it('reads the text a second time only when a record holds a line break other than its own', () => {
    let tracked = 0;
    const track = (text: string) => () => {
      tracked++;
      return trackQuotes(text);
    };
    const plain = 'h,i\r\n1,"2"\r\n3,4';
    const lines = new CsvRecordLines(track(plain));
    assert.deepEqual((parse(plain, { raw: true }) as unknown as { raw: string }[]).map((r) => lines.next(r.raw)), [1, 2, 3]);
    assert.equal(tracked, 0);
    const spanning = 'h,i\r\n1,"2\r\n2"\r\n3,4\r\n5,6';
    const again = new CsvRecordLines(track(spanning));
    assert.deepEqual((parse(spanning, { raw: true }) as unknown as { raw: string }[]).map((r) => again.next(r.raw)), [1, 2, 4, 5]);
    assert.equal(tracked, 1);
  });
});
