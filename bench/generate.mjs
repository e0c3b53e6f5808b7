// Deterministic benchmark data for `npm run bench`: LanScope event CSVs and a PC ログイン連携 mapping
// export, both in CP932, written as streams in chunks (the generator itself stays far below 200 MB).
//
//   node bench/generate.mjs [--size 1000000] [--seed 20241217] [--dir PATH]
//
// Layout of the folder (default os.tmpdir()/lanscope-kot-bench-<size>):
//   logs/kintai_YYYYMMDD.csv   one file per LanScope day (05:00 → 05:00), events sorted by time
//   mapping.csv                one row per employee
//   manifest.json              parameters and file sizes; the folder is reused when they match
// The mapping lives outside logs/ because doctor reads every *.csv of --log-dir as a LanScope log.

import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20241217;
export const EVENTS_PER_DAY = 10;
const MAX_USERS = 20_000;
const FIRST_DAY = Date.UTC(2024, 11, 2); // Monday 2024-12-02; working days only (a month crosses the year end)

const LOG_HEADER = 'イベント日時,ログオンユーザ名,ログ種類,コンピュータ名';
const MAPPING_HEADER = '連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント';
// 髙 (IBM extension) and 﨑 (NEC-selected IBM extension) only exist in CP932, not in plain Shift_JIS.
const FAMILY = ['勤怠', '髙橋', '佐藤', '鈴木', '渡邊', '齋藤', '山﨑', '伊藤', '田中', '小林'];
const GIVEN = ['太郎', '花子', '一郎', '美咲', '健太', '由美', '翔太', '陽子', '大輔', '直子'];

/** Users × days for a row count: 20,000 users (fewer for small sizes) × as many working days as needed × 10 events. */
export function shapeFor(size) {
  const users = Math.min(MAX_USERS, Math.floor(size / (5 * EVENTS_PER_DAY)));
  const days = size / (users * EVENTS_PER_DAY);
  if (users < 1 || !Number.isInteger(days)) {
    throw new Error(`--sizes: ${size} rows is not users × days × ${EVENTS_PER_DAY} (use a multiple of ${5 * EVENTS_PER_DAY} up to 1,000,000, then of ${MAX_USERS * EVENTS_PER_DAY})`);
  }
  return { users, days, eventsPerDay: EVENTS_PER_DAY };
}

export function defaultDir(size) {
  return join(tmpdir(), `lanscope-kot-bench-${size}`);
}

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, width) => String(n).padStart(width, '0');
const TWO = Array.from({ length: 60 }, (_, i) => pad(i, 2));

export function workingDays(count) {
  const days = [];
  for (let t = FIRST_DAY; days.length < count; t += 86_400_000) {
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(t);
  }
  return days;
}

export function dateText(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${TWO[d.getUTCMonth() + 1]}/${TWO[d.getUTCDate()]}`;
}

/** Writes strings through CP932 in chunks, honouring back-pressure: never one big string or buffer. */
class Cp932Writer {
  constructor(path) {
    this.out = createWriteStream(path);
    this.parts = [];
    this.length = 0;
    this.bytes = 0;
  }
  async line(text) {
    this.parts.push(text, '\r\n');
    this.length += text.length + 2;
    if (this.length >= 256 * 1024) await this.flush();
  }
  async flush() {
    if (this.parts.length === 0) return;
    const buffer = iconv.encode(this.parts.join(''), 'cp932');
    this.parts = [];
    this.length = 0;
    this.bytes += buffer.length;
    if (!this.out.write(buffer)) await once(this.out, 'drain');
  }
  async close() {
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
    return this.bytes;
  }
}

export function makeUsers(count, random) {
  const width = Math.max(4, String(count - 1).length);
  const users = [];
  for (let i = 0; i < count; i++) {
    const family = FAMILY[Math.floor(random() * FAMILY.length)];
    const given = GIVEN[Math.floor(random() * GIVEN.length)];
    const japanese = random() < 0.1; // e.g. 勤怠太郎0001: multi-byte CP932 in the user column
    const name = japanese ? `${family}${given}${pad(i, width)}` : `user${pad(i, Math.max(5, width))}`;
    const secondPc = random() < 0.02;
    const u = random();
    // ~3% unmapped: half still have the default service account (= employee code), half a near-miss.
    const unmapped = u < 0.015 ? 'default' : u < 0.03 ? 'near-miss' : undefined;
    users.push({ name, family, given, pc: `PC-${pad(i, 5)}`, pc2: secondPc ? `NB-${pad(i, 5)}` : undefined, unmapped });
  }
  return users;
}

function nearMiss(name, i) {
  if (i % 3 === 0) return `CORP\\${name}`; // domain prefix
  if (/^user/.test(name)) return `User${name.slice(4)}`; // case only
  return ` ${name}`; // a leading space
}

/** The mapping export's line for the i-th user (0-based), without the line break. */
export function mappingLine(user, i) {
  const employee = pad(i + 1, 6);
  const account = user.unmapped === 'default' ? employee : user.unmapped === 'near-miss' ? nearMiss(user.name, i) : user.name;
  return `LanScope連携,"2","${employee}",${user.family} ${user.given},"${account}"`;
}

/** The whole mapping export as one string (CRLF, header first), for in-memory use (bench/wizard-render.mjs). */
export function mappingText(users) {
  return [MAPPING_HEADER, ...users.map(mappingLine)].join('\r\n') + '\r\n';
}

async function writeMapping(path, users) {
  const out = new Cp932Writer(path);
  await out.line(MAPPING_HEADER);
  for (let i = 0; i < users.length; i++) await out.line(mappingLine(users[i], i));
  return out.close();
}

/**
 * One user's 10 event times of one day, in seconds after the day's midnight (≥ 86,400: after midnight),
 * ascending and distinct; even indexes are starts (1), odd ones ends (2). Shared by writeDay and the
 * in-memory data of bench/wizard-render.mjs, so both draw the same random sequence.
 */
export function userDayTimes(random, counters) {
  const first = 8 * 3600 + Math.floor(random() * 2 * 3600);
  const late = random() < 0.005;
  const last = late ? 24 * 3600 + Math.floor(random() * 4.5 * 3600) : 17 * 3600 + Math.floor(random() * 3 * 3600);
  if (late) counters.afterMidnight++;
  const times = [first, last];
  const busyUntil = Math.min(last, 20 * 3600); // a late day still works in office hours, then logs off after midnight
  for (let k = 0; k < EVENTS_PER_DAY - 2; k++) times.push(first + 1 + Math.floor(random() * (busyUntil - first - 1)));
  times.sort((a, b) => a - b);
  for (let k = 1; k < times.length; k++) if (times[k] <= times[k - 1]) times[k] = times[k - 1] + 1;
  return times;
}

/** The computer of a user's k-th event of a day: the middle start/end pair on the second PC, if any. */
export function pcOf(user, k) {
  return user.pc2 !== undefined && (k === 4 || k === 5) ? user.pc2 : user.pc;
}

/**
 * One LanScope day: every user's 10 events (start/end alternating) between about 08:00 and 20:00; about
 * 0.5% of user-days end after midnight (before 05:00, so still in the same LanScope day and file).
 * Users with a second PC do their middle start/end pair on it. Rows are sorted by time, as a log is.
 */
async function writeDay(path, dayMs, users, random, counters) {
  const n = users.length * EVENTS_PER_DAY;
  const keys = new Float64Array(n);
  const SLOT = 2 ** 21; // event id (user * 10 + k) < 2^21; seconds (< 30 h) in the upper bits
  for (let i = 0; i < users.length; i++) {
    const times = userDayTimes(random, counters);
    for (let k = 0; k < EVENTS_PER_DAY; k++) keys[i * EVENTS_PER_DAY + k] = times[k] * SLOT + i * EVENTS_PER_DAY + k;
  }
  keys.sort();
  const today = dateText(dayMs);
  const tomorrow = dateText(dayMs + 86_400_000);
  const out = new Cp932Writer(path);
  await out.line(LOG_HEADER);
  for (let j = 0; j < n; j++) {
    const key = keys[j];
    const id = key % SLOT;
    let seconds = (key - id) / SLOT;
    const user = users[Math.floor(id / EVENTS_PER_DAY)];
    const k = id % EVENTS_PER_DAY;
    const date = seconds >= 86_400 ? tomorrow : today;
    if (seconds >= 86_400) seconds -= 86_400;
    const time = `${TWO[Math.floor(seconds / 3600)]}:${TWO[Math.floor(seconds / 60) % 60]}:${TWO[seconds % 60]}`;
    const pc = pcOf(user, k);
    await out.line(`${date} ${time},${user.name},${k % 2 === 0 ? 1 : 2},${pc}`);
  }
  return out.close();
}

async function readManifest(dir) {
  try {
    return JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

async function filesIntact(dir, manifest) {
  try {
    for (const f of [...manifest.files, manifest.mapping]) {
      if ((await stat(join(dir, f.path))).size !== f.bytes) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure `dir` holds the data for `size` rows; reuses it when manifest.json has the same parameters
 * and every file has its recorded size. Returns the manifest plus `dir`, `logDir`, `mappingFile` and `reused`.
 */
export async function ensureData({ size, seed = DEFAULT_SEED, dir = defaultDir(size), log = () => {} }) {
  const shape = shapeFor(size);
  const params = { generator: GENERATOR_VERSION, seed, rows: size, ...shape };
  const existing = await readManifest(dir);
  const paths = { dir, logDir: join(dir, 'logs'), mappingFile: join(dir, 'mapping.csv') };
  if (existing && JSON.stringify(existing.params) === JSON.stringify(params) && (await filesIntact(dir, existing))) {
    return { ...existing, ...paths, reused: true };
  }
  const started = performance.now();
  await rm(dir, { recursive: true, force: true });
  await mkdir(paths.logDir, { recursive: true });
  const random = mulberry32(seed);
  const users = makeUsers(shape.users, random);
  const mappingBytes = await writeMapping(paths.mappingFile, users);
  const counters = { afterMidnight: 0 };
  const files = [];
  for (const dayMs of workingDays(shape.days)) {
    const name = `kintai_${dateText(dayMs).replaceAll('/', '')}.csv`;
    const bytes = await writeDay(join(paths.logDir, name), dayMs, users, random, counters);
    files.push({ path: `logs/${name}`, bytes, rows: shape.users * EVENTS_PER_DAY });
    log(`  generated ${name} (${files.length}/${shape.days}, ${(bytes / 1e6).toFixed(1)} MB)`);
  }
  const manifest = {
    params,
    files,
    mapping: { path: 'mapping.csv', bytes: mappingBytes, rows: users.length },
    stats: {
      japaneseNames: users.filter((u) => !u.name.startsWith('user')).length,
      secondPc: users.filter((u) => u.pc2).length,
      unmappedDefault: users.filter((u) => u.unmapped === 'default').length,
      unmappedNearMiss: users.filter((u) => u.unmapped === 'near-miss').length,
      afterMidnightUserDays: counters.afterMidnight,
      logBytes: files.reduce((sum, f) => sum + f.bytes, 0),
    },
    generatedSeconds: Math.round((performance.now() - started) / 10) / 100,
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { ...manifest, ...paths, reused: false };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i === -1 ? fallback : process.argv[i + 1];
  };
  const size = Number(arg('--size', '1000000'));
  const result = await ensureData({ size, seed: Number(arg('--seed', DEFAULT_SEED)), dir: arg('--dir', undefined), log: (s) => process.stderr.write(s + '\n') });
  process.stdout.write(JSON.stringify({ dir: result.dir, reused: result.reused, params: result.params, stats: result.stats, generatedSeconds: result.generatedSeconds }, null, 2) + '\n');
}
