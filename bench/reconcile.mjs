// reconcile at scale (issue 13): 20,000 employees × 31 days of LanScope logs (2 events a day: 1,240,000 rows,
// 1,240,000 expected punches) against a loopback KING OF TIME Web API that answers the same month in the
// documented shape (about as many punches, with some differences and one day not sent). Times, in a child
// process: reading the inputs, fetching the punches, the comparison itself, writing JSON and CSV; and the
// child's peak RSS. Then the whole `lanscope-kot reconcile --json` process once, for the wall time.
//
//   node bench/reconcile.mjs [--users 20000] [--days 31] [--runs 3] [--keep]
//
// The server computes every punch from a hash of (user, day), as the log writer does: it holds no month in
// memory, so the child's figures are the tool's alone.

import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const TOKEN = 'bench-web-api-token-0000000000000';
const FIRST_DAY = Date.UTC(2024, 11, 1) / 86_400_000;

export function parseArgs(argv) {
  const o = { users: 20_000, days: 31, runs: 3, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => Number(inline ?? argv[++i]);
    if (flag === '--users') o.users = value();
    else if (flag === '--days') o.days = value();
    else if (flag === '--runs') o.runs = value();
    else if (flag === '--keep') o.keep = true;
    else throw new Error(`unknown option ${argv[i]} (--users N --days N --runs N --keep)`);
  }
  return o;
}

/** A stable number in [0, 1) for (user, day, salt): both the logs and the server derive every time from it. */
function unit(user, day, salt) {
  let h = Math.imul(user ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(day + 0x632be5ab, 0xc2b2ae35) ^ Math.imul(salt, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return ((h ^ (h >>> 15)) >>> 0) / 4294967296;
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
const code = (u) => pad(u + 1, 6);
const userName = (u) => `user${pad(u, 5)}`;
const dateOf = (day) => new Date(day * 86_400_000).toISOString().slice(0, 10);
/** Seconds after midnight of the day's first start and last end. */
const startOf = (u, day) => 8 * 3600 + Math.floor(unit(u, day, 1) * 7200);
const endOf = (u, day) => 17 * 3600 + Math.floor(unit(u, day, 2) * 10_800);
const clock = (seconds) => `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;

/** What KING OF TIME holds for one user-day: most as logged, some off by minutes, some missing, one day not sent. */
function heldPunches(u, day, notSentDay) {
  if (day === notSentDay) return [];
  const out = [];
  const start = u % 97 === 3 ? startOf(u, day) + 300 : startOf(u, day);
  out.push(['1', start]);
  if (!(u % 100 === 7 && day % 5 === 2)) out.push(['2', endOf(u, day)]);
  return out;
}

async function writeInputs(dir, users, days) {
  await mkdir(join(dir, 'logs'), { recursive: true });
  for (let d = 0; d < days; d++) {
    const day = FIRST_DAY + d;
    const date = dateOf(day).replaceAll('-', '/');
    const file = createWriteStream(join(dir, 'logs', `events-${dateOf(day)}.csv`));
    let chunk = 'イベント日時,ログオンユーザ名,ログ種類\r\n';
    for (let u = 0; u < users; u++) {
      chunk += `${date} ${clock(startOf(u, day))},${userName(u)},1\r\n${date} ${clock(endOf(u, day))},${userName(u)},2\r\n`;
      if (chunk.length > 1 << 16) {
        if (!file.write(chunk)) await new Promise((r) => file.once('drain', r));
        chunk = '';
      }
    }
    file.end(chunk);
    await new Promise((r) => file.on('finish', r));
  }
  let mapping = '連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント\r\n';
  for (let u = 0; u < users; u++) mapping += `LanScope連携,"2","${code(u)}",勤怠 ${u},"${userName(u)}"\r\n`;
  await writeFile(join(dir, 'mapping.csv'), mapping);
}

/** The Web API for the month: every answer built on request from the same hash. */
export function startServer(users, days) {
  const notSentDay = FIRST_DAY + 19;
  const division = { divisionCode: '1001', divisionName: '本社' };
  const employee = (u) => ({ ...division, gender: 'male', typeCode: '1', typeName: '正社員', code: code(u), key: `k${pad(u, 8)}`, lastName: '勤怠', firstName: String(u) });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const send = (body) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(body);
    };
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.writeHead(401);
      return res.end('{"errors":[{"message":"auth","code":100}]}');
    }
    if (url.pathname === '/v1.0/divisions') return send(JSON.stringify([{ code: '1001', name: '本社', dayBorderTime: '05:00' }]));
    if (url.pathname === '/v1.0/employees') return send(JSON.stringify(Array.from({ length: users }, (_, u) => employee(u))));
    if (url.pathname === '/v1.0/daily-workings/timerecord') {
      const from = Date.parse(`${url.searchParams.get('start')}T00:00:00Z`) / 86_400_000;
      const to = Date.parse(`${url.searchParams.get('end')}T00:00:00Z`) / 86_400_000;
      const parts = [];
      for (let day = from; day <= to; day++) {
        const date = dateOf(day);
        const workings = [];
        if (day >= FIRST_DAY && day < FIRST_DAY + days) {
          for (let u = 0; u < users; u++) {
            const held = heldPunches(u, day, notSentDay);
            if (held.length === 0) continue;
            workings.push(
              JSON.stringify({
                date,
                employeeKey: `k${pad(u, 8)}`,
                currentDateEmployee: { ...division, code: code(u), lastName: '勤怠', firstName: String(u) },
                timeRecord: held.map(([kind, seconds]) => ({ time: `${date}T${clock(seconds).slice(0, 5)}:00+09:00`, code: kind, name: kind === '1' ? '出勤' : '退勤', ...division, credentialCode: 300, credentialName: 'PCログイン連携' })),
              }),
            );
          }
        }
        parts.push(`{"date":"${date}","dailyWorkings":[${workings.join(',')}]}`);
      }
      return send(`[${parts.join(',')}]`);
    }
    res.writeHead(404);
    res.end('{"errors":[{"message":"not found","code":999}]}');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${server.address().port}/v1.0` })));
}

function runNode(args, env = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, ms: Number(process.hrtime.bigint() - started) / 1e6, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
  });
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Measures and returns Markdown lines; run.mjs prints them in its report. */
export async function measureReconcile(options, log = (t) => process.stderr.write(`${t}\n`)) {
  const dir = join(tmpdir(), `lanscope-kot-bench-reconcile-${options.users}x${options.days}`);
  if (!existsSync(join(dir, 'mapping.csv'))) {
    log(`reconcile: writing ${options.users} users × ${options.days} days of logs to ${dir}`);
    await writeInputs(dir, options.users, options.days);
  }
  const { server, base } = await startServer(options.users, options.days);
  const from = dateOf(FIRST_DAY);
  const to = dateOf(FIRST_DAY + options.days - 1);
  const inputs = ['--log-dir', join(dir, 'logs'), '--mapping', join(dir, 'mapping.csv'), '--kot-api-base', base, '--from', from, '--to', to];
  try {
    const runs = [];
    for (let i = 0; i < options.runs; i++) {
      log(`reconcile: phases, run ${i + 1} of ${options.runs}`);
      const r = await runNode([join(root, 'bench', 'reconcile-child.mjs'), ...inputs, '--csv', join(dir, 'findings.csv')], { KOT_API_TOKEN: TOKEN });
      if (r.code !== 0) throw new Error(`reconcile child failed (${r.code}): ${r.stderr}`);
      runs.push(JSON.parse(r.stdout));
    }
    log('reconcile: the whole command once');
    const whole = await runNode([join(root, 'bin', 'lanscope-kot.js'), 'reconcile', ...inputs, '--json'], { KOT_API_TOKEN: TOKEN });
    const pick = (k) => median(runs.map((r) => r[k]));
    const s = runs[0].summary;
    const n = (x) => x.toLocaleString('en-US');
    const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
    return [
      `| reconcile: ${n(options.users)} employees × ${options.days} days | median of ${options.runs} |`,
      '|---|---:|',
      `| read logs and mapping (${n(runs[0].rows)} rows), /divisions, /employees | ${sec(pick('readMs'))} |`,
      `| fetch ${n(runs[0].fetched)} punches (${runs[0].requests} requests, loopback) | ${sec(pick('fetchMs'))} |`,
      `| compare ${n(s.expected)} employee-days (${n(runs[0].expectedPunches)} expected punches) | **${sec(pick('compareMs'))}** |`,
      `| JSON (${n(runs[0].jsonMB)} MB) and CSV of ${n(s.findings)} findings | ${sec(pick('outputMs'))} |`,
      `| peak RSS of the process | ${n(Math.round(pick('maxRssKB') / 1024))} MB |`,
      `| whole \`lanscope-kot reconcile --json\` process | ${whole.code === 1 ? sec(whole.ms) : `exit ${whole.code}: ${whole.stderr.trim().slice(0, 120)}`} |`,
      '',
      `Findings: ${Object.entries(s.byKind).map(([k, v]) => `${k} ${n(v)}`).join(', ')}; ${s.daysNotSent} day not sent.`,
    ];
  } finally {
    server.closeAllConnections();
    server.close();
    if (!options.keep) await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lines = await measureReconcile(parseArgs(process.argv.slice(2)));
  process.stdout.write(lines.join('\n') + '\n');
}
