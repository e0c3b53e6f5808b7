// The whole CLI as one CommonJS file, for lanscope-kot.exe (build-exe.mjs) and for the tests that run it
// under plain node as a single file (nothing beside it).
//
// Why CommonJS: Node 24's single executable applications run their main script as CommonJS only (an ESM
// main needs Node >= 25.7, not an LTS when this was written). CommonJS output cannot hold top-level await,
// which three places use: Yoga (Ink's layout engine) awaits the instantiation of its inline WebAssembly,
// Ink's reconciler awaits the React devtools and its package.json when DEV=true, and the log worker (made
// an async function for this). The plugins below make the first synchronous and drop the second.
//
// Nothing is read beside the code at run time: the version, the demo data and the log worker's script
// are written into the bundle (source/embedded.ts says what each is for).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { build } from 'esbuild';
import { confWithoutSchema, inkWithoutRepeatedWork, noDevtools } from './esbuild-plugins.mjs';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  write: false,
  legalComments: 'eof',
  logLevel: 'warning',
  // Nothing in the bundle may find files by its own location (there is none inside an exe).
  define: { 'import.meta.url': 'undefined' },
};

/** Every file under dir, as [path relative to dir with '/', absolute path], in name order. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((file) => statSync(file).isFile())
    .sort()
    .map((file) => [relative(dir, file).split(sep).join('/'), file]);
}

/** Yoga's module, made synchronous: the same inline WebAssembly, compiled and instantiated on the spot. */
const yogaSync = {
  name: 'yoga-sync',
  setup(b) {
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/ }, (args) => {
      const dir = dirname(args.path);
      const binary = readFileSync(join(dir, '../binaries/yoga-wasm-base64-esm.js'), 'utf8');
      const base64 = /data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/.exec(binary)?.[1];
      if (!base64) throw new Error('yoga-layout: no inline WebAssembly found; update scripts/exe-bundle.mjs');
      return {
        resolveDir: dir,
        loader: 'js',
        contents: `
import loadYoga from '../binaries/yoga-wasm-base64-esm.js';
import wrapAssembly from './wrapAssembly.js';
const wasm = new WebAssembly.Module(Buffer.from(${JSON.stringify(base64)}, 'base64'));
// emscripten's hook: hand it the instance now; with nothing left to wait for it initialises synchronously.
const yogaModule = {
  instantiateWasm(imports, receive) {
    const instance = new WebAssembly.Instance(wasm, imports);
    receive(instance);
    return instance.exports;
  },
};
loadYoga(yogaModule);
if (!yogaModule.calledRun) throw new Error('yoga-layout did not initialise synchronously');
export default wrapAssembly(yogaModule);
export * from './generated/YGEnums.js';
`,
      };
    });
  },
};

/** Ink's reconciler without its DEV=true branches (each a top-level await); DEV is a developer's switch. */
const inkWithoutDevAwaits = {
  name: 'ink-without-dev-awaits',
  setup(b) {
    b.onLoad({ filter: /ink[\\/]build[\\/]reconciler\.js$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      const edits = [
        [/if \(isDev\(\)\) \{\s*try \{\s*await import\('\.\/devtools\.js'\);/, "if (false) {\n    try {\n        void 0;"],
        [/isDev\(\)\s*\?\s*await loadPackageJson\(\)\s*:/, 'false ? undefined :'],
      ];
      for (const [pattern, replacement] of edits) {
        if (!pattern.test(text)) throw new Error(`ink's reconciler changed (${pattern}); update scripts/exe-bundle.mjs`);
        text = text.replace(pattern, replacement);
      }
      return { contents: text, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/** source/embedded.ts with the real values (see there). */
function embeddedPlugin(values) {
  return {
    name: 'embedded',
    setup(b) {
      b.onLoad({ filter: /[\\/]dist[\\/]source[\\/]embedded\.js$/ }, () => ({
        contents: `export const embedded = ${JSON.stringify(values)};`,
        loader: 'js',
      }));
    },
  };
}

/** What source/embedded.ts holds inside the exe. */
export async function embeddedValues(root = '.') {
  const worker = await build({ ...common, entryPoints: [join(root, 'dist/source/io/log-worker.js')] });
  return {
    version: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
    logWorkerScript: worker.outputFiles[0].text,
    demoFiles: filesUnder(join(root, 'examples/demo')).map(([path, file]) => ({ path, base64: readFileSync(file).toString('base64') })),
  };
}

/**
 * Bundles dist/source (run `npm run build` first) into one CommonJS script and returns its text.
 * `root`: the repository (package.json, examples/demo, dist/source).
 */
export async function bundleExe(root = '.') {
  const values = await embeddedValues(root);
  const main = await build({
    ...common,
    entryPoints: [join(root, 'dist/source/cli.js')],
    plugins: [embeddedPlugin(values), yogaSync, inkWithoutDevAwaits, noDevtools, confWithoutSchema, inkWithoutRepeatedWork],
    // Before anything else (see source/process-title.ts): libuv asserts on Windows when it reads an empty
    // console title.
    banner: { js: "process.title = 'lanscope-kot';" },
  });
  return main.outputFiles[0].text;
}
