import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { InputError } from '../source/core/input-problem.js';
import { readOutputDir } from '../source/io/read-inputs.js';

/**
 * The streaming contract (issue 5) on a small scale: what doctor keeps after reading is per user and
 * day, never per row or per file. Asserted by counting structures and retained heap after a GC —
 * never by time, which a busy machine would break.
 */
let dir: string;
const USERS = 300;

function dayFile(day: number): string {
  const lines = ['イベント日時,ログオンユーザ名,ログ種類,コンピュータ名'];
  for (let u = 0; u < USERS; u++) {
    for (let e = 0; e < 10; e++) {
      const minute = 8 * 60 + e * 60 + (u % 50);
      lines.push(`2024/12/${String(day).padStart(2, '0')} ${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}:00,勤怠${u},${e % 2 === 0 ? 1 : 2},PC-${u}`);
    }
  }
  return lines.join('\r\n') + '\r\n';
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lanscope-kot-stream-'));
  await mkdir(join(dir, 'one'));
  await mkdir(join(dir, 'many'));
  await writeFile(join(dir, 'one', 'd17.csv'), iconv.encode(dayFile(17), 'cp932'));
  // The same day written again in twenty files: more rows and files, the same users and days.
  for (let i = 0; i < 20; i++) await copyFile(join(dir, 'one', 'd17.csv'), join(dir, 'many', `d17-${i}.csv`));
});

after(() => rm(dir, { recursive: true, force: true }));

test('what is kept grows with users × days, not with rows or files', async () => {
  const one = await readOutputDir({ logDir: join(dir, 'one'), windowStartMinutes: 300 });
  const many = await readOutputDir({ logDir: join(dir, 'many'), windowStartMinutes: 300 });
  assert.equal(many.outputDir.logFiles.reduce((n, f) => n + f.rows, 0), 20 * USERS * 10);
  for (const read of [one, many]) {
    assert.equal(read.logs!.users.size, USERS);
    for (const logs of read.logs!.users.values()) assert.equal(logs.windowCount, 1);
  }
  assert.deepEqual([...many.logs!.users.get('勤怠7')!.windows.values()], [...one.logs!.users.get('勤怠7')!.windows.values()]);
});

test('retained heap after reading twenty files is that of reading one', () => {
  const script = fileURLToPath(new URL('./streaming-heap.js', import.meta.url));
  const heap = (folder: string): number => Number(execFileSync(process.execPath, ['--expose-gc', script, join(dir, folder)], { encoding: 'utf8' }).trim());
  const one = heap('one');
  const many = heap('many');
  // Twenty times the rows; a design that kept rows would retain megabytes more. Allow GC noise.
  assert.ok(many - one < 2_000_000, `one file kept ${one} bytes, twenty kept ${many}`);
});

// csv-parse counts a CRLF *inside* quotes as two lines (with `info: true` as with `parser.info`); a bare LF
// there, as Excel writes it within a cell, is counted right.
test('line numbers stay exact across quoted values that span lines', async () => {
  const folder = join(dir, 'multiline');
  await mkdir(folder);
  await writeFile(
    join(folder, 'events.csv'),
    iconv.encode('イベント日時,ログオンユーザ名,ログ種類,コンピュータ名\r\n2024/12/17 09:00,a,1,"PC\nA"\r\n\r\n2024/12/17 99:00,a,2,PC-A\r\n', 'cp932'),
  );
  await assert.rejects(readOutputDir({ logDir: folder, windowStartMinutes: 300 }), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.equal(err.problem.code, 'bad-datetime');
    assert.equal(err.problem.line, 5);
    return true;
  });
});

test('the mapping export saved into the log folder is not read as a log', async () => {
  const folder = join(dir, 'with-mapping');
  await mkdir(folder);
  await copyFile(join(dir, 'one', 'd17.csv'), join(folder, 'd17.csv'));
  await writeFile(join(folder, 'export.csv'), iconv.encode('連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント\r\nLanScope連携,"2","1",a,"勤怠1"\r\n', 'cp932'));
  const read = await readOutputDir({ logDir: folder, windowStartMinutes: 300, exclude: join(folder, 'export.csv') });
  assert.equal(read.outputDir.logFiles.length, 1);
  assert.deepEqual(read.outputDir.skipped.map((s) => [s.file, s.reason]), [[join(folder, 'export.csv'), 'mapping-export']]);
  // Not named by --mapping (or reached through another path): recognised by its header, and left out all the same.
  const byHeader = await readOutputDir({ logDir: folder, windowStartMinutes: 300 });
  assert.equal(byHeader.outputDir.logFiles.length, 1);
  assert.deepEqual(byHeader.outputDir.skipped.map((s) => [s.file, s.reason]), [[join(folder, 'export.csv'), 'mapping-export']]);
});

test('reading with a worker thread gives exactly what one thread gives', async () => {
  const folder = join(dir, 'threads');
  await mkdir(folder);
  for (let day = 16; day <= 19; day++) await writeFile(join(folder, `d${day}.csv`), iconv.encode(dayFile(day), 'cp932'));
  const fixtures = fileURLToPath(new URL('../../test/fixtures/logs', import.meta.url));
  for (const logDir of [folder, fixtures]) {
    const one = await readOutputDir({ logDir, windowStartMinutes: 300, threads: 1 });
    const two = await readOutputDir({ logDir, windowStartMinutes: 300, threads: 2 });
    assert.deepEqual(two.outputDir.logFiles, one.outputDir.logFiles);
    const summary = (read: typeof one) =>
      [...read.logs!.users.values()].map((u) => [u.user, u.rows, [...u.windows]]).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
    assert.deepEqual(summary(two), summary(one));
  }
});

test('a bad file read by a worker thread is still named with its line', async () => {
  const folder = join(dir, 'threads-bad');
  await mkdir(folder);
  await writeFile(join(folder, 'a.csv'), iconv.encode(dayFile(17), 'cp932'));
  await writeFile(join(folder, 'b.csv'), iconv.encode('イベント日時,ログオンユーザ名,ログ種類\r\n2024/12/17 09:00,a,1\r\n2024/12/17 9時,a,2\r\n', 'cp932'));
  await assert.rejects(readOutputDir({ logDir: folder, windowStartMinutes: 300, threads: 2 }), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.deepEqual([err.problem.code, err.problem.file, err.problem.line], ['bad-datetime', join(folder, 'b.csv'), 3]);
    return true;
  });
});
