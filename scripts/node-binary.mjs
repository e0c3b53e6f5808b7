// The Node.js binaries lanscope-kot.exe is made from: fetched from the npm registry with npm itself (so
// the machine's npm proxy and registry settings apply), and used only when their SHA-256 is the one
// recorded in scripts/exe-node.json.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function readPins(root = '.') {
  return JSON.parse(readFileSync(join(root, 'scripts/exe-node.json'), 'utf8'));
}

export function sha256File(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Throws, naming both digests, unless `file` has the recorded SHA-256. */
export function checkSha256(file, expected, what) {
  const actual = sha256File(file);
  if (actual !== expected.toLowerCase()) {
    throw new Error(
      `${what}: SHA-256 ${actual} is not the one recorded in scripts/exe-node.json (${expected}); refusing to use ${file}`,
    );
  }
}

/**
 * The binary of `platform` ('win-x64' | 'linux-x64') at the pinned version, from the cache folder or
 * downloaded into it; verified every time it is used.
 */
export function nodeBinary(platform, { root = '.', cacheDir = join(root, 'node_modules/.cache/lanscope-kot-exe') } = {}) {
  const pins = readPins(root);
  const pin = pins[platform];
  if (!pin) throw new Error(`scripts/exe-node.json has no entry for ${platform}`);
  const spec = `${pin.package}@${pins.version}`;
  const target = join(cacheDir, spec, pin.file);
  if (!existsSync(target)) {
    mkdirSync(dirname(target), { recursive: true });
    const tmp = mkdtempSync(join(cacheDir, '.download-'));
    try {
      process.stderr.write(`build-exe: downloading ${spec} with npm pack\n`);
      const tgz = execFileSync('npm', ['pack', spec, '--pack-destination', tmp, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop();
      execFileSync('tar', ['-xzf', join(tmp, tgz), '-C', tmp, `package/${pin.file}`]);
      renameSync(join(tmp, 'package', pin.file), target);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  try {
    checkSha256(target, pin.sha256, `${spec} ${pin.file}`);
  } catch (err) {
    // A damaged or substituted download is not kept: the next build fetches it again.
    rmSync(target, { force: true });
    throw err;
  }
  if (platform === 'linux-x64') chmodSync(target, 0o755);
  return { path: target, version: pins.version };
}
