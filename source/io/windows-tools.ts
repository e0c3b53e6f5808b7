import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { taskXmlBytes } from '../core/task-xml.js';
import type { RunRecord } from './run-record.js';

/**
 * The two Windows tools the daily check uses: schtasks (create the task from its XML) and eventcreate
 * (one entry in the Application log, source lanscope-kot, where monitoring tools already look).
 * The runner is a parameter so tests can see the exact command lines without Windows.
 */
export interface ToolResult {
  code: number;
  output: string;
}

export type ToolRunner = (program: string, args: readonly string[]) => Promise<ToolResult>;

export const runTool: ToolRunner = (program, args) =>
  new Promise((resolve) => {
    execFile(program, [...args], { windowsHide: true, timeout: 60_000, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}`.trim() || (err ? err.message : '') });
    });
  });

export const EVENT_SOURCE = 'lanscope-kot';

/** Event ids: 100 clean, 200 differences or failed checks, 300 could not check (or a day not sent). */
export type EventLevel = 'INFORMATION' | 'WARNING' | 'ERROR';
export const EVENT_IDS: Record<EventLevel, number> = { INFORMATION: 100, WARNING: 200, ERROR: 300 };

/** eventcreate keeps descriptions short; the report file beside the state has everything. */
const MAX_DESCRIPTION = 2000;

export function writeEvent(level: EventLevel, description: string, run: ToolRunner = runTool): Promise<ToolResult> {
  const text = description.length > MAX_DESCRIPTION ? `${description.slice(0, MAX_DESCRIPTION - 1)}…` : description;
  return run('eventcreate', ['/L', 'APPLICATION', '/T', level, '/SO', EVENT_SOURCE, '/ID', String(EVENT_IDS[level]), '/D', text]);
}

/**
 * `schtasks /create /tn NAME /xml FILE /f`: the XML goes through a temporary file, removed afterwards, or by
 * a Ctrl-C while schtasks runs (the run's record holds it).
 */
export async function createTask(name: string, xml: string, run: ToolRunner = runTool, record?: RunRecord): Promise<ToolResult> {
  const file = join(tmpdir(), `lanscope-kot-task-${randomBytes(4).toString('hex')}.xml`);
  writeFileSync(file, taskXmlBytes(xml), { mode: 0o600 });
  const release = record?.holdTemporary(file);
  try {
    return await run('schtasks', ['/Create', '/TN', name, '/XML', file, '/F']);
  } finally {
    release?.();
    try {
      unlinkSync(file);
    } catch {
      // Already gone.
    }
  }
}
