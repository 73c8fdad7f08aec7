/**
 * Nothing is read for editing, or written, outside the repository: project ids that climb out are refused by
 * every command that takes one, and a project file that is a link to a file outside is not followed there.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HEAVY, heavyRepo } from '../helpers/authoring.js';
import { pmo } from '../helpers/cli.js';

const TODAY = ['--today', '2026-11-20'];
const outside: string[] = [];
afterEach(() => {
  for (const dir of outside.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A repo at <base>/repo and a victim project file at <base>/victim.yaml, next to it (outside it). */
function repoBesideVictim(): { base: string; repo: string; victim: string } {
  const base = mkdtempSync(join(tmpdir(), 'pmo-outside-'));
  outside.push(base);
  const repo = join(base, 'repo');
  mkdirSync(repo);
  const made = heavyRepo();
  for (const file of ['pmo.yaml', 'people.yaml', 'goals.yaml', 'projects/apollo.yaml', 'records/apollo/charter.md']) {
    mkdirSync(join(repo, file, '..'), { recursive: true });
    writeFileSync(join(repo, file), readFileSync(join(made, file)));
  }
  const victim = join(base, 'victim.yaml');
  writeFileSync(victim, HEAVY.replace('id: apollo', 'id: victim'));
  return { base, repo, victim };
}

describe('a project id that climbs out of projects/', () => {
  const hostile = ['../../victim', '../victim', '../people', '/etc/hostname', 'Apollo', 'apollo/../apollo', ''];

  it.each([
    ['update', (id: string) => ['update', id, '--overall', 'green', '--summary', 'x', ...TODAY]],
    ['close', (id: string) => ['close', id, '--lesson', 'x', '--actual-end', '2026-11-20', ...TODAY]],
    ['gate', (id: string) => ['gate', id, ...TODAY]],
    ['log', (id: string) => ['log', id]],
    ['report project', (id: string) => ['report', 'project', id, ...TODAY]],
  ])('pmo %s refuses it with exit 2 and writes nothing', (_name, args) => {
    const { repo, victim } = repoBesideVictim();
    const before = { victim: readFileSync(victim, 'utf8'), people: readFileSync(join(repo, 'people.yaml'), 'utf8') };
    for (const id of hostile) {
      const run = pmo(args(id), { cwd: join(repo, 'projects') });
      expect(run.code, `${args(id).join(' ')}\n${run.stderr}`).toBe(2);
      expect(run.stderr).toContain(`expected a project id (lowercase letters, digits and dashes, e.g. crm-migration), got '${id}'`);
      expect(run.stdout).toBe('');
    }
    expect(readFileSync(victim, 'utf8')).toBe(before.victim);
    expect(readFileSync(join(repo, 'people.yaml'), 'utf8')).toBe(before.people);
  });

  it('pmo log still takes a project by its file, as before', () => {
    const dir = heavyRepo({}, { git: true });
    const byFile = pmo(['log', 'projects/apollo.yaml'], { cwd: dir });
    expect(byFile.code).toBe(0);
    expect(byFile.stdout).toBe(pmo(['log', 'apollo'], { cwd: dir }).stdout);
    expect(pmo(['log', 'projects/../../victim.yaml'], { cwd: dir }).code).toBe(2);
  });
});

describe('a project file that is a link to a file outside the repository', () => {
  it('is neither edited nor closed: exit 2, the outside file as it was', () => {
    const { repo, victim } = repoBesideVictim();
    rmSync(join(repo, 'projects/apollo.yaml'));
    writeFileSync(victim, HEAVY);
    symlinkSync(victim, join(repo, 'projects/apollo.yaml'));
    const before = readFileSync(victim, 'utf8');
    for (const args of [
      ['update', 'apollo', '--overall', 'green', '--summary', 'x', ...TODAY],
      ['close', 'apollo', '--lesson', 'x', '--actual-end', '2026-11-20', ...TODAY],
    ]) {
      const run = pmo(args, { cwd: repo });
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(`projects/apollo.yaml resolves to ${victim}, outside the repository`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readFileSync(victim, 'utf8')).toBe(before);
  });

  it('a link that stays inside the repository is still followed', () => {
    const { repo } = repoBesideVictim();
    mkdirSync(join(repo, 'shared'));
    writeFileSync(join(repo, 'shared/apollo.yaml'), HEAVY);
    rmSync(join(repo, 'projects/apollo.yaml'));
    symlinkSync('../shared/apollo.yaml', join(repo, 'projects/apollo.yaml'));
    const run = pmo(['update', 'apollo', '--overall', 'green', '--summary', 'Quota raised', ...TODAY], { cwd: repo });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(repo, 'shared/apollo.yaml'), 'utf8')).toContain('summary: Quota raised');
  });
});

describe('a read-only project file', () => {
  it('is not replaced: exit 2, saying so, the file and its mode as they were', async () => {
    const { chmodSync, statSync } = await import('node:fs');
    const dir = heavyRepo();
    chmodSync(join(dir, 'projects/apollo.yaml'), 0o444);
    const run = pmo(['update', 'apollo', '--overall', 'green', '--summary', 'x', ...TODAY], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('projects/apollo.yaml is read-only; pmo does not replace it');
    expect(readFileSync(join(dir, 'projects/apollo.yaml'), 'utf8')).toBe(HEAVY);
    expect(statSync(join(dir, 'projects/apollo.yaml')).mode & 0o777).toBe(0o444);
  });
});

describe('a record reached through a link that leaves the repository', () => {
  it('is not a record: no existence oracle for files outside the repository', async () => {
    const { repo, base } = repoBesideVictim();
    writeFileSync(join(base, 'secret.md'), 'outside\n');
    // records/apollo/outside -> the folder above the repo; records/apollo/linked.md -> a file there
    symlinkSync(base, join(repo, 'records/apollo/outside'));
    symlinkSync(join(base, 'secret.md'), join(repo, 'records/apollo/linked.md'));
    writeFileSync(join(repo, 'records/apollo/inside.md'), '# In the repo\n');
    symlinkSync('inside.md', join(repo, 'records/apollo/alias.md'));
    const text = readFileSync(join(repo, 'projects/apollo.yaml'), 'utf8');
    const records = '  via_folder: records/apollo/outside/secret.md\n  via_link: records/apollo/linked.md\n  via_inner_link: records/apollo/alias.md\n';
    writeFileSync(join(repo, 'projects/apollo.yaml'), text.replace(/^records:\n/m, `records:\n${records}`));
    const findings = JSON.parse(pmo(['check', '-f', 'json', '--no-cache', ...TODAY], { cwd: repo }).stdout) as Array<{ rule: string; message: string }>;
    const missing = findings.filter((f) => f.rule === 'ref/missing-record').map((f) => f.message);
    expect(missing.some((m) => m.includes('records/apollo/outside/secret.md'))).toBe(true);
    expect(missing.some((m) => m.includes('records/apollo/linked.md'))).toBe(true);
    expect(missing.some((m) => m.includes('records/apollo/alias.md'))).toBe(false);
  });
});
