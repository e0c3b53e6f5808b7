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
