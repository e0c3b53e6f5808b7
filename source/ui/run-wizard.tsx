import { render } from 'ink';
import type { SetupIo } from '../commands/setup.js';
import type { Lang } from '../i18n/message.js';
import { InputError } from '../core/input-problem.js';
import { escapeControls } from '../core/printable.js';
import { secretFromEnv } from '../core/secret.js';
import { INTERRUPTED_EXIT_CODE, onInterrupt } from '../io/interrupt.js';
import { configDirFrom, openSettings, SettingsError, type SettingsStore } from '../io/settings.js';
import { Wizard, type ExitSummary, type RefusedEnv, type SettingsProblem } from './app.js';
import type { DemoInfo } from './demo.js';
import { tw } from './i18n.js';
import { wizardProblemText } from './load.js';
import { settingsFromValues, valuesFromSettings, type WizardValues } from './state.js';

export interface RunWizardOptions {
  lang: Lang;
  demo: boolean;
  configDir: string | undefined;
  endpoint?: string | undefined;
  kotApiBase?: string | undefined;
  /** Narrow-safe glyphs (glyphs.ts). */
  ascii?: boolean;
  io: SetupIo;
}

/** Renders the wizard on a terminal and resolves to the exit code: 0 finished, 130 Ctrl-C. */
export async function runWizard({ lang, demo, configDir, endpoint, kotApiBase, ascii = false, io: given }: RunWizardOptions): Promise<number> {
  const { env, refused } = withoutOversizedTokens(given, lang);
  const io = { ...given, env };
  const dir = configDirFrom(configDir, io.env);
  let store: SettingsStore | undefined;
  let saved = {};
  let settingsProblem: SettingsProblem | undefined;
  // The demo never reads or overwrites your own settings; it saves only where --config-dir points.
  if (!demo || dir) {
    try {
      store = openSettings(dir);
      if (!demo) saved = store.load();
    } catch (err) {
      const { path, reason } = err instanceof SettingsError ? err : { path: dir ?? '', reason: err instanceof Error ? err.name : String(err) };
      io.stderr.write(tw(lang, 'cli.settingsUnreadable', { path: escapeControls(path), reason }) + '\n');
      settingsProblem = { kind: 'unreadable', path, reason };
      store = undefined;
    }
  }
  // Found out now, not after seven steps: said before the first screen, and on step 1 (the full-screen frame scrolls this line away).
  if (store?.unwritable) {
    io.stderr.write(tw(lang, 'cli.settingsReadOnly', { path: escapeControls(store.path), reason: store.unwritable }) + '\n');
    settingsProblem = { kind: 'read-only', path: store.path, reason: store.unwritable };
  }
  const writable = store && !store.unwritable ? store : undefined;
  let demoInfo: DemoInfo | undefined;
  let initial: WizardValues = valuesFromSettings(saved, io.env);
  // --demo: the folder now, its files once the first frame is drawn (render() below draws it before it
  // returns); steps 2–7, which read them, wait for them (useLaterSteps).
  let fillDemo: (() => void) | undefined;
  let demoReady: Promise<void> | undefined;
  if (demo) {
    const { demoFolder, demoValues, fillDemoFolder } = await import('./demo.js');
    const info = demoFolder();
    demoInfo = info;
    initial = demoValues(info);
    demoReady = new Promise<void>((resolve) => (fillDemo = resolve)).then(() => fillDemoFolder(info));
    // Whoever waits for it sees a failure; this only keeps Node from calling it unhandled meanwhile.
    demoReady.catch(() => undefined);
  }
  const saving = settingsSaver(writable);

  let code = 0;
  let summary: ExitSummary | undefined;
  const instance = render(
    <Wizard
      lang={lang}
      ascii={ascii}
      env={io.env}
      initial={initial}
      demo={demoInfo}
      demoReady={demoReady}
      settingsPath={writable?.path}
      settingsProblem={settingsProblem}
      refusedEnv={refused}
      services={endpoint || kotApiBase ? { ...(endpoint ? { endpoint } : {}), ...(kotApiBase ? { kotApiBase } : {}) } : undefined}
      onSave={saving.save}
      onExit={(exitCode, exitSummary) => {
        code = exitCode;
        summary = exitSummary;
        setImmediate(() => instance.unmount());
      }}
    />,
    {
      stdin: io.stdin as NodeJS.ReadStream,
      stdout: io.stdout as NodeJS.WriteStream,
      stderr: io.stderr as NodeJS.WriteStream,
      exitOnCtrlC: false,
    },
  );
  fillDemo?.();
  // Only a save that happened and did not fail is claimed.
  const savedPath = (): string => (writable && saving.saved && !saving.error ? escapeControls(writable.path) : '');
  const demoPath = (): string => escapeControls(summary?.demoDir ?? demoInfo?.dir ?? '');
  const sayUnsaved = (): void => {
    if (saving.error) io.stderr.write(tw(lang, 'cli.settingsNotSaved', { path: escapeControls(saving.error.path), reason: saving.error.reason }) + '\n');
  };
  // Ink leaves its last frame without a line break: start on a line of our own.
  const sayStopped = (): void => void io.stderr.write('\n' + tw(lang, 'cli.interrupted', { settings: savedPath(), demo: demoPath() }) + '\n');
  // Ctrl-C as a key reaches the Wizard (raw mode); as a console event (Windows) or a signal it ends here the
  // same way, at once (see onInterrupt): the terminal restored, the same line, exit 130. Completed steps
  // were saved when they completed; an atomic write under way is cleaned up by its own exit hook.
  const stopListening = onInterrupt(() => {
    instance.unmount();
    sayStopped();
    sayUnsaved();
    process.exit(INTERRUPTED_EXIT_CODE);
  });
  await instance.waitUntilExit();
  stopListening();
  const settings = savedPath();
  const demoDir = demoPath();
  if (code === INTERRUPTED_EXIT_CODE) {
    sayStopped();
  } else {
    io.stdout.write(
      '\n' +
      tw(lang, 'cli.finished', {
        report: escapeControls(summary?.reportFile ?? ''),
        upload: escapeControls(summary?.uploadFile ?? ''),
        settings,
        demo: demoDir,
      }) + '\n',
    );
  }
  sayUnsaved();
  return code;
}

/** Saves on every completed step; remembers whether anything was saved and the first failure (said once, at exit). */
function settingsSaver(store: SettingsStore | undefined) {
  const state = {
    saved: false,
    error: undefined as SettingsError | undefined,
    save(values: WizardValues): void {
      if (!store || state.error) return;
      try {
        store.save(settingsFromValues(values));
        state.saved = true;
      } catch (err) {
        state.error = err instanceof SettingsError ? err : new SettingsError(store.path, err instanceof Error ? err.name : String(err));
      }
    },
  };
  return state;
}

/**
 * LANSCOPE_KOT_TOKEN or KOT_API_TOKEN longer than any token is not used: said in one line that gives its
 * size, never its content, as doctor refuses it (a 32 KB value once froze the wizard). The line is also
 * returned, for steps 1 and 7 to say where the variable would have been used.
 */
function withoutOversizedTokens(io: SetupIo, lang: Lang): { env: Record<string, string | undefined>; refused: RefusedEnv } {
  let env = io.env;
  const refused: RefusedEnv = {};
  for (const [variable, kind] of [
    ['LANSCOPE_KOT_TOKEN', 'token'],
    ['KOT_API_TOKEN', 'kot-api-token'],
  ] as const) {
    try {
      secretFromEnv(env, variable, kind);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      refused[variable] = wizardProblemText(err.problem, lang);
      io.stderr.write(`lanscope-kot: ${refused[variable]}\n`);
      env = { ...env, [variable]: undefined };
    }
  }
  return { env, refused };
}
