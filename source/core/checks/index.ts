import { msg } from '../../i18n/message.js';
import { findOddPunches } from '../dry-run.js';
import { windowStartMinutes, type Facts } from '../facts.js';
import { matchUsers } from '../user-matching.js';
import type { Check, CheckId, CheckOutcome, Diagnosis } from './check.js';
import { dayChange, sqlStartTime } from './day-change.js';
import { duplicateMappings, mappingExcel, unusedMappings } from './mapping.js';
import { outputDir } from './output-dir.js';
import { accessToken, companyCode } from './preparation.js';
import { kotApi } from './kot-api.js';
import { proxy } from './proxy.js';
import { punchTimes } from './punch-times.js';
import { nearMisses, sharedPcUsers, unmappedUsers } from './users.js';

/** The one list: doctor prints it in this order, and the wizard's checklist shows the same. */
export const CHECKS: readonly Check[] = [
  companyCode,
  accessToken,
  sqlStartTime,
  dayChange,
  outputDir,
  mappingExcel,
  unmappedUsers,
  duplicateMappings,
  sharedPcUsers,
  nearMisses,
  unusedMappings,
  punchTimes,
  proxy,
  kotApi,
];

export interface CheckResult extends CheckOutcome {
  id: CheckId;
  manual: string;
}

export function diagnose(facts: Facts): Diagnosis {
  const windowStart = windowStartMinutes(facts);
  return {
    facts,
    windowStart,
    matching: matchUsers(facts.logs?.users, facts.mapping?.data),
    odd: facts.logs ? findOddPunches(facts.logs.users, facts.logs.windowStartMinutes) : undefined,
  };
}

/** A check that throws is a bug of ours; it becomes a failed result naming the check, never a crash. */
export function runChecks(diagnosis: Diagnosis, checks: readonly Check[] = CHECKS): CheckResult[] {
  return checks.map((check) => {
    try {
      return { id: check.id, manual: check.manual, ...check.run(diagnosis) };
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      return { id: check.id, manual: check.manual, status: 'fail', detail: msg('check.crashed', { id: check.id, reason }) };
    }
  });
}
