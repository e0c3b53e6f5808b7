import type { Lang } from './message.js';

/** The POSIX locale variables in their order of precedence, else the OS locale; Japanese or English. */
export function detectLang(env: Record<string, string | undefined>): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE'] as const) {
    const value = env[name];
    if (value && value !== 'C' && value !== 'POSIX' && value !== 'C.UTF-8') return value.toLowerCase().startsWith('ja') ? 'ja' : 'en';
  }
  // The OS locale (Windows sets no LANG): PluralRules resolves it as DateTimeFormat does (ja-JP, ja, en-US
  // checked) in 0.3 ms instead of DateTimeFormat's 12–18 ms of loading date data, before the first frame.
  return new Intl.PluralRules().resolvedOptions().locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function parseLang(value: string | undefined): Lang | undefined {
  const v = value?.toLowerCase();
  return v === 'ja' || v === 'en' ? v : undefined;
}
