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

export function findSqlStartTime(sqlText: string): SqlStartTime {
  const code = blankOutComments(sqlText);
  const bounds: SqlBound[] = [];
  const boundPattern =
    /convert\s*\(\s*n?varchar\s*(?:\(\s*\d+\s*\))?\s*,\s*(dateadd\s*\([^)]*\)|@\w+)\s*,\s*\d+\s*\)\s*\+\s*N?'\s*(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*'/gi;
  for (const match of code.matchAll(boundPattern)) {
    const hours = Number(match[2]);
    const minutes = Number(match[3]);
    const literalStart = match.index + match[0].indexOf("'");
    bounds.push({
      line: lineAt(code, literalStart),
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

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function comparedColumn(code: string, boundIndex: number): string | undefined {
  const before = code.slice(Math.max(0, boundIndex - 200), boundIndex);
  const m = /([\p{L}\p{N}_\]\[.]+)\s*(?:>=|<=|<|>|=)\s*$/u.exec(before);
  return m?.[1]?.replace(/[[\]]/g, '').split('.').pop();
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0]!;
  for (const [value, count] of counts) if (count > (counts.get(best) ?? 0)) best = value;
  return best;
}
