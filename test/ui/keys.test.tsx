import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { openSettings } from '../../source/io/settings.js';
import { printable, splitKeys } from '../../source/ui/widgets/key-chunks.js';
import { editLine } from '../../source/ui/widgets/line-edit.js';
import { valuesFromSettings } from '../../source/ui/state.js';
import { flat, KEY, pressKeys, renderWizard, stepOf, typeAndWait, waitForFrame } from './helpers.js';

const none = splitKeys('x', { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false })[0]!.key;
const names = (chunk: string) =>
  splitKeys(chunk, none).map(({ input, key }) => (key.return ? '⏎' : key.tab ? '⇥' : key.delete || key.backspace ? '⌫' : key.escape ? 'esc' : key.ctrl ? `^${input}` : input));

/** Saving runs in an effect after the frame that shows the next step: wait for it, not for a fixed time. */
async function savedOnce(h: { saved: unknown[] }): Promise<void> {
  for (let i = 0; i < 100 && h.saved.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('keys that arrive together (widgets/key-chunks.ts, line-edit.ts)', () => {
  afterEach(() => cleanup());

  it('splits one read into printable runs and single keys', () => {
    assert.deepEqual(names('ABC123XYZ\x7f\x7f\x7f\r'), ['ABC123XYZ', '⌫', '⌫', '⌫', '⏎']);
    // A path pasted with its Windows line end is one Enter, not two.
    assert.deepEqual(names('C:\\TEMP\r\n'), ['C:\\TEMP', '⏎']);
    assert.deepEqual(names('a\tb\n'), ['a', '⇥', 'b', '⏎']);
    assert.deepEqual(names('x\x03'), ['x', '^c']);
    assert.deepEqual(names('\x15abc\x08'), ['^u', 'abc', '⌫']);
    // Controls that mean nothing are dropped, never kept as text.
    assert.deepEqual(names('a\x00\x1cb\x85'), ['a', 'b']);
    assert.deepEqual(names('勤怠'), ['勤怠']);
  });

  it('edits a one-line value key by key and never stores a control character', () => {
    let state = { value: '', cursor: 0 };
    for (const k of splitKeys('ABC123XYZ\x7f\x7f\x7f', none)) state = editLine(state, k.input, k.key) ?? state;
    assert.deepEqual(state, { value: 'ABC123', cursor: 6 });
    state = editLine(state, '', { ...none, leftArrow: true })!;
    state = editLine(state, '-', none)!;
    assert.deepEqual(state, { value: 'ABC12-3', cursor: 6 });
    assert.equal(editLine(state, '', { ...none, return: true }), undefined, 'Enter belongs to the step');
    assert.equal(editLine(state, 'u', { ...none, ctrl: true })!.value, '3');
    assert.equal(printable('abc\x7f\x7f\r\n\u0085'), 'abc');
  });

  it('applies a pasted company code with Backspaces and Enter as if typed, then goes on', async () => {
    const h = renderWizard({ values: { token: '' } });
    await typeAndWait(h.stdin, 'ABC123XYZ\x7f\x7f\x7f\r');
    await waitForFrame(h.lastFrame, '2/7');
    await savedOnce(h);
    assert.equal(h.saved.at(-1)?.companyCode, 'ABC123');
  });

  it('a CR inside a pasted value never reaches the field or the layout', async () => {
    const h = renderWizard({ columns: 80, rows: 24 });
    // The code is wrong (7 characters): Enter stays on step 1 and says so, on one line under the field.
    await typeAndWait(h.stdin, 'ABC1234\r');
    assert.equal(stepOf(h.lastFrame()), '1');
    assert.match(flat(h.lastFrame()), /7 characters: the company code has 3 or 6/);
    assert.ok(h.lastFrame()!.split('\n').every((line) => !/[\r\x7f]/.test(line)));
  });

  it('keeps typing, Backspace and Enter in order when they come in several reads', async () => {
    const h = renderWizard();
    await pressKeys(h.stdin, 'AB', 'X', KEY.backspace, 'C123');
    await typeAndWait(h.stdin, '\r');
    await waitForFrame(h.lastFrame, '2/7');
    await savedOnce(h);
    assert.equal(h.saved.at(-1)?.companyCode, 'ABC123');
  });

  it('stores no control character in the proxy port (config.json) however the keys came', async () => {
    const h = renderWizard({ step: 4, values: { proxy: { use: true, host: 'proxy.local', port: '', auth: false, user: '', password: '' } } });
    await typeAndWait(h.stdin, '');
    await pressKeys(h.stdin, KEY.down, KEY.down);
    await typeAndWait(h.stdin, 'abc\x7f\x7f\x7f8080\r');
    await waitForFrame(h.lastFrame, '5/7');
    await savedOnce(h);
    assert.equal(h.saved.at(-1)?.proxy.port, '8080');
  });

  it('reads a settings file written with control characters back clean', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lanscope-kot-keys-'));
    try {
      writeFileSync(join(dir, 'config.json'), JSON.stringify({ companyCode: 'ABC\r', proxy: { use: true, host: 'p', port: 'abc\x7f\x7f\x7f' }, divisions: ['05:00\r'] }));
      const values = valuesFromSettings(openSettings(dir).load(), {});
      assert.equal(values.companyCode, 'ABC');
      assert.equal(values.proxy.port, 'abc');
      assert.deepEqual(values.divisions, ['05:00']);
      assert.ok(!JSON.stringify(values).match(/\\u007f|\\r/), readFileSync(join(dir, 'config.json'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
