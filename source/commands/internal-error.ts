import { shown } from '../core/printable.js';
import { redactSecrets } from '../core/secret.js';

/**
 * The last-resort line for an error nobody expected: one line, the message clipped and escaped, every
 * known secret and URL credential redacted (a library's message may quote what it was given, a token
 * included). Clipped after redaction, so a secret is never cut into pieces that escape it.
 */
export function internalErrorLine(err: unknown, secrets: readonly string[]): string {
  return `lanscope-kot: ${internalErrorText(err, secrets)}`;
}

/** The same without the program's name, for commands that add it themselves. */
export function internalErrorText(err: unknown, secrets: readonly string[]): string {
  const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return `internal error: ${shown(redactSecrets(reason, secrets), 200)}`;
}

/** Secrets the process can know before reading any file: the tokens and proxy passwords of its environment. */
export function environmentSecrets(env: Record<string, string | undefined>): string[] {
  const secrets: string[] = [];
  for (const name of ['LANSCOPE_KOT_TOKEN', 'KOT_API_TOKEN']) {
    const value = env[name];
    if (value) secrets.push(value);
  }
  for (const name of ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']) {
    const value = env[name];
    if (!value) continue;
    try {
      const password = new URL(value).password;
      if (password) secrets.push(password, decodeURIComponentSafe(password));
    } catch {
      // Not a URL: nothing to take from it.
    }
  }
  return secrets;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
