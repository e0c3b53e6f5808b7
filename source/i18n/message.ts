import type { en } from './en.js';

/**
 * A message is a key into the catalogs plus its values, so the core can say what it found without
 * choosing a language. `ja` and `en` are typed against one another: a missing key fails the build.
 */
export type MessageKey = keyof typeof en;
export type MessageParams<K extends MessageKey> = Parameters<(typeof en)[K]>[0];
export type Catalog = { [K in MessageKey]: (params: MessageParams<K>) => string };
export type Message = { [K in MessageKey]: { key: K; params: MessageParams<K> } }[MessageKey];

export function msg<K extends MessageKey>(key: K, params: MessageParams<K>): Message {
  return { key, params } as Message;
}

export type Lang = 'ja' | 'en';
