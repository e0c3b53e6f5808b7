import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { describeKotApiFailure } from '../source/core/checks/kot-api.js';
import type { ActualPunches } from '../source/core/reconcile-actual.js';
import type { KotApiFailure } from '../source/core/facts.js';
import { parseDay, parseWallClock } from '../source/core/wall-clock.js';
import { translate } from '../source/i18n/translate.js';
import { daysPerRequest, fetchTimerecords } from '../source/io/kot-timerecord.js';
import { addRecord, kotTime, startKotStub, type KotStub } from './kot-server.js';

const TOKEN = 'kot-web-api-token-for-tests-0123';

/** An employee's punches as the columns hold them. */
const punchesOf = (actual: ActualPunches, employee: string) => {
  const range = actual.of(employee);
  const out: { day: number; kind: number; time: number; source: number }[] = [];
  for (let i = range?.from ?? 0; i < (range?.to ?? 0); i++) out.push({ day: actual.day[i]!, kind: actual.kind[i]!, time: actual.time[i]!, source: actual.sourceOf[i]! });
  return out;
};
const day = (text: string) => parseDay(text)!;

describe('GET /daily-workings/timerecord', () => {
  let stub: KotStub;
  let raw: http.Server;
  let rawBody = '';
  let rawBase = '';
  before(async () => {
    const records = new Map();
    addRecord(records, '2024-12-17', '1000', { time: kotTime('2024-12-17T09:03:00'), code: '1', credentialName: 'PCログイン連携' });
    addRecord(records, '2024-12-17', '1000', { time: kotTime('2024-12-17T12:00:00'), code: '3' });
    addRecord(records, '2024-12-18', '2000', { time: kotTime('2024-12-18T09:00:00'), code: '1' });
    addRecord(records, '2024-12-18', '3000', { time: kotTime('2024-12-18T09:30:00'), code: '1' });
    stub = await startKotStub(
      {
        divisions: [],
        employees: [
          { key: 'k1', code: '1000', lastName: '勤怠', firstName: '太郎', divisionCode: '1' },
          { key: 'k2', code: '2000', lastName: '退職', firstName: '者', divisionCode: '1' },
          { key: 'k3', code: '3000', lastName: '不明', firstName: '', divisionCode: '1' },
        ],
        // 2000 has left: /employees no longer lists them, only the punches' currentDateEmployee does.
        listed: (e) => e.code === '1000',
        // 3000: neither /employees nor currentDateEmployee ties the key to a code.
        withCurrentEmployee: (e) => e.code !== '3000',
        records,
      },
      TOKEN,
    );
    raw = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(rawBody);
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    rawBase = `http://127.0.0.1:${(raw.address() as AddressInfo).port}/v1.0`;
  });
  after(async () => {
    await stub.close();
    raw.closeAllConnections();
    await new Promise<void>((resolve) => raw.close(() => resolve()));
  });

  const request = (base: string, extra: Partial<Parameters<typeof fetchTimerecords>[0]> = {}) => ({
    base,
    token: TOKEN,
    timeoutMs: 3000,
    from: day('2024-12-16'),
    to: day('2024-12-19'),
    codeOfKey: new Map([['k1', '1000']]),
    daysPerRequest: 2,
    ...extra,
  });

  it('folds every date (empty ones too), a few days per request; breaks and unknown keys are set aside', { timeout: 5000 }, async () => {
    stub.requests.length = 0;
    const progress: [number, number][] = [];
    const r = await fetchTimerecords(request(stub.base, { onProgress: (d, t) => progress.push([d, t]) }));
    assert.ok(r.ok);
    const { actual, names } = r.value;
    assert.deepEqual(stub.requests, ['/daily-workings/timerecord?start=2024-12-16&end=2024-12-17', '/daily-workings/timerecord?start=2024-12-18&end=2024-12-19']);
    assert.deepEqual(progress, [[2, 4], [4, 4]]);
    assert.deepEqual([...actual.answeredDays].sort(), [day('2024-12-16'), day('2024-12-17'), day('2024-12-18'), day('2024-12-19')]);
    assert.deepEqual(punchesOf(actual, '1000'), [{ day: day('2024-12-17'), kind: 1, time: parseWallClock('2024-12-17 09:03'), source: 0 }]);
    assert.equal(actual.sources[0], 'PCログイン連携');
    assert.deepEqual(punchesOf(actual, '2000').map((p) => p.source), [-1], 'no credentialName: the source is not known');
    assert.equal(names.get('2000'), '退職 者');
    assert.equal(actual.unattributed, 1);
    assert.equal(actual.otherKinds, 1);
    assert.equal(actual.count, 2);
  });

  const bad: [string, unknown, NonNullable<KotApiFailure['problem']>, RegExp][] = [
    ['not a list', { date: '2024-12-17' }, { kind: 'not-array' }, /the \/daily-workings\/timerecord answer cannot be used: it is not a JSON array/],
    ['a date missing', [{ dailyWorkings: [] }], { kind: 'missing-field', item: 0, field: 'date' }, /item 0 has no date/],
    ['dailyWorkings not a list', [{ date: '2024-12-17', dailyWorkings: {} }], { kind: 'bad-field', item: 0, field: 'dailyWorkings' }, /item 0 has dailyWorkings in a form the Web API does not document/],
    [
      'a time in another shape',
      [{ date: '2024-12-17', dailyWorkings: [{ employeeKey: 'k1', timeRecord: [{ time: '09:03', code: '1' }] }] }],
      { kind: 'bad-field', item: 0, field: 'dailyWorkings[0].timeRecord[0].time', value: '09:03' },
      /item 0 has dailyWorkings\[0\]\.timeRecord\[0\]\.time in a form the Web API does not document \("09:03"\)/,
    ],
  ];
  for (const [name, body, problem, words] of bad) {
    it(`an answer with ${name} is refused, naming what`, { timeout: 5000 }, async () => {
      rawBody = JSON.stringify(body);
      const r = await fetchTimerecords(request(rawBase, { daysPerRequest: 31 }));
      assert.ok(!r.ok);
      assert.equal(r.reason, 'bad-answer');
      assert.equal(r.resource, 'daily-workings/timerecord');
      assert.deepEqual(r.problem, problem);
      assert.match(translate(describeKotApiFailure({ base: rawBase }, r).detail, 'en'), words);
    });
  }

  it('days per request: about 5,000 employee-days, 1 to 31 days', () => {
    assert.equal(daysPerRequest(20_000), 1);
    assert.equal(daysPerRequest(1_000), 5);
    assert.equal(daysPerRequest(12), 31);
    assert.equal(daysPerRequest(0), 31);
  });
});
