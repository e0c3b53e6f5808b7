import type { Message } from '../../i18n/message.js';
import { shortenMiddle } from '../printable.js';
import type { Facts } from '../facts.js';
import type { OddPunch } from '../dry-run.js';
import type { UserMatching } from '../user-matching.js';

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

/** Check ids are a contract: scripts and the wizard key on them. Never rename one. */
export type CheckId =
  | 'company-code'
  | 'access-token'
  | 'sql-start-time'
  | 'day-change'
  | 'output-dir'
  | 'mapping-excel'
  | 'unmapped-users'
  | 'duplicate-mappings'
  | 'shared-pc-users'
  | 'near-misses'
  | 'unused-mappings'
  | 'punch-times'
  | 'proxy'
  | 'kot-api';

export interface CheckOutcome {
  status: CheckStatus;
  /** What was found. */
  detail: Message;
  /** What to do about it (absent on pass). */
  advice?: Message;
  /** Lines under the finding, in order (the proxy check: one per network stage, like `curl -v`). */
  lines?: Message[];
  data?: Record<string, unknown>;
}

/** Facts plus what several checks derive from them, computed once. */
export interface Diagnosis {
  facts: Facts;
  matching: UserMatching;
  odd: OddPunch[] | undefined;
  /** LanScope's collection start time in force (minutes). */
  windowStart: number;
}

export interface Check {
  id: CheckId;
  /** The section of the vendor manual that explains it, e.g. "§5.2.1". */
  manual: string;
  run(diagnosis: Diagnosis): CheckOutcome;
}

export const skip = (detail: Message): CheckOutcome => ({ status: 'skip', detail });

/** Lists in one-line messages show a few items, each clipped (a user name may be a whole line), and how many more there are. */
export function preview(items: readonly string[], max = 5): string {
  const shown = items
    .slice(0, max)
    .map((item) => shortenMiddle(item))
    .join(', ');
  return items.length > max ? `${shown} (+${items.length - max})` : shown;
}
