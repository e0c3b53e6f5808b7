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
 * Ink draws every frame from scratch (issue 14: a key press with 20,000 employees p95 ≤ 20 ms, the first
 * frame ≤ 2.5× `node -e 0`). Per frame it measures each text node with string-width (Intl.Segmenter and
 * an emoji pattern for any non-ASCII text, so every Japanese name), turns every line into characters
 * with ansi-tokenize (Intl.Segmenter again), with caches that live for that frame only (`new
 * OutputCaches()` per frame): moving a row redraws 40 lines of which 2 changed. Then each line is
 * written back to a string, working out the escape codes between every two neighbouring characters
 * (three Sets each), although a run of characters shares one style. Before the first frame, loading
 * string-width costs ~21 ms (V8 checks its \p{RGI_Emoji} pattern when it compiles the module) and the
 * first Intl.Segmenter ~13 ms (ICU's break rules). The edits, each keeping every frame the same
 * (test/ui/ink-frames.test.ts compares frames key by key with Ink as published, and string-width and
 * tokenize on every character they count and on mixes; figures in bench/README.md):
 * - one OutputCaches for the process, renewed when it holds more than a few frames' worth;
 * - widest-line (render-node-to-output's measure of each text node) remembers its answers the same way;
 * - ansi-tokenize: the characters of a run share one styles array (nothing writes to them); no escape
 *   codes are worked out between two characters with the same or no styles (the diff is empty); text of
 *   SIMPLE_TEXT characters and escape codes is split without a segmenter;
 * - string-width: text of SIMPLE_TEXT characters is measured by counting, and its \p{…} patterns are
 *   built with new RegExp the first time another text comes;
 * - every module-level Intl.Segmenter (string-width, wrap-ansi's string-width, slice-ansi,
 *   ansi-tokenize) is made on first use: the wizard's own text never needs one.
 * If the code an edit looks for changes, the build stops and names this file.
 */
export const inkWithoutRepeatedWork = {
  name: 'ink-without-repeated-work',
  setup(b) {
    const load = (filter, change) =>
      b.onLoad({ filter }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        const contents = change(text, args.path);
        return contents === undefined ? undefined : { contents, loader: 'js', resolveDir: dirname(args.path) };
      });
    load(/ink[\\/]build[\\/]output\.js$/, (text, file) =>
      edited(text, file, [
        [/\n(export default class Output \{)/, `\n${SHARED_CACHES}\n$1`],
        [/\bcaches = new OutputCaches\(\);/, 'caches = sharedOutputCaches();'],
      ]),
    );
    load(/@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/, (text, file) =>
      edited(text, file, [
        [/let codes = \[\];\n(\s*)const ret = \[\];/, 'let codes = [];\n$1let shared;\n$1const ret = [];'],
        [/(codes = reduceAnsiCodesIncremental\(codes, \[token\]\);)/, '$1\n            shared = undefined;'],
        [/styles: \[\.\.\.codes\],/, 'styles: (shared ??= [...codes]),'],
        [
          /ret \+= ansiCodesToString\(diffAnsiCodes\(chars\[i - 1\]\.styles, char\.styles\)\);/,
          'const before = chars[i - 1].styles;\n            if (before !== char.styles && (before.length > 0 || char.styles.length > 0)) ret += ansiCodesToString(diffAnsiCodes(before, char.styles));',
        ],
      ]),
    );
    load(/@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/, (text, file) =>
      edited(lazySegmenter(text, file, 'segmenter'), file, [
        [/for \(const \{ segment, index \} of segmenter\.segment\(str\)\) \{/, 'for (const { segment, index } of graphemesOf(str)) {'],
        [
          /$/,
          [
            '',
            `const simpleOrEscape = /^[\\x1b${SIMPLE_TEXT.narrow}${SIMPLE_TEXT.wideClass}]*$/;`,
            '// Each character of such a text is a grapheme of its own: no segmenter needed.',
            'function graphemesOf(str) {',
            '    if (!simpleOrEscape.test(str)) return segmenter.segment(str);',
            '    const out = [];',
            '    for (let index = 0; index < str.length; index++) out.push({ segment: str[index], index });',
            '    return out;',
            '}',
            '',
          ].join('\n'),
        ],
      ]),
    );
    load(/slice-ansi[\\/]tokenize-ansi\.js$/, (text, file) => lazySegmenter(text, file, 'GRAPHEME_SEGMENTER'));
    load(/[\\/]string-width[\\/]index\.js$/, (text, file) => {
      const { version } = JSON.parse(readFileSync(join(dirname(file), 'package.json'), 'utf8'));
      // wrap-ansi keeps its own older copy: only its segmenter is made lazy.
      if (!version.startsWith('8.')) return lazySegmenter(text, file, 'segmenter');
      // Its Unicode property patterns, built with new RegExp on the first text the counting does not
      // take: V8 checks every pattern literal when it compiles the module, even one in a function's body
      // (\p{RGI_Emoji} alone, 21 ms before the first frame).
      const patterns = [...text.matchAll(/^const (\w+Regex) = (\/.*\\p\{.*\/[a-z]*);$/gm)];
      if (patterns.length < 3 || !patterns.some(([, name]) => name === 'rgiEmojiRegex')) throw changed(file, 'its \\p{…} patterns');
      let contents = lazySegmenter(text, file, 'segmenter');
      for (const [line] of patterns) contents = contents.replace(line, '');
      const built = patterns.map(([, name, literal]) => {
        const end = literal.lastIndexOf('/');
        return `\t${name} = new RegExp(${JSON.stringify(literal.slice(1, end))}, ${JSON.stringify(literal.slice(end + 1))});`;
      });
      return edited(contents, file, [
        [
          /(if \(\/\^\[\\u0020-\\u007E\]\*\$\/\.test\(string\)\) \{\s*return string\.length;\s*\})/,
          [
            '$1',
            `\tif (ambiguousIsNarrow && /^[${SIMPLE_TEXT.narrow}${SIMPLE_TEXT.wideClass}]*$/.test(string)) {`,
            `\t\treturn string.length + (string.match(/[${SIMPLE_TEXT.wideClass}]/g) ?? []).length;`,
            '\t}',
            `\tif (${patterns[0][1]} === undefined) buildPatterns();`,
          ].join('\n'),
        ],
        [/$/, `\nlet ${patterns.map(([, name]) => name).join(', ')};\nfunction buildPatterns() {\n${built.join('\n')}\n}\n`],
      ]);
    });
    load(/widest-line[\\/]index\.js$/, (text, file) =>
      edited(text, file, [
        [/export default function widestLine\(string\) \{/, 'function measuredWidestLine(string) {'],
        [/$/, WIDEST_LINE_MEMO],
      ]),
    );
  },
};

const changed = (file, what) => new Error(`${file.split(/[\\/]node_modules[\\/]/).pop()} changed (${what}); update inkWithoutRepeatedWork in scripts/esbuild-plugins.mjs`);

/** `text` with each [pattern, replacement] applied once; a pattern that does not match stops the build. */
function edited(text, file, edits) {
  for (const [pattern, replacement] of edits) {
    if (!pattern.test(text)) throw changed(file, pattern);
    text = text.replace(pattern, replacement);
  }
  return text;
}

/**
 * The module-level `const name = new Intl.Segmenter(…)` made when first used. Only `.segment()` is ever
 * called on it (checked).
 */
function lazySegmenter(text, file, name) {
  const declaration = new RegExp(`^const ${name} = new Intl\\.Segmenter\\(([^)]*)\\);$`, 'm');
  const match = declaration.exec(text);
  if (!match) throw changed(file, `const ${name} = new Intl.Segmenter(…)`);
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const uses = code.match(new RegExp(`\\b${name}\\b(?!\\.segment\\()`, 'g')) ?? [];
  if (uses.length !== 1) throw changed(file, `${name} used otherwise than ${name}.segment(…)`);
  return text.replace(declaration, `let ${name}Built;\nconst ${name} = { segment: (text) => (${name}Built ??= new Intl.Segmenter(${match[1]})).segment(text) };`);
}

/**
 * What string-width's added fast path counts: one column per character but two for `wide` ones. All are
 * in the Basic Multilingual Plane (one UTF-16 unit each), none combines with its neighbour. Beside
 * ASCII, kana and kanji: every other character the catalogs and the glyphs use (§ ¥ × ≥ ① ⏎ 《》 ￥ …),
 * so the wizard's own text never takes string-width's slow path.
 */
export const SIMPLE_TEXT = {
  narrow: '\\u0020-\\u007E\\u00A5\\u00A7\\u00B7\\u00D7\\u2013\\u2014\\u2019\\u2022\\u2026\\u203A\\u2190-\\u2193\\u2264\\u2265\\u232B\\u23CE\\u2460\\u2500\\u2502\\u25B8\\u2713\\u2714\\u2716\\u2800-\\u28FF',
  wideClass: '\\u3000-\\u3029\\u3041-\\u3096\\u30A1-\\u30FA\\u30FB\\u30FC\\u4E00-\\u9FFF\\uFF01-\\uFF5E\\uFFE5',
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
