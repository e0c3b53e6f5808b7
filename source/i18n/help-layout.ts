import { displayWidth } from '../core/display-width.js';
import { widestUnbreakable, wrapText } from '../core/wrap-text.js';

/**
 * A help text laid out for a terminal `columns` wide. The texts are written for a wide window; on an
 * 80-column console (conhost, where 勤怠 takes four columns) their long lines wrapped at the edge and
 * the option table's description column fell apart. Lines use at most `columns - 1` columns: a line
 * that fills the last one leaves the cursor on the next line in some consoles, which shows as an empty line.
 *
 * An option line (`  --sql FILE   description`: indented, then two spaces or more before the
 * description) keeps its description column; the description, with the lines under it that start at
 * that column, is wrapped again as one text, so the result does not depend on where the source broke.
 * When the column leaves fewer than MIN_DESCRIPTION columns, or too few for a URL that would then be
 * cut, the description goes under the option.
 * Other lines wrap on their own, keeping their indentation. Whatever fits (an option with the lines
 * under it, or a line) is left exactly as written, so formatting twice changes nothing.
 */
export function fitHelp(text: string, columns: number): string {
  const width = Math.max(1, columns - 1);
  const fits = (line: string): boolean => displayWidth(line) <= width;
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    const option = OPTION.exec(line);
    if (!option) {
      out.push(...(fits(line) ? [line] : indented(line, width)));
      i++;
      continue;
    }
    const [, indent = '', name = '', gap = '', description = ''] = option;
    const column = displayWidth(indent + name + gap);
    let end = i + 1;
    while (end < lines.length && indentOf(lines[end]!) === column && lines[end]!.trim() !== '') end++;
    const entry = lines.slice(i, end);
    if (entry.every(fits)) out.push(...entry);
    else {
      const whole = entry.slice(1).reduce((joined, next) => joinLines(joined, next.trim()), description.trimEnd());
      out.push(...optionLines(indent, name, gap, whole, width));
    }
    i = end;
  }
  return out.join('\n');
}

/** Columns a description needs beside its option before it is put under it instead. */
const MIN_DESCRIPTION = 24;
/** How much further in than its option a description put under it starts. */
const UNDER_OPTION = 4;

// Indented, so that `Usage: … --days N  [options]` stays prose; the option part is everything up to the
// first run of two spaces, which is where every table in the help texts puts its description.
const OPTION = /^( +)(\S(?:.*?\S)?)( {2,})(\S.*)$/;

const indentOf = (line: string): number => /^ */.exec(line)![0].length;

function optionLines(indent: string, name: string, gap: string, description: string, width: number): string[] {
  const column = displayWidth(indent + name + gap);
  const under = ' '.repeat(Math.min(indent.length + UNDER_OPTION, Math.floor(width / 4)));
  // Beside the option unless that leaves too little room, or cuts a URL in two where under it would not.
  const widest = widestUnbreakable(description);
  if (width - column >= MIN_DESCRIPTION && (widest <= width - column || widest > width - under.length)) {
    return wrapText(description, width - column).map((part, i) => (i === 0 ? indent + name + gap : ' '.repeat(column)) + part);
  }
  return [...indented(indent + name, width), ...wrapText(description, width - under.length).map((part) => under + part)];
}

/** A line wrapped at `width`, each part as far in as the line was (but never past half the width). */
function indented(line: string, width: number): string[] {
  const indent = ' '.repeat(Math.min(indentOf(line), Math.floor(width / 2)));
  return wrapText(line.trim(), width - indent.length).map((part) => indent + part);
}

// Japanese has no space between a line and the next (`HTTP_PROXY、⏎ALL_PROXY`), English and a Latin
// word beside kana have one (`以外の⏎Windows` is `以外の Windows`).
const CJK_PUNCTUATION = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;

function joinLines(text: string, next: string): string {
  const last = [...text].pop() ?? '';
  const first = [...next][0] ?? '';
  const together = CJK_PUNCTUATION.test(last) || CJK_PUNCTUATION.test(first) || (displayWidth(last) === 2 && displayWidth(first) === 2);
  return together ? text + next : `${text} ${next}`;
}
