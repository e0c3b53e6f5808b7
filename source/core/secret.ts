/**
 * The access token and the proxy password are shown as `abcd…wxyz (32 chars)` at most: enough to tell
 * two tokens apart, never enough to use one. Short values show nothing but their length.
 */
export function maskSecret(value: string): string {
  const chars = [...value];
  if (chars.length < 12) return `… (${chars.length} chars)`;
  return `${chars.slice(0, 4).join('')}…${chars.slice(-4).join('')} (${chars.length} chars)`;
}

/** Last line of defence for any text leaving the process: every secret occurrence becomes its mask. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret), secret.trim()])) {
      if (form.length >= 4) out = out.split(form).join('***');
    }
  }
  return out;
}
