import { createContext, useContext } from 'react';
import type { Lang } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import type { Message, MessageKey } from '../i18n/message.js';
import { wizardEn, type WizardKey, type WizardParams } from '../i18n/wizard-en.js';
import { wizardJa } from '../i18n/wizard-ja.js';
import { escapeControls } from '../core/printable.js';
import { narrowSafeText, UNICODE_GLYPHS, type Glyphs } from './glyphs.js';

const catalogs = { en: wizardEn, ja: wizardJa } as const;

type Args<K extends WizardKey> = WizardParams<K> extends Record<string, never> ? [] : [WizardParams<K>];

/** The wizard's own messages, typed like the doctor's: `tw(lang, 'step.preparation', …)`. */
export function tw<K extends WizardKey>(lang: Lang, key: K, ...args: Args<K>): string {
  const render = catalogs[lang][key] as (params: unknown) => string;
  return render(args[0] ?? {});
}

/**
 * Core messages that name doctor's flags (`--log-dir`, `--sql`, `--proxy`) have a wizard entry of their
 * own that names the field or step instead: one catalog entry per context, the same parameters.
 */
export const IN_WIZARD: Readonly<Partial<Record<MessageKey, WizardKey>>> = {
  'dayChange.pass': 'ctx.dayChange.pass',
  'dayChange.fail': 'ctx.dayChange.fail',
  'outputDir.elsewhereAdvice': 'ctx.outputDir.elsewhereAdvice',
  'outputDir.missingAdvice': 'ctx.outputDir.missingAdvice',
  'proxy.authMissingAdvice': 'ctx.proxy.authMissingAdvice',
  'proxy.tlsIssuerAdvice': 'ctx.proxy.tlsIssuerAdvice',
  'proxy.caNotLoaded': 'ctx.proxy.caNotLoaded',
  'usage.caFile': 'ctx.usage.caFile',
  // Step 7's compare: a Web API failure, the proxy of step 4 on its way there.
  'proxy.source': 'ctx.proxy.source',
  'kotApi.advice': 'ctx.kotApi.advice',
  // Input problems: step 3's conf.ini, a token variable refused at start (step 1).
  'problem.advice.conf-ini': 'ctx.problem.advice.conf-ini',
  'problem.advice.token': 'ctx.problem.advice.token',
};

/** A core message as the wizard says it. */
export function wizardMessage(message: Message, lang: Lang): string {
  const key = IN_WIZARD[message.key];
  return key ? (catalogs[lang][key] as (params: unknown) => string)(message.params) : translate(message, lang);
}

export interface Translator {
  lang: Lang;
  t: <K extends WizardKey>(key: K, ...args: Args<K>) => string;
  /** A core message (check detail, advice, input problem) in this language. */
  m: (message: Message) => string;
  /** The marks to draw (glyphs.ts); with the narrow-safe set, t and m give narrow-safe text too. */
  g: Glyphs;
}

export function translator(lang: Lang, g: Glyphs = UNICODE_GLYPHS): Translator {
  const out = g.safe ? narrowSafeText : (text: string) => text;
  // Core messages quote paths and names read from files: escaped as doctor's lines are (commands/doctor-text.ts).
  return { lang, g, t: (key, ...args) => out(tw(lang, key, ...args)), m: (message) => out(escapeControls(wizardMessage(message, lang))) };
}

export const LangContext = createContext<Translator>(translator('en'));
export const useT = (): Translator => useContext(LangContext);
