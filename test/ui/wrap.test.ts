import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayWidth } from '../../source/core/display-width.js';
import { widestUnbreakable, wrapText } from '../../source/core/wrap-text.js';
import { packedLines } from '../../source/ui/wrap.js';
import { fitColumns, fitColumnsMiddle } from '../../source/ui/widgets/fit-columns.js';
import { blockWindow } from '../../source/ui/widgets/scroll-blocks.js';

describe('line breaking (core/wrap-text.ts, ui/wrap.ts)', () => {
  it('breaks Japanese between phrases, never inside a number and its counter or a word and its particle', () => {
    const text = 'サポートセンターから届いた 32 桁の英数字。未着なら空欄のまま進めます';
    for (let width = 10; width <= 40; width++) {
      const lines = wrapText(text, width);
      assert.ok(lines.every((l) => displayWidth(l) <= width), `width ${width}: ${lines.join('|')}`);
      assert.ok(lines.every((l) => !l.startsWith(' ') && !l.endsWith(' ')), `width ${width}: no line starts or ends with a space`);
      assert.ok(!lines.some((l, i) => i > 0 && /^桁/.test(l)), `width ${width}: 32⏎桁: ${lines.join('|')}`);
      assert.equal(lines.join('').replace(/\s/g, ''), text.replace(/\s/g, ''));
    }
    assert.deepEqual(wrapText('「3 件のアカウントを更新」と表示されます。', 12), ['「3 件の', 'アカウントを', '更新」と', '表示されま', 'す。']);
    assert.deepEqual(wrapText('LanScope のログ収集の起点時刻', 12), ['LanScope の', 'ログ収集の', '起点時刻']);
  });

  it('keeps 禁則: no line starts with 、。」 or a small kana, none ends with 「（', () => {
    const text = 'ファイルを選択（[送信]）。「3 件のアカウントを更新」と、表示されます。ちょっと待ってください。';
    for (let width = 12; width <= 40; width++) {
      for (const line of wrapText(text, width)) {
        assert.doesNotMatch(line, /^[、。）」っょ]/u, `width ${width}: ${line}`);
        assert.doesNotMatch(line, /[（「]$/u, `width ${width}: ${line}`);
      }
    }
  });

  it('keeps a name in capitals and a button\'s short [label] on one line', () => {
    assert.deepEqual(wrapText('各所属の日付変更時間と従業員を KING OF TIME から読みます', 36), ['各所属の日付変更時間と従業員を', 'KING OF TIME から読みます']);
    assert.deepEqual(wrapText('the KING OF TIME Web API token', 14), ['the', 'KING OF TIME', 'Web API token']);
    assert.deepEqual(wrapText('mapping CSV exported from PC ログイン連携 ([CSV データ保存])', 44), ['mapping CSV exported from PC ログイン連携', '([CSV データ保存])']);
    // Longer than a label: breaks as any text.
    assert.deepEqual(wrapText('[--install | --xml ファイル] [入力]', 20), ['[--install | --xml', 'ファイル] [入力]']);
    assert.equal(widestUnbreakable('LanScope の CSV と KING OF TIME'), 12);
  });

  it('breaks English at spaces and cuts what is longer than a line', () => {
    assert.deepEqual(wrapText('The link service needs your company code', 16), ['The link service', 'needs your', 'company code']);
    assert.deepEqual(wrapText('/tmp/lanscope-kot-demo/report.md', 10), ['/tmp/lansc', 'ope-kot-de', 'mo/report.', 'md']);
    assert.deepEqual(wrapText('', 10), ['']);
  });

  it('counts items laid out left to right, and clips to columns', () => {
    assert.equal(packedLines(['aaaa', 'bbbb', 'cccc'], 10, 1), 2);
    assert.equal(fitColumns('勤怠 太郎', 6), '勤怠 …');
    assert.equal(fitColumns('abcdef', 5, '...'), 'ab...');
    assert.equal(fitColumnsMiddle('/tmp/lanscope/logs', 12), '/tmp/l…/logs');
    assert.equal(displayWidth(fitColumnsMiddle('/tmp/勤怠簿出力/logs', 11)), 11);
  });

  it('scrolls blocks to keep the focused one in view, saying what is cut', () => {
    assert.deepEqual(blockWindow([3, 1, 2, 1, 4], 0, 20), { first: 0, last: 4, above: false, below: false });
    assert.deepEqual(blockWindow([3, 1, 2, 1, 4], 4, 6), { first: 3, last: 4, above: true, below: false });
    // From the top while the focus is within reach: the introduction stays on screen.
    assert.deepEqual(blockWindow([3, 1, 2, 1, 4], 0, 6), { first: 0, last: 1, above: false, below: true });
    assert.deepEqual(blockWindow([3, 1, 2, 1, 4], 2, 6), { first: 1, last: 3, above: true, below: true });
  });
});
