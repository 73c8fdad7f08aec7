/** A portfolio made by the bench's seeded generator (bench/generate.mjs), for tests that want hundreds of realistic projects. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseYaml } from '../../src/load/parse-yaml.js';

export interface Generated {
  repo: string;
  /** pmo.yaml's data. */
  configData: unknown;
  /** Every project file: its path in the repo and its text. */
  projects: Array<[string, string]>;
  /** Every intake request file, the same way. */
  requests: Array<[string, string]>;
  remove: () => void;
}

/** `violations`: the share of projects given injected problems (the generator's default 0.1); `rules`: the PMO's own rules too. */
export function generatedPortfolio({ projects, today, violations, rules }: { projects: number; today: string; violations?: number; rules?: boolean }): Generated {
  const dir = mkdtempSync(join(tmpdir(), 'pmo-generated-'));
  const repo = join(dir, 'repo');
  const generator = new URL('../../bench/generate.mjs', import.meta.url).pathname;
  const share = violations === undefined ? [] : ['--violations', String(violations)];
  const withRules = rules ? ['--rules'] : [];
  execFileSync(process.execPath, [generator, '--projects', String(projects), ...share, ...withRules, '--out', repo, '--today', today, '--quiet', '--force']);
  const files = (folder: string): Array<[string, string]> =>
    readdirSync(join(repo, folder)).map((name) => [`${folder}/${name}`, readFileSync(join(repo, folder, name), 'utf8')]);
  return {
    repo,
    configData: parseYaml(readFileSync(join(repo, 'pmo.yaml'), 'utf8'), 'pmo.yaml').data,
    projects: files('projects'),
    requests: files('requests'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
