import { displayWidth } from './display-width.js';

/**
 * Lines of at most `width` terminal columns, broken where a reader expects: at spaces in English, at
 * phrase boundaries in Japanese. Ink's own wrapping breaks Japanese anywhere (`32⏎桁`, `「3⏎件`) and
 * starts lines with the space it broke at; wrapping here also tells a step exactly how many lines a
 * text takes, so that it can fit the terminal. Here in core, not ui/, because --help is laid out with it
 * too (i18n/help-layout.ts) and must not load the wizard's modules.
 *
 * Japanese phrases (文節) are approximated the classic way: a phrase is content (kanji, katakana, Latin)
 * followed by its hiragana particles, so a break goes where hiragana is followed by anything else, after
 * 、。 and closing brackets, and before opening ones — never before 。」ー or small kana (禁則), never
 * after 「（, never between a number and its counter (`32 桁`) or a word and its particle (`LanScope の`),
 * nor inside a name in capitals (`KING OF TIME`) or a button's `[CSV データ保存]`.
 * budoux does this with a trained model, but its package loads linkedom (about 45 ms of the first frame
 * bundled, 180 ms unbundled) and 65 packages: this rule set is enough for the wizard's own sentences.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) lines.push(...wrapParagraph(paragraph, Math.max(1, width)));
  return lines;
}

/** The widest part of `text` that wrapText cannot break, so must cut when a line is narrower. */
export function widestUnbreakable(text: string): number {
  let widest = 0;
  for (const paragraph of text.split('\n')) for (const piece of pieces(paragraph)) widest = Math.max(widest, displayWidth(piece.text));
  return widest;
}

const HIRAGANA = /[\u3041-\u309f]/u;
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
const NO_START = /[、。，．・：；！？）」』】〕〉》ー々ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ)\]},.:;!?%]/u;
const NO_END = /[（「『【〔〈《([{]/u;
const CLOSING = /[、。，．）」』】〕〉》：]/u;
const OPENING = /[（「『【〔〈《]/u;
const DIGIT = /[0-9０-９]/u;

/** May a line break between `a` and `b` (no spaces between them)? */
function breakBetween(a: string, b: string): boolean {
  // The rules below are for Japanese: Latin beside Latin never breaks without a space (and --help,
  // which wraps on the way to its first line, skips four tests a character).
  if (a < '\u0080' && b < '\u0080') return false;
  if (NO_START.test(b) || NO_END.test(a)) return false;
  if (CLOSING.test(a)) return true;
  if (OPENING.test(b)) return true;
  // Hiragana ends a phrase when content starts again: 届いた|32、時刻は|LanScope.
  return HIRAGANA.test(a) && !HIRAGANA.test(b) && (CJK.test(b) || /[A-Za-z0-9]/.test(b));
}

/** May a line break at the spaces between `a` and `b`? */
function breakAtSpace(a: string, b: string): boolean {
  if (NO_START.test(b) || NO_END.test(a)) return false;
  // `LanScope の`, `Enter で`: a particle belongs to the word before it.
  if (HIRAGANA.test(b)) return false;
  // `32 桁`, `3 件`, `12 行目`: a number and its counter.
  if (DIGIT.test(a) && CJK.test(b)) return false;
  return true;
}

/** Capitals, as in `KING OF TIME`: names that a break between their words would tear apart. */
const CAPITAL = /[A-Z]/;
const LETTER = /[A-Za-z]/;
/** A `[CSV データ保存]` no longer than this is a button's name, kept on one line. */
const LABEL_MAX = 20;

/** Are the words on either side of chars[i..j] (spaces) words in capitals, two letters or more? */
function betweenCapitals(chars: readonly string[], i: number, j: number): boolean {
  let back = i - 1;
  while (back >= 0 && CAPITAL.test(chars[back]!)) back--;
  let ahead = j + 1;
  while (ahead < chars.length && CAPITAL.test(chars[ahead]!)) ahead++;
  return i - 1 - back >= 2 && !LETTER.test(chars[back] ?? '') && ahead - (j + 1) >= 2 && !LETTER.test(chars[ahead] ?? '');
}

/** Where the `[…]` label opening at chars[i] closes, if it is short enough to be one. */
function labelEnd(chars: readonly string[], i: number): number {
  for (let k = i + 1; k < chars.length && k <= i + LABEL_MAX; k++) {
    if (chars[k] === '[') return -1;
    if (chars[k] === ']') return k;
  }
  return -1;
}

/** Unbreakable pieces: each ends where a break is allowed; `space` says whether spaces came after it. */
function pieces(text: string): { text: string; space: boolean }[] {
  const chars = [...text];
  const out: { text: string; space: boolean }[] = [];
  let current = '';
  let label = -1;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '[' && i > label) label = labelEnd(chars, i);
    if (ch === ' ') {
      let j = i;
      while (chars[j + 1] === ' ') j++;
      const before = chars[i - 1];
      const after = chars[j + 1];
      if (before === undefined || after === undefined || (i > label && breakAtSpace(before, after) && !(CAPITAL.test(before) && CAPITAL.test(after) && betweenCapitals(chars, i, j)))) {
        if (current) out.push({ text: current, space: true });
        current = '';
      } else current += chars.slice(i, j + 1).join('');
      i = j;
      continue;
    }
    current += ch;
    const next = chars[i + 1];
    if (next !== undefined && next !== ' ' && i >= label && breakBetween(ch, next)) {
      out.push({ text: current, space: false });
      current = '';
    }
  }
  if (current) out.push({ text: current, space: false });
  return out;
}

function wrapParagraph(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  let gap = false;
  const push = (): void => {
    lines.push(line);
    line = '';
    used = 0;
    gap = false;
  };
  for (const piece of pieces(text)) {
    const w = displayWidth(piece.text);
    const sep = gap && line !== '' ? 1 : 0;
    if (used + sep + w <= width) {
      line += (sep ? ' ' : '') + piece.text;
      used += sep + w;
    } else {
      if (line !== '') push();
      if (w <= width) {
        line = piece.text;
        used = w;
      } else {
        // Longer than a line (a path, a URL, a long phrase): cut it by columns, carrying the last
        // character over with a 。 or 」 that may not start a line.
        for (const ch of piece.text) {
          const cw = displayWidth(ch);
          if (used + cw > width) {
            const chars = [...line];
            let carry = '';
            // Carry back until the new line starts with a character that may start one (`す。`, `]）。`).
            while (NO_START.test(carry || ch) && chars.length > 1) carry = chars.pop()! + carry;
            // …and so that it does not end with one that may not end a line (`（`).
            while (NO_END.test(chars[chars.length - 1] ?? '') && chars.length > 1) carry = chars.pop()! + carry;
            line = chars.join('');
            push();
            line = carry;
            used = displayWidth(carry);
          }
          line += ch;
          used += cw;
        }
      }
    }
    gap = piece.space;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}
