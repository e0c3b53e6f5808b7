import type { Lang } from './message.js';
import { reconcileEn, type ReconcileKey, type ReconcileParams } from './reconcile-en.js';
import { reconcileJa } from './reconcile-ja.js';

const catalogs = { en: reconcileEn, ja: reconcileJa } as const;

type Args<K extends ReconcileKey> = ReconcileParams<K> extends Record<string, never> ? [] : [ReconcileParams<K>];

/** Messages of reconcile, --since-last, schedule and watch: `tr(lang, 'rc.day', {…})`. */
export function tr<K extends ReconcileKey>(lang: Lang, key: K, ...args: Args<K>): string {
  const render = catalogs[lang][key] as (params: unknown) => string;
  return render(args[0] ?? {});
}
