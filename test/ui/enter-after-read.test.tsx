import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { splitKeys } from '../../source/ui/widgets/key-chunks.js';
import { demoCopy, loadedFor } from './demo-fixture.js';
import { flat, renderWizard, stepOf, typeAndWait, waitForFrame } from './helpers.js';

/**
 * Issue 10, "a paste that ends in a newline submits": a path pasted with its line end starts the read of
 * its file (steps 2, 3, 5), and an Enter pressed while that read runs is kept and applied when it ends,
 * as if pressed just after; it used to be dropped, so a second Enter was needed. The first chunk below is
 * the paste, written whole; the Enter after it comes in a read of its own, while the file is being read.
 */
describe('an Enter pressed while a step reads its file', () => {
  let demo: ReturnType<typeof demoCopy>;
  before(() => {
    demo = demoCopy();
  });
  after(() => demo.cleanup());
  afterEach(() => cleanup());

  it('step 3: "path\\r" in one chunk reads the folder; the Enter pressed during the read goes on to step 4 when it ends', async () => {
    const h = renderWizard({ step: 3 });
    await typeAndWait(h.stdin, '');
    h.stdin.write(`${demo.demo.confIni}\r`);
    h.stdin.write('\r');
    await waitForFrame(h.lastFrame, '4/7');
    assert.equal(h.saved.at(-1)?.outputInput, demo.demo.confIni);
    // Step 3 was read and passed: its mark in the title line.
    assert.match(h.lastFrame()!, /✔3/);
  });

  it('step 3: "path\\r" alone reads and stays on the result, also when the LF of its CR LF comes in the next read', async () => {
    const h = renderWizard({ step: 3 });
    await typeAndWait(h.stdin, '');
    h.stdin.write(`${demo.demo.confIni}\r`);
    h.stdin.write('\n');
    const frame = await waitForFrame(h.lastFrame, /✔ pass/);
    await typeAndWait(h.stdin, '', 100);
    assert.equal(stepOf(h.lastFrame()), '3', frame);
  });

  it('step 3: a folder that fails the check keeps the step on screen: the kept Enter is dropped', async () => {
    const h = renderWizard({ step: 3 });
    await typeAndWait(h.stdin, '');
    h.stdin.write('/nonexistent/lanscope-out\r');
    h.stdin.write('\r');
    await waitForFrame(h.lastFrame, 'no such folder');
    await typeAndWait(h.stdin, '', 100);
    assert.equal(stepOf(h.lastFrame()), '3');
  });

  it('step 5: an export pasted with its CR, then Enter: read, and on to step 6', async () => {
    // An export with nothing wrong in it (the demo's maps 共用 twice, which fails the step).
    const clean = join(dirname(demo.demo.mappingPath), 'clean-export.csv');
    writeFileSync(clean, '連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント\r\nLanScope連携,"2","1000",勤怠 太郎,"tarouk"\r\nLanScope連携,"2","3000",勤怠 花子,"hanakok"\r\n');
    const h = renderWizard({ step: 5 });
    await typeAndWait(h.stdin, '');
    h.stdin.write(`${clean}\r`);
    h.stdin.write('\r');
    await waitForFrame(h.lastFrame, '6/7');
    assert.equal(h.saved.at(-1)?.mappingPath, clean);
  });

  it('step 5: with the logs read, users without a mapping row fail the step: the table stays on screen', async () => {
    const values = { ...demo.values, mappingPath: '' };
    const h = renderWizard({ step: 5, values, loaded: await loadedFor(values) });
    await typeAndWait(h.stdin, '');
    h.stdin.write(`${demo.demo.mappingPath}\r`);
    h.stdin.write('\r');
    const frame = await waitForFrame(h.lastFrame, /unmapped/);
    await typeAndWait(h.stdin, '', 100);
    assert.equal(stepOf(h.lastFrame()), '5', frame);
  });

  it('step 2: the SQL pasted with its CR, then Enter: read, and the Enter moves on to the divisions as it does after a read', async () => {
    const h = renderWizard({ step: 2 });
    await typeAndWait(h.stdin, '');
    h.stdin.write(`${demo.demo.sqlPath}\r`);
    h.stdin.write('\r');
    const frame = flat(await waitForFrame(h.lastFrame, /› Add division/));
    assert.match(frame, /collection start time 05:00/);
    assert.equal(stepOf(h.lastFrame()), '2');
  });

  it('splitKeys: CR LF is one Enter whether the LF comes in the same read or the next', () => {
    const none = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false };
    const enters = (keys: { key: { return: boolean } }[]) => keys.filter((k) => k.key.return).length;
    const line = { endedInCR: false };
    assert.equal(enters(splitKeys('C:\\TEMP\r', none, line)), 1);
    assert.deepEqual(splitKeys('\n', none, line), [], 'the LF of that CR LF');
    // Ink hands a CR alone as `return`; an LF after it is its line end too.
    splitKeys('', { ...none, return: true }, line);
    assert.deepEqual(splitKeys('\n', none, line), []);
    // An LF alone, after anything else, is an Enter (a line copied from a Unix editor).
    assert.equal(enters(splitKeys('x', none, line)), 0);
    assert.equal(enters(splitKeys('\n', none, line)), 1);
    assert.equal(enters(splitKeys('\nabc', none, { endedInCR: true })), 0);
  });
});
