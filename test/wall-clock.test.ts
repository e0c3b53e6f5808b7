import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isClockTimeError, parseClockTime } from '../source/core/clock-time.js';
import { parseDayChangeOption } from '../source/core/day-change-option.js';
import { dayOf, formatDay, formatMonthDayTime, formatWallClock, parseDay, parseWallClock } from '../source/core/wall-clock.js';

test('LanScope date-time forms parse to the same wall clock', () => {
  const expected = parseWallClock('2024/12/17 09:03:00')!;
  for (const form of ['2024/12/17 9:03', '2024/12/17 09:03', '2024-12-17 09:03:00.000', '2024-12-17T09:03:00', '2024/12/17  09:03:00']) {
    assert.equal(parseWallClock(form), expected, form);
  }
  assert.equal(formatWallClock(expected), '2024-12-17T09:03:00');
});

test('hours 24–29 are after midnight of the previous day', () => {
  assert.equal(formatWallClock(parseWallClock('2024/12/17 25:30')!), '2024-12-18T01:30:00');
  assert.equal(formatWallClock(parseWallClock('2024/12/31 29:59:59')!), '2025-01-01T05:59:59');
  assert.equal(parseWallClock('2024/12/17 30:00'), undefined);
});

test('bad date-times are rejected, not guessed', () => {
  for (const bad of ['', '2024/13/01 09:00', '2024/02/30 09:00', '2024/12/17 09:60', '17/12/2024 09:00', '2024/12/17 09:00 +09:00', 'yesterday']) {
    assert.equal(parseWallClock(bad), undefined, bad);
  }
  assert.equal(parseWallClock('2024/02/29 09:00') !== undefined, true);
  assert.equal(parseWallClock('2023/02/29 09:00'), undefined);
});

test('the day a moment belongs to depends on the day-change time', () => {
  const t = parseWallClock('2024/12/18 02:10')!;
  assert.equal(formatDay(dayOf(t, 5 * 60)), '2024-12-17');
  assert.equal(formatDay(dayOf(t, 0)), '2024-12-18');
  assert.equal(formatDay(parseDay('2024/12/18')!), '2024-12-18');
  assert.equal(formatMonthDayTime(t), '12/18 02:10');
});

test('clock times accept 05:00, 5:00, 0500 and full-width, and say when they normalised', () => {
  for (const form of ['05:00', '5:00', '0500', '05:00:00', ' 05:00 ']) {
    const parsed = parseClockTime(form);
    assert.ok(!isClockTimeError(parsed), form);
    assert.equal(parsed.text, '05:00');
    assert.equal(parsed.normalised, false, form);
  }
  const wide = parseClockTime('０５：００');
  assert.ok(!isClockTimeError(wide));
  assert.equal(wide.text, '05:00');
  assert.equal(wide.normalised, true);
});

test('bad clock times say what is wrong', () => {
  assert.deepEqual(parseClockTime(''), { error: 'empty', input: '' });
  assert.deepEqual(parseClockTime('25:00'), { error: 'range', input: '25:00' });
  assert.deepEqual(parseClockTime('5'), { error: 'format', input: '5' });
  assert.deepEqual(parseClockTime('five'), { error: 'format', input: 'five' });
});

test('--day-change takes a time or CODE=time', () => {
  assert.deepEqual(
    { ...parseDayChangeOption('1001=5:00') },
    { minutes: 300, text: '05:00', normalised: false, division: '1001', input: '1001=5:00' },
  );
  assert.equal(parseDayChangeOption('05:00')?.division, undefined);
  assert.equal(parseDayChangeOption('１００１＝０５：００')?.division, '1001');
  assert.equal(parseDayChangeOption('１００１＝０５：００')?.normalised, true);
  for (const bad of ['=05:00', '1001=', '1001=24:00', 'abc']) assert.equal(parseDayChangeOption(bad), undefined, bad);
});
