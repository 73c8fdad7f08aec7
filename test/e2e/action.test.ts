/**
 * The GitHub Action (action.yml): no GitHub runner here, so its own step scripts are run as the runner would
 * run them (bash, the step's env, GITHUB_ACTION_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) on a real clone
 * with a pull-request branch. Only the marketplace steps (setup-node, upload-sarif) and `npm ci` are not run.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT, git, makePortfolio, makeRepo, writeFiles } from '../helpers/repo.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  if?: string;
}
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  runs: { using: string; steps: Step[] };
  inputs: Record<string, { default: string }>;
};
const steps = action.runs.steps;

/** Runs a step's script with bash, its `env:` filled from `values` as the runner would expand the expressions. */
function runStep(step: Step, cwd: string, values: Record<string, string>, runner: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...runner };
  for (const [name, expression] of Object.entries(step.env ?? {})) {
    const key = /\$\{\{\s*([\w.-]+)\s*\}\}/.exec(expression)![1]!;
    env[name] = values[key] ?? '';
  }
  return spawnSync('bash', ['-e', '-c', step.run!], { cwd, env, encoding: 'utf8' });
}

describe('the GitHub Action', () => {
  it('is a composite action whose scripts read inputs from the environment only (no expression injection)', () => {
    expect(action.runs.using).toBe('composite');
    for (const step of steps.filter((s) => s.run)) expect(step.run).not.toMatch(/\$\{\{/);
    expect(steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))?.with?.category).toBe('pmo');
  });

  it('annotates, writes SARIF and the job summary, reports only what the pull request changed, and fails the job', () => {
    const origin = makePortfolio({ 'projects/zeus.yaml': PROJECT.replace('id: apollo', 'id: zeus').replace('priority: 2', 'priority: high') }, { git: true });
    const runnerDir = makeRepo();
    const dir = join(runnerDir, 'clone');
    git(runnerDir, 'clone', '-q', origin, dir);
    git(dir, 'checkout', '-q', '-b', 'pr');
    writeFiles(dir, { 'projects/apollo.yaml': PROJECT.replace('impact: 4', 'impact: 7') });
    git(dir, 'commit', '-qam', 'apollo: risk re-rated');

    const output = join(runnerDir, 'github-output');
    const summary = join(runnerDir, 'summary.md');
    const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [`inputs.${k}`, v.default]));
    // `args` as a YAML block (`args: |`) gives several lines: every one counts.
    const values = { ...inputs, 'inputs.changed-only': 'true', 'inputs.args': '--today 2026-11-20\n--no-rules\n', 'github.base_ref': 'main' };
    const runner = { GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary };

    const check = runStep(steps.find((s) => s.id === 'check')!, dir, values, runner);
    expect(check.status).toBe(0); // the step records the verdict; the last step fails the job
    expect(check.stdout).toContain('::error file=projects/apollo.yaml,line=31');
    expect(check.stdout).not.toContain('zeus'); // not changed by the pull request
    expect(readFileSync(output, 'utf8')).toBe('exit-code=1\n');
    expect(readFileSync(summary, 'utf8')).toContain('| error | projects/apollo.yaml:31 |');
    const sarif = JSON.parse(readFileSync(join(dir, 'pmo.sarif'), 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(1);

    const last = steps.at(-1)!;
    expect(runStep(last, dir, { 'steps.check.outputs.exit-code': '1' }, runner).status).toBe(1);
    expect(runStep(last, dir, { 'steps.check.outputs.exit-code': '0' }, runner).status).toBe(0);
    expect(runStep(last, dir, {}, runner).status).toBe(2); // the check step never ran
  });
});
