import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
