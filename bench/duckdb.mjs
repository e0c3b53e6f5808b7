// A peer of `npm run bench` (issue 14), when `@duckdb/node-api` is installed (an optional peer, never a
// dependency: `npm i --no-save @duckdb/node-api`). DuckDB has no CP932, so each CSV of the folder is first
// decoded (Node's TextDecoder('shift_jis')) into a UTF-8 copy in a temp folder; then, on one thread
// (`threads = 1`), one query computes the first start and last end per user and LanScope day (05:00).
// Both steps are timed, the copies removed. Prints {"files","records","userDays","decodeMs","queryMs"}, or
// {"skipped": "…"} when the package is missing.
//
//   node bench/duckdb.mjs DIR

import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node bench/duckdb.mjs DIR\n');
  process.exit(2);
}
let duckdb;
try {
  duckdb = await import('@duckdb/node-api');
} catch {
  process.stdout.write(JSON.stringify({ skipped: '@duckdb/node-api is not installed (npm i --no-save @duckdb/node-api)' }) + '\n');
  process.exit(0);
}

const files = (await readdir(dir)).filter((name) => /\.csv$/i.test(name)).sort();
const copies = await mkdtemp(join(tmpdir(), 'lanscope-kot-bench-duckdb-'));
try {
  const started = performance.now();
  const buffer = Buffer.allocUnsafe(1 << 20);
  for (const name of files) {
    const input = openSync(join(dir, name), 'r');
    const output = openSync(join(copies, name), 'w');
    const decoder = new TextDecoder('shift_jis');
    for (;;) {
      const n = readSync(input, buffer, 0, buffer.length, null);
      writeSync(output, decoder.decode(buffer.subarray(0, n), { stream: n > 0 }));
      if (n === 0) break;
    }
    closeSync(input);
    closeSync(output);
  }
  const decoded = performance.now();
  const instance = await duckdb.DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  const result = await connection.runAndReadAll(`
    SELECT count(*)::BIGINT AS user_days, sum(n)::BIGINT AS records FROM (
      SELECT "ログオンユーザ名" AS u,
             floor((epoch(t) - ${5 * 3600}) / 86400) AS d,
             min(t) FILTER (WHERE "ログ種類" = '1') AS first_start,
             max(t) FILTER (WHERE "ログ種類" = '2') AS last_end,
             count(*) AS n
      FROM (SELECT *, strptime("イベント日時", '%Y/%m/%d %H:%M:%S') AS t
            FROM read_csv('${join(copies, '*.csv').replaceAll("'", "''")}', header = true, all_varchar = true))
      GROUP BY u, d)`);
  const [userDays, records] = result.getRows()[0].map(Number);
  const done = performance.now();
  process.stdout.write(JSON.stringify({ files: files.length, records, userDays, decodeMs: Math.round(decoded - started), queryMs: Math.round(done - decoded) }) + '\n');
} finally {
  await rm(copies, { recursive: true, force: true });
}
