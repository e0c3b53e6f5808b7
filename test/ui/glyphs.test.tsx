import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { eastAsianWidthType } from 'get-east-asian-width';
import type { Lang } from '../../source/i18n/message.js';
import { ASCII_GLYPHS, narrowSafeText, UNICODE_GLYPHS } from '../../source/ui/glyphs.js';
import { wantsSafeGlyphs } from '../../source/ui/safe-glyphs.js';
import type { StepNumber } from '../../source/ui/state.js';
import { demoForSuite } from './demo-fixture.js';
import { demoFile, renderWizard, typeAndWait } from './helpers.js';

const bin = fileURLToPath(new URL('../../../bin/lanscope-kot.js', import.meta.url));
/** What conhost on Japanese Windows draws two columns wide while Ink counts one. */
const NOT_NARROW_SAFE = /[│▸›✔✖·…①→─—–⠋-⠿]/u;
const ambiguous = (text: string): string[] => [...new Set([...text].filter((ch) => eastAsianWidthType(ch.codePointAt(0)!) === 'ambiguous'))];

describe('one glyph table, two sets (ui/glyphs.ts)', () => {
  const suite = demoForSuite();

  it('chooses the narrow-safe set with --ascii, and on Windows outside Windows Terminal', () => {
    assert.equal(wantsSafeGlyphs({ ascii: false, platform: 'linux', env: {} }), false);
    assert.equal(wantsSafeGlyphs({ ascii: true, platform: 'linux', env: {} }), true);
    assert.equal(wantsSafeGlyphs({ ascii: false, platform: 'win32', env: {} }), true, 'conhost');
    assert.equal(wantsSafeGlyphs({ ascii: false, platform: 'win32', env: { WT_SESSION: '3c5b…' } }), false, 'Windows Terminal');
    assert.equal(wantsSafeGlyphs({ ascii: true, platform: 'win32', env: { WT_SESSION: 'x' } }), true);
  });

  it('has no ambiguous-width character in the safe set, and every mark in both', () => {
    const marks = (g: typeof ASCII_GLYPHS) => Object.entries(g).filter(([k]) => k !== 'safe').flatMap(([, v]) => (Array.isArray(v) ? v : [v as string]));
    assert.deepEqual(ambiguous(marks(ASCII_GLYPHS).join('')), []);
    assert.ok(marks(ASCII_GLYPHS).every((m) => /^[ -~]+$/.test(m)), 'plain ASCII');
    assert.deepEqual(Object.keys(ASCII_GLYPHS).sort(), Object.keys(UNICODE_GLYPHS).sort());
    assert.equal(narrowSafeText('Enter 次へ · Tab/↑↓ 項目移動 · マニュアル §2.1 → 髙橋① …'), 'Enter 次へ | Tab/Up/Down 項目移動 | マニュアル 2.1 -> 髙橋(1) ...');
    assert.equal(narrowSafeText('Ωmega'), '?mega');
  });

  for (const lang of ['ja', 'en'] as Lang[]) {
    it(`draws every step with the safe set without an ambiguous-width character (${lang}, 80×24 and 120×40)`, async () => {
      for (const [columns, rows] of [
        [80, 24],
        [120, 40],
      ] as const) {
        for (const step of [1, 2, 3, 4, 5, 6, 7] as StepNumber[]) {
          const h = renderWizard({ lang, step, ascii: true, columns, rows, values: suite.demo().values, loaded: suite.loaded(), demo: suite.demo().demo });
          await typeAndWait(h.stdin, '', 60);
          const frame = h.lastFrame()!;
          assert.deepEqual(ambiguous(frame), [], `step ${step} ${columns}×${rows}:\n${frame}`);
          assert.doesNotMatch(frame, NOT_NARROW_SAFE, `step ${step}`);
          h.unmount();
        }
      }
    });
  }

  it('keeps the Unicode look by default', async () => {
    const h = renderWizard({ step: 7, columns: 120, rows: 40, values: suite.demo().values, loaded: suite.loaded() });
    await typeAndWait(h.stdin, '', 60);
    assert.match(h.lastFrame()!, /✖ Not ready/);
    assert.match(h.lastFrame()!, /› ✔ pass/);
  });

  it('doctor --ascii prints the same report with narrow-safe marks only', () => {
    const args = [bin, 'doctor', '--offline', '--sql', demoFile('勤怠簿出力.sql'), '--log-dir', demoFile('logs'), '--mapping', demoFile('mapping-export.csv'), '--day-change', '05:00', '--lang'];
    for (const lang of ['ja', 'en']) {
      const plain = spawnSync(process.execPath, [...args, lang], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      const safe = spawnSync(process.execPath, [...args, lang, '--ascii'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.equal(safe.status, plain.status);
      assert.match(plain.stdout, /✖/);
      assert.deepEqual(ambiguous(safe.stdout), [], safe.stdout);
      assert.doesNotMatch(safe.stdout, NOT_NARROW_SAFE);
      assert.equal(safe.stdout.split('\n').length, plain.stdout.split('\n').length, 'the same lines');
    }
  });
});
