import type { CheckResult } from '../core/checks/index.js';
import type { Diagnosis } from '../core/checks/check.js';
import { compareWithLast, doctorChanges, doctorItems, splitKey, type Change, type SinceLast, type StateSection, type WatchState } from '../core/since-last.js';
import { escapeLines, shown } from '../core/printable.js';
import type { Lang, MessageKey } from '../i18n/message.js';
import { tr } from '../i18n/reconcile.js';
import { t } from '../i18n/translate.js';
import { isoJst, sinceLastFooter } from './run-output.js';

/**
 * `doctor --since-last FILE`: what is new since the run that last wrote FILE (a check that turned warn or
 * fail, a LanScope user without a mapping, a duplicate, a shared PC, a changed day-change time), recorded
 * for the next run. The report itself is unchanged; this adds a section to the text and `sinceLast` to JSON.
 */
export interface DoctorSinceLast {
  since: SinceLast;
  changes: Change[];
  recorded: number;
  /** This run's section of the state file. */
  section: StateSection;
}

export function doctorSinceLast(state: WatchState | undefined, diagnosis: Diagnosis, results: readonly CheckResult[], now: Date): DoctorSinceLast {
  const items = doctorItems(diagnosis, results);
  const since = compareWithLast(state?.doctor, items);
  return { since, changes: doctorChanges(since), recorded: Object.keys(items).length, section: { at: isoJst(now), items } };
}


/** The `sinceLast` member of doctor's JSON. */
export function doctorSinceLastJson({ since, changes }: DoctorSinceLast) {
  return {
    previous: since.previousAt,
    new: changes.map((c) => ({ ...splitKey(c.key), value: c.value, ...(c.previous !== undefined ? { previous: c.previous } : {}) })),
    resolved: since.resolved.map((key) => splitKey(key)),
  };
}

export function doctorSinceLastText(result: DoctorSinceLast, file: string, lang: Lang): string {
  const { since, changes } = result;
  const lines = ['', sinceLastFooter({ ...since, changes }, result.recorded, file, lang).trimEnd()];
  for (const change of since.previousAt ? changes : []) lines.push(`  + ${changeText(change, lang)}`);
  // The state file's path is quoted as given: escaped like the rest.
  return escapeLines(lines.join('\n')) + '\n';
}

/** One new item in words; its subject and values (user names, service accounts, codes read from files) escaped. */
export function changeText(change: Change, lang: Lang): string {
  const { kind, subject: raw } = splitKey(change.key);
  const subject = shown(raw);
  const previous = shown(change.previous ?? '');
  switch (kind) {
    case 'check': {
      const word = (status: string) => (status ? t(lang, `status.${status}` as MessageKey, {} as never) : '');
      return tr(lang, 'sl.item.check', { title: t(lang, `title.${raw}` as MessageKey, {} as never), id: subject, value: word(change.value), previous: word(change.previous ?? '') });
    }
    case 'day-change':
      return tr(lang, 'sl.item.day-change', { subject, value: shown(change.value), previous });
    case 'sql-start-time':
      return tr(lang, 'sl.item.sql-start-time', { value: shown(change.value), previous });
    case 'duplicate-mapping':
      return tr(lang, 'sl.item.duplicate-mapping', { subject, value: shown(change.value) });
    case 'unmapped-user':
    case 'shared-pc':
      return tr(lang, `sl.item.${kind}`, { subject });
  }
}
