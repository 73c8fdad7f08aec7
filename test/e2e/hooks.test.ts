/** `pmo hooks install|uninstall`, exercised by real `git commit`s in real repositories. */
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { PROJECT, git, makePortfolio, makeRepo, writeFiles } from '../helpers/repo.js';

const BAD = PROJECT.replace('impact: 4', 'impact: 7');

/** `git commit`, as a PM would run it; the hook's verdict is the commit's exit status. */
function commit(dir: string, ...args: string[]): { ok: boolean; output: string } {
  try {
    return { ok: true, output: git(dir, 'commit', '-q', '-m', 'update', ...args) };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('pmo hooks', () => {
  it('installs a pre-commit hook that stops a commit with a violation and lets the fix through', () => {
    const dir = makePortfolio({ 'pmo.yaml': 'version: 1\norganization: Test Co\npmo_type: supportive\n' }, { git: true });
    const install = pmo(['hooks', 'install'], { cwd: dir });
    expect(install.code).toBe(0);
    expect(install.stdout).toContain('pre-commit hook installed');

    writeFiles(dir, { 'projects/apollo.yaml': BAD });
    git(dir, 'add', '-A');
    const refused = commit(dir);
    expect(refused.ok).toBe(false);
    expect(refused.output).toContain('risk R1: impact must be an integer from 1 to 5, got 7');

    writeFiles(dir, { 'projects/apollo.yaml': PROJECT.replace('impact: 4', 'impact: 5') });
    // `commit -a` stages through a temporary index (GIT_INDEX_FILE): the hook must read that one.
    expect(commit(dir, '-a').ok).toBe(true);
    expect(git(dir, 'log', '--oneline').trim().split('\n')).toHaveLength(2);
  });

  it('judges only what is staged: an unstaged fix does not let a staged violation through', () => {
    const dir = makePortfolio({ 'pmo.yaml': 'version: 1\norganization: Test Co\npmo_type: supportive\n' }, { git: true });
    pmo(['hooks', 'install'], { cwd: dir });
    writeFiles(dir, { 'projects/apollo.yaml': BAD });
    git(dir, 'add', 'projects/apollo.yaml');
    writeFiles(dir, { 'projects/apollo.yaml': PROJECT });
    expect(commit(dir).ok).toBe(false);
  });

  it('never overwrites a hook that is not its own: refuses, or chains it with --chain', () => {
    const dir = makePortfolio({ 'pmo.yaml': 'version: 1\norganization: Test Co\npmo_type: supportive\n' }, { git: true });
    const hook = join(dir, '.git/hooks/pre-commit');
    const theirs = '#!/bin/sh\necho "their hook ran" > their-hook.log\n';
    writeFileSync(hook, theirs);
    chmodSync(hook, 0o755);

    const refused = pmo(['hooks', 'install'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already exists and is not pmo');
    expect(refused.stderr).toContain('--chain');
    expect(readFileSync(hook, 'utf8')).toBe(theirs);

    expect(pmo(['hooks', 'install', '--chain'], { cwd: dir }).code).toBe(0);
    writeFiles(dir, { 'projects/apollo.yaml': BAD });
    git(dir, 'add', 'projects/apollo.yaml');
    expect(commit(dir).ok).toBe(false);
    expect(existsSync(join(dir, 'their-hook.log'))).toBe(true); // theirs ran first, then pmo said no

    // A second install updates pmo's hook and keeps the chain.
    expect(pmo(['hooks', 'install'], { cwd: dir }).stdout).toContain('updated');
    expect(pmo(['hooks', 'uninstall'], { cwd: dir }).stdout).toContain('the earlier hook is back');
    expect(readFileSync(hook, 'utf8')).toBe(theirs);
    const foreign = pmo(['hooks', 'uninstall'], { cwd: dir });
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('is not pmo');
    expect(readFileSync(hook, 'utf8')).toBe(theirs);
  });

  it('honours core.hooksPath, and uninstall removes only its own hook', () => {
    const dir = makePortfolio({}, { git: true });
    git(dir, 'config', 'core.hooksPath', '.githooks');
    expect(pmo(['hooks', 'install'], { cwd: dir }).stdout).toContain(join(dir, '.githooks', 'pre-commit'));
    expect(readFileSync(join(dir, '.githooks/pre-commit'), 'utf8')).toContain('check --staged');
    expect(pmo(['hooks', 'uninstall'], { cwd: dir }).stdout).toContain('hook removed');
    expect(existsSync(join(dir, '.githooks/pre-commit'))).toBe(false);
    expect(pmo(['hooks', 'uninstall'], { cwd: dir }).stdout).toContain('nothing to remove');
  });

  it('works from a linked worktree with the PMO in a folder whose name has a space and an umlaut', () => {
    const top = makeRepo({ 'README.md': '# handbook\n' });
    const pmoDir = 'sub dir/pmö';
    rmSync(join(top, 'pmo.yaml'));
    writeFiles(join(top, pmoDir), {
      'pmo.yaml': 'version: 1\norganization: Test Co\npmo_type: supportive\n',
      'people.yaml': 'people:\n  - { id: jdoe, name: Jane Doe }\n  - { id: asmith, name: Alex Smith }\n',
      'goals.yaml': 'goals:\n  - { id: G2, title: Retire legacy }\n',
      'projects/apollo.yaml': PROJECT,
      'records/apollo/charter.md': '#\n',
    });
    git(top, 'init', '-q', '-b', 'main');
    git(top, 'add', '-A');
    git(top, 'commit', '-q', '-m', 'portfolio');
    expect(pmo(['hooks', 'install', '-C', pmoDir], { cwd: top }).code).toBe(0);
    const linked = `${top}-linked`;
    git(top, 'worktree', 'add', '-q', linked, '-b', 'feature');
    try {
      writeFiles(join(linked, pmoDir), { 'projects/apollo.yaml': PROJECT.replace('Apollo CRM migration', 'Apollo CRM move') });
      expect(commit(linked, '-a').ok).toBe(true); // git sets GIT_DIR, not GIT_WORK_TREE, for this hook
      writeFiles(join(linked, pmoDir), { 'projects/apollo.yaml': BAD });
      const refused = commit(linked, '-a');
      expect(refused.ok).toBe(false);
      expect(refused.output).toContain('risk R1: impact must be an integer from 1 to 5, got 7');
    } finally {
      rmSync(linked, { recursive: true, force: true });
    }
  });

  it('outside a git repository says so, with the fix', () => {
    const run = pmo(['hooks', 'install'], { cwd: makePortfolio() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pmo hooks needs a git repository');
  });
});

describe('pmo hooks install where the hook file cannot simply be written', () => {
  it('a folder named pre-commit, or a link to nothing: exit 2, saying so, and left as it was', async () => {
    const { lstatSync, mkdirSync, readlinkSync, symlinkSync } = await import('node:fs');
    const dir = makePortfolio({}, { git: true });
    const hook = join(dir, '.git/hooks/pre-commit');
    mkdirSync(hook, { recursive: true });
    const folder = pmo(['hooks', 'install'], { cwd: dir });
    expect([folder.code, folder.stderr]).toEqual([2, expect.stringContaining('is a folder, not a hook file')]);
    expect(lstatSync(hook).isDirectory()).toBe(true);
    rmSync(hook, { recursive: true });
    symlinkSync('/nowhere/pre-commit', hook);
    const dangling = pmo(['hooks', 'install'], { cwd: dir });
    expect([dangling.code, dangling.stderr]).toEqual([2, expect.stringContaining('is a link to /nowhere/pre-commit, which does not exist')]);
    expect(readlinkSync(hook)).toBe('/nowhere/pre-commit');
    expect(existsSync(join(dir, '.git/hooks/pre-commit.pmo'))).toBe(false);
  });
});
