import { InputError } from './input-problem.js';

/**
 * The access token and the proxy password are shown as `abcd…wxyz (32 chars)` at most: enough to tell
 * two tokens apart, never enough to use one. Short values show nothing but their length.
 */
export function maskSecret(value: string): string {
  const chars = [...value];
  if (chars.length < 12) return `… (${chars.length} chars)`;
  return `${chars.slice(0, 4).join('')}…${chars.slice(-4).join('')} (${chars.length} chars)`;
}

/**
 * A token (the link service's 32 characters, or a KING OF TIME Web API token) is short. A token source
 * longer than this is not a token: it is refused before anything is built from it, and never echoed.
 */
export const MAX_TOKEN_BYTES = 256;

/** A secret from the environment, refused (by its length, never its content) when it cannot be a token. */
export function secretFromEnv(env: Record<string, string | undefined>, variable: string, kind: 'token' | 'kot-api-token'): string | undefined {
  const value = env[variable];
  if (!value) return undefined;
  const size = new TextEncoder().encode(value).length;
  if (size > MAX_TOKEN_BYTES) throw new InputError({ code: 'too-big', kind, variable, size, limit: MAX_TOKEN_BYTES });
  return value;
}

function lowerHex(text: string): string {
  return text.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
}

function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  const add = (f: string) => {
    forms.add(f);
    forms.add(lowerHex(f));
  };
  try {
    add(encodeURIComponent(secret));
    add(encodeURI(secret));
  } catch {
    // A lone surrogate cannot be URL-encoded, so it cannot appear encoded either.
  }
  add(new URLSearchParams({ s: secret }).toString().slice(2));
  try {
    const u = new URL('http://h');
    u.password = secret;
    add(u.password);
    u.username = secret;
    add(u.username);
  } catch {
    // Nothing more to add.
  }
  return [...forms].filter((f) => f !== '');
}

/** Fragments this long or longer are hidden too (the masked form shows 4 + 4 characters). */
const FRAGMENT = 12;
const MAX_FRAGMENTS = 64;

/**
 * Pieces of a long secret: a token that reached another file (pasted into a CSV, its first byte merged
 * into a CP932 character when decoded) shows up with one character changed, and every piece of 12
 * characters is still hidden. For secrets longer than 75 characters the pieces start every few characters,
 * so at most 64 searches are added per secret.
 */
function secretFragments(secret: string): string[] {
  if (secret.length < FRAGMENT + 4) return [];
  const starts = secret.length - FRAGMENT + 1;
  const step = Math.ceil(starts / MAX_FRAGMENTS);
  const fragments: string[] = [];
  for (let i = 0; i < starts; i += step) fragments.push(secret.slice(i, i + FRAGMENT));
  if ((starts - 1) % step !== 0) fragments.push(secret.slice(-FRAGMENT));
  return fragments;
}

/**
 * Where each form occurs, found by plain string search: a pattern is never built from secret text (a
 * regular expression compiled from a pasted file failed, with the secret in its message, or ran for minutes).
 * Overlapping and touching ranges are merged, so a secret inside another is never left half-replaced.
 */
function secretRanges(text: string, forms: Iterable<string>): [number, number][] {
  const ranges: [number, number][] = [];
  for (const form of forms) {
    // Every start, overlapping ones included (`aaaa` in `aaaaaa`), so no tail of a secret is left behind.
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) ranges.push([at, at + form.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

const SCHEME_CHAR = /[a-z0-9+.-]/i;
const LETTER = /[a-z]/i;
const WORD_CHAR = /\w/;
/** What ends the user-info part of a URL in running text. */
const USERINFO_END = /[\s/?#"'<>`]/;

/**
 * Credentials in any URL (`scheme://user:pass@host` → `scheme://***@host`), found in one pass: each `://`
 * is located first, then the scheme before it and the user-info after it are walked once. A regular
 * expression that tried every letter as a scheme start was quadratic (a 400 KB user name took 47 s).
 */
function redactUrlCredentials(text: string): string {
  let out = '';
  let copied = 0;
  for (let sep = text.indexOf('://'); sep !== -1; sep = text.indexOf('://', sep + 3)) {
    let start = sep;
    while (start > copied && SCHEME_CHAR.test(text[start - 1]!)) start--;
    // The scheme begins with a letter at a word boundary.
    while (start < sep && (!LETTER.test(text[start]!) || (start > 0 && WORD_CHAR.test(text[start - 1]!)))) start++;
    if (start === sep) continue;
    // The last @ before the host: a password may hold an unencoded @.
    let at = -1;
    for (let i = sep + 3; i < text.length && !USERINFO_END.test(text[i]!); i++) if (text[i] === '@') at = i;
    if (at === -1) continue;
    out += text.slice(copied, sep + 3) + '***';
    copied = at;
    sep = at - 2;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * For values put into messages (a URL, a server's words, an error's text): every form a secret can take
 * (raw, URL-encoded, inside a URL) becomes `***`, and so do credentials in any URL. Linear in the text
 * times the number of forms, whatever the secrets hold (no pattern is built from them).
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  return redactUrlCredentials(redactKnownSecrets(text, secrets));
}

/** Every form of every secret worth searching for (raw, URL-encoded, 12-character pieces). */
function knownForms(secrets: readonly string[]): Set<string> {
  const forms = new Set<string>();
  for (const secret of secrets) {
    // A secret of a few characters would blank out ordinary words; those are only kept out by never being printed.
    if (typeof secret !== 'string' || secret.length < 4) continue;
    for (const f of secretForms(secret)) forms.add(f);
    for (const f of secretFragments(secret)) forms.add(f);
  }
  return forms;
}

/** `text` with each range replaced by `***`. */
function replaceRanges(text: string, ranges: readonly [number, number][]): string {
  if (ranges.length === 0) return text;
  let kept = '';
  let copied = 0;
  for (const [from, to] of ranges) {
    kept += text.slice(copied, from) + '***';
    copied = to;
  }
  return kept + text.slice(copied);
}

/**
 * The known secrets only, in every form: for whole rendered output, whose own templates may show a URL
 * with credentials as an example (`--proxy http://USER:PASSWORD@host:port`) that must stay readable.
 * Values put into messages go through redactSecrets.
 */
export function redactKnownSecrets(text: string, secrets: readonly string[] = []): string {
  const forms = knownForms(secrets);
  return forms.size === 0 ? text : replaceRanges(text, secretRanges(text, forms));
}

export interface SecretRedactor {
  /** The next piece of the text; returns what can be written now, redacted. */
  push(text: string): string;
  /** What was held back, redacted: call once, after the last piece. */
  end(): string;
}

/**
 * redactKnownSecrets for a text written in pieces (doctor's JSON, 64 KB at a time): a secret cut in two by
 * where one piece ends is still found. The last characters of what came (the longest form less one) are
 * held back until the next piece shows whether they begin a secret; a secret found across the cut is
 * replaced whole. Every secret the whole text holds is hidden, wherever the pieces were cut.
 */
export function secretRedactor(secrets: readonly string[]): SecretRedactor {
  const forms = knownForms(secrets);
  const longest = Math.max(0, ...[...forms].map((f) => f.length));
  let held = '';
  return {
    push(text) {
      if (forms.size === 0) return text;
      const buffer = held + text;
      const ranges = secretRanges(buffer, forms);
      // Any secret starting before `cut` ends inside the buffer, so it was found.
      let cut = Math.max(0, buffer.length - (longest - 1));
      for (const [from, to] of ranges) if (from < cut && to > cut) cut = to;
      held = buffer.slice(cut);
      return replaceRanges(buffer.slice(0, cut), ranges.filter(([, to]) => to <= cut));
    },
    end() {
      const rest = held;
      held = '';
      return forms.size === 0 ? rest : replaceRanges(rest, secretRanges(rest, forms));
    },
  };
}
