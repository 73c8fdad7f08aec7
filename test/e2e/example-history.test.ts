/**
 * scripts/example-history.mjs (`npm run example:history`): the example's git history, built from its files. The
 * same files give the same commit ids; the last commit holds the example byte for byte; each status update is a
 * commit by its author on its day; the tags and origin/main the docs use are where the docs say.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = join(ROOT, 'examples/acme');
const SCRIPT = join(ROOT, 'scripts/example-history.mjs');
const base = mkdtempSync(join(tmpdir(), 'pmo-history-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const build = (dir: string) => spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });
const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

function files(dir: string): string[] {
  // .pmo is the parse cache a run on the example leaves: not one of its files.
  return readdirSync(dir).filter((name) => name !== '.pmo').flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('npm run example:history', () => {
  it('builds the same history twice, ending at the example byte for byte', () => {
    const [one, two] = [join(base, 'one'), join(base, 'two')];
    for (const dir of [one, two]) expect([build(dir).status, build(dir).status]).toEqual([0, 2]); // a second build into it is refused
    expect(git(one, 'rev-parse', 'HEAD')).toBe(git(two, 'rev-parse', 'HEAD'));
    expect(git(one, 'status', '--porcelain')).toBe('');
    for (const file of files(EXAMPLE)) {
      const path = relative(EXAMPLE, file);
      expect(execFileSync('git', ['show', `HEAD:${path}`], { cwd: one }), path).toEqual(readFileSync(file));
    }
  });

  it('commits each status update by its author on its day, after one commit that sets up the rest, and the audits last', () => {
    const dir = join(base, 'log');
    expect(build(dir).status).toBe(0);
    // The example's updates, counted in its files: brightmart-edi 4, crm-migration 4, data-platform 3,
    // expense-app 3, fast-close 4, hris-replacement 3, iso27001 3, nordwind-portal 3, route-optimization 4,
    // wms-upgrade 3: 34, the first commit, and the audit's (which records its actions up to the last day).
    const log = git(dir, 'log', '--reverse', '--format=%ad|%an|%s', '--date=format:%Y-%m-%d %H:%M');
    const lines = log.split('\n');
    expect(lines).toHaveLength(36);
    expect(lines[35]).toBe('2026-11-20 17:00|Acme PMO|Q3 audit: findings, actions and verifications');
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe('audits/2026-q3.yaml');
    expect(lines[0]).toBe('2026-05-08 09:00|Acme PMO|Set up the Acme PMO repository');
    // brightmart-edi's first update (2026-05-15, amber, by prossi: Paola Rossi in people.yaml).
    expect(lines[1]).toBe('2026-05-15 16:00|Paola Rossi|brightmart-edi: weekly status (amber)');
    // 2026-11-20: eight projects updated, a minute apart in file-name order, crm-migration first.
    expect(lines.filter((l) => l.startsWith('2026-11-20 16'))).toHaveLength(8);
    expect(lines[27]).toBe('2026-11-20 16:00|Thomas Nguyen|crm-migration: weekly status (amber)');
    const dateOf = (ref: string) => git(dir, 'log', '-1', '--format=%ad', '--date=short', ref);
    expect(git(dir, 'rev-list', '--max-parents=0', 'HEAD')).toBe(git(dir, 'rev-parse', 'baseline-2026^{commit}'));
    expect(dateOf('v2026-q3')).toBe('2026-06-05');
    expect(dateOf('origin/main')).toBe('2026-11-13');
  });

  it('refuses a folder that is not empty, and leaves it alone', () => {
    const dir = mkdtempSync(join(base, 'full-'));
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    const run = build(dir);
    expect([run.status, run.stderr]).toEqual([2, `example-history: ${dir} is not empty: give a new or empty folder\n`]);
    expect(readdirSync(dir)).toEqual(['keep.txt']);
  });
});
