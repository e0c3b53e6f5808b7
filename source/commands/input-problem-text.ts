import type { InputKind, InputProblem, InputProblemCode } from '../core/input-problem.js';
import { escapeControls, shown } from '../core/printable.js';
import { msg, type Lang, type Message } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';

/** Problems that are about what a file holds: the advice of its kind says how to get a good one. */
const CONTENT: ReadonlySet<InputProblemCode> = new Set([
  'empty',
  'binary',
  'too-big',
  'line-too-long',
  'csv-quote-not-closed',
  'csv-quote-inside',
  'csv-quote-after',
  'csv-syntax',
  'csv-fields',
  'unknown-header',
  'duplicate-column',
  'bad-datetime',
  'date-out-of-range',
  'bad-log-type',
]);

/**
 * One line: where (file:line, or the variable), what is wrong, and what to do for this kind of input.
 * Every value from the input is clipped and escaped: the line stays one line, short, and inert on a terminal.
 * `say` puts a message into words: doctor's by default; the wizard's name its fields instead of flags.
 */
export function describeInputProblem(problem: InputProblem, lang: Lang, say: (message: Message) => string = (m) => translate(m, lang)): string {
  const line = describe(problem, lang, ROOMY, say);
  // Japanese takes three bytes a character: a line of long Japanese names is told again more briefly.
  return Buffer.byteLength(line) <= MAX_LINE_BYTES ? line : describe(problem, lang, BRIEF, say);
}

/** At most this much on stderr for one problem (a terminal line or three). */
const MAX_LINE_BYTES = 1000;

interface Room {
  file: number;
  value: number;
  values: number;
  each: number;
}
const ROOMY: Room = { file: 200, value: 100, values: 8, each: 40 };
const BRIEF: Room = { file: 60, value: 40, values: 3, each: 16 };

function describe(problem: InputProblem, lang: Lang, room: Room, say: (message: Message) => string): string {
  const source = problem.file ?? problem.variable;
  const where = source ? `${shown(source, room.file)}${problem.line ? `:${problem.line}` : ''}: ` : '';
  const what = say(problemMessage(problem, room));
  const advice = problem.kind && CONTENT.has(problem.code) ? sentenceBreak(what, lang) + say(adviceFor(problem.kind, problem.variable)) : '';
  return escapeControls(where + what + advice);
}

/** What ends the finding before the advice: a full stop unless it has one. */
function sentenceBreak(text: string, lang: Lang): string {
  if (/[.。!?！？]$/.test(text)) return lang === 'ja' ? '' : ' ';
  return lang === 'ja' ? '。' : '. ';
}

function adviceFor(kind: InputKind, variable: string | undefined): Message {
  switch (kind) {
    case 'mapping':
      return msg('problem.advice.export', {});
    case 'log':
      return msg('problem.advice.log', {});
    case 'sql':
      return msg('problem.advice.sql', {});
    case 'conf-ini':
      return msg('problem.advice.conf-ini', {});
    case 'token':
      return msg('problem.advice.token', { variable });
    case 'kot-api-token':
      return msg('problem.advice.kot-api-token', { variable });
  }
}

/** A list of values from the file, as a message shows it: a few, each clipped. */
function values(list: readonly string[] | undefined, room: Room): string {
  const items = (list ?? []).slice(0, room.values).map((v) => shown(v, room.each));
  return items.join(',') + ((list?.length ?? 0) > room.values ? `,… (+${list!.length - room.values})` : '');
}

function problemMessage(p: InputProblem, room: Room): Message {
  const value = p.value === undefined ? undefined : shown(p.value, room.value);
  const field = p.field === undefined ? undefined : shown(p.field, room.each);
  const reason = p.reason === undefined ? undefined : shown(p.reason, 60);
  switch (p.code) {
    case 'unknown-header':
      return { key: 'problem.unknown-header', params: { found: values(p.found, room), needed: (p.needed ?? []).join(' | ') } };
    case 'unreadable':
    case 'csv-syntax':
      return { key: `problem.${p.code}`, params: { reason } };
    case 'csv-fields':
    case 'bad-log-type':
      return { key: `problem.${p.code}`, params: { value } };
    case 'bad-datetime':
      return { key: 'problem.bad-datetime', params: { field, value } };
    case 'date-out-of-range':
      return { key: 'problem.date-out-of-range', params: { field, value, reason } };
    case 'duplicate-column':
      return { key: 'problem.duplicate-column', params: { field, value } };
    case 'too-big':
      return { key: 'problem.too-big', params: { size: p.size ?? 0, limit: p.limit ?? 0, kind: p.kind, variable: p.variable } };
    case 'line-too-long':
      return { key: 'problem.line-too-long', params: { limit: p.limit ?? 0, kind: p.kind } };
    default:
      return { key: `problem.${p.code}`, params: {} };
  }
}
