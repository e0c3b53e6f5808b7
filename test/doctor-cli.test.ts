import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixture, runCli } from './helpers.js';

const TOKEN = 'AbCdEfGh0123456789IjKlMnOpQrStUv';
const all = [
  '--sql', fixture('sql', 'kintai-cp932.sql'),
  '--log-dir', fixture('logs'),
  '--mapping', fixture('mapping', 'export-cp932.csv'),
  '--company-code', 'ABC123',
  '--token-file', fixture('token', 'token-ok.txt'),
  '--offline',
];

test('--help and --version answer without reading anything', async () => {
  const version = await runCli(['--version']);
  assert.equal(version.code, 0);
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  assert.equal(version.stdout.trim(), pkg.version);
  const help = await runCli(['doctor', '--help']);
  assert.equal(help.code, 0);
  for (const flag of ['--sql', '--conf-ini', '--log-dir', '--mapping', '--day-change', '--company-code', '--token-file', '--proxy', '--endpoint', '--offline', '--json', '--lang']) {
    assert.ok(help.stdout.includes(flag), flag);
  }
  const ja = await runCli(['doctor', '--help', '--lang', 'ja']);
  assert.match(ja.stdout, /使い方/);
  assert.match((await runCli(['--help'], { LANG: 'ja_JP.UTF-8' })).stdout, /設定ウィザード/);
});

test('exit 0 when nothing failed, 1 when a check failed', async () => {
  const ok = await runCli(['doctor', '--sql', fixture('sql', 'kintai-cp932.sql'), '--day-change', '05:00', '--company-code', 'ABC', '--offline']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /✔ pass +Company code \(company-code\): ABC/);
  assert.match(ok.stdout, /\[§2\.2\.2\]/);
  const failed = await runCli(['doctor', ...all, '--day-change', '00:00']);
  assert.equal(failed.code, 1, failed.stderr);
  assert.match(failed.stdout, /✖ fail +Day-change time/);
  assert.match(failed.stdout, /→ In KING OF TIME/);
});

test('Japanese from --lang or the locale', async () => {
  const byFlag = await runCli(['doctor', '--company-code', 'ABC', '--offline', '--lang', 'ja']);
  assert.match(byFlag.stdout, /OK +企業コード/);
  const byLocale = await runCli(['doctor', '--company-code', 'ABC', '--offline'], { LANG: 'ja_JP.UTF-8' });
  assert.match(byLocale.stdout, /未確認/);
});

test('NO_COLOR and pipes get no escape codes; FORCE_COLOR gets colour', async () => {
  const plain = await runCli(['doctor', '--company-code', 'ABC', '--offline'], { NO_COLOR: '1', FORCE_COLOR: '1' });
  assert.doesNotMatch(plain.stdout, /\x1b\[/);
  const forced = await runCli(['doctor', '--company-code', 'ABC', '--offline'], { FORCE_COLOR: '1' });
  assert.match(forced.stdout, /\x1b\[/);
});

test('--json follows the version 1 contract', async () => {
  const run = await runCli(['doctor', ...all, '--day-change', '00:00', '--json']);
  assert.equal(run.code, 1, run.stderr);
  const report = JSON.parse(run.stdout);
  assert.equal(report.version, 1);
  assert.deepEqual(Object.keys(report), ['version', 'summary', 'checks', 'users', 'punches']);
  assert.deepEqual(report.summary, { pass: 5, warn: 4, fail: 3, skip: 2 });
  for (const c of report.checks) assert.deepEqual(Object.keys(c).filter((k) => k !== 'advice'), ['id', 'status', 'title', 'detail', 'manual', 'data']);
  assert.deepEqual(Object.keys(report.users), ['mapped', 'unmapped', 'duplicateMappings', 'sharedPc', 'unused', 'nearMisses']);
  assert.deepEqual(report.users.unmapped, ['ACME\\saburo', 'Jirou']);
  assert.deepEqual(report.users.nearMisses[1], { user: 'Jirou', serviceAccount: 'jirou', kind: 'case', employee: '0012' });
  assert.deepEqual(report.punches[1], { user: 'hanakok', employee: '3000', kind: 'out', time: '2024-12-18T02:10:00', workDate: '2024-12-18', windowDate: '2024-12-17' });
  assert.equal(report.checks.find((c: { id: string }) => c.id === 'sql-start-time').data.startTime, '05:00');
});

test('--json with no logs has an empty punch list and parses', async () => {
  const run = await runCli(['doctor', '--company-code', 'ABC', '--offline', '--json']);
  assert.deepEqual(JSON.parse(run.stdout).punches, []);
});

test('the token and the proxy password never appear in any output', async () => {
  const password = 'pa55/w:rd@x%';
  const proxy = `http://alice:${encodeURIComponent(password)}@127.0.0.1:9`;
  for (const extra of [[], ['--json'], ['--lang', 'ja'], ['--json', '--lang', 'ja']]) {
    const run = await runCli(['doctor', ...all, '--proxy', proxy, ...extra]);
    for (const text of [run.stdout, run.stderr]) {
      assert.ok(!text.includes(TOKEN), `token leaked with ${extra.join(' ')}`);
      assert.ok(!text.includes(password) && !text.includes(encodeURIComponent(password)), `password leaked with ${extra.join(' ')}`);
    }
  }
  const env = await runCli(['doctor', '--json', '--offline'], { LANSCOPE_KOT_TOKEN: TOKEN });
  assert.ok(!env.stdout.includes(TOKEN));
  assert.match(env.stdout, /AbCd…StUv \(32 chars\)/);
});

test('a token given as a flag is refused without echoing it', async () => {
  for (const args of [['--token', TOKEN], [`--token=${TOKEN}`], [`--access-token=${TOKEN}`]]) {
    const run = await runCli(['doctor', ...args]);
    assert.equal(run.code, 2);
    assert.ok(!run.stderr.includes(TOKEN));
    assert.match(run.stderr, /--token-file/);
  }
});

/** Every unreadable input: one line, the file named, exit 2, no stack trace. */
test('bad input gives one clear line and exit 2', async () => {
  const cases: [string[], RegExp][] = [
    [['--mapping', fixture('mapping', 'missing.csv')], /missing\.csv: file not found/],
    [['--mapping', fixture('binary.png')], /binary\.png: this is not a text file/],
    [['--mapping', fixture('mapping', 'broken-quote.csv')], /broken-quote\.csv:3: broken CSV quoting/],
    [['--mapping', fixture('mapping', 'empty.csv')], /empty\.csv: the file is empty/],
    [['--mapping', fixture('mapping', 'bad-header.csv')], /bad-header\.csv:1: header not recognised: found "社員番号,氏名,ユーザー名"; need one of: 連携種別,種別コード/],
    [['--mapping', fixture('mapping', 'wrong-fields.csv')], /wrong-fields\.csv:2: wrong number of values/],
    [['--log-dir', fixture('bad-logs', 'unknown-header')], /report\.csv:1: header not recognised: found "日付,部署,件数"; need one of: イベント日時,ログオンユーザ名,ログ種類 \| ログオンユーザ名,開始日時,終了日時/],
    [['--log-dir', fixture('bad-logs', 'bad-date')], /events\.csv:3: "2024\/13\/45 09:00" in eventTime is not a date-time/],
    [['--log-dir', fixture('bad-logs', 'broken-quote')], /events\.csv(:\d+)?: broken CSV quoting/],
    [['--sql', fixture('sql')], /sql: this is a folder, not a file/],
    [['--sql', fixture('binary.png')], /not a text file/],
    [['--token-file', fixture('token', 'none.txt')], /none\.txt: file not found/],
    [['--conf-ini', fixture('conf', 'none.ini')], /none\.ini: file not found/],
    [['--day-change', '25:00'], /--day-change 25:00: expected HH:MM or CODE=HH:MM/],
    [['--lang', 'fr'], /--lang fr: expected ja or en/],
    [['--frobnicate'], /unknown option --frobnicate/],
    [['--sql'], /--sql needs a value/],
    [['stray'], /unexpected argument/],
  ];
  for (const [args, expected] of cases) {
    const run = await runCli(['doctor', ...args, '--offline']);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, expected, args.join(' '));
    assert.equal(run.stderr.trim().split('\n').length, 1, `one line for ${args.join(' ')}: ${run.stderr}`);
    assert.doesNotMatch(run.stderr, /\n\s+at |Error:/, `no stack trace for ${args.join(' ')}`);
    assert.equal(run.stdout, '');
  }
});

test('bad input messages in Japanese too', async () => {
  const run = await runCli(['doctor', '--mapping', fixture('mapping', 'broken-quote.csv'), '--lang', 'ja']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /broken-quote\.csv:3: CSV の引用符が壊れています/);
});

test('an unknown command is a usage error', async () => {
  const run = await runCli(['doctorr']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /unknown command "doctorr"/);
});

test('a token file with a BOM and CRLF, as Notepad saves it, is read cleanly', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lanscope-kot-'));
  try {
    const file = join(dir, 'token.txt');
    await writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${TOKEN}\r\n`)]));
    const run = await runCli(['doctor', '--token-file', file, '--offline', '--json']);
    const token = JSON.parse(run.stdout).checks.find((c: { id: string }) => c.id === 'access-token');
    assert.equal(token.status, 'pass');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
