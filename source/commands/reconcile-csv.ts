import type { Finding } from '../core/reconcile.js';
import type { Lang } from '../i18n/message.js';
import { tr } from '../i18n/reconcile.js';
import { causeText } from './reconcile-text.js';

/**
 * The findings for HR: UTF-8 with a BOM (so Excel on a Japanese Windows reads it as UTF-8, not CP932),
 * CRLF, every value quoted. A value that Excel would run as a formula (=, +, -, @ first) gets a leading '.
 */
export function reconcileCsv(findings: readonly Finding[], lang: Lang): string {
  const rows = [tr(lang, 'rc.csv.header')];
  for (const f of findings) {
    rows.push(
      [
        f.kind,
        tr(lang, `rc.kind.${f.kind}`),
        f.employee ?? '',
        f.name ?? '',
        f.user ?? '',
        f.workDate,
        f.punch ? tr(lang, `rc.punch.${f.punch}`) : '',
        f.expected?.replace('T', ' ') ?? '',
        f.actual?.replace('T', ' ') ?? '',
        f.actualWorkDate ?? '',
        f.cause ?? '',
        f.kind === 'day-not-sent' ? tr(lang, 'rc.notSentAdvice') : causeText(f, lang),
      ]
        .map(cell)
        .join(','),
    );
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
