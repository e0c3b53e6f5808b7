// Issue 5, wizard: "the mapping table and the dry run with 20,000 employees render only the visible rows;
// moving a row or changing the filter takes ≤ 20 ms (measured in a benchmark that renders the step)".
//
// Builds the inputs of 20,000 employees in memory with the real engine (the same users and events as
// generate.mjs writes for 1,000,000 rows: LogAggregator fed 20,000 users × 5 days × 10 events, the
// mapping export parsed by parseMapping), renders the whole wizard at step 5 (mapping) and step 6 (dry
// run) with ink-testing-library exactly as the UI tests do (renderWizard of test/ui/helpers.tsx, 120×40),
// then times the initial render and key presses: from writing the key to stdin until lastFrame() differs.
//
//   node bench/wizard-render.mjs [--users 20000] [--days 5] [--presses 50] [--initial-runs 3] [--seed N]
//                                [--json] [--profile DIR] [--ink bundled|published]
//
// --profile DIR writes a CPU profile of the key presses of each step (inspector, not the data building or
// the initial render) and prints the functions with the most self time. --ink bundled (the default) renders
// the wizard bundled as it ships (scripts/bundle-harness.mjs: React's production build, Ink without its
// repeated work per frame); --ink published renders dist/'s modules with Ink as published, React's development
// build unless NODE_ENV=production is set (the table says which).
// Needs a build (dist/, test helpers included): `npm run build`. Prints a Markdown table on stdout (or,
// with --json, the figures as JSON for bench/run.mjs); progress goes to stderr.

import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_SEED, EVENTS_PER_DAY, dateText, makeUsers, mappingText, mulberry32, pcOf, userDayTimes, workingDays } from './generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (path) => pathToFileURL(join(root, 'dist', path)).href;

export const TARGET_MS = 20;
export const COLUMNS = 120;
export const ROWS = 40;

// ---------------------------------------------------------------- options

const USAGE = 'usage: node bench/wizard-render.mjs [--users 20000] [--days 5] [--presses 50] [--initial-runs 3] [--seed N] [--json] [--profile DIR] [--ink bundled|published]\n';

function parseArgs(argv) {
  const options = { users: 20_000, days: 5, presses: 50, initialRuns: 3, seed: DEFAULT_SEED, json: false, profile: undefined, ink: 'bundled' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i];
    if (flag === '--users') options.users = Number(value());
    else if (flag === '--days') options.days = Number(value());
    else if (flag === '--presses') options.presses = Number(value());
    else if (flag === '--initial-runs') options.initialRuns = Number(value());
    else if (flag === '--seed') options.seed = Number(value());
    else if (flag === '--json') options.json = true;
    else if (flag === '--profile') options.profile = value();
    else if (flag === '--ink') {
      options.ink = value();
      if (!['bundled', 'published'].includes(options.ink)) throw new Error(`--ink: bundled or published, not ${options.ink}`);
    }
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${argv[i]}\n${USAGE}`);
  }
  for (const key of ['users', 'days', 'presses', 'initialRuns']) {
    if (!(Number.isInteger(options[key]) && options[key] >= 1)) throw new Error(`--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} must be a whole number ≥ 1`);
  }
  return options;
}

// ---------------------------------------------------------------- data

/**
 * What steps 3 and 5 would have read (the `Loaded` of source/ui/state.ts), built in memory: the users and
 * events of generate.mjs (same PRNG sequence, so the same people as the CLI benchmark's CSVs) fed
 * straight into the engine's LogAggregator, and the mapping export's text through parseMapping.
 */
export async function buildInputs({ users: userCount, days: dayCount, seed }) {
  const { LogAggregator } = await import(dist('source/core/log-aggregate.js'));
  const { parseMapping } = await import(dist('source/core/mapping.js'));
  const { DEFAULT_SQL_START_MINUTES } = await import(dist('source/core/facts.js'));
  const random = mulberry32(seed);
  const users = makeUsers(userCount, random);
  const mappingFile = '/bench/mapping.csv';
  const mapping = parseMapping(mappingText(users), mappingFile);

  const windowStart = DEFAULT_SQL_START_MINUTES; // no SQL given: LanScope's default 05:00
  const aggregator = new LogAggregator(windowStart);
  const counters = { afterMidnight: 0 };
  const logDir = '/bench/logs';
  const logFiles = [];
  for (const dayMs of workingDays(dayCount)) {
    const midnight = dayMs / 1000; // WallSeconds of the day's 00:00
    let day;
    for (const user of users) {
      const times = userDayTimes(random, counters);
      for (let k = 0; k < EVENTS_PER_DAY; k++) day = aggregator.addEvent(user.name, midnight + times[k], k % 2 === 0 ? 'start' : 'end', pcOf(user, k));
    }
    const name = `kintai_${dateText(dayMs).replaceAll('/', '')}.csv`;
    logFiles.push({ file: `${logDir}/${name}`, shape: 'events', hasPcColumn: true, rows: users.length * EVENTS_PER_DAY, firstDay: day, lastDay: day });
  }
  const outputDir = { given: logDir, path: logDir, source: 'flag', network: false, elsewhere: false, exists: true, isDirectory: true, readable: true, csvCount: logFiles.length, logFiles };
  const loaded = {
    output: { input: logDir, windowStart, outputDir, logs: { windowStartMinutes: windowStart, users: aggregator.users, hasPcColumn: true } },
    mapping: { path: mappingFile, fact: { file: mappingFile, encoding: 'cp932', data: mapping } },
  };
  // KING OF TIME's default day change (00:00) against LanScope's 05:00, as in the demo: late log-offs land
  // on the wrong day, so the dry run has problem rows for its filter.
  const values = { outputInput: logDir, mappingPath: mappingFile, divisions: ['00:00'] };
  return {
    loaded,
    values,
    stats: {
      users: users.length,
      days: dayCount,
      events: users.length * dayCount * EVENTS_PER_DAY,
      mappingRows: mapping.rows.length,
      logUsers: aggregator.users.size,
      unmapped: users.filter((u) => u.unmapped).length,
      secondPc: users.filter((u) => u.pc2).length,
      afterMidnightUserDays: counters.afterMidnight,
    },
  };
}

// ---------------------------------------------------------------- the harness

/**
 * renderWizard (test/ui/helpers.tsx) and ink-testing-library's cleanup. `bundled`: built into one file
 * the way the wizard ships (scripts/bundle-harness.mjs: React's production build, Ink without its
 * repeated work per frame), so the figures are those of the Ink the admin runs;
 * `published`: the modules of dist/ with Ink as published, for comparison.
 */
export async function loadHarness(ink) {
  if (ink === 'published') {
    const { renderWizard } = await import(dist('test/ui/helpers.js'));
    const { cleanup } = await import('ink-testing-library');
    return { renderWizard, cleanup };
  }
  const { bundledHarness } = await import(pathToFileURL(join(root, 'scripts', 'bundle-harness.mjs')).href);
  return bundledHarness(root);
}

// ---------------------------------------------------------------- measuring

const turn = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Nearest rank: the p95 of 50 presses is the 48th fastest. */
export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Polls lastFrame() every turn of the event loop until `test(frame)` holds; resolves to the ms since `since`. */
async function until(h, test, since, timeoutMs) {
  for (;;) {
    const frame = h.lastFrame() ?? '';
    if (test(frame)) return performance.now() - since;
    if (performance.now() - since > timeoutMs) throw new Error(`no such frame after ${timeoutMs} ms; last frame:\n${frame}`);
    await turn();
  }
}

/** Waits until Ink has written no frame for `quietMs` (effects, a second pass); resolves to how many frames came meanwhile. */
async function settle(h, quietMs = 15) {
  const start = h.frames.length;
  let count = start;
  let quietSince = performance.now();
  for (;;) {
    await sleep(1);
    if (h.frames.length !== count) {
      count = h.frames.length;
      quietSince = performance.now();
    } else if (performance.now() - quietSince >= quietMs) return count - start;
  }
}

/**
 * One key press: written to stdin as a terminal sends it, then lastFrame() polled every turn of the event
 * loop until it differs from the frame before. `ms`: wall time to the changed frame; `cpuMs`: the process's
 * CPU time over the same span (less sensitive to a busy machine); `frames`: frames Ink wrote for the key
 * (more than one is a second render pass, e.g. an effect that sets state).
 */
async function press(h, key) {
  const before = h.lastFrame();
  const framesBefore = h.frames.length;
  const cpu = process.cpuUsage();
  const started = performance.now();
  h.stdin.write(key);
  const ms = await until(h, (frame) => frame !== before, started, 5_000);
  const used = process.cpuUsage(cpu);
  const frames = h.frames.length - framesBefore + (await settle(h));
  return { ms, cpuMs: (used.user + used.system) / 1000, frames };
}

/**
 * The list in a frame: the rows (lines matching `rowPattern`) between the column header and the "a–b / n"
 * line under it (the dry run shows the selected row's detail and blank lines there too).
 */
export function frameShape(frame, headerPattern, rowPattern) {
  const lines = frame.split('\n');
  const header = lines.findIndex((line) => headerPattern.test(line));
  const range = lines.findIndex((line, i) => i > header && /\d+–\d+ \/ \d+/.test(line));
  const m = range === -1 ? undefined : /(\d+)–(\d+) \/ (\d+)/.exec(lines[range]);
  return {
    lines: lines.length,
    tableRows: header === -1 || range === -1 ? NaN : lines.slice(header + 1, range).filter((line) => rowPattern.test(line)).length,
    range: m ? { from: Number(m[1]), to: Number(m[2]), total: Number(m[3]) } : undefined,
  };
}

/** Only the visible rows: the frame fits the terminal, and the rows drawn are exactly the window the "a–b / n" line names. */
function checkShape(step, when, shape) {
  const ok = shape.lines <= ROWS && shape.tableRows <= ROWS && shape.range !== undefined && shape.range.to - shape.range.from + 1 === shape.tableRows && shape.range.total > shape.tableRows;
  return { step, when, ok, ...shape };
}

const KEYS = {
  down: '\x1b[B',
  pageDown: '\x1b[6~',
  home: '\x1b[H',
};

const STEPS = [
  {
    step: 5,
    label: 'mapping',
    header: /Status\s+LanScope user/,
    row: /[›\s](near miss|unmapped|shared PC|unused|mapped|duplicate)\s/,
    measures: [
      { label: 'move a row (↓)', keys: [KEYS.down], rewind: KEYS.home },
      { label: 'page down (PgDn)', keys: [KEYS.pageDown], rewind: KEYS.home },
      // 0 all, 1 duplicate, 2 near miss, 3 unmapped, 4 shared PC, 5 unused, 6 mapped: each digit a new filter.
      { label: 'change the filter (0–6)', keys: ['3', '6', '2', '0', '4', '5', '1'], after: '0' },
    ],
  },
  {
    step: 6,
    label: 'dry run',
    header: /打刻先\s+姓・名\s+Day/,
    // The Day column then two spaces (the selected row's detail line has "12/02:").
    row: /\s\d\d\/\d\d\s{2}/,
    measures: [
      { label: 'move a row (↓)', keys: [KEYS.down], rewind: KEYS.home },
      { label: 'page down (PgDn)', keys: [KEYS.pageDown], rewind: KEYS.home },
      // p: only the problem rows (wrong day, dropped logs, duplicates) ↔ all rows.
      { label: 'change the filter (p)', keys: ['p'], after: undefined },
    ],
  },
];

/** The top self-time functions of a CPU profile, as `file:function` (file relative to the project). */
export function topSelfTime(profile, count = 15) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const { callFrame: cf } = nodes.get(profile.samples[i]);
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    const url = cf.url.startsWith('file:') ? relative(root, fileURLToPath(cf.url)) : cf.url;
    const key = `${url ? `${url}:${cf.lineNumber + 1}` : ''} ${cf.functionName || '(anonymous)'}`.trim();
    self.set(key, (self.get(key) ?? 0) + ms);
  }
  return { totalMs: total, top: [...self].sort((a, b) => b[1] - a[1]).slice(0, count).map(([where, ms]) => ({ where, ms, share: ms / total })) };
}

async function startProfiler() {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    return profile;
  };
}

/**
 * Renders step 5 and step 6 with `inputs` and measures them: `initialRuns` fresh renders each (the time
 * to the first frame with the list, and to the frame at 120×40: renderWizard renders at
 * ink-testing-library's 100 columns, then resizes), then `presses` presses of each key on the last one.
 */
export async function measureWizard({ inputs, presses = 50, initialRuns = 3, profileDir, ink = 'bundled', log = () => {} }) {
  const { renderWizard, cleanup } = await loadHarness(ink);
  const out = { initial: [], keys: [], checks: [], profiles: [] };

  for (const s of STEPS) {
    let h;
    const runs = [];
    for (let r = 0; r < initialRuns; r++) {
      if (h) {
        h.unmount();
        cleanup();
      }
      global.gc?.();
      const started = performance.now();
      h = renderWizard({ step: s.step, values: inputs.values, loaded: inputs.loaded, columns: COLUMNS, rows: ROWS });
      const firstMs = await until(h, (frame) => /\d+–\d+ \/ \d+/.test(frame), started, 120_000);
      // At the final size some line is wider than ink-testing-library's first 100 columns (the wizard's first
      // line is its title since the step list moved to a side column).
      const fullMs = await until(h, (frame) => frame.split('\n').some((line) => line.length > 100) && /\d+–\d+ \/ \d+/.test(frame), started, 120_000);
      await settle(h, 50);
      runs.push({ firstMs, fullMs });
      log(`  ${s.label}: initial render ${r + 1}/${initialRuns}: first frame with the list ${firstMs.toFixed(0)} ms, at ${COLUMNS}×${ROWS} ${fullMs.toFixed(0)} ms`);
    }
    const shape = frameShape(h.lastFrame() ?? '', s.header, s.row);
    out.initial.push({ step: s.label, runs, firstMs: median(runs.map((r) => r.firstMs)), fullMs: median(runs.map((r) => r.fullMs)), shape });
    out.checks.push(checkShape(s.label, 'after the initial render', shape));
    log(`  ${s.label}: frame ${shape.lines} lines, ${shape.tableRows} rows drawn, ${shape.range ? `${shape.range.from}–${shape.range.to} / ${shape.range.total}` : 'no "a–b / n" line'}`);

    const stopProfiler = profileDir ? await startProfiler() : undefined;
    for (const measure of s.measures) {
      const times = [];
      const cpu = [];
      let extraFrames = 0;
      for (let i = 0; i < presses; i++) {
        // ↓ and PgDn must move: near the end of the list, back to the top first (not timed).
        if (measure.rewind) {
          const range = frameShape(h.lastFrame() ?? '', s.header, s.row).range;
          if (range && range.to >= range.total - 1) await press(h, measure.rewind);
        }
        const r = await press(h, measure.keys[i % measure.keys.length]);
        times.push(r.ms);
        cpu.push(r.cpuMs);
        if (r.frames > 1) extraFrames++;
      }
      // Checked where the list is longer than the screen: after scrolling, or back on the whole list after filtering.
      if (measure.after) await press(h, measure.after);
      out.checks.push(checkShape(s.label, `after ${measure.label}`, frameShape(h.lastFrame() ?? '', s.header, s.row)));
      if (measure.rewind) await press(h, measure.rewind);
      const k = { step: s.label, measure: measure.label, presses, times, median: median(times), p95: percentile(times, 95), max: Math.max(...times), cpuMedian: median(cpu), extraFrames };
      out.keys.push(k);
      log(
        `  ${s.label} · ${measure.label}: median ${k.median.toFixed(2)} ms, p95 ${k.p95.toFixed(2)} ms, max ${k.max.toFixed(2)} ms (CPU median ${k.cpuMedian.toFixed(2)} ms)` +
          (extraFrames ? `; ${extraFrames} press(es) drew more than one frame` : ''),
      );
    }
    if (stopProfiler) {
      const profile = await stopProfiler();
      await mkdir(profileDir, { recursive: true });
      const file = join(profileDir, `wizard-${s.label.replace(/\s+/g, '-')}-keys.cpuprofile`);
      await writeFile(file, JSON.stringify(profile));
      const top = topSelfTime(profile);
      out.profiles.push({ step: s.label, file, ...top });
      log(`  ${s.label}: CPU profile of the key presses in ${file} (${top.totalMs.toFixed(0)} ms sampled); most self time:`);
      for (const t of top.top) log(`    ${t.ms.toFixed(0).padStart(6)} ms ${(t.share * 100).toFixed(1).padStart(5)} %  ${t.where}`);
    }
    h.unmount();
    cleanup();
  }
  // React's development build records a performance.measure per component render, never cleared.
  out.performanceEntries = performance.getEntriesByType('measure').length;
  return out;
}

// ---------------------------------------------------------------- formatting

const fmt = (ms) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
const mark = (ok) => (ok ? '✔' : '✖');

/** Rows for the Markdown table of run.mjs: [measure, median, p95, target, ✔/✖]. */
export function tableRows(result) {
  const rows = [];
  for (const i of result.initial) {
    rows.push([`${i.step} (step ${i.step === 'mapping' ? 5 : 6}): initial render, first frame with the list (at ${COLUMNS}×${ROWS}); median of ${i.runs.length}`, `${fmt(i.firstMs)} (${fmt(i.fullMs)})`, '', '—', '']);
  }
  for (const k of result.keys) {
    rows.push([`${k.step}: ${k.measure}, ${k.presses} presses`, fmt(k.median), fmt(k.p95), `≤ ${TARGET_MS}`, mark(k.p95 <= TARGET_MS)]);
  }
  const ok = result.checks.every((c) => c.ok);
  const drawn = Math.max(...result.checks.map((c) => (Number.isFinite(c.tableRows) ? c.tableRows : Infinity)));
  const totals = result.initial.map((i) => `${i.shape.range?.total.toLocaleString('en-US') ?? '?'} (${i.step})`).join(' / ');
  rows.push([`only the visible rows drawn: at most ${drawn} of ${totals} rows, frame ≤ ${ROWS} lines, after every measure`, '', '', `≤ ${ROWS} rows`, mark(ok)]);
  return rows;
}

export function reactBuild(nodeEnv = process.env.NODE_ENV) {
  return nodeEnv === 'production' ? 'React production build (NODE_ENV=production)' : `React development build (NODE_ENV ${nodeEnv === undefined ? 'unset' : `=${nodeEnv}`})`;
}

/** What was rendered: the wizard as it ships, or dist/'s modules with Ink as published (--ink). */
export function harnessName(ink, nodeEnv) {
  return ink === 'published' ? `dist/ modules, Ink as published, ${reactBuild(nodeEnv)}` : 'bundled as shipped (React production build, Ink without its repeated work per frame: scripts/esbuild-plugins.mjs)';
}

export function markdown(result) {
  const s = result.stats;
  const out = [];
  out.push(`Wizard with ${s.users.toLocaleString('en-US')} employees × ${s.days} days (${s.mappingRows.toLocaleString('en-US')} mapping rows, ${s.logUsers.toLocaleString('en-US')} LanScope users), rendered with ink-testing-library at ${COLUMNS}×${ROWS}; ${harnessName(result.ink, result.nodeEnv)}. ✔ when the p95 is within the target.`);
  out.push('');
  out.push('| wizard (render benchmark) | median ms | p95 ms | target ms | |');
  out.push('|---|---:|---:|---:|:---:|');
  for (const r of tableRows(result)) out.push(`| ${r.join(' | ')} |`);
  return out.join('\n');
}

// ---------------------------------------------------------------- main

export async function runWizardRender(options, log = () => {}) {
  if (!existsSync(join(root, 'dist', 'test', 'ui', 'helpers.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const started = performance.now();
  const inputs = await buildInputs(options);
  const s = inputs.stats;
  log(`  inputs: ${s.users} users × ${s.days} days × ${EVENTS_PER_DAY} events through LogAggregator (${s.logUsers} LanScope users), ${s.mappingRows} mapping rows through parseMapping, in ${((performance.now() - started) / 1000).toFixed(1)} s; ${harnessName(options.ink)}`);
  const measured = await measureWizard({ inputs, presses: options.presses, initialRuns: options.initialRuns, profileDir: options.profile, ink: options.ink, log });
  if (measured.performanceEntries) log(`  note: ${measured.performanceEntries.toLocaleString('en-US')} performance.measure entries buffered by React's development build (never cleared)`);
  return { stats: s, ink: options.ink, nodeEnv: process.env.NODE_ENV, ...measured };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const log = (s) => process.stderr.write(s + '\n');
  try {
    const options = parseArgs(process.argv.slice(2));
    const result = await runWizardRender(options, log);
    process.stdout.write((options.json ? JSON.stringify(result) : markdown(result)) + '\n');
  } catch (err) {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  }
}
