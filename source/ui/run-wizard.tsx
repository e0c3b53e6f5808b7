import { render } from 'ink';
import type { SetupIo } from '../commands/setup.js';
import type { Lang } from '../i18n/message.js';
import { configDirFrom, openSettings, type SettingsStore } from '../io/settings.js';
import { Wizard, type ExitSummary } from './app.js';
import type { DemoInfo } from './demo.js';
import { tw } from './i18n.js';
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
export async function runWizard({ lang, demo, configDir, endpoint, kotApiBase, ascii = false, io }: RunWizardOptions): Promise<number> {
  const dir = configDirFrom(configDir, io.env);
  let store: SettingsStore | undefined;
  let saved = {};
  // The demo never reads or overwrites your own settings; it saves only where --config-dir points.
  if (!demo || dir) {
    try {
      store = openSettings(dir);
      if (!demo) saved = store.load();
    } catch (err) {
      io.stderr.write(tw(lang, 'cli.settingsUnreadable', { path: dir ?? '', reason: err instanceof Error ? err.message : String(err) }) + '\n');
      store = undefined;
    }
  }
  let demoInfo: DemoInfo | undefined;
  let initial: WizardValues = valuesFromSettings(saved, io.env);
  if (demo) {
    // Imported only for --demo: it brings the CP932 encoder, which an admin's own run needs later, if at all.
    const { prepareDemo, demoValues } = await import('./demo.js');
    demoInfo = prepareDemo();
    initial = demoValues(demoInfo);
  }
  let saveError: string | undefined;
  const save = (values: WizardValues): void => {
    try {
      store?.save(settingsFromValues(values));
    } catch (err) {
      saveError = err instanceof Error ? err.message : String(err);
    }
  };

  let code = 0;
  let summary: ExitSummary | undefined;
  const instance = render(
    <Wizard
      lang={lang}
      ascii={ascii}
      env={io.env}
      initial={initial}
      demo={demoInfo}
      settingsPath={store?.path}
      services={endpoint || kotApiBase ? { ...(endpoint ? { endpoint } : {}), ...(kotApiBase ? { kotApiBase } : {}) } : undefined}
      onSave={save}
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
  await instance.waitUntilExit();
  if (code === 130) {
    io.stderr.write(tw(lang, 'cli.interrupted') + '\n');
  } else {
    io.stdout.write(
      '\n' +
      tw(lang, 'cli.finished', {
        report: summary?.reportFile ?? '',
        upload: summary?.uploadFile ?? '',
        settings: store && !saveError ? store.path : '',
        demo: summary?.demoDir ?? '',
      }) + '\n',
    );
  }
  if (saveError) io.stderr.write(`lanscope-kot: settings not saved: ${saveError}\n`);
  return code;
}
