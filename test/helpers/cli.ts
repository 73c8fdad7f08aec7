/** Runs the built CLI (bin/pmo.js) as a user would: a real process, real stdout/stderr/exit code. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/pmo.js', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function pmo(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...options.env };
  // Inside a git hook GIT_DIR and friends point at the outer repo: pmo's own git calls must not follow them.
  for (const key of Object.keys(env)) if (env[key] === undefined || (key.startsWith('GIT_') && !options.env?.[key])) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd, env: env as NodeJS.ProcessEnv, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
