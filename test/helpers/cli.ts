/** Runs the built CLI (bin/pmo.js) as a user would: a real process, real stdout/stderr/exit code. */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/pmo.js', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** What the process reads on stdin. */
  input?: string;
}

function cliEnv(options: RunOptions): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...options.env };
  // Inside a git hook GIT_DIR and friends point at the outer repo: pmo's own git calls must not follow them.
  for (const key of Object.keys(env)) if (env[key] === undefined || (key.startsWith('GIT_') && !options.env?.[key])) delete env[key];
  return env as NodeJS.ProcessEnv;
}

export function pmo(args: string[], options: RunOptions = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd, env: cliEnv(options), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, input: options.input });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** pmo as pmo() runs it, without waiting: for runs that must overlap (concurrent checks, a check under a writer). */
export function pmoAsync(args: string[], options: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: cliEnv(options) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
