import { LineCounter } from './text-lines.js';

/**
 * Reads the collection start time out of LanScope's `勤怠簿出力.sql`. The query bounds each work day
 * with `convert(varchar, @tmpDay, 111) + '05:00:00.000'` and the `dateadd(day, 1, @tmpDay)` twin, for
 * both 日時 and イベント日時; admins edit these by hand, so every bound is read and compared.
 */
export interface SqlBound {
  /** 1-based line of the time literal. */
  line: number;
  /** The column compared against the bound (日時, イベント日時, …), when it could be seen. */
  column: string | undefined;
  side: 'from' | 'to';
  /** Minutes after midnight. */
  minutes: number;
  /** The literal as written, e.g. `05:00:00.000`. */
  literal: string;
}

export interface SqlStartTime {
  bounds: SqlBound[];
  /** The agreed start time in minutes; undefined when no bound was found or bounds disagree. */
  minutes: number | undefined;
  /** Bounds whose time differs from the most common one (empty when all agree). */
  outliers: SqlBound[];
}

// `dateadd(…)` is bounded so a file of unclosed `dateadd(` cannot make each match scan to its end.
const BOUND_PATTERN =
  /convert\s*\(\s*n?varchar\s*(?:\(\s*\d+\s*\))?\s*,\s*(dateadd\s*\([^)]{0,200}\)|@\w+)\s*,\s*\d+\s*\)\s*\+\s*N?'\s*(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*'/gi;

/** Linear in the text: matches are numbered in order (LineCounter), each column read from a bounded window. */
export function findSqlStartTime(sqlText: string): SqlStartTime {
  const code = blankOutComments(sqlText);
  const bounds: SqlBound[] = [];
  const lines = new LineCounter(code);
  for (const match of code.matchAll(BOUND_PATTERN)) {
    const hours = Number(match[2]);
    const minutes = Number(match[3]);
    const literalStart = match.index + match[0].indexOf("'");
    bounds.push({
      line: lines.lineAt(literalStart),
      column: comparedColumn(code, match.index),
      side: /^dateadd/i.test(match[1] ?? '') ? 'to' : 'from',
      minutes: hours * 60 + minutes,
      literal: match[0].slice(match[0].indexOf("'") + 1, -1).trim(),
    });
  }
  if (bounds.length === 0) return { bounds, minutes: undefined, outliers: [] };
  const majority = mostCommon(bounds.map((b) => b.minutes));
  const outliers = bounds.filter((b) => b.minutes !== majority);
  return { bounds, minutes: outliers.length === 0 ? majority : undefined, outliers };
}

/** Replaces `--` and (nested) `/* *\/` comments with spaces, keeping line breaks and string literals. */
function blankOutComments(text: string): string {
  const out: string[] = [];
  let i = 0;
  let depth = 0;
  let inString = false;
  let inLineComment = false;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (inLineComment) {
      if (c === '\n') inLineComment = false;
      out.push(c === '\n' || c === '\r' ? c : ' ');
      i++;
    } else if (depth > 0) {
      if (c === '/' && next === '*') {
        depth++;
        out.push('  ');
        i += 2;
      } else if (c === '*' && next === '/') {
        depth--;
        out.push('  ');
        i += 2;
      } else {
        out.push(c === '\n' || c === '\r' ? c : ' ');
        i++;
      }
    } else if (inString) {
      out.push(c);
      if (c === "'") inString = false;
      i++;
    } else if (c === "'") {
      inString = true;
      out.push(c);
      i++;
    } else if (c === '-' && next === '-') {
      inLineComment = true;
      out.push('  ');
      i += 2;
    } else if (c === '/' && next === '*') {
      depth = 1;
      out.push('  ');
      i += 2;
    } else {
      out.push(c);
      i++;
    }
  }
  return out.join('');
}

const COLUMN_CHAR = /[\p{L}\p{N}_\][.]/u;
const SPACE = /\s/;
const LOW_SURROGATE = /[\uDC00-\uDFFF]/;

/**
 * The column a bound is compared with: `[日時] >= convert(…)` → 日時. Walked backwards from the bound
 * (spaces, the operator, spaces, the name) within 200 characters, once: an end-anchored regular expression
 * tried at every position of that window cost up to its square per bound.
 */
function comparedColumn(code: string, boundIndex: number): string | undefined {
  const floor = Math.max(0, boundIndex - 200);
  let i = boundIndex;
  while (i > floor && SPACE.test(code[i - 1]!)) i--;
  if (i === floor || !'<>='.includes(code[i - 1]!)) return undefined;
  i--;
  if (i > floor && '<>'.includes(code[i - 1]!) && code[i] === '=') i--;
  while (i > floor && SPACE.test(code[i - 1]!)) i--;
  const end = i;
  while (i > floor) {
    // A name may hold characters outside the BMP: step over a surrogate pair as one.
    const width = i - 2 >= floor && LOW_SURROGATE.test(code[i - 1]!) ? 2 : 1;
    if (!COLUMN_CHAR.test(code.slice(i - width, i))) break;
    i -= width;
  }
  if (i === end) return undefined;
  return code.slice(i, end).replace(/[[\]]/g, '').split('.').pop();
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0]!;
  for (const [value, count] of counts) if (count > (counts.get(best) ?? 0)) best = value;
  return best;
}
