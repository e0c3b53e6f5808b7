import { msg } from '../../i18n/message.js';
import { formatDay } from '../wall-clock.js';
import { skip, type Check } from './check.js';

/** The file's name without its folder, whichever separator the platform used. */
const fileName = (path: string): string => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

export const outputDir: Check = {
  id: 'output-dir',
  manual: '§2.4',
  run({ facts }) {
    const dir = facts.outputDir;
    if (!dir) return skip(msg('skip.notGiven', { flag: '--log-dir / --conf-ini' }));
    const path = dir.path;
    const days = dir.logFiles.flatMap((f) => (f.firstDay === undefined ? [] : [f.firstDay, f.lastDay!]));
    const from = days.length ? formatDay(Math.min(...days)) : null;
    const to = days.length ? formatDay(Math.max(...days)) : null;
    const data = {
      path,
      source: dir.source,
      confIniLine: dir.confIni?.setting.line ?? null,
      exists: dir.exists,
      local: !dir.network,
      csvFiles: dir.logFiles.length,
      rows: dir.logFiles.reduce((n, f) => n + f.rows, 0),
      from,
      to,
      files: dir.logFiles.map((f) => ({ file: f.file, shape: f.shape, rows: f.rows })),
      skipped: dir.skipped,
    };
    const skipped = dir.skipped.map((s) => ({ name: fileName(s.file), reason: s.reason }));
    // The mapping export beside the logs is expected; an empty file or a FIFO among them is worth a look.
    const oddSkips = dir.skipped.some((s) => s.reason !== 'mapping-export');
    if (dir.network) return { status: 'fail', detail: msg('outputDir.network', { path }), advice: msg('outputDir.networkAdvice', {}), data };
    if (dir.elsewhere) return { status: 'warn', detail: msg('outputDir.elsewhere', { path }), advice: msg('outputDir.elsewhereAdvice', {}), data };
    if (!dir.exists) return { status: 'fail', detail: msg('outputDir.missing', { path }), advice: msg('outputDir.missingAdvice', { source: dir.source }), data };
    if (!dir.isDirectory) return { status: 'fail', detail: msg('outputDir.notDir', { path }), advice: msg('outputDir.missingAdvice', { source: dir.source }), data };
    if (!dir.readable) return { status: 'fail', detail: msg('outputDir.unreadable', { path }), advice: msg('outputDir.unreadableAdvice', {}), data };
    if (/[¥￥]/.test(dir.given)) {
      return { status: 'warn', detail: msg('outputDir.yen', { given: dir.given, path }), advice: msg('outputDir.yenAdvice', { path }), data };
    }
    if (dir.logFiles.length === 0) {
      return { status: 'warn', detail: msg('outputDir.noCsv', { path, csvCount: dir.csvCount, skipped }), advice: msg('outputDir.noCsvAdvice', {}), data };
    }
    const detail = msg('outputDir.pass', { path, files: dir.logFiles.length, rows: data.rows, from: from ?? '-', to: to ?? '-', skipped });
    if (oddSkips) return { status: 'warn', detail, advice: msg('outputDir.skippedAdvice', {}), data };
    // Read without being named (doctor on Windows, nothing given): say which folder that was, and why.
    if (dir.source === 'default') return { status: 'pass', detail, advice: msg('outputDir.defaultUsed', { path }), data };
    return { status: 'pass', detail, data };
  },
};
