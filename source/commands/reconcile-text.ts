import chalk from 'chalk';
import { displayWidth } from '../core/display-width.js';
import { shown } from '../core/printable.js';
import type { Finding, FindingKind, ReconcileResult } from '../core/reconcile.js';
import type { Lang } from '../i18n/message.js';
import { tr } from '../i18n/reconcile.js';

/** Findings listed per day in text; the rest are counted (all of them are in --csv and --json). */
export const TEXT_FINDINGS_PER_DAY = 50;

const KINDS: FindingKind[] = ['missing-in', 'missing-out', 'time-differs', 'wrong-day', 'day-not-sent'];

/** `2024-12-17` → `12/17`, `2024-12-18T02:10` → `12/18 02:10`: how KING OF TIME's screens show them. */
const monthDay = (date: string): string => `${date.slice(5, 7)}/${date.slice(8, 10)}`;
const monthDayTime = (time: string): string => `${monthDay(time)} ${time.slice(11, 16)}`;

export interface ReconcileTextOptions {
  fetched: number;
  /** With --since-last after a first run: only findings this says are new are listed. */
  isNew?: (finding: Finding) => boolean;
}

/** Grouped by day, worst day first, a one-line summary per day, then its findings; a summary and a verdict last. */
export function formatReconcileText(result: ReconcileResult, lang: Lang, options: ReconcileTextOptions): string {
  const lines: string[] = [chalk.bold(tr(lang, 'rc.header', { from: result.from, to: result.to, fetched: options.fetched })), ''];
  if (result.days.length === 0) {
    lines.push(tr(lang, 'rc.nothing'));
    return lines.join('\n') + '\n';
  }
  const byDay = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const list = byDay.get(f.workDate);
    if (list) list.push(f);
    else byDay.set(f.workDate, [f]);
  }
  const labelWidth = Math.max(...KINDS.map((k) => displayWidth(tr(lang, `rc.kind.${k}`))));
  for (const day of result.days) {
    const date = monthDay(day.date);
    if (day.notSent) {
      lines.push(chalk.red.bold(`✖ ${tr(lang, 'rc.dayNotSent', { date, expected: day.expected, punches: day.punches })}`));
      lines.push(`  → ${tr(lang, 'rc.notSentAdvice')}`);
      continue;
    }
    const summary = tr(lang, 'rc.day', { date, matched: day.matched, expected: day.expected, differing: day.differing });
    lines.push(day.differing ? chalk.yellow(`! ${summary}`) : chalk.green(`✔ ${summary}`));
    const findings = byDay.get(day.date) ?? [];
    const listed = options.isNew ? findings.filter(options.isNew) : findings;
    for (const f of listed.slice(0, TEXT_FINDINGS_PER_DAY)) lines.push(`  ${findingLine(f, lang, labelWidth)}`);
    if (listed.length > TEXT_FINDINGS_PER_DAY) lines.push(chalk.dim(`  ${tr(lang, 'rc.more', { count: listed.length - TEXT_FINDINGS_PER_DAY })}`));
    if (listed.length < findings.length) lines.push(chalk.dim(`  ${tr(lang, 'rc.seenBefore', { count: findings.length - listed.length })}`));
  }
  const s = result.summary;
  lines.push('');
  if (s.unattributed) lines.push(chalk.dim(tr(lang, 'rc.unattributed', { count: s.unattributed })));
  lines.push(tr(lang, 'rc.summary', { days: s.days, expected: s.expected, matched: s.matched, differing: s.differing, notSent: s.daysNotSent, findings: s.findings }));
  lines.push(s.findings ? chalk.red(tr(lang, 'rc.verdict.diff')) : chalk.green(tr(lang, 'rc.verdict.ok')));
  return lines.join('\n') + '\n';
}

/**
 * `no clock-in   3000 勤怠 花子 (Hanakok)  log says clock-in 12/17 11:00; KING OF TIME has none — why`.
 * Names come from the logs, the mapping export and KING OF TIME's answers: each is shown escaped and
 * bounded (core/printable.ts), so none can retitle or clear the terminal, or split the line.
 */
export function findingLine(f: Finding, lang: Lang, labelWidth = 0): string {
  const label = tr(lang, `rc.kind.${f.kind}`);
  return `${label}${' '.repeat(Math.max(0, labelWidth - displayWidth(label)))}  ${who(f, lang)}  ${what(f, lang)}${cause(f, lang)}`;
}

function who(f: Finding, lang: Lang): string {
  if (f.employee === null) return tr(lang, 'rc.unmappedWho', { user: shown(f.user ?? '') });
  const name = f.name ? ` ${shown(f.name)}` : '';
  return `${shown(f.employee)}${name}${f.user && f.user !== f.employee ? ` (${shown(f.user)})` : ''}`;
}

function what(f: Finding, lang: Lang): string {
  const punch = f.punch ? tr(lang, `rc.punch.${f.punch}`) : '';
  const expected = f.expected ? monthDayTime(f.expected) : '';
  const actual = f.actual ? monthDayTime(f.actual) : '';
  if (f.kind === 'wrong-day') return tr(lang, 'rc.what.wrong-day', { punch, expected, workDate: monthDay(f.workDate), actualDate: monthDay(f.actualWorkDate ?? '') });
  if (f.kind === 'time-differs') return tr(lang, 'rc.what.time-differs', { punch, expected, actual });
  return tr(lang, 'rc.what.missing', { punch, expected });
}

/**
 * The cause in words, or nothing when the tool cannot know it. `show` gives the detail (a user name, a
 * source's name) as the output shows values: escaped on a terminal, as it is in the CSV.
 */
export function causeText(f: Finding, lang: Lang, show: (value: string) => string = (value) => value): string {
  if (f.cause === null) return '';
  return f.cause === 'unknown-employee' ? tr(lang, 'rc.cause.unknown-employee') : tr(lang, `rc.cause.${f.cause}`, { detail: show(f.causeDetail ?? '') });
}

function cause(f: Finding, lang: Lang): string {
  const text = causeText(f, lang, (value) => shown(value));
  return text ? chalk.dim(` — ${text}`) : '';
}
