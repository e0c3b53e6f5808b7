import { parseDay, formatDay, type DayNumber } from '../core/wall-clock.js';
import type { Lang } from '../i18n/message.js';
import { tr } from '../i18n/reconcile.js';
import { parseDoctorOptions, type DoctorOptions } from './doctor-options.js';

/**
 * reconcile's flags: the work days (--from/--to or --days) and --csv, then every doctor input flag,
 * parsed by doctor's own parser so the two commands read their inputs the same way.
 */
export interface ReconcileOptions extends DoctorOptions {
  from: DayNumber;
  to: DayNumber;
  csv?: string;
}

/** A usage error already in words (reconcile's catalog), shown as one line, exit 2. */
export class ReconcileUsageError extends Error {
  constructor(readonly text: (lang: Lang) => string) {
    super('usage');
    this.name = 'ReconcileUsageError';
  }
}

const OWN = ['from', 'to', 'days', 'csv'] as const;
type Own = (typeof OWN)[number];

/** Takes `--name value` / `--name=value` for the given names out of args; the rest goes to doctor's parser. */
export function takeFlags<N extends string>(args: readonly string[], names: readonly N[], command = 'reconcile'): { taken: Partial<Record<N, string>>; rest: string[] } {
  const taken: Partial<Record<N, string>> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = names.find((n) => arg === `--${n}` || arg.startsWith(`--${n}=`));
    if (name === undefined) {
      rest.push(arg);
      continue;
    }
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
    if (value === undefined || (value.startsWith('--') && !arg.includes('='))) {
      throw new ReconcileUsageError((lang) => tr(lang, 'rc.usage', { command, detail: `--${name} needs a value` }));
    }
    taken[name] = value;
  }
  return { taken, rest };
}

const JST_MS = 9 * 3600 * 1000;

/** Today's date in Japan: KING OF TIME's calendar, wherever this runs. */
export function todayJst(now: Date): DayNumber {
  return Math.floor((now.getTime() + JST_MS) / 86_400_000);
}

/** Doctor flags reconcile has no use for: refused rather than silently ignored. */
const NOT_HERE = ['--offline', '--company-code', '--token-file', '--endpoint'];

/** `watch` runs doctor too: it keeps doctor's own flags (`allDoctorFlags`). */
export function parseReconcileOptions(args: readonly string[], now: Date, command = 'reconcile', allDoctorFlags = false): ReconcileOptions {
  const usage = (detail: (lang: Lang) => string) => new ReconcileUsageError((lang) => tr(lang, 'rc.usage', { command, detail: detail(lang) }));
  const { taken, rest } = takeFlags<Own>(args, OWN, command);
  const refused = allDoctorFlags ? undefined : rest.find((a) => NOT_HERE.some((flag) => a === flag || a.startsWith(`${flag}=`)));
  if (refused !== undefined) throw usage((lang) => tr(lang, 'rc.notFlag', { flag: refused.split('=')[0]! }));
  const doctor = parseDoctorOptions(rest);
  const today = todayJst(now);
  const day = (flag: string, value: string): DayNumber => {
    const parsed = parseDay(value.normalize('NFKC').trim());
    if (parsed === undefined) throw usage((lang) => tr(lang, 'rc.badDate', { flag, value }));
    if (parsed > today) throw usage((lang) => tr(lang, 'rc.future', { flag, value, today: formatDay(today) }));
    return parsed;
  };
  let from: DayNumber;
  let to: DayNumber;
  if (taken.days !== undefined) {
    if (taken.from !== undefined || taken.to !== undefined) throw usage((lang) => tr(lang, 'rc.bothRanges'));
    const count = Number(taken.days.normalize('NFKC'));
    if (!Number.isInteger(count) || count < 1 || count > 62) throw usage((lang) => tr(lang, 'rc.badDays', { value: taken.days! }));
    // The N work days up to yesterday: LanScope collects a day only after it has ended.
    to = today - 1;
    from = to - count + 1;
  } else if (taken.from !== undefined) {
    from = day('--from', taken.from);
    to = taken.to === undefined ? Math.max(from, today - 1) : day('--to', taken.to);
    if (to < from) throw usage((lang) => tr(lang, 'rc.rangeOrder', { from: formatDay(from), to: formatDay(to) }));
    if (to - from + 1 > 62) throw usage((lang) => tr(lang, 'rc.rangeTooLong', { days: to - from + 1 }));
  } else if (doctor.help) {
    from = to = today - 1;
  } else {
    throw usage((lang) => tr(lang, 'rc.needRange'));
  }
  return { ...doctor, from, to, ...(taken.csv !== undefined ? { csv: taken.csv } : {}) };
}
