import { fitHelp } from '../i18n/help-layout.js';
import { wantsSafeGlyphs } from '../ui/safe-glyphs.js';

/** Where a help text goes, and whether it is for a console that draws ambiguous-width marks two columns wide. */
export interface HelpTarget {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** The command line as given: `--ascii` asks for the narrow-safe marks. */
  args: readonly string[];
  env: Record<string, string | undefined>;
}

/**
 * Writes a help text laid out for the terminal it goes to. Piped or redirected, 80 columns: the
 * Windows console's width, where such a file or `| more` is most likely read. With `--ascii`, or on
 * Windows outside Windows Terminal, its marks are the narrow-safe ones doctor and the wizard draw there
 * (`→ … ›` take two columns on a Japanese console and would push a fitted line past the edge).
 */
export async function writeHelp({ stdout, args, env }: HelpTarget, text: string): Promise<void> {
  // glyphs.ts (and its width table) only where the marks are replaced.
  const safe = wantsSafeGlyphs({ ascii: args.includes('--ascii'), platform: process.platform, env });
  const shown = safe ? (await import('../ui/glyphs.js')).narrowSafeText(text) : text;
  stdout.write(fitHelp(shown, stdout.isTTY && stdout.columns ? stdout.columns : 80));
}
