/**
 * Writes the system refuses (issue 19 item 3, issue 20 item 11): a full disk, a read-only file or folder, an
 * immutable file, a read-only mount. Each gives exit 2 and a message that says what is wrong and what to do,
 * no stack trace, and leaves every file whole: as it was, or (pmo init, pmo new) not there at all.
 */
import { chmodSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heavyRepo } from '../helpers/authoring.js';
import { pmo, type Run } from '../helpers/cli.js';
import { chattrMissing, mountsMissing, onFullDisk, onReadOnlyMount, whileImmutable } from '../helpers/mounts.js';
import { makeRepo } from '../helpers/repo.js';

const TODAY = ['--today', '2026-11-20'];
const UPDATE = ['update', 'apollo', '--overall', 'amber', '--summary', 'Vendor quota escalated', ...TODAY];
const CLOSE = ['close', 'apollo', '--actual-end', '2026-11-19', ...TODAY];
/** A PMO whose closing checklist asks only for the actual end, so that pmo close gets as far as writing. */
const CLOSABLE = { 'pmo.yaml': 'version: 1\nrules:\n  lessons-recorded: off\n  final-report-filed: off\n  deliverables-accepted: off\n  acceptance-evidence: off\n' };
const NEW = ['new', 'project', 'hermes', '--name', 'Hermes', '--manager', 'jdoe', ...TODAY];
const INIT = ['init', 'acme', '--pmo-type', 'controlling', '--organization', 'Acme', '--no-hooks', ...TODAY];

const apollo = (dir: string) => readFileSync(join(dir, 'projects/apollo.yaml'));
/** pmo's temp files (`.apollo.yaml.pmo-<pid>-<hex>.tmp`, `<file>.<pid>.<ms>.tmp`) anywhere under `dir`. */
const temps = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((name) => name.endsWith('.tmp'));

/** Exit 2, one plain message, no stack trace. */
function expectRefused(run: Run, message: RegExp): void {
  expect(run.stderr).toMatch(message);
  expect(run.stderr).toMatch(/^pmo: /);
  expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
  expect(run.code).toBe(2);
}

describe.skipIf(mountsMissing)('a full disk', () => {
  const FULL = /: the disk is full \(ENOSPC: no space left on device, write\); .*: free some space, then run the command again/;

  it.each([
    ['update', UPDATE],
    ['close', CLOSE],
  ])('pmo %s: exit 2, saying so and what to do, the project file as it was, no temp file left', (_, args) => {
    const repo = heavyRepo(CLOSABLE);
    expect(pmo([...args, '--dry-run'], { cwd: repo }).code).toBe(0);
    const { run, after } = onFullDisk(repo, 0, args);
    expectRefused(run, FULL);
    expect(run.stderr).toContain('pmo: could not write projects/apollo.yaml: the disk is full');
    expect(run.stderr).toContain('the file was left as it was');
    expect(apollo(after).equals(apollo(repo))).toBe(true);
    expect(temps(after)).toEqual([]);
  });

  it('pmo new: exit 2, saying so, and no project file at all', () => {
    const { run, after } = onFullDisk(heavyRepo(), 0, NEW);
    expectRefused(run, FULL);
    expect(run.stderr).toContain('pmo: could not write projects/hermes.yaml: the disk is full');
    expect(run.stderr).toContain('nothing was written');
    expect(readdirSync(join(after, 'projects'))).toEqual(['apollo.yaml']);
  });

  it('pmo init: exit 2, saying so, and none of its files, not even the ones that fitted', () => {
    // 8 KiB: pmo.yaml and people.yaml fit (a page each), goals.yaml does not.
    const { run, after } = onFullDisk(makeRepo(), 8192, INIT);
    expectRefused(run, FULL);
    expect(run.stderr).toContain('pmo: could not write goals.yaml: the disk is full');
    expect(run.stderr).toContain('nothing was written');
    expect(readdirSync(join(after, 'acme'), { recursive: true })).toEqual([]);
  });

  it('pmo init with room for the PMO files and not the editor schemas: exit 2, saying what was created and how to finish', () => {
    const { run, after } = onFullDisk(makeRepo(), 32 * 1024, INIT);
    expectRefused(run, /pmo: created acme\/pmo\.yaml, acme\/people\.yaml, acme\/goals\.yaml, acme\/waivers\.yaml, acme\/projects\/example\.yaml, but not the editor schemas or the git hook: the disk is full \(ENOSPC.*\): free some space, then run the command again; pmo init keeps what is there and adds the rest/);
    // What it created is whole: as an init on a roomy disk writes it.
    const roomy = makeRepo();
    expect(pmo(INIT, { cwd: roomy }).code).toBe(0);
    for (const file of ['pmo.yaml', 'people.yaml', 'goals.yaml', 'waivers.yaml', 'projects/example.yaml']) {
      expect(readFileSync(join(after, 'acme', file), 'utf8'), file).toBe(readFileSync(join(roomy, 'acme', file), 'utf8'));
    }
    expect(temps(after)).toEqual([]);
  });
});

describe('a read-only file or folder', () => {
  it('a folder without write bits: exit 2, saying so, even for root, whom the system lets write there', () => {
    const dir = heavyRepo();
    const before = apollo(dir);
    chmodSync(join(dir, 'projects'), 0o555);
    try {
      expectRefused(pmo(UPDATE, { cwd: dir }), /pmo: the folder of projects\/apollo\.yaml is read-only; pmo does not write there: make it writable \(chmod u\+w\) if it should change/);
      expectRefused(pmo(NEW, { cwd: dir }), /pmo: the folder of projects\/hermes\.yaml is read-only/);
    } finally {
      chmodSync(join(dir, 'projects'), 0o755);
    }
    expect(apollo(dir).equals(before)).toBe(true);
    expect(readdirSync(join(dir, 'projects'))).toEqual(['apollo.yaml']);
  });

  it.skipIf(chattrMissing)('an immutable file (chattr +i): exit 2, saying what is wrong and what to do, the file as it was', () => {
    const dir = heavyRepo();
    const file = join(dir, 'projects/apollo.yaml');
    const before = apollo(dir);
    const run = whileImmutable([file], () => pmo(UPDATE, { cwd: dir }));
    expectRefused(run, /pmo: could not write projects\/apollo\.yaml: the system does not permit it \(is the file or its folder immutable\? lsattr shows an i\) \(EPERM: operation not permitted, rename .*\); the file was left as it was: chattr -i it if it should change, then run the command again/);
    expect(apollo(dir).equals(before)).toBe(true);
    expect(temps(dir)).toEqual([]);
  });

  it.skipIf(chattrMissing)('an immutable folder: exit 2, saying so, nothing written', () => {
    const dir = heavyRepo();
    const before = apollo(dir);
    const run = whileImmutable([join(dir, 'projects')], () => pmo(NEW, { cwd: dir }));
    expectRefused(run, /pmo: could not write projects\/hermes\.yaml: the system does not permit it .*\(EPERM: operation not permitted, open .*\); nothing was written: chattr -i it/);
    expect(apollo(dir).equals(before)).toBe(true);
    expect(readdirSync(join(dir, 'projects'))).toEqual(['apollo.yaml']);
  });

  it.skipIf(mountsMissing)('a read-only mount: exit 2, saying so and what to do, the file as it was', () => {
    const dir = heavyRepo();
    const before = apollo(dir);
    const run = onReadOnlyMount(dir, dir, UPDATE);
    expectRefused(run, /pmo: could not write projects\/apollo\.yaml: the file system is read-only \(EROFS: read-only file system, open .*\); the file was left as it was: remount it read-write or work in a writable copy, then run the command again/);
    expect(apollo(dir).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'projects'))).toBe(true);
    expect(temps(dir)).toEqual([]);
  });
});
