import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { escapeControls, shortenMiddle, shown } from '../source/core/printable.js';
import { findSqlStartTime } from '../source/core/sql-start-time.js';
import { firstLongLine, LineCounter } from '../source/core/text-lines.js';
import { detectEncoding } from '../source/io/encoding.js';
import { readMappingFile, readSql } from '../source/io/read-inputs.js';
import { splitBySize } from '../source/io/log-folder.js';
import { fixture, runCli } from './helpers.js';

/** Issue 9: what reaches the admin's terminal is inert and short; doctor never looks healthy having read nothing. */
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lanscope-kot-output-'));
});
after(() => rm(dir, { recursive: true, force: true }));

const ESC_TITLE = '\x1b]0;owned\x07';
const CLEAR = '\x1b[2J';

describe('control characters are escaped in every text output', () => {
  it('escapeControls, shortenMiddle and shown', () => {
    assert.equal(escapeControls(`a${ESC_TITLE}b\nc\rd\te\u202Ef\u0085`), 'a\\u001B]0;owned\\u0007b\\nc\\rd\\te\\u202Ef\\u0085');
    assert.equal(escapeControls('勤怠 太郎 ①'), '勤怠 太郎 ①');
    assert.equal(shortenMiddle('x'.repeat(100)), 'x'.repeat(100));
    assert.equal(shortenMiddle('x'.repeat(400_000)), `${'x'.repeat(49)}…${'x'.repeat(49)} (400000 chars)`);
    assert.equal(shortenMiddle('😀'.repeat(60)).includes('\uFFFD'), false);
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(shortenMiddle('😀'.repeat(60))), 'no lone surrogate at the cut');
    assert.equal(shown(`${CLEAR}${'y'.repeat(300)}`).startsWith('\\u001B[2J'), true);
    // Escapes count in the length: NUL bytes do not make a value six times longer, and no escape is cut.
    const nul = shown('\0'.repeat(84));
    assert.ok(nul.length <= 120, nul);
    assert.match(nul, /^(\\u0000){8}…(\\u0000){8} \(84 chars\)$/);
    assert.equal(shown('😀'.repeat(60)).includes('\uFFFD'), false);
  });

  it('in the wizard: every table cell and checklist line is fitted through one function, which escapes', async () => {
    const { fitColumns, fitColumnsMiddle } = await import('../source/ui/widgets/fit-columns.js');
    assert.equal(fitColumns(`ta${CLEAR}rou`, 40), 'ta\\u001B[2Jrou');
    assert.equal(fitColumns('two\nlines', 40), 'two\\nlines');
    // Paths are cut in the middle (w10's fitColumnsMiddle): escaped the same way, before the cut is measured.
    assert.equal(fitColumnsMiddle(`/tmp/ta${CLEAR}rou`, 40), '/tmp/ta\\u001B[2Jrou');
    const cut = fitColumnsMiddle(`/tmp/${CLEAR.repeat(10)}/x.csv`, 20);
    assert.ok(!cut.includes('\x1b') && cut.length <= 20 && cut.endsWith('/x.csv'), cut);
  });

  it('in the wizard: a cut never falls inside an escape (\\u001B is kept or dropped whole), at every width', async () => {
    const { fitColumns, fitColumnsMiddle } = await import('../source/ui/widgets/fit-columns.js');
    const value = `田中${ESC_TITLE}太郎\t${CLEAR}😀x`;
    const whole = escapeControls(value);
    // What is left of the value once the ellipsis is taken off is made of whole escapes and characters only.
    const wholeUnits = (text: string): boolean => /^(\\u[0-9A-F]{4}|\\[nrt]|[^\\])*$/u.test(text);
    for (let width = 1; width <= whole.length + 2; width++) {
      const end = fitColumns(value, width);
      assert.ok(!end.includes('\x1b'), end);
      assert.ok(end === whole || (end.endsWith('…') && wholeUnits(end.slice(0, -1)) && whole.startsWith(end.slice(0, -1))), `width ${width}: ${end}`);
      const middle = fitColumnsMiddle(value, width);
      const [head, tail] = middle === whole ? [whole, ''] : middle.split('…');
      assert.ok(wholeUnits(head!) && wholeUnits(tail!) && whole.startsWith(head!) && whole.endsWith(tail!), `width ${width}: ${middle}`);
    }
    // Before, the cut at 6 columns left `ab\u0…` on screen.
    assert.equal(fitColumns('ab\x1bcd', 6), 'ab…');
    assert.equal(fitColumnsMiddle('ab\x1bcd', 9), 'ab…cd');
  });

  it('user names, service accounts and file names from the files, in doctor\'s text output', async () => {
    const folder = join(dir, 'escapes');
    await mkdir(folder);
    const user = `tarou${ESC_TITLE}${CLEAR}`;
    await writeFile(join(folder, 'events.csv'), iconv.encode(`イベント日時,ログオンユーザ名,ログ種類\r\n2024/12/17 09:00,"${user}",1\r\n2024/12/17 09:00,"two\nlines",1\r\n`, 'cp932'));
    const mapping = join(dir, 'escapes-mapping.csv');
    await writeFile(mapping, iconv.encode(`連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント\r\nLanScope連携,"2","1000",勤怠 太郎,"sa${CLEAR}x"\r\n`, 'cp932'));
    const run = await runCli(['doctor', '--log-dir', folder, '--mapping', mapping, '--offline'], { NO_COLOR: '1' });
    assert.equal(run.code, 1, run.stderr);
    for (const text of [run.stdout, run.stderr]) {
      assert.ok(!/[\x00-\x08\x0b-\x1f\x7f]/.test(text), `a raw control character: ${JSON.stringify(text.slice(0, 200))}`);
    }
    assert.match(run.stdout, /tarou\\u001B\]0;owned\\u0007\\u001B\[2J/);
    assert.match(run.stdout, /two\\nlines/);
    // One line per check, then a blank line, the summary and the verdict: no value split a line.
    const checkLines = run.stdout.split('\n').filter((l) => /^(✔|!|✖|-) /.test(l));
    assert.equal(checkLines.length, 14);
    // JSON keeps the values exactly (JSON escapes them itself).
    const json = JSON.parse((await runCli(['doctor', '--log-dir', folder, '--mapping', mapping, '--offline', '--json'])).stdout);
    assert.ok(json.users.unmapped.includes(user));
  });

  it('in one-line errors: a header, a value and a file name', async () => {
    const folder = join(dir, 'escape-errors');
    await mkdir(folder);
    const name = `bad${CLEAR}.csv`;
    await writeFile(join(folder, name), `日付${ESC_TITLE},部署\r\n1,2\r\n`);
    const run = await runCli(['doctor', '--log-dir', folder, '--offline']);
    assert.equal(run.code, 2);
    assert.ok(!run.stderr.includes('\x1b') && !run.stderr.includes('\x07'), JSON.stringify(run.stderr));
    assert.match(run.stderr, /bad\\u001B\[2J\.csv:1: header not recognised: found "日付\\u001B\]0;owned\\u0007,部署"/);
    const usage = await runCli(['doctor', '--day-change', `5${CLEAR}`]);
    assert.ok(!usage.stderr.includes('\x1b'));
    assert.match(usage.stderr, /--day-change 5\\u001B\[2J: expected HH:MM/);
  });

  it('a 400 KB user name is clipped in text, kept whole in JSON', async () => {
    const folder = join(dir, 'long-name');
    await mkdir(folder);
    const user = 'u'.repeat(400 * 1024);
    await writeFile(join(folder, 'events.csv'), `イベント日時,ログオンユーザ名,ログ種類\r\n2024/12/17 09:00,${user},1\r\n`);
    const run = await runCli(['doctor', '--log-dir', folder, '--mapping', fixture('mapping', 'export-cp932.csv'), '--offline']);
    assert.ok(run.stdout.length < 10_000, `${run.stdout.length}`);
    assert.match(run.stdout, /u{49}…u{49} \(409600 chars\)/);
  });
});

describe('doctor with nothing to check', () => {
  it('exits 2 with "nothing to check", in both languages, instead of "Nothing failed."', async () => {
    for (const args of [['--offline'], ['--offline', '--json'], ['--offline', '--proxy', 'http://127.0.0.1:9']]) {
      const run = await runCli(['doctor', ...args]);
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^lanscope-kot: nothing to check: give at least one of --sql, --log-dir \(or --conf-ini\), --mapping/);
    }
    const ja = await runCli(['doctor', '--offline', '--lang', 'ja']);
    assert.match(ja.stderr, /確認する対象がありません/);
    // One input is enough, from a flag or from the environment.
    assert.equal((await runCli(['doctor', '--offline', '--company-code', 'ABC'])).code, 0);
    assert.equal((await runCli(['doctor', '--offline'], { LANSCOPE_KOT_TOKEN: 'AbCdEfGh0123456789IjKlMnOpQrStUv' })).code, 0);
  });
});

describe('encodings of the whole-file readers', () => {
  const sql = "where 日時 >= convert(varchar, @tmpDay, 111) + '05:00:00.000'\r\n";
  it('a SQL saved as UTF-16LE without BOM, or UTF-32LE with one, is read', async () => {
    for (const [name, bytes, encoding] of [
      ['utf16-nobom.sql', iconv.encode(sql, 'utf-16le'), 'utf-16le'],
      ['utf32.sql', iconv.encode(sql, 'utf-32le', { addBOM: true }), 'utf-32le'],
      ['utf32be.sql', iconv.encode(sql, 'utf-32be', { addBOM: true }), 'utf-32be'],
    ] as const) {
      const file = join(dir, name);
      await writeFile(file, bytes);
      const read = await readSql(file);
      assert.equal(read.encoding, encoding, name);
      assert.equal(read.result.minutes, 300, name);
    }
  });
  it('UTF-32LE is no longer taken for UTF-16; NUL bytes without a pattern are still binary', () => {
    assert.equal(detectEncoding(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])), 'utf-32le');
    assert.equal(detectEncoding(iconv.encode('a,b\r\n1,2\r\n', 'utf-16le')), 'utf-16le');
    assert.equal(detectEncoding(iconv.encode('a,b\r\n1,2\r\n', 'utf-16be')), 'utf-16be');
    assert.equal(detectEncoding(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])), 'binary');
  });
  it('a mapping export in UTF-16LE without BOM', async () => {
    const text = await readFile(fixture('mapping', 'export-utf8bom.csv'), 'utf8');
    const file = join(dir, 'mapping-utf16.csv');
    await writeFile(file, iconv.encode(text.replace(/^\uFEFF/, ''), 'utf-16le'));
    const read = await readMappingFile(file);
    assert.equal(read.encoding, 'utf-16le');
    assert.ok(read.data.rows.length > 0);
  });
  it('a duplicated column of the mapping export is named', async () => {
    const file = join(dir, 'mapping-dup.csv');
    await writeFile(file, '連携種別,種別コード,打刻先アカウント,サービスアカウント,サービスアカウント\r\nLanScope連携,"2","1",a,"b"\r\n');
    const run = await runCli(['doctor', '--mapping', file, '--offline']);
    assert.match(run.stderr, /mapping-dup\.csv:1: the column サービスアカウント appears twice in the header \(columns 4, 5\)/);
  });
});

describe('the quadratic paths are linear', () => {
  it('lines of 20,000 SQL bounds, numbered in one pass', () => {
    const bound = (i: number) => `and 日時 >= convert(varchar, @tmpDay, 111) + '05:00:00.000' -- ${i}`;
    const text = Array.from({ length: 20_000 }, (_, i) => bound(i)).join('\r\n');
    const found = findSqlStartTime(text);
    assert.equal(found.bounds.length, 20_000);
    assert.deepEqual([found.bounds[0]!.line, found.bounds[19_999]!.line], [1, 20_000]);
    assert.equal(found.bounds[7]!.column, '日時');
    assert.equal(found.minutes, 300);
  });
  it('the compared column is read as before: brackets, schema prefix, operators', () => {
    const col = (where: string) => findSqlStartTime(`${where} convert(varchar, @d, 111) + '05:00'`).bounds[0]!.column;
    assert.equal(col('where [dbo].[T].[イベント日時] >='), 'イベント日時');
    assert.equal(col('and 日時<'), '日時');
    assert.equal(col('and x ='), 'x');
    assert.equal(col('select'), undefined);
  });
  it('LineCounter and firstLongLine', () => {
    const counter = new LineCounter('a\nb\nc\n');
    assert.deepEqual([0, 2, 4, 5, 1].map((i) => counter.lineAt(i)), [1, 2, 3, 3, 1]);
    assert.equal(firstLongLine('ab\nabcd\nab', 3), 2);
    assert.equal(firstLongLine('ab\nabc', 3), undefined);
  });
  it('splitting 10,000 files between threads keeps each share in name order', () => {
    const files = Array.from({ length: 10_000 }, (_, i) => `f${String(i).padStart(5, '0')}.csv`);
    const sizes = files.map((_, i) => (i * 7919) % 1000);
    const groups = splitBySize(files, sizes, 2);
    assert.equal(groups.flat().length, 10_000);
    for (const g of groups) assert.deepEqual(g, [...g].sort());
  });
});
