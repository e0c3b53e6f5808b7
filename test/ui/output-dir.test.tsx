import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { demoCopy } from './demo-fixture.js';
import { fixture, flat, KEY, shows, pressKeys, renderWizard, stepOf, typeAndWait, waitForFrame } from './helpers.js';

describe('step 3: link service folder', () => {
  let demo: ReturnType<typeof demoCopy>;
  before(() => {
    demo = demoCopy();
  });
  after(() => demo.cleanup());
  afterEach(() => cleanup());

  it('reads OUTPUTDIR from conf.ini and shows the folder as the output-dir check sees it', async () => {
    const h = renderWizard({ step: 3 });
    await typeAndWait(h.stdin, demo.demo.confIni);
    await pressKeys(h.stdin, KEY.enter);
    const frame = await waitForFrame(h.lastFrame, /✔ pass/);
    assert.ok(shows(frame, demo.demo.logsDir), frame + '\n' + demo.demo.logsDir);
    assert.match(flat(frame), /Read from OUTPUTDIR, conf\.ini line 3/);
    assert.match(flat(frame), /Local folder\s+✔ yes/);
    assert.match(flat(frame), /Exists\s+✔ yes/);
    assert.match(flat(frame), /✔ 3 file\(s\), 72 rows, 2024-12-16 – 2024-12-18/);
    assert.match(flat(frame), /events-20241217\.csv · events \(start\/end\) · 26 rows/);
    assert.match(flat(frame), /✔ pass .*3 LanScope CSV\(s\)/s);
    await pressKeys(h.stdin, KEY.enter);
    assert.equal(stepOf(h.lastFrame()), '4');
    assert.equal(h.saved.at(-1)?.outputInput, demo.demo.confIni);
  });

  it('takes the folder itself', async () => {
    const h = renderWizard({ step: 3, values: { outputInput: demo.demo.logsDir } });
    const frame = await waitForFrame(h.lastFrame, '72 rows');
    assert.doesNotMatch(flat(frame), /Read from/);
  });

  it('says a Windows path from conf.ini can only be checked on that server', async () => {
    const h = renderWizard({ step: 3, values: { outputInput: fixture('conf/conf.ini') } });
    const frame = await waitForFrame(h.lastFrame, 'Windows path');
    assert.match(flat(frame), /C:\\TEMP/);
    assert.match(flat(frame), /! warn/);
  });

  it('fails a network folder', async () => {
    const h = renderWizard({ step: 3, values: { outputInput: fixture('conf/conf-unc.ini') } });
    const frame = await waitForFrame(h.lastFrame, 'network folder');
    assert.match(flat(frame), /Local folder\s+✖ no: a network folder/);
    assert.match(flat(frame), /✖ fail \\\\fileserver\\lanscope is a network folder/);
  });

  it('fails a folder that does not exist, and refuses an unreadable conf.ini', async () => {
    const h = renderWizard({ step: 3 });
    await typeAndWait(h.stdin, '/nonexistent/lanscope-out');
    await pressKeys(h.stdin, KEY.enter);
    let frame = await waitForFrame(h.lastFrame, 'no such folder');
    assert.match(flat(frame), /✖ fail \/nonexistent\/lanscope-out does not exist/);
    for (let i = 0; i < '/nonexistent/lanscope-out'.length; i++) h.stdin.write(KEY.backspace);
    await typeAndWait(h.stdin, '/nonexistent/conf.ini');
    await pressKeys(h.stdin, KEY.enter);
    frame = await waitForFrame(h.lastFrame, 'file not found');
    await pressKeys(h.stdin, KEY.enter);
    assert.equal(stepOf(await waitForFrame(h.lastFrame, 'file not found')), '3', 'an unreadable input keeps the step open');
  });

  it('goes back with Esc and keeps the path (read once)', async () => {
    const h = renderWizard({ step: 3, values: { outputInput: demo.demo.logsDir } });
    await waitForFrame(h.lastFrame, '72 rows');
    await pressKeys(h.stdin, KEY.esc);
    assert.equal(stepOf(h.lastFrame()), '2');
    await pressKeys(h.stdin, KEY.enter, KEY.enter);
    const frame = h.lastFrame()!;
    assert.equal(stepOf(frame), '3');
    assert.match(flat(frame), /72 rows/);
  });

  it('speaks Japanese', async () => {
    const h = renderWizard({ step: 3, lang: 'ja', values: { outputInput: demo.demo.confIni } });
    const frame = await waitForFrame(h.lastFrame, '3 ファイル');
    assert.match(flat(frame), /conf\.ini 3 行目の OUTPUTDIR/);
    assert.match(flat(frame), /ローカルフォルダ\s+✔ はい/);
  });
});
