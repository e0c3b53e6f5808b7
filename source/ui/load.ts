import { describeInputProblem } from '../commands/input-problem-text.js';
import { InputError } from '../core/input-problem.js';
import type { Lang } from '../i18n/message.js';

/** An unreadable input becomes the same one line doctor prints (file:line, what, what to do). */
export function problemText(err: unknown, lang: Lang): string {
  if (err instanceof InputError) return describeInputProblem(err.problem, lang);
  return err instanceof Error ? err.message : String(err);
}
