/**
 * `--ascii`, or Windows without Windows Terminal (conhost): the narrow-safe marks of glyphs.ts. Its own
 * module, without glyphs.ts's width table, because it is asked on the way to the wizard's first frame
 * and to every `--help`.
 */
export function wantsSafeGlyphs(options: { ascii: boolean; platform: string; env: Record<string, string | undefined> }): boolean {
  return options.ascii || (options.platform === 'win32' && !options.env.WT_SESSION);
}
