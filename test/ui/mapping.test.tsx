import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { cleanup } from 'ink-testing-library';
import iconv from 'iconv-lite';
import { demoCopy, loadedFor } from './demo-fixture.js';
import { fixture, flat, KEY, pressKeys, renderWizard, shows, stepOf, waitForFrame } from './helpers.js';

describe('step 5: employee mapping', () => {
  let demo: ReturnType<typeof demoCopy>;
  beforeEach(() => {
    demo = demoCopy();
  });
  afterEach(() => {
    cleanup();
    demo.cleanup();
  });

  const atStep5 = async (patch: Parameters<typeof renderWizard>[0] = {}) => {
    const values = { ...demo.values, ...(patch.values ?? {}) };
    const loaded = await loadedFor({ ...values, mappingPath: patch.values?.acceptedFixes ? values.mappingPath : '' });
    return renderWizard({ step: 5, ...patch, values, loaded });
  };

  it('shows every LanScope user and mapping row with its status, problems first', async () => {
    const h = await atStep5();
    const frame = flat(await waitForFrame(h.lastFrame, 'near miss'));
    // Keys and counts told apart: `[1] duplicate (2)`; the chosen filter marked by a glyph, not by colour alone.
    assert.match(frame, /›\[0\] all \(14\) \[1\] duplicate \(2\) \[2\] near miss \(2\) \[3\] unmapped \(4\) \[4\] shared PC \(3\) \[5\] unused \(2\) \[6\] mapped \(6\)/);
    assert.match(frame, /duplicate 共用 共用 6000 共用 一/);
    assert.match(frame, /near miss hanakok Hanakok 3000 勤怠 花子 \[ \] → hanakok/);
    assert.match(frame, /near miss saburo ACME\\saburo 0045 勤怠 三郎 \[ \] → saburo/);
    assert.match(frame, /unmapped temp01/);
    assert.match(frame, /shared PC yamada yamada 2000 山田 一郎/);
    assert.match(frame, /unused — 5000 5000 勤怠 四郎 \[ \] → 勤怠四郎/);
    assert.match(frame, /mapped jirou jirou 0012 勤怠 次郎/);
  });

  it('keeps columns aligned with wide names', async () => {
    const h = await atStep5();
    const frame = await waitForFrame(h.lastFrame, 'near miss');
    // The employee code column starts at the same terminal column on every row, 勤怠四郎 or temp01.
    const widthTo = (line: string, text: string) => {
      let w = 0;
      for (const ch of line.slice(0, line.lastIndexOf(text))) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
      return w;
    };
    const lines = frame.split('\n');
    const row = (code: string) => lines.find((l) => l.includes(` ${code} `))!;
    const columns = ['6000', '3000', '0045', '2000', '5000', '9000', '0012'].map((code) => widthTo(row(code), ` ${code} `));
    assert.equal(new Set(columns).size, 1, `employee column at ${columns.join(', ')}`);
  });

  it('filters by status with a digit or the arrows', async () => {
    const h = await atStep5();
    await waitForFrame(h.lastFrame, 'near miss');
    await pressKeys(h.stdin, '2');
    let frame = flat(h.lastFrame());
    assert.match(frame, /near miss hanakok/);
    assert.doesNotMatch(frame, /mapped tarouk/);
    assert.doesNotMatch(frame, /duplicate 共用 共用 6000/);
    await pressKeys(h.stdin, KEY.right);
    frame = flat(h.lastFrame());
    assert.match(frame, /unmapped temp01/);
    assert.doesNotMatch(frame, /mapped tarouk/);
  });

  it('accepts fixes and writes an upload file of the changed rows only, beside the export, in its encoding and quoting', async () => {
    const h = await atStep5();
    await waitForFrame(h.lastFrame, 'near miss');
    await pressKeys(h.stdin, KEY.down, KEY.down, KEY.space);
    assert.match(flat(h.lastFrame()), /\[x\] → hanakok/);
    assert.match(flat(h.lastFrame()), /near miss \(case\): サービスアカウント "Hanakok" → "hanakok" \(accepted/);
    await pressKeys(h.stdin, 'a');
    assert.match(flat(h.lastFrame()), /3 fix\(es\) accepted · Enter writes the upload file/);
    const exportBefore = readFileSync(demo.demo.mappingPath);
    await pressKeys(h.stdin, KEY.enter);
    const frame = flat(h.lastFrame());
    assert.equal(stepOf(h.lastFrame()), '5', 'writing the file does not leave the step');
    const uploadFile = demo.demo.mappingPath.replace(/\.csv$/, '.upload.csv');
    assert.ok(shows(h.lastFrame(), uploadFile));
    assert.match(frame, /3 row\(s\), cp932/);
    assert.match(frame, /PC ログイン連携 → \[CSV データ入力\]/);
    assert.match(frame, /"3 件のアカウントを更新"/);
    assert.deepEqual(readFileSync(demo.demo.mappingPath), exportBefore, 'the export is untouched');
    const bytes = readFileSync(uploadFile);
    assert.equal(
      iconv.decode(bytes, 'cp932'),
      '連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント\r\n' +
        'LanScope連携,"2","3000",勤怠 花子,"hanakok"\r\n' +
        'LanScope連携,"2","0045",勤怠 三郎,"saburo"\r\n' +
        'LanScope連携,"2","5000",勤怠 四郎,"勤怠四郎"\r\n',
    );
    await pressKeys(h.stdin, KEY.enter);
    assert.equal(stepOf(h.lastFrame()), '6');
    assert.deepEqual(h.saved.at(-1)?.acceptedFixes, { 3: 'hanakok', 5: 'saburo', 6: '勤怠四郎' });
  });

  it('never overwrites an earlier upload file', async () => {
    const first = demo.demo.mappingPath.replace(/\.csv$/, '.upload.csv');
    writeFileSync(first, 'earlier');
    const h = await atStep5({ values: { acceptedFixes: { 3: 'hanakok' } } });
    await waitForFrame(h.lastFrame, 'near miss');
    await pressKeys(h.stdin, KEY.enter);
    await waitForFrame(h.lastFrame, 'upload file written');
    assert.equal(readFileSync(first, 'utf8'), 'earlier');
    assert.ok(existsSync(demo.demo.mappingPath.replace(/\.csv$/, '.upload-2.csv')));
  });

  it('refuses an export damaged by Excel', async () => {
    const h = await atStep5({ values: { mappingPath: fixture('mapping/excel-resaved.csv'), acceptedFixes: {} } });
    const frame = flat(await waitForFrame(h.lastFrame, 'damaged by Excel'));
    assert.match(frame, /✖ fail .*Leading zeros were lost on line 3 \(e\.g\. 0012 → 12\)/);
  });

  it('names an unreadable file and stays', async () => {
    const h = await atStep5({ values: { mappingPath: fixture('mapping/bad-header.csv') } });
    const frame = flat(await waitForFrame(h.lastFrame, 'header not recognised'));
    assert.match(frame, /bad-header\.csv:1: header not recognised/);
    await pressKeys(h.stdin, KEY.enter);
    assert.equal(stepOf(await waitForFrame(h.lastFrame, 'header not recognised')), '5');
  });

  it('goes back with Esc and keeps the accepted fixes', async () => {
    const h = await atStep5();
    await waitForFrame(h.lastFrame, 'near miss');
    await pressKeys(h.stdin, KEY.down, KEY.down, KEY.space, KEY.esc);
    assert.equal(stepOf(h.lastFrame()), '4');
    await pressKeys(h.stdin, KEY.enter);
    const frame = flat(await waitForFrame(h.lastFrame, 'near miss'));
    assert.equal(stepOf(h.lastFrame()), '5');
    assert.match(frame, /\[x\] → hanakok/);
  });

  it('scrolls thousands of rows, rendering only those that fit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lanscope-kot-big-'));
    try {
      const rows = Array.from({ length: 5000 }, (_, i) => `LanScope連携,"2","${String(10000 + i)}",社員 ${i},"user${String(i).padStart(4, '0')}"`);
      const file = join(dir, 'big.csv');
      writeFileSync(file, iconv.encode(`連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント\r\n${rows.join('\r\n')}\r\n`, 'cp932'));
      const started = Date.now();
      const h = renderWizard({ step: 5, values: { mappingPath: file } });
      await waitForFrame(h.lastFrame, 'user0000');
      await pressKeys(h.stdin, KEY.end);
      const frame = h.lastFrame()!;
      assert.match(frame, /user4999/);
      assert.doesNotMatch(frame, /user0000/);
      assert.match(flat(frame), /\d+–5000 \/ 5000/);
      assert.ok(frame.split('\n').length <= 30, `the frame fits the terminal (${frame.split('\n').length} lines)`);
      assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
      await pressKeys(h.stdin, KEY.up);
      assert.match(h.lastFrame()!, /› no logs\s+—\s+user4998/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('speaks Japanese', async () => {
    const h = await atStep5({ lang: 'ja' });
    const frame = flat(await waitForFrame(h.lastFrame, 'ほぼ一致'));
    assert.match(frame, /ほぼ一致 hanakok Hanakok 3000 勤怠 花子/);
    assert.match(frame, /紐づけなし temp01/);
  });
});
