import type { Facts } from '../core/facts.js';
import { DEFAULT_SQL_START_MINUTES } from '../core/facts.js';
import type { ReadProgress } from '../io/log-folder.js';
import { readMappingFile, readOutputDir, readSql, readTokenFile, tokenFromEnv } from '../io/read-inputs.js';
import type { DoctorOptions } from './doctor-options.js';

/**
 * Reads every input doctor was given into facts. The SQL comes first: its start time decides which
 * LanScope window each log row falls in. Throws InputError (exit 2) on the first unreadable input.
 */
export async function gatherFacts(
  options: DoctorOptions,
  env: Record<string, string | undefined>,
  onProgress?: (progress: ReadProgress) => void,
): Promise<Facts> {
  const token = options.tokenFile !== undefined ? await readTokenFile(options.tokenFile) : tokenFromEnv(env);
  const sql = options.sql === undefined ? undefined : await readSql(options.sql);
  const mapping = options.mapping === undefined ? undefined : await readMappingFile(options.mapping);
  const windowStartMinutes = sql?.result.minutes ?? DEFAULT_SQL_START_MINUTES;
  const folder =
    options.logDir === undefined && options.confIni === undefined
      ? undefined
      : await readOutputDir({ logDir: options.logDir, confIni: options.confIni, windowStartMinutes, onProgress });
  return {
    companyCode: options.companyCode,
    token,
    sql,
    dayChanges: options.dayChanges,
    outputDir: folder?.outputDir,
    mapping,
    logs: folder?.logs,
    offline: options.offline,
  };
}
