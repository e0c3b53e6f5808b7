import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text, useStdin } from 'ink';
import { KeyboardProvider, useKeys } from './widgets/keys.js';
import { useTerminalSize } from './widgets/terminal-size.js';
import { diagnose, runChecks, type CheckResult } from '../core/checks/index.js';
import type { Diagnosis } from '../core/checks/check.js';
import type { Facts } from '../core/facts.js';
import { applyFixes } from '../core/mapping-fixes.js';
import type { Lang } from '../i18n/message.js';
import { LangContext, translator, useT } from './i18n.js';
import { defaultServices, ServicesContext, type Services } from './services.js';
import { buildFacts, STEP_COUNT, type Loaded, type StepNumber, type WizardValues } from './state.js';
import { StepList, StepHeader, StepMarks } from './widgets/step-header.js';
import { Para } from './widgets/para.js';
import { fitColumns } from './widgets/fit-columns.js';
import { glyphsFor } from './glyphs.js';
import type { DemoInfo } from './demo.js';
import { PreparationStep } from './steps/preparation.js';
import { useLaterSteps } from './later-steps.js';
import { Spinner } from './widgets/spinner.js';

export interface WizardProps {
  lang: Lang;
  /** Draw the narrow-safe glyphs (glyphs.ts): --ascii, or conhost. */
  ascii?: boolean;
  env: Record<string, string | undefined>;
  initial: WizardValues;
  initialStep?: StepNumber;
  initialLoaded?: Loaded;
  services?: Partial<Services>;
  demo?: DemoInfo | undefined;
  /** Settles when the demo's files are in its folder (run-wizard.tsx writes them after the first frame). */
  demoReady?: Promise<void> | undefined;
  /** Where settings are saved; undefined when they are not (demo without --config-dir). */
  settingsPath?: string | undefined;
  /** Why settings cannot be saved this time (an unreadable file, a read-only folder): step 1 says so where the token would be remembered. */
  settingsProblem?: SettingsProblem | undefined;
  /**
   * Why LANSCOPE_KOT_TOKEN or KOT_API_TOKEN, set, is not used (longer than any token): step 1 and step 7 say
   * it where the token would be offered (the line said on stderr at start is scrolled away by the first frame).
   */
  refusedEnv?: RefusedEnv | undefined;
  /** Called on every step the admin completes (conf writes atomically). */
  onSave?: (values: WizardValues) => void;
  /** 0 finished, 130 Ctrl-C. The caller unmounts. */
  onExit: (code: number, summary: ExitSummary) => void;
}

/** From this width the steps are listed beside the content. */
export const SIDEBAR_MIN_COLUMNS = 110;

/**
 * Lines for a step's body: the terminal less the title line, the step's heading, the blank lines around
 * the body and the keys line, and one more — Ink 6 redraws badly when the output fills the screen.
 */
export const bodyHeight = (rows: number): number => Math.max(6, rows - 6);

/** A border drawn with ASCII only (the narrow-safe set). */
const ASCII_BORDER = { topLeft: '+', top: '-', topRight: '+', left: '|', bottomLeft: '+', bottom: '-', bottomRight: '+', right: '|' };

/** The settings file named, and why nothing is saved in it this time. */
export interface SettingsProblem {
  kind: 'unreadable' | 'read-only';
  path: string;
  reason: string;
}

export interface ExitSummary {
  reportFile: string | undefined;
  uploadFile: string | undefined;
  demoDir: string | undefined;
}

/** The token variables refused at start, each with the line that says why. */
export type RefusedEnv = Partial<Record<'LANSCOPE_KOT_TOKEN' | 'KOT_API_TOKEN', string>>;

/** What every step gets: the values, what was read, the facts and the doctor's checks over them. */
export interface StepProps {
  values: WizardValues;
  update: (patch: Partial<WizardValues> | ((v: WizardValues) => Partial<WizardValues>)) => void;
  loaded: Loaded;
  setLoaded: (change: (l: Loaded) => Loaded) => void;
  /** Facts with the export as it is (steps 1–5) or with the written upload applied (steps 6–7). */
  facts: Facts;
  diagnosis: Diagnosis;
  results: CheckResult[];
  /** Validated by the step: go on. */
  next: () => void;
  finish: () => void;
  env: Record<string, string | undefined>;
  /** Lines available for the step's body. */
  height: number;
  width: number;
  demo: DemoInfo | undefined;
  settingsPath: string | undefined;
  settingsProblem?: SettingsProblem | undefined;
  refusedEnv?: RefusedEnv | undefined;
}

export function Wizard(props: WizardProps) {
  const services = useMemo(() => ({ ...defaultServices(), ...props.services }), [props.services]);
  const tr = useMemo(() => translator(props.lang, glyphsFor(props.ascii ?? false)), [props.lang, props.ascii]);
  return (
    <LangContext.Provider value={tr}>
      <ServicesContext.Provider value={services}>
        <KeyboardProvider>
          <WizardBody {...props} />
        </KeyboardProvider>
      </ServicesContext.Provider>
    </LangContext.Provider>
  );
}

function WizardBody({ env, initial, initialStep, initialLoaded, demo, demoReady, settingsPath, settingsProblem, refusedEnv, onSave, onExit }: WizardProps) {
  const { t, g } = useT();
  const { isRawModeSupported } = useStdin();
  const [step, setStep] = useState<StepNumber>(initialStep ?? 1);
  const [visited, setVisited] = useState<number>(initialStep ?? 1);
  const [values, setValues] = useState<WizardValues>(initial);
  const [loaded, setLoadedState] = useState<Loaded>(initialLoaded ?? {});
  const [exiting, setExiting] = useState(false);

  const update = useCallback<StepProps['update']>((patch) => setValues((v) => ({ ...v, ...(typeof patch === 'function' ? patch(v) : patch) })), []);
  const setLoaded = useCallback((change: (l: Loaded) => Loaded) => setLoadedState(change), []);

  // Steps 1–5 see the export as it is; the dry run and the checklist see it as it will be once the
  // written upload file is imported (and say so).
  // Only the values the checks read: typing a report path must not re-run every check per keystroke.
  const { companyCode, token, useEnvToken, sqlPath, divisions, outputInput, proxy, mappingPath } = values;
  const asIsFacts = useMemo(
    () => buildFacts({ ...values, companyCode, token, useEnvToken, sqlPath, divisions, outputInput, proxy, mappingPath }, loaded, env),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [companyCode, token, useEnvToken, sqlPath, divisions, outputInput, proxy, mappingPath, loaded, env],
  );
  const upload = loaded.upload;
  const toBeFacts = useMemo(() => {
    if (!upload || !asIsFacts.mapping) return asIsFacts;
    return { ...asIsFacts, mapping: { ...asIsFacts.mapping, data: applyFixes(asIsFacts.mapping.data, new Map(Object.entries(upload.accepted).map(([l, to]) => [Number(l), to]))) } };
  }, [asIsFacts, upload]);
  const facts = step >= 6 ? toBeFacts : asIsFacts;
  const diagnosis = useMemo(() => diagnose(facts), [facts]);
  const results = useMemo(() => runChecks(diagnosis), [diagnosis]);

  const exit = useCallback(
    (code: number) => {
      setExiting(true);
      onExit(code, { reportFile: loaded.reportFile, uploadFile: loaded.upload?.file, demoDir: demo?.dir });
    },
    [onExit, loaded, demo],
  );

  useKeys(
    (input, key) => {
      if (key.ctrl && input === 'c') {
        exit(130);
        return;
      }
      if (key.escape && step > 1) setStep((s) => (s - 1) as StepNumber);
    },
    { isActive: isRawModeSupported !== false && !exiting },
  );

  // A step may update a value and go on in the same keypress (a proxy address split into host and
  // port): saving waits for that update to be committed, so what is saved is what is shown.
  const pending = useRef<'save' | 'finish' | undefined>(undefined);
  useEffect(() => {
    const action = pending.current;
    if (!action) return;
    pending.current = undefined;
    onSave?.(values);
    if (action === 'finish') exit(0);
  });

  const next = useCallback(() => {
    pending.current = 'save';
    setStep((s) => {
      const n = Math.min(STEP_COUNT, s + 1) as StepNumber;
      setVisited((v) => Math.max(v, n));
      return n;
    });
  }, []);

  const finish = useCallback(() => {
    pending.current = 'finish';
    // Re-render so the effect above runs with the values of this keypress.
    setVisited((v) => v);
    setValues((v) => ({ ...v }));
  }, []);

  // Steps 2–7 arrive a moment after the first frame; step 1 is drawn without waiting for them.
  const later = useLaterSteps(demoReady);
  const Body = step === 1 ? PreparationStep : later.steps?.[step];

  const { columns, rows } = useTerminalSize();
  // The list of steps beside the content needs room; narrower terminals get it as marks in the title line.
  const sidebar = columns >= SIDEBAR_MIN_COLUMNS;
  const width = Math.max(20, columns - (sidebar ? 32 : 2));
  const height = bodyHeight(rows);

  const stepProps: StepProps = { values, update, loaded, setLoaded, facts, diagnosis, results, next, finish, env, height, width, demo, settingsPath, settingsProblem, refusedEnv };

  if (exiting) return null;
  const body = (
    <Box flexDirection="column" flexGrow={1} width={width}>
      <StepHeader step={step} width={width} />
      <Box flexDirection="column" marginTop={1} height={height} overflowY="hidden">
        {Body ? (
          <Body {...stepProps} />
        ) : later.demoError ? (
          <Para text={t('app.demoUnwritable', { dir: demo?.dir ?? '', reason: later.demoError })} width={width} color="red" />
        ) : later.error ? (
          <Para text={t('app.stepsUnloadable', { reason: later.error })} width={width} color="red" />
        ) : (
          <Spinner label={t('app.stepsLoading')} width={width} />
        )}
      </Box>
    </Box>
  );
  return (
    <Box flexDirection="column" width={columns - 1}>
      <Box justifyContent="space-between">
        <Text bold wrap="truncate-end">
          lanscope-kot setup{demo ? <Text color="magenta"> {g.dot} {t('app.demo')}</Text> : null}
        </Text>
        {sidebar ? null : <StepMarks step={step} visited={visited} results={results} />}
      </Box>
      {sidebar ? (
        <Box>
          <Box width={27} flexShrink={0} marginRight={2} borderStyle={g.safe ? ASCII_BORDER : 'single'} borderTop={false} borderBottom={false} borderLeft={false} paddingRight={1}>
            <StepList step={step} visited={visited} results={results} />
          </Box>
          {body}
        </Box>
      ) : (
        body
      )}
      <Box marginTop={1}>
        <Text dimColor>{fitColumns(step === 7 ? t('check.keys') : step > 1 ? t('keys.global') : t('keys.first'), columns - 2, g.ellipsis)}</Text>
      </Box>
    </Box>
  );
}
