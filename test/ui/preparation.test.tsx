import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { flat, KEY, pressKeys, renderWizard, stepOf, typeAndWait } from './helpers.js';

const TOKEN = 'AbCdEfGh0123456789IjKlMnOpQrStUv';

describe('step 1: preparation', () => {
  afterEach(() => cleanup());

  it('opens on step 1 of 7 with every step listed beside it', async () => {
    const h = renderWizard({ columns: 120 });
    await typeAndWait(h.stdin, '');
    const frame = h.lastFrame()!;
    assert.equal(stepOf(frame), '1');
    const titles = ['Preparation', 'Day-change time', 'Link service folder', 'Proxy', 'Employee mapping', 'Dry run', 'Go-live checklist'];
    titles.forEach((title, i) => assert.match(frame, new RegExp(`^[▸ ] ${i + 1} ${title} +│`, 'm'), title));
  });

  it('lists the steps on one line above when the terminal is narrow', async () => {
    const h = renderWizard({ columns: 80 });
    await typeAndWait(h.stdin, '');
    const lines = h.lastFrame()!.split('\n');
    assert.match(lines[0]!, /^lanscope-kot setup\s+▸1\s+2\s+3\s+4\s+5\s+6\s+7\s*$/);
    assert.match(lines[1]!, /^1\/7 Preparation  manual §2\.1/);
    assert.ok(lines.every((l) => l.length <= 80));
  });

  it('accepts a valid company code and token and goes on to step 2', async () => {
    const h = renderWizard();
    await typeAndWait(h.stdin, 'ABC123');
    assert.match(h.lastFrame()!, /6 chars ✔/);
    await pressKeys(h.stdin, KEY.tab);
    await typeAndWait(h.stdin, TOKEN);
    const frame = h.lastFrame()!;
    assert.match(frame, /32\/32 ✔/);
    assert.ok(frame.includes('*'.repeat(32)), 'token masked');
    assert.ok(!frame.includes(TOKEN), 'token never shown');
    await pressKeys(h.stdin, KEY.enter);
    assert.equal(stepOf(h.lastFrame()), '2');
    assert.equal(h.saved.at(-1)?.companyCode, 'ABC123');
    assert.equal(h.saved.at(-1)?.token, TOKEN);
  });

  it('counts the token as it is typed and refuses a short one on Enter', async () => {
    const h = renderWizard();
    await pressKeys(h.stdin, KEY.tab);
    await typeAndWait(h.stdin, TOKEN.slice(0, 31));
    assert.match(h.lastFrame()!, /31\/32/);
    assert.doesNotMatch(h.lastFrame()!, /the token has 32/);
    await pressKeys(h.stdin, KEY.enter);
    assert.equal(stepOf(h.lastFrame()), '1');
    assert.match(h.lastFrame()!, /31 characters: the token has 32/);
  });

  it('takes at most 256 characters of a 12 KB paste into the token field, draws one line of it and says why', async () => {
    const h = renderWizard({ columns: 80, rows: 24 });
    await pressKeys(h.stdin, KEY.tab);
    // A whole file pasted by mistake: 12 KB of token-like text in one read.
    const paste = 'Zq7'.repeat(4096);
    await typeAndWait(h.stdin, paste);
    let frame = h.lastFrame()!;
    assert.match(frame, /256\/32/);
    assert.match(flat(frame), /cut at 256 characters, longer than any token .*over 256 bytes is refused too/);
    assert.ok((frame.match(/\*/g) ?? []).length < 80, `at most one line of mask:\n${frame}`);
    assert.ok(frame.split('\n').length <= 24, 'the step still fits 80×24');
    assert.ok(!frame.includes('Zq7Zq7'), 'the paste is never shown');
    // The rest of another read of the same paste is dropped too; Enter stays, with the reason still said.
    await typeAndWait(h.stdin, paste);
    await pressKeys(h.stdin, KEY.enter);
    frame = h.lastFrame()!;
    assert.equal(stepOf(frame), '1');
    assert.match(frame, /256\/32/);
    assert.match(flat(frame), /cut at 256 characters/);
    // Editing the value clears the note: from then on the length is what is said.
    await pressKeys(h.stdin, KEY.backspace);
    assert.doesNotMatch(flat(h.lastFrame()), /cut at 256/);
    assert.match(h.lastFrame()!, /255\/32/);
  });

  it('flags spaces and full-width characters as typed and repairs them on Enter', async () => {
    const h = renderWizard();
    await typeAndWait(h.stdin, 'ＡＢＣ１２３');
    assert.match(h.lastFrame()!, /full-width characters/);
    await pressKeys(h.stdin, KEY.enter);
    assert.equal(stepOf(h.lastFrame()), '1', 'stays to show the conversion');
    assert.match(h.lastFrame()!, /Company code\s+ABC123/);
    assert.match(h.lastFrame()!, /converted to half-width/);
    await pressKeys(h.stdin, KEY.tab);
    await typeAndWait(h.stdin, 'AbCd EfGh');
    assert.match(h.lastFrame()!, /contains spaces/);
  });

  it('refuses a company code of the wrong length', async () => {
    const h = renderWizard();
    await typeAndWait(h.stdin, 'ABCD');
    assert.match(h.lastFrame()!, /4 chars \(3 or 6\)/);
    await pressKeys(h.stdin, KEY.enter);
    assert.equal(stepOf(h.lastFrame()), '1');
    assert.match(h.lastFrame()!, /4 characters: the company code has 3 or 6/);
    await pressKeys(h.stdin, KEY.backspace);
    await pressKeys(h.stdin, KEY.backspace, KEY.backspace, KEY.backspace);
    await typeAndWait(h.stdin, 'XYZ');
    await pressKeys(h.stdin, KEY.enter);
    assert.equal(stepOf(h.lastFrame()), '2');
  });

  it('offers LANSCOPE_KOT_TOKEN, masked, and hides the field while it is used', async () => {
    const h = renderWizard({ env: { LANSCOPE_KOT_TOKEN: TOKEN }, values: { useEnvToken: true } });
    await typeAndWait(h.stdin, '');
    const frame = h.lastFrame()!;
    assert.match(frame, /\[x\] use LANSCOPE_KOT_TOKEN from this shell \(AbCd…StUv \(32 chars\)\)/);
    assert.ok(!frame.includes(TOKEN));
    assert.doesNotMatch(frame, /Access token/);
    await pressKeys(h.stdin, KEY.tab, KEY.space);
    assert.match(h.lastFrame()!, /\[ \] use LANSCOPE_KOT_TOKEN/);
    assert.match(h.lastFrame()!, /Access token/);
  });

  it('keeps the values when coming back with Esc', async () => {
    const h = renderWizard();
    await typeAndWait(h.stdin, 'ABC123');
    await pressKeys(h.stdin, KEY.tab);
    await typeAndWait(h.stdin, TOKEN);
    await pressKeys(h.stdin, KEY.tab, KEY.space, KEY.enter);
    assert.equal(stepOf(h.lastFrame()), '2');
    await pressKeys(h.stdin, KEY.esc);
    const frame = h.lastFrame()!;
    assert.equal(stepOf(frame), '1');
    assert.match(frame, /Company code\s+ABC123/);
    assert.match(frame, /32\/32 ✔/);
    assert.match(frame, /\[x\] remember the token/);
    await pressKeys(h.stdin, KEY.esc);
    assert.equal(stepOf(h.lastFrame()), '1', 'Esc on the first step stays');
  });

  it('quits with 130 on Ctrl-C', async () => {
    const h = renderWizard();
    await typeAndWait(h.stdin, 'ABC');
    await pressKeys(h.stdin, KEY.ctrlC);
    assert.deepEqual(h.exits.map((e) => e.code), [130]);
    assert.equal(h.saved.length, 0, 'nothing saved for an unfinished step');
  });

  it('says under "remember the token" why settings cannot be saved (the line said at start is under the first frame)', async () => {
    const problem = { kind: 'read-only', path: '/srv/ro/config.json', reason: 'EACCES' } as const;
    let h = renderWizard({ columns: 80, rows: 24, settingsProblem: problem });
    await typeAndWait(h.stdin, '');
    assert.match(flat(h.lastFrame()!), /settings cannot be saved in \/srv\/ro\/config\.json \(EACCES\): nothing is remembered for the next run/);
    h.unmount();
    h = renderWizard({ lang: 'ja', columns: 80, rows: 24, settingsProblem: { ...problem, kind: 'unreadable', reason: 'JSON' } });
    await typeAndWait(h.stdin, '');
    assert.match(flat(h.lastFrame()!), /設定ファイル \/srv\/ro\/config\.json を読めません（JSON）。今回は何も保存しません/);
  });

  it('says on step 1 why a LANSCOPE_KOT_TOKEN too long to be a token is not offered', async () => {
    // The line run-wizard.tsx makes for a 32 KB variable (wizardProblemText), which stderr alone would lose under the frame.
    const { wizardProblemText } = await import('../../source/ui/load.js');
    const line = wizardProblemText({ code: 'too-big', kind: 'token', variable: 'LANSCOPE_KOT_TOKEN', size: 32768, limit: 256 }, 'en');
    const h = renderWizard({ columns: 80, rows: 24, refusedEnv: { LANSCOPE_KOT_TOKEN: line } });
    await typeAndWait(h.stdin, '');
    const frame = h.lastFrame()!;
    assert.match(flat(frame), /! LANSCOPE_KOT_TOKEN: holds 32,768 bytes: too long for a token \(at most 256 bytes\); it was not read/);
    assert.doesNotMatch(frame, /use LANSCOPE_KOT_TOKEN from this shell/);
    assert.ok(frame.split('\n').length <= 24);
  });

  it('speaks Japanese', async () => {
    const h = renderWizard({ lang: 'ja' });
    await typeAndWait(h.stdin, 'ABCD');
    const frame = h.lastFrame()!;
    assert.match(frame, /事前準備/);
    assert.match(frame, /企業コード/);
    assert.match(frame, /4 文字（3 または 6）/);
  });
});
