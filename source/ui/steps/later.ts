import type { ComponentType } from 'react';
import type { StepProps } from '../app.js';
import type { StepNumber } from '../state.js';
import { ChecklistStep } from './checklist.js';
import { DayChangeStep } from './day-change.js';
import { DryRunStep } from './dry-run.js';
import { MappingStep } from './mapping.js';
import { OutputDirStep } from './output-dir.js';
import { ProxyStep } from './proxy.js';

/**
 * Steps 2–7, with everything they read and write (iconv-lite, csv-parse, the log folder's worker): none
 * of it is needed to draw step 1, so the wizard loads this module after its first frame (later-steps.ts).
 */
export const LATER_STEPS: Record<Exclude<StepNumber, 1>, ComponentType<StepProps>> = {
  2: DayChangeStep,
  3: OutputDirStep,
  4: ProxyStep,
  5: MappingStep,
  6: DryRunStep,
  7: ChecklistStep,
};
