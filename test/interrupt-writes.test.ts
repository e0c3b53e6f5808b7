import assert from 'node:assert/strict';
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { runReconcile } from '../source/commands/reconcile.js';
import { runSchedule } from '../source/commands/schedule.js';
import { stopOnInterrupt } from '../source/commands/stopped.js';
import { runWatch } from '../source/commands/watch.js';
import { RunRecord } from '../source/io/run-record.js';
import { addRecord, startKotStub, type KotStub, type StubData } from './kot-server.js';
import { demoFolder, demoStubData } from './reconcile-demo.js';
import { binary, capture } from './helpers.js';

/**
 * Ctrl-C in reconcile, watch, doctor --since-last and schedule --install (issue #12: "make Ctrl-C behave the same";
 * issue #9: nothing half-written, and the "stopped" line says what is true). The real binary gets SIGINT at a
 * point the test can see — the loopback Web API holding the punches' request, or a state file written while
 * stdout is not read — never after a wait on the clock.
 */
const clock = fileURLToPath(new URL('./fixed-clock.js', import.meta.url));
/** The preloaded clock's time (fixed-clock.ts): the Web API is open. */
const NOON = new Date('2026-03-02T12:00:00+09:00');

interface Started {
  child: ChildProcessByStdio<null, Readable, Readable>;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** The binary, on the clock of fixed-clock.ts; stdout is left unread unless `readStdout`. */
function start(args: string[], readStdout = true): Started {
  const child = spawn(process.execPath, ['--import', clock, binary, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_US.UTF-8', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  if (readStdout) child.stdout.resume();
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, stderr: () => stderr, exit };
}

/**
 * Stops the run and gives its exit code and stderr. An unread stdout stays unread: reading it now could let
 * the run finish before it handles the signal.
 */
async function interrupt(run: Started): Promise<{ code: number | null; stderr: string }> {
  run.child.kill('SIGINT');
  const code = await run.exit;
  return { code, stderr: run.stderr() };
}

/** Resolves once `file` exists (a rename has put it in place). */
async function appears(file: string): Promise<void> {
  while (!existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Every file of a folder with its bytes: what a stop must leave as it was, or whole. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name)).toString('base64')]));
}

const temporaries = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

const demoInputs = ['--log-dir', `${demoFolder}logs`, '--mapping', `${demoFolder}mapping-export.csv`, '--sql', `${demoFolder}勤怠簿出力.sql`];
const demoRange = ['--from', '2024-12-16', '--to', '2024-12-18'];
const STOPPED = {
  en: (command: string) => `lanscope-kot ${command}: stopped (Ctrl-C). Nothing was written.`,
  ja: (command: string) => `lanscope-kot ${command}: 中断しました（Ctrl-C）。何も書き込んでいません。`,
} as const;

describe('Ctrl-C while reconcile and watch wait on the Web API: exit 130, nothing written, the last run\'s files as they were', () => {
  let stub: KotStub;
  let dir: string;
  let tokenFile: string;
  before(async () => {
    stub = await startKotStub(await demoStubData(true));
    dir = mkdtempSync(join(tmpdir(), 'lanscope-kot-stop-'));
    tokenFile = join(dir, 'kot-token.txt');
    writeFileSync(tokenFile, `${stub.token}\n`);
  });
  after(async () => {
    await stub.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const api = () => ['--kot-api-token-file', tokenFile, '--kot-api-base', stub.base, '--timeout', '60'];

  /** Runs the binary, stops it once the stand-in holds its request for the punches, and finds `out` as the last run left it. */
  const stopWhileFetching = async (command: 'reconcile' | 'watch', args: string[], out: string, lang: 'en' | 'ja') => {
    const before = snapshot(out);
    stub.requests.length = 0;
    stub.hold = /^\/daily-workings\/timerecord/;
    try {
      const run = start([command, ...args]);
      await stub.requested(/^\/daily-workings\/timerecord/);
      const { code, stderr } = await interrupt(run);
      assert.equal(code, 130, stderr);
      assert.ok(stderr.includes(STOPPED[lang](command)), stderr);
      assert.deepEqual(snapshot(out), before, 'the last run\'s files, byte for byte');
      assert.deepEqual(temporaries(out), []);
    } finally {
      stub.hold = undefined;
    }
  };

  for (const lang of ['en', 'ja'] as const) {
    it(`reconcile --since-last --csv (${lang})`, { timeout: 30_000 }, async () => {
      const out = join(dir, `reconcile-${lang}`);
      mkdirSync(out);
      const args = [...demoRange, ...demoInputs, ...api(), '--since-last', join(out, 'state.json'), '--csv', join(out, 'findings.csv'), '--lang', lang];
      // The last run, in this process: its state file and CSV are what a stop must leave untouched.
      const last = capture();
      assert.equal(await runReconcile(args, { stdout: last.stdout, stderr: last.stderr, env: { NO_COLOR: '1' }, now: () => NOON }), 1, last.text.err);
      assert.deepEqual(readdirSync(out).sort(), ['findings.csv', 'state.json']);
      await stopWhileFetching('reconcile', args, out, lang);
    });

    it(`watch --state (${lang})`, { timeout: 30_000 }, async () => {
      const out = join(dir, `watch-${lang}`);
      mkdirSync(out);
      // watch also runs doctor's connection check: to the stand-in, not the internet.
      const args = ['--state', join(out, 'watch.json'), '--days', '3', ...demoInputs, ...api(), '--endpoint', stub.base, '--lang', lang];
      const last = capture();
      await runWatch(args, { stdout: last.stdout, stderr: last.stderr, env: {}, now: () => NOON });
      assert.deepEqual(readdirSync(out).sort(), ['watch.findings.csv', 'watch.json', 'watch.report.txt']);
      await stopWhileFetching('watch', args, out, lang);
    });
  }
});

/**
 * A LanScope folder and mapping export for `users` employees on one work day, and KING OF TIME holding the
 * punches of the first only: every other employee is two findings, enough output to fill a pipe nobody reads.
 */
function manyUsers(dir: string, users: number): { inputs: string[]; data: StubData } {
  const logs = join(dir, 'logs');
  mkdirSync(logs);
  const rows = ['イベント日時,ログオンユーザ名,ログ種類,コンピュータ名'];
  const mapping = ['連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント'];
  const employees: StubData['employees'] = [];
  for (let i = 0; i < users; i++) {
    const code = String(10000 + i);
    rows.push(`2024/12/17 09:00:00,user${i},1,PC-${i}`, `2024/12/17 18:00:00,user${i},2,PC-${i}`);
    mapping.push(`LanScope連携,"2","${code}",勤怠 社員${i},"user${i}"`);
    employees.push({ key: `key${code}`, code, lastName: '勤怠', firstName: `社員${i}`, divisionCode: '1001' });
  }
  writeFileSync(join(logs, 'events-20241217.csv'), iconv.encode(rows.join('\r\n') + '\r\n', 'cp932'));
  writeFileSync(join(dir, 'mapping-export.csv'), iconv.encode(mapping.join('\r\n') + '\r\n', 'cp932'));
  const records: StubData['records'] = new Map();
  addRecord(records, '2024-12-17', '10000', { time: '2024-12-17T09:00:00+09:00', code: '1' });
  addRecord(records, '2024-12-17', '10000', { time: '2024-12-17T18:00:00+09:00', code: '2' });
  return {
    inputs: ['--log-dir', logs, '--mapping', join(dir, 'mapping-export.csv'), '--day-change', '05:00'],
    data: { divisions: [{ code: '1001', name: '本社', dayBorderTime: '05:00' }], employees, records },
  };
}

describe('a stop after the state file was written says so (doctor --since-last, reconcile)', () => {
  let stub: KotStub;
  let dir: string;
  let tokenFile: string;
  let inputs: string[];
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lanscope-kot-stop-after-'));
    const many = manyUsers(dir, 2000);
    inputs = many.inputs;
    stub = await startKotStub(many.data);
    tokenFile = join(dir, 'kot-token.txt');
    writeFileSync(tokenFile, `${stub.token}\n`);
  });
  after(async () => {
    await stub.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [lang, words] of [
    ['en', (file: string) => `lanscope-kot doctor: stopped (Ctrl-C). Written whole before the stop: the state file ${file}; nothing else. The state file holds this run: the next run reports only what is new since it.`],
    ['ja', (file: string) => `lanscope-kot doctor: 中断しました（Ctrl-C）。中断前に書き終えたもの: 状態ファイル ${file}。ほかは何も書き込んでいません。状態ファイルにはこの実行の結果が記録されました。次回はこの実行以降に新しく見つかったものだけを報告します。`],
  ] as const) {
    it(`doctor --since-last --json, stopped while its report waits on stdout (${lang})`, { timeout: 30_000 }, async () => {
      const state = join(dir, `doctor-${lang}.json`);
      const run = start(['doctor', '--offline', ...inputs, '--since-last', state, '--json', '--lang', lang], false);
      await appears(state);
      const { code, stderr } = await interrupt(run);
      assert.equal(code, 130, stderr);
      assert.ok(stderr.includes(words(state)), stderr);
      assert.equal((JSON.parse(readFileSync(state, 'utf8')) as { doctor?: unknown }).doctor !== undefined, true, 'the state file is whole');
      assert.deepEqual(temporaries(dir), []);
    });
  }

  it('doctor --since-last stopped before its state file is written: nothing was written, the last state as it was', { timeout: 30_000 }, async () => {
    const state = join(dir, 'doctor-before.json');
    writeFileSync(state, '{"version":1}\n');
    // A connection check that is accepted and never answered: doctor is surely running, and has written nothing.
    const waiting: Socket[] = [];
    let connected: () => void = () => {};
    const reached = new Promise<void>((resolve) => (connected = resolve));
    const server = createServer((socket) => {
      waiting.push(socket);
      connected();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const run = start(['doctor', ...inputs, '--since-last', state, '--endpoint', `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, '--timeout', '60']);
      await reached;
      const { code, stderr } = await interrupt(run);
      assert.equal(code, 130, stderr);
      assert.ok(stderr.includes(STOPPED.en('doctor')), stderr);
      assert.equal(readFileSync(state, 'utf8'), '{"version":1}\n');
      assert.deepEqual(temporaries(dir), []);
    } finally {
      for (const socket of waiting) socket.destroy();
      server.close();
    }
  });

  it('reconcile --since-last --csv --json, stopped while its findings wait on stdout: the CSV and the state named, both whole', { timeout: 30_000 }, async () => {
    const out = join(dir, 'reconcile-after');
    mkdirSync(out);
    const state = join(out, 'state.json');
    const csv = join(out, 'findings.csv');
    const run = start(['reconcile', '--from', '2024-12-17', '--to', '2024-12-17', ...inputs, '--kot-api-token-file', tokenFile, '--kot-api-base', stub.base, '--since-last', state, '--csv', csv, '--json'], false);
    await appears(state);
    const { code, stderr } = await interrupt(run);
    assert.equal(code, 130, stderr);
    assert.ok(
      stderr.includes(`lanscope-kot reconcile: stopped (Ctrl-C). Written whole before the stop: the findings CSV ${csv}, the state file ${state}; nothing else. The state file holds this run: the next run reports only what is new since it.`),
      stderr,
    );
    // 1,999 employees without their two punches, and the header.
    assert.equal(readFileSync(csv, 'utf8').trimEnd().split('\r\n').length, 1 + 2 * 1999);
    assert.ok((JSON.parse(readFileSync(state, 'utf8')) as { reconcile?: unknown }).reconcile, 'the state file is whole');
    assert.deepEqual(temporaries(out), []);
  });
});

describe('Ctrl-C while schtasks creates the task (schedule --install, Windows)', () => {
  it('removes the task XML it handed to schtasks, and says the task may or may not exist (en, ja)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lanscope-kot-stop-schedule-'));
    try {
      for (const [lang, words] of [
        ['en', `lanscope-kot schedule: stopped (Ctrl-C). Written whole before the stop: the task file ${join(dir, 'task.xml')}; nothing else. schtasks was creating the task "daily" and may have done so: see schtasks /query /tn daily.`],
        ['ja', `lanscope-kot schedule: 中断しました（Ctrl-C）。中断前に書き終えたもの: タスクのファイル ${join(dir, 'task.xml')}。ほかは何も書き込んでいません。schtasks がタスク「daily」を作成中でした。作成されたかどうかは schtasks /query /tn daily でご確認ください。`],
      ] as const) {
        const signals = new EventEmitter();
        const said = capture();
        const exits: number[] = [];
        const record = new RunRecord();
        const release = stopOnInterrupt('schedule', lang, record, { stderr: said.stderr, exit: (code) => void exits.push(code), source: signals });
        let handed = '';
        let goneAfterStop = false;
        // schtasks as the test's: Ctrl-C arrives while it runs.
        const run = async (program: string, args: readonly string[]) => {
          if (program === 'schtasks') {
            handed = args[args.indexOf('/XML') + 1]!;
            assert.ok(existsSync(handed), 'the XML is there while schtasks runs');
            signals.emit('SIGINT');
            goneAfterStop = !existsSync(handed);
          }
          return { code: 0, output: '' };
        };
        const io = capture();
        await runSchedule(['--at', '10:30', '--state', join(dir, 'watch.json'), '--log-dir', dir, '--task-name', 'daily', '--xml', join(dir, 'task.xml'), '--install', '--lang', lang], {
          stdout: io.stdout,
          stderr: io.stderr,
          env: {},
          platform: 'win32',
          run,
          record,
          command: ['C:\\Tools\\lanscope-kot.exe'],
          utcOffsetMinutes: 540,
        });
        release();
        assert.deepEqual(exits, [130]);
        assert.ok(goneAfterStop, 'the stop removed the temporary XML');
        assert.ok(said.text.err.includes(words), said.text.err);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
