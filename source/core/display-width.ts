const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
/** Nothing wide and no surrogate pair: one column a UTF-16 unit (most lines of `--help` are). */
const NARROW_ONLY = /^[\u0000-\u10ff]*$/;

/** East Asian wide characters take two columns in a terminal. */
export function displayWidth(text: string): number {
  if (NARROW_ONLY.test(text)) return text.length;
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}
