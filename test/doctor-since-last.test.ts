import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from './helpers.js';
import { demoFolder } from './reconcile-demo.js';

describe('doctor --since-last', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lanscope-kot-since-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const state = join(dir, 'watch.json');
  const inputs = ['--offline', '--log-dir', `${demoFolder}logs`, '--mapping', `${demoFolder}mapping-export.csv`, '--sql', `${demoFolder}勤怠簿出力.sql`];

  it('records a baseline, then reports only what is new: a changed day-change time, a check that got worse', { timeout: 30_000 }, async () => {
    const token = join(dir, 'token.txt');
    writeFileSync(token, 'abcdefghijklmnopqrstuvwxyz012345\n');
    const first = await runCli(['doctor', ...inputs, '--day-change', '05:00', '--token-file', token, '--since-last', state]);
    assert.equal(first.code, 1, first.stderr);
    assert.match(first.stdout, /No earlier run in .*watch\.json: this run is the baseline \(\d+ item\(s\) recorded\)/);
    const saved = readFileSync(state, 'utf8');
    assert.ok(!saved.includes('abcdefghijklmnopqrstuvwxyz012345'), 'no token in the state file');
    assert.ok(JSON.parse(saved).doctor.items['unmapped-user:temp01'] === '');

    const same = await runCli(['doctor', ...inputs, '--day-change', '05:00', '--token-file', token, '--since-last', state]);
    assert.match(same.stdout, /Nothing new since the last run \(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00\)\./);

    const changed = await runCli(['doctor', ...inputs, '--day-change', '00:00', '--since-last', state, '--lang', 'en']);
    assert.match(changed.stdout, /New since the last run \(.*\): 2\n  \+ Day-change time of each division \(day-change\): pass → fail\n  \+ day-change time of every division: 05:00 → 00:00\n/);
    assert.doesNotMatch(changed.stdout.slice(changed.stdout.indexOf('New since')), /Access token/, 'a check that is only skipped now is not news');

    const json = await runCli(['doctor', ...inputs, '--day-change', '00:00', '--since-last', state, '--json']);
    const report = JSON.parse(json.stdout);
    assert.deepEqual(report.sinceLast.new, []);
    assert.equal(typeof report.sinceLast.previous, 'string');
    assert.ok(Array.isArray(report.punches), 'the rest of the report is unchanged');
  });

  it('a state file that is not ours: exit 2, left as it was', { timeout: 20_000 }, async () => {
    const other = join(dir, 'other.json');
    writeFileSync(other, 'hello');
    const run = await runCli(['doctor', ...inputs, '--since-last', other]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^lanscope-kot: the state file .*other\.json is not one lanscope-kot wrote/);
    assert.equal(readFileSync(other, 'utf8'), 'hello');
  });
});
