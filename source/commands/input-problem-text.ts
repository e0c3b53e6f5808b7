import type { InputProblem } from '../core/input-problem.js';
import type { Lang, Message } from '../i18n/message.js';
import { t, translate } from '../i18n/translate.js';

/** One line: where (file:line), what is wrong, and what to do when there is something to do. */
export function describeInputProblem(problem: InputProblem, lang: Lang): string {
  const where = problem.file ? `${problem.file}${problem.line ? `:${problem.line}` : ''}: ` : '';
  const what = translate(problemMessage(problem), lang);
  const mapping = problem.file !== undefined && /(csv|mapping)/i.test(problem.code) && problem.code !== 'unknown-header';
  return where + what + (mapping ? ` ${t(lang, 'problem.advice.export', {})}` : '');
}

function problemMessage(p: InputProblem): Message {
  switch (p.code) {
    case 'unknown-header':
      return { key: 'problem.unknown-header', params: { found: (p.found ?? []).join(','), needed: (p.needed ?? []).join(' | ') } };
    case 'unreadable':
    case 'csv-syntax':
      return { key: `problem.${p.code}`, params: { reason: p.reason } };
    case 'csv-fields':
    case 'bad-log-type':
      return { key: `problem.${p.code}`, params: { value: p.value } };
    case 'bad-datetime':
      return { key: 'problem.bad-datetime', params: { field: p.field, value: p.value } };
    default:
      return { key: `problem.${p.code}`, params: {} };
  }
}
