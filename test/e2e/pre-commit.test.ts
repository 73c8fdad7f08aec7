/**
 * The real pre-commit framework (Debian's `pre-commit`, installed by .ci/run) using this package as a hook
 * source through .pre-commit-hooks.yaml: `pre-commit try-repo` installs pmo from this repository the way a
 * PMO's .pre-commit-config.yaml would, and runs it on a temp PMO repository's staged files.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT, git, makePortfolio, writeFiles } from '../helpers/repo.js';
import { toolMissing } from '../helpers/tools.js';

const missing = toolMissing('pre-commit', 'pre-commit', 'the pre-commit framework tests') !== undefined;

const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'pmo-pre-commit-home-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

function tryRepo(dir: string): { code: number; output: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, PRE_COMMIT_HOME: home };
  for (const key of Object.keys(env)) if (key.startsWith('GIT_')) delete env[key];
  const run = spawnSync('pre-commit', ['try-repo', PACKAGE_ROOT, 'pmo-check', '--color', 'never'], { cwd: dir, env, encoding: 'utf8' });
  if (run.error) throw new Error(`cannot run pre-commit (${run.error.message}): install it, e.g. apt-get install pre-commit`);
  return { code: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
}

describe.skipIf(missing)('the pre-commit framework with pmo as a hook source', () => {
  it('fails the commit on a staged violation and passes once it is fixed', () => {
    expect(execFileSync('pre-commit', ['--version'], { encoding: 'utf8' })).toMatch(/pre-commit \d/);
    // Supportive: the governance rules only warn, so the schema error is what decides.
    const dir = makePortfolio({ 'pmo.yaml': 'version: 1\norganization: Test Co\npmo_type: supportive\n' }, { git: true });
    writeFiles(dir, { 'projects/apollo.yaml': PROJECT.replace('impact: 4', 'impact: 7') });
    git(dir, 'add', '-A');

    const failed = tryRepo(dir);
    expect(failed.output).toMatch(/pmo check \(staged\)\.+Failed/);
    expect(failed.output).toContain('risk R1: impact must be an integer from 1 to 5, got 7');
    expect(failed.code).toBe(1);

    writeFiles(dir, { 'projects/apollo.yaml': PROJECT.replace('impact: 4', 'impact: 5') });
    git(dir, 'add', '-A');
    const passed = tryRepo(dir);
    expect(passed.output).toMatch(/pmo check \(staged\)\.+Passed/);
    expect(passed.code).toBe(0);
  }, 300_000);
});
