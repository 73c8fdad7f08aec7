/**
 * A file whose rules that read the day all said until when their findings hold, to the word (none counts days
 * since a date in its words), keeps its cache entry until that day: a new day before it does not judge the file
 * again (CacheEntry.until). Days worked out by hand.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { cacheFiles, readCacheFile } from '../helpers/cache-files.js';
import { makePortfolio } from '../helpers/repo.js';

/** apollo's entry in the cache's shards. */
function entryOf(dir: string): Record<string, unknown> {
  const cache = join(dir, '.pmo', 'cache');
  for (const name of cacheFiles(cache).filter((n) => /^check-cache\.\d+\.json$/.test(n))) {
    const entry = readCacheFile(join(cache, name)).entries.find(([path]) => path === 'projects/apollo.yaml')?.[1];
    if (entry) return entry;
  }
  throw new Error('no entry for apollo');
}

const findings = (dir: string, today: string, ...args: string[]) => {
  const run = pmo(['check', '-C', dir, '--today', today, '--format', 'json', ...args]);
  return JSON.parse(run.stdout) as Array<{ rule: string; message: string; file: string }>;
};

describe('a file whose findings hold to the word until a day', () => {
  it('is not judged again before that day, and is the day it comes', () => {
    // apollo (amber, in execution): its newest update is of 2026-11-13, stale after 7 days, so from 2026-11-21;
    // M2 (forecast 2026-12-15, open) falls overdue on 2026-12-16; R1 has no review date; no issues, changes or
    // billing. Judged on 2026-11-14, its findings hold to the word until 2026-11-21.
    const dir = makePortfolio();
    const before = findings(dir, '2026-11-14');
    expect(entryOf(dir)).toMatchObject({ today: '2026-11-14', until: '2026-11-21' });

    // 2026-11-20: the same findings, from the entry of the 14th (not judged again), as a check without the cache gives.
    expect(findings(dir, '2026-11-20')).toEqual(findings(dir, '2026-11-20', '--no-cache'));
    expect(findings(dir, '2026-11-20')).toEqual(before);
    expect(entryOf(dir)).toMatchObject({ today: '2026-11-14', until: '2026-11-21' });

    // 2026-11-21: stale, judged again. The finding counts the days since the update ("8 days ago"): words that
    // change each day, so the entry holds for the day only.
    const stale = findings(dir, '2026-11-21');
    expect(stale).toEqual(findings(dir, '2026-11-21', '--no-cache'));
    expect(stale.find((f) => f.rule === 'status-fresh')?.message).toMatch(/^the newest status update is from 2026-11-13 \(8 days ago\)/);
    expect(entryOf(dir).today).toBe('2026-11-21');
    expect(entryOf(dir).until).toBeUndefined();
    const later = findings(dir, '2026-11-22');
    expect(later.find((f) => f.rule === 'status-fresh')?.message).toMatch(/\(9 days ago\)/);
    expect(later).toEqual(findings(dir, '2026-11-22', '--no-cache'));
  });
});
