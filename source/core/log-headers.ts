/**
 * LanScope's 勤怠簿 CSV has no public specification, so files are recognised by their header. Every
 * header name we accept lives in this one table: when a customer's export says it differently, add
 * the alias here and nowhere else. Names are compared after NFKC, trimming and lower-casing.
 */
export type LogField = 'eventTime' | 'user' | 'logType' | 'pc' | 'start' | 'end' | 'date';

export const LOG_HEADER_ALIASES: Record<LogField, readonly string[]> = {
  eventTime: ['イベント日時', '日時', 'イベント発生日時'],
  user: ['ログオンユーザ名', 'ログオンユーザー名', 'ユーザ名', 'ユーザー名', 'logonuser', 'username'],
  logType: ['ログ種類', 'ログ種別', 'イベント種類'],
  pc: ['コンピュータ名', 'コンピューター名', 'エージェントno', 'エージェント no', 'エージェント番号', 'computername'],
  start: ['開始日時', '使用開始日時', '開始時刻', '使用開始'],
  end: ['終了日時', '使用終了日時', '終了時刻', '使用終了'],
  date: ['日付', '勤務日', '対象日'],
};

/** The two shapes: raw start/end events, or one row per user and day with its first start and last end. */
export const LOG_SHAPES = {
  events: ['eventTime', 'user', 'logType'],
  summary: ['user', 'start', 'end'],
} as const satisfies Record<string, readonly LogField[]>;

export type LogShapeName = keyof typeof LOG_SHAPES;

export interface LogLayout {
  shape: LogShapeName;
  /** Column index of each field found; optional fields may be missing. */
  columns: Partial<Record<LogField, number>>;
}

export function normaliseHeaderName(name: string): string {
  return name.normalize('NFKC').replace(/^\uFEFF/, '').trim().toLowerCase();
}

/** The aliases as they compare (normalised once, not per file: a folder may hold thousands of files). */
const NORMALISED_ALIASES = {} as Record<LogField, readonly string[]>;
for (const field of Object.keys(LOG_HEADER_ALIASES) as LogField[]) NORMALISED_ALIASES[field] = LOG_HEADER_ALIASES[field].map(normaliseHeaderName);
const KNOWN_NAMES = new Set(Object.values(NORMALISED_ALIASES).flat());

export function recogniseLogHeader(header: readonly string[]): LogLayout | undefined {
  const names = header.map(normaliseHeaderName);
  const columns: Partial<Record<LogField, number>> = {};
  for (const field of Object.keys(NORMALISED_ALIASES) as LogField[]) {
    // Alias order is priority order: イベント日時 wins over 日時 when a file has both.
    for (const alias of NORMALISED_ALIASES[field]) {
      const index = names.indexOf(alias);
      if (index !== -1) {
        columns[field] = index;
        break;
      }
    }
  }
  for (const shape of Object.keys(LOG_SHAPES) as LogShapeName[]) {
    if (LOG_SHAPES[shape].every((field) => columns[field] !== undefined)) return { shape, columns };
  }
  return undefined;
}

/** The header lines a user should see in an error: one per shape, in the canonical names. */
export function acceptedLogHeaders(): string[] {
  return (Object.keys(LOG_SHAPES) as LogShapeName[]).map((shape) =>
    LOG_SHAPES[shape].map((field) => LOG_HEADER_ALIASES[field][0]).join(','),
  );
}

/**
 * A header name the reader would use that appears twice (two ログオンユーザ名 columns): which one holds
 * the user cannot be known, so it is named rather than the first one taken. Columns are 1-based.
 */
export function duplicatedLogColumn(header: readonly string[]): { name: string; columns: [number, number] } | undefined {
  const seen = new Map<string, number>();
  for (const [i, raw] of header.entries()) {
    const name = normaliseHeaderName(raw);
    if (!KNOWN_NAMES.has(name)) continue;
    const first = seen.get(name);
    if (first !== undefined) return { name: raw.replace(/^\uFEFF/, '').trim(), columns: [first + 1, i + 1] };
    seen.set(name, i);
  }
  return undefined;
}
