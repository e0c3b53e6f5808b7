/**
 * Times of day ("05:00") as typed by admins or found in files. Full-width digits and colons are
 * common in pasted Japanese text, so input is NFKC-normalised and the caller is told it happened.
 */
export interface ClockTime {
  /** Minutes after midnight, 0..1439. */
  minutes: number;
  /** Canonical "HH:MM". */
  text: string;
  /** True when the input needed NFKC normalisation (full-width digits or colon). */
  normalised: boolean;
}

export type ClockTimeError = { error: 'empty' | 'format' | 'range'; input: string };

export function parseClockTime(input: string): ClockTime | ClockTimeError {
  const nfkc = input.normalize('NFKC').trim();
  if (nfkc === '') return { error: 'empty', input };
  const match = /^(\d{1,2}):(\d{2})(?::00)?$/.exec(nfkc) ?? /^(\d{2})(\d{2})$/.exec(nfkc);
  if (!match) return { error: 'format', input };
  const hours = Number(match[1]);
  const mins = Number(match[2]);
  if (hours > 23 || mins > 59) return { error: 'range', input };
  return { minutes: hours * 60 + mins, text: formatClockTime(hours * 60 + mins), normalised: nfkc !== input.trim() };
}

export function isClockTimeError(value: ClockTime | ClockTimeError): value is ClockTimeError {
  return 'error' in value;
}

export function formatClockTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
