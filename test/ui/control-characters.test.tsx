import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { demoFile, fixture, flat, renderWizard, waitForFrame } from './helpers.js';

/** Sets the terminal's title (OSC 0) and clears the screen: what a hostile or damaged name could do raw. */
const TITLE = '\x1b]0;pwned\x07';
const CLEAR = '\x1b[2J';

/**
 * Paths and file names read from the admin's files (conf.ini's OUTPUTDIR, the names in the log folder, the
 * file a message names) reach the wizard's screen as the doctor's lines do: control characters escaped,
 * never sent to the terminal.
 */
describe('the wizard shows control characters in values escaped (steps 2 and 3)', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'lanscope-kot-controls-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));
  afterEach(() => cleanup());

  const assertEscaped = (frame: string): void => {
    assert.ok(!frame.includes('\x1b'), `no raw ESC on screen:\n${JSON.stringify(frame)}`);
    assert.ok(!frame.includes('\x07'), 'no raw BEL on screen');
  };

  it('step 2: the SQL file a finding names', async () => {
    const dir = join(root, `sql${TITLE}`);
    mkdirSync(dir);
    const sql = join(dir, 'kintai.sql');
    copyFileSync(fixture('sql/not-the-sql.sql'), sql);
    const h = renderWizard({ step: 2, columns: 120, rows: 40, values: { sqlPath: sql } });
    const frame = await waitForFrame(h.lastFrame, 'no collection start time');
    assertEscaped(frame);
    assert.match(flat(frame), /sql\\u001B\]0;pwned\\u0007\/kintai\.sql/);
  });

  it('step 3: the folder from conf.ini, the CSV names in it and the files it skipped', async () => {
    const logs = join(root, `logs${TITLE}`);
    mkdirSync(logs);
    copyFileSync(demoFile('logs/events-20241216.csv'), join(logs, `ev${CLEAR}ents.csv`));
    writeFileSync(join(logs, `empty${CLEAR}.csv`), '');
    const conf = join(root, 'conf.ini');
    writeFileSync(conf, `[Output]\r\nOUTPUTDIR=${logs}\r\n`);
    const h = renderWizard({ step: 3, columns: 120, rows: 40, values: { outputInput: conf } });
    const frame = await waitForFrame(h.lastFrame, '24 rows');
    assertEscaped(frame);
    const text = flat(frame);
    assert.match(text, /Folder\s+\S*logs\\u001B\]0;pwned\\u0007/);
    assert.match(text, /ev\\u001B\[2Jents\.csv · events/);
    assert.match(text, /not read: \S*empty\\u001B\[2J\.csv \(empty\)/);
  });

  it('step 3: a folder from conf.ini that does not exist, in Japanese', async () => {
    const conf = join(root, 'conf-missing.ini');
    writeFileSync(conf, `[Output]\r\nOUTPUTDIR=${join(root, `gone${TITLE}`)}\r\n`);
    const h = renderWizard({ step: 3, lang: 'ja', columns: 120, rows: 40, values: { outputInput: conf } });
    const frame = await waitForFrame(h.lastFrame, 'がありません');
    assertEscaped(frame);
    assert.match(flat(frame), /gone\\u001B\]0;pwned\\u0007 がありません/);
  });
});
