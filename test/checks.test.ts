import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CheckId } from '../source/core/checks/check.js';
import { CHECKS, diagnose, runChecks, type CheckResult } from '../source/core/checks/index.js';
import { wrongDayExample } from '../source/core/checks/day-change.js';
import { findExcelSigns } from '../source/core/checks/mapping.js';
import { parseDayChangeOption } from '../source/core/day-change-option.js';
import { dryRunPunches, forEachPunchTime } from '../source/core/dry-run.js';
import type { Facts } from '../source/core/facts.js';
import { LogAggregator } from '../source/core/log-aggregate.js';
import { parseMapping } from '../source/core/mapping.js';
import { buildReport } from '../source/core/report.js';
import { formatDay, formatWallClock, parseWallClock } from '../source/core/wall-clock.js';
import { parseDoctorOptions } from '../source/commands/doctor-options.js';
import { gatherFacts } from '../source/commands/gather-facts.js';
import { translate } from '../source/i18n/translate.js';
import { fixture } from './helpers.js';

async function check(args: string[], env: Record<string, string> = {}): Promise<Map<CheckId, CheckResult>> {
  const facts = await gatherFacts(parseDoctorOptions([...args, '--offline']), env);
  return new Map(runChecks(diagnose(facts)).map((r) => [r.id, r]));
}

const base = (): Facts => ({ dayChanges: [], offline: true });
const only = (facts: Facts, id: CheckId): CheckResult => runChecks(diagnose(facts)).find((r) => r.id === id)!;

test('check ids are a stable contract, in the documented order', () => {
  assert.deepEqual(CHECKS.map((c) => c.id), [
    'company-code', 'access-token', 'sql-start-time', 'day-change', 'output-dir', 'mapping-excel', 'unmapped-users',
    'duplicate-mappings', 'shared-pc-users', 'near-misses', 'unused-mappings', 'punch-times', 'proxy', 'kot-api',
  ]);
});

test('with no input every check skips and says which flag it needs', async () => {
  const results = await check([]);
  for (const r of results.values()) assert.equal(r.status, 'skip', r.id);
  assert.match(translate(results.get('mapping-excel')!.detail, 'en'), /--mapping/);
});

test('company-code: 3 or 6 letters/digits pass; length, spaces, full-width fail', () => {
  for (const code of ['ABC', 'abc123']) assert.equal(only({ ...base(), companyCode: code }, 'company-code').status, 'pass');
  const faults = { ABCD: 'length', 'AB C': 'spaces', 'ＡＢＣ': 'full-width', 'AB-': 'characters' } as const;
  for (const [code, fault] of Object.entries(faults)) {
    const r = only({ ...base(), companyCode: code }, 'company-code');
    assert.equal(r.status, 'fail', code);
    assert.equal(r.data!.fault, fault, code);
  }
  assert.match(translate(only({ ...base(), companyCode: 'ＡＢＣ' }, 'company-code').detail, 'en'), /as half-width: ABC/);
});

test('access-token: 32 letters/digits pass; each fault is named and the token is masked', async () => {
  const ok = await check(['--token-file', fixture('token', 'token-ok.txt')]);
  assert.equal(ok.get('access-token')!.status, 'pass');
  assert.equal(ok.get('access-token')!.data!.masked, 'AbCd…StUv (32 chars)');
  for (const [file, fault] of [['token-space.txt', 'spaces'], ['token-short.txt', 'length'], ['token-fullwidth.txt', 'full-width']]) {
    const r = (await check(['--token-file', fixture('token', file!)])).get('access-token')!;
    assert.equal(r.status, 'fail', file);
    assert.equal(r.data!.fault, fault, file);
    assert.doesNotMatch(JSON.stringify(r), /0123456789/, 'the token itself never appears');
  }
  const env = await check([], { LANSCOPE_KOT_TOKEN: 'AbCdEfGh0123456789IjKlMnOpQrStUv' });
  assert.equal(env.get('access-token')!.data!.source, 'env');
});

test('sql-start-time passes with the time and fails naming lines', async () => {
  const ok = (await check(['--sql', fixture('sql', 'kintai-utf16.sql')])).get('sql-start-time')!;
  assert.equal(ok.status, 'pass');
  assert.equal(ok.data!.startTime, '05:00');
  const bad = (await check(['--sql', fixture('sql', 'kintai-mismatch.sql')])).get('sql-start-time')!;
  assert.equal(bad.status, 'fail');
  assert.deepEqual(bad.data!.outliers, [11]);
  assert.match(translate(bad.detail, 'en'), /line 11 \(04:00\)/);
  assert.equal((await check(['--sql', fixture('sql', 'not-the-sql.sql')])).get('sql-start-time')!.status, 'fail');
});

test('day-change: equal to the SQL passes; a mismatch fails with the wrong-day consequence', async () => {
  const sql = fixture('sql', 'kintai-cp932.sql');
  assert.equal((await check(['--sql', sql, '--day-change', '5:00'])).get('day-change')!.status, 'pass');
  const bad = (await check(['--sql', sql, '--day-change', '1001=05:00', '--day-change', '2002=00:00'])).get('day-change')!;
  assert.equal(bad.status, 'fail');
  assert.deepEqual((bad.data!.divisions as { code: string; matches: boolean }[]).map((d) => [d.code, d.matches]), [['1001', true], ['2002', false]]);
  assert.match(translate(bad.detail, 'en'), /a log-off at 02:30 on 12\/18 is stamped on 12\/18, not 12\/17/);
  assert.match(translate(bad.detail, 'ja'), /12\/18 02:30 のログオフは 12\/17 ではなく 12\/18 の打刻になります/);
  // No SQL given: LanScope's default 05:00 is the reference.
  const dflt = (await check(['--day-change', '00:00'])).get('day-change')!;
  assert.equal(dflt.status, 'fail');
  assert.equal(dflt.data!.startSource, 'default');
  // An SQL whose bounds disagree must be fixed first.
  assert.equal((await check(['--sql', fixture('sql', 'kintai-mismatch.sql'), '--day-change', '05:00'])).get('day-change')!.status, 'skip');
});

test('the wrong-day example works in both directions', () => {
  const later = wrongDayExample(parseDayChangeOption('06:00')!, 300, undefined);
  assert.deepEqual(later, { event: 'start', time: '05:30', onDate: '12/17', kotDate: '12/16', lanscopeDate: '12/17' });
  const earlier = wrongDayExample(parseDayChangeOption('04:50')!, 300, undefined);
  assert.equal(earlier.kotDate !== earlier.lanscopeDate, true);
});

test('output-dir: a readable local folder with LanScope CSVs passes; missing, UNC, ¥, empty, elsewhere do not', async () => {
  const ok = (await check(['--log-dir', fixture('logs')])).get('output-dir')!;
  assert.equal(ok.status, 'pass');
  assert.equal(ok.data!.csvFiles, 2);
  assert.equal(ok.data!.from, '2024-12-17');
  assert.equal((await check(['--log-dir', fixture('no-such-folder')])).get('output-dir')!.status, 'fail');
  assert.equal((await check(['--log-dir', fixture('logs', 'events-20241217.csv')])).get('output-dir')!.status, 'fail');
  assert.equal((await check(['--conf-ini', fixture('conf', 'conf-unc.ini')])).get('output-dir')!.status, 'fail');
  assert.equal((await check(['--log-dir', '\\\\server\\share'])).get('output-dir')!.status, 'fail');
  const empty = (await check(['--log-dir', fixture('sql')])).get('output-dir')!;
  assert.equal(empty.status, 'warn');
  if (process.platform !== 'win32') {
    const elsewhere = (await check(['--conf-ini', fixture('conf', 'conf-yen-utf8.ini')])).get('output-dir')!;
    assert.equal(elsewhere.status, 'warn');
    assert.match(translate(elsewhere.detail, 'en'), /not Windows/);
  }
  // ¥ in a path that otherwise works (as it would on the Windows server): a warning with the fixed path.
  const yen = only(
    {
      ...base(),
      outputDir: { given: 'C:¥TEMP', path: 'C:\\TEMP', source: 'flag', network: false, elsewhere: false, exists: true, isDirectory: true, readable: true, csvCount: 0, logFiles: [], skipped: [] },
    },
    'output-dir',
  );
  assert.equal(yen.status, 'warn');
  assert.match(translate(yen.advice!, 'en'), /C:\\TEMP/);
});

test('mapping-excel: an untouched export passes; E+, lost zeros fail; lost quotes warn', async () => {
  assert.equal((await check(['--mapping', fixture('mapping', 'export-cp932.csv')])).get('mapping-excel')!.status, 'pass');
  const damaged = (await check(['--mapping', fixture('mapping', 'excel-resaved.csv')])).get('mapping-excel')!;
  assert.equal(damaged.status, 'fail');
  assert.deepEqual(damaged.data!.scientific, [5]);
  assert.deepEqual(damaged.data!.zerosLost, [3]);
  assert.equal((await check(['--mapping', fixture('mapping', 'excel-quotes-only.csv')])).get('mapping-excel')!.status, 'warn');
  const signs = findExcelSigns(parseMapping('連携種別,打刻先アカウント,姓・名,サービスアカウント\nLanScope連携,1000,a,b\n', 'x.csv'));
  assert.equal(signs.quotesGone, false, 'the 4-column form shown on screen is not quoted: no verdict');
});

const full = ['--log-dir', fixture('logs'), '--mapping', fixture('mapping', 'export-cp932.csv')];

test('unmapped-users fails with the exact names; passes when every user is mapped', async () => {
  const r = (await check(full)).get('unmapped-users')!;
  assert.equal(r.status, 'fail');
  assert.deepEqual(r.data!.unmapped, ['ACME\\saburo', 'Jirou']);
  const facts = base();
  facts.mapping = { file: 'm.csv', encoding: 'utf-8', data: parseMapping('連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント\nLanScope連携,"2","1","a","u1"\n', 'm.csv') };
  const agg = new LogAggregator(300);
  agg.addEvent('u1', parseWallClock('2024/12/17 09:00')!, 'start', undefined);
  facts.logs = { windowStartMinutes: 300, users: agg.users, hasPcColumn: false };
  assert.equal(only(facts, 'unmapped-users').status, 'pass');
  assert.equal(only(facts, 'shared-pc-users').status, 'skip', 'no PC column: cannot tell');
  assert.equal(only(facts, 'near-misses').status, 'pass');
  assert.equal(only(facts, 'duplicate-mappings').status, 'pass');
  assert.equal(only(facts, 'unused-mappings').status, 'pass');
  assert.equal(only(facts, 'punch-times').status, 'pass');
});

test('duplicate-mappings, shared-pc-users, near-misses and unused-mappings find the fixture traps', async () => {
  const results = await check(full);
  const dup = results.get('duplicate-mappings')!;
  assert.equal(dup.status, 'fail');
  assert.deepEqual(dup.data!.duplicateMappings, [{ serviceAccount: '共用', employees: ['6000', '7000'], lines: [7, 8] }]);
  const shared = results.get('shared-pc-users')!;
  assert.equal(shared.status, 'warn');
  assert.deepEqual(shared.data!.sharedPc, [{ user: '共用', date: '2024-12-17', pcs: ['PC-E', 'PC-F'] }]);
  const near = results.get('near-misses')!;
  assert.equal(near.status, 'warn');
  assert.deepEqual(
    (near.data!.nearMisses as { user: string; serviceAccount: string; kind: string }[]).map((n) => [n.user, n.serviceAccount, n.kind]),
    [['ACME\\saburo', 'saburo', 'domain-prefix'], ['Jirou', 'jirou', 'case']],
  );
  const unused = results.get('unused-mappings')!;
  assert.equal(unused.status, 'warn');
  assert.equal(unused.data!.defaults, 1);
  assert.equal(unused.data!.notInLogs, 2);
});

test('near-miss kinds: spaces and full-width too', () => {
  const facts = base();
  facts.mapping = {
    file: 'm.csv',
    encoding: 'utf-8',
    data: parseMapping('連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント\nx,"2","1",a,"tarou "\nx,"2","2",b,"ｈａｎａ"\n', 'm.csv'),
  };
  const agg = new LogAggregator(300);
  for (const u of ['tarou', 'hana']) agg.addEvent(u, parseWallClock('2024/12/17 09:00')!, 'start', undefined);
  facts.logs = { windowStartMinutes: 300, users: agg.users, hasPcColumn: false };
  const kinds = (only(facts, 'near-misses').data!.nearMisses as { user: string; kind: string }[]).map((n) => [n.user, n.kind]);
  assert.deepEqual(kinds, [['hana', 'full-width'], ['tarou', 'spaces']]);
});

test('punch-times: start after midnight before the day change, over 16 h, end before start', () => {
  const agg = new LogAggregator(300);
  const at = (s: string) => parseWallClock(s)!;
  agg.addEvent('night', at('2024/12/18 03:00'), 'start', undefined);
  agg.addEvent('night', at('2024/12/18 04:30'), 'end', undefined);
  agg.addEvent('long', at('2024/12/17 06:00'), 'start', undefined);
  agg.addEvent('long', at('2024/12/17 23:00'), 'end', undefined);
  agg.addSpan('reversed', at('2024/12/17 18:00'), at('2024/12/17 09:00'), undefined, undefined);
  agg.addEvent('fine', at('2024/12/17 09:00'), 'start', undefined);
  agg.addEvent('fine', at('2024/12/17 18:00'), 'end', undefined);
  const r = only({ ...base(), logs: { windowStartMinutes: 300, users: agg.users, hasPcColumn: false } }, 'punch-times');
  assert.equal(r.status, 'warn');
  assert.deepEqual(r.data!.counts, { 'start-before-day-change': 1, 'over-16h': 1, 'end-before-start': 1 });
});

test('the dry run stamps first start and last end, on the KING OF TIME work day, none for duplicates', async () => {
  const facts = await gatherFacts(parseDoctorOptions([...full, '--day-change', '00:00', '--offline']), {});
  const d = diagnose(facts);
  const report = buildReport(d, runChecks(d), (m) => translate(m, 'en'), (id) => id);
  const punches = [...report.punches];
  assert.deepEqual(
    punches.filter((p) => p.user === 'hanakok').map((p) => [p.kind, p.time, p.workDate, p.windowDate]),
    [
      ['in', '2024-12-17T08:55:00', '2024-12-17', '2024-12-17'],
      ['out', '2024-12-18T02:10:00', '2024-12-18', '2024-12-17'],
      ['in', '2024-12-18T09:10:00', '2024-12-18', '2024-12-18'],
      ['out', '2024-12-18T18:00:00', '2024-12-18', '2024-12-18'],
    ],
  );
  assert.equal(punches.some((p) => p.user === '共用'), false, 'a duplicate mapping gets no punches');
  assert.equal(punches.some((p) => p.user === 'Jirou'), false, 'unmapped users get no punches');
  assert.deepEqual([...new Set(punches.map((p) => p.user))], ['hanakok', 'tarouk', '髙橋①']);
  // Aligned day change: every punch lands on its LanScope day.
  const aligned = [...dryRunPunches({ logs: facts.logs!.users, byServiceAccount: d.matching.byServiceAccount, dayChangeFor: () => 300 })];
  assert.ok(aligned.every((p) => p.workDate === p.windowDate));
});

test('the wizard\'s numeric dry run walks exactly the punches of the report, in its order', async () => {
  const facts = await gatherFacts(parseDoctorOptions(['--log-dir', fixture('logs'), '--mapping', fixture('mapping/export-cp932.csv'), '--day-change', '00:00', '--offline']), {});
  const d = diagnose(facts);
  for (const dayChangeFor of [() => 0, () => 300, (employee: string) => (employee === '3000' ? 0 : 300)]) {
    const input = { logs: facts.logs!.users, byServiceAccount: d.matching.byServiceAccount, dayChangeFor };
    const walked: string[][] = [];
    forEachPunchTime(input, (user, employee, kind, time, workDay, windowDay) =>
      walked.push([user, employee, kind, formatWallClock(time), formatDay(workDay), formatDay(windowDay)]),
    );
    const reported = [...dryRunPunches(input)].map((p) => [p.user, p.employee, p.kind, p.time, p.workDate, p.windowDate]);
    assert.ok(reported.length > 0);
    assert.deepEqual(walked, reported);
  }
});

test('a check that throws becomes a failed result, not a crash', () => {
  const boom = { id: 'proxy' as const, manual: '§0', run: () => { throw new Error('boom'); } };
  const [r] = runChecks(diagnose(base()), [boom]);
  assert.equal(r!.status, 'fail');
  assert.match(translate(r!.detail, 'en'), /boom/);
});
