import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { demoFile, fixture, flat, KEY, shows, pressKeys, renderWizard, stepOf, typeAndWait, waitForFrame } from './helpers.js';

const SQL_0500 = demoFile('勤怠簿出力.sql');

describe('step 2: day-change time', () => {
  afterEach(() => cleanup());

  it('reads the SQL on Enter and shows the start time and the lines it came from', async () => {
    const h = renderWizard({ step: 2 });
    await typeAndWait(h.stdin, SQL_0500);
    await pressKeys(h.stdin, KEY.enter);
    const frame = await waitForFrame(h.lastFrame, 'collection start time 05:00');
    assert.match(flat(frame), /✔ pass collection start time 05:00 \(cp932\)/);
    assert.match(flat(frame), /line 9: 日時 >= the day \+ '05:00:00\.000'/);
    assert.match(flat(frame), /line 10: 日時 < the next day \+ '05:00:00\.000'/);
    assert.equal(stepOf(frame), '2');
  });

  it('adds divisions and says what a mismatch does, in plain words', async () => {
    const h = renderWizard({ step: 2, values: { sqlPath: SQL_0500 } });
    await waitForFrame(h.lastFrame, 'collection start time 05:00');
    await pressKeys(h.stdin, KEY.enter);
    await typeAndWait(h.stdin, '1001=00:00');
    await pressKeys(h.stdin, KEY.enter);
    let frame = h.lastFrame()!;
    assert.match(flat(frame), /1001 00:00 ✖ not 05:00: a log-off at 02:30 on 12\/18 is stamped on 12\/18, not 12\/17/);
    assert.match(flat(frame), /set 05:00 for every division/);
    await typeAndWait(h.stdin, '１００２＝５：００');
    await pressKeys(h.stdin, KEY.enter);
    frame = h.lastFrame()!;
    assert.match(flat(frame), /read "１００２＝５：００" as 1002=05:00 \(full-width converted\)/);
    assert.match(flat(frame), /1002 05:00 ✔ same as the collection start 05:00/);
    await pressKeys(h.stdin, KEY.enter);
    assert.equal(stepOf(h.lastFrame()), '3');
    assert.deepEqual(h.saved.at(-1)?.divisions, ['1001=00:00', '1002=05:00']);
  });

  it('replaces a division given again and removes one with Backspace', async () => {
    const h = renderWizard({ step: 2, values: { divisions: ['1001=00:00', '05:00'] } });
    await pressKeys(h.stdin, KEY.tab);
    await typeAndWait(h.stdin, '1001=05:00');
    await pressKeys(h.stdin, KEY.enter);
    assert.doesNotMatch(flat(h.lastFrame()!), /1001 00:00/);
    await pressKeys(h.stdin, KEY.down, KEY.backspace);
    const frame = h.lastFrame()!;
    assert.doesNotMatch(flat(frame), /\ball\b\s+05:00/);
    assert.match(flat(frame), /1001 05:00/);
  });

  it('compares with the SQL read: 04:00 makes a 05:00 division wrong', async () => {
    const h = renderWizard({ step: 2, values: { sqlPath: fixture('sql/kintai-0400-utf8bom.sql'), divisions: ['05:00'] } });
    const frame = await waitForFrame(h.lastFrame, 'collection start time 04:00');
    assert.match(flat(frame), /all 05:00 ✖ not 04:00: a log-on at 04:30 on 12\/17 is stamped on 12\/16, not 12\/17/);
  });

  it('refuses a missing file and a division it cannot read, and stays', async () => {
    const h = renderWizard({ step: 2 });
    await typeAndWait(h.stdin, '/nonexistent/勤怠簿出力.sql');
    await pressKeys(h.stdin, KEY.enter);
    let frame = await waitForFrame(h.lastFrame, 'file not found');
    assert.match(flat(frame), /✖ \/nonexistent\/勤怠簿出力\.sql: file not found/);
    await pressKeys(h.stdin, KEY.tab);
    await typeAndWait(h.stdin, '25:00');
    await pressKeys(h.stdin, KEY.enter);
    frame = h.lastFrame()!;
    assert.match(flat(frame), /"25:00" is not CODE=HH:MM or HH:MM/);
    await pressKeys(h.stdin, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, KEY.enter);
    assert.equal(stepOf(h.lastFrame()), '2', 'the unreadable SQL keeps the step open');
  });

  it('reports an SQL without time bounds', async () => {
    const h = renderWizard({ step: 2, values: { sqlPath: fixture('sql/not-the-sql.sql') } });
    const frame = await waitForFrame(h.lastFrame, 'no collection start time');
    assert.match(flat(frame), /✖ fail no collection start time found/);
  });

  it('goes back with Esc and keeps the path and the divisions', async () => {
    const h = renderWizard({ step: 2, values: { sqlPath: SQL_0500 } });
    await waitForFrame(h.lastFrame, 'collection start time 05:00');
    await pressKeys(h.stdin, KEY.tab);
    await typeAndWait(h.stdin, '05:00');
    await pressKeys(h.stdin, KEY.enter, KEY.esc);
    assert.equal(stepOf(h.lastFrame()), '1');
    await pressKeys(h.stdin, KEY.enter);
    const frame = h.lastFrame()!;
    assert.equal(stepOf(frame), '2');
    assert.ok(shows(frame, SQL_0500));
    assert.match(flat(frame), /all 05:00 ✔/);
    assert.match(flat(frame), /collection start time 05:00/, 'read once, kept');
  });

  it('speaks Japanese', async () => {
    const h = renderWizard({ step: 2, lang: 'ja', values: { sqlPath: SQL_0500, divisions: ['1001=00:00'] } });
    const frame = await waitForFrame(h.lastFrame, 'ログ収集の起点時刻 05:00');
    assert.match(flat(frame), /12\/18 02:30 のログオフは 12\/17 ではなく 12\/18 の打刻になります/);
  });
});
