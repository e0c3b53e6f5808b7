/**
 * The access token and the proxy password are shown as `abcd…wxyz (32 chars)` at most: enough to tell
 * two tokens apart, never enough to use one. Short values show nothing but their length.
 */
export function maskSecret(value: string): string {
  const chars = [...value];
  if (chars.length < 12) return `… (${chars.length} chars)`;
  return `${chars.slice(0, 4).join('')}…${chars.slice(-4).join('')} (${chars.length} chars)`;
}

const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#"'<>`]*@/gi;

function lowerHex(text: string): string {
  return text.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
}

function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  const add = (f: string) => {
    forms.add(f);
    forms.add(lowerHex(f));
  };
  add(encodeURIComponent(secret));
  add(encodeURI(secret));
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Last line of defence for any text leaving the process: every form a secret can take in a message
 * (raw, URL-encoded, inside a URL) becomes `***`, and so do credentials in any URL.
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  return redactKnownSecrets(text, secrets).replace(URL_CREDENTIALS, '$1***@');
}

/**
 * The known secrets only, in every form: for whole rendered output, whose own templates may show a URL
 * with credentials as an example (`--proxy http://USER:PASSWORD@host:port`) that must stay readable.
 * Values put into messages go through redactSecrets.
 */
export function redactKnownSecrets(text: string, secrets: readonly string[] = []): string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    // A secret of a few characters would blank out ordinary words; those are only kept out by never being printed.
    if (typeof secret === 'string' && secret.length >= 4) for (const f of secretForms(secret)) forms.add(f);
  }
  let out = text;
  if (forms.size > 0) {
    // One pass with the longest forms first, so a secret inside another is not left half-replaced.
    const pattern = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
    out = out.replace(new RegExp(pattern, 'g'), '***');
  }
  return out;
}
