import { fileURLToPath } from 'node:url';
import { render } from 'ink-testing-library';
import { Wizard, type ExitSummary, type RefusedEnv, type SettingsProblem } from '../../source/ui/app.js';
import type { DemoInfo } from '../../source/ui/demo.js';
import type { Services } from '../../source/ui/services.js';
import { emptyProxy, type Loaded, type StepNumber, type WizardValues } from '../../source/ui/state.js';
import type { Lang } from '../../source/i18n/message.js';
import { loadLaterSteps } from '../../source/ui/later-steps.js';
import { wizardEn } from '../../source/i18n/wizard-en.js';
import { loadedFor } from './demo-fixture.js';

// The wizard loads steps 2–7 after its first frame; tests start with them loaded, as a person sees them.
await loadLaterSteps();

/** Keys as a terminal sends them. */
export const KEY = {
  enter: '\r',
  esc: '\x1b',
  tab: '\t',
  shiftTab: '\x1b[Z',
  up: '\x1b[A',
  down: '\x1b[B',
  left: '\x1b[D',
  right: '\x1b[C',
  pageDown: '\x1b[6~',
  end: '\x1b[F',
  space: ' ',
  backspace: '\x7f',
  ctrlC: '\x03',
} as const;

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Frames written so far by each rendered instance, found from its stdin. */
const framesOf = new WeakMap<object, string[]>();

/**
 * React 19 flushes asynchronously: write, then wait until Ink has stopped writing new frames for a
 * moment (at least `ms`), so a loaded machine does not turn into a flaky test.
 */
export async function typeAndWait(stdin: { write: (data: string) => void }, text: string, ms = 30): Promise<void> {
  stdin.write(text);
  const frames = framesOf.get(stdin);
  await tick(ms);
  if (!frames) return;
  let count = frames.length;
  for (let i = 0; i < 50; i++) {
    await tick(15);
    if (frames.length === count) return;
    count = frames.length;
  }
}

/** Keys one at a time (a terminal sends a pasted chunk as one event, typed keys one by one). */
export async function pressKeys(stdin: { write: (data: string) => void }, ...keys: string[]): Promise<void> {
  for (const key of keys) await typeAndWait(stdin, key);
}

/** Polls the last frame until `expected` shows (reads and network are asynchronous). */
export async function waitForFrame(lastFrame: () => string | undefined, expected: string | RegExp, timeoutMs = 5000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const frame = lastFrame() ?? '';
    // Either as drawn or with wrapped lines joined (a sentence may wrap at the test terminal's width).
    const found = (text: string) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text));
    if (found(frame) || found(flat(frame))) return frame;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${String(expected)} in frame:\n${frame}`);
    await tick(20);
  }
}

export function blankValues(patch: Partial<WizardValues> = {}): WizardValues {
  return {
    companyCode: '',
    token: '',
    useEnvToken: false,
    rememberToken: false,
    sqlPath: '',
    divisions: [],
    outputInput: '',
    proxy: emptyProxy(),
    mappingPath: '',
    acceptedFixes: {},
    reportPath: '',
    ...patch,
  };
}

export interface Harness extends ReturnType<typeof render> {
  saved: WizardValues[];
  exits: { code: number; summary: ExitSummary }[];
  /** A terminal resize (the harness must have been given a size). */
  resize: (columns: number, rows: number) => void;
}

export function renderWizard(options: {
  step?: StepNumber;
  values?: Partial<WizardValues>;
  loaded?: Loaded;
  env?: Record<string, string | undefined>;
  lang?: Lang;
  /** The narrow-safe glyphs (--ascii). */
  ascii?: boolean;
  services?: Partial<Services>;
  demo?: DemoInfo;
  /** The demo's files being written (run-wizard.tsx): steps 2–7 wait for it. */
  demoReady?: Promise<void>;
  settingsPath?: string;
  /** Settings that cannot be saved this time (then there is no settingsPath). */
  settingsProblem?: SettingsProblem;
  /** The lines run-wizard says when LANSCOPE_KOT_TOKEN or KOT_API_TOKEN is too long to be a token. */
  refusedEnv?: RefusedEnv;
  /** Terminal size; ink-testing-library's is 100 columns and no rows (the wizard assumes 30). */
  columns?: number;
  rows?: number;
} = {}): Harness {
  const saved: WizardValues[] = [];
  const exits: { code: number; summary: ExitSummary }[] = [];
  const instance = render(
    <Wizard
      lang={options.lang ?? 'en'}
      ascii={options.ascii ?? false}
      env={options.env ?? {}}
      initial={blankValues(options.values)}
      initialStep={options.step ?? 1}
      initialLoaded={options.loaded ?? {}}
      services={options.services ?? {}}
      demo={options.demo}
      demoReady={options.demoReady}
      settingsPath={options.settingsProblem ? undefined : (options.settingsPath ?? '/home/admin/.config/lanscope-kot/config.json')}
      settingsProblem={options.settingsProblem}
      refusedEnv={options.refusedEnv}
      onSave={(v) => saved.push(v)}
      onExit={(code, summary) => exits.push({ code, summary })}
    />,
  );
  framesOf.set(instance.stdin, instance.frames);
  const size = { columns: options.columns, rows: options.rows };
  const resize = (columns: number, rows: number): void => {
    size.columns = columns;
    size.rows = rows;
    instance.stdout.emit('resize');
  };
  if (options.columns !== undefined || options.rows !== undefined) {
    Object.defineProperty(instance.stdout, 'columns', { get: () => size.columns ?? 100 });
    Object.defineProperty(instance.stdout, 'rows', { get: () => size.rows });
    instance.stdout.emit('resize');
  }
  return Object.assign(instance, { saved, exits, resize });
}

/** The step counter in the header, e.g. "3/7". */
export function stepOf(frame: string | undefined): string | undefined {
  return /(\d)\/7/.exec(frame ?? '')?.[1];
}

export const fixture = (path: string): string => fileURLToPath(new URL(`../../../test/fixtures/${path}`, import.meta.url));
export const demoFile = (path: string): string => fileURLToPath(new URL(`../../../examples/demo/${path}`, import.meta.url));

/**
 * The frame's text as one line: the step list beside the content cut off, wrapped lines joined with a
 * space, runs of spaces collapsed. For assertions on sentences that wrap at the test terminal's width.
 */
export function flat(frame: string | undefined): string {
  return (frame ?? '')
    .split('\n')
    .map((line) => (line.includes('│') ? line.slice(line.indexOf('│') + 1) : line))
    .map((line) => line.trim())
    .filter(Boolean)
    // Japanese wraps between phrases without a space (wrap.ts): joined back as it was written.
    .reduce((text, line) => (text === '' ? line : /[\u3000-\u9fff\uff00-\uffef]$/u.test(text) && /^[\u3000-\u9fff\uff00-\uffef]/u.test(line) ? text + line : `${text} ${line}`), '')
    .replace(/\s+/g, ' ');
}

/** True when `text` appears in the frame, however the terminal wrapped it (paths have no spaces to break at). */
export function shows(frame: string | undefined, text: string): boolean {
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  return squeeze(flat(frame)).includes(squeeze(text));
}

/** The wizard's own command-line options (its --help): the admin types them to start it, so a step may name them. */
export const WIZARD_OPTIONS: ReadonlySet<string> = new Set(wizardEn['cli.help']({}).match(/--[a-z][a-z-]*/g));

/**
 * Flags a step's text names that the wizard does not take (doctor's --log-dir, --token-file …): nobody types
 * those in the wizard, whose advice names its fields and steps instead (ui/i18n.ts IN_WIZARD).
 */
export function foreignFlags(frame: string | undefined): string[] {
  return [...new Set(flat(frame).match(/--[a-z][a-z-]*/g) ?? [])].filter((flag) => !WIZARD_OPTIONS.has(flag));
}

/** Step 7 with a Web API token and its compare opened (Tab) against a stand-in, on 2024-12-19 at noon JST (the demo's days past, the API open). */
export async function openCompare(stub: { base: string; token: string }, values: WizardValues, lang: Lang = 'en'): Promise<Harness> {
  const h = renderWizard({
    lang,
    columns: 120,
    rows: 40,
    step: 7,
    values,
    loaded: await loadedFor(values),
    env: { KOT_API_TOKEN: stub.token },
    services: { kotApiBase: stub.base, now: () => new Date('2024-12-19T12:00:00+09:00') },
  });
  await typeAndWait(h.stdin, '');
  await typeAndWait(h.stdin, KEY.tab);
  return h;
}
