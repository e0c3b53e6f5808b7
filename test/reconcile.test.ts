import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { runReconcile } from '../source/commands/reconcile.js';
import { addRecord, kotTime, startKotStub, type KotStub, type StubData, type StubMode } from './kot-server.js';
import { demoFolder, demoStubData } from './reconcile-demo.js';
import { fixture, runCli } from './helpers.js';

/** 12:00 JST on a weekday: the Web API is open. */
const NOON = new Date('2026-03-02T12:00:00+09:00');
/** 09:00 JST: inside the morning closed window. */
const MORNING = new Date('2026-03-02T09:00:00+09:00');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function reconcileIn(args: string[], env: Record<string, string> = {}, now = NOON): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const code = await runReconcile(args, { stdout, stderr, env: { NO_COLOR: '1', LANG: 'en_US.UTF-8', ...env }, now: () => now });
  return { code, stdout: out, stderr: err };
}

const demoInputs = ['--log-dir', `${demoFolder}logs`, '--mapping', `${demoFolder}mapping-export.csv`, '--sql', `${demoFolder}勤怠簿出力.sql`];
const demoRange = ['--from', '2024-12-16', '--to', '2024-12-18'];

interface JsonFinding {
  kind: string;
  employee: string | null;
  name: string | null;
  user: string | null;
  workDate: string;
  punch: string | null;
  expected: string | null;
  actual: string | null;
  actualWorkDate: string | null;
  cause: string | null;
  causeDetail: string | null;
  new?: boolean;
}

/** The demo's stand-in Web API (HTTPS when given a certificate), a scratch folder and a token file, for one describe. */
function demoApi(tls?: { cert: Buffer; key: Buffer }) {
  const ctx = { stub: undefined as unknown as KotStub, dir: '', tokenFile: '' };
  before(async () => {
    ctx.stub = await startKotStub(await demoStubData(true), undefined, tls);
    ctx.dir = mkdtempSync(join(tmpdir(), 'lanscope-kot-reconcile-'));
    ctx.tokenFile = join(ctx.dir, 'kot-token.txt');
    writeFileSync(ctx.tokenFile, `${ctx.stub.token}\n`);
  });
  after(async () => {
    await ctx.stub.close();
    rmSync(ctx.dir, { recursive: true, force: true });
  });
  return ctx;
}

describe('reconcile against a loopback Web API seeded from the demo', () => {
  let stub: KotStub;
  let dir: string;
  let tokenFile: string;
  const ctx = demoApi();
  before(() => {
    ({ stub, dir, tokenFile } = ctx);
  });
  const api = () => ['--kot-api-token-file', tokenFile, '--kot-api-base', stub.base];

  const find = (findings: JsonFinding[], pick: Partial<JsonFinding>): JsonFinding | undefined =>
    findings.find((f) => Object.entries(pick).every(([k, v]) => f[k as keyof JsonFinding] === v));

  it('finds every kind, with its cause where one is known (--json), and exits 1', { timeout: 20_000 }, async () => {
    stub.requests.length = 0;
    const run = await reconcileIn([...demoRange, ...demoInputs, ...api(), '--json']);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { version: number; summary: Record<string, unknown>; days: { date: string; expected: number; matched: number; differing: number; notSent: boolean }[]; findings: JsonFinding[] };
    assert.equal(report.version, 1);
    const f = report.findings;
    assert.deepEqual(
      find(f, { kind: 'missing-out', employee: '1000' }),
      { kind: 'missing-out', employee: '1000', name: '勤怠 太郎', user: 'tarouk', workDate: '2024-12-16', punch: 'out', expected: '2024-12-16T18:12', actual: null, actualWorkDate: null, cause: null, causeDetail: null },
    );
    assert.deepEqual(find(f, { kind: 'time-differs', employee: '4000' }), {
      kind: 'time-differs', employee: '4000', name: '鈴木 一', user: 'suzuki', workDate: '2024-12-17', punch: 'in', expected: '2024-12-17T09:02', actual: '2024-12-17T09:12', actualWorkDate: null, cause: null, causeDetail: null,
    });
    assert.equal(find(f, { kind: 'time-differs', employee: '4100' })?.cause, 'other-source');
    assert.equal(find(f, { kind: 'time-differs', employee: '4100' })?.causeDetail, 'ICカード');
    assert.deepEqual(find(f, { kind: 'wrong-day', employee: '0012' }), {
      kind: 'wrong-day', employee: '0012', name: '勤怠 次郎', user: 'jirou', workDate: '2024-12-17', punch: 'out', expected: '2024-12-18T01:30', actual: '2024-12-18T01:30', actualWorkDate: '2024-12-18', cause: 'day-change', causeDetail: '00:00',
    });
    assert.deepEqual(find(f, { kind: 'day-not-sent' }), {
      kind: 'day-not-sent', employee: null, name: null, user: null, workDate: '2024-12-18', punch: null, expected: null, actual: null, actualWorkDate: null, cause: null, causeDetail: '12',
    });
    assert.equal(find(f, { kind: 'missing-in', employee: '3000', workDate: '2024-12-16' })?.cause, 'unmapped-user', 'hanakok: the near-miss row names 3000');
    assert.equal(find(f, { kind: 'missing-in', employee: null, user: 'temp01' })?.cause, 'unmapped-user');
    assert.equal(find(f, { kind: 'missing-in', employee: '6000' })?.cause, 'duplicate-mapping');
    assert.equal(find(f, { kind: 'missing-in', employee: '7000' })?.causeDetail, '共用');
    // 8100 is missing from /employees: the timerecord answer's currentDateEmployee names them, so they match.
    assert.equal(f.filter((x) => x.employee === '8100').length, 0);
    // A day not sent is one finding: its employees are not listed one by one.
    assert.equal(f.filter((x) => x.workDate === '2024-12-18').length, 1);
    // Worst day first: the day not sent, then 12/17 (9 differ), then 12/16.
    assert.deepEqual(report.days.map((d) => [d.date, d.notSent]), [['2024-12-18', true], ['2024-12-17', false], ['2024-12-16', false]]);
    assert.deepEqual(report.days[1], { date: '2024-12-17', expected: 12, matched: 3, differing: 9, punches: 12, arrived: 11, notSent: false });
    // One modest request around the range (a wrong-day punch lands on an adjacent day), and nothing else but divisions and employees.
    assert.deepEqual(stub.requests, ['/divisions', '/employees', '/daily-workings/timerecord?start=2024-12-15&end=2024-12-19']);
    assert.ok(!run.stdout.includes(stub.token) && !run.stderr.includes(stub.token));
  });

  it('text: grouped by day, worst first, one summary line per day (en and ja)', { timeout: 20_000 }, async () => {
    const run = await reconcileIn([...demoRange, ...demoInputs, ...api()]);
    assert.equal(run.code, 1, run.stderr);
    const lines = run.stdout.split('\n');
    const dayLines = lines.filter((l) => /^[✖!✔] \d\d\/\d\d:/.test(l));
    assert.deepEqual(
      dayLines.map((l) => l.slice(0, 7)),
      ['✖ 12/18', '! 12/17', '! 12/16'],
    );
    assert.match(run.stdout, /12\/17: 3 of 12 employees as expected, 9 differ/);
    assert.match(run.stdout, /12\/18: 0 of 11 employees as expected — none of the 12 punches arrived: the link did not send this day/);
    assert.match(run.stdout, /other day +0012 勤怠 次郎 \(jirou\) +clock-out 12\/18 01:30 is filed under work day 12\/18, not 12\/17 — KING OF TIME changes day at 00:00/);
    assert.match(run.stdout, /a punch from another source \(ICカード\) is already there/);
    const ja = await reconcileIn([...demoRange, ...demoInputs, ...api(), '--lang', 'ja']);
    assert.match(ja.stdout, /12\/17: 12 人中 3 人が一致、9 人に相違/);
    assert.match(ja.stdout, /別の日 +0012 勤怠 次郎/);
    assert.match(ja.stdout, /この日は連携されていません/);
  });

  it('--csv: UTF-8 with BOM, CRLF, every finding, written whole', { timeout: 20_000 }, async () => {
    const csv = join(dir, '結果.csv');
    const run = await reconcileIn([...demoRange, ...demoInputs, ...api(), '--csv', csv, '--lang', 'ja']);
    assert.equal(run.code, 1, run.stderr);
    const bytes = readFileSync(csv);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = bytes.toString('utf8').slice(1).split('\r\n');
    assert.equal(rows[0], '種別,内容,従業員コード,氏名,LanScope ユーザー,勤務日,打刻,ログの時刻,KING OF TIME の時刻,KING OF TIME の勤務日,原因,詳細');
    assert.equal(rows.at(-1), '');
    const json = JSON.parse((await reconcileIn([...demoRange, ...demoInputs, ...api(), '--json'])).stdout) as { findings: unknown[] };
    assert.equal(rows.length - 2, json.findings.length);
    assert.ok(rows.includes('"wrong-day","別の日","0012","勤怠 次郎","jirou","2024-12-17","退勤","2024-12-18 01:30","2024-12-18 01:30","2024-12-18","day-change","KING OF TIME の日付変更時間が 00:00 で、LanScope の収集開始時刻と違います（§5.2.1）"'));
    assert.deepEqual(readFileSync(csv).length > 0, true);
    assert.ok(!bytes.toString('utf8').includes(stub.token));
  });

  it('--since-last: the first run is the baseline, the next lists only what is new', { timeout: 30_000 }, async () => {
    const state = join(dir, 'watch.json');
    const first = await reconcileIn([...demoRange, ...demoInputs, ...api(), '--since-last', state]);
    assert.equal(first.code, 1, first.stderr);
    assert.match(first.stdout, /No earlier run in .*watch\.json: this run is the baseline \(29 item\(s\) recorded\)/);
    const saved = readFileSync(state, 'utf8');
    assert.ok(!saved.includes(stub.token), 'no token in the state file');
    assert.equal(JSON.parse(saved).reconcile.from, '2024-12-16');

    const again = await reconcileIn([...demoRange, ...demoInputs, ...api(), '--since-last', state]);
    assert.equal(again.code, 1, 'differences still exist: the exit code says so');
    assert.match(again.stdout, /Nothing new since the last run \(2026-03-02T12:00:00\+09:00\)/);
    assert.doesNotMatch(again.stdout, /no clock-in/);
    assert.match(again.stdout, /12\/17: 3 of 12 employees as expected, 9 differ\n  15 more seen in the last run too/);

    // suzuki's clock-out of 12/16 goes missing, and tarouk's clock-out of 12/16 turns up.
    const data = await demoStubData(true);
    const day16 = data.records.get('2024-12-16')!;
    day16.set('4000', day16.get('4000')!.filter((r) => r.code !== '2'));
    addRecord(data.records, '2024-12-16', '1000', { time: kotTime('2024-12-16T18:12:00'), code: '2', credentialName: 'PCログイン連携' });
    const changed = await startKotStub(data, stub.token);
    try {
      const later = await reconcileIn([...demoRange, ...demoInputs, '--kot-api-token-file', tokenFile, '--kot-api-base', changed.base, '--since-last', state, '--json']);
      const report = JSON.parse(later.stdout) as { findings: JsonFinding[]; sinceLast: { previous: string; new: number; resolved: number } };
      assert.deepEqual(report.sinceLast, { previous: '2026-03-02T12:00:00+09:00', new: 1, resolved: 1 });
      assert.deepEqual(report.findings.filter((f) => f.new).map((f) => [f.kind, f.employee, f.workDate]), [['missing-out', '4000', '2024-12-16']]);
    } finally {
      await changed.close();
    }
  });

  it('a state file that is not ours is named and left alone (exit 2)', { timeout: 20_000 }, async () => {
    const state = join(dir, 'not-state.json');
    writeFileSync(state, '{"hello": 1}');
    const run = await reconcileIn([...demoRange, ...demoInputs, ...api(), '--since-last', state]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /the state file .*not-state\.json is not one lanscope-kot wrote; give another path, or move it away/);
    assert.equal(readFileSync(state, 'utf8'), '{"hello": 1}');
  });

  it('in the closed hours nothing is sent (exit 2, when to retry)', { timeout: 20_000 }, async () => {
    stub.requests.length = 0;
    const run = await reconcileIn([...demoRange, ...demoInputs, ...api()], {}, MORNING);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /the KING OF TIME Web API is closed now \(08:30–10:00 and 17:30–18:30 JST\); nothing was sent\. Run again after 10:00 JST\./);
    assert.deepEqual(stub.requests, []);
  });

  it('the API answering "closed" (code 104) anyway: exit 2 with the closed-hours advice', { timeout: 20_000 }, async () => {
    stub.mode = 'closed';
    try {
      const run = await reconcileIn([...demoRange, ...demoInputs, ...api()]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /KING OF TIME Web API: the Web API is closed at this hour \(code 104; closed 08:30–10:00 and 17:30–18:30 JST\)\. Run the check again after the closed window\./);
    } finally {
      stub.mode = 'ok';
    }
  });

  it('a 5xx on the punches: exit 2, no CSV and no state written', { timeout: 20_000 }, async () => {
    stub.mode = 'server-error';
    stub.modeOn = /timerecord/;
    const csv = join(dir, 'after-5xx.csv');
    const state = join(dir, 'after-5xx.json');
    try {
      const run = await reconcileIn([...demoRange, ...demoInputs, ...api(), '--csv', csv, '--since-last', state]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /KING OF TIME Web API: KING OF TIME's service answered with an error on its side \(HTTP 503, code 1\): "Service Unavailable"\. Retry later; if it persists, ask the KING OF TIME support centre\./);
      assert.ok(!existsSync(csv) && !existsSync(state));
    } finally {
      stub.mode = 'ok';
      stub.modeOn = /./;
    }
  });

  it('the rate limit (429, code 303) and a 5xx on the punches: each named with its own advice (en, ja), nothing written', { timeout: 30_000 }, async () => {
    stub.modeOn = /timerecord/;
    const csv = join(dir, 'after-limit.csv');
    const state = join(dir, 'after-limit.json');
    const cases: [StubMode, string, RegExp][] = [
      ['rate-limited', 'en', /^lanscope-kot: KING OF TIME Web API: the Web API limits requests: too many in a short time \(HTTP 429, code 303\)\. Rate limited: retry later \(a few minutes\), and avoid running several checks at once\.\n$/],
      ['rate-limited', 'ja', /^lanscope-kot: KING OF TIME Web API: Web API の利用回数の制限にかかりました: 短時間にリクエストが多すぎます（HTTP 429、コード 303）。/],
      ['server-error', 'en', /^lanscope-kot: KING OF TIME Web API: KING OF TIME's service answered with an error on its side \(HTTP 503, code 1\): "Service Unavailable"\. Retry later; if it persists, ask the KING OF TIME support centre\.\n$/],
      ['server-error', 'ja', /^lanscope-kot: KING OF TIME Web API: KING OF TIME のサービス側でエラーが起きています（HTTP 503、コード 1）: "Service Unavailable"。/],
    ];
    try {
      for (const [mode, lang, words] of cases) {
        stub.mode = mode;
        stub.requests.length = 0;
        const run = await reconcileIn([...demoRange, ...demoInputs, ...api(), '--csv', csv, '--since-last', state, '--lang', lang]);
        assert.equal(run.code, 2, `${mode} ${lang}`);
        assert.match(run.stderr, words);
        // Not a network problem: no proxy advice, no stage lines.
        assert.doesNotMatch(run.stderr, /proxy|プロキシ|\n {2}/);
        assert.deepEqual(stub.requests, ['/divisions', '/employees', '/daily-workings/timerecord?start=2024-12-15&end=2024-12-19'], 'one refused request, not retried');
        assert.ok(!existsSync(csv) && !existsSync(state));
      }
    } finally {
      stub.mode = 'ok';
      stub.modeOn = /./;
    }
  });

  it('a wrong token: exit 2, the token never shown', { timeout: 20_000 }, async () => {
    const wrong = join(dir, 'wrong-token.txt');
    writeFileSync(wrong, 'wrong-web-api-token-000000000000\n');
    const run = await reconcileIn([...demoRange, ...demoInputs, '--kot-api-token-file', wrong, '--kot-api-base', stub.base]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /the Web API rejected the token \(HTTP 401, code 100\): "The access token is invalid"/);
    assert.ok(!run.stderr.includes('wrong-web-api-token'));
  });

  it('KOT_API_TOKEN from the environment works like the file', { timeout: 20_000 }, async () => {
    const run = await reconcileIn([...demoRange, ...demoInputs, '--kot-api-base', stub.base, '--json'], { KOT_API_TOKEN: stub.token });
    assert.equal(run.code, 1, run.stderr);
  });
});

describe('reconcile over HTTPS: the trust doctor uses (--ca-file, NODE_EXTRA_CA_CERTS)', () => {
  const ca = fixture('tls', 'ca.pem');
  // A Web API whose certificate a private CA issued, as behind an inspecting proxy.
  const ctx = demoApi({ cert: readFileSync(fixture('tls', 'ok.pem')), key: readFileSync(fixture('tls', 'ok-key.pem')) });
  const api = () => ['--kot-api-token-file', ctx.tokenFile, '--kot-api-base', ctx.stub.base];

  it('not trusted: exit 2, said stage by stage with the issuer and --ca-file, before any punch is asked for', { timeout: 20_000 }, async () => {
    ctx.stub.requests.length = 0;
    const run = await reconcileIn([...demoRange, ...demoInputs, ...api()]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /KING OF TIME Web API: the certificate of 127\.0\.0\.1:\d+ was issued by "CN=Example Corp SSL Inspection CA, O=Example Corp", which this machine does not trust/);
    assert.match(run.stderr, /give it with --ca-file FILE/);
    assert.match(run.stderr, /\n {2}Web API https:\/\/127\.0\.0\.1:\d+\/v1\.0\n/);
    assert.match(run.stderr, /\n {2}.*issuer CN=Example Corp SSL Inspection CA/);
    assert.deepEqual(ctx.stub.requests, []);
  });

  for (const [name, args, env] of [
    ['--ca-file', ['--ca-file', ca], {}],
    ['NODE_EXTRA_CA_CERTS', [], { NODE_EXTRA_CA_CERTS: ca }],
  ] as const) {
    it(`trusted through ${name}: divisions, employees and the punches all fetched, the findings as over HTTP`, { timeout: 20_000 }, async () => {
      ctx.stub.requests.length = 0;
      const run = await reconcileIn([...demoRange, ...demoInputs, ...api(), ...args, '--json'], env);
      assert.equal(run.code, 1, run.stderr);
      assert.deepEqual(ctx.stub.requests, ['/divisions', '/employees', '/daily-workings/timerecord?start=2024-12-15&end=2024-12-19']);
      const report = JSON.parse(run.stdout) as { days: { date: string; notSent: boolean }[] };
      assert.deepEqual(report.days.map((d) => [d.date, d.notSent]), [['2024-12-18', true], ['2024-12-17', false], ['2024-12-16', false]]);
    });
  }

  it('a --ca-file that cannot be read: exit 2 naming it, nothing sent', { timeout: 20_000 }, async () => {
    ctx.stub.requests.length = 0;
    const run = await reconcileIn([...demoRange, ...demoInputs, ...api(), '--ca-file', join(ctx.dir, 'missing.pem')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^lanscope-kot: --ca-file .*missing\.pem: file not found\n$/);
    assert.deepEqual(ctx.stub.requests, []);
  });
});

describe('reconcile: nothing differs', () => {
  let stub: KotStub;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lanscope-kot-clean-'));
    writeFileSync(join(dir, 'events.csv'), 'イベント日時,ログオンユーザ名,ログ種類\n2024/12/17 09:03:12,tarouk,1\n2024/12/17 18:22:40,tarouk,2\n2024/12/17 08:59:59,suzuki,1\n');
    writeFileSync(join(dir, 'mapping.csv'), '連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント\nLanScope連携,"2","1000",勤怠 太郎,"tarouk"\nLanScope連携,"2","4000",鈴木 一,"suzuki"\n');
    const records = new Map();
    // 09:03:12 is stored as 09:03; 08:59:59 as 09:00 by a rounding clock: within a minute either way.
    addRecord(records, '2024-12-17', '1000', { time: kotTime('2024-12-17T09:03:00'), code: '1' });
    addRecord(records, '2024-12-17', '1000', { time: kotTime('2024-12-17T18:22:00'), code: '2' });
    addRecord(records, '2024-12-17', '4000', { time: kotTime('2024-12-17T09:00:00'), code: '1' });
    const data: StubData = {
      divisions: [{ code: '1', name: '本社', dayBorderTime: '05:00' }],
      employees: [
        { key: 'k1', code: '1000', lastName: '勤怠', firstName: '太郎', divisionCode: '1' },
        { key: 'k4', code: '4000', lastName: '鈴木', firstName: '一', divisionCode: '1' },
      ],
      records,
    };
    stub = await startKotStub(data);
  });
  after(async () => {
    await stub.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exit 0 and a clean verdict; empty days around the range are fine', { timeout: 20_000 }, async () => {
    const run = await reconcileIn(['--from', '2024-12-17', '--to', '2024-12-17', '--log-dir', dir, '--mapping', join(dir, 'mapping.csv'), '--kot-api-base', stub.base], { KOT_API_TOKEN: stub.token });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /✔ 12\/17: 2 of 2 employees as expected\n/);
    assert.match(run.stdout, /KING OF TIME holds every punch the logs call for\./);
  });
});

describe('reconcile: usage and input errors (exit 2, one line)', () => {
  const cases: [string, string[], RegExp, Record<string, string>?][] = [
    ['no work days', [...demoInputs], /give the work days to compare: --from DATE \[--to DATE\], or --days N/],
    ['a bad date', ['--from', '2024-13-01', ...demoInputs], /--from 2024-13-01: expected a date like 2024-12-17/],
    ['a date after today', ['--from', '2026-03-05', ...demoInputs], /--from 2026-03-05 is after today \(2026-03-02, JST\)/],
    ['--to before --from', ['--from', '2024-12-17', '--to', '2024-12-16', ...demoInputs], /--to 2024-12-16 is before --from 2024-12-17/],
    ['too long a range', ['--from', '2024-01-01', '--to', '2024-12-31', ...demoInputs], /366 days asked; compare at most 62 days per run/],
    ['--days out of range', ['--days', '0', ...demoInputs], /--days 0: expected a number of days from 1 to 62/],
    ['--days with --from', ['--days', '3', '--from', '2024-12-17', ...demoInputs], /give either --from\/--to or --days, not both/],
    ['no token', [...demoRange, ...demoInputs], /needs the KING OF TIME Web API token: --kot-api-token-file FILE or KOT_API_TOKEN/],
    ['no logs', [...demoRange, '--mapping', 'x.csv'], /needs the LanScope CSVs: --log-dir DIR or --conf-ini FILE/, { KOT_API_TOKEN: 't' }],
    ['no mapping', [...demoRange, '--log-dir', '.'], /needs the mapping export: --mapping FILE/, { KOT_API_TOKEN: 't' }],
    ['--offline', [...demoRange, ...demoInputs, '--offline'], /--offline is a doctor flag and has no use here/],
    ['a token as a flag value', [...demoRange, ...demoInputs, '--token', 'abc'], /the token is never taken from the command line/],
    ['--csv into a missing folder', [...demoRange, ...demoInputs, '--csv', '/nonexistent-folder/x.csv'], /--csv \/nonexistent-folder\/x\.csv: the folder does not exist/, { KOT_API_TOKEN: 't' }],
    ['a missing token file', [...demoRange, ...demoInputs, '--kot-api-token-file', '/nonexistent/token.txt'], /token\.txt.*file not found/],
    ['--from without a value', ['--from'], /--from needs a value/],
  ];
  for (const [name, args, message, env] of cases) {
    it(name, { timeout: 20_000 }, async () => {
      const run = await reconcileIn(args, env);
      assert.equal(run.code, 2, run.stdout);
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.equal(run.stdout, '');
    });
  }

  it('the real binary: --help in both languages, and a usage error', { timeout: 20_000 }, async () => {
    const help = await runCli(['reconcile', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: lanscope-kot reconcile --from DATE/);
    const ja = await runCli(['reconcile', '--help', '--lang', 'ja']);
    assert.match(ja.stdout, /^使い方: lanscope-kot reconcile/);
    const bad = await runCli(['reconcile', '--days', 'x']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^lanscope-kot: --days x: expected a number of days from 1 to 62\. See "lanscope-kot reconcile --help"\.\n$/);
  });
});
