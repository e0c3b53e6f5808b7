import { en } from './en.js';
import { ja } from './ja.js';
import type { Lang, Message, MessageKey, MessageParams } from './message.js';

const catalogs = { en, ja } as const;

export function translate(message: Message, lang: Lang): string {
  const render = catalogs[lang][message.key] as (params: unknown) => string;
  return render(message.params);
}

export function t<K extends MessageKey>(lang: Lang, key: K, params: MessageParams<K>): string {
  return translate({ key, params } as Message, lang);
}
