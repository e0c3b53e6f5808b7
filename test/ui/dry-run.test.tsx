import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { demoCopy, loadedFor } from './demo-fixture.js';
import { flat, KEY, pressKeys, renderWizard, stepOf, typeAndWait, waitForFrame } from './helpers.js';

describe('step 6: dry run', () => {
  let demo: ReturnType<typeof demoCopy>;
  beforeEach(() => {
    demo = demoCopy();
  });
  afterEach(() => {
    cleanup();
    demo.cleanup();
  });

  const atStep6 = async (patch: Parameters<typeof renderWizard>[0] = {}) => {
    const values = { ...demo.values, ...(patch.values ?? {}) };
    const h = renderWizard({ step: 6, ...patch, values, loaded: await loadedFor(values), columns: 120, rows: 40 });
    await typeAndWait(h.stdin, '');
    return h;
  };

  it('shows the punches per employee and day as KING OF TIME would, with wrong-day ones in words', async () => {
    const h = await atStep6();
    const frame = flat(await waitForFrame(h.lastFrame, '出勤'));
    assert.match(frame, /day change at 00:00 \(division 1001\); LanScope collects from 05:00/);
    assert.match(frame, /6 employees · 3 day\(s\) · 36 punches ✖ 1 on the wrong day ! 1 day\(s\) merged from several PCs ✖ 4 user\(s\)' logs dropped \(11 day\(s\)\) ✖ 1 duplicate mapping\(s\)/);
    assert.match(frame, /0012 勤怠 次郎 12\/17 PC 12\/17 10:12 PC 12\/18 01:30 ✖ 退勤 on 12\/18, not 12\/17/);
    assert.match(frame, /4000 鈴木 一 12\/16 PC 12\/16 09:00 PC 12\/16 18:00/);
  });

  it('lists the users whose logs are dropped and the duplicates, and filters to problems with p', async () => {
    const h = await atStep6();
    await waitForFrame(h.lastFrame, '出勤');
    await pressKeys(h.stdin, 'p');
    const frame = flat(h.lastFrame());
    assert.match(frame, /0012 勤怠 次郎 12\/17 .*✖ 退勤 on 12\/18, not 12\/17/);
    assert.doesNotMatch(frame, /4000 鈴木 一/);
    assert.match(frame, /── Logs dropped: no mapping row \(4\) ──/);
    assert.match(frame, /temp01 ✖ 2 day\(s\) of logs \(12\/16–12\/17\) never become punches/);
    assert.match(frame, /── Mapped to several employees: stamped for nobody \(1\) ──/);
    assert.match(frame, /共用 ✖ → 6000 \/ 7000: 3 day\(s\) of logs, stamped for nobody/);
  });

  it('shows tarouk exactly as 日別データ does: PC 12/17 09:03 / PC 12/17 18:22', async () => {
    const h = await atStep6();
    await waitForFrame(h.lastFrame, '出勤');
    await pressKeys(h.stdin, KEY.end);
    const frame = flat(await waitForFrame(h.lastFrame, '1000'));
    assert.match(frame, /1000 勤怠 太郎 12\/17 PC 12\/17 09:03 PC 12\/17 18:22/);
  });

  it('aligned day-change times give no wrong-day punch', async () => {
    const h = await atStep6({ values: { divisions: ['05:00'] } });
    const frame = flat(await waitForFrame(h.lastFrame, '出勤'));
    assert.match(frame, /✔ none on the wrong day/);
    assert.match(frame, /PC 12\/17 10:12 PC 12\/18 01:30/);
  });

  it('applies a written upload file, and says so', async () => {
    const values = { ...demo.values, acceptedFixes: { 3: 'hanakok' } };
    const loaded = await loadedFor(values);
    loaded.upload = { file: `${demo.demo.dir}/mapping-export.upload.csv`, lines: [3], encoding: 'cp932', accepted: { 3: 'hanakok' } };
    const h = renderWizard({ step: 6, values, loaded, columns: 120 });
    const frame = flat(await waitForFrame(h.lastFrame, '出勤'));
    assert.match(frame, /With the 1 fix\(es\) of mapping-export\.upload\.csv applied: upload it first/);
    assert.match(frame, /3000 勤怠 花子 12\/17 PC 12\/17 11:00 PC 12\/18 02:10 ✖ 退勤 on 12\/18, not 12\/17/);
  });

  it('says what it needs when the CSVs were not read', async () => {
    const h = await atStep6({ values: { outputInput: '' } });
    assert.match(flat(h.lastFrame()), /the dry run needs the LanScope CSVs \(step 3\)/);
    await pressKeys(h.stdin, KEY.enter);
    assert.equal(stepOf(h.lastFrame()), '7');
  });

  it('goes back with Esc', async () => {
    const h = await atStep6();
    await waitForFrame(h.lastFrame, '出勤');
    await pressKeys(h.stdin, KEY.esc);
    assert.equal(stepOf(h.lastFrame()), '5');
  });

  it('speaks Japanese', async () => {
    const h = await atStep6({ lang: 'ja' });
    const frame = flat(await waitForFrame(h.lastFrame, '出勤'));
    assert.match(frame, /✖ 別の日の打刻 1 件/);
    assert.match(frame, /✖ 退勤→12\/18（本来 12\/17）/);
  });
});
