import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { eastAsianWidthType } from 'get-east-asian-width';
import { DEMO_TOKEN } from '../source/ui/demo.js';

/**
 * The real binary in a real terminal: tmux (120×40) runs `lanscope-kot setup --demo`, keys are sent
 * as a person would type them, and the screen is read back with capture-pane. A private tmux socket
 * keeps it away from anyone else's sessions.
 */
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const bin = fileURLToPath(new URL('../../bin/lanscope-kot.js', import.meta.url));
const socket = `lanscope-kot-e2e-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
/** The content column of a screen, wrapped lines joined: the step list beside it removed. */
const content = (screen: string) =>
  screen
    .split('\n')
    .map((line) => (line.includes('│') ? line.slice(line.indexOf('│') + 1) : line).trim())
    .filter(Boolean)
    .join(' ');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class Terminal {
  readonly screens: string[] = [];
  constructor(readonly session: string) {}

  start(command: string, columns = 120, rows = 40): void {
    tmux('new-session', '-d', '-s', this.session, '-x', String(columns), '-y', String(rows), `${command}; echo "EXIT=$?"; sleep 120`);
  }

  /** The screen as text; with `escapes`, with its colour and attribute codes. */
  screen(escapes = false): string {
    const text = tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', this.session);
    this.screens.push(text);
    return text;
  }

  async waitFor(expected: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const started = Date.now();
    for (;;) {
      const text = this.screen();
      if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) return text;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${String(expected)}; screen:\n${text}`);
      await sleep(100);
    }
  }

  /** One key (tmux key name or literal text), then a moment for the frame to settle. */
  async press(key: string, literal = false): Promise<void> {
    tmux('send-keys', '-t', this.session, ...(literal ? ['-l', key] : [key]));
    await sleep(250);
  }

  /** Several keys in one send-keys call: they reach the program in one read, as a paste or RDP does. */
  async burst(...keys: string[]): Promise<void> {
    tmux('send-keys', '-t', this.session, ...keys);
    await sleep(400);
  }
}

/** The title line on top and the step counter under it: nothing scrolled off. */
function assertHeader(screen: string, step: number): void {
  const lines = screen.split('\n');
  assert.match(lines[0]!, /^lanscope-kot setup/, screen);
  assert.match(lines[1]!, new RegExp(`^${step}/7 `), screen);
}
const ambiguous = (text: string) => [...text].filter((ch) => eastAsianWidthType(ch.codePointAt(0)!) === 'ambiguous');

describe('lanscope-kot setup --demo in a real terminal (tmux)', { skip: hasTmux ? false : 'tmux is not installed' }, () => {
  let root: string;
  let configDir: string;
  let env: string;
  const terminals: Terminal[] = [];

  before(() => {
    // The demo copies its sample files under TMPDIR: a folder of this test's own, removed afterwards.
    root = mkdtempSync(join(tmpdir(), 'lanscope-kot-e2e-'));
    configDir = join(root, 'config');
    mkdirSync(join(root, 'tmp'));
    // CI=true (as CI runs us) makes Ink render only the last frame: the terminal in tmux is a real one.
    env = `env -u LANSCOPE_KOT_TOKEN -u CI -u CONTINUOUS_INTEGRATION TMPDIR=${join(root, 'tmp')} LANG=en_US.UTF-8 LC_ALL= NO_COLOR=1`;
  });
  after(() => {
    for (const t of terminals) spawnSync('tmux', ['-L', socket, 'kill-session', '-t', t.session]);
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    rmSync(root, { recursive: true, force: true });
  });

  it('walks the demo from step 1 to the checklist with Enter, and the token never shows', { timeout: 90_000 }, async () => {
    const t = new Terminal('demo');
    terminals.push(t);
    t.start(`${env} node ${bin} setup --demo --config-dir ${configDir}`);

    let s = await t.waitFor('1/7 Preparation');
    assert.match(s, /Company code\s+ABC123\s+6 chars ✔/);
    assert.match(s, /Access token\s+\*{32}\s+32\/32 ✔/);
    await t.press('Enter');

    s = await t.waitFor(/collection start time 05:00/);
    assert.match(s, /2\/7 Day-change time/);
    assert.match(s, /line 9: 日時 >= the day \+ '05:00:00\.000'/);
    assert.match(s, /1001\s+00:00 ✖ not 05:00: a log-off at 02:30 on 12\/18 is stamped on 12\/18, not/);
    assert.match(s, /1002\s+05:00 ✔ same as the collection start 05:00/);
    await t.press('Enter');
    await t.press('Enter');

    s = await t.waitFor(/3 file\(s\), 72 rows, 2024-12-16 – 2024-12-18/);
    assert.match(s, /3\/7 Link service folder/);
    assert.match(s, /Read from\s+OUTPUTDIR, conf\.ini line 3/);
    assert.match(s, /Local folder\s+✔ yes/);
    await t.press('Enter');

    s = await t.waitFor('4/7 Proxy');
    assert.match(s, /\[ \] use a proxy server/);
    await t.press('Enter');

    s = await t.waitFor(/near miss\s+hanakok\s+Hanakok/);
    assert.match(s, /5\/7 Employee mapping/);
    assert.match(s, /duplicate\s+共用\s+共用\s+6000\s+共用 一/);
    await t.press('a', true);
    await t.press('Enter');
    s = await t.waitFor('upload file written');
    assert.match(s, /PC ログイン連携 → \[CSV データ入力\]/);
    await t.press('Enter');

    s = await t.waitFor('6/7 Dry run');
    assert.match(s, /With the 3 fix\(es\) of mapping-export\.upload\.csv applied/);
    assert.match(s, /3000\s+勤怠 花子\s+12\/17\s+PC 12\/17 11:00\s+PC 12\/18 02:10\s+✖ 退勤 on 12\/18, not 12\/17/);
    await t.press('Enter');

    s = await t.waitFor('7/7 Go-live checklist');
    assert.match(s, /✖ Not ready: 3 check\(s\) fail\. Do first:/);
    assert.match(content(s), /Upload mapping-export\.upload\.csv in PC ログイン連携/);
    assert.match(s, /アクセストークン \(token\)\s+Dm7k…J0aE \(32 chars\)/);
    assert.match(s, /✔ pass\s+Company code/);
    await t.press('Enter');
    s = await t.waitFor('saved:');
    await t.press('Enter');
    s = await t.waitFor('EXIT=0');
    assert.match(s, /lanscope-kot setup finished\./);
    const report = /report:\s+(\S+)/.exec(s)![1]!;
    assert.ok(report.startsWith(join(root, 'tmp')), 'the demo writes into its own copy');
    assert.ok(!readFileSync(report, 'utf8').includes(DEMO_TOKEN), 'no token in the report');
    const settings = join(configDir, 'config.json');
    assert.equal(statSync(settings).mode & 0o777, 0o600);
    assert.ok(!readFileSync(settings, 'utf8').includes(DEMO_TOKEN), 'no token in the settings');

    assert.ok(t.screens.length > 10);
    for (const screen of t.screens) assert.ok(!screen.includes(DEMO_TOKEN), 'the token never appears on screen');
  });

  it('opens an admin\'s own run (no demo) with the saved settings filled in', { timeout: 30_000 }, async () => {
    // Read back through the shipped bundle, which leaves out conf's schema support (scripts/bundle-wizard.mjs).
    const own = join(root, 'own-config');
    mkdirSync(own);
    const saved = JSON.stringify({ companyCode: 'XYZ789', sqlPath: join(root, '勤怠簿出力.sql'), divisions: ['05:00'] }, null, '\t');
    writeFileSync(join(own, 'config.json'), saved, { mode: 0o600 });
    const t = new Terminal('own');
    terminals.push(t);
    t.start(`${env} node ${bin} --config-dir ${own}`);
    const s = await t.waitFor('1/7 Preparation');
    assert.doesNotMatch(s, /demo data/);
    assert.match(s, /Company code\s+XYZ789\s+6 chars ✔/);
    await t.press('C-c');
    await t.waitFor('EXIT=130');
    assert.equal(readFileSync(join(own, 'config.json'), 'utf8'), saved, 'quitting on step 1 leaves the settings as they were');
  });

  it('a read-only --config-dir is said on step 1, and no save is claimed at exit', { timeout: 30_000 }, async (ctx) => {
    // Root writes anywhere: as root the wizard runs as an unprivileged user (setpriv, util-linux).
    const asRoot = process.getuid?.() === 0;
    if (asRoot && spawnSync('setpriv', ['--version']).status !== 0) return ctx.skip('setpriv (util-linux) is not installed');
    const readOnly = join(root, 'read-only');
    mkdirSync(readOnly);
    chmodSync(root, 0o755);
    chmodSync(readOnly, 0o555);
    const t = new Terminal('readonly');
    terminals.push(t);
    t.start(`${asRoot ? 'setpriv --reuid=65534 --regid=65534 --clear-groups ' : ''}${env} node ${bin} --config-dir ${readOnly}`);
    let s = await t.waitFor('1/7 Preparation');
    // The line said on stderr at start is scrolled away by the first full-screen frame: step 1 says it where the token would be remembered.
    assert.match(content(s), new RegExp(`settings cannot be saved in ${readOnly}/config\\.json \\(EACCES\\): nothing is remembered for the next run`));
    await t.press('ABC123', true);
    await t.press('Enter');
    await t.waitFor('2/7');
    await t.press('C-c');
    s = await t.waitFor('EXIT=130');
    assert.match(s.replace(/\n/g, ' '), /stopped \(Ctrl-C\)\. No settings were saved; nothing else was written\./);
    assert.doesNotMatch(s, /Steps already completed were saved/);
    assert.doesNotMatch(s, /settings not saved in/, 'no save was tried, so no failed save is reported');
  });

  it('quits with Ctrl-C at any step: exit 130, nothing half-written', { timeout: 30_000 }, async () => {
    const t = new Terminal('ctrlc');
    terminals.push(t);
    t.start(`${env} node ${bin} setup --demo --lang ja`);
    await t.waitFor('1/7 事前準備');
    await t.press('Enter');
    await t.waitFor('ログ収集の起点時刻 05:00');
    await t.press('C-c');
    const s = await t.waitFor('EXIT=130');
    assert.match(s, /中断しました（Ctrl-C）/);
    // The demo without --config-dir saves nothing: it says so, and names the folder it leaves behind.
    assert.match(s.replace(/\n/g, ''), /設定は保存していません。デモのファイルは .*lanscope-kot-demo-\S* に残っています。/);
    assert.doesNotMatch(s, /保存済み/);
    // Nothing half-written: no temporary file anywhere in the demo copy.
    const leftovers = readdirSync(join(root, 'tmp'), { recursive: true }).map(String).filter((f) => f.endsWith('.tmp'));
    assert.deepEqual(leftovers, []);
  });

  it('walks every step at 80×24 in Japanese without colour: the header never scrolls off, no colour code is drawn', { timeout: 90_000 }, async () => {
    const t = new Terminal('small-ja');
    terminals.push(t);
    t.start(`${env.replace('LANG=en_US.UTF-8', 'LANG=ja_JP.UTF-8')} node ${bin} setup --demo`, 80, 24);
    let s = await t.waitFor('1/7 事前準備');
    assertHeader(s, 1);
    const expected: [number, string | RegExp][] = [
      [2, 'ログ収集の起点時刻 05:00'],
      [3, /3 ファイル、72 行/],
      [4, '4/7 プロキシ'],
      [5, /ほぼ一致\s+hanakok/],
      [6, '6/7 打刻のドライラン'],
      [7, /まだ有効にできません/],
    ];
    for (const [step, text] of expected) {
      // Step 2 asks for Enter twice (the SQL field, then the divisions).
      await t.press('Enter');
      if (step === 3) await t.press('Enter');
      s = await t.waitFor(text);
      assertHeader(s, step);
      const coloured = t.screen(true);
      assert.doesNotMatch(coloured, /\x1b\[[0-9;]*(3[0-7]|9[0-7]|38;)[0-9;]*m/, `step ${step}: NO_COLOR leaves no colour`);
    }
    // The verdict is the first line under the title (step 7).
    assert.match(s.split('\n')[3]!, /^✖ まだ有効にできません/);
    await t.press('C-c');
    await t.waitFor('EXIT=130');
  });

  it('takes several keys in one read as typed: ABC123XYZ⌫⌫⌫⏎ saves ABC123 and goes on', { timeout: 30_000 }, async () => {
    const own = join(root, 'burst-config');
    mkdirSync(own);
    const t = new Terminal('burst');
    terminals.push(t);
    t.start(`${env} node ${bin} --config-dir ${own}`, 80, 24);
    await t.waitFor('1/7 Preparation');
    await t.burst('ABC123XYZ', 'BSpace', 'BSpace', 'BSpace', 'Enter');
    const s = await t.waitFor('2/7 Day-change time');
    assertHeader(s, 2);
    assert.equal(JSON.parse(readFileSync(join(own, 'config.json'), 'utf8')).companyCode, 'ABC123');
    // A path pasted with its CRLF: one Enter, the field holds no control character.
    await t.burst('-l', '/nowhere/勤怠簿出力.sql\r\n');
    const after = await t.waitFor(/file not found/);
    assert.doesNotMatch(after, /\^M|\r/);
    await t.press('C-c');
    await t.waitFor('EXIT=130');
  });

  it('with --ascii draws no ambiguous-width character at 80×24, and colours when NO_COLOR is not set', { timeout: 30_000 }, async () => {
    const t = new Terminal('ascii');
    terminals.push(t);
    t.start(`${env.replace('NO_COLOR=1', '').replace('LANG=en_US.UTF-8', 'LANG=ja_JP.UTF-8')} TERM=xterm-256color node ${bin} setup --demo --ascii`, 80, 24);
    let s = await t.waitFor('1/7 事前準備');
    assert.deepEqual(ambiguous(s), []);
    assert.match(t.screen(true), /\x1b\[[0-9;]*3[0-7]/, 'colour is on without NO_COLOR');
    for (const text of ['ログ収集の起点時刻 05:00', '3 ファイル、72 行', '4/7', 'hanakok', '6/7', '7/7']) {
      await t.press('Enter');
      // Step 2 asks for Enter twice (the SQL field, then the divisions).
      if (text === '3 ファイル、72 行') await t.press('Enter');
      s = await t.waitFor(text);
      assert.deepEqual(ambiguous(s), [], s);
    }
    await t.press('C-c');
    await t.waitFor('EXIT=130');
  });
});
