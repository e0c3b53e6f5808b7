import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runSchedule } from '../source/commands/schedule.js';
import { runWatch } from '../source/commands/watch.js';
import { crontabLine, windowsCommandLine } from '../source/core/command-line.js';
import type { ToolRunner } from '../source/io/windows-tools.js';
import { capture, runCli } from './helpers.js';
import { startKotStub, type KotStub } from './kot-server.js';
import { demoFolder, demoStubData } from './reconcile-demo.js';

const SECRET = 'kot-web-api-token-for-tests-0123';

/** A well-formedness check for the XML we write: one root, every tag closed in order, only the five entities. */
function assertWellFormed(xml: string): void {
  assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-16"\?>\r\n/);
  const body = xml.replace(/^<\?xml[^?]*\?>/, '');
  const stack: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/g)) {
    if (m[5] !== undefined) {
      assert.ok(stack.length > 0 || m[5].trim() === '', `text outside the root: ${m[5]}`);
      assert.doesNotMatch(m[5], /&(?!(amp|lt|gt|quot|apos);)|>/, `unescaped text: ${m[5]}`);
      continue;
    }
    const [, close, name, , selfClose] = m;
    if (close) assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    else if (!selfClose) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    }
  }
  assert.deepEqual(stack, [], 'every element closed');
  assert.equal(roots, 1);
  const consumed = body.replace(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/g, '');
  assert.equal(consumed, '', 'nothing but elements and text');
}

const element = (xml: string, name: string): string => {
  const m = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
  assert.ok(m, `<${name}> present`);
  return m[1]!.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
};

describe('schedule', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lanscope-kot-schedule-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const tokenFile = join(dir, 'kot token.txt');
  writeFileSync(tokenFile, `${SECRET}\n`);

  it('--install on Windows: schtasks /create /xml with a well-formed UTF-16 task, the right command line, no token; then the event source', { timeout: 20_000 }, async () => {
    const calls: { program: string; args: readonly string[]; xml?: string }[] = [];
    const run: ToolRunner = async (program, args) => {
      const xmlAt = args.indexOf('/XML');
      const call: { program: string; args: readonly string[]; xml?: string } = { program, args };
      if (xmlAt !== -1) {
        const bytes = readFileSync(args[xmlAt + 1]!);
        assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe], 'UTF-16LE with BOM');
        call.xml = bytes.subarray(2).toString('utf16le');
      }
      calls.push(call);
      return { code: 0, output: 'SUCCESS' };
    };
    const io = capture();
    const code = await runSchedule(
      ['--at', '10:30', '--state', join(dir, 'watch.json'), '--log-dir', 'examples/demo/logs', '--mapping', `${demoFolder}mapping-export.csv`, '--kot-api-token-file', tokenFile, '--day-change', '1001=00:00', '--task-name', 'LanScope 日次確認', '--install'],
      { ...io, env: { LANG: 'en_US.UTF-8', KOT_API_TOKEN: SECRET, USERDOMAIN: 'CORP', USERNAME: 'admin' }, platform: 'win32', run, command: ['C:\\Program Files\\lanscope-kot\\lanscope-kot.exe'], utcOffsetMinutes: 540 },
    );
    assert.equal(code, 0, io.text.err);
    assert.equal(calls.length, 2);
    const [create, event] = calls;
    assert.equal(create!.program, 'schtasks');
    assert.deepEqual(create!.args.filter((_, i) => i !== 4), ['/Create', '/TN', 'LanScope 日次確認', '/XML', '/F']);
    const xml = create!.xml!;
    assertWellFormed(xml);
    assert.ok(!xml.includes(SECRET), 'no token in the task');
    assert.equal(element(xml, 'Command'), 'C:\\Program Files\\lanscope-kot\\lanscope-kot.exe');
    const expectedArgs = ['watch', '--state', join(dir, 'watch.json'), '--log-dir', join(process.cwd(), 'examples/demo/logs'), '--mapping', `${demoFolder}mapping-export.csv`, '--day-change', '1001=00:00', '--kot-api-token-file', tokenFile, '--event-log'];
    assert.equal(element(xml, 'Arguments'), windowsCommandLine(expectedArgs));
    assert.match(element(xml, 'Arguments'), / --kot-api-token-file "[^"]*kot token\.txt" --event-log$/, 'a path with a space is quoted');
    assert.equal(element(xml, 'WorkingDirectory'), dir);
    assert.match(element(xml, 'StartBoundary'), /^\d{4}-\d\d-\d\dT10:30:00$/);
    assert.equal(element(xml, 'UserId'), 'CORP\\admin');
    assert.equal(element(xml, 'LogonType'), 'S4U');
    assert.equal(event!.program, 'eventcreate');
    assert.deepEqual(event!.args.slice(0, 9), ['/L', 'APPLICATION', '/T', 'INFORMATION', '/SO', 'lanscope-kot', '/ID', '100', '/D']);
    assert.match(io.text.out, /Created the scheduled task "LanScope 日次確認"/);
    assert.ok(!io.text.out.includes(SECRET));
  });

  it('schtasks refusing (not an administrator): exit 2 with its words', { timeout: 10_000 }, async () => {
    const io = capture();
    const run: ToolRunner = async () => ({ code: 1, output: 'ERROR: Access is denied.' });
    const code = await runSchedule(['--at', '10:30', '--state', join(dir, 'w.json'), '--install'], { ...io, env: {}, platform: 'win32', run, command: ['lanscope-kot.exe'], utcOffsetMinutes: 540 });
    assert.equal(code, 2);
    assert.match(io.text.err, /schtasks could not create the task: ERROR: Access is denied\./);
  });

  const refused: [string, string[], RegExp, number][] = [
    ['a time in the morning closed hours (JST clock)', ['--at', '09:15'], /--at 09:15 is 09:15 JST, inside the KING OF TIME Web API’s closed hours/, 540],
    ['a time in the evening closed hours', ['--at', '17:30'], /--at 17:30 is 17:30 JST, inside/, 540],
    ['a UTC clock whose 00:30 is 09:30 JST', ['--at', '00:30'], /--at 00:30 is 09:30 JST, inside/, 0],
    ['no --at', [], /--at HH:MM is needed/, 540],
    ['a bad --at', ['--at', '25:00'], /--at 25:00: expected a time like 10:30/, 540],
    ['a proxy password', ['--at', '10:30', '--proxy', 'http://u:secret@proxy:8080'], /a --proxy with a password would be stored in clear text in the task/, 540],
  ];
  for (const [name, args, message, offset] of refused) {
    it(`refuses ${name}`, async () => {
      const io = capture();
      const code = await runSchedule([...args, '--state', join(dir, 'x.json')], { ...io, env: {}, platform: 'win32', run: async () => assert.fail('nothing runs'), command: ['x.exe'], utcOffsetMinutes: offset });
      assert.equal(code, 2);
      assert.match(io.text.err, message);
      assert.ok(!io.text.err.includes('secret'));
    });
  }

  it('the daily run trusts what this one was told to: --ca-file passed on, made absolute', async () => {
    const io = capture();
    const code = await runSchedule(['--at', '10:30', '--state', join(dir, 'ca.json'), '--ca-file', 'test/fixtures/tls/ca.pem'], { ...io, env: {}, platform: 'linux', command: ['lanscope-kot'], utcOffsetMinutes: 540 });
    assert.equal(code, 0, io.text.err);
    assert.match(io.text.out.trim().split('\n').at(-1)!, new RegExp(` --ca-file ${join(process.cwd(), 'test/fixtures/tls/ca.pem').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  });

  it('elsewhere: the crontab line (the real binary), --install refused, --xml written', { timeout: 20_000 }, async () => {
    const xmlFile = join(dir, 'task.xml');
    const run = await runCli(['schedule', '--at', '10:30', '--state', join(dir, 'watch.json'), '--log-dir', 'examples/demo/logs', '--xml', xmlFile], { TZ: 'Asia/Tokyo', KOT_API_TOKEN: SECRET });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Every day at 10:30 \(this machine’s time; 10:30 JST\)/);
    assert.match(run.stdout, /The Web API token is read from KOT_API_TOKEN when the task runs/);
    const cron = run.stdout.trim().split('\n').at(-1)!;
    assert.match(cron, /^30 10 \* \* \* \S+ \S+lanscope-kot\.js watch --state \S+watch\.json --log-dir \S+examples\/demo\/logs$/);
    assert.ok(!run.stdout.includes(SECRET));
    assertWellFormed(readFileSync(xmlFile).subarray(2).toString('utf16le'));
    const install = await runCli(['schedule', '--at', '10:30', '--state', join(dir, 'watch.json'), '--install'], { TZ: 'Asia/Tokyo' });
    assert.equal(install.code, 2);
    assert.match(install.stderr, /--install creates a Windows scheduled task; on this system add the crontab line above/);
  });

  it('command lines: Windows quoting rules and cron’s %', () => {
    assert.equal(windowsCommandLine(['a b', 'c"d', 'C:\\dir with space\\', '', 'plain']), '"a b" "c\\"d" "C:\\dir with space\\\\" "" plain');
    assert.equal(crontabLine(9 * 60 + 5, ['/opt/x', "it's", '50%']), "5 9 * * * /opt/x 'it'\\''s' 50\\%");
  });
});

describe('watch (what the task runs)', () => {
  let stub: KotStub;
  let dir: string;
  before(async () => {
    stub = await startKotStub(await demoStubData(true), SECRET);
    dir = mkdtempSync(join(tmpdir(), 'lanscope-kot-watch-'));
    writeFileSync(join(dir, 'token.txt'), `${SECRET}\n`);
  });
  after(async () => {
    await stub.close();
    rmSync(dir, { recursive: true, force: true });
  });
  // The day after the demo's last day, at noon JST: --days 3 is 12/16–12/18.
  const now = () => new Date('2024-12-19T12:00:00+09:00');
  const args = () => ['--state', join(dir, 'watch.json'), '--days', '3', '--offline', '--log-dir', `${demoFolder}logs`, '--mapping', `${demoFolder}mapping-export.csv`, '--sql', `${demoFolder}勤怠簿出力.sql`];

  it('doctor and reconcile, the report and CSV beside the state, the outcome in the event log', { timeout: 30_000 }, async () => {
    const events: (readonly string[])[] = [];
    const run: ToolRunner = async (_program, a) => {
      events.push(a);
      return { code: 0, output: '' };
    };
    const withApi = () => args().filter((a) => a !== '--offline').concat(['--kot-api-token-file', join(dir, 'token.txt'), '--kot-api-base', stub.base, '--event-log']);
    // --offline would skip the Web API: run with it, but without the PC login link probe being reachable it would take the timeout, so --endpoint points at the stub.
    const io = capture();
    const code = await runWatch([...withApi(), '--endpoint', stub.base, '--timeout', '2'], { ...io, env: { LANG: 'en_US.UTF-8' }, now, platform: 'win32', run });
    assert.equal(code, 1, io.text.err);
    const report = readFileSync(join(dir, 'watch.report.txt'), 'utf8');
    assert.ok(report.startsWith('\uFEFFlanscope-kot daily check, 2024-12-19T12:00:00+09:00\r\n'));
    assert.match(report, /== Checks \(doctor\) ==/);
    assert.match(report, /✖ 12\/18: 0 of 11 employees as expected/);
    assert.ok(readFileSync(join(dir, 'watch.findings.csv')).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
    const state = JSON.parse(readFileSync(join(dir, 'watch.json'), 'utf8'));
    assert.ok(state.doctor && state.reconcile);
    assert.equal(events.length, 1);
    assert.deepEqual(events[0]!.slice(0, 8), ['/L', 'APPLICATION', '/T', 'ERROR', '/SO', 'lanscope-kot', '/ID', '300']);
    assert.match(events[0]![9]!, /^lanscope-kot: checks: \d+ failed, \d+ warning\(s\), 0 new since the last run; KING OF TIME 2024-12-16 – 2024-12-18: 29 difference\(s\), 29 new, 1 day\(s\) not sent\r\n- /);
    for (const text of [report, io.text.out, JSON.stringify(events), JSON.stringify(state)]) assert.ok(!text.includes(SECRET));

    const second = capture();
    await runWatch([...withApi(), '--endpoint', stub.base, '--timeout', '2'], { ...second, env: { LANG: 'en_US.UTF-8' }, now, platform: 'win32', run });
    assert.match(events[1]![9]!, /29 difference\(s\), 0 new, 1 day\(s\) not sent/);
    assert.match(second.text.out, /Nothing new since the last run \(2024-12-19T12:00:00\+09:00\)/);
  });

  it('without a Web API token it runs doctor only; --event-log elsewhere than Windows is refused', { timeout: 20_000 }, async () => {
    const io = capture();
    const code = await runWatch(args(), { ...io, env: { LANG: 'en_US.UTF-8' }, now });
    assert.equal(code, 1);
    assert.match(io.text.out, /reconcile not run: --offline/);
    const refused = capture();
    assert.equal(await runWatch([...args(), '--event-log'], { ...refused, env: {}, now, platform: 'linux' }), 2);
    assert.match(refused.text.err, /--event-log writes to the Windows Application event log and works on Windows only/);
    const noState = capture();
    assert.equal(await runWatch(['--offline'], { ...noState, env: {}, now }), 2);
    assert.match(noState.text.err, /--state FILE is needed/);
  });
});
