/**
 * A file with broken references keeps, in the cache, the references its broken values need (located and
 * worded, so that a warm check shows their findings without reading the file), not all of them; when another
 * value breaks, the file is read again for it. Worked out by hand on the apollo project of test/helpers/repo.ts:
 * asmith is its sponsor and its budget's approver, jdoe its manager, risk R1's owner, a team member and the
 * author of its status update.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { makePortfolio, PEOPLE, PROJECT } from '../helpers/repo.js';
import { readCacheFile } from '../helpers/cache-files.js';

interface Located {
  file: string;
  line: number;
  rule: string;
  message: string;
}

/** The references the cache keeps, as `file path.to.node value`. */
function keptIn(repo: string): string[] {
  const dir = join(repo, '.pmo', 'cache');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.detail.json'))
    .flatMap((name) => readCacheFile(join(dir, name)).entries)
    .flatMap(([path, details]) => ((details as { references?: Array<{ path: unknown[]; value: string }> }).references ?? []).map((ref) => `${path} ${ref.path.join('.')} ${ref.value}`))
    .sort();
}

const checker = (repo: string, rule: string) => (today: string, ...args: string[]) => {
  const run = pmo(['check', '--today', today, '-f', 'json', ...args], { cwd: repo });
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as Located[]).filter((f) => f.rule === rule);
};

describe('the references a file keeps', () => {
  it('are those of its broken values, found again when another breaks, and none once none is broken', () => {
    const repo = makePortfolio();
    const on = checker(repo, 'ref/unknown-person');
    const check = (...args: string[]) => on('2026-11-20', ...args);
    const kept = () => keptIn(repo);
    const people = (...gone: string[]) => writeFileSync(join(repo, 'people.yaml'), PEOPLE.split('\n').filter((line) => !gone.some((id) => line.includes(`id: ${id},`))).join('\n'));

    // asmith leaves: two findings, and apollo keeps just those two references.
    people('asmith');
    const one = check();
    expect(one.map((f) => f.line)).toEqual([4, 16]);
    expect(kept()).toEqual(['projects/apollo.yaml budget.approved_by asmith', 'projects/apollo.yaml sponsor asmith']);
    expect(check()).toEqual(one); // warm: from what was kept
    // jdoe leaves too: apollo is read again for jdoe's four references, worded and placed as without the cache.
    people('asmith', 'jdoe');
    const both = check();
    expect(both).toEqual(check('--no-cache'));
    expect(both.map((f) => f.line)).toEqual([3, 4, 16, 32, 36, 41]);
    expect(kept().filter((ref) => ref.endsWith(' jdoe'))).toEqual([
      'projects/apollo.yaml manager jdoe',
      'projects/apollo.yaml risks.0.owner jdoe',
      'projects/apollo.yaml status.0.by jdoe',
      'projects/apollo.yaml team.0.person jdoe',
    ]);
    // Both back: nothing broken, nothing kept.
    people();
    expect(check()).toEqual([]);
    expect(kept()).toEqual([]);
  });

  it('are its actual dates ahead of the day, fewer as the days pass, and read again for an earlier day', () => {
    // Status updates dated 2026-11-22 and 2026-11-25 (lines 40 and 44); the milestone's actual date is long past.
    const project = PROJECT.replace('  - date: 2026-11-13', '  - date: 2026-11-22') + '  - { date: 2026-11-25, by: jdoe, overall: amber, summary: Still behind. }\n';
    const repo = makePortfolio({ 'projects/apollo.yaml': project });
    const on = checker(repo, 'dates/future');
    const first = on('2026-11-20');
    expect(first.map((f) => f.line)).toEqual([40, 44]);
    expect(keptIn(repo)).toEqual(['projects/apollo.yaml status.0.date 2026-11-22', 'projects/apollo.yaml status.1.date 2026-11-25']);
    const later = on('2026-11-23');
    expect(later.map((f) => f.line)).toEqual([44]);
    expect(keptIn(repo)).toEqual(['projects/apollo.yaml status.1.date 2026-11-25']);
    // Back to 2026-11-20: the date of 2026-11-22 is ahead again, and no longer kept; the file is read again for it.
    expect(on('2026-11-20')).toEqual(first);
    expect(on('2026-11-25')).toEqual([]);
    expect(keptIn(repo)).toEqual([]);
  });
});
