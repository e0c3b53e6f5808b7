/**
 * A JSON answer that is one top-level array, cut into small values as its bytes arrive, each parsed by
 * JSON.parse on its own: every item of the array or, with `into`, the item's members one by one and the
 * elements of the array its member `into` holds one by one (`/daily-workings/timerecord` answers one item
 * per date holding every employee's day). Only the structure around those values is walked here
 * (brackets, commas, colons, strings); what is in memory at a time is one value and one network chunk,
 * never the answer or an object graph of it. JSON.parse of a whole answer held it three times (bytes,
 * text, objects) and grew the heap by the answer's size; the streaming parser this replaces walked every
 * character in JavaScript and was twice as slow.
 */

/** What is wrong with the answer as a whole. `item`: the top-level item that is not an object (with `into`). */
export type SplitProblem = { kind: 'not-json' } | { kind: 'not-array' } | { kind: 'not-object'; item: number };

export class SplitError extends Error {
  constructor(readonly problem: SplitProblem) {
    super(problem.kind);
    this.name = 'SplitError';
  }
}

export interface SplitHandlers {
  /** Without `into`: each item of the top-level array, parsed. */
  item?(value: unknown, index: number): void;
  /** With `into`: a member of item `index` other than `into` (or `into` itself when it is not an array). */
  member?(index: number, key: string, value: unknown): void;
  /** With `into`: element `element` of item `index`'s `into` array. */
  element?(index: number, element: number, value: unknown): void;
  /** With `into`: item `index` ended (its members and elements have all been given). */
  itemEnd?(index: number): void;
}

const enum Where {
  /** Before the top-level `[` (a BOM and white space may come first). */
  Start,
  /** In the top-level array: after `[`, after `,`, after an item. */
  RootFirst,
  RootNext,
  RootAfter,
  /** In an item object (with `into`): after `{`, after `,`, after a key, after `:`, after a value. */
  KeyFirst,
  KeyNext,
  Colon,
  MemberValue,
  MemberAfter,
  /** In the `into` array: after `[`, after `,`, after an element. */
  IntoFirst,
  IntoNext,
  IntoAfter,
  /** After the top-level `]`: only white space. */
  Done,
}

/** What a captured value is for, once complete. */
const enum Capture {
  Item,
  Key,
  Member,
  Element,
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const BOM = [0xef, 0xbb, 0xbf];
const EMPTY = Buffer.alloc(0);
const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
/** Where a number or literal (`true`, `null`) ends. */
const endsScalar = (b: number): boolean => isSpace(b) || b === COMMA || b === CLOSE_ARRAY || b === CLOSE_OBJECT;

export class JsonArraySplitter {
  private where = Where.Start;
  private offset = 0;
  private item = -1;
  private element = -1;
  private key = '';

  // The value being captured: its bytes in earlier chunks, how deep it nests, whether a number or
  // literal, whether inside a string (and just after a backslash).
  private capturing: Capture | undefined;
  private parts: Buffer[] = [];
  private depth = 0;
  private scalar = false;
  private inString = false;
  private escaped = false;

  constructor(
    private readonly handlers: SplitHandlers,
    private readonly into?: string,
  ) {}

  write(chunk: Buffer): void {
    const len = chunk.length;
    let i = 0;
    // Where the value being captured begins in this chunk (0 when it began in an earlier one).
    let start = 0;
    // The next backslash at or after i (len when there is none): a string is skipped with indexOf, and
    // an escape is only looked at where there is one.
    let backslash = -1;
    while (i < len) {
      if (this.capturing !== undefined) {
        if (this.inString) {
          if (this.escaped) {
            // The character after a backslash that ended the last chunk: never the string's end.
            this.escaped = false;
            i++;
            continue;
          }
          if (backslash < i) {
            backslash = chunk.indexOf(BACKSLASH, i);
            if (backslash === -1) backslash = len;
          }
          const quote = chunk.indexOf(QUOTE, i);
          const close = quote === -1 ? len : quote;
          if (backslash < close) {
            i = backslash + 2;
            if (i > len) {
              this.escaped = true;
              i = len;
            }
            continue;
          }
          if (close === len) break;
          i = close + 1;
          this.inString = false;
          if (this.depth === 0) this.complete(chunk, start, i);
          continue;
        }
        const b = chunk[i]!;
        if (this.scalar) {
          // A number or literal ends before the structure that follows it, which is then read as such.
          if (endsScalar(b)) this.complete(chunk, start, i);
          else i++;
          continue;
        }
        i++;
        if (b === QUOTE) this.inString = true;
        else if (b === OPEN_OBJECT || b === OPEN_ARRAY) this.depth++;
        else if ((b === CLOSE_OBJECT || b === CLOSE_ARRAY) && --this.depth === 0) this.complete(chunk, start, i);
        continue;
      }

      const b = chunk[i]!;
      if (isSpace(b) || (this.where === Where.Start && this.offset + i < BOM.length && b === BOM[this.offset + i])) {
        i++;
        continue;
      }
      switch (this.where) {
        case Where.Start:
          if (b !== OPEN_ARRAY) throw new SplitError({ kind: 'not-array' });
          this.where = Where.RootFirst;
          break;
        case Where.RootFirst:
        case Where.RootNext:
          if (b === CLOSE_ARRAY) {
            // `[]` is an empty answer; `[1,]` is not JSON.
            if (this.where === Where.RootNext) throw new SplitError({ kind: 'not-json' });
            this.where = Where.Done;
            break;
          }
          this.item++;
          if (this.into === undefined) {
            start = i;
            if (this.begin(Capture.Item, b)) continue;
            break;
          }
          // A value of another kind is not an object; a comma or bracket there is not JSON at all.
          if (b !== OPEN_OBJECT) throw new SplitError(b === COMMA || b === COLON || b === CLOSE_OBJECT ? { kind: 'not-json' } : { kind: 'not-object', item: this.item });
          this.where = Where.KeyFirst;
          this.element = -1;
          break;
        case Where.RootAfter:
          if (b === COMMA) this.where = Where.RootNext;
          else if (b === CLOSE_ARRAY) this.where = Where.Done;
          else throw new SplitError({ kind: 'not-json' });
          break;
        case Where.KeyFirst:
        case Where.KeyNext:
          if (b === CLOSE_OBJECT && this.where === Where.KeyFirst) {
            this.endItem();
            break;
          }
          if (b !== QUOTE) throw new SplitError({ kind: 'not-json' });
          start = i;
          this.begin(Capture.Key, b);
          break;
        case Where.Colon:
          if (b !== COLON) throw new SplitError({ kind: 'not-json' });
          this.where = Where.MemberValue;
          break;
        case Where.MemberValue:
          if (b === OPEN_ARRAY && this.key === this.into) {
            this.where = Where.IntoFirst;
            break;
          }
          start = i;
          if (this.begin(Capture.Member, b)) continue;
          break;
        case Where.MemberAfter:
          if (b === COMMA) this.where = Where.KeyNext;
          else if (b === CLOSE_OBJECT) this.endItem();
          else throw new SplitError({ kind: 'not-json' });
          break;
        case Where.IntoFirst:
        case Where.IntoNext:
          if (b === CLOSE_ARRAY) {
            if (this.where === Where.IntoNext) throw new SplitError({ kind: 'not-json' });
            this.where = Where.MemberAfter;
            break;
          }
          this.element++;
          start = i;
          if (this.begin(Capture.Element, b)) continue;
          break;
        case Where.IntoAfter:
          if (b === COMMA) this.where = Where.IntoNext;
          else if (b === CLOSE_ARRAY) this.where = Where.MemberAfter;
          else throw new SplitError({ kind: 'not-json' });
          break;
        case Where.Done:
          throw new SplitError({ kind: 'not-json' });
      }
      i++;
    }
    // A value still open: what this chunk holds of it waits for the rest.
    if (this.capturing !== undefined) this.parts.push(chunk.subarray(start));
    this.offset += len;
  }

  /** The answer ended: a value or array left open (cut short), or nothing at all, is not JSON. */
  end(): void {
    if (this.capturing !== undefined && this.scalar) this.complete(EMPTY, 0, 0);
    if (this.where !== Where.Done || this.capturing !== undefined) throw new SplitError({ kind: 'not-json' });
  }

  /**
   * A value starts with byte `b`: true for a number or literal, whose first byte is read again as part of
   * it; a string or container has its first byte taken here.
   */
  private begin(capture: Capture, b: number): boolean {
    this.capturing = capture;
    this.parts = [];
    this.inString = b === QUOTE;
    this.depth = b === OPEN_OBJECT || b === OPEN_ARRAY ? 1 : 0;
    this.scalar = !this.inString && this.depth === 0;
    return this.scalar;
  }

  /** The value ends before `end` in this chunk (it began at `start`, or in an earlier chunk). */
  private complete(chunk: Buffer, start: number, end: number): void {
    const text = this.parts.length === 0 ? chunk.toString('utf8', start, end) : Buffer.concat([...this.parts, chunk.subarray(start, end)]).toString('utf8');
    const capture = this.capturing!;
    this.capturing = undefined;
    this.parts = [];
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new SplitError({ kind: 'not-json' });
    }
    switch (capture) {
      case Capture.Item:
        this.where = Where.RootAfter;
        this.handlers.item?.(value, this.item);
        break;
      case Capture.Key:
        this.key = value as string;
        this.where = Where.Colon;
        break;
      case Capture.Member:
        this.where = Where.MemberAfter;
        this.handlers.member?.(this.item, this.key, value);
        break;
      case Capture.Element:
        this.where = Where.IntoAfter;
        this.handlers.element?.(this.item, this.element, value);
        break;
    }
  }

  private endItem(): void {
    this.where = Where.RootAfter;
    this.handlers.itemEnd?.(this.item);
  }
}
