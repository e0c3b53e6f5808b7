import { existsSync } from 'node:fs';
import { embedded } from '../embedded.js';
import { detectLang, parseLang } from '../i18n/locale.js';
import type { Lang } from '../i18n/message.js';
import { wantsSafeGlyphs } from '../ui/safe-glyphs.js';

export interface SetupIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

export interface SetupOptions {
  demo: boolean;
  configDir: string | undefined;
  /** Target of the connection test (default: the PC login link host), e.g. a test server. */
  endpoint: string | undefined;
  /** KING OF TIME Web API base for step 7's "compare with KING OF TIME" (default the real API). */
  kotApiBase?: string;
  lang: Lang | undefined;
  help: boolean;
  /** Narrow-safe glyphs (ui/glyphs.ts) even where they would not be chosen. */
  ascii: boolean;
}

export class SetupUsageError extends Error {
  constructor(readonly detail: { key: 'cli.unknownOption' | 'cli.missingValue'; option: string }) {
    super(detail.option);
  }
}

/** `[--demo] [--config-dir DIR] [--lang ja|en] [--help]`, also as `--opt=value`. */
export function parseSetupOptions(args: readonly string[]): SetupOptions {
  const options: SetupOptions = { demo: false, configDir: undefined, endpoint: undefined, lang: undefined, help: false, ascii: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq !== -1 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq !== -1 && arg.startsWith('--')) return arg.slice(eq + 1);
      const v = args[++i];
      if (v === undefined || v === '') throw new SetupUsageError({ key: 'cli.missingValue', option: name });
      return v;
    };
    if (name === '--demo') options.demo = true;
    else if (name === '--ascii') options.ascii = true;
    else if (name === '--help' || name === '-h') options.help = true;
    else if (name === '--config-dir') options.configDir = value();
    else if (name === '--endpoint') {
      options.endpoint = value();
      if (!/^https?:\/\/[^/\s]+/i.test(options.endpoint)) throw new SetupUsageError({ key: 'cli.unknownOption', option: `--endpoint ${options.endpoint}` });
    }
    else if (name === '--kot-api-base') {
      options.kotApiBase = value();
      if (!/^https?:\/\/[^/\s]+/i.test(options.kotApiBase)) throw new SetupUsageError({ key: 'cli.unknownOption', option: `--kot-api-base ${options.kotApiBase}` });
    }
    else if (name === '--lang') {
      const v = value();
      options.lang = parseLang(v);
      if (!options.lang) throw new SetupUsageError({ key: 'cli.unknownOption', option: `--lang ${v}` });
    } else throw new SetupUsageError({ key: 'cli.unknownOption', option: arg });
  }
  return options;
}

/**
 * `lanscope-kot [setup]`. Kept light: Ink, React and conf are imported only after we know there is a
 * terminal, so a piped run prints one line (never Ink's raw-mode error) and exits 2.
 */
export async function runSetup(args: readonly string[], io: SetupIo): Promise<number> {
  let lang: Lang = detectLang(io.env);
  // The catalogs only for what is said here (a usage error, --help, no terminal): the wizard bundles its
  // own, and loading them on the way to its first frame cost ~6 ms.
  const text = async () => (lang === 'ja' ? (await import('../i18n/wizard-ja.js')).wizardJa : (await import('../i18n/wizard-en.js')).wizardEn);
  let options: SetupOptions;
  try {
    options = parseSetupOptions(args);
  } catch (err) {
    if (!(err instanceof SetupUsageError)) throw err;
    const catalog = await text();
    const detail = catalog[err.detail.key]({ option: err.detail.option });
    io.stderr.write(catalog['cli.usage']({ detail }) + '\n');
    return 2;
  }
  lang = options.lang ?? lang;
  if (options.help) {
    const [{ writeHelp }, catalog] = await Promise.all([import('./write-help.js'), text()]);
    await writeHelp({ stdout: io.stdout, args, env: io.env }, catalog['cli.help']({}));
    return 0;
  }
  if (!io.stdin.isTTY || !io.stdout.isTTY) {
    io.stderr.write((await text())['cli.notTty']({}) + '\n');
    return 2;
  }
  // React's development build doubles the cost of every key press and keeps a performance mark per
  // render; a shipped CLI runs the production build unless the developer asked otherwise.
  process.env.NODE_ENV ??= 'production';
  // https://no-color.org: chalk (and so Ink) reads FORCE_COLOR, not NO_COLOR, when it is first loaded.
  if (io.env.NO_COLOR) process.env.FORCE_COLOR = '0';
  const ascii = wantsSafeGlyphs({ ascii: options.ascii, platform: process.platform, env: io.env });
  const { runWizard } = await loadWizard();
  return runWizard({ lang, demo: options.demo, configDir: options.configDir, endpoint: options.endpoint, kotApiBase: options.kotApiBase, ascii, io });
}

/**
 * The bundle built by `npm run build` (one file instead of ~650 modules); the modules when it was not built.
 * Inside the exe the wizard is already part of its single bundle.
 */
async function loadWizard(): Promise<typeof import('../ui/run-wizard.js')> {
  if (embedded) return import('../ui/run-wizard.js');
  const bundle = new URL('../ui/run-wizard.bundle.js', import.meta.url);
  if (!existsSync(bundle)) return import('../ui/run-wizard.js');
  return (await import(bundle.href)) as typeof import('../ui/run-wizard.js');
}
