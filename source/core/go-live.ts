import type { CheckId, CheckStatus } from './checks/check.js';
import type { CheckResult } from './checks/index.js';
import { summarise, type Report } from './report.js';
import { escapeControls } from './printable.js';
import { maskSecret, redactKnownSecrets } from './secret.js';

/**
 * The go-live checklist (wizard step 7): the doctor's checks, a verdict an admin can trust before turning
 * the link service on, the values to type into HTLanScopeServiceConfig, and a Markdown report without
 * secrets. Pure: the wizard translates, this decides and lays out.
 */

/** Without these, "nothing failed" would only mean "nothing was looked at". */
export const ESSENTIAL_CHECKS: readonly CheckId[] = ['company-code', 'access-token', 'sql-start-time', 'day-change', 'output-dir', 'unmapped-users'];

export interface GoLiveVerdict {
  /** Nothing failed and every essential check ran. */
  ready: boolean;
  failed: CheckResult[];
  /** Essential checks that were skipped: their input is still missing. */
  unchecked: CheckResult[];
  warnings: CheckResult[];
  summary: Record<CheckStatus, number>;
}

export function goLiveVerdict(results: readonly CheckResult[]): GoLiveVerdict {
  const summary = summarise(results);
  const failed = results.filter((r) => r.status === 'fail');
  const unchecked = results.filter((r) => r.status === 'skip' && ESSENTIAL_CHECKS.includes(r.id));
  const warnings = results.filter((r) => r.status === 'warn');
  return { ready: failed.length === 0 && unchecked.length === 0, failed, unchecked, warnings, summary };
}

export interface ProxyValues {
  host: string;
  port: string;
  /** Present when the proxy needs authentication; the password is never part of these values. */
  user?: string;
}

export interface ServiceConfigInput {
  companyCode?: string;
  token?: string;
  folder?: string;
  proxy?: ProxyValues;
}

/** What to type into HTLanScopeServiceConfig (§2.4, §2.5), safe to show and to save: the token masked. */
export interface ServiceConfigValues {
  companyCode: string | undefined;
  /** `abcd…wxyz (32 chars)`. */
  tokenMasked: string | undefined;
  folder: string | undefined;
  proxy: ProxyValues | undefined;
}

export function serviceConfigValues(input: ServiceConfigInput): ServiceConfigValues {
  return {
    companyCode: input.companyCode || undefined,
    tokenMasked: input.token ? maskSecret(input.token) : undefined,
    folder: input.folder || undefined,
    proxy: input.proxy ? { host: input.proxy.host, port: input.proxy.port, ...(input.proxy.user ? { user: input.proxy.user } : {}) } : undefined,
  };
}

/** The words of the report, in the admin's language (the wizard's catalogs provide them). */
export interface MarkdownText {
  title: string;
  generated: string;
  verdict: string;
  todoHeading: string;
  todo: string[];
  checksHeading: string;
  columns: { status: string; check: string; found: string; manual: string };
  status: Record<CheckStatus, string>;
  configHeading: string;
  configIntro: string;
  config: { companyCode: string; token: string; folder: string; proxy: string; proxyUser: string; none: string; notGiven: string };
  usersHeading: string;
  users: string[];
  footer: string;
}

// Values in a cell come from files: line breaks become spaces, other control characters are escaped.
const cell = (text: string): string => escapeControls(text.replace(/\r?\n/g, ' ')).replace(/\|/g, '\\|');

/**
 * The saved report. Secrets are never among the inputs (the token arrives masked, the proxy password not
 * at all); `redact` is the last line of defence in case one slipped into a message.
 */
export function goLiveMarkdown(report: Pick<Report, 'checks'>, values: ServiceConfigValues, text: MarkdownText, secrets: readonly string[]): string {
  const out: string[] = [];
  out.push(`# ${text.title}`, '', text.generated, '', `**${text.verdict}**`, '');
  if (text.todo.length) {
    out.push(`## ${text.todoHeading}`, '');
    text.todo.forEach((item, i) => out.push(`${i + 1}. ${item}`));
    out.push('');
  }
  out.push(`## ${text.checksHeading}`, '');
  out.push(`| ${text.columns.status} | ${text.columns.check} | ${text.columns.found} | ${text.columns.manual} |`, '|---|---|---|---|');
  for (const c of report.checks) {
    const found = c.advice ? `${c.detail}<br>→ ${c.advice}` : c.detail;
    out.push(`| ${text.status[c.status]} | ${cell(c.title)} (\`${c.id}\`) | ${cell(found)} | ${c.manual} |`);
  }
  out.push('', `## ${text.configHeading}`, '', text.configIntro, '');
  const value = (v: string | undefined): string => (v ? `\`${v}\`` : text.config.notGiven);
  out.push(`- ${text.config.companyCode}: ${value(values.companyCode)}`);
  out.push(`- ${text.config.token}: ${value(values.tokenMasked)}`);
  out.push(`- ${text.config.folder}: ${value(values.folder)}`);
  out.push(`- ${text.config.proxy}: ${values.proxy ? `\`${values.proxy.host}:${values.proxy.port}\`` : text.config.none}`);
  if (values.proxy?.user) out.push(`- ${text.config.proxyUser}: \`${values.proxy.user}\``);
  if (text.users.length) {
    out.push('', `## ${text.usersHeading}`, '');
    for (const line of text.users) out.push(`- ${escapeControls(line)}`);
  }
  out.push('', `_${text.footer}_`, '');
  // Known secrets only: the advice's own example (--proxy http://USER:PASSWORD@host:port) stays readable.
  return redactKnownSecrets(out.join('\n'), secrets);
}
