/**
 * Line numbers of positions in a text, asked in increasing order: each call counts only the line breaks
 * since the previous one, so numbering every match of a file is linear (counting from the start each
 * time made an SQL file with 20,000 bounds take a minute). Asking for an earlier position starts over.
 */
export class LineCounter {
  private index = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  lineAt(index: number): number {
    if (index < this.index) {
      this.index = 0;
      this.line = 1;
    }
    const text = this.text;
    for (let at = text.indexOf('\n', this.index); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) this.line++;
    this.index = index;
    return this.line;
  }
}

/** The first line (1-based) longer than `max` characters, or undefined: what a reader refuses before parsing. */
export function firstLongLine(text: string, max: number): number | undefined {
  let line = 1;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    if ((end === -1 ? text.length : end) - start > max) return line;
    if (end === -1) return undefined;
    line++;
    start = end + 1;
  }
}
