/** Git history for tests: commits at set dates, by set authors, with GIT_* scrubbed (a hook's GIT_DIR must not leak in). */
import { execFileSync } from 'node:child_process';
import { PROJECT, writeFiles, type Files } from './repo.js';

export function gitAt(cwd: string, date: string | undefined, ...args: string[]): string {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value;
  if (date) Object.assign(env, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  return execFileSync('git', ['-c', 'user.name=Test PM', '-c', 'user.email=pm@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, env, encoding: 'utf8' });
}

/** Writes the files and commits everything, dated `date` (ISO, e.g. 2026-11-13T17:00:00+00:00). Returns the commit id. */
export function commitAt(dir: string, date: string, message: string, files: Files = {}): string {
  writeFiles(dir, files);
  gitAt(dir, date, 'add', '-A');
  gitAt(dir, date, 'commit', '-q', '--allow-empty', '-m', message);
  return gitAt(dir, undefined, 'rev-parse', 'HEAD').trim();
}

/** A project file whose only status update is one of `date` with this overall status. */
export const withStatus = (overall: string, date: string, project = PROJECT) =>
  `${project.replace(/^status:[\s\S]*$/m, '')}status:\n  - { date: ${date}, by: jdoe, overall: ${overall}, summary: Week of ${date} }\n`;
