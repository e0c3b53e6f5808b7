// The wizard ships with three edits to Ink's per-frame work (scripts/esbuild-plugins.mjs
// inkWithoutRepeatedWork: caches kept across frames, one styles array per run of characters). They must
// not change a single frame: the wizard is rendered twice side by side — from dist/ with Ink as
// published, and bundled as it ships — and every frame compared, colour codes included, key by key.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Colour on, before chalk is loaded by either copy: the escape codes are what the styles edit touches.
process.env.FORCE_COLOR = '1';
delete process.env.NO_COLOR;

const root = fileURLToPath(new URL('../../../', import.meta.url));
const importFrom = (path: string): Promise<any> => import(pathToFileURL(`${root}${path}`).href);

interface Rendered {
  stdin: { write: (data: string) => void };
  frames: string[];
  lastFrame: () => string | undefined;
  unmount: () => void;
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until neither copy has written a frame for a moment. */
async function settled(...all: Rendered[]): Promise<void> {
  let counts = all.map((r) => r.frames.length);
  for (let i = 0; i < 400; i++) {
    await tick(15);
    const now = all.map((r) => r.frames.length);
    if (now.every((n, k) => n === counts[k])) return;
    counts = now;
  }
}

describe('the shipped Ink draws the frames Ink as published draws', () => {
  let published: any;
  let shipped: any;
  let inputs: any;
  before(async () => {
    published = await importFrom('dist/test/ui/helpers.js');
    const { bundledHarness } = await importFrom('scripts/bundle-harness.mjs');
    shipped = await bundledHarness(root);
    // 1,500 employees × 5 days from the benchmark's generator: enough rows that paging goes through hundreds
    // of lines never drawn before, near misses, duplicates and wrong days in colour.
    const { buildInputs } = await importFrom('bench/wizard-render.mjs');
    inputs = await buildInputs({ users: 1500, days: 5, seed: 20241217 });
  });
  after(async () => {
    (await import('ink-testing-library')).cleanup();
    shipped?.cleanup();
  });

  const K = { down: '\x1b[B', up: '\x1b[A', pageDown: '\x1b[6~', pageUp: '\x1b[5~', home: '\x1b[H', end: '\x1b[F', right: '\x1b[C' };
  const cases = [
    { step: 5, lang: 'en', keys: [K.down, K.down, K.pageDown, K.pageDown, K.up, '3', K.down, ' ', '2', K.down, ' ', 'a', K.right, K.right, '0', ...Array(20).fill(K.pageDown), K.end, K.pageUp, K.home] },
    { step: 6, lang: 'ja', keys: [K.down, K.pageDown, K.pageDown, 'p', K.down, K.down, K.pageDown, 'p', ...Array(20).fill(K.pageDown), K.end, K.up, K.home] },
  ];

  it("measures text as string-width as published does, on every character its fast path counts and on mixes", async () => {
    const published = (await import('string-width' as string)).default as (text: string) => number;
    const { SIMPLE_TEXT } = await importFrom('scripts/esbuild-plugins.mjs');
    const simple = new RegExp(`^[${SIMPLE_TEXT.narrow}${SIMPLE_TEXT.wideClass}]$`);
    const chars: string[] = [];
    for (let cp = 0x20; cp <= 0xffff; cp++) if (simple.test(String.fromCharCode(cp))) chars.push(String.fromCharCode(cp));
    assert.ok(chars.length > 21_000, `${chars.length} characters`);
    for (const ch of chars) assert.equal(shipped.stringWidth(ch), published(ch), `U+${ch.charCodeAt(0).toString(16)}`);
    // Mixes, some with colour codes around and between, and some with a character outside the set (the slow path).
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const outside = ['\u0301', '\u200d', '👍', '\ufe0f', 'ｶﾞ', '한', '\u3099', '\t', 'é'];
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let k = random(40); k > 0; k--) text += random(10) === 0 ? `\x1b[3${random(8)}m` : chars[random(chars.length)];
      if (i % 5 === 0) text = text.slice(0, random(text.length + 1)) + outside[random(outside.length)] + text.slice(random(text.length + 1));
      assert.equal(shipped.stringWidth(text), published(text), JSON.stringify(text));
    }
  });

  it('splits text into characters and escape codes as ansi-tokenize as published does', async () => {
    const { tokenize } = (await import('@alcalzone/ansi-tokenize' as string)) as { tokenize: (text: string) => unknown };
    const { SIMPLE_TEXT } = await importFrom('scripts/esbuild-plugins.mjs');
    const simple = new RegExp(`^[${SIMPLE_TEXT.narrow}${SIMPLE_TEXT.wideClass}]$`);
    const chars: string[] = [];
    for (let cp = 0x20; cp <= 0xffff; cp += 7) if (simple.test(String.fromCharCode(cp))) chars.push(String.fromCharCode(cp));
    const codes = ['\x1b[31m', '\x1b[1m', '\x1b[22m', '\x1b[39m', '\x1b[0m', '\x1b[38;5;200m', '\x1b]8;;https://example.com\x07', '\x1b]8;;\x07', '\x1b[', '\x1b'];
    const outside = ['\u0301', '\u200d', '👍', '👩‍💻', '\ufe0f', 'ｶﾞ', '\u3099', '\x9b31m', 'é'];
    let seed = 11;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let k = random(30); k > 0; k--) text += random(6) === 0 ? codes[random(codes.length)] : chars[random(chars.length)];
      if (i % 4 === 0) text = text.slice(0, random(text.length + 1)) + outside[random(outside.length)] + text.slice(random(text.length + 1));
      assert.deepEqual(shipped.tokenize(text), tokenize(text), JSON.stringify(text));
    }
  });

  for (const c of cases) {
    it(`step ${c.step} (${c.lang}) at 120×40 and 80×24: the same frame after each of ${c.keys.length} keys`, async () => {
      for (const [columns, rows] of [
        [120, 40],
        [80, 24],
      ] as const) {
        const options = { step: c.step, lang: c.lang, values: inputs.values, loaded: inputs.loaded, columns, rows };
        const a: Rendered = published.renderWizard(options);
        const b: Rendered = shipped.renderWizard(options);
        try {
          await settled(a, b);
          assert.match(a.lastFrame() ?? '', /\x1b\[/, 'the frames carry colour codes');
          assert.equal(b.lastFrame(), a.lastFrame(), `first frame at ${columns}×${rows}`);
          for (const [i, key] of c.keys.entries()) {
            a.stdin.write(key);
            b.stdin.write(key);
            await settled(a, b);
            assert.equal(b.lastFrame(), a.lastFrame(), `after key ${i + 1} (${JSON.stringify(key)}) at ${columns}×${rows}`);
          }
        } finally {
          a.unmount();
          b.unmount();
        }
      }
    });
  }
});
