/** Temp PMO repositories for tests: real directories, optionally real git repos with real commits. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

const created: string[] = [];

afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export const MINIMAL_CONFIG = 'version: 1\norganization: Test Co\npmo_type: controlling\n';

export const PEOPLE = `people:
  - { id: jdoe, name: Jane Doe, role: Project manager, capacity: 100 }
  - { id: asmith, name: Alex Smith, role: Sponsor }
  - { id: bkim, name: Bo Kim, role: Engineer, capacity: 80 }
`;

export const GOALS = `goals:
  - { id: G1, title: Grow recurring revenue 20% }
  - { id: G2, title: Retire legacy platforms by 2027 }
`;

/** A valid project file that no built-in rule flags on 2026-11-20; override parts with string replacement in tests. */
export const PROJECT = `id: apollo
name: Apollo CRM migration
manager: jdoe
sponsor: asmith
phase: execution
priority: 2
goals: [G2]
dates:
  start: 2026-01-05
  baseline_end: 2026-09-30
  forecast_end: 2026-11-15
budget:
  baseline: 500000
  actual: 320000
  forecast: 540000
  approved_by: asmith
milestones:
  - id: M1
    name: Requirements signed off
    baseline: 2026-02-27
    actual: 2026-03-06
  - id: M2
    name: Data migrated
    baseline: 2026-07-31
    forecast: 2026-12-15
    progress: 60
risks:
  - id: R1
    title: Vendor API rate limits slow the migration
    probability: 4
    impact: 4
    owner: jdoe
    mitigation: Negotiate a temporary quota raise
    status: open
team:
  - { person: jdoe, role: Project manager, allocation: 50 }
records:
  charter: records/apollo/charter.md
status:
  - date: 2026-11-13
    by: jdoe
    overall: amber
    summary: Migration behind plan.
`;

export type Files = Record<string, string | Uint8Array>;

/** Writes files into a fresh temp dir (removed after the test). pmo.yaml defaults to a minimal one. */
export function makeRepo(files: Files = {}, options: { git?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'pmo-test-'));
  created.push(dir);
  writeFiles(dir, { 'pmo.yaml': MINIMAL_CONFIG, ...files });
  if (options.git) {
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'initial portfolio');
  }
  return dir;
}

/** A repo with people, goals, the apollo project and its charter record. */
export function makePortfolio(files: Files = {}, options: { git?: boolean } = {}): string {
  return makeRepo(
    {
      'people.yaml': PEOPLE,
      'goals.yaml': GOALS,
      'projects/apollo.yaml': PROJECT,
      'records/apollo/charter.md': '# Charter\n',
      ...files,
    },
    options,
  );
}

export function writeFiles(dir: string, files: Files): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** git with a scrubbed environment, so a test run inside a git hook cannot touch the real repo. */
export function git(cwd: string, ...args: string[]): string {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('GIT_')) delete env[key];
  return execFileSync('git', ['-c', 'user.name=Test PM', '-c', 'user.email=pm@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    env,
    encoding: 'utf8',
  });
}
