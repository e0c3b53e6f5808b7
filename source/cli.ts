import './process-title.js';
import { readFileSync } from 'node:fs';
import { embedded } from './embedded.js';
import { helpText } from './i18n/help.js';
import { detectLang, parseLang } from './i18n/locale.js';

/**
 * Entry point. Kept small on purpose: `--version` and `--help` must not load Ink, React or the
 * checks (start-up budget), so every command is imported only when it runs.
 */
const args = process.argv.slice(2);
const langFlag = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
const lang =
  parseLang(langFlag === -1 ? undefined : args[langFlag]!.includes('=') ? args[langFlag]!.split('=')[1] : args[langFlag + 1]) ??
  detectLang(process.env);

// `doctor --json | head` closes the pipe early: that is the reader's choice, not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

/** Options before the command word that take a value (the value is not a command). */
const VALUE_OPTIONS = ['--lang', '--config-dir', '--endpoint', '--kot-api-base'];
const COMMANDS = ['doctor', 'setup', 'reconcile', 'watch', 'schedule', 'help'];

/**
 * Where the command word stands: `--lang ja --help` has none, `--lang ja doctor --help` has one after
 * the options. Anything else that is not an option is an unknown command at the front, as before.
 */
function commandWord(): number {
  for (let i = 0; i < args.length; i++) {
    if (VALUE_OPTIONS.includes(args[i]!)) i++;
    else if (!args[i]!.startsWith('-')) return COMMANDS.includes(args[i]!) || i === 0 ? i : -1;
  }
  return -1;
}

/** Loaded only for help: --version need not load the layout and the wrapper. */
async function writeHelp(text: string): Promise<void> {
  await (await import('./commands/write-help.js')).writeHelp({ stdout: process.stdout, args, env: process.env }, text);
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

async function main(): Promise<number> {
  const at = commandWord();
  const [command, ...rest] = at <= 0 ? args : [args[at]!, ...args.slice(0, at), ...args.slice(at + 1)];
  // Help without a command word is the top-level help, whatever options come first.
  if (at === -1 && args.some((a) => a === '--help' || a === '-h')) {
    await writeHelp(helpText.general[lang]);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${embedded?.version ?? packageVersion()}\n`);
    return 0;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    await writeHelp(helpText.general[lang]);
    return 0;
  }
  if (command === 'doctor' && rest.some((a) => a === '--help' || a === '-h')) {
    // Answered here: loading doctor's engine only to print its help would double the start-up time.
    await writeHelp(helpText.doctor[lang]);
    return 0;
  }
  if (command === 'doctor' || command === 'reconcile' || command === 'watch' || command === 'schedule') {
    // Ctrl-C ends these at once, the same way on Windows (a console event) as on Linux, saying what was
    // written whole before it (the state file, the CSV, the report) or that nothing was.
    const [{ RunRecord }, { stopOnInterrupt }] = await Promise.all([import('./io/run-record.js'), import('./commands/stopped.js')]);
    const record = new RunRecord();
    stopOnInterrupt(command, lang, record);
    const io = { stdout: process.stdout, stderr: process.stderr, env: process.env, record };
    switch (command) {
      case 'doctor':
        return (await import('./commands/doctor.js')).runDoctor(rest, io);
      case 'reconcile':
        return (await import('./commands/reconcile.js')).runReconcile(rest, io);
      case 'watch':
        return (await import('./commands/watch.js')).runWatch(rest, io);
      case 'schedule':
        return (await import('./commands/schedule.js')).runSchedule(rest, io);
    }
  }
  if (command === undefined || command === 'setup' || command.startsWith('--')) {
    const { runSetup } = await import('./commands/setup.js');
    return runSetup(command === 'setup' ? rest : args, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });
  }
  process.stderr.write(
    lang === 'ja'
      ? `lanscope-kot: 不明なコマンド "${command}"。"lanscope-kot --help" をご覧ください。\n`
      : `lanscope-kot: unknown command "${command}". See "lanscope-kot --help".\n`,
  );
  return 2;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  async (err: unknown) => {
    process.exitCode = 2;
    // Redacted like every other output: a library's message may quote a token or a proxy URL it was given.
    const { environmentSecrets, internalErrorLine } = await import('./commands/internal-error.js');
    process.stderr.write(`${internalErrorLine(err, environmentSecrets(process.env))}\n`);
  },
);
