import { describeInputProblem } from '../commands/input-problem-text.js';
import { InputError } from '../core/input-problem.js';
import type { Lang } from '../i18n/message.js';
import { tw, wizardMessage, type Translator } from './i18n.js';

const WINDOWS_PATH = /^([A-Za-z]:[\\/¥￥]|\\\\|[¥￥]{2})/u;

/**
 * An unreadable input becomes the one line doctor prints (file:line, what, what to do), in the wizard's
 * words. A Windows path (C:\…, \\server\…) that is missing on another system is not "missing": it names a
 * file on the integrated manager, and this machine needs a copy.
 */
export function problemText(err: unknown, lang: Lang, platform: string = process.platform): string {
  if (err instanceof InputError) {
    if (err.problem.code === 'not-found' && platform !== 'win32' && WINDOWS_PATH.test(err.problem.file ?? '')) return tw(lang, 'common.windowsPath', { path: err.problem.file! });
    return wizardProblemText(err.problem, lang);
  }
  return err instanceof Error ? err.message : String(err);
}

/** doctor's line for an input problem, in the wizard's words (its fields, not doctor's flags). */
export function wizardProblemText(problem: InputError['problem'], lang: Lang): string {
  return describeInputProblem(problem, lang, (message) => wizardMessage(message, lang));
}

/** A path that could not be read and holds ¥ or ￥ (copied from Japanese documentation): say what to type instead. */
export function withYenHint(error: string | undefined, path: string, t: Translator['t']): string | undefined {
  return error && /[¥￥]/u.test(path) ? `${error} ${t('common.yenHint')}` : error;
}
