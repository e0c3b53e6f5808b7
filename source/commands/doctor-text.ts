import chalk from 'chalk';
import type { CheckStatus } from '../core/checks/check.js';
import type { Report } from '../core/report.js';
import type { Lang } from '../i18n/message.js';
import { t } from '../i18n/translate.js';
import { displayWidth } from '../core/display-width.js';
import { narrowSafeText, UNICODE_GLYPHS, type Glyphs } from '../ui/glyphs.js';
import { escapeControls } from '../core/printable.js';

const PAINT: Record<CheckStatus, (s: string) => string> = {
  pass: (s) => chalk.green(s),
  warn: (s) => chalk.yellow(s),
  fail: (s) => chalk.red.bold(s),
  skip: (s) => chalk.dim(s),
};

/**
 * One line per check: status, title, id, what was found, the manual section; then what to do. Marks come
 * from the glyph table (ui/glyphs.ts); with the narrow-safe set the whole text is made narrow-safe too.
 */
export function formatDoctorText(report: Report, lang: Lang, g: Glyphs = UNICODE_GLYPHS): string {
  const lines: string[] = [];
  const words = (s: CheckStatus): string => t(lang, `status.${s}`, {});
  const width = Math.max(...(['pass', 'warn', 'fail', 'skip'] as const).map((s) => displayWidth(words(s))));
  for (const check of report.checks) {
    const word = words(check.status);
    const label = PAINT[check.status](`${g[check.status]} ${word}${' '.repeat(width - displayWidth(word))}`);
    // Details quote user names and file names: escaped so none can move the cursor or split the line.
    lines.push(`${label}  ${chalk.bold(escapeControls(check.title))} ${chalk.dim(`(${check.id})`)}: ${escapeControls(check.detail)} ${chalk.dim(`[${check.manual}]`)}`);
    for (const line of check.lines ?? []) lines.push(chalk.dim(`${' '.repeat(width + 4)}${g.dot} ${escapeControls(line)}`));
    if (check.advice) lines.push(`${' '.repeat(width + 4)}${g.arrow} ${escapeControls(check.advice)}`);
  }
  lines.push('');
  lines.push(t(lang, 'doctor.summary', report.summary));
  lines.push(report.summary.fail > 0 ? chalk.red(t(lang, 'doctor.verdict.fail', {})) : chalk.green(t(lang, 'doctor.verdict.ok', {})));
  const text = lines.join('\n') + '\n';
  return g.safe ? narrowSafeText(text) : text;
}
