/**
 * `pmo check --staged` and `--changed-since`: real git repositories, real commits, the built CLI.
 */
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { PROJECT, git, makePortfolio, makeRepo, writeFiles } from '../helpers/repo.js';
import { writeCacheFile } from '../helpers/cache-files.js';

// The governance rules are not what these tests are about: the loader and the schemas give clear findings.
const TODAY = ['--today', '2026-11-20', '--no-rules'];

interface JsonFinding {
  file: string;
  line: number;
  rule: string;
  message: string;
}

function findings(dir: string, ...args: string[]): { code: number; list: JsonFinding[]; stderr: string } {
  const run = pmo(['check', '--format', 'json', ...TODAY, ...args], { cwd: dir });
  return { code: run.code, list: run.code === 2 ? [] : (JSON.parse(run.stdout) as JsonFinding[]), stderr: run.stderr };
}

const summary = (list: JsonFinding[]) => list.map((f) => `${f.file}:${f.line} ${f.rule}`);

/** Alex Smith leaves: apollo and zeus still name them as sponsor and budget approver. */
const WITHOUT_ASMITH = '# people\npeople:\n  - { id: jdoe, name: Jane Doe, role: Project manager, capacity: 100 }\n  - { id: bkim, name: Bo Kim, role: Engineer, capacity: 80 }\n';
const ASMITH_REFERENCES = [
  'projects/apollo.yaml:4 ref/unknown-person',
  'projects/apollo.yaml:16 ref/unknown-person',
  'projects/zeus.yaml:4 ref/unknown-person',
  'projects/zeus.yaml:16 ref/unknown-person',
];

/** A second project that depends on apollo and shares its people. */
const ZEUS = PROJECT.replace('id: apollo', 'id: zeus').replace('records:\n  charter: records/apollo/charter.md\n', 'dependencies:\n  - { id: DEP1, title: CRM live, project: apollo, needed_by: 2026-10-01 }\nrecords:\n  charter: records/apollo/charter.md\n');

describe('pmo check --staged', () => {
  it('checks what the index holds, not the work tree', () => {
    const dir = makePortfolio({}, { git: true });
    writeFiles(dir, { 'projects/apollo.yaml': PROJECT.replace('impact: 4', 'impact: 7') });
    git(dir, 'add', 'projects/apollo.yaml');
    writeFiles(dir, { 'projects/apollo.yaml': PROJECT }); // fixed in the work tree, but not staged

    const staged = findings(dir, '--staged');
    expect(staged.code).toBe(1);
    expect(summary(staged.list)).toEqual(['projects/apollo.yaml:31 schema/invalid-value']);
    expect(findings(dir).list).toEqual([]); // the work tree itself is clean

    // The other way round: a clean index passes whatever the work tree holds.
    git(dir, 'add', 'projects/apollo.yaml');
    writeFiles(dir, { 'projects/apollo.yaml': PROJECT.replace('impact: 4', 'impact: 9') });
    expect(findings(dir, '--staged')).toMatchObject({ code: 0, list: [] });
    expect(summary(findings(dir).list)).toEqual(['projects/apollo.yaml:31 schema/invalid-value']);
  });

  it('leaves out files that are not staged, and files git does not track', () => {
    const dir = makePortfolio({ 'projects/zeus.yaml': ZEUS.replace('priority: 2', 'priority: high') }, { git: true });
    writeFiles(dir, { 'projects/hermes.yaml': PROJECT.replace('id: apollo', 'id: hermes').replace('impact: 4', 'impact: 0') });
    writeFiles(dir, { 'projects/apollo.yaml': PROJECT.replace('Apollo CRM migration', 'Apollo CRM move') });
    git(dir, 'add', 'projects/apollo.yaml');

    const staged = findings(dir, '--staged');
    expect(staged).toMatchObject({ code: 0, list: [] }); // zeus's old problem and the untracked hermes are not this commit's
    expect(summary(findings(dir).list)).toEqual(['projects/hermes.yaml:31 schema/invalid-value', 'projects/zeus.yaml:6 schema/invalid-value']);
  });

  it('reports what a staged change breaks in files nobody staged, and only that', () => {
    const dir = makePortfolio({ 'projects/zeus.yaml': ZEUS.replace('priority: 2', 'priority: high') }, { git: true });
    writeFiles(dir, { 'people.yaml': WITHOUT_ASMITH });
    git(dir, 'add', 'people.yaml');

    const staged = findings(dir, '--staged');
    expect(staged.code).toBe(1);
    expect(summary(staged.list)).toEqual(ASMITH_REFERENCES); // zeus's own old problem (priority) is still not this commit's
  });

  it("reports a portfolio rule's findings that a staged project causes in a project nobody staged", () => {
    // Allocations count from this week on: the projects run into 2027.
    const withBkim = (project: string, pct: number) =>
      project.replace('forecast_end: 2026-11-15', 'forecast_end: 2027-03-31').replace('team:\n', `team:\n  - { person: bkim, role: Engineer, allocation: ${pct} }\n`);
    const dir = makePortfolio({ 'projects/apollo.yaml': withBkim(PROJECT, 40), 'projects/zeus.yaml': withBkim(ZEUS, 30) }, { git: true });
    writeFiles(dir, { 'projects/zeus.yaml': withBkim(ZEUS, 60) }); // 100% against Bo Kim's capacity of 80
    git(dir, 'add', 'projects/zeus.yaml');

    const run = pmo(['check', '--staged', '--format', 'json', '--today', '2026-11-20'], { cwd: dir });
    const over = (JSON.parse(run.stdout) as JsonFinding[]).filter((f) => f.rule === 'allocation-over-capacity');
    expect(over.map((f) => f.file)).toEqual(['projects/apollo.yaml', 'projects/zeus.yaml']);
    // apollo's other findings (the rules flag the test project for other things) are not this commit's.
    expect(new Set((JSON.parse(run.stdout) as JsonFinding[]).filter((f) => f.file === 'projects/apollo.yaml').map((f) => f.rule))).toEqual(new Set(['allocation-over-capacity']));
  });

  it('does not count an old finding elsewhere as new when the commit only changes its wording', () => {
    const withBkim = (project: string, pct: number) =>
      project.replace('forecast_end: 2026-11-15', 'forecast_end: 2027-03-31').replace('team:\n', `team:\n  - { person: bkim, role: Engineer, allocation: ${pct} }\n`);
    const dir = makePortfolio({ 'projects/apollo.yaml': withBkim(PROJECT, 40), 'projects/zeus.yaml': withBkim(ZEUS, 60) }, { git: true });
    writeFiles(dir, { 'projects/zeus.yaml': withBkim(ZEUS, 50) }); // still over Bo Kim's 80%, by less
    git(dir, 'add', 'projects/zeus.yaml');
    const run = pmo(['check', '--staged', '--format', 'json', '--today', '2026-11-20'], { cwd: dir });
    const over = (JSON.parse(run.stdout) as JsonFinding[]).filter((f) => f.rule === 'allocation-over-capacity');
    expect(over.map((f) => f.file)).toEqual(['projects/zeus.yaml']); // apollo's finding was there before
  });

  it('checks a linked project as the file it points to, as a plain check does', () => {
    const dir = makePortfolio({ 'shared/hermes.yaml': PROJECT.replace('id: apollo', 'id: hermes').replace('impact: 4', 'impact: 8') }, { git: true });
    symlinkSync('../shared/hermes.yaml', join(dir, 'projects/hermes.yaml'));
    git(dir, 'add', '-A');
    expect(summary(findings(dir, '--staged').list)).toEqual(['projects/hermes.yaml:31 schema/invalid-value']);
    expect(summary(findings(dir).list)).toEqual(['projects/hermes.yaml:31 schema/invalid-value']);
  });

  it('sees a project deleted or renamed in the index break the projects that depend on it', () => {
    const dir = makePortfolio({ 'projects/zeus.yaml': ZEUS }, { git: true });
    git(dir, 'mv', 'projects/apollo.yaml', 'projects/apollo-crm.yaml');

    const staged = findings(dir, '--staged');
    expect(summary(staged.list)).toEqual(['projects/apollo-crm.yaml:1 schema/id-mismatch', 'projects/zeus.yaml:38 ref/unknown-project']);
  });

  it('sees a record removed from the index as missing, though the file is still on disk', () => {
    const dir = makePortfolio({}, { git: true });
    git(dir, 'rm', '-q', '--cached', 'records/apollo/charter.md');

    expect(summary(findings(dir, '--staged').list)).toEqual(['projects/apollo.yaml:38 ref/missing-record']);
    expect(findings(dir).list).toEqual([]);
  });

  it('reports every file when pmo.yaml or a rule file is staged: they change how all files are judged', () => {
    const dir = makePortfolio({ 'projects/zeus.yaml': ZEUS.replace('priority: 2', 'priority: high') }, { git: true });
    writeFiles(dir, { 'pmo.yaml': 'version: 1\norganization: Test Co\npmo_type: directive\n' });
    git(dir, 'add', 'pmo.yaml');
    expect(summary(findings(dir, '--staged').list)).toContain('projects/zeus.yaml:6 schema/invalid-value');
  });

  it('checks the first commit of a repository (no HEAD yet)', () => {
    const dir = makePortfolio({ 'projects/zeus.yaml': ZEUS.replace('impact: 4', 'impact: 6') });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', 'pmo.yaml', 'people.yaml', 'goals.yaml', 'projects/apollo.yaml');
    expect(findings(dir, '--staged')).toMatchObject({ code: 1, list: [expect.objectContaining({ rule: 'ref/missing-record' })] });
    git(dir, 'add', '-A');
    expect(summary(findings(dir, '--staged').list)).toEqual(['projects/zeus.yaml:31 schema/invalid-value']);
  });

  it('works when the PMO repository is a folder inside a bigger git repository', () => {
    const top = makeRepo({ 'README.md': '# Company handbook\n' });
    const dir = join(top, 'pmo');
    mkdirSync(dir);
    renameSync(join(top, 'pmo.yaml'), join(dir, 'pmo.yaml'));
    writeFiles(dir, { 'people.yaml': 'people:\n  - { id: jdoe, name: Jane Doe }\n  - { id: asmith, name: Alex Smith }\n', 'goals.yaml': 'goals:\n  - { id: G2, title: Retire legacy }\n' });
    writeFiles(dir, { 'projects/apollo.yaml': PROJECT.replace('impact: 4', 'impact: 8'), 'records/apollo/charter.md': '#\n' });
    git(top, 'init', '-q', '-b', 'main');
    git(top, 'add', '-A');
    expect(summary(findings(dir, '--staged').list)).toEqual(['projects/apollo.yaml:31 schema/invalid-value']);
  });

  it('refuses, with the fix, where it cannot work: no repository, an unfinished merge', () => {
    const plain = makePortfolio();
    const noGit = pmo(['check', '--staged'], { cwd: plain });
    expect(noGit.code).toBe(2);
    expect(noGit.stderr).toMatch(/--staged needs a git repository.*git init/);
    expect(pmo(['check', ...TODAY], { cwd: plain }).code).toBe(0); // a plain check needs no git

    const dir = makePortfolio({}, { git: true });
    git(dir, 'checkout', '-q', '-b', 'other');
    writeFiles(dir, { 'projects/apollo.yaml': PROJECT.replace('Apollo CRM migration', 'Apollo A') });
    git(dir, 'commit', '-qam', 'A');
    git(dir, 'checkout', '-q', 'main');
    writeFiles(dir, { 'projects/apollo.yaml': PROJECT.replace('Apollo CRM migration', 'Apollo B') });
    git(dir, 'commit', '-qam', 'B');
    expect(() => git(dir, 'merge', '-q', 'other')).toThrow();
    const merge = pmo(['check', '--staged'], { cwd: dir });
    expect(merge.code).toBe(2);
    expect(merge.stderr).toContain('a merge is not finished: projects/apollo.yaml still has conflicts');
  });

  it('starts over without the cache when a detail file does not match its shard', () => {
    const dir = makePortfolio({ 'projects/zeus.yaml': ZEUS.replace('impact: 4', 'impact: 6') }, { git: true });
    expect(summary(findings(dir).list)).toEqual(['projects/zeus.yaml:31 schema/invalid-value']);
    const cacheDir = join(dir, '.pmo', 'cache');
    for (const name of readdirSync(cacheDir).filter((n) => n.endsWith('.detail.json'))) writeCacheFile(join(cacheDir, name), { head: { id: 'another write' }, entries: [] });
    writeFiles(dir, { 'people.yaml': '# people\npeople:\n  - { id: jdoe, name: Jane Doe }\n  - { id: bkim, name: Bo Kim }\n' });
    git(dir, 'add', 'people.yaml');
    const staged = summary(findings(dir, '--staged').list);
    expect(staged).toContain('projects/zeus.yaml:4 ref/unknown-person');
    expect(staged).not.toContain('projects/zeus.yaml:31 schema/invalid-value'); // old, and not the commit's
  });

  it('gives the same answer with a warm cache, and leaves the cache right for the work tree', () => {
    const dir = makePortfolio({}, { git: true });
    expect(findings(dir).list).toEqual([]); // warms the cache
    writeFiles(dir, { 'projects/apollo.yaml': PROJECT.replace('impact: 4', 'impact: 7') });
    git(dir, 'add', 'projects/apollo.yaml');
    writeFiles(dir, { 'projects/apollo.yaml': PROJECT });
    expect(summary(findings(dir, '--staged').list)).toEqual(['projects/apollo.yaml:31 schema/invalid-value']);
    expect(findings(dir).list).toEqual([]);
    expect(summary(findings(dir, '--staged').list)).toEqual(['projects/apollo.yaml:31 schema/invalid-value']);
  });
});

describe('pmo check --changed-since', () => {
  function branchRepo(): string {
    const dir = makePortfolio({ 'projects/zeus.yaml': ZEUS.replace('priority: 2', 'priority: high') }, { git: true });
    git(dir, 'checkout', '-q', '-b', 'feature');
    writeFiles(dir, { 'projects/apollo.yaml': PROJECT.replace('impact: 4', 'impact: 7') });
    git(dir, 'commit', '-qam', 'apollo: new risk rating');
    return dir;
  }

  it("reports only the files the branch changed, its uncommitted and untracked files included", () => {
    const dir = branchRepo();
    expect(summary(findings(dir, '--changed-since', 'main').list)).toEqual(['projects/apollo.yaml:31 schema/invalid-value']);

    writeFiles(dir, { 'projects/hermes.yaml': PROJECT.replace('id: apollo', 'id: hermes').replace('impact: 4', 'impact: 0') });
    expect(summary(findings(dir, '--changed-since', 'main').list)).toEqual([
      'projects/apollo.yaml:31 schema/invalid-value',
      'projects/hermes.yaml:31 schema/invalid-value',
    ]);
    // The base moving on does not pull its own changes in: the merge base counts.
    git(dir, 'checkout', '-q', 'main');
    writeFiles(dir, { 'goals.yaml': 'goals:\n  - { id: G2, title: Retire legacy platforms by 2027 }\n  - { id: G3, title: Grow }\n' });
    git(dir, 'commit', '-qam', 'G3');
    git(dir, 'checkout', '-q', 'feature');
    expect(findings(dir, '--changed-since', 'main').list.map((f) => f.file)).not.toContain('goals.yaml');
  });

  it('reports what the branch breaks in files it did not change, and only that', () => {
    const dir = makePortfolio({ 'projects/zeus.yaml': ZEUS.replace('priority: 2', 'priority: high') }, { git: true });
    git(dir, 'checkout', '-q', '-b', 'offboarding');
    writeFiles(dir, { 'people.yaml': WITHOUT_ASMITH });
    git(dir, 'commit', '-qam', 'Alex Smith leaves');
    const run = findings(dir, '--changed-since', 'main');
    expect(run.code).toBe(1);
    expect(summary(run.list)).toEqual(ASMITH_REFERENCES); // zeus's old priority problem is not the branch's
  });

  it('still judges changed files against the whole repository', () => {
    const dir = makePortfolio({}, { git: true });
    writeFiles(dir, { 'projects/zeus.yaml': ZEUS.replace('project: apollo,', 'project: ares,') });
    expect(summary(findings(dir, '--changed-since', 'HEAD').list)).toEqual(['projects/zeus.yaml:38 ref/unknown-project']);
  });

  it('refuses, with the fix, a ref git does not know, a shallow clone, no commits, and --staged beside it', () => {
    const dir = branchRepo();
    const unknown = pmo(['check', '--changed-since', 'origin/main'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('git knows no commit named origin/main (fetch it first');

    const clones = mkdtempSync(join(tmpdir(), 'pmo-clone-'));
    try {
      git(clones, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${dir}`, 'shallow');
      const shallow = pmo(['check', '--changed-since', 'main'], { cwd: join(clones, 'shallow') });
      expect(shallow.code).toBe(2);
      expect(shallow.stderr).toContain('shallow clone');
      expect(shallow.stderr).toContain('fetch-depth: 0');
      git(clones, 'clone', '-q', '--branch', 'feature', `file://${dir}`, 'full');
      expect(summary(findings(join(clones, 'full'), '--changed-since', 'origin/main').list)).toEqual(['projects/apollo.yaml:31 schema/invalid-value']);
    } finally {
      rmSync(clones, { recursive: true, force: true });
    }

    const empty = makePortfolio();
    git(empty, 'init', '-q', '-b', 'main');
    expect(pmo(['check', '--changed-since', 'main'], { cwd: empty }).stderr).toContain('no commits yet');
    expect(pmo(['check', '--staged', '--changed-since', 'main'], { cwd: dir }).stderr).toContain('do not go together');
  });
});
