import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findOutputDir } from '../source/core/conf-ini.js';
import { findSqlStartTime } from '../source/core/sql-start-time.js';
import { detectEncoding } from '../source/io/encoding.js';
import { readMappingFile, readSql, readTokenFile } from '../source/io/read-inputs.js';
import { readTextFile } from '../source/io/text-file.js';
import { fixture, problemOf } from './helpers.js';

test('the SQL start time is read from CP932, UTF-16LE and UTF-8 BOM files alike, comments ignored', async () => {
  for (const [file, encoding, time] of [
    ['kintai-cp932.sql', 'cp932', 300],
    ['kintai-utf16.sql', 'utf-16le', 300],
    ['kintai-0400-utf8bom.sql', 'utf-8-bom', 240],
  ] as const) {
    const sql = await readSql(fixture('sql', file));
    assert.equal(sql.encoding, encoding, file);
    assert.equal(sql.result.minutes, time, file);
    // Four live bounds; the commented-out 06:00 bound and the '04:00' in a comment are not read.
    assert.equal(sql.result.bounds.length, 4, file);
    assert.deepEqual(sql.result.bounds.map((b) => b.line), [9, 10, 11, 13]);
    assert.deepEqual(sql.result.bounds.map((b) => b.side), ['from', 'to', 'from', 'to']);
    assert.deepEqual(sql.result.bounds.map((b) => b.column), ['日時', '日時', 'イベント日時', 'イベント日時']);
  }
});

test('bounds that disagree are named by line', async () => {
  const sql = await readSql(fixture('sql', 'kintai-mismatch.sql'));
  assert.equal(sql.result.minutes, undefined);
  assert.deepEqual(sql.result.outliers.map((b) => [b.line, b.minutes]), [[11, 240]]);
});

test('a SQL with no bound finds nothing rather than guessing', () => {
  assert.deepEqual(findSqlStartTime("select 1 -- + '05:00:00.000'").bounds, []);
  const nested = findSqlStartTime("/* outer /* inner */ convert(varchar, @tmpDay, 111) + '03:00:00' */\nwhere 日時 >= convert(varchar, @d, 111) + '05:30:00.000'");
  assert.deepEqual(nested.bounds.map((b) => [b.line, b.minutes]), [[2, 330]]);
});

test('conf.ini: OUTPUTDIR in any section and case, else C:\\TEMP', async () => {
  const { text } = await readTextFile(fixture('conf', 'conf.ini'), 'conf-ini');
  assert.deepEqual(findOutputDir(text), { value: 'C:\\TEMP', line: 3, section: 'Output' });
  assert.equal(findOutputDir('[a]\nOutPutDir = "D:\\logs"\n').value, 'D:\\logs');
  assert.deepEqual(findOutputDir('[a]\nOTHER=1\n;OUTPUTDIR=X\n'), { value: 'C:\\TEMP', line: undefined, section: undefined });
});

test('encodings: BOMs decide, valid UTF-8 is UTF-8, the rest is CP932, NUL is binary', () => {
  assert.equal(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41])), 'utf-8-bom');
  assert.equal(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0])), 'utf-16le');
  assert.equal(detectEncoding(Buffer.from('勤怠', 'utf8')), 'utf-8');
  assert.equal(detectEncoding(Buffer.from([0x8b, 0xce, 0x91, 0xd3])), 'cp932');
  assert.equal(detectEncoding(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0])), 'binary');
  // A sample cut inside a UTF-8 character is still UTF-8.
  assert.equal(detectEncoding(Buffer.from('勤怠', 'utf8').subarray(0, 4)), 'utf-8');
});

test('mapping export: 5 and 4 columns, CP932 and UTF-8 BOM, values never cast', async () => {
  const cp932 = await readMappingFile(fixture('mapping', 'export-cp932.csv'));
  const utf8 = await readMappingFile(fixture('mapping', 'export-utf8bom.csv'));
  assert.equal(cp932.encoding, 'cp932');
  assert.equal(utf8.encoding, 'utf-8-bom');
  assert.deepEqual(cp932.data.rows, utf8.data.rows);
  const jirou = cp932.data.rows.find((r) => r.name === '勤怠 次郎')!;
  assert.equal(jirou.employee, '0012');
  assert.equal(jirou.kindCode, '2');
  assert.equal(jirou.line, 4);
  assert.deepEqual(jirou.quoted, [false, true, true, false, true]);
  assert.equal(cp932.data.rows.find((r) => r.employee === '8000')!.serviceAccount, '髙橋①');
  const four = await readMappingFile(fixture('mapping', 'export-4col.csv'));
  assert.equal(four.data.columns, 4);
  assert.equal(four.data.rows[0]!.kindCode, undefined);
  assert.equal(four.data.rows[1]!.serviceAccount, 'hanakok');
});

test('bad mapping files name the file, the line and the problem', async () => {
  const broken = await problemOf(readMappingFile(fixture('mapping', 'broken-quote.csv')));
  // `"3000,勤怠 花子,"hanakok"`: the quote opened at 3000 closes before hanakok, which follows it.
  assert.equal(broken.code, 'csv-quote-after');
  assert.equal(broken.line, 3);
  const header = await problemOf(readMappingFile(fixture('mapping', 'bad-header.csv')));
  assert.equal(header.code, 'unknown-header');
  assert.deepEqual(header.found, ['社員番号', '氏名', 'ユーザー名']);
  assert.equal((await problemOf(readMappingFile(fixture('mapping', 'wrong-fields.csv')))).line, 2);
  assert.equal((await problemOf(readMappingFile(fixture('mapping', 'empty.csv')))).code, 'empty');
  assert.equal((await problemOf(readMappingFile(fixture('binary.png')))).code, 'binary');
  assert.equal((await problemOf(readMappingFile(fixture('mapping', 'nope.csv')))).code, 'not-found');
  assert.equal((await problemOf(readMappingFile(fixture('mapping')))).code, 'not-a-file');
});

test('a token file keeps what is wrong inside it but drops the final line break', async () => {
  assert.equal((await readTokenFile(fixture('token', 'token-ok.txt'))).value, 'AbCdEfGh0123456789IjKlMnOpQrStUv');
  assert.equal((await readTokenFile(fixture('token', 'token-space.txt'))).value.includes(' '), true);
});

test('quoting is read per field from the raw record, escaped quotes included', async () => {
  const { quotedFields } = await import('../source/core/mapping.js');
  assert.deepEqual(quotedFields('LanScope連携,"2","1000",勤怠 太郎,"tarouk"\r\n'), [false, true, true, false, true]);
  assert.deepEqual(quotedFields('"a""b,c",x,"",y'), [true, false, true, false]);
  assert.deepEqual(quotedFields('a,,b'), [false, false, false]);
});

test('a record after empty lines: its raw text starts with their line breaks, and its quoting is still read', async () => {
  const { quotedFields, parseMapping } = await import('../source/core/mapping.js');
  const { uploadCsvText } = await import('../source/core/mapping-fixes.js');
  // csv-parse's raw text of a record after a skipped empty line: the CR (of CRLF) or LF of that line first.
  assert.deepEqual(quotedFields('\r"LanScope連携","2","1000",勤怠 太郎,"tarouk"\r'), [true, true, true, false, true]);
  assert.deepEqual(quotedFields('\n\n"a",b\n'), [true, false]);
  for (const eol of ['\r\n', '\n']) {
    const text = ['連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント', '"LanScope連携","2","1000",勤怠 太郎,"tarouk"', '', '"LanScope連携","2","1001",勤怠 花子,"hanakok"'].join(eol) + eol;
    const mapping = parseMapping(text, 'export.csv');
    assert.deepEqual(mapping.rows.map((r) => [r.line, r.quoted]), [
      [2, [true, true, true, false, true]],
      [4, [true, true, true, false, true]],
    ]);
    // The upload keeps the export's quoting on the row after the empty line too.
    assert.equal(uploadCsvText(mapping, new Map([[4, 'hanako']])).text.split('\r\n')[1], '"LanScope連携","2","1001",勤怠 花子,"hanako"');
  }
});
