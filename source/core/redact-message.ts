import type { Message } from '../i18n/message.js';
import { redactSecrets } from './secret.js';

/**
 * Redaction at the source: the values that go into a message or a report's data (a URL, a proxy's reason
 * phrase, a server's words) lose secrets and URL credentials; the catalogs' own wording is left alone, so
 * an example like `--proxy http://USER:PASSWORD@host:port` in advice stays as written.
 */
export function redactValues<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === 'string') return redactSecrets(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v) => redactValues(v, secrets)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValues(v, secrets)])) as T;
  }
  return value;
}

export function redactMessage(message: Message, secrets: readonly string[]): Message {
  return { key: message.key, params: redactValues(message.params, secrets) } as Message;
}
