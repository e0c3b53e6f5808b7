// esbuild plugins shared by the wizard's bundle (bundle-wizard.mjs, the npm package) and the exe's single
// bundle (exe-bundle.mjs).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Ink loads the React devtools only when DEV=true; they are not a dependency, so they become an empty module. */
export const noDevtools = {
  name: 'no-devtools',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export default {};', loader: 'js' }));
  },
};

/**
 * conf imports ajv (with ajv-formats) and semver at load time but uses them only for a `schema` or
 * `migrations` option, which io/settings.ts does not pass: evaluating them cost ~10 ms of the first
 * frame (measured). If one of those options is ever added, the stub says so instead of failing oddly.
 */
export const confWithoutSchema = {
  name: 'conf-without-schema',
  setup(b) {
    b.onResolve({ filter: /^(ajv\/dist\/2020\.js|ajv-formats|semver)$/ }, (a) => ({ path: a.path, namespace: 'left-out' }));
    b.onLoad({ filter: /.*/, namespace: 'left-out' }, (a) => ({
      contents: [
        `const leftOut = () => { throw new Error(${JSON.stringify(`${a.path} is left out of the bundle (conf without schema or migrations): see scripts/esbuild-plugins.mjs`)}); };`,
        'export const Ajv2020 = leftOut;',
        'export default leftOut;',
      ].join('\n'),
      loader: 'js',
    }));
  },
};

/**
 * Ink draws every frame from scratch (issue 14: a key press with 20,000 employees, p95 ≤ 20 ms). Per
 * frame it measures each text node with string-width (Intl.Segmenter for any non-ASCII text, so every
 * Japanese name) and turns every line into styled characters, with caches that live for that frame only
 * (`new OutputCaches()` per Output, one Output per frame); moving a row redraws 40 lines of which 2
 * changed. Then each line of the frame is written back to a string, working out the escape codes between
 * every two neighbouring characters (three Sets per character), although a run of characters in one style
 * shares it. Three edits, each keeping the frame the same (test/ui/ink-frames.test.ts compares the frames
 * key by key with Ink as published; figures in bench/README.md):
 * - one OutputCaches for the process, renewed when it holds more than a few frames' worth;
 * - widest-line (render-node-to-output's measure of each text node) remembers its answers the same way;
 * - @alcalzone/ansi-tokenize: the characters of a run share one styles array (nothing writes to them), and
 *   no escape codes are worked out between two characters with the same or no styles (the diff is empty);
 * - string-width: text made only of printable ASCII, kana, kanji, full-width forms and the wizard's glyphs
 *   is measured by counting (SIMPLE_TEXT below) instead of by Intl.Segmenter and the RGI emoji pattern.
 *   Each of those characters is a grapheme cluster of its own and no emoji, so the sum is what
 *   string-width computes (test/ui/ink-frames.test.ts checks every one of them, and mixes, against
 *   string-width as published). Its patterns are built when first needed, not when the module loads.
 * If the code these edits find changes, the build stops and names this file.
 */
export const inkWithoutRepeatedWork = {
  name: 'ink-without-repeated-work',
  setup(b) {
    b.onLoad({ filter: /ink[\\/]build[\\/]output\.js$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      const edits = [
        [/\n(export default class Output \{)/, `\n${SHARED_CACHES}\n$1`],
        [/\bcaches = new OutputCaches\(\);/, 'caches = sharedOutputCaches();'],
      ];
      for (const [pattern, replacement] of edits) {
        if (!pattern.test(text)) throw new Error(`ink's output.js changed (${pattern}); update inkWithoutRepeatedWork in scripts/esbuild-plugins.mjs`);
        text = text.replace(pattern, replacement);
      }
      return { contents: text, loader: 'js', resolveDir: dirname(args.path) };
    });
    b.onLoad({ filter: /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      const edits = [
        [/let codes = \[\];\n(\s*)const ret = \[\];/, 'let codes = [];\n$1let shared;\n$1const ret = [];'],
        [/(codes = reduceAnsiCodesIncremental\(codes, \[token\]\);)/, '$1\n            shared = undefined;'],
        [/styles: \[\.\.\.codes\],/, 'styles: (shared ??= [...codes]),'],
        [
          /ret \+= ansiCodesToString\(diffAnsiCodes\(chars\[i - 1\]\.styles, char\.styles\)\);/,
          'const before = chars[i - 1].styles;\n            if (before !== char.styles && (before.length > 0 || char.styles.length > 0)) ret += ansiCodesToString(diffAnsiCodes(before, char.styles));',
        ],
      ];
      for (const [pattern, replacement] of edits) {
        if (!pattern.test(text)) throw new Error(`@alcalzone/ansi-tokenize's styledChars.js changed (${pattern}); update inkWithoutRepeatedWork in scripts/esbuild-plugins.mjs`);
        text = text.replace(pattern, replacement);
      }
      return { contents: text, loader: 'js', resolveDir: dirname(args.path) };
    });
    b.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, (args) => {
      // Ink measures with string-width 8; wrap-ansi keeps its own older copy, left as it is.
      const { version } = JSON.parse(readFileSync(join(dirname(args.path), 'package.json'), 'utf8'));
      if (!version.startsWith('8.')) return undefined;
      const text = readFileSync(args.path, 'utf8');
      const pattern = /(if \(\/\^\[\\u0020-\\u007E\]\*\$\/\.test\(string\)\) \{\s*return string\.length;\s*\})/;
      if (!pattern.test(text)) throw new Error(`string-width changed (${pattern}); update inkWithoutRepeatedWork in scripts/esbuild-plugins.mjs`);
      // Its Unicode property patterns, built with new RegExp on the first text the counting does not
      // take: V8 checks every pattern literal when it compiles the module, even one in a function's body
      // (\p{RGI_Emoji} alone, 21 ms before the first frame).
      const patterns = [...text.matchAll(/^const (\w+Regex) = (\/.*\\p\{.*\/[a-z]*);$/gm)];
      if (patterns.length < 3 || !patterns.some(([, name]) => name === 'rgiEmojiRegex')) throw new Error(`string-width changed (its \\p{…} patterns); update inkWithoutRepeatedWork in scripts/esbuild-plugins.mjs`);
      let contents = text;
      for (const [line] of patterns) contents = contents.replace(line, '');
      const names = patterns.map(([, name]) => name);
      contents = contents.replace(
        pattern,
        [
          '$1',
          `\tif (ambiguousIsNarrow && ${SIMPLE_TEXT.all}.test(string)) {`,
          `\t\treturn string.length + (string.match(${SIMPLE_TEXT.wide}) ?? []).length;`,
          '\t}',
          '\tif (rgiEmojiRegex === undefined) buildPatterns();',
        ].join('\n'),
      );
      const built = patterns.map(([, name, literal]) => {
        const end = literal.lastIndexOf('/');
        return `\t${name} = new RegExp(${JSON.stringify(literal.slice(1, end))}, ${JSON.stringify(literal.slice(end + 1))});`;
      });
      contents += `\nlet ${names.join(', ')};\nfunction buildPatterns() {\n${built.join('\n')}\n}\n`;
      return { contents, loader: 'js', resolveDir: dirname(args.path) };
    });
    b.onLoad({ filter: /widest-line[\\/]index\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const pattern = /export default function widestLine\(string\) \{/;
      if (!pattern.test(text)) throw new Error(`widest-line changed (${pattern}); update inkWithoutRepeatedWork in scripts/esbuild-plugins.mjs`);
      return {
        contents: text.replace(pattern, 'function measuredWidestLine(string) {') + WIDEST_LINE_MEMO,
        loader: 'js',
        resolveDir: dirname(args.path),
      };
    });
  },
};

/**
 * What string-width's added fast path counts: one column per character but two for `wide` ones. All are
 * in the Basic Multilingual Plane (one UTF-16 unit each), none combines with its neighbour. Beside
 * ASCII, kana and kanji: every other character the catalogs and the glyphs use (§ ¥ × ≥ ① ⏎ 《》 ￥ …),
 * so the wizard's own text never takes string-width's slow path.
 */
export const SIMPLE_TEXT = {
  narrow: '\\u0020-\\u007E\\u00A5\\u00A7\\u00B7\\u00D7\\u2013\\u2014\\u2019\\u2022\\u2026\\u203A\\u2190-\\u2193\\u2264\\u2265\\u232B\\u23CE\\u2460\\u2500\\u2502\\u25B8\\u2713\\u2714\\u2716\\u2800-\\u28FF',
  wideClass: '\\u3000-\\u3029\\u3041-\\u3096\\u30A1-\\u30FA\\u30FB\\u30FC\\u4E00-\\u9FFF\\uFF01-\\uFF5E\\uFFE5',
  get all() {
    return `/^[${this.narrow}${this.wideClass}]*$/`;
  },
  get wide() {
    return `/[${this.wideClass}]/g`;
  },
};

// A frame holds at most a few hundred distinct lines and characters; a styled line costs about 8 KB
// (an object per character), so 2,000 lines bound the cache near 16 MB.
const SHARED_CACHES = `let sharedCaches;
function sharedOutputCaches() {
    if (sharedCaches === undefined || sharedCaches.styledChars.size > 2000 || sharedCaches.widths.size > 20000 || sharedCaches.blockWidths.size > 2000) {
        sharedCaches = new OutputCaches();
    }
    return sharedCaches;
}`;

const WIDEST_LINE_MEMO = `
const widestLineCache = new Map();
export default function widestLine(string) {
    let width = widestLineCache.get(string);
    if (width === undefined) {
        width = measuredWidestLine(string);
        if (widestLineCache.size >= 2000) widestLineCache.clear();
        widestLineCache.set(string, width);
    }
    return width;
}
`;

/**
 * How the wizard is bundled for the npm package (bundle-wizard.mjs); bench/wizard-render.mjs bundles its
 * render harness the same way, so that it times the Ink the admin runs.
 */
export const wizardBundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [noDevtools, confWithoutSchema, inkWithoutRepeatedWork],
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
};
