import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { InputError } from '../source/core/input-problem.js';
import { readMappingFile, readOutputDir, readSql } from '../source/io/read-inputs.js';
import { SIZE_LIMITS, readTextFile } from '../source/io/text-file.js';
import { fixture, problemOf, runCli } from './helpers.js';

/**
 * Issue 9, files that are not files: a FIFO or a device given by flag is refused at once (reading would
 * block or never end), each kind has a size limit checked before reading, and no line may exceed 1 MB.
 */
const hasMkfifo = process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).status === 0;
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lanscope-kot-files-'));
});
after(() => rm(dir, { recursive: true, force: true }));

const FLAGS = ['--sql', '--conf-ini', '--mapping', '--token-file', '--kot-api-token-file'] as const;

describe('files that are not files', () => {
  it('a FIFO given to any flag is refused at once, in one line naming it', { skip: hasMkfifo ? false : 'needs mkfifo (coreutils)' }, async () => {
    const fifo = join(dir, 'pipe.csv');
    spawnSync('mkfifo', [fifo]);
    for (const flag of FLAGS) {
      // Nothing ever writes to the FIFO: a reader that opened it to read would wait forever (the test would time out).
      const run = await runCli(['doctor', flag, fifo, '--offline']);
      assert.equal(run.code, 2, flag);
      assert.match(run.stderr, /pipe\.csv: this is not a regular file \(a pipe, a device or a socket\): give a file\n$/, flag);
      assert.equal(run.stderr.trim().split('\n').length, 1);
    }
  });

  it('a FIFO or /dev/zero as the --since-last state file is refused, not read', { skip: hasMkfifo ? false : 'needs mkfifo (coreutils)' }, async () => {
    const fifo = join(dir, 'state.json');
    spawnSync('mkfifo', [fifo]);
    for (const file of [fifo, '/dev/zero']) {
      const run = await runCli(['doctor', '--company-code', 'ABC', '--offline', '--since-last', file]);
      assert.equal(run.code, 2, file);
      assert.match(run.stderr, /the state file .* cannot be read \(not a regular file\)/, file);
    }
  });

  it('/dev/zero given to any flag is refused, not read', { skip: process.platform === 'win32' ? 'no /dev/zero on Windows' : false }, async () => {
    for (const flag of FLAGS) {
      const run = await runCli(['doctor', flag, '/dev/zero', '--offline']);
      assert.equal(run.code, 2, flag);
      assert.match(run.stderr, /\/dev\/zero: this is not a regular file/, flag);
    }
  });

  it('a FIFO in the log folder is skipped and named, the other CSVs read', { skip: hasMkfifo ? false : 'needs mkfifo (coreutils)' }, async () => {
    const folder = join(dir, 'logs-with-fifo');
    await mkdir(folder);
    await writeFile(join(folder, 'events.csv'), 'イベント日時,ログオンユーザ名,ログ種類\r\n2024/12/17 09:00,tarouk,1\r\n');
    spawnSync('mkfifo', [join(folder, 'zz-pipe.csv')]);
    const { outputDir, logs } = await readOutputDir({ logDir: folder, windowStartMinutes: 300 });
    assert.equal(outputDir.logFiles.length, 1);
    assert.deepEqual(outputDir.skipped, [{ file: join(folder, 'zz-pipe.csv'), reason: 'not-a-file' }]);
    assert.ok(logs?.users.has('tarouk'));
    const run = await runCli(['doctor', '--log-dir', folder, '--offline']);
    assert.match(run.stdout, /! warn +CSV output folder \(output-dir\): .*1 LanScope CSV\(s\).*; not read: zz-pipe\.csv \(not a file\)/);
  });
});

describe('a size limit per kind, checked before reading', () => {
  for (const [flag, kind, name] of [
    ['--sql', 'sql', '勤怠簿出力.sql'],
    ['--conf-ini', 'conf-ini', 'conf.ini'],
    ['--mapping', 'mapping', 'a mapping export'],
    ['--token-file', 'token', 'a token'],
  ] as const) {
    it(`${flag}: one byte over ${SIZE_LIMITS[kind].toLocaleString('en-US')} bytes is refused with the file and its size`, async () => {
      const file = join(dir, `big-${kind}.txt`);
      await writeFile(file, 'x');
      await truncate(file, SIZE_LIMITS[kind] + 1);
      const run = await runCli(['doctor', flag, file, '--offline']);
      assert.equal(run.code, 2);
      const size = (SIZE_LIMITS[kind] + 1).toLocaleString('en-US');
      assert.match(run.stderr, new RegExp(`big-${kind}\\.txt: ${size} bytes: too big for ${name} \\(at most ${SIZE_LIMITS[kind].toLocaleString('en-US')} bytes\\)`));
      assert.equal(run.stderr.trim().split('\n').length, 1);
      // At the limit it is read (and then judged by what it holds).
      await truncate(file, SIZE_LIMITS[kind]);
      const atLimit = await readTextFile(file, kind).then(
        () => 'read',
        (err: unknown) => (err instanceof InputError ? err.problem.code : String(err)),
      );
      assert.notEqual(atLimit, 'too-big');
    });
  }
});

describe('no line over 1 MB', () => {
  const longLine = 'x'.repeat(2 * 1024 * 1024);

  it('a log CSV with a 2 MB line without a line break: the line named, nothing of it echoed', async () => {
    const folder = join(dir, 'long-line-log');
    await mkdir(folder);
    await writeFile(join(folder, 'events.csv'), `イベント日時,ログオンユーザ名,ログ種類\r\n2024/12/17 09:00,tarouk,1\r\n${longLine}`);
    const problem = await problemOf(readOutputDir({ logDir: folder, windowStartMinutes: 300 }));
    assert.equal(problem.code, 'line-too-long');
    assert.equal(problem.line, 3);
    const run = await runCli(['doctor', '--log-dir', folder, '--offline']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /events\.csv:3: this line is longer than 1 MB: no line of a LanScope CSV is that long\. LanScope writes this file/);
    assert.ok(run.stderr.length < 600, `${run.stderr.length}`);
  });

  it('a mapping export with a 2 MB value', async () => {
    const file = join(dir, 'long-mapping.csv');
    await writeFile(file, `連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント\r\nLanScope連携,"2","1000",勤怠 太郎,"${longLine}"\r\n`);
    const problem = await problemOf(readMappingFile(file));
    assert.equal(problem.code, 'line-too-long');
    assert.equal(problem.line, 2);
    const run = await runCli(['doctor', '--mapping', file, '--offline']);
    assert.match(run.stderr, /long-mapping\.csv:2: this line is longer than 1 MB: no line of a mapping export is that long\. Export it again/);
    assert.ok(run.stderr.length < 600);
  });

  it('a SQL file with a 2 MB line', async () => {
    const file = join(dir, 'long.sql');
    await writeFile(file, `select 1\r\n-- ${longLine}\r\n`);
    const problem = await problemOf(readSql(file));
    assert.deepEqual([problem.code, problem.line, problem.kind], ['line-too-long', 2, 'sql']);
  });

  it('a quoted value spanning lines counts as one record for csv-parse\'s limit too', async () => {
    const folder = join(dir, 'long-record');
    await mkdir(folder);
    const spanning = Array.from({ length: 40 }, () => 'y'.repeat(40_000)).join('\n');
    await writeFile(join(folder, 'events.csv'), iconv.encode(`イベント日時,ログオンユーザ名,ログ種類\r\n2024/12/17 09:00,"${spanning}",1\r\n`, 'cp932'));
    const problem = await problemOf(readOutputDir({ logDir: folder, windowStartMinutes: 300 }));
    assert.equal(problem.code, 'line-too-long');
  });
});

describe('symbolic links', () => {
  it('a .csv that is a link to a log is read; a dangling one is named', { skip: process.platform === 'win32' ? 'symlinks need privileges on Windows' : false }, async () => {
    const folder = join(dir, 'linked');
    await mkdir(folder);
    await symlink(fixture('logs', 'events-20241217.csv'), join(folder, 'events.csv'));
    await symlink(join(dir, 'nothing-here.csv'), join(folder, 'gone.csv'));
    const { outputDir } = await readOutputDir({ logDir: folder, windowStartMinutes: 300 });
    assert.deepEqual(
      outputDir.logFiles.map((f) => [f.file, f.rows]),
      [[join(folder, 'events.csv'), 14]],
    );
    assert.deepEqual(outputDir.skipped, [{ file: join(folder, 'gone.csv'), reason: 'not-a-file' }]);
  });
});
