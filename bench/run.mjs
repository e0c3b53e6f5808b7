// `npm run bench` (issue 5): generates LanScope CSVs + a mapping export in a temp folder, then times, each in
// its own child process and several runs (median): (a) a bare csv-parse pass over the CSVs, (b) the whole
// `lanscope-kot doctor --offline --json` process with its peak RSS, (c) start-up of --version and
// doctor --help against `node -e 0`, (d) the wizard: its first frame in a pseudo-terminal (tmux, see
// wizard-startup.mjs) and, with 20,000 employees, the initial render and key presses of the mapping and
// dry-run steps (wizard-render.mjs), (f) inputs that used to be quadratic, at two sizes 10× apart (inputs.mjs).
// Prints a Markdown table on stdout; progress goes to stderr.
//
//   node bench/run.mjs [--only doctor,startup,wizard,reconcile,inputs] [--sizes 1000000,5000000] [--runs 3] [--startup-runs 10]
//                      [--wizard-runs 7] [--presses 50] [--wizard-users 20000] [--seed N] [--keep]
//
// Needs a build (dist/): `npm run bench` builds first. Writes nothing into the repository.

import { spawn } from 'node:child_process';
import { createReadStream, existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, platform, arch, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, defaultDir, ensureData, shapeFor } from './generate.mjs';
import { LINEAR_RATIO_MAX, measureInputs } from './inputs.mjs';
import { measureWizardStartup, TARGET_FIRST_FRAME_RATIO } from './wizard-startup.mjs';
import { harnessName, tableRows as wizardRenderRows } from './wizard-render.mjs';
import { measureReconcile } from './reconcile.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'bin', 'lanscope-kot.js');
const bare = join(root, 'bench', 'bare-parse.mjs');
const floor = join(root, 'bench', 'floor.mjs');
const duckdb = join(root, 'bench', 'duckdb.mjs');
const wizardRender = join(root, 'bench', 'wizard-render.mjs');
const SECTIONS = ['doctor', 'startup', 'wizard', 'reconcile', 'inputs'];
const USAGE =
  'usage: node bench/run.mjs [--only doctor,startup,wizard,reconcile,inputs] [--sizes 1000000,5000000] [--runs 3] [--startup-runs 10]\n' +
  '                          [--wizard-runs 7] [--presses 50] [--wizard-users 20000] [--seed N] [--data-dir DIR] [--keep]\n';

const TARGET = {
  /** doctor / bare csv-parse, in wall and in CPU time (issue 14). */
  bare: 0.6,
  /** doctor / the decode + split floor. */
  floor: 1.5,
  rssMB: (rows) => (rows <= 1_000_000 ? 300 : 400),
  startup: 2,
};

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const options = {
    only: new Set(SECTIONS),
    sizes: [1_000_000, 5_000_000],
    runs: 3,
    startupRuns: 10,
    wizardRuns: 7,
    presses: 50,
    wizardUsers: 20_000,
    seed: DEFAULT_SEED,
    dataDir: undefined,
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i];
    if (flag === '--only') {
      options.only = new Set(value().split(',').map((s) => s.trim()).filter(Boolean));
      for (const section of options.only) if (!SECTIONS.includes(section)) throw new Error(`--only: unknown section ${section} (${SECTIONS.join(', ')})`);
    } else if (flag === '--sizes') options.sizes = value().split(',').map((s) => Number(s.replace(/[_\s]/g, '')));
    else if (flag === '--runs') options.runs = Number(value());
    else if (flag === '--startup-runs') options.startupRuns = Number(value());
    else if (flag === '--wizard-runs') options.wizardRuns = Number(value());
    else if (flag === '--presses') options.presses = Number(value());
    else if (flag === '--wizard-users') options.wizardUsers = Number(value());
    else if (flag === '--seed') options.seed = Number(value());
    else if (flag === '--data-dir') options.dataDir = value();
    else if (flag === '--keep') options.keep = true;
    else if (flag === '--help' || flag === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${argv[i]}\n${USAGE}`);
  }
  for (const size of options.sizes) shapeFor(size); // throws a clear message for an impossible size
  if (!(options.runs >= 1) || !(options.startupRuns >= 1)) throw new Error('--runs and --startup-runs must be ≥ 1');
  for (const [flag, n] of [['--wizard-runs', options.wizardRuns], ['--presses', options.presses], ['--wizard-users', options.wizardUsers]]) {
    if (!(Number.isInteger(n) && n >= 1)) throw new Error(`${flag} must be a whole number ≥ 1`);
  }
  if (options.only.size === 0) throw new Error(`--only: name one or more of ${SECTIONS.join(', ')}`);
  return options;
}

// ---------------------------------------------------------------- measuring

const log = (text) => process.stderr.write(text + '\n');
const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Runs `node ...args` and resolves to { ms, code, stdout, stderr, maxRssKB, cpuMs }. The peak RSS and the CPU
 * time (user + system, every thread of the process) come from a `--require` preload that writes
 * process.resourceUsage() at exit: no external tool.
 */
function runNode(args, { stdoutFile, rss, env: extraEnv = {} } = {}) {
  return new Promise((resolve, reject) => {
    const rssFile = rss ? `${rss.prefix}-${process.hrtime.bigint()}.txt` : undefined;
    const nodeArgs = rss ? ['--require', rss.preload, ...args] : args;
    const out = stdoutFile ? openSync(stdoutFile, 'w') : 'pipe';
    const env = { ...process.env, ...extraEnv, ...(rssFile ? { LANSCOPE_KOT_BENCH_RSS_FILE: rssFile } : {}) };
    delete env.FORCE_COLOR;
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, nodeArgs, { cwd: root, env, stdio: ['ignore', out, 'pipe'] });
    let ms;
    const stdout = [];
    const stderr = [];
    child.stdout?.on('data', (d) => stdout.push(d));
    child.stderr.on('data', (d) => stderr.push(d));
    child.on('exit', () => {
      ms = Number(process.hrtime.bigint() - started) / 1e6;
    });
    child.on('error', reject);
    child.on('close', async (code, signal) => {
      if (typeof out === 'number') closeSync(out);
      let usage;
      if (rssFile) {
        try {
          usage = JSON.parse(await readFile(rssFile, 'utf8'));
          await rm(rssFile, { force: true });
        } catch {
          usage = undefined;
        }
      }
      resolve({
        ms,
        code: code ?? signal,
        stdout: Buffer.concat(stdout).toString(),
        stderr: Buffer.concat(stderr).toString(),
        maxRssKB: usage?.maxRSS,
        cpuMs: usage === undefined ? undefined : (usage.userCPUTime + usage.systemCPUTime) / 1000,
      });
    });
  });
}

/** Whether two files hold the same bytes (read in chunks: a report of 10M rows is hundreds of MB). */
async function sameFile(a, b) {
  if ((await stat(a)).size !== (await stat(b)).size) return false;
  const [fa, fb] = [await open(a), await open(b)];
  try {
    const [ba, bb] = [Buffer.alloc(1 << 20), Buffer.alloc(1 << 20)];
    for (let pos = 0; ; pos += ba.length) {
      const [ra, rb] = [await fa.read(ba, 0, ba.length, pos), await fb.read(bb, 0, bb.length, pos)];
      if (ra.bytesRead !== rb.bytesRead || !ba.subarray(0, ra.bytesRead).equals(bb.subarray(0, rb.bytesRead))) return false;
      if (ra.bytesRead === 0) return true;
    }
  } finally {
    await fa.close();
    await fb.close();
  }
}

async function warmPageCache(files) {
  for (const file of files) {
    await new Promise((resolve, reject) => createReadStream(file, { highWaterMark: 1 << 20 }).on('data', () => {}).on('end', resolve).on('error', reject));
  }
}

/** Reads the doctor's JSON report without holding it: summary from the head, punches counted line by line. */
async function inspectReport(file) {
  const bytes = (await stat(file)).size;
  let summary;
  let punches = 0;
  let inPunches = false;
  let head = '';
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (summary === undefined) {
      head += line + '\n';
      const m = /"summary":\s*(\{[^}]*\})/.exec(head);
      if (m) summary = JSON.parse(m[1]);
    }
    if (inPunches) {
      if (line.startsWith('    {')) punches++;
    } else if (line.startsWith('  "punches": [')) inPunches = true;
  }
  return { bytes, summary, punches };
}

/**
 * bench/wizard-render.mjs in its own process (a fresh heap and JIT, React loaded as the wizard loads it),
 * its progress passed through to stderr; resolves to its --json result.
 */
function runWizardRender({ presses, users, seed }) {
  return new Promise((resolve, reject) => {
    // The shipped wizard runs React's production build (setup.ts sets NODE_ENV unless it is set).
    const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' };
    delete env.FORCE_COLOR;
    const args = [wizardRender, '--json', '--presses', String(presses), '--users', String(users), '--seed', String(seed)];
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    const stdout = [];
    child.stdout.on('data', (d) => stdout.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`wizard-render.mjs exited ${code}`));
      try {
        resolve(JSON.parse(Buffer.concat(stdout).toString()));
      } catch (err) {
        reject(err);
      }
    });
  });
}

// ---------------------------------------------------------------- formatting

const fmtInt = (n) => Math.round(n).toLocaleString('en-US');
const fmtS = (ms) => `${(ms / 1000).toFixed(2)} s`;
const fmtMB = (kb) => (kb === undefined ? 'n/a' : `${((kb * 1024) / 1e6).toFixed(0)} MB`);
const fmtRun = (run) => `${fmtS(run.ms)} (CPU ${fmtS(run.cpuMs)}, ${fmtMB(run.maxRssKB)})`;
const mark = (ok) => (ok ? '✔' : '✖');

// ---------------------------------------------------------------- main

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(join(root, 'dist', 'source', 'cli.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)');
  }
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const benchStarted = performance.now();
  const work = await mkdtemp(join(tmpdir(), 'lanscope-kot-bench-run-'));
  const preload = join(work, 'maxrss.cjs');
  await writeFile(
    preload,
    "process.on('exit', () => { require('node:fs').writeFileSync(process.env.LANSCOPE_KOT_BENCH_RSS_FILE, JSON.stringify(process.resourceUsage())); });\n",
  );
  const rss = { preload, prefix: join(work, 'rss') };
  const results = [];
  const problems = [];
  try {
    const dataDir = (size) => (options.dataDir ? join(options.dataDir, `lanscope-kot-bench-${size}`) : defaultDir(size));
    for (const size of options.only.has('doctor') ? options.sizes : []) {
      const sizeStarted = performance.now();
      log(`\n# ${fmtInt(size)} rows`);
      const data = await ensureData({ size, seed: options.seed, dir: dataDir(size), log });
      const generation = data.reused ? `reused (generated in ${data.generatedSeconds} s)` : `generated in ${data.generatedSeconds} s`;
      log(`  data in ${data.dir}: ${data.params.users} users × ${data.params.days} days × ${data.params.eventsPerDay} events, ${(data.stats.logBytes / 1e6).toFixed(0)} MB of CSV, ${generation}`);
      const logFiles = data.files.map((f) => join(data.dir, f.path));
      await warmPageCache([...logFiles, data.mappingFile]);

      const reportFile = join(work, `doctor-${size}.json`);
      const doctorArgs = [cli, 'doctor', '--offline', '--json', '--log-dir', data.logDir, '--mapping', data.mappingFile, '--day-change', '05:00'];
      // The same report from the careful reader (csv-parse for every file), once: the plain reader must not change a byte.
      const carefulFile = join(work, `doctor-${size}-careful.json`);
      const careful = await runNode(doctorArgs, { rss, stdoutFile: carefulFile, env: { LANSCOPE_KOT_READER: 'careful' } });
      if (careful.code !== 0 && careful.code !== 1) throw new Error(`doctor (careful reader) exited ${careful.code}:\n${careful.stderr}`);
      log(`  careful reader: ${fmtRun(careful)} exit ${careful.code}`);
      const peers = { bare: [], floor: [], duckdb: [], doctor: [] };
      let duckdbSkipped;
      for (let r = 1; r <= options.runs; r++) {
        // Interleaved, so a slow spell of the machine hits every side.
        const a = await runNode([bare, data.logDir], { rss });
        const records = a.code === 0 ? JSON.parse(a.stdout).records : undefined;
        if (a.code !== 0 || records !== size) throw new Error(`bare csv-parse run failed (exit ${a.code}, ${records} records):\n${a.stderr}`);
        peers.bare.push(a);
        const f = await runNode([floor, data.logDir], { rss });
        if (f.code !== 0 || JSON.parse(f.stdout).records !== size) throw new Error(`floor run failed (exit ${f.code}):\n${f.stderr}${f.stdout}`);
        peers.floor.push(f);
        if (duckdbSkipped === undefined) {
          const g = await runNode([duckdb, data.logDir], { rss });
          const out = g.code === 0 ? JSON.parse(g.stdout) : undefined;
          if (out?.skipped) duckdbSkipped = out.skipped;
          else if (out?.records !== size) throw new Error(`DuckDB run failed (exit ${g.code}):\n${g.stderr}${g.stdout}`);
          else peers.duckdb.push({ ...g, detail: out });
        }
        const b = await runNode(doctorArgs, { rss, stdoutFile: reportFile });
        // Exit 1 is expected (checks fail on purpose: unmapped users, a second PC, late log-offs); 2 is an error.
        if (b.code !== 0 && b.code !== 1) throw new Error(`doctor exited ${b.code}:\n${b.stderr}`);
        peers.doctor.push(b);
        const duck = peers.duckdb.at(-1);
        log(`  run ${r}/${options.runs}: bare ${fmtRun(a)}; floor ${fmtRun(f)}; ${duck && !duckdbSkipped ? `DuckDB ${fmtRun(duck)} (decode ${duck.detail.decodeMs} ms, query ${duck.detail.queryMs} ms)` : 'DuckDB n/a'}; doctor ${fmtRun(b)} exit ${b.code}`);
      }
      const report = await inspectReport(reportFile);
      const sameAsCareful = await sameFile(reportFile, carefulFile);
      await rm(reportFile, { force: true });
      await rm(carefulFile, { force: true });
      const expectedPunches = (data.params.users - data.stats.unmappedDefault - data.stats.unmappedNearMiss) * data.params.days * 2;
      if (report.punches !== expectedPunches) problems.push(`${fmtInt(size)} rows: doctor's report has ${report.punches} punches, expected ${expectedPunches}`);
      if (!sameAsCareful) problems.push(`${fmtInt(size)} rows: doctor's JSON differs from the careful reader's (LANSCOPE_KOT_READER=careful)`);
      const medians = Object.fromEntries(
        Object.entries(peers).map(([name, runs]) => [name, runs.length === 0 ? undefined : { ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)), rssKB: Math.max(...runs.map((r) => r.maxRssKB ?? NaN)) }]),
      );
      results.push({
        size,
        data,
        ...medians,
        careful,
        duckdbSkipped,
        sameAsCareful,
        exitCode: peers.doctor.at(-1).code,
        report,
        elapsedS: (performance.now() - sizeStarted) / 1000,
      });
      const m = medians;
      log(
        `  median: bare ${fmtS(m.bare.ms)}, floor ${fmtS(m.floor.ms)}, DuckDB ${m.duckdb ? fmtS(m.duckdb.ms) : 'n/a'}, doctor ${fmtS(m.doctor.ms)} (CPU ${fmtS(m.doctor.cpuMs)}); doctor/bare ${(m.doctor.ms / m.bare.ms).toFixed(2)} wall, ${(m.doctor.cpuMs / m.bare.cpuMs).toFixed(2)} CPU; report ${(report.bytes / 1e6).toFixed(0)} MB, ${fmtInt(report.punches)} punches, ${sameAsCareful ? 'same bytes as the careful reader' : 'DIFFERENT from the careful reader'}, summary ${JSON.stringify(report.summary)}`,
      );
      if (!options.keep) await rm(data.dir, { recursive: true, force: true });
    }

    const startupCases = [
      { label: '`node -e 0`', args: ['-e', '0'] },
      { label: '`lanscope-kot --version`', args: [cli, '--version'] },
      { label: '`lanscope-kot doctor --help`', args: [cli, 'doctor', '--help'] },
    ];
    if (options.only.has('startup')) {
      log('\n# start-up');
      for (const c of startupCases) {
        c.times = [];
        for (let w = 0; w < 2; w++) await runNode(c.args); // warm-up: file cache, compile cache
      }
      for (let r = 0; r < options.startupRuns; r++) {
        for (const c of startupCases) {
          const run = await runNode(c.args);
          if (run.code !== 0) throw new Error(`${c.label} exited ${run.code}:\n${run.stderr}`);
          c.times.push(run.ms);
        }
      }
      for (const c of startupCases) c.ms = median(c.times);
      log(startupCases.map((c) => `  ${c.label}: ${c.times.map((t) => t.toFixed(0)).join(' ')} ms`).join('\n'));
    }

    let inputs;
    if (options.only.has('inputs')) {
      log('\n# inputs that used to be quadratic');
      inputs = await measureInputs({ work, runs: options.runs, cli, runNode, log });
    }

    let wizard;
    if (options.only.has('wizard')) {
      log('\n# wizard');
      const firstFrame = await measureWizardStartup({ runs: options.wizardRuns, log });
      if (firstFrame.skipped) log(`  first frame not measured: ${firstFrame.skipped}`);
      log(`  render benchmark: ${options.wizardUsers} employees, ${options.presses} presses per key`);
      const render = await runWizardRender({ presses: options.presses, users: options.wizardUsers, seed: options.seed });
      wizard = { firstFrame, render };
    }

    let reconcileLines;
    if (options.only.has('reconcile')) {
      log('\n# reconcile');
      reconcileLines = await measureReconcile({ users: 20_000, days: 31, runs: options.runs, keep: options.keep }, log);
    }

    // ------------------------------------------------------------ the table
    const totalS = (performance.now() - benchStarted) / 1000;
    const cpu = cpus();
    const out = [];
    out.push(`### Benchmark (\`npm run bench\`)`);
    out.push('');
    out.push(
      `Machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${platform()} ${arch()} · Node ${process.version} · lanscope-kot ${version} · ${new Date().toISOString().slice(0, 10)}`,
    );
    const medians = [
      options.only.has('doctor') ? `median of ${options.runs} run(s) per doctor figure, each a separate process` : undefined,
      options.only.has('startup') ? `start-up: median of ${options.startupRuns}` : undefined,
      options.only.has('wizard') ? `wizard first frame: median of ${options.wizardRuns}; key presses: median and p95 of ${options.presses}` : undefined,
      options.only.has('inputs') ? `inputs: median of ${options.runs}` : undefined,
    ].filter(Boolean);
    out.push(`${medians.join('; ')}.`.replace(/^./, (c) => c.toUpperCase()));
    if (options.only.has('doctor')) {
      const cell = (m) => (m === undefined ? 'n/a' : `${fmtS(m.ms)} · ${fmtS(m.cpuMs)}`);
      const ratio = (b, a, target) => {
        if (a === undefined) return 'n/a';
        const text = (x) => (target === undefined ? x.toFixed(2) : `${x.toFixed(2)} ${mark(x <= target)}`);
        return `${text(b.ms / a.ms)} · ${text(b.cpuMs / a.cpuMs)}`;
      };
      out.push('');
      out.push('Times are wall · CPU (user + system, all threads of the process); ratios likewise.');
      out.push('');
      out.push('| rows (users × days × events) | CSV | bare csv-parse (a) | decode + split floor (f) | DuckDB, 1 thread (g) | doctor (b) | doctor peak RSS (target) | b/a (≤ 0.6) | b/f (≤ 1.5) | b/g |');
      out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
      for (const r of results) {
        const rssMB = (r.doctor.rssKB * 1024) / 1e6;
        const limit = TARGET.rssMB(r.size);
        out.push(
          `| ${fmtInt(r.size)} (${fmtInt(r.data.params.users)} × ${r.data.params.days} × ${r.data.params.eventsPerDay}) | ${r.data.files.length} files, ${(r.data.stats.logBytes / 1e6).toFixed(0)} MB | ${cell(r.bare)} | ${cell(r.floor)} | ${cell(r.duckdb)} | ${cell(r.doctor)} | ${fmtMB(r.doctor.rssKB)} (≤ ${limit}) ${mark(rssMB <= limit)} | ${ratio(r.doctor, r.bare, TARGET.bare)} | ${ratio(r.doctor, r.floor, TARGET.floor)} | ${ratio(r.doctor, r.duckdb)} |`,
        );
      }
      out.push('');
      out.push('| rows | peak RSS: bare · floor · DuckDB · doctor | doctor with the careful reader (csv-parse for every file) | same JSON |');
      out.push('|---|---:|---:|:---:|');
      for (const r of results) {
        out.push(
          `| ${fmtInt(r.size)} | ${[r.bare, r.floor, r.duckdb, r.doctor].map((m) => (m === undefined ? 'n/a' : fmtMB(m.rssKB))).join(' · ')} | ${fmtS(r.careful.ms)} · ${fmtS(r.careful.cpuMs)}, ${fmtMB(r.careful.maxRssKB)} | ${mark(r.sameAsCareful)} |`,
        );
      }
      const skipped = results.find((r) => r.duckdbSkipped)?.duckdbSkipped;
      if (skipped) out.push('', `DuckDB: not measured, ${skipped}.`);
    }
    if (options.only.has('startup')) {
      out.push('');
      out.push('| start-up | median | ratio to `node -e 0` (≤ 2) |');
      out.push('|---|---:|---:|');
      const baseMs = startupCases[0].ms;
      for (const [i, c] of startupCases.entries()) {
        const ratio = c.ms / baseMs;
        out.push(`| ${c.label} | ${c.ms.toFixed(0)} ms | ${i === 0 ? '1.00' : `${ratio.toFixed(2)} ${mark(ratio <= TARGET.startup)}`} |`);
      }
    }
    if (wizard) {
      const { firstFrame, render } = wizard;
      out.push('');
      out.push(`| wizard — ${harnessName(render.ink, render.nodeEnv)} | median ms | p95 ms | target ms | |`);
      out.push('|---|---:|---:|---:|:---:|');
      const wizards = [
        ['demo', '`lanscope-kot setup --demo`: first frame in a 120×40 tmux pane'],
        ['own', '`lanscope-kot` with saved settings (an admin\'s own run): first frame'],
      ];
      for (const [name, label] of wizards) {
        if (firstFrame.skipped) {
          out.push(`| ${label} | n/a (${firstFrame.skipped}) | | ≤ ${TARGET_FIRST_FRAME_RATIO} × \`node -e 0\` | |`);
          continue;
        }
        const ratio = firstFrame[name].ms / firstFrame.nodeMs;
        const harness = name === 'demo' ? ` (harness alone: ${firstFrame.baselineMs.toFixed(0)} ms; \`node -e 0\` through it: ${firstFrame.nodeMs.toFixed(0)} ms)` : '';
        out.push(
          `| ${label}${harness} | ${firstFrame[name].ms.toFixed(0)} | | ≤ ${(TARGET_FIRST_FRAME_RATIO * firstFrame.nodeMs).toFixed(0)} (${TARGET_FIRST_FRAME_RATIO} × \`node -e 0\`) | ${ratio.toFixed(2)} × ${mark(ratio <= TARGET_FIRST_FRAME_RATIO)} |`,
        );
      }
      for (const row of wizardRenderRows(render)) out.push(`| ${row.join(' | ')} |`);
    }
    if (inputs) {
      out.push('');
      out.push(`| doctor on (issue 9) | small | large | time small | time large | large/small (linear ≈ 10, ≤ ${LINEAR_RATIO_MAX}) |`);
      out.push('|---|---:|---:|---:|---:|---:|');
      for (const r of inputs) {
        const [small, large] = r.sizes.map((n) => `${fmtInt(n)} ${r.unit}`);
        out.push(`| ${r.name} | ${small} | ${large} | ${fmtS(r.ms[0])} | ${fmtS(r.ms[1])} | ${r.ratio.toFixed(1)} ${mark(r.ratio <= LINEAR_RATIO_MAX)} |`);
      }
    }
    out.push('');
    for (const r of results) {
      const s = r.data.stats;
      out.push(
        `- ${fmtInt(r.size)} rows: mapping ${fmtInt(r.data.mapping.rows)} rows; ${fmtInt(s.secondPc)} users on a second PC, ${fmtInt(s.unmappedDefault + s.unmappedNearMiss)} unmapped (${s.unmappedNearMiss} near-misses), ${fmtInt(s.japaneseNames)} Japanese user names, ${fmtInt(s.afterMidnightUserDays)} user-days ending after midnight. Doctor: exit ${r.exitCode}, ${JSON.stringify(r.report.summary)}, ${fmtInt(r.report.punches)} punches, ${(r.report.bytes / 1e6).toFixed(0)} MB of JSON. Data ${r.data.reused ? 'reused' : `generated in ${r.data.generatedSeconds} s`}; size measured in ${r.elapsedS.toFixed(0)} s.`,
      );
    }
    if (wizard) {
      const s = wizard.render.stats;
      out.push(
        `- Wizard: render benchmark with ${fmtInt(s.users)} employees × ${s.days} days built in memory (the users and events of generate.mjs through LogAggregator, ${fmtInt(s.mappingRows)} mapping rows through parseMapping), whole wizard rendered with ink-testing-library at 120×40 (renderWizard of the UI tests, bundled as the wizard ships: scripts/bundle-harness.mjs); a key's time runs from the write to stdin to the first changed frame; ✔ when the p95 is within 20 ms. Initial render: first frame with the list (in parentheses: the frame at 120×40, after ink-testing-library's first 100-column pass).`,
      );
      if (wizard.render.performanceEntries) out.push(`- ⚠ React's development build left ${fmtInt(wizard.render.performanceEntries)} performance.measure entries in the timeline (never cleared).`);
    }
    if (reconcileLines) out.push('', ...reconcileLines, '');
    out.push(`- Whole benchmark: ${totalS.toFixed(0)} s.`);
    for (const p of problems) out.push(`- ⚠ ${p}`);
    process.stdout.write(out.join('\n') + '\n');
  } finally {
    await rm(work, { recursive: true, force: true });
    if (!options.keep && options.only.has('doctor')) for (const size of options.sizes) await rm(options.dataDir ? join(options.dataDir, `lanscope-kot-bench-${size}`) : defaultDir(size), { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
