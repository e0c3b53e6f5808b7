/**
 * LanScope writes local wall-clock times with no zone. We keep them as seconds since
 * 1970-01-01 00:00 of that same wall clock (no zone, no DST): arithmetic on days and
 * day-change offsets stays exact and never depends on the machine's time zone.
 */
export type WallSeconds = number;
export type DayNumber = number;

const SECONDS_PER_DAY = 86_400;

/**
 * Parses `2024/12/17 09:03:12`, `2024/12/17 9:03`, `2024-12-17 09:03:12.000`, `2024-12-17T09:03:12`.
 * Hours 24–29 are LanScope's way of writing "after midnight of the previous day" and roll over.
 * Returns undefined for anything else: the caller knows the file and line to name.
 * Scanned by hand rather than by a regular expression: it runs once per log row, and a match array
 * with its substrings per row was a fifth of the garbage of a million-row read.
 */
export function parseWallClock(text: string): WallSeconds | undefined {
  if (text.length === 19) {
    const fixed = fixedWallClock(text);
    if (fixed !== undefined) return fixed;
  }
  const scan = { text, at: 0 };
  const year = digits(scan, 4, 4);
  if (year < 0 || !separator(scan)) return undefined;
  const month = digits(scan, 1, 2);
  if (month < 0 || !separator(scan)) return undefined;
  const day = digits(scan, 1, 2);
  if (day < 0) return undefined;
  let hour = 0;
  let minute = 0;
  let second = 0;
  if (scan.at < text.length) {
    const gap = scan.at;
    while (scan.at < text.length && (text.charCodeAt(scan.at) === 32 || text.charCodeAt(scan.at) === 84)) scan.at++;
    if (scan.at === gap) return undefined;
    hour = digits(scan, 1, 2);
    if (hour < 0 || text.charCodeAt(scan.at++) !== 58) return undefined;
    minute = digits(scan, 2, 2);
    if (minute < 0) return undefined;
    if (scan.at < text.length) {
      if (text.charCodeAt(scan.at++) !== 58) return undefined;
      second = digits(scan, 2, 2);
      if (second < 0) return undefined;
      if (scan.at < text.length) {
        if (text.charCodeAt(scan.at++) !== 46 || digits(scan, 1, 7) < 0) return undefined;
      }
    }
    if (scan.at !== text.length) return undefined;
  }
  if (hour > 29 || minute > 59 || second > 59 || !plausibleYear(year)) return undefined;
  const midnight = midnightOf(year, month, day);
  return midnight === undefined ? undefined : midnight + hour * 3600 + minute * 60 + second;
}

/**
 * `2024/12/17 09:03:12`, the way LanScope writes every row, read by position: the same result as the
 * scanner below for this form (which it falls back to for anything else), at a third of its cost.
 */
function fixedWallClock(text: string): WallSeconds | undefined {
  const sep1 = text.charCodeAt(4);
  const sep2 = text.charCodeAt(7);
  const gap = text.charCodeAt(10);
  if ((sep1 !== 47 && sep1 !== 45) || (sep2 !== 47 && sep2 !== 45) || (gap !== 32 && gap !== 84) || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  if (hour > 29 || minute > 59 || second > 59 || !plausibleYear(year)) return undefined;
  const midnight = midnightOf(year, month, day);
  return midnight === undefined ? undefined : midnight + hour * 3600 + minute * 60 + second;
}

/** `count` ASCII digits at `at`, or -1. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/**
 * Logs and punches of this link are from this century: a year outside 2000–2099 is a damaged value, not a
 * date (`0024/12/17` would otherwise be read as 1924 by Date.UTC, and `9999/12/31 29:59` print as +010000).
 */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2099;

function plausibleYear(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** The year of a date-time that is well formed but outside MIN_YEAR–MAX_YEAR, to say so rather than "not a date". */
export function implausibleYear(text: string): number | undefined {
  const m = /^\s*(\d{4})[/-]/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  return plausibleYear(year) ? undefined : year;
}

/** Reads `min`–`max` ASCII digits; -1 when there are fewer. */
function digits(scan: { text: string; at: number }, min: number, max: number): number {
  let value = 0;
  let count = 0;
  while (count < max && scan.at < scan.text.length) {
    const c = scan.text.charCodeAt(scan.at);
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
    scan.at++;
    count++;
  }
  return count >= min ? value : -1;
}

function separator(scan: { text: string; at: number }): boolean {
  const c = scan.text.charCodeAt(scan.at++);
  return c === 47 || c === 45;
}

// Rows of a LanScope file share a handful of dates: remember the last one instead of validating it again.
let cachedYear = 0;
let cachedMonth = 0;
let cachedDay = 0;
let cachedMidnight = 0;

function midnightOf(year: number, month: number, day: number): WallSeconds | undefined {
  if (year === cachedYear && month === cachedMonth && day === cachedDay) return cachedMidnight;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  cachedYear = year;
  cachedMonth = month;
  cachedDay = day;
  cachedMidnight = Date.UTC(year, month - 1, day) / 1000;
  return cachedMidnight;
}

/** Parses a bare date (`2024/12/17`, `2024-12-17`) into its day number. */
export function parseDay(text: string): DayNumber | undefined {
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (!plausibleYear(year) || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month - 1, day) / 1000 / SECONDS_PER_DAY;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The day a moment belongs to when days begin at `offsetMinutes` after midnight: with a 05:00 start,
 * 2024-12-18 02:10 belongs to 2024-12-17. This one rule is both LanScope's collection window and
 * KING OF TIME's work day, which is why the two times must agree.
 */
export function dayOf(time: WallSeconds, offsetMinutes: number): DayNumber {
  return Math.floor((time - offsetMinutes * 60) / SECONDS_PER_DAY);
}

/** `00`–`59` made once: a report of a month formats hundreds of thousands of times. */
const TWO = Array.from({ length: 60 }, (_, n) => (n < 10 ? `0${n}` : String(n)));
const two = (n: number): string => TWO[n] ?? String(n);

export function formatWallClock(time: WallSeconds): string {
  const day = Math.floor(time / SECONDS_PER_DAY);
  const seconds = time - day * SECONDS_PER_DAY;
  return `${formatDay(day)}T${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

// A report formats hundreds of thousands of punches over a few dozen days.
const dayText = new Map<DayNumber, string>();

export function formatDay(day: DayNumber): string {
  let text = dayText.get(day);
  if (text === undefined) {
    text = new Date(day * SECONDS_PER_DAY * 1000).toISOString().slice(0, 10);
    if (dayText.size < 10_000) dayText.set(day, text);
  }
  return text;
}

/** `12/17 09:03`, the way KING OF TIME's 日別データ shows a PC punch. */
export function formatMonthDayTime(time: WallSeconds): string {
  const iso = formatWallClock(time);
  return `${iso.slice(5, 7)}/${iso.slice(8, 10)} ${iso.slice(11, 16)}`;
}

export function minutesOfDay(time: WallSeconds): number {
  return Math.floor((((time % SECONDS_PER_DAY) + SECONDS_PER_DAY) % SECONDS_PER_DAY) / 60);
}
