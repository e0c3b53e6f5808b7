// `npm run build:exe`: dist/lanscope-kot.exe, one file the admin copies to the LanScope server (Windows
// x64, no Node.js needed), and dist/lanscope-kot.exe.sha256 to verify the copy. Run after `npm run build`
// (the npm script does both). Node's single executable applications: the CLI as one CommonJS bundle
// (exe-bundle.mjs), a blob made from it by the Linux node of the pinned version, injected into that
// version's node.exe (scripts/exe-node.json pins both and their SHA-256).
//
//   --bundle-only DIR   only write DIR/lanscope-kot.cjs (no download; the tests run it under plain node)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inject } from 'postject';
import { bundleExe } from './exe-bundle.mjs';
import { nodeBinary, sha256File } from './node-binary.mjs';
import { fixChecksum, stripSignature } from './pe-signature.mjs';

// Node's fixed marker for the injected blob (the same in every version with single executable applications).
const SENTINEL_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

const args = process.argv.slice(2);
const root = resolve('.');

async function main() {
  const bundleOnly = args.indexOf('--bundle-only');
  if (bundleOnly !== -1) {
    const dir = args[bundleOnly + 1];
    if (!dir) throw new Error('--bundle-only needs a folder');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'lanscope-kot.cjs'), await bundleExe(root));
    return;
  }
  const started = Date.now();
  const work = join(root, 'dist/exe');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const nodeExe = nodeBinary('win-x64', { root });
  const nodeLinux = nodeBinary('linux-x64', { root });

  const main = join(work, 'lanscope-kot.cjs');
  writeFileSync(main, await bundleExe(root));
  const config = {
    main,
    output: join(work, 'sea-prep.blob'),
    disableExperimentalSEAWarning: true,
    // A snapshot or code cache made on Linux would not fit the Windows binary.
    useSnapshot: false,
    useCodeCache: false,
    // Trust the Windows certificate store, as the link service does: an inspecting proxy's CA that
    // Windows already trusts is trusted by the connection check too.
    execArgv: ['--use-system-ca'],
  };
  writeFileSync(join(work, 'sea-config.json'), JSON.stringify(config, null, 2));
  execFileSync(nodeLinux.path, ['--experimental-sea-config', join(work, 'sea-config.json')], { stdio: ['ignore', 'ignore', 'inherit'] });
  const blob = readFileSync(config.output);

  const exe = join(root, 'dist/lanscope-kot.exe');
  const tmp = `${exe}.tmp`;
  const { buffer, stripped } = stripSignature(readFileSync(nodeExe.path));
  writeFileSync(tmp, buffer);
  await inject(tmp, 'NODE_SEA_BLOB', blob, { sentinelFuse: SENTINEL_FUSE });
  writeFileSync(tmp, fixChecksum(readFileSync(tmp)));
  renameSync(tmp, exe);
  const sha256 = sha256File(exe);
  writeFileSync(`${exe}.sha256`, `${sha256}  lanscope-kot.exe\n`);

  const mib = (statSync(exe).size / 2 ** 20).toFixed(1);
  process.stdout.write(
    [
      `dist/lanscope-kot.exe  ${mib} MiB  Node ${nodeExe.version} (win-x64)${stripped ? ', its OpenJS signature removed (sign it: README, Windows server)' : ''}`,
      `SHA-256 ${sha256}  (dist/lanscope-kot.exe.sha256)`,
      `built in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    ].join('\n') + '\n',
  );
}

main().catch((err) => {
  process.stderr.write(`build-exe: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
