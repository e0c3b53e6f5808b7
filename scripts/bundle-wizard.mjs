// Bundles the wizard (Ink, React and their ~650 modules) into one file beside run-wizard.js, so that
// `lanscope-kot` shows its first frame without resolving and loading hundreds of files (issue #5:
// first frame ≤ 300 ms). Paths relative to import.meta.url keep working: the bundle sits in source/ui/.
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { wizardBundleOptions } from './esbuild-plugins.mjs';

// Chunk names carry a content hash: the previous build's chunks would stay beside the new ones (and ship).
const outdir = 'dist/source/ui';
for (const name of readdirSync(outdir)) {
  if (/^run-wizard\.(bundle|chunk-[A-Z0-9]+)\.js$/.test(name)) rmSync(`${outdir}/${name}`);
}

await build({
  ...wizardBundleOptions,
  entryPoints: ['dist/source/ui/run-wizard.js'],
  // Modules imported only on demand (the connection test's undici) go to chunks beside the bundle, loaded
  // when used; everything stays in source/ui/ so paths relative to import.meta.url hold.
  outdir,
  entryNames: '[name].bundle',
  chunkNames: 'run-wizard.chunk-[hash]',
  splitting: true,
});
