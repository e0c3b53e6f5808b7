import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { en } from '../source/i18n/en.js';
import { ja } from '../source/i18n/ja.js';
import { helpText } from '../source/i18n/help.js';
import { wizardEn } from '../source/i18n/wizard-en.js';
import { wizardJa } from '../source/i18n/wizard-ja.js';
import type { StepNumber } from '../source/ui/state.js';
import { demoForSuite } from './ui/demo-fixture.js';
import { renderWizard, typeAndWait, WIZARD_OPTIONS } from './ui/helpers.js';
import { IN_WIZARD } from '../source/ui/i18n.js';

type Entry = (params: unknown) => string;

const NUMBERS = /^(count|length|rows|files|days|line|status|ms|step|pass|warn|fail|skip|unchecked|optional|total|unseen|unknown|missing|defaults|divisions|employees|punches|users|seconds|early|long|reversed|near|duplicates|shared|unused|csvCount|columns|other|more|nearMisses|size|limit)$/;
const BOOLEANS = /^(ok|isDefault|accepted|given|logs|mapping|viaProxy|quotesGone)$/;
/** Enum-like parameters, and the values each message accepts. */
const ENUMS: Record<string, string[]> = {
  fault: ['full-width', 'spaces', 'characters', 'length'],
  source: ['file', 'env', 'typed', 'flag', 'conf-ini'],
  startSource: ['sql', 'default'],
  side: ['from', 'to'],
  event: ['start', 'end'],
  reason: ['auth', 'closed-hours', 'forbidden-ip', 'network'],
  section: ['dropped', 'duplicates'],
  zerosBy: ['neighbours', 'employees', 'widths'],
};

/** `kind` means something else in each message. */
const KINDS: Record<string, string[]> = {
  'nearMiss.warn': ['case', 'domain-prefix', 'spaces', 'full-width'],
  'punchTimes.warn': ['over-16h', 'start-before-day-change', 'end-before-start'],
  'dry.wrongDay': ['in', 'out'],
  'prep.fault.repairable': ['fullWidth', 'spaces', 'both'],
  'prep.repaired': ['fullWidth', 'spaces', 'both'],
  'problem.too-big': ['sql', 'conf-ini', 'mapping', 'log', 'token', 'kot-api-token'],
  'problem.line-too-long': ['sql', 'conf-ini', 'mapping', 'log', 'token', 'kot-api-token'],
};

/** Files a log folder holds but are not read, one of each reason (more than the five a message lists). */
const SKIPPED = ['mapping-export', 'empty', 'not-a-file', 'empty', 'empty', 'not-a-file'].map((reason, i) => ({ name: `X9-${i}.csv`, reason }));

/** Parameters for any message: numbers, booleans, lists and enums by name, every other value a string. */
function params(variant: number, key: string): unknown {
  const value = (name: string): unknown => {
    if (name === 'kind') return KINDS[key]?.[variant % KINDS[key]!.length] ?? 'X9';
    if (name === 'items' || name === 'outliers') return [params(variant, key), params(variant + 1, key)];
    if (name === 'skipped') return SKIPPED.slice(0, [0, 1, 6][variant % 3]);
    if (NUMBERS.test(name)) return variant % 2 ? 0 : 2;
    if (BOOLEANS.test(name)) return variant % 2 === 0;
    if (ENUMS[name]) return ENUMS[name]![variant % ENUMS[name]!.length];
    return variant % 3 === 2 ? '' : 'X9';
  };
  return new Proxy({}, { get: (_t, name) => (typeof name === 'string' ? value(name) : undefined) });
}

/** Lower-case English words that must never show in Japanese (the leaks issue #10 found, and their kin). */
const ENGLISH = new Set(
  'the and of to is are was not no yes in on at for from with by as or be been this that chars characters case domain prefix spaces width full events event summary over start end before after day days log logs row rows file files folder found could resolved host name unexpected argument unknown option expected seconds mapped unmapped near miss duplicate shared unused demo data reading loading more above below step manual check checks report saved pass warn fail skip checked needs value valid invalid error failed missing exists only every should must see give set use'.split(
    ' ',
  ),
);

/** English words in a Japanese text, once identifiers, paths, file names, flags and URLs are taken out. */
function englishWords(text: string): string[] {
  const stripped = text
    // LanScope's own column name (log-headers.ts).
    .replace(/エージェントno/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\S*[/\\]\S*/g, ' ')
    .replace(/\S+\.(csv|md|ini|sql|json|pem)\b/gi, ' ')
    .replace(/--[a-z-]+/g, ' ')
    .replace(/\b[a-z]+(-[a-z0-9]+)+\b/g, ' ');
  return [...new Set((stripped.match(/[a-z]+/g) ?? []).filter((w) => ENGLISH.has(w)))];
}

describe('message catalogs (i18n/)', () => {
  const pairs = [
    ['core', en, ja],
    ['wizard', wizardEn, wizardJa],
  ] as const;

  it('have the same keys in English and Japanese', () => {
    for (const [name, a, b] of pairs) {
      const missingInJa = Object.keys(a).filter((k) => !(k in b));
      const missingInEn = Object.keys(b).filter((k) => !(k in a));
      assert.deepEqual(missingInJa, [], `${name}: keys missing in ja`);
      assert.deepEqual(missingInEn, [], `${name}: keys missing in en`);
    }
    assert.deepEqual(Object.keys(helpText.general).sort(), ['en', 'ja']);
    assert.deepEqual(Object.keys(helpText.doctor).sort(), ['en', 'ja']);
  });

  it('render every message in both languages, with any parameters, without a hole', () => {
    for (const [name, a, b] of pairs) {
      for (const key of Object.keys(a)) {
        for (const [lang, catalog] of [
          ['en', a],
          ['ja', b],
        ] as const) {
          for (let variant = 0; variant < 6; variant++) {
            const text = ((catalog as Record<string, Entry>)[key]!)(params(variant, key));
            assert.equal(typeof text, 'string');
            assert.doesNotMatch(text, /undefined|NaN|\[object|null/, `${name} ${lang} ${key}: ${text}`);
            // An enum value passed through as it is (`--token-file`'s source) is the test's parameter, not a catalog word.
            const echoed = new Set(Object.values(ENUMS).flat());
            if (lang === 'ja') assert.deepEqual(englishWords(text).filter((w) => !echoed.has(w)), [], `${name} ja ${key}: ${text}`);
          }
        }
      }
    }
  });

  it('give every core message that names a doctor flag its own words in the wizard, or say why the wizard never shows it', () => {
    // The wizard shows core messages (check findings, advice, input problems, a Web API failure) through ui/i18n.ts.
    const NEVER_IN_WIZARD: Record<string, string> = {
      'skip.noToken': 'the checklist says "fill in step N" for a check not given (checklist.tsx checkDetail)',
      'skip.noLogs': 'the same',
      'skip.offline': 'the same (and the wizard is never offline)',
      'skip.noKotApiToken': 'the checklist says the comparison is optional (check.kotApiOptional)',
      'outputDir.defaultUsed': 'doctor reads C:\\TEMP when given nothing; the wizard reads the folder in its field',
      'proxy.badUrlAdvice': 'the wizard uses no proxy variable: its proxy is step 4, checked as typed',
    };
    const flags = (text: string) => text.match(/--[a-z][a-z-]*/g) ?? [];
    const render = (catalog: unknown, key: string, variant: number) => ((catalog as Record<string, Entry>)[key]!)(params(variant, key));
    const naming = Object.keys(en).filter((key) => [en, ja].some((catalog) => [0, 1, 2, 3, 4, 5].some((v) => flags(render(catalog, key, v)).length > 0)));
    // doctor's command line (usage.*) is doctor's alone, but for the CA file a compare in step 7 may be given.
    const missing = naming.filter((key) => !(key in IN_WIZARD) && !(key in NEVER_IN_WIZARD) && !(key.startsWith('usage.') && key !== 'usage.caFile'));
    assert.deepEqual(missing, [], 'core messages that name a flag, shown in the wizard in doctor\'s words');
    for (const [key, wizardKey] of Object.entries(IN_WIZARD)) {
      for (const [lang, catalog] of [
        ['en', wizardEn],
        ['ja', wizardJa],
      ] as const) {
        for (let v = 0; v < 6; v++) {
          const text = render(catalog, wizardKey, v);
          assert.deepEqual(flags(text).filter((f) => !WIZARD_OPTIONS.has(f)), [], `${lang} ${wizardKey} (for ${key}): ${text}`);
        }
      }
    }
  });

  it('say the help in Japanese without English words', () => {
    for (const text of [helpText.general.ja, helpText.doctor.ja, wizardJa['cli.help']({})]) assert.deepEqual(englishWords(text), []);
  });

  describe('every wizard step in Japanese', () => {
    const suite = demoForSuite();

    it('shows no English word but identifiers, paths and flags', async () => {
      for (const step of [1, 2, 3, 4, 5, 6, 7] as StepNumber[]) {
        const h = renderWizard({ lang: 'ja', step, columns: 120, rows: 40, values: suite.demo().values, loaded: suite.loaded(), demo: suite.demo().demo });
        await typeAndWait(h.stdin, '', 60);
        assert.deepEqual(englishWords(h.lastFrame()!), [], `step ${step}:\n${h.lastFrame()}`);
        h.unmount();
      }
    });
  });
});
