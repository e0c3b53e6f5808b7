import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { InputError } from '../../source/core/input-problem.js';
import { problemText } from '../../source/ui/load.js';
import type { Loaded } from '../../source/ui/state.js';
import { demoCopy, loadedFor } from './demo-fixture.js';
import { demoFile, flat, KEY, pressKeys, renderWizard, stepOf, typeAndWait, waitForFrame } from './helpers.js';

const TOKEN = 'AbCdEfGh0123456789IjKlMnOpQrStUv';

describe('what each field says (issue #10: fields and files)', () => {
  let demo: ReturnType<typeof demoCopy>;
  let loaded: Loaded;
  before(async () => {
    demo = demoCopy();
    loaded = await loadedFor(demo.values);
  });
  afterEach(() => cleanup());
  after(() => demo.cleanup());

  it('step 1 names exactly what Enter repairs: spaces only, full-width only, or both', async () => {
    const h = renderWizard();
    await typeAndWait(h.stdin, 'AB C12');
    assert.match(flat(h.lastFrame()), /contains spaces; Enter removes them \(5 chars\)/);
    await pressKeys(h.stdin, KEY.enter);
    assert.match(flat(h.lastFrame()), /spaces removed; check it and press Enter/);
    assert.doesNotMatch(flat(h.lastFrame()), /half-width/);
    await typeAndWait(h.stdin, '\x15ＡＢ Ｃ１２');
    assert.match(flat(h.lastFrame()), /full-width characters and spaces; Enter converts them to half-width and removes the spaces/);
    await pressKeys(h.stdin, KEY.enter);
    assert.match(flat(h.lastFrame()), /converted to half-width, spaces removed/);
  });

  it('step 1 treats a token too short and too long alike: a counter while typing, an error on Enter', async () => {
    for (const token of [TOKEN.slice(0, 8), `${TOKEN}X`]) {
      const h = renderWizard({ values: { companyCode: 'ABC123' } });
      await pressKeys(h.stdin, KEY.tab);
      await typeAndWait(h.stdin, token);
      assert.match(h.lastFrame()!, new RegExp(`${token.length}/32`));
      assert.doesNotMatch(flat(h.lastFrame()), /the token has 32/, 'no error while typing');
      await pressKeys(h.stdin, KEY.enter);
      assert.match(flat(h.lastFrame()), new RegExp(`${token.length} characters: the token has 32`));
      h.unmount();
    }
  });

  it('step 3 reads the folder of a CSV typed into the conf.ini field, and says so', async () => {
    const csv = join(demo.demo.logsDir, readdirSync(demo.demo.logsDir)[0]!);
    const h = renderWizard({ step: 3, columns: 120, rows: 40, values: { ...demo.values, outputInput: csv }, loaded: { sql: loaded.sql! } });
    const frame = await waitForFrame(h.lastFrame, /3 file\(s\), 72 rows/);
    assert.match(flat(frame), /is a CSV: its folder is read as the output folder/);
  });

  it('step 3 refuses a file that is not a conf.ini instead of falling back to C:\\TEMP', async () => {
    const h = renderWizard({ step: 3, columns: 120, rows: 40, values: { ...demo.values, outputInput: demoFile('勤怠簿出力.sql') } });
    const frame = await waitForFrame(h.lastFrame, /is not LanScope's conf\.ini/);
    assert.doesNotMatch(frame, /C:\\TEMP\s*$/m);
  });

  it('step 3 says how ¥ in a typed path was read', async () => {
    const h = renderWizard({ step: 3, columns: 120, rows: 40, values: { ...demo.values, outputInput: 'C:¥TEMP' } });
    const frame = await waitForFrame(h.lastFrame, /C:¥TEMP read as C:\\TEMP/);
    assert.match(flat(frame), /¥ and ￥ stand for the backslash/);
    // A Windows path on another system is not "missing": run it there or point at a copy (the field, not a flag).
    assert.doesNotMatch(flat(frame), /does not exist|--log-dir/);
    assert.match(flat(frame), /type the copy's folder in "conf\.ini or folder"/);
  });

  it('the SQL field: a Windows path on another system, and the ¥ hint', () => {
    const notFound = (file: string) => new InputError({ code: 'not-found', file });
    assert.match(problemText(notFound('C:\\LanScope\\勤怠簿出力.sql'), 'en', 'linux'), /is a Windows path and this computer is not Windows/);
    assert.match(problemText(notFound('\\\\server\\share\\a.sql'), 'ja', 'linux'), /Windows のパス/);
    assert.match(problemText(notFound('/tmp/none.sql'), 'en', 'linux'), /file not found/);
    assert.match(problemText(notFound('C:\\LanScope\\x.sql'), 'en', 'win32'), /file not found/);
  });

  it('step 2 hints at ¥ in the SQL path when it cannot be read', async () => {
    const h = renderWizard({ step: 2, columns: 120, rows: 40, values: { sqlPath: '/tmp/none¥勤怠簿出力.sql' } });
    await typeAndWait(h.stdin, '');
    const frame = await waitForFrame(h.lastFrame, /file not found/);
    assert.match(flat(frame), /the path contains ¥ or ￥: on Windows type a backslash/);
  });

  it('step 4 refuses an address that is not a host name, and forgets a result when the settings change', async () => {
    const services = { loadProbe: async () => async () => ({ reason: 'ok' as const, stage: 'http' as const, via: 'direct', status: 200, elapsedMs: 5, stages: [], trust: {} }) };
    const h = renderWizard({ step: 4, columns: 120, rows: 40, services: services as never });
    await typeAndWait(h.stdin, '');
    // use → CA certificate file → the test button.
    await pressKeys(h.stdin, KEY.down, KEY.down, KEY.enter);
    await waitForFrame(h.lastFrame, /reached https:\/\/pclogin\.secomtrust\.net\/ directly \(HTTP 200/);
    await pressKeys(h.stdin, KEY.up, KEY.up, KEY.space);
    assert.doesNotMatch(flat(h.lastFrame()), /directly \(HTTP 200/, 'the direct result is gone once a proxy is ticked');
    await pressKeys(h.stdin, KEY.down);
    await typeAndWait(h.stdin, 'proxy.local:80x80');
    await pressKeys(h.stdin, KEY.enter);
    assert.equal(stepOf(h.lastFrame()), '4');
    assert.match(flat(h.lastFrame()), /give the proxy host name or IP address only/);
  });

  it('step 6 marks a day merged from two PCs, and says it in full for the selected row', async () => {
    const h = renderWizard({ step: 6, columns: 120, rows: 40, values: demo.values, loaded });
    await typeAndWait(h.stdin, '');
    assert.match(h.lastFrame()!, /2000\s+山田 一郎\s+12\/17 .*! merged from PC-07 \+ PC-08/);
    await pressKeys(h.stdin, 'p');
    const rows = h.lastFrame()!.split('\n');
    const at = rows.findIndex((l) => /12\/17 .*merged/.test(l));
    assert.ok(at > 0, 'the merged day is a problem row');
    for (let i = 0; i < 4 && !/logs from PC-07 \+ PC-08/.test(flat(h.lastFrame())); i++) await pressKeys(h.stdin, KEY.down);
    assert.match(flat(h.lastFrame()), /logs from PC-07 \+ PC-08 under one user name were merged into this day/);
  });

  it('step 7 offers a report path beside the settings, and says plainly when its folder is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lanscope-kot-report-'));
    try {
      const h = renderWizard({ step: 7, columns: 120, rows: 40, values: { ...demo.values, reportPath: '' }, loaded, settingsPath: join(dir, 'config.json') });
      await typeAndWait(h.stdin, '');
      assert.match(flat(h.lastFrame()), /lanscope-kot-report\.md/);
      await pressKeys(h.stdin, KEY.enter);
      assert.deepEqual(readdirSync(dir), ['lanscope-kot-report.md'], 'Enter saved it beside the settings');
      h.unmount();
      const h2 = renderWizard({ step: 7, columns: 120, rows: 40, values: { ...demo.values, reportPath: join(dir, 'no', 'such', 'r.md') }, loaded });
      await typeAndWait(h2.stdin, '');
      await pressKeys(h2.stdin, KEY.enter);
      const frame = flat(h2.lastFrame());
      assert.match(frame, /the folder \S+no\/such does not exist: create it, or give another path/);
      assert.doesNotMatch(frame, /ENOENT|\.tmp/);
      assert.deepEqual(h2.exits, [], 'Enter did not finish');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
