import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { describeInputProblem } from '../source/commands/input-problem-text.js';
import { scanQuotes } from '../source/core/csv-quotes.js';
import { csvProblem, InputError, type InputProblem } from '../source/core/input-problem.js';
import { LogAggregator } from '../source/core/log-aggregate.js';
import { readLogFiles } from '../source/io/log-folder.js';
import { readOutputDir } from '../source/io/read-inputs.js';
import { runCli } from './helpers.js';

/**
 * What any reader of LanScope CSVs must guarantee, whatever it is built on (csv-parse today, a faster
 * splitter tomorrow): each bad file stops with the problem, the file and the line where the damage is,
 * the same codes as every other reader, and the files it leaves out named. Every case is a small file
 * written here and read through readOutputDir, the function doctor and the wizard call.
 */
let dir: string;
let n = 0;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lanscope-kot-logerr-'));
});
after(() => rm(dir, { recursive: true, force: true }));

const HEADER = 'イベント日時,ログオンユーザ名,ログ種類';
const good = (i: number) => `2024/12/17 ${String(8 + (i % 10)).padStart(2, '0')}:00,user${i},${(i % 2) + 1}`;

/** A folder holding the given files (name → content, CP932 unless bytes). */
async function folderWith(files: Record<string, string | Buffer>): Promise<string> {
  const folder = join(dir, `case-${++n}`);
  await mkdir(folder);
  for (const [name, content] of Object.entries(files)) await writeFile(join(folder, name), typeof content === 'string' ? iconv.encode(content, 'cp932') : content);
  return folder;
}

async function problemIn(content: string | Buffer): Promise<InputProblem> {
  const folder = await folderWith({ 'events.csv': content });
  try {
    await readOutputDir({ logDir: folder, windowStartMinutes: 300 });
  } catch (err) {
    assert.ok(err instanceof InputError, String(err));
    assert.equal(err.problem.file, join(folder, 'events.csv'));
    assert.equal(err.problem.kind, 'log');
    return err.problem;
  }
  assert.fail('expected an InputError');
}

const lines = (count: number, eol: string, at?: { line: number; text: string }) =>
  [HEADER, ...Array.from({ length: count - 1 }, (_, i) => (at && i + 2 === at.line ? at.text : good(i)))].join(eol) + eol;

describe('an unclosed quote is reported where it opened', () => {
  const opened = { line: 3, text: '"2024/12/17 09:00,tarouk,1' };
  it('line 3 of a 10-line CRLF file (csv-parse said 18)', async () => {
    const p = await problemIn(lines(10, '\r\n', opened));
    assert.deepEqual([p.code, p.line], ['csv-quote-not-closed', 3]);
  });
  it('line 3 of a 10-line LF file (csv-parse said 10)', async () => {
    assert.equal((await problemIn(lines(10, '\n', opened))).line, 3);
  });
  it('line 3 and line 50,000 of a 100,000-line file', async () => {
    assert.equal((await problemIn(lines(100_000, '\r\n', opened))).line, 3);
    assert.equal((await problemIn(lines(100_000, '\r\n', { line: 50_000, text: opened.text }))).line, 50_000);
  });
  it('after a value that spans lines properly, and in a quoted value opened mid-record', async () => {
    const text = [HEADER, '2024/12/17 09:00,"two\r\nlines",1', good(1), '2024/12/17 09:00,ok,"1', good(2)].join('\r\n');
    assert.equal(scanQuotes(text).unclosedOn, 5);
    assert.equal((await problemIn(text)).line, 5);
  });
  it('QuoteTracker: escaped quotes, chunks cut anywhere, CR-only line breaks', async () => {
    const { QuoteTracker } = await import('../source/core/csv-quotes.js');
    const text = 'a,"b""c"\r\n"d\r\ne",f\r\n"g""';
    for (let cut = 0; cut <= text.length; cut++) {
      const t = new QuoteTracker();
      t.feed(text.slice(0, cut));
      t.feed(text.slice(cut));
      assert.equal(t.unclosedQuoteLine, 4, `cut at ${cut}`);
    }
    assert.equal(scanQuotes('a\rb\r"c').unclosedOn, 3);
    assert.equal(scanQuotes('a,"b"\n').unclosedOn, undefined);
  });
});

describe('every CSV error has a code and a line, the same in every reader', () => {
  it('a quote inside a value (csv-parse\'s INVALID_OPENING_QUOTE): line 4', async () => {
    const p = await problemIn(lines(6, '\r\n', { line: 4, text: '2024/12/17 09:00,ta"rouk,1' }));
    assert.deepEqual([p.code, p.line, p.reason], ['csv-quote-inside', 4, 'INVALID_OPENING_QUOTE']);
  });
  it('text after a closing quote: line 5', async () => {
    const p = await problemIn(lines(6, '\r\n', { line: 5, text: '2024/12/17 09:00,"tarouk"x,1' }));
    assert.deepEqual([p.code, p.line], ['csv-quote-after', 5]);
  });
  it('too few values: line 4, with the count', async () => {
    const p = await problemIn(lines(6, '\r\n', { line: 4, text: '2024/12/17 09:00,tarouk' }));
    assert.deepEqual([p.code, p.line, p.value], ['csv-fields', 4, '2/3']);
  });
  it('csvProblem maps each csv-parse code once, for every reader', () => {
    const cases: [string, string][] = [
      ['CSV_QUOTE_NOT_CLOSED', 'csv-quote-not-closed'],
      ['INVALID_OPENING_QUOTE', 'csv-quote-inside'],
      ['CSV_INVALID_CLOSING_QUOTE', 'csv-quote-after'],
      ['CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE', 'csv-quote-after'],
      ['CSV_MAX_RECORD_SIZE', 'line-too-long'],
      ['CSV_RECORD_INCONSISTENT_FIELDS_LENGTH', 'csv-fields'],
      ['CSV_RECORD_INCONSISTENT_COLUMNS', 'csv-fields'],
      ['CSV_SOMETHING_NEW', 'csv-syntax'],
    ];
    for (const [code, expected] of cases) {
      const p = csvProblem({ code, lines: 7, message: 'Invalid: "a secret value"' }, 'f.csv', 'mapping');
      assert.equal(p.code, expected, code);
      assert.equal(p.line, 7, code);
      assert.ok(!JSON.stringify(p).includes('secret'), 'the parser message (it quotes values) is never kept');
    }
    const scan = { unclosedOn: 3, longRecordOn: undefined };
    assert.equal(csvProblem({ code: 'CSV_QUOTE_NOT_CLOSED', lines: 18 }, 'f.csv', 'log', scan).line, 3);
    // A quote left open makes the rest of the file one record: the quote is the cause, not the length.
    assert.deepEqual(
      [csvProblem({ code: 'CSV_MAX_RECORD_SIZE', lines: 70_647 }, 'f.csv', 'log', scan)].map((p) => [p.code, p.line]),
      [['csv-quote-not-closed', 3]],
    );
    const long = csvProblem({ code: 'CSV_MAX_RECORD_SIZE', lines: 9 }, 'f.csv', 'log', { unclosedOn: undefined, longRecordOn: 4 });
    assert.deepEqual([long.code, long.line, long.limit], ['line-too-long', 4, 1024 * 1024]);
  });
});

describe('after a valid quoted value that spans lines, later lines are the file\'s (careful reader)', () => {
  // Line 2 holds a value over lines 2–3 (a computer name Excel wrapped); csv-parse counts its CRLF as two lines.
  const withSpan = (eol: string, line5: string) => [HEADER, `2024/12/17 09:00,"two${eol}lines",1`, good(1), line5, good(3)].join(eol) + eol;
  for (const [label, eol] of [
    ['CRLF', '\r\n'],
    ['LF', '\n'],
  ] as const) {
    it(`${label}: a bad date, too few values and a quote inside a value on line 5 are reported on line 5`, async () => {
      const date = await problemIn(withSpan(eol, '2024/13/01 09:00,tarouk,1'));
      assert.deepEqual([date.code, date.line], ['bad-datetime', 5]);
      const fields = await problemIn(withSpan(eol, '2024/12/17 09:00,tarouk'));
      assert.deepEqual([fields.code, fields.line], ['csv-fields', 5]);
      const quote = await problemIn(withSpan(eol, '2024/12/17 09:00,ta"rouk,1'));
      assert.deepEqual([quote.code, quote.line], ['csv-quote-inside', 5]);
    });
  }
  it('one line per line break in the value: three CRLFs, the bad date still on its own line (8)', async () => {
    const text = [HEADER, '2024/12/17 09:00,"a\r\nb\r\nc\r\nd",1', good(1), good(2), '2024/12/32 09:00,tarouk,1'].join('\r\n');
    const p = await problemIn(text);
    assert.deepEqual([p.code, p.line], ['bad-datetime', 8]);
  });
  it('the plain reader leaves such a file to the careful one (it has a quote), in a folder read in pieces on two threads too', async () => {
    const folder = await folderWith({ 'a.csv': lines(50, '\r\n'), 'b.csv': withSpan('\r\n', '2024/13/01 09:00,tarouk,1') });
    for (const options of [{}, { threads: 2, pieceBytes: 64 }]) {
      await assert.rejects(readLogFiles([join(folder, 'a.csv'), join(folder, 'b.csv')], new LogAggregator(300), undefined, options), (err) => {
        assert.ok(err instanceof InputError);
        assert.deepEqual([err.problem.file, err.problem.code, err.problem.line], [join(folder, 'b.csv'), 'bad-datetime', 5]);
        return true;
      });
    }
  });
});

describe('values that are read wrongly without a word are refused with file:line', () => {
  for (const [label, value, code] of [
    ['year 0024', '0024/12/17 09:00', 'date-out-of-range'],
    ['year 1999', '1999/12/31 23:59', 'date-out-of-range'],
    ['year 2100', '2100/01/01 00:00', 'date-out-of-range'],
    ['9999/12/31 29:59', '9999/12/31 29:59', 'date-out-of-range'],
    ['month 13', '2024/13/01 09:00', 'bad-datetime'],
  ] as const) {
    it(label, async () => {
      const p = await problemIn(lines(5, '\r\n', { line: 4, text: `${value},tarouk,1` }));
      assert.deepEqual([p.code, p.line, p.field, p.value], [code, 4, 'eventTime', value]);
    });
  }
  it('the years 2000 and 2099 are read', async () => {
    const folder = await folderWith({ 'e.csv': [HEADER, '2000/01/01 09:00,a,1', '2099/12/31 29:59,a,2'].join('\r\n') });
    const { logs } = await readOutputDir({ logDir: folder, windowStartMinutes: 300 });
    assert.ok(logs?.users.has('a'));
  });
  it('the date column of the daily summary too', async () => {
    const text = ['ログオンユーザ名,開始日時,終了日時,日付', 'a,2024/12/17 09:00,2024/12/17 18:00,0024/12/17'].join('\r\n');
    const p = await problemIn(text);
    assert.deepEqual([p.code, p.line, p.field], ['date-out-of-range', 2, 'date']);
  });
  it('a duplicated header column is named, with both columns', async () => {
    const p = await problemIn(['イベント日時,ログオンユーザ名,ログ種類,ログオンユーザ名', '2024/12/17 09:00,a,1,b'].join('\r\n'));
    assert.deepEqual([p.code, p.line, p.field, p.value], ['duplicate-column', 1, 'ログオンユーザ名', '2, 4']);
    // An alias of the same field under another name (イベント日時 and 日時) is not a duplicate: the table orders them.
    const folder = await folderWith({ 'e.csv': ['日時,イベント日時,ログオンユーザ名,ログ種類', 'x,2024/12/17 09:00,a,1'].join('\r\n') });
    assert.ok((await readOutputDir({ logDir: folder, windowStartMinutes: 300 })).logs?.users.has('a'));
  });
  it('the messages say so, in both languages', () => {
    const p: InputProblem = { code: 'date-out-of-range', kind: 'log', file: 'e.csv', line: 4, field: 'eventTime', value: '0024/12/17 09:00', reason: '2000–2099' };
    assert.match(describeInputProblem(p, 'en'), /^e\.csv:4: "0024\/12\/17 09:00" in eventTime is outside the years 2000–2099/);
    assert.match(describeInputProblem(p, 'ja'), /^e\.csv:4: eventTime の "0024\/12\/17 09:00" は 2000–2099 年の範囲外です/);
    const dup: InputProblem = { code: 'duplicate-column', kind: 'log', file: 'e.csv', line: 1, field: 'ログオンユーザ名', value: '2, 4' };
    assert.match(describeInputProblem(dup, 'en'), /the column ログオンユーザ名 appears twice in the header \(columns 2, 4\)/);
  });
});

describe('encodings: every one Windows tools write is read alike', () => {
  const text = [HEADER, '2024/12/17 09:00,勤怠太郎,1', '2024/12/17 18:00,勤怠太郎,2'].join('\r\n') + '\r\n';
  const bom = (b: number[], body: Buffer) => Buffer.concat([Buffer.from(b), body]);
  for (const [label, bytes] of [
    ['CP932', iconv.encode(text, 'cp932')],
    ['UTF-8', Buffer.from(text)],
    ['UTF-8 with BOM', bom([0xef, 0xbb, 0xbf], Buffer.from(text))],
    ['UTF-16LE with BOM', bom([0xff, 0xfe], iconv.encode(text, 'utf-16le'))],
    ['UTF-16BE with BOM', bom([0xfe, 0xff], iconv.encode(text, 'utf-16be'))],
    ['UTF-16LE without BOM', iconv.encode(text, 'utf-16le')],
    ['UTF-16BE without BOM', iconv.encode(text, 'utf-16be')],
    ['UTF-32LE with BOM', iconv.encode(text, 'utf-32le', { addBOM: true })],
  ] as const) {
    it(label, async () => {
      const folder = await folderWith({ 'e.csv': bytes });
      const { outputDir, logs } = await readOutputDir({ logDir: folder, windowStartMinutes: 300 });
      assert.equal(outputDir.logFiles[0]?.rows, 2, label);
      assert.deepEqual([...(logs?.users.keys() ?? [])], ['勤怠太郎'], label);
    });
  }
});

describe('files left out are named, and the others read', () => {
  it('one empty CSV among good ones: skipped, and doctor warns and goes on', async () => {
    const folder = await folderWith({ 'a.csv': lines(3, '\r\n'), 'b-empty.csv': '', 'c-blank.csv': '\r\n  \r\n', 'd.csv': lines(3, '\r\n') });
    const { outputDir } = await readOutputDir({ logDir: folder, windowStartMinutes: 300 });
    assert.equal(outputDir.logFiles.length, 2);
    assert.deepEqual(outputDir.skipped.map((s) => [s.file, s.reason]), [
      [join(folder, 'b-empty.csv'), 'empty'],
      [join(folder, 'c-blank.csv'), 'empty'],
    ]);
    const run = await runCli(['doctor', '--log-dir', folder, '--offline']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /! warn +CSV output folder \(output-dir\): .*2 LanScope CSV\(s\), 4 rows.*; not read: b-empty\.csv \(empty\), c-blank\.csv \(empty\)/);
    assert.match(run.stdout, /→ An empty CSV, or an entry that is not a file, is not a LanScope log/);
  });

  it('the mapping export in the log folder, reached through a linked folder: recognised by its header', { skip: process.platform === 'win32' ? 'symlinks need privileges on Windows' : false }, async () => {
    const mapping = '連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント\r\nLanScope連携,"2","1000",勤怠 太郎,"user1"\r\n';
    const folder = await folderWith({ 'a.csv': lines(3, '\r\n'), 'export.csv': mapping });
    const linked = join(dir, `linked-${++n}`);
    await symlink(folder, linked);
    const run = await runCli(['doctor', '--log-dir', linked, '--mapping', join(folder, 'export.csv'), '--offline']);
    assert.notEqual(run.code, 2, run.stderr);
    assert.match(run.stdout, /✔ pass +CSV output folder \(output-dir\): .*1 LanScope CSV\(s\).*; not read: export\.csv \(the mapping export\)/);
    const ja = await runCli(['doctor', '--log-dir', linked, '--offline', '--lang', 'ja']);
    assert.match(ja.stdout, /読まなかったファイル: export\.csv（紐づけのエクスポート）/);
  });

  it('a folder named *.csv is named, not read', async () => {
    const folder = await folderWith({ 'a.csv': lines(3, '\r\n') });
    await mkdir(join(folder, 'old.csv'));
    const { outputDir } = await readOutputDir({ logDir: folder, windowStartMinutes: 300 });
    assert.deepEqual(outputDir.skipped, [{ file: join(folder, 'old.csv'), reason: 'not-a-file' }]);
  });
});

describe('the file that failed is the one named, on every thread', () => {
  it('a worker thread names the file it was reading, not the first of its share', async () => {
    const folder = await folderWith({ 'a.csv': lines(60, '\r\n'), 'b.csv': lines(30, '\r\n'), 'c.csv': lines(25, '\r\n') });
    // Sizes decide the shares: a to this thread; b, c and the missing file (size 0) to the worker, in that order.
    const files = ['a.csv', 'b.csv', 'c.csv', 'vanished.csv'].map((f) => join(folder, f));
    await assert.rejects(readLogFiles(files, new LogAggregator(300), undefined, { threads: 2 }), (err: unknown) => {
      assert.ok(err instanceof InputError, String(err));
      assert.deepEqual([err.problem.code, err.problem.file], ['not-found', join(folder, 'vanished.csv')]);
      return true;
    });
  });

  it('this thread too: an input problem naming the file, never an internal error', async () => {
    const folder = await folderWith({});
    for (const [file, code] of [
      [join(folder, 'vanished.csv'), 'not-found'],
      [folder, 'not-a-file'],
    ] as const) {
      await assert.rejects(readLogFiles([file], new LogAggregator(300), undefined, { threads: 1 }), (err: unknown) => {
        assert.ok(err instanceof InputError, String(err));
        assert.deepEqual([err.problem.code, err.problem.file], [code, file]);
        return true;
      });
    }
  });

  it('a CSV problem in a worker keeps its line', async () => {
    const folder = await folderWith({
      'a.csv': lines(60, '\r\n'),
      'b.csv': lines(30, '\r\n'),
      'c.csv': lines(25, '\r\n', { line: 7, text: '2024/12/17 09:00,x"y,1' }),
    });
    const files = ['a.csv', 'b.csv', 'c.csv'].map((f) => join(folder, f));
    await assert.rejects(readLogFiles(files, new LogAggregator(300), undefined, { threads: 2 }), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.deepEqual([err.problem.code, err.problem.file, err.problem.line], ['csv-quote-inside', files[2], 7]);
      return true;
    });
  });
});

describe('advice fits the kind of file', () => {
  it('a log CSV is not told to export it again from PC ログイン連携', async () => {
    const folder = await folderWith({ 'events.csv': lines(5, '\r\n', { line: 3, text: '"2024/12/17 09:00,a,1' }) });
    const run = await runCli(['doctor', '--log-dir', folder, '--offline']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /events\.csv:3: broken CSV quoting: a value opens a quote on this line that never closes\. LanScope writes this file with 勤怠簿出力\.sql/);
    assert.doesNotMatch(run.stderr, /PC ログイン連携/);
  });

  it('each kind its own advice, in both languages', () => {
    const advice = (kind: InputProblem['kind'], lang: 'en' | 'ja') => describeInputProblem({ code: 'binary', kind, file: 'f' }, lang);
    assert.match(advice('mapping', 'en'), /Export it again from PC ログイン連携/);
    assert.match(advice('log', 'en'), /LanScope writes this file with 勤怠簿出力\.sql/);
    assert.match(advice('sql', 'en'), /Give the 勤怠簿出力\.sql LanScope provided/);
    assert.match(advice('conf-ini', 'en'), /Give LanScope's conf\.ini/);
    assert.match(advice('token', 'en'), /Put only the 32-character access token in the file/);
    assert.match(advice('log', 'ja'), /LanScope が勤怠簿出力\.sql で書くもの/);
    assert.match(advice('mapping', 'ja'), /PC ログイン連携から出力し直し/);
    // Where there is nothing about the content to fix, no advice.
    assert.equal(describeInputProblem({ code: 'not-found', kind: 'log', file: 'f' }, 'en'), 'f: file not found');
  });
});
