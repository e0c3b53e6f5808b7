import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../source/core/input-problem.js';
import { LogAggregator } from '../source/core/log-aggregate.js';
import { acceptedLogHeaders, recogniseLogHeader } from '../source/core/log-headers.js';
import { LogFileReader } from '../source/core/log-reader.js';
import { formatWallClock } from '../source/core/wall-clock.js';
import { readOutputDir } from '../source/io/read-inputs.js';
import { fixture } from './helpers.js';

function feed(lines: string[][], start = 300) {
  const aggregator = new LogAggregator(start);
  const reader = new LogFileReader('test.csv', aggregator);
  lines.forEach((fields, i) => reader.record(fields, i + 1));
  return { aggregator, reader };
}

test('headers are recognised by name through the alias table, in either shape', () => {
  assert.equal(recogniseLogHeader(['イベント日時', 'ログオンユーザ名', 'ログ種類'])?.shape, 'events');
  assert.equal(recogniseLogHeader(['日時', 'イベント日時', 'ログオンユーザー名', 'ログ種類', 'エージェントNo'])?.columns.eventTime, 1);
  assert.equal(recogniseLogHeader(['ログオンユーザ名', '開始日時', '終了日時', '日付'])?.shape, 'summary');
  assert.equal(recogniseLogHeader(['\uFEFFログオンユーザ名', ' 開始日時 ', '終了日時'])?.shape, 'summary');
  assert.equal(recogniseLogHeader(['日付', '部署', '件数']), undefined);
  assert.deepEqual(acceptedLogHeaders(), ['イベント日時,ログオンユーザ名,ログ種類', 'ログオンユーザ名,開始日時,終了日時']);
});

test('events fold into first start and last end per LanScope window, whatever their order', () => {
  const { aggregator } = feed([
    ['イベント日時', 'ログオンユーザ名', 'ログ種類'],
    ['2024/12/17 18:00', 'a', '2'],
    ['2024/12/17 09:00', 'a', '1'],
    ['2024/12/17 12:00', 'a', '1'],
    ['2024/12/18 02:10', 'a', '2'],
    ['2024/12/18 06:00', 'a', '1'],
    ['2024/12/17 10:00', 'a', '7'],
  ]);
  const windows = [...aggregator.users.get('a')!.windows.values()];
  assert.equal(windows.length, 2);
  assert.equal(formatWallClock(windows[0]!.firstStart!), '2024-12-17T09:00:00');
  assert.equal(formatWallClock(windows[0]!.lastEnd!), '2024-12-18T02:10:00');
  assert.equal(formatWallClock(windows[1]!.firstStart!), '2024-12-18T06:00:00');
});

test('sqlcmd noise is skipped: dashes line, padded values, row-count footers; SYSTEM is never a user', () => {
  const { aggregator, reader } = feed([
    ['イベント日時', 'ログオンユーザ名', 'ログ種類'],
    ['-------------------', '----------', '-----'],
    ['2024/12/17 09:00:00', 'tarouk     ', '1'],
    ['2024/12/17 09:00:00', 'system', '1'],
    ['(1 rows affected)'],
    ['(1 行処理されました)'],
  ]);
  assert.deepEqual([...aggregator.users.keys()], ['tarouk']);
  assert.equal(reader.stats.rows, 1);
});

test('bad rows name the line, the field and the value', () => {
  const header = ['イベント日時', 'ログオンユーザ名', 'ログ種類'];
  const problem = (row: string[]) => {
    try {
      feed([header, row]);
    } catch (err) {
      assert.ok(err instanceof InputError);
      return err.problem;
    }
    assert.fail('expected an InputError');
  };
  assert.deepEqual(problem(['2024/13/01 09:00', 'a', '1']), { code: 'bad-datetime', kind: 'log', file: 'test.csv', line: 2, field: 'eventTime', value: '2024/13/01 09:00' });
  assert.equal(problem(['2024/12/01 09:00', 'a', 'ログオン']).code, 'bad-log-type');
  assert.equal(problem(['2024/12/01 09:00', 'a']).code, 'csv-fields');
  assert.equal(problem(['x', 'y', 'z']).line, 2);
});

test('a folder of real files: CP932 events from sqlcmd and a UTF-8 summary with 25:30', async () => {
  const { outputDir, logs } = await readOutputDir({ logDir: fixture('logs'), windowStartMinutes: 300 });
  assert.equal(outputDir.logFiles.length, 2);
  assert.deepEqual(outputDir.logFiles.map((f) => [f.shape, f.rows, f.hasPcColumn]), [['events', 14, true], ['summary', 2, true]]);
  assert.ok(logs);
  assert.deepEqual([...logs.users.keys()].sort(), ['ACME\\saburo', 'Jirou', 'hanakok', 'tarouk', '共用', '髙橋①']);
  const tarou = [...logs.users.get('tarouk')!.windows.values()];
  assert.equal(formatWallClock(tarou[1]!.lastEnd!), '2024-12-19T01:30:00');
  assert.deepEqual(logs.users.get('共用')!.windows.values().next().value!.pcs, ['PC-E', 'PC-F']);
});

test('unreadable log folders stop with the file named', async () => {
  for (const [folder, code, line] of [
    ['unknown-header', 'unknown-header', 1],
    ['bad-date', 'bad-datetime', 3],
    ['broken-quote', 'csv-quote-not-closed', 2],
  ] as const) {
    await assert.rejects(readOutputDir({ logDir: fixture('bad-logs', folder), windowStartMinutes: 300 }), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.equal(err.problem.code, code, folder);
      assert.match(err.problem.file!, new RegExp(`bad-logs/${folder}/`));
      if (line) assert.equal(err.problem.line, line, folder);
      return true;
    });
  }
});

test('UNC folders and Windows paths elsewhere are reported, not read', async () => {
  const unc = await readOutputDir({ confIni: fixture('conf', 'conf-unc.ini'), windowStartMinutes: 300 });
  assert.equal(unc.outputDir.network, true);
  assert.equal(unc.logs, undefined);
  const win = await readOutputDir({ confIni: fixture('conf', 'conf-yen-utf8.ini'), windowStartMinutes: 300, platform: 'linux' });
  assert.equal(win.outputDir.given, 'C:¥TEMP');
  assert.equal(win.outputDir.path, 'C:\\TEMP');
  assert.equal(win.outputDir.elsewhere, true);
  const dflt = await readOutputDir({ confIni: fixture('conf', 'conf-no-outputdir.ini'), windowStartMinutes: 300, platform: 'linux' });
  assert.equal(dflt.outputDir.path, 'C:\\TEMP');
});
