import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runReconcile } from '../source/commands/reconcile.js';
import { runSchedule } from '../source/commands/schedule.js';
import { runWatch } from '../source/commands/watch.js';
import type { ToolRunner } from '../source/io/windows-tools.js';
import { capture } from './helpers.js';
import { addRecord, kotTime, startKotStub, type KotStub } from './kot-server.js';

/**
 * Issue 9 for reconcile, watch and schedule. "Escape control characters in every text output": names come
 * from the LanScope logs, the mapping export and KING OF TIME's answers, and an OSC or CSI sequence in one
 * must reach no terminal, report file or event log raw (JSON and the CSV keep the values exactly). Secrets:
 * a token pasted into a log file reaches none of the files they write either.
 */
const OSC_TITLE = '\x1b]0;owned\x07';
const CLEAR = '\x1b[2J';
const USER = `tarou${OSC_TITLE}`;
const GHOST = `ghost${CLEAR}`;
/** An employee name as KING OF TIME's /employees and timerecord answers give it. */
const KOT_LAST_NAME = `勤怠${CLEAR}`;
const IC_CARD = `IC${OSC_TITLE}カード`;
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f]/;

const assertInert = (what: string, text: string): void => assert.ok(!RAW_CONTROL.test(text), `${what}: a raw control character in ${JSON.stringify(text)}`);

describe('reconcile, watch and schedule: names from the logs and from KING OF TIME are escaped in text', () => {
  let dir: string;
  let stub: KotStub;
  const now = () => new Date('2024-12-19T12:00:00+09:00');
  const events = (logs: string) =>
    'イベント日時,ログオンユーザ名,ログ種類\r\n' +
    `2024/12/17 09:00:00,"${USER}",1\r\n2024/12/17 18:00:00,"${USER}",2\r\n` +
    '2024/12/17 09:30:00,hanako,1\r\n2024/12/17 18:30:00,hanako,2\r\n' +
    logs;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lanscope-kot-escapes-'));
    mkdirSync(join(dir, 'logs'));
    writeFileSync(join(dir, 'logs', 'events.csv'), events(''));
    // 1000's name is not in the export: the text shows KING OF TIME's.
    writeFileSync(join(dir, 'mapping.csv'), `連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント\r\nLanScope連携,"2","1000",,"${USER}"\r\nLanScope連携,"2","2000",勤怠 花子,"hanako"\r\n`);
    const records = new Map();
    // Nothing of tarou's arrived; hanako clocked in with an IC card 20 minutes off, her clock-out came through the link.
    addRecord(records, '2024-12-17', '2000', { time: kotTime('2024-12-17T09:50:00'), code: '1', credentialName: IC_CARD });
    addRecord(records, '2024-12-17', '2000', { time: kotTime('2024-12-17T18:30:00'), code: '2', credentialName: 'PCログイン連携' });
    addRecord(records, '2024-12-18', '2000', { time: kotTime('2024-12-18T09:05:00'), code: '1', credentialName: 'PCログイン連携' });
    stub = await startKotStub({
      divisions: [{ code: '1', name: '本社', dayBorderTime: '05:00' }],
      employees: [
        { key: 'k1', code: '1000', lastName: KOT_LAST_NAME, firstName: '太郎', divisionCode: '1' },
        { key: 'k2', code: '2000', lastName: '勤怠', firstName: '花子', divisionCode: '1' },
      ],
      records,
    });
  });
  after(async () => {
    await stub.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const inputs = () => ['--log-dir', join(dir, 'logs'), '--mapping', join(dir, 'mapping.csv'), '--kot-api-base', stub.base];
  const env = () => ({ NO_COLOR: '1', LANG: 'en_US.UTF-8', KOT_API_TOKEN: stub.token });

  it('reconcile: the text shows them escaped (ja and en), JSON and CSV keep them exactly', { timeout: 20_000 }, async () => {
    for (const lang of ['en', 'ja']) {
      const io = capture();
      const code = await runReconcile(['--from', '2024-12-17', '--to', '2024-12-17', ...inputs(), '--lang', lang, '--csv', join(dir, 'findings.csv')], { ...io, env: env(), now });
      assert.equal(code, 1, io.text.err);
      assertInert('stdout', io.text.out);
      assertInert('stderr', io.text.err);
      // The user name from the logs and the export, the employee's name from KING OF TIME, the punch's source from its answer.
      assert.match(io.text.out, /1000 勤怠\\u001B\[2J 太郎 \(tarou\\u001B\]0;owned\\u0007\)/);
      assert.match(io.text.out, /IC\\u001B\]0;owned\\u0007カード/);
      // One line per finding: no value split one.
      assert.equal(io.text.out.split('\n').filter((l) => /^  \S/.test(l)).length, 3, io.text.out);
    }
    const csv = readFileSync(join(dir, 'findings.csv'), 'utf8');
    assert.ok(csv.includes(`"${USER}"`) && csv.includes(IC_CARD));
    const json = capture();
    await runReconcile(['--from', '2024-12-17', '--to', '2024-12-17', ...inputs(), '--json'], { ...json, env: env(), now });
    const findings = JSON.parse(json.text.out).findings as { user: string; name: string }[];
    assert.ok(findings.some((f) => f.user === USER && f.name === `${KOT_LAST_NAME} 太郎`));
  });

  it('watch: the terminal, the report file, the event log and the since-last lines; schedule: its paths', { timeout: 30_000 }, async () => {
    const described: string[] = [];
    const run: ToolRunner = async (_program, args) => {
      described.push(args[9] ?? '');
      return { code: 0, output: '' };
    };
    const state = join(dir, 'watch.json');
    const watch = async () => {
      const io = capture();
      const code = await runWatch(['--state', state, '--days', '2', ...inputs(), '--endpoint', stub.base, '--timeout', '2', '--event-log'], { ...io, env: env(), now, platform: 'win32', run });
      assert.equal(code, 1, io.text.err);
      return io.text;
    };
    await watch();
    // A new LanScope user, with no mapping row: the next run lists it as new, in doctor's lines and reconcile's.
    writeFileSync(join(dir, 'logs', 'events.csv'), events(`2024/12/18 09:00:00,"${GHOST}",1\r\n2024/12/18 09:05:00,hanako,1\r\n`));
    const second = await watch();
    const report = readFileSync(join(dir, 'watch.report.txt'), 'utf8');
    for (const [what, text] of [['stdout', second.out], ['stderr', second.err], ['report', report.replace(/\r\n/g, '\n')], ['event', described.join('\n').replace(/\r\n/g, '\n')]] as const) {
      assertInert(what, text);
    }
    assert.match(second.out, /\+ LanScope user ghost\\u001B\[2J has logs and no mapping row/);
    assert.match(report, /\(no employee\) ghost\\u001B\[2J/);
    assert.match(described[1]!, /ghost\\u001B\[2J/);

    const scheduled = capture();
    const code = await runSchedule(['--at', '10:30', '--state', join(dir, `w${CLEAR}.json`), '--log-dir', dir], { ...scheduled, env: {}, now, platform: 'linux', command: ['lanscope-kot'] });
    assert.equal(code, 0, scheduled.text.err);
    assertInert('schedule', scheduled.text.out);
    assert.match(scheduled.text.out, /w\\u001B\[2J\.json/);
  });

  it('a Web API error quoting its own words: the line on stderr is escaped', { timeout: 20_000 }, async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: `not from this address${OSC_TITLE}`, code: 1 }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const io = capture();
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
      const code = await runReconcile(['--from', '2024-12-17', '--to', '2024-12-17', '--log-dir', join(dir, 'logs'), '--mapping', join(dir, 'mapping.csv'), '--kot-api-base', base], { ...io, env: env(), now });
      assert.equal(code, 2);
      assertInert('stderr', io.text.err);
      assert.match(io.text.err, /not from this address\\u001B\]0;owned\\u0007/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('reconcile and watch: a token pasted into a log file reaches none of their outputs', () => {
  let dir: string;
  let stub: KotStub;
  const now = () => new Date('2024-12-19T12:00:00+09:00');
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lanscope-kot-secret-outputs-'));
    const records = new Map();
    addRecord(records, '2024-12-17', '1000', { time: kotTime('2024-12-17T09:00:00'), code: '1' });
    stub = await startKotStub({ divisions: [{ code: '1', name: '本社', dayBorderTime: '05:00' }], employees: [{ key: 'k1', code: '1000', lastName: '勤怠', firstName: '太郎', divisionCode: '1' }], records });
    mkdirSync(join(dir, 'logs'));
    // The Web API token where a user name should be: an unmapped user, in every finding of that day.
    writeFileSync(join(dir, 'logs', 'events.csv'), `イベント日時,ログオンユーザ名,ログ種類\r\n2024/12/17 09:00:00,tarouk,1\r\n2024/12/17 09:00:00,x${stub.token},1\r\n`);
    writeFileSync(join(dir, 'mapping.csv'), '連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント\r\nLanScope連携,"2","1000",勤怠 太郎,"tarouk"\r\n');
  });
  after(async () => {
    await stub.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('text, JSON, --csv and the --since-last state; watch\'s report, CSV and state', { timeout: 30_000 }, async () => {
    const inputs = ['--log-dir', join(dir, 'logs'), '--mapping', join(dir, 'mapping.csv'), '--kot-api-base', stub.base];
    const env = { NO_COLOR: '1', LANG: 'en_US.UTF-8', KOT_API_TOKEN: stub.token };
    const seen: [string, string][] = [];
    for (const extra of [['--csv', join(dir, 'r.csv'), '--since-last', join(dir, 'r.json')], ['--json']]) {
      const io = capture();
      await runReconcile(['--from', '2024-12-17', '--to', '2024-12-17', ...inputs, ...extra], { ...io, env, now });
      seen.push([`reconcile ${extra[0]} stdout`, io.text.out], [`reconcile ${extra[0]} stderr`, io.text.err]);
    }
    assert.match(seen[0]![1], /\(no employee\) x\*\*\*/);
    const io = capture();
    await runWatch(['--state', join(dir, 'w.json'), '--days', '1', ...inputs, '--endpoint', stub.base, '--timeout', '2'], { ...io, env, now });
    seen.push(['watch stdout', io.text.out]);
    for (const file of ['r.csv', 'r.json', 'w.json', 'w.report.txt', 'w.findings.csv']) seen.push([file, readFileSync(join(dir, file), 'utf8')]);
    for (const [what, text] of seen) {
      assert.ok(!text.includes(stub.token.slice(6, 18)), `${what}: a piece of the token is there`);
    }
  });
});
