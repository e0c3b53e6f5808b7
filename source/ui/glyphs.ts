import { eastAsianWidthType } from 'get-east-asian-width';

/**
 * Every mark the wizard and doctor's text output draw, in two sets. conhost on Japanese Windows (the
 * default console of Windows Server 2016–2022) draws East Asian *ambiguous-width* characters — │ · … →
 * ① — two cells wide, and the dingbats ✔ ✖ › ▸ with them, while Ink and every Unix terminal count one:
 * there the layout breaks. The narrow-safe set is plain ASCII; it is chosen with --ascii, and on Windows
 * outside Windows Terminal (which sets WT_SESSION and draws them one cell wide): safe-glyphs.ts decides.
 */
export interface Glyphs {
  /** True for the narrow-safe set: catalog text is passed through narrowSafeText too. */
  safe: boolean;
  pass: string;
  warn: string;
  fail: string;
  skip: string;
  /** The focused row or field. */
  cursor: string;
  /** The current step in the step list; `visited` a step seen but not checked. */
  current: string;
  visited: string;
  /** "what to do" and "becomes". */
  arrow: string;
  ellipsis: string;
  /** Section rules in a list (── Logs dropped ──). */
  rule: string;
  /** The line between the step list and the step. */
  bar: string;
  /** An empty cell. */
  none: string;
  /** Between items on one line (keys, facts). */
  dot: string;
  spinner: readonly string[];
}

export const UNICODE_GLYPHS: Glyphs = {
  safe: false,
  pass: '✔',
  warn: '!',
  fail: '✖',
  skip: '-',
  cursor: '›',
  current: '▸',
  visited: '·',
  arrow: '→',
  ellipsis: '…',
  rule: '─',
  bar: '│',
  none: '—',
  dot: '·',
  spinner: ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'],
};

export const ASCII_GLYPHS: Glyphs = {
  safe: true,
  pass: '+',
  warn: '!',
  fail: 'x',
  skip: '-',
  cursor: '>',
  current: '>',
  visited: '.',
  arrow: '->',
  ellipsis: '...',
  rule: '-',
  bar: '|',
  none: '-',
  dot: '|',
  spinner: ['-', '\\', '|', '/'],
};

export const glyphsFor = (safe: boolean): Glyphs => (safe ? ASCII_GLYPHS : UNICODE_GLYPHS);

/** Longer forms first: `↑↓` reads better as one word than as two. */
const REPLACEMENTS: readonly [RegExp, string | ((match: string) => string)][] = [
  [/↑↓/gu, 'Up/Down'],
  [/←→/gu, 'Left/Right'],
  [/↑/gu, 'Up'],
  [/↓/gu, 'Down'],
  [/→/gu, '->'],
  [/←/gu, '<-'],
  [/…/gu, '...'],
  [/[·•]/gu, '|'],
  [/[–—─]/gu, '-'],
  [/│/gu, '|'],
  [/×/gu, 'x'],
  [/≤/gu, '<='],
  [/≥/gu, '>='],
  [/§/gu, ''],
  [/[✔✓]/gu, '+'],
  [/✖/gu, 'x'],
  [/[›▸]/gu, '>'],
  [/[\u2460-\u2473]/gu, (c) => `(${c.codePointAt(0)! - 0x245f})`],
];

/**
 * Text for a narrow-safe console: the ambiguous-width marks our messages use as ASCII (`Tab/↑↓` →
 * `Tab/Up/Down`, `§2.1` → `2.1`, `①` → `(1)`), and any other ambiguous-width character — in a user
 * name, say — as `?`, because conhost would draw it two columns wide and push the layout over. Only the
 * screen changes: files, the report and the JSON keep every character.
 */
export function narrowSafeText(text: string): string {
  let out = text;
  for (const [pattern, to] of REPLACEMENTS) out = typeof to === 'string' ? out.replace(pattern, to) : out.replace(pattern, to);
  return out.replace(/[^\x00-\x7f]/gu, (ch) => (eastAsianWidthType(ch.codePointAt(0)!) === 'ambiguous' ? '?' : ch));
}
