import type { Writable } from 'node:stream';
import chalk from 'chalk';
import { diagnose, runChecks } from '../core/checks/index.js';
import { InputError } from '../core/input-problem.js';
import { parseProxyUrl } from '../core/proxy-settings.js';
import { buildReport } from '../core/report.js';
import { redactMessage, redactValues } from '../core/redact-message.js';
import { escapeControls } from '../core/printable.js';
import { redactKnownSecrets } from '../core/secret.js';
import { helpText } from '../i18n/help.js';
import { detectLang } from '../i18n/locale.js';
import { msg, type Lang, type MessageKey } from '../i18n/message.js';
import { t, translate } from '../i18n/translate.js';
import { writeJsonReport } from '../io/json-stream.js';
import { describeInputProblem } from './input-problem-text.js';
import { gatherFacts } from './gather-facts.js';
import { langFromArgs, parseDoctorOptions, somethingToCheck, UsageError, type DoctorOptions } from './doctor-options.js';
import { internalErrorLine } from './internal-error.js';
import { formatDoctorText } from './doctor-text.js';
import { doctorSinceLast, doctorSinceLastJson, doctorSinceLastText } from './doctor-since-last.js';
import { nextState } from '../core/since-last.js';
import { readState, StateFileError } from '../io/state-file.js';
import { OutputError, saveState, stateOrOutputText } from './run-output.js';
import { glyphsFor } from '../ui/glyphs.js';
import { wantsSafeGlyphs } from '../ui/safe-glyphs.js';
import type { RunRecord } from '../io/run-record.js';
import { writeHelp } from './write-help.js';

export interface CommandIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** What this run has written so far, for the line a Ctrl-C prints (cli.ts, commands/stopped.ts). */
  record?: RunRecord;
}

/** Runs `lanscope-kot doctor`; resolves to the exit code (0 nothing failed, 1 a check failed, 2 usage/input). */
export async function runDoctor(args: readonly string[], io: CommandIo): Promise<number> {
  let lang: Lang = langFromArgs(args) ?? detectLang(io.env);
  const secrets: string[] = [];
  // Values are redacted where they enter a message or the data; the whole output once more for known secrets.
  const say = (stream: NodeJS.WritableStream, text: string): void => {
    stream.write(redactKnownSecrets(text, secrets));
  };
  try {
    const options = parseDoctorOptions(args);
    lang = options.lang ?? lang;
    // chalk reads FORCE_COLOR but not NO_COLOR (https://no-color.org).
    if (io.env.NO_COLOR) chalk.level = 0;
    if (options.help) {
      await writeHelp({ stdout: io.stdout, args, env: io.env }, helpText.doctor[lang]);
      return 0;
    }
    if (!somethingToCheck(options, io.env)) throw new UsageError(msg('usage.nothingToCheck', {}));
    collectSecrets(options, io.env, secrets);
    for (const d of options.dayChanges.filter((d) => d.normalised)) {
      say(io.stderr, escapeControls(t(lang, 'usage.normalised', { flag: '--day-change', input: d.input, value: d.division ? `${d.division}=${d.text}` : d.text })) + '\n');
    }
    const state = options.sinceLast === undefined ? undefined : await readState(options.sinceLast);
    const progress = progressLine(io.stderr, lang);
    const facts = await gatherFacts(options, io.env, progress.update, secrets);
    progress.done();
    const diagnosis = diagnose(facts);
    const results = runChecks(diagnosis);
    const built = buildReport(
      diagnosis,
      results,
      (m) => translate(redactMessage(m, secrets), lang),
      (id) => t(lang, `title.${id}` as MessageKey, {} as never),
    );
    const report = { ...built, checks: built.checks.map((c) => ({ ...c, data: redactValues(c.data, secrets) })) };
    const sinceLast = options.sinceLast === undefined ? undefined : doctorSinceLast(state, diagnosis, results, new Date());
    if (sinceLast) {
      saveState(options.sinceLast!, nextState(state, { doctor: sinceLast.section }), secrets, io.record);
      report.sinceLast = doctorSinceLastJson(sinceLast);
    }
    if (options.json) await writeJsonReport(report, io.stdout as Writable, secrets);
    else say(io.stdout, formatDoctorText(report, lang, glyphsFor(wantsSafeGlyphs({ ascii: options.ascii, platform: process.platform, env: io.env }))) + (sinceLast ? doctorSinceLastText(sinceLast, options.sinceLast!, lang) : ''));
    return report.summary.fail > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof UsageError) {
      say(io.stderr, `lanscope-kot: ${escapeControls(translate(redactMessage(err.detail, secrets), lang))}\n`);
      return 2;
    }
    if (err instanceof InputError) {
      say(io.stderr, `lanscope-kot: ${describeInputProblem(err.problem, lang)}\n`);
      return 2;
    }
    if (err instanceof StateFileError || err instanceof OutputError) {
      say(io.stderr, `lanscope-kot: ${stateOrOutputText(err, lang)}\n`);
      return 2;
    }
    say(io.stderr, `${internalErrorLine(err, secrets)}\n`);
    return 2;
  }
}

/** Proxy passwords from the flag and from every proxy variable, wherever the chosen proxy comes from (reconcile and watch too). */
export function collectSecrets(options: Pick<DoctorOptions, 'proxy'>, env: Record<string, string | undefined>, secrets: string[]): void {
  for (const url of [options.proxy, env.https_proxy, env.HTTPS_PROXY, env.http_proxy, env.HTTP_PROXY, env.all_proxy, env.ALL_PROXY]) {
    if (!url) continue;
    try {
      const { password } = parseProxyUrl(url);
      if (password) secrets.push(password);
    } catch {
      // An unparsable proxy URL is refused as a usage error (flag) or reported by the proxy check (env).
    }
  }
}

/** "reading LanScope CSVs: 3 files, 1200000 rows" on a terminal only, and only for reads over a second. */
export function progressLine(stderr: CommandIo['stderr'], lang: Lang) {
  const started = Date.now();
  let shown = false;
  return {
    update(p: { files: number; rows: number }) {
      if (!stderr.isTTY || Date.now() - started < 1000) return;
      shown = true;
      stderr.write(`\r${t(lang, 'doctor.progress', p)}`);
    },
    done() {
      if (shown) stderr.write('\r\x1b[2K');
    },
  };
}

