import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, resolve, sep, win32 } from 'node:path';
import { findOutputDir } from '../core/conf-ini.js';
import type { LogFacts, OutputDirFacts, TokenFact } from '../core/facts.js';
import { InputError } from '../core/input-problem.js';
import { LogAggregator } from '../core/log-aggregate.js';
import { parseMapping } from '../core/mapping.js';
import { secretFromEnv } from '../core/secret.js';
import { findSqlStartTime } from '../core/sql-start-time.js';
import { inspectFolder, readLogFiles, type ReadProgress } from './log-folder.js';
import { readTextFile } from './text-file.js';

/** Each input the admin can name, read into facts. Doctor reads them all; the wizard one step at a time. */

/** A path as the admin's system writes it: on Windows `examples/demo/x.sql` is shown as `examples\\demo\\x.sql`. */
export function nativePath(file: string, platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? win32.normalize(file) : file;
}

export async function readSql(given: string) {
  const file = nativePath(given);
  const { text, encoding } = await readTextFile(file, 'sql');
  return { file, encoding, result: findSqlStartTime(text) };
}

export async function readMappingFile(given: string) {
  const file = nativePath(given);
  const { text, encoding } = await readTextFile(file, 'mapping');
  return { file, encoding, data: parseMapping(text, file) };
}

/**
 * A secret kept in a file: a trailing line break is how editors save files; anything else stays for the
 * checks to name. A file over MAX_TOKEN_BYTES is refused by its size alone (see readTextFile).
 */
export async function readTextSecret(file: string, kind: 'token' | 'kot-api-token' = 'token'): Promise<string> {
  const { text } = await readTextFile(file, kind);
  return text.replace(/\r?\n$/, '');
}

export async function readTokenFile(file: string): Promise<TokenFact> {
  return { value: await readTextSecret(file), source: 'file', file: nativePath(file) };
}

export function tokenFromEnv(env: Record<string, string | undefined>): TokenFact | undefined {
  const value = secretFromEnv(env, 'LANSCOPE_KOT_TOKEN', 'token');
  return value ? { value, source: 'env' } : undefined;
}

const UNC = /^(\\\\|\/\/)[^\\/]/;
const WINDOWS_DRIVE = /^[A-Za-z]:[\\/]?/;

/**
 * What the admin typed for the output folder: a conf.ini to read OUTPUTDIR from, or the folder itself. A
 * CSV file (one of LanScope's, picked from the folder) stands for its folder, and says so.
 */
export async function outputDirRequest(input: string): Promise<{ confIni: string } | { logDir: string; csvFile?: string }> {
  try {
    if ((await stat(input)).isFile()) return /\.csv$/i.test(input) ? { logDir: dirname(input), csvFile: input } : { confIni: input };
  } catch {
    if (/\.ini$/i.test(input)) return { confIni: input };
  }
  return { logDir: input };
}

export interface OutputDirRequest {
  logDir?: string;
  /** logDir is LanScope's default OUTPUTDIR, chosen because nothing was given (doctor on Windows). */
  isDefault?: boolean;
  confIni?: string;
  windowStartMinutes: number;
  platform?: NodeJS.Platform;
  /** A file in the folder that is not a log (the --mapping export). */
  exclude?: string;
  /** Threads to read with; default: by folder size and cores (see readLogFiles). */
  threads?: number;
  /** `careful`: csv-parse for every log, never the plain splitter (see readLogFiles). */
  reader?: 'plain' | 'careful';
  /** Stops the reading (its threads too): the caller no longer needs it. */
  signal?: AbortSignal;
  onProgress?: (progress: ReadProgress) => void;
}

/** Finds the folder (flag, else OUTPUTDIR of conf.ini), checks what the link service would need, and reads its LanScope CSVs. */
export async function readOutputDir(request: OutputDirRequest): Promise<{ outputDir: OutputDirFacts; logs: LogFacts | undefined }> {
  const platform = request.platform ?? process.platform;
  let given: string;
  let confIni: OutputDirFacts['confIni'];
  if (request.logDir !== undefined) {
    given = request.logDir;
  } else {
    const file = nativePath(request.confIni!, platform);
    const { text } = await readTextFile(file, 'conf-ini');
    const setting = findOutputDir(text);
    confIni = { file, setting };
    given = setting.value;
  }
  const typed = given.replace(/[¥￥]/g, '\\');
  // On Windows a folder typed with / (or passed as /work/… under wine) is shown and read as Windows writes it.
  const path = nativePath(typed, platform);
  const network = UNC.test(path);
  const elsewhere = !network && platform !== 'win32' && WINDOWS_DRIVE.test(path);
  const base: OutputDirFacts = {
    given,
    path,
    source: request.logDir === undefined ? 'conf-ini' : request.isDefault ? 'default' : 'flag',
    confIni,
    network,
    elsewhere,
    exists: false,
    isDirectory: false,
    readable: false,
    csvCount: 0,
    logFiles: [],
    skipped: [],
  };
  if (network || elsewhere) return { outputDir: base, logs: undefined };
  const folder = await inspectFolder(path);
  const inFolder = (name: string): string => (path.endsWith(sep) ? path + name : path + sep + name);
  const { csvFiles, notFiles, ...state } = folder;
  const outputDir: OutputDirFacts = {
    ...base,
    ...state,
    csvCount: csvFiles.length,
    skipped: notFiles.map((name) => ({ file: inFolder(name), reason: 'not-a-file' as const })),
  };
  if (!folder.readable || csvFiles.length === 0) return { outputDir, logs: undefined };
  const aggregator = new LogAggregator(request.windowStartMinutes);
  // The mapping export is often saved into the same folder; it is read as a mapping, not as a log. The same
  // file may be reached through a link: compared by real path (and recognised by its header when read).
  const exclude = request.exclude === undefined ? undefined : await realPath(request.exclude);
  // Only a file of the same name can be it (a link of another name is caught by its header): one lookup, not one per file.
  const names = new Set(request.exclude === undefined || exclude === undefined ? [] : [basename(request.exclude), basename(exclude)]);
  const files: string[] = [];
  for (const name of csvFiles) {
    const file = inFolder(name);
    if (names.has(name) && (await realPath(file)) === exclude) outputDir.skipped.push({ file, reason: 'mapping-export' });
    else files.push(file);
  }
  const read = await readLogFiles(files, aggregator, request.onProgress, { threads: request.threads, reader: request.reader, signal: request.signal });
  outputDir.logFiles = read.files;
  outputDir.skipped.push(...read.skipped);
  if (read.files.length === 0) return { outputDir, logs: undefined };
  const hasPcColumn = read.files.some((f) => f.hasPcColumn);
  return { outputDir, logs: { windowStartMinutes: request.windowStartMinutes, users: aggregator.users, hasPcColumn } };
}

function realPath(file: string): Promise<string> {
  return realpath(file).catch(() => resolve(file));
}

