/**
 * One argument vector written as a command line, the way the program that reads it splits it again:
 * Windows (Task Scheduler's <Arguments>, parsed by the C runtime's rules) and a POSIX shell (crontab).
 */
export function windowsCommandLine(args: readonly string[]): string {
  return args.map(windowsArg).join(' ');
}

function windowsArg(arg: string): string {
  if (arg !== '' && !/[\s"]/.test(arg)) return arg;
  // Backslashes are literal unless they precede a quote: double those, and the ones before the closing quote.
  return `"${arg.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1')}"`;
}

export function posixCommandLine(args: readonly string[]): string {
  return args.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** A crontab line: cron reads % as a line break, so it is escaped. */
export function crontabLine(minutes: number, args: readonly string[]): string {
  return `${minutes % 60} ${Math.floor(minutes / 60)} * * * ${posixCommandLine(args).replace(/%/g, '\\%')}`;
}
