import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { diagnose, runChecks } from '../source/core/checks/index.js';
import { findExcelSigns } from '../source/core/checks/mapping.js';
import type { Facts } from '../source/core/facts.js';
import { parseMapping } from '../source/core/mapping.js';
import { translate } from '../source/i18n/translate.js';
import { fixture, runCli } from './helpers.js';

/**
 * Issue 9, the commonest Excel case: an export re-saved by Excel loses every leading zero and every quote,
 * so no padded code is left to compare with. It must still fail, in whole sentences, with an example.
 */
const HEADER = '連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント';
// The export as PC ログイン連携 writes it, and what Excel makes of it.
const EXPORT = [HEADER, 'LanScope連携,"2","0012",勤怠 次郎,"jirou"', 'LanScope連携,"2","0101",勤怠 花子,"hanakok"', 'LanScope連携,"2","1000",勤怠 太郎,"tarouk"'].join('\r\n');
const RESAVED = [HEADER, 'LanScope連携,2,12,勤怠 次郎,jirou', 'LanScope連携,2,101,勤怠 花子,hanakok', 'LanScope連携,2,1000,勤怠 太郎,tarouk'].join('\r\n');

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lanscope-kot-excel-'));
});
after(() => rm(dir, { recursive: true, force: true }));

const mappingFacts = (text: string, employees?: string[]): Facts => ({
  dayChanges: [],
  offline: true,
  mapping: { file: 'export.csv', encoding: 'cp932', data: parseMapping(text, 'export.csv') },
  ...(employees ? { kotApi: { base: 'http://x', employees: employees.map((code) => ({ code, lastName: '', firstName: '', divisionCode: '1' })) } } : {}),
});
const excelCheck = (facts: Facts) => runChecks(diagnose(facts)).find((r) => r.id === 'mapping-excel')!;

describe('lost leading zeros with no padded code left', () => {
  it('quotes gone and all-digit codes of several widths: fail, with an example', () => {
    const signs = findExcelSigns(parseMapping(RESAVED, 'export.csv'));
    assert.deepEqual(signs.zerosLost, [2, 3]);
    assert.equal(signs.zerosBy, 'widths');
    assert.equal(signs.quotesGone, true);
    assert.deepEqual(signs.examples.zerosLost, { line: 2, found: '12', was: '0012' });
    const result = excelCheck(mappingFacts(RESAVED));
    assert.equal(result.status, 'fail');
    const en = translate(result.detail, 'en');
    assert.equal(
      en,
      'export.csv was damaged by Excel. Leading zeros were probably lost on lines 2, 3 (e.g. 0012 → 12): the quotes are gone and the codes, all digits, have different widths. Every quote of the export is gone.',
    );
    const ja = translate(result.detail, 'ja');
    assert.match(ja, /^export\.csv は Excel で壊れています。2, 3 行目で先頭の 0 が消えている可能性があります（例: 0012 → 12）。.*引用符がすべて消えています。$/);
  });

  it('exact with the employee list of KING OF TIME', () => {
    const signs = findExcelSigns(parseMapping(RESAVED, 'export.csv'), ['0012', '0101', '1000']);
    assert.deepEqual([signs.zerosLost, signs.zerosBy], [[2, 3], 'employees']);
    assert.deepEqual(signs.examples.zerosLost, { line: 2, found: '12', was: '0012' });
    assert.match(translate(excelCheck(mappingFacts(RESAVED, ['0012', '0101', '1000'])).detail, 'en'), /Leading zeros were lost on lines 2, 3 \(e\.g\. 0012 → 12\), by the employee list of KING OF TIME\./);
    // Codes that really are 12 and 101 in KING OF TIME lost nothing, whatever their widths.
    const unpadded = findExcelSigns(parseMapping(RESAVED, 'export.csv'), ['12', '101', '1000']);
    assert.deepEqual(unpadded.zerosLost, []);
    assert.equal(excelCheck(mappingFacts(RESAVED, ['12', '101', '1000'])).status, 'warn', 'only the quotes are gone');
  });

  it('an untouched export with codes of several widths passes: its quotes show it was not re-saved', () => {
    const mixed = [HEADER, 'LanScope連携,"2","12",a,"a"', 'LanScope連携,"2","1000",b,"b"'].join('\r\n');
    assert.equal(excelCheck(mappingFacts(mixed)).status, 'pass');
    assert.equal(excelCheck(mappingFacts(EXPORT)).status, 'pass');
  });

  it('every kind found is its own whole sentence, in both languages (no "…on line 7;")', async () => {
    const result = excelCheck({
      dayChanges: [],
      offline: true,
      mapping: { file: 'x.csv', encoding: 'cp932', data: parseMapping(iconv.decode(await readFile(fixture('mapping', 'excel-resaved.csv')), 'cp932'), 'x.csv') },
    });
    const en = translate(result.detail, 'en');
    assert.equal(
      en,
      'x.csv was damaged by Excel. Codes became numbers in E notation on line 5 (e.g. 1.23E+11). Leading zeros were lost on line 3 (e.g. 0012 → 12). Every quote of the export is gone.',
    );
    const ja = translate(result.detail, 'ja');
    assert.equal(
      ja,
      'x.csv は Excel で壊れています。5 行目のコードが指数表記（E+）の数値になっています（例: 1.23E+11）。3 行目で先頭の 0 が消えています（例: 0012 → 12）。エクスポートにあった引用符がすべて消えています。',
    );
  });

  it('doctor on the re-saved file: exit 1, the sentence and the advice', async () => {
    const file = join(dir, 'resaved.csv');
    await writeFile(file, iconv.encode(RESAVED + '\r\n', 'cp932'));
    const run = await runCli(['doctor', '--mapping', file, '--offline', '--json']);
    assert.equal(run.code, 1, run.stderr);
    const check = JSON.parse(run.stdout).checks.find((c: { id: string }) => c.id === 'mapping-excel');
    assert.deepEqual([check.status, check.data.zerosLost, check.data.zerosBy], ['fail', [2, 3], 'widths']);
    assert.match(check.advice, /Export the CSV again from PC ログイン連携/);
  });
});
