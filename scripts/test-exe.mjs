// `npm run test:exe`: lanscope-kot.exe under wine, as an admin would run it on the LanScope server. Not part
// of `npm test` (it downloads Node and needs wine, which scripts/setup-wine.sh makes as root; CI installs
// nothing). Builds the exe first when dist/lanscope-kot.exe is missing or older than the code.
//
//   --measure   time it instead: start-up beside `node.exe -e 0` under the same wine, and doctor at
//               1,000,000 rows (bench/generate.mjs) beside the npm package on this machine's node, runs
//               interleaved so that the machine's load weighs on both alike
//
// The exe writes its output to files: wine cannot write to a Linux pipe.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { eastAsianWidthType } from 'get-east-asian-width';
import { bundleExe } from './exe-bundle.mjs';
import { nodeBinary, sha256File } from './node-binary.mjs';

const root = resolve('.');
const exe = join(root, 'dist/lanscope-kot.exe');
const measure = process.argv.includes('--measure');
const work = mkdtempSync(join(tmpdir(), 'lanscope-kot-test-exe-'));
const say = (line) => process.stdout.write(`${line}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// 1. wine, from scripts/setup-wine.sh (idempotent; its last line is the command).
function findWine() {
  const setup = spawnSync('sh', [join(root, 'scripts/setup-wine.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const command = setup.stdout.trim().split('\n').pop();
  if (setup.status !== 0 || !command) {
    say('test-exe: no wine that runs Node 24 here. Run `sh scripts/setup-wine.sh` as root: it installs the Debian package');
    say('debootstrap and builds a Debian trixie tree with wine 10 (Debian bookworm’s wine 8 cannot start Node 24).');
    process.exit(1);
  }
  return command.split(' ');
}

// 2. The exe, rebuilt when its bundle would differ from the one it was made from.
async function ensureExe() {
  const bundled = join(root, 'dist/exe/lanscope-kot.cjs');
  const current = existsSync(exe) && existsSync(bundled) && readFileSync(bundled, 'utf8') === (await bundleExe(root));
  if (current) return;
  say('test-exe: building dist/lanscope-kot.exe (npm run build:exe)');
  const build = spawnSync('npm', ['run', 'build:exe'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}

/** Runs a Windows program under wine with stdout and stderr in files; resolves to {code, stdout, stderr, ms}. */
function runWine(wine, program, args, { cwd = root, env = {} } = {}) {
  const out = join(work, `out-${Math.random().toString(36).slice(2)}`);
  const stdout = openSync(`${out}.stdout`, 'w');
  const stderr = openSync(`${out}.stderr`, 'w');
  const started = performance.now();
  const child = spawn(wine[0], [...wine.slice(1), program, ...args], {
    cwd,
    env: wineEnv(env),
    stdio: ['ignore', stdout, stderr],
    detached: true,
  });
  closeSync(stdout);
  closeSync(stderr);
  const done = new Promise((resolveRun, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      resolveRun({
        code,
        ms: performance.now() - started,
        stdout: readFileSync(`${out}.stdout`, 'utf8'),
        // wine's own notes (a missing 32-bit wine) are not the program's.
        stderr: readFileSync(`${out}.stderr`, 'utf8')
          .split('\n')
          .filter((line) => !/wine32 is missing|multiarch needs|dpkg --add-architecture|apt-get install wine32|XDG_RUNTIME_DIR/.test(line))
          .join('\n'),
      }),
    );
  });
  return { child, done };
}

/** This machine's environment for a Windows program, less what names Linux files (a CA bundle path here). */
function wineEnv(extra = {}) {
  const env = { ...process.env, LANG: 'C.UTF-8', NO_COLOR: '1', ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

function runNode(args, { cwd = root, env = {} } = {}) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(root, 'bin/lanscope-kot.js'), ...args], {
    cwd,
    env: { ...process.env, LANG: 'C.UTF-8', NO_COLOR: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - started };
}

/** The exe's paths as the npm build on Linux prints them: `examples\\demo\\x` → `examples/demo/x` (JSON-escaped or not). */
function posixPaths(text, roots) {
  let out = text;
  for (const r of roots) {
    const win = r.replaceAll('/', '\\');
    for (const [from, sep] of [[win.replaceAll('\\', '\\\\'), '\\\\'], [win, '\\']]) {
      out = out.replace(new RegExp(`${escape(from)}((?:${escape(sep)}[^"\\s\\\\,:;)]+)*)`, 'g'), (_, rest) => r + rest.split(sep).join('/'));
    }
  }
  return out;
}
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const results = [];
async function check(name, fn) {
  try {
    const note = await fn();
    if (note?.skip) {
      say(`skip    ${name} — ${note.skip}`);
      return;
    }
    results.push({ name, ok: true });
    say(`ok      ${name}${note ? ` — ${note}` : ''}`);
  } catch (err) {
    results.push({ name, ok: false });
    say(`FAILED  ${name}\n        ${String(err instanceof Error ? err.message : err).split('\n').join('\n        ')}`);
  }
}
function expectEqual(actual, expected, what) {
  if (actual === expected) return;
  const a = String(actual).split('\n');
  const e = String(expected).split('\n');
  const line = a.findIndex((l, i) => l !== e[i]);
  throw new Error(`${what} differs at line ${line + 1}:\n  exe: ${a[line]}\n  npm: ${e[line]}`);
}

/** Ambiguous-width characters (two cells on a Japanese conhost) in a screen, each once. */
function ambiguous(text) {
  return [...new Set([...text].filter((ch) => eastAsianWidthType(ch.codePointAt(0)) === 'ambiguous'))];
}

const demoArgs = ['--sql', 'examples/demo/勤怠簿出力.sql', '--log-dir', 'examples/demo/logs', '--mapping', 'examples/demo/mapping-export.csv', '--day-change', '1001=00:00', '--company-code', 'ABC123'];

async function main() {
  const wine = findWine();
  await ensureExe();
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  say(`test-exe: ${exe} (${(statSync(exe).size / 2 ** 20).toFixed(1)} MiB) under ${wine.join(' ')}`);
  if (measure) return measurements(wine);

  await check('dist/lanscope-kot.exe.sha256 is the exe’s SHA-256', () => {
    const recorded = readFileSync(`${exe}.sha256`, 'utf8');
    expectEqual(recorded, `${sha256File(exe)}  lanscope-kot.exe\n`, 'the .sha256 file');
  });

  await check('--version', async () => {
    const r = await runWine(wine, exe, ['--version']).done;
    expectEqual(r.stdout, `${pkg.version}\n`, 'the version');
    if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
    return r.stdout.trim();
  });

  for (const lang of ['en', 'ja']) {
    await check(`doctor --help --lang ${lang}: the npm package’s text`, async () => {
      const r = await runWine(wine, exe, ['doctor', '--help', '--lang', lang]).done;
      expectEqual(r.stdout, runNode(['doctor', '--help', '--lang', lang]).stdout, 'the help');
    });
  }

  // On Windows outside Windows Terminal the text output uses the narrow-safe glyphs, which the npm package
  // draws with --ascii (once the wizard's glyph table, issue #10, is in: its help then lists the flag).
  const ascii = runNode(['doctor', '--help', '--lang', 'en']).stdout.includes('--ascii') ? ['--ascii'] : [];
  for (const [what, extra, npmExtra] of [['--json', ['--json'], []], ['text, ja', ['--lang', 'ja'], ascii], ['text, en', ['--lang', 'en'], ascii]]) {
    await check(`doctor --offline ${what} on examples/demo: the npm package’s output (paths as posix${npmExtra.length ? ', its --ascii' : ''})`, async () => {
      const args = ['doctor', '--offline', ...extra, ...demoArgs];
      const r = await runWine(wine, exe, args).done;
      const n = runNode([...args, ...npmExtra]);
      expectEqual(r.code, n.code, 'the exit code');
      expectEqual(posixPaths(r.stderr, ['examples/demo']), n.stderr, 'stderr');
      expectEqual(posixPaths(r.stdout, ['examples/demo']), n.stdout, 'stdout');
      if (!r.stdout.includes('examples\\')) throw new Error('the exe did not show Windows paths');
      return `exit ${r.code}, ${r.stdout.length} characters, Windows paths (examples\\demo\\…)`;
    });
  }

  await check('doctor without --log-dir or --conf-ini looks at C:\\TEMP and says so', async () => {
    const r = await runWine(wine, exe, ['doctor', '--offline', '--lang', 'en']).done;
    const line = r.stdout.split('\n').find((l) => l.includes('(output-dir)')) ?? '';
    if (!/C:\\TEMP/.test(line) || !r.stdout.includes("LanScope's default OUTPUTDIR")) throw new Error(`output-dir says: ${line}\n${r.stdout}`);
    return line.trim().replace(/\s+/g, ' ');
  });

  await check('Ctrl-C in doctor (SIGINT to its process group, as a terminal sends it): exit 130, "stopped"', async () => {
    let connected;
    const reached = new Promise((r) => (connected = r));
    const sockets = [];
    const server = createServer((s) => {
      sockets.push(s);
      connected();
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    try {
      const run = runWine(wine, exe, ['doctor', '--endpoint', `http://127.0.0.1:${server.address().port}/`, '--timeout', '60', '--lang', 'en']);
      await Promise.race([reached, sleep(60_000)]);
      process.kill(-run.child.pid, 'SIGINT');
      const r = await run.done;
      expectEqual(r.code, 130, 'the exit code');
      if (!r.stderr.includes('stopped (Ctrl-C)')) throw new Error(`stderr: ${r.stderr}`);
      return r.stderr.trim();
    } finally {
      for (const s of sockets) s.destroy();
      server.close();
    }
  });

  await check('trusts the Windows certificate store (--use-system-ca), also beside --ca-file', async () => {
    // wine's certificate store is filled from its tree's /etc/ssl/certs: a test CA put there is in the
    // "Windows store" for as long as the file is there (the tree of setup-wine.sh has none of its own).
    const tree = wine.length === 1 && wine[0].endsWith('/run-wine') ? join(dirname(wine[0]), 'trixie') : undefined;
    const store = tree && join(tree, 'etc/ssl/certs/ca-certificates.crt');
    if (!store || existsSync(store)) return { skip: 'needs the wine tree of scripts/setup-wine.sh, without a certificate bundle of its own' };
    const tls = join(root, 'test/fixtures/tls');
    const server = createHttpsServer({ key: readFileSync(join(tls, 'ok-key.pem')), cert: readFileSync(join(tls, 'ok.pem')) }, (_, res) => res.end('ok'));
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const proxyCheck = async (extra) => {
      const r = await runWine(wine, exe, ['doctor', '--endpoint', `https://127.0.0.1:${server.address().port}/`, '--json', '--lang', 'en', ...extra]).done;
      const c = JSON.parse(r.stdout).checks.find((x) => x.id === 'proxy');
      return `${c.status} ${c.data.reason}`;
    };
    try {
      expectEqual(await proxyCheck([]), 'fail tls', 'the check before the CA is in the store');
      mkdirSync(dirname(store), { recursive: true });
      copyFileSync(join(tls, 'ca.pem'), store);
      expectEqual(await proxyCheck([]), 'pass ok', 'the check with the CA in the store');
      // --ca-file replaces Node's default list: the system store must stay in it.
      expectEqual(await proxyCheck(['--ca-file', join(tls, 'wrong-host.pem')]), 'pass ok', 'the check with the CA in the store and another --ca-file');
      return 'fail tls -> pass ok once the CA is in the store; still pass ok with another --ca-file';
    } finally {
      rmSync(store, { force: true });
      server.close();
    }
  });

  let socket = '';
  const tmux = (...args) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const screenUntil = async (pattern, timeoutMs = 60_000) => {
    const started = Date.now();
    for (;;) {
      const text = tmux('capture-pane', '-p');
      if (pattern.test(text)) return text;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${pattern}; screen:\n${text}`);
      await sleep(250);
    }
  };
  const wizard = (lang) =>
    `cd ${JSON.stringify(root)} && env -u WT_SESSION -u NODE_EXTRA_CA_CERTS ${wine.map((w) => JSON.stringify(w)).join(' ')} dist/lanscope-kot.exe setup --demo --lang ${lang} 2>${JSON.stringify(join(work, `wizard-${lang}.stderr`))}; echo "EXIT=$?"; sleep 120`;
  for (const lang of ['ja', 'en']) {
    await check(`wizard (setup --demo --lang ${lang}) in tmux 100×30: first frame drawn with narrow-safe glyphs only (no WT_SESSION)`, async () => {
      socket = `lanscope-kot-test-exe-${process.pid}-${lang}`;
      try {
        tmux('new-session', '-d', '-x', '100', '-y', '30', wizard(lang));
        // The key line: wine's console counts escape bytes as columns, so its wrapped frame may lose the header.
        const screen = await screenUntil(/Ctrl-C/);
        await sleep(1000);
        const frame = tmux('capture-pane', '-p');
        say(frame.split('\n').filter((l) => l.trim() !== '').map((l) => `        | ${l}`).join('\n'));
        const wide = ambiguous(frame);
        if (wide.length > 0) throw new Error(`ambiguous-width characters drawn (two cells on a Japanese conhost): ${wide.join(' ')}`);
        return screen.includes('demo') || screen.includes('デモ') ? 'demo data' : undefined;
      } finally {
        if (lang === 'en') {
          // Ctrl-C as the console sends it when not in raw mode (and as closing wine's terminal would).
          await check('Ctrl-C in the wizard (SIGINT to its process group): "stopped", exit 130', async () => {
            const pane = tmux('display', '-p', '#{pane_pid}').trim();
            const pgid = execFileSync('ps', ['-o', 'pgid=', '-p', pane], { encoding: 'utf8' }).trim();
            process.kill(-Number(pgid), 'SIGINT');
            const screen = await screenUntil(/EXIT=\d+/);
            const stderr = readFileSync(join(work, 'wizard-en.stderr'), 'utf8');
            if (!/EXIT=130/.test(screen)) throw new Error(`screen:\n${screen}`);
            if (!stderr.includes('stopped (Ctrl-C)')) throw new Error(`stderr: ${stderr}`);
            return stderr.split('\n').find((l) => l.includes('stopped'));
          });
        }
        try {
          tmux('kill-server');
        } catch {
          // ended with its command
        }
      }
    });
  }

  const failed = results.filter((r) => !r.ok).length;
  say(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measurements(wine) {
  const nodeExe = nodeBinary('win-x64', { root }).path;
  // The first run after a pause starts wine's server: not part of either figure.
  await runWine(wine, nodeExe, ['-e', '0']).done;
  const runs = { bare: [], version: [], help: [], linux: [] };
  for (let i = 0; i < 11; i++) {
    runs.bare.push((await runWine(wine, nodeExe, ['-e', '0']).done).ms);
    runs.version.push((await runWine(wine, exe, ['--version']).done).ms);
    runs.help.push((await runWine(wine, exe, ['doctor', '--help']).done).ms);
    runs.linux.push(runNode(['--version']).ms);
  }
  const [bare, version, help, linuxVersion] = [runs.bare, runs.version, runs.help, runs.linux].map(median);
  say('\n| start-up under wine (median of 11, interleaved) | ms | ratio to node.exe -e 0 |');
  say('|---|---:|---:|');
  say(`| node.exe -e 0 (Node ${nodeBinary('win-x64', { root }).version}) | ${bare.toFixed(0)} | 1.00 |`);
  say(`| lanscope-kot.exe --version | ${version.toFixed(0)} | ${(version / bare).toFixed(2)} |`);
  say(`| lanscope-kot.exe doctor --help | ${help.toFixed(0)} | ${(help / bare).toFixed(2)} |`);
  say(`| (npm package on Linux, ${process.version}: lanscope-kot --version) | ${linuxVersion.toFixed(0)} | |`);

  const { ensureData } = await import('../bench/generate.mjs');
  const data = await ensureData({ size: 1_000_000 });
  const args = ['doctor', '--offline', '--json', '--log-dir', data.logDir, '--mapping', data.mappingFile];
  const exeRuns = [];
  const npmRuns = [];
  let same = true;
  for (let i = 0; i < 3; i++) {
    const w = await runWine(wine, exe, args).done;
    const n = runNode(args);
    exeRuns.push(w.ms);
    npmRuns.push(n.ms);
    same &&= w.code === n.code && posixPaths(w.stdout, [data.dir]) === n.stdout;
  }
  say('\n| doctor --offline --json, 1,000,000 rows (median of 3) | s |');
  say('|---|---:|');
  say(`| lanscope-kot.exe under wine | ${(median(exeRuns) / 1000).toFixed(2)} |`);
  say(`| npm package, ${process.version} on Linux | ${(median(npmRuns) / 1000).toFixed(2)} |`);
  say(`| same report (paths normalised) | ${same ? 'yes' : 'NO'} |`);
  say(`\nexe: ${(statSync(exe).size / 2 ** 20).toFixed(1)} MiB (${statSync(exe).size} bytes)`);
}

main()
  .catch((err) => {
    say(`test-exe: ${err instanceof Error ? err.stack : String(err)}`);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
