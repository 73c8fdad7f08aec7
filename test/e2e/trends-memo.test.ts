/**
 * The trend's memo of judged points (src/history/trend-memo.ts): a second run reads the points of commits and
 * days it has judged, judges only what is new, and never answers from a record that is not as pmo wrote it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { commitAt, gitAt, withStatus } from '../helpers/history.js';
import { GOALS, makeRepo, PEOPLE } from '../helpers/repo.js';

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** W40 (Fri 2 Oct): apollo amber; W41 (Fri 9 Oct): apollo red. */
function history(): string {
  const dir = makeRepo({ 'people.yaml': PEOPLE, 'goals.yaml': GOALS, 'records/apollo/charter.md': '# Charter\n' });
  temps.push(dir);
  gitAt(dir, undefined, 'init', '-q', '-b', 'main');
  commitAt(dir, '2026-10-02T17:00:00+00:00', 'w40', { 'projects/apollo.yaml': withStatus('amber', '2026-10-02') });
  commitAt(dir, '2026-10-09T17:00:00+00:00', 'w41', { 'projects/apollo.yaml': withStatus('red', '2026-10-09') });
  return dir;
}

type Point = { label: string; values: { by_rag: Record<string, number> } | null };
const trends = (dir: string, today: string, ...args: string[]) => {
  const run = pmo(['report', 'trends', '-C', dir, '--today', today, '--weeks', '3', '-f', 'json', ...args]);
  expect([run.code, run.stderr]).toEqual([0, '']);
  return JSON.parse(run.stdout) as { points: Point[] };
};
const rags = (model: { points: Point[] }) => model.points.map((p) => [p.label, p.values?.by_rag]);
const memoFile = (dir: string) => join(dir, '.pmo', 'cache', 'trends-memo.json');

/**
 * The memo with one record's line rewritten by `edit` (its JSON), either re-sealed as pmo seals it (a sum of
 * the record's JSON on its line, a sum of the whole file last) or left with the old sums (a damaged record).
 */
function rewriteMemo(dir: string, edit: (json: string) => string, reseal: boolean): void {
  const sum = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 8);
  const lines = readFileSync(memoFile(dir), 'utf8').split('\n');
  const at = lines.findIndex((line) => line.includes('"point"') && line.includes('2026-10-11'));
  expect(at).toBeGreaterThan(0);
  const json = edit(lines[at]!.slice(11, -1));
  lines[at] = `"${reseal ? sum(json) : lines[at]!.slice(1, 9)}",${json},`;
  if (reseal) {
    const body = `${lines.slice(0, -2).join('\n')}\n`;
    lines[lines.length - 2] = `"${sum(body)}"]`;
  }
  writeFileSync(memoFile(dir), lines.join('\n'));
}

describe('the trend memo', () => {
  it('answers a second run from the points it kept (a point changed in it, and sealed again, is what the run shows)', () => {
    const dir = history();
    const first = trends(dir, '2026-10-11');
    expect(rags(first)).toEqual([
      ['2026-W40', { green: 0, amber: 1, red: 0, none: 0 }],
      ['2026-W41', { green: 0, amber: 0, red: 1, none: 0 }],
    ]);
    expect(existsSync(memoFile(dir))).toBe(true);
    expect(gitAt(dir, undefined, 'status', '--porcelain')).toBe(''); // .pmo ignores itself
    // W41's point, red turned green in the memo: read back as kept, nothing judged again
    rewriteMemo(dir, (json) => json.replace('"green":0,"amber":0,"red":1', '"green":1,"amber":0,"red":0'), true);
    expect(rags(trends(dir, '2026-10-11'))[1]).toEqual(['2026-W41', { green: 1, amber: 0, red: 0, none: 0 }]);
    // --no-cache neither reads nor writes it
    expect(rags(trends(dir, '2026-10-11', '--no-cache'))).toEqual(rags(first));
  });

  it('judges again a point whose record does not match its sum', () => {
    const dir = history();
    const first = trends(dir, '2026-10-11');
    rewriteMemo(dir, (json) => json.replace('"red":1', '"red":7'), false);
    expect(rags(trends(dir, '2026-10-11'))).toEqual(rags(first));
    // and writes the file again whole: a third run reads the judged point back
    expect(readFileSync(memoFile(dir), 'utf8')).not.toContain('"red":7');
  });

  it('judges what is new: a new commit, a new day of the running week', () => {
    const dir = history();
    trends(dir, '2026-10-11');
    // A new commit in W42, and the trend asked on Wednesday then Sunday of that week
    commitAt(dir, '2026-10-14T09:00:00+00:00', 'w42', { 'projects/apollo.yaml': withStatus('green', '2026-10-14') });
    expect(rags(trends(dir, '2026-10-14'))).toEqual([
      ['2026-W40', { green: 0, amber: 1, red: 0, none: 0 }],
      ['2026-W41', { green: 0, amber: 0, red: 1, none: 0 }],
      ['2026-W42', { green: 1, amber: 0, red: 0, none: 0 }],
    ]);
    // Sunday: the status of the 14th is 4 days old, not stale (7 days); on the 25th it would be. The day counts.
    const sunday = pmo(['report', 'trends', '-C', dir, '--today', '2026-10-25', '--weeks', '1', '-f', 'json']);
    const wednesday = pmo(['report', 'trends', '-C', dir, '--today', '2026-10-14', '--weeks', '1', '-f', 'json']);
    const categories = (run: { stdout: string }) => (JSON.parse(run.stdout) as { points: Array<{ values: { findings: { by_category: Array<{ category: string }> } } }> }).points[0]!.values.findings.by_category.map((c) => c.category);
    expect(categories(sunday)).toContain('communication');
    expect(categories(wednesday)).not.toContain('communication');
  });
});
