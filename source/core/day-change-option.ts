import { isClockTimeError, parseClockTime } from './clock-time.js';
import type { DayChangeSetting } from './facts.js';

/**
 * `--day-change 05:00` (every division) or `--day-change 1001=05:00` (one division, by 所属コード).
 * Full-width input (`１００１＝０５：００`) is accepted and reported as normalised.
 */
export function parseDayChangeOption(input: string): DayChangeSetting | undefined {
  const nfkc = input.normalize('NFKC').trim();
  const eq = nfkc.indexOf('=');
  const division = eq === -1 ? undefined : nfkc.slice(0, eq).trim();
  if (division === '') return undefined;
  const time = parseClockTime(eq === -1 ? nfkc : nfkc.slice(eq + 1));
  if (isClockTimeError(time)) return undefined;
  return { ...time, division, input, normalised: nfkc !== input.trim() };
}

/**
 * Day-change times fetched from KING OF TIME (`GET /divisions` → dayBorderTime) for every division,
 * with the ones typed on the command line winning for their own code (an admin may try a planned value).
 */
export function mergeKotDivisions(
  typed: readonly DayChangeSetting[],
  divisions: readonly { code: string; name: string; dayBorderTime: string }[],
): DayChangeSetting[] {
  const typedCodes = new Set(typed.map((d) => d.division));
  const fetched = divisions.flatMap((d) => {
    if (typedCodes.has(d.code)) return [];
    const time = parseClockTime(d.dayBorderTime);
    return isClockTimeError(time) ? [] : [{ ...time, division: d.code, name: d.name, input: d.dayBorderTime }];
  });
  return [...typed, ...fetched];
}
