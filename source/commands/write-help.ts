import { fitHelp } from '../i18n/help-layout.js';

/**
 * Writes a help text laid out for the terminal it goes to. Piped or redirected, 80 columns: the
 * Windows console's width, where such a file or `| more` is most likely read.
 */
export function writeHelp(stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, text: string): void {
  stdout.write(fitHelp(text, stdout.isTTY && stdout.columns ? stdout.columns : 80));
}
