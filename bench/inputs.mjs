// The `inputs` section of `npm run bench` (issue 9): inputs that used to take time quadratic in their size.
// Each is measured at two sizes, 10× apart, in one run: a ratio near 10 is linear, near 100 quadratic.
//   - a log folder of many small CSVs (the thread split sorted with indexOf in its comparator: 10,000 files 17–34 s)
//   - a 勤怠簿出力.sql with many bounds (each bound's line counted from the start: 20,000 bounds 21–70 s)
//   - one user name of many KB in a log (URL-credential redaction tried every letter: 400 KB took 47 s)

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const HEADER = 'イベント日時,ログオンユーザ名,ログ種類';

async function smallCsvFolder(dir, files) {
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < files; i++) {
    const user = `user${i % 300}`;
    await writeFile(join(dir, `d${String(i).padStart(5, '0')}.csv`), `${HEADER}\r\n2024/12/17 09:00,${user},1\r\n2024/12/17 18:00,${user},2\r\n`);
  }
}

async function sqlWithBounds(file, bounds) {
  const lines = [];
  for (let i = 0; i < bounds; i++) lines.push(`and [日時] >= convert(varchar, @tmpDay, 111) + '05:00:00.000' -- bound ${i}`);
  await writeFile(file, lines.join('\r\n') + '\r\n');
}

async function longUserName(dir, kb) {
  await mkdir(dir, { recursive: true });
  // Dotted like a domain name: a word boundary before every letter, each once a candidate start of a URL scheme.
  await writeFile(join(dir, 'events.csv'), `${HEADER}\r\n2024/12/17 09:00,${'u.'.repeat(kb * 512)},1\r\n`);
  // A mapping without that user: the unmapped-users check names it in its line.
  await writeFile(join(dir, '..', `name-${kb}-mapping.csv`), '連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント\r\nLanScope連携,"2","1000",勤怠 太郎,"tarouk"\r\n');
}

export const INPUT_CASES = [
  { name: 'small CSVs', unit: 'files', sizes: [1_000, 10_000], make: (work, n) => smallCsvFolder(join(work, `small-${n}`), n), args: (work, n) => ['--log-dir', join(work, `small-${n}`)] },
  { name: 'SQL bounds', unit: 'bounds', sizes: [2_000, 20_000], make: (work, n) => sqlWithBounds(join(work, `bounds-${n}.sql`), n), args: (work, n) => ['--sql', join(work, `bounds-${n}.sql`)] },
  // Text output, where the name is clipped and redacted; a name of 40 KB and of 400 KB.
  { name: 'user name', unit: 'KB', sizes: [40, 400], make: (work, n) => longUserName(join(work, `name-${n}`), n), args: (work, n) => ['--log-dir', join(work, `name-${n}`), '--mapping', join(work, `name-${n}-mapping.csv`)], text: true },
];

/**
 * Times `doctor --offline` on each case and size (median of `runs`, each a separate process).
 * `runNode(args)` resolves to { ms, code, stderr } (bench/run.mjs).
 */
export async function measureInputs({ work, runs, cli, runNode, log }) {
  const rows = [];
  for (const c of INPUT_CASES) {
    const times = [];
    for (const n of c.sizes) {
      await c.make(work, n);
      const args = [cli, 'doctor', '--offline', ...(c.text ? [] : ['--json']), ...c.args(work, n)];
      const ms = [];
      for (let r = 0; r < runs; r++) {
        const run = await runNode(args);
        if (run.code !== 0 && run.code !== 1) throw new Error(`doctor on ${n} ${c.unit} exited ${run.code}:\n${run.stderr}`);
        ms.push(run.ms);
      }
      ms.sort((a, b) => a - b);
      const median = ms.length % 2 ? ms[ms.length >> 1] : (ms[ms.length / 2 - 1] + ms[ms.length / 2]) / 2;
      times.push(median);
      log(`  ${c.name}, ${n.toLocaleString('en-US')} ${c.unit}: ${ms.map((t) => t.toFixed(0)).join(' ')} ms`);
    }
    rows.push({ name: c.name, unit: c.unit, sizes: c.sizes, ms: times, ratio: times[1] / times[0] });
  }
  return rows;
}

/** Linear growth between two sizes 10× apart gives about 10 (less, with the fixed start-up cost); quadratic about 100. */
export const LINEAR_RATIO_MAX = 20;
