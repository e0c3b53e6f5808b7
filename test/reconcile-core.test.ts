import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LogAggregator } from '../source/core/log-aggregate.js';
import { parseMapping } from '../source/core/mapping.js';
import { ActualPunches, isPcSource, parseKotTime } from '../source/core/reconcile-actual.js';
import { reconcile } from '../source/core/reconcile.js';
import { compareWithLast, inRange, nextState, parseState } from '../source/core/since-last.js';
import { matchUsers } from '../source/core/user-matching.js';
import { parseDay, parseWallClock } from '../source/core/wall-clock.js';

const day = (text: string) => parseDay(text)!;
const at = (text: string) => parseWallClock(text)!;

function setup(events: [string, string, 'start' | 'end'][], mapping: string) {
  const agg = new LogAggregator(5 * 60);
  for (const [user, time, kind] of events) agg.addEvent(user, at(time), kind, undefined);
  const data = parseMapping(`連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント\n${mapping}`, 'mapping.csv');
  return { logs: agg.users, matching: matchUsers(agg.users, data) };
}

describe('reconcile (pure)', () => {
  const { logs, matching } = setup(
    [
      ['tarouk', '2024-12-17 09:03:59', 'start'],
      ['tarouk', '2024-12-17 18:22:00', 'end'],
    ],
    'LanScope連携,"2","1000",勤怠 太郎,"tarouk"',
  );
  const run = (fill: (a: ActualPunches) => void, known?: Set<string>) => {
    const actual = new ActualPunches();
    fill(actual);
    return reconcile({ logs, matching, dayChangeFor: () => 5 * 60, actual, from: day('2024-12-17'), to: day('2024-12-17'), nameOf: () => '勤怠 太郎', ...(known ? { knownEmployees: known } : {}) });
  };

  it('a minute either way is the same punch (KING OF TIME keeps minutes); two minutes is not', () => {
    const same = run((a) => {
      a.add('1000', day('2024-12-17'), 'in', at('2024-12-17 09:04:00'), undefined);
      a.add('1000', day('2024-12-17'), 'out', at('2024-12-17 18:21:00'), undefined);
    });
    assert.equal(same.findings.length, 0);
    assert.deepEqual(same.days, [{ date: '2024-12-17', expected: 1, matched: 1, differing: 0, punches: 2, arrived: 2, notSent: false }]);
    const off = run((a) => {
      a.add('1000', day('2024-12-17'), 'in', at('2024-12-17 09:05:00'), undefined);
      a.add('1000', day('2024-12-17'), 'out', at('2024-12-17 18:22:00'), undefined);
    });
    assert.deepEqual(off.findings.map((f) => [f.kind, f.actual]), [['time-differs', '2024-12-17T09:05']]);
  });

  it('a clock-in filed as clock-out does not count', () => {
    const r = run((a) => {
      a.add('1000', day('2024-12-17'), 'out', at('2024-12-17 09:03:00'), undefined);
      a.add('1000', day('2024-12-17'), 'out', at('2024-12-17 18:22:00'), undefined);
    });
    assert.deepEqual(r.findings.map((f) => f.kind), ['missing-in']);
  });

  it('an employee code KING OF TIME does not know is the cause of a missing punch', () => {
    const r = run(() => undefined, new Set(['2000']));
    assert.deepEqual(r.findings.map((f) => [f.kind, f.cause]), [['day-not-sent', null]]);
    // The clock-in arrived, so the day was sent; the clock-out is missing, and 1000 is not in the list KING OF TIME gave.
    const withOther = reconcile({
      logs,
      matching,
      dayChangeFor: () => 5 * 60,
      actual: (() => {
        const a = new ActualPunches();
        a.add('1000', day('2024-12-17'), 'in', at('2024-12-17 09:04:00'), undefined);
        return a;
      })(),
      from: day('2024-12-17'),
      to: day('2024-12-17'),
      nameOf: () => undefined,
      knownEmployees: new Set(['2000']),
    });
    assert.deepEqual(withOther.findings.map((f) => [f.kind, f.cause]), [['missing-out', 'unknown-employee']]);
  });

  it('a day outside --from/--to is not compared', () => {
    const actual = new ActualPunches();
    const r = reconcile({ logs, matching, dayChangeFor: () => 300, actual, from: day('2024-12-18'), to: day('2024-12-20'), nameOf: () => undefined });
    assert.deepEqual(r.days, []);
    assert.equal(r.findings.length, 0);
  });
});

describe('KING OF TIME times and sources', () => {
  it('+09:00 is read as the wall clock; other offsets are converted to JST', () => {
    assert.equal(parseKotTime('2024-12-17T09:03:00+09:00'), at('2024-12-17 09:03:00'));
    assert.equal(parseKotTime('2024-12-17T00:03:00Z'), at('2024-12-17 09:03:00'));
    assert.equal(parseKotTime('2024-12-17 09:03'), undefined);
    assert.equal(parseKotTime('yesterday'), undefined);
  });
  it('PC login link vs other sources', () => {
    assert.ok(isPcSource('PCログイン連携'));
    assert.ok(isPcSource('ＰＣ打刻'));
    assert.ok(!isPcSource('ICカード'));
    assert.ok(!isPcSource('ブラウザ'));
  });
});

describe('the state file (--since-last)', () => {
  it('refuses what it did not write', () => {
    assert.deepEqual(parseState('not json'), { problem: 'not-json' });
    assert.deepEqual(parseState('[]'), { problem: 'not-state' });
    assert.deepEqual(parseState('{"version":2}'), { problem: 'newer-version' });
    assert.deepEqual(parseState('{"version":1,"doctor":{"at":1}}'), { problem: 'not-state' });
    assert.deepEqual(parseState('\uFEFF{"version":1}'), { version: 1 });
  });
  it('new keys, changed values, and what is gone within the range still covered', () => {
    const previous = { at: '2026-11-30T10:30:00+09:00', items: { '2024-12-16|missing-in|1000|tarouk|in': '', '2024-12-10|missing-in|1000|tarouk|in': '', 'day-change:1001': '05:00' } };
    const since = compareWithLast(previous, { '2024-12-17|missing-out|4000|suzuki|out': '', 'day-change:1001': '00:00' }, (key) => !key.startsWith('2') || inRange('2024-12-15', '2024-12-17')(key));
    assert.deepEqual(since.changes, [{ key: '2024-12-17|missing-out|4000|suzuki|out', value: '' }, { key: 'day-change:1001', value: '00:00', previous: '05:00' }]);
    assert.deepEqual(since.resolved, ['2024-12-16|missing-in|1000|tarouk|in']);
    assert.equal(compareWithLast(undefined, { a: '' }).previousAt, null);
  });
  it('a run keeps the other command’s section', () => {
    const doctor = { at: 'x', items: { a: '' } };
    const next = nextState({ version: 1, doctor }, { reconcile: { at: 'y', from: 'f', to: 't', items: {} } });
    assert.deepEqual(next, { version: 1, doctor, reconcile: { at: 'y', from: 'f', to: 't', items: {} } });
  });
});
