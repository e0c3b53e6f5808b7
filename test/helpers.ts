import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runDoctor } from '../source/commands/doctor.js';
import { InputError, type InputProblem } from '../source/core/input-problem.js';

/** Tests run from dist/test/; fixtures and the binary stay where the repository keeps them. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const fixture = (...parts: string[]): string => fileURLToPath(new URL(`../../test/fixtures/${parts.join('/')}`, import.meta.url));
export const binary = fileURLToPath(new URL('../../bin/lanscope-kot.js', import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real binary, the way an admin or a script would. */
export function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<RunResult> {
  return runScript(binary, args, env);
}

/** Runs a script with this node (the binary, or another build of it such as the exe's single bundle). */
export function runScript(script: string, args: string[], env: Record<string, string | undefined> = {}, cwd = repoRoot): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_US.UTF-8', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** doctor run in this process (runDoctor, what the binary calls), English, no colour: exit code and what it wrote. */
export async function doctorInProcess(args: string[], env: Record<string, string | undefined> = {}): Promise<RunResult> {
  const { stdout, stderr, text } = capture();
  const code = await runDoctor(args, { stdout, stderr, env: { LANG: 'en_US.UTF-8', NO_COLOR: '1', ...env } });
  return { code, stdout: text.out, stderr: text.err };
}

/** The input problem a read rejects with (fails the test when it resolves or rejects otherwise). */
export async function problemOf(promise: Promise<unknown>): Promise<InputProblem> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof InputError, String(err));
    return err.problem;
  }
  assert.fail('expected an InputError');
}

/** stdout and stderr for a command run in this process (runReconcile, runWatch, runSchedule), and what they received. */
export function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const text = { out: '', err: '' };
  stdout.on('data', (d: Buffer) => (text.out += d.toString('utf8')));
  stderr.on('data', (d: Buffer) => (text.err += d.toString('utf8')));
  return { stdout, stderr, text };
}

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/**
 * One tmux pane on a private socket running `command` (then "EXIT=<code>" and a pause): read it, wait for
 * text on it, and close it whatever happened (`close` in a finally).
 */
export function tmuxPane(name: string, command: string, size = { columns: 100, rows: 30 }) {
  const socket = `lanscope-kot-${name}-${process.pid}`;
  const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  tmux('new-session', '-d', '-x', String(size.columns), '-y', String(size.rows), `${command}; echo "EXIT=$?"; sleep 60`);
  return {
    tmux,
    screen: (): string => tmux('capture-pane', '-p'),
    async waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
      const started = Date.now();
      for (;;) {
        const text = tmux('capture-pane', '-p');
        if (pattern.test(text)) return text;
        if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${String(pattern)}; screen:\n${text}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close(): void {
      try {
        tmux('kill-server');
      } catch {
        // ended with its command
      }
    },
  };
}
