// Bundles the wizard (Ink, React and their ~650 modules) into one file beside run-wizard.js, so that
// `lanscope-kot` shows its first frame without resolving and loading hundreds of files (issue #5:
// first frame ≤ 300 ms). Paths relative to import.meta.url keep working: the bundle sits in source/ui/.
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { confWithoutSchema, noDevtools } from './esbuild-plugins.mjs';

// Chunk names carry a content hash: the previous build's chunks would stay beside the new ones (and ship).
const outdir = 'dist/source/ui';
for (const name of readdirSync(outdir)) {
  if (/^run-wizard\.(bundle|chunk-[A-Z0-9]+)\.js$/.test(name)) rmSync(`${outdir}/${name}`);
}

await build({
  entryPoints: ['dist/source/ui/run-wizard.js'],
  // Modules imported only on demand (the connection test's undici) go to chunks beside the bundle, loaded
  // when used; everything stays in source/ui/ so paths relative to import.meta.url hold.
  outdir,
  entryNames: '[name].bundle',
  chunkNames: 'run-wizard.chunk-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [noDevtools, confWithoutSchema],
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: {
    js: [
      // CommonJS dependencies call require(); ESM output needs one.
      "import { createRequire as lanscopeKotRequire } from 'node:module'; const require = lanscopeKotRequire(import.meta.url);",
      // Yoga (Ink's layout engine) fetches its inline WebAssembly through fetch() when there is one, which
      // loads Node's whole fetch stack (~85 ms of start-up); without it, it decodes the same bytes directly.
      // Nothing else in the wizard uses the global fetch: the connection test uses undici's request().
      'const fetch = undefined;',
    ].join('\n'),
  },
  legalComments: 'none',
  logLevel: 'warning',
});
