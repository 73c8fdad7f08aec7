/**
 * The S-curve's earned values kept on disk (src/history/earned-memo.ts): a second one-pager reads no version of
 * the file from git, a changed pmo.yaml or --no-cache reads them all, and the values are the same either way.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { earnedByMonth } from '../../src/history/earned-by-month.js';
import { GitRepo } from '../../src/load/git.js';
import { configFrom } from '../../src/model/config.js';
import { commitAt, gitAt } from '../helpers/history.js';
import { GOALS, makeRepo, PEOPLE, PROJECT } from '../helpers/repo.js';

const temps: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** M2's progress as a version of the file had it (M1 done): EV = 500,000 x (1 + progress) / 2. */
const version = (progress: number) => PROJECT.replace('progress: 60', `progress: ${progress}`);
const DAYS = ['2026-03-31', '2026-04-30', '2026-05-31'];

function repo(): string {
  const dir = makeRepo({ 'people.yaml': PEOPLE, 'goals.yaml': GOALS, 'records/apollo/charter.md': '# Charter\n' });
  temps.push(dir);
  gitAt(dir, undefined, 'init', '-q', '-b', 'main');
  commitAt(dir, '2026-03-10T17:00:00+00:00', 'M2 20%', { 'projects/apollo.yaml': version(20) }); // 300,000
  commitAt(dir, '2026-05-15T17:00:00+00:00', 'M2 40%', { 'projects/apollo.yaml': version(40) }); // 350,000
  return dir;
}

describe("the S-curve's earned values, kept", () => {
  it('are read from git once, then from the memo, until pmo.yaml changes', async () => {
    const dir = repo();
    const read = vi.spyOn(GitRepo.prototype, 'readBlobs');
    const config = configFrom({ version: 1 });
    const expected = new Map([['2026-03-31', 300000], ['2026-04-30', 300000], ['2026-05-31', 350000]]);
    expect(await earnedByMonth(dir, 'projects/apollo.yaml', DAYS, config)).toEqual(expected);
    expect([...read.mock.calls[0]![0]]).toHaveLength(2); // two versions
    expect(existsSync(join(dir, '.pmo', 'cache', 'earned-memo.json'))).toBe(true);

    expect(await earnedByMonth(dir, 'projects/apollo.yaml', DAYS, config)).toEqual(expected);
    expect([...read.mock.calls[1]![0]]).toHaveLength(0);

    // Another pmo.yaml may measure otherwise: everything is read again
    expect(await earnedByMonth(dir, 'projects/apollo.yaml', DAYS, configFrom({ version: 1, pv_method: 'step' }))).toEqual(expected);
    expect([...read.mock.calls[2]![0]]).toHaveLength(2);
    // Without the cache, it is neither read nor written
    expect(await earnedByMonth(dir, 'projects/apollo.yaml', DAYS, config, false)).toEqual(expected);
    expect([...read.mock.calls[3]![0]]).toHaveLength(2);
  });
});
