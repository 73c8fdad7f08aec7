/**
 * `pmo report trends` on a small repository whose history is worked out by hand: commits on set days, each
 * period judged as its last commit had the files, on its last day.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { commitAt, gitAt, withStatus } from '../helpers/history.js';
import { GOALS, makeRepo, PEOPLE, PROJECT } from '../helpers/repo.js';

const zeus = PROJECT.replace('id: apollo', 'id: zeus').replace('name: Apollo CRM migration', 'name: Zeus');

/**
 * W40 (Fri 2 Oct): apollo amber. W41 (Fri 9 Oct): apollo red, zeus added green. W42: no commit. W43 (Fri 23 Oct):
 * apollo green, zeus given priority 9 (a schema error: it is left out of the numbers).
 */
function history(): string {
  const dir = makeRepo({ 'people.yaml': PEOPLE, 'goals.yaml': GOALS, 'records/apollo/charter.md': '# Charter\n' });
  gitAt(dir, undefined, 'init', '-q', '-b', 'main');
  commitAt(dir, '2026-10-02T17:00:00+00:00', 'w40', { 'projects/apollo.yaml': withStatus('amber', '2026-10-02') });
  commitAt(dir, '2026-10-09T17:00:00+00:00', 'w41', {
    'projects/apollo.yaml': withStatus('red', '2026-10-09'),
    'projects/zeus.yaml': withStatus('green', '2026-10-09', zeus),
  });
  commitAt(dir, '2026-10-23T17:00:00+00:00', 'w43', {
    'projects/apollo.yaml': withStatus('green', '2026-10-23'),
    'projects/zeus.yaml': withStatus('green', '2026-10-09', zeus).replace('priority: 2', 'priority: 9'),
  });
  return dir;
}

const trends = (dir: string, args: string[]) => pmo(['report', 'trends', '-C', dir, '--today', '2026-10-25', ...args]);

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('pmo report trends', () => {
  it('gives each week the portfolio its last commit had, worked out by hand', () => {
    const dir = history();
    const run = trends(dir, ['--weeks', '5', '-f', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const model = JSON.parse(run.stdout);
    // W39 ends before the first commit: counted, not shown
    expect(model.history).toEqual({ starts: '2026-10-02', periods_before: 1 });
    expect(model.points.map((p: { label: string; end: string; commit: { date: string } | null }) => [p.label, p.end, p.commit?.date ?? null])).toEqual([
      ['2026-W40', '2026-10-04', '2026-10-02'],
      ['2026-W41', '2026-10-11', '2026-10-09'],
      ['2026-W42', '2026-10-18', '2026-10-09'], // no commit that week: the one before
      ['2026-W43', '2026-10-25', '2026-10-23'],
    ]);
    const values = [null, ...model.points.map((p: { values: null | Record<string, unknown> }) => p.values)]; // W39 first, as it was
    expect(values.slice(1).map((v: { by_rag: unknown }) => v.by_rag)).toEqual([
      { green: 0, amber: 1, red: 0, none: 0 },
      { green: 1, amber: 0, red: 1, none: 0 },
      { green: 1, amber: 0, red: 1, none: 0 },
      { green: 1, amber: 0, red: 0, none: 0 }, // zeus left out: its schema error
    ]);
    // Baselines 500,000 each; forecasts 540,000 each
    // No changes: approved = baseline; variance = forecast - approved = 40,000 a project.
    expect(values.slice(1).map((v: { budget: unknown }) => v.budget)).toEqual([
      { baseline: 500000, approved: 500000, forecast: 540000, variance: 40000 },
      { baseline: 1000000, approved: 1000000, forecast: 1080000, variance: 80000 },
      { baseline: 1000000, approved: 1000000, forecast: 1080000, variance: 80000 },
      { baseline: 500000, approved: 500000, forecast: 540000, variance: 40000 },
    ]);
    expect(values.slice(1).map((v: { left_out: number; projects: number }) => [v.projects, v.left_out])).toEqual([[1, 0], [2, 0], [2, 0], [1, 1]]);
    expect(values[4].findings.by_category).toContainEqual({ category: 'data', count: 1 });
    // Apollo's status of 2 October is 9 days old on 11 October (stale after 7 days)
    expect(values[1].findings.warnings + values[1].findings.errors).toBeLessThan(values[2].findings.warnings + values[2].findings.errors);
  });

  it('after a back-dated history, gives each week the commit --as-of gives for its last day', () => {
    // The repository set up on Sunday 25 October, then last month's weekly updates committed with their own dates:
    // the first commit is the newest by date. Walking back from HEAD, each week's end finds its own update.
    const dir = makeRepo({ 'people.yaml': PEOPLE, 'goals.yaml': GOALS, 'records/apollo/charter.md': '# Charter\n' });
    gitAt(dir, undefined, 'init', '-q', '-b', 'main');
    const setup = commitAt(dir, '2026-10-25T09:00:00+00:00', 'set up the PMO');
    const w40 = commitAt(dir, '2026-10-02T17:00:00+00:00', 'w40', { 'projects/apollo.yaml': withStatus('amber', '2026-10-02') });
    const w41 = commitAt(dir, '2026-10-09T17:00:00+00:00', 'w41', { 'projects/apollo.yaml': withStatus('red', '2026-10-09') });
    const w43 = commitAt(dir, '2026-10-23T17:00:00+00:00', 'w43', { 'projects/apollo.yaml': withStatus('green', '2026-10-23') });
    const model = JSON.parse(trends(dir, ['--weeks', '5', '-f', 'json']).stdout);
    const points = model.points.map((p: { label: string; commit: { id: string } | null; values: { by_rag: Record<string, number> } | null }) => [p.label, p.commit?.id ?? null, p.values?.by_rag ?? null]);
    expect(model.history).toEqual({ starts: '2026-10-02', periods_before: 1 }); // W39: every commit is dated after 27 September
    expect(points).toEqual([
      ['2026-W40', w40, { green: 0, amber: 1, red: 0, none: 0 }],
      ['2026-W41', w41, { green: 0, amber: 0, red: 1, none: 0 }],
      ['2026-W42', w41, { green: 0, amber: 0, red: 1, none: 0 }],
      ['2026-W43', w43, { green: 1, amber: 0, red: 0, none: 0 }],
    ]);
    expect(setup).not.toBe(w43);
    // --as-of picks the same commit for each week's last day
    for (const [end, commit] of [['2026-10-04', w40], ['2026-10-11', w41], ['2026-10-18', w41], ['2026-10-25', w43]]) {
      const asOf = JSON.parse(pmo(['report', 'weekly', '-C', dir, '-f', 'json', '--as-of', end!]).stdout);
      expect(asOf.report.as_of.commit).toBe(commit);
    }
    const before = pmo(['check', '-C', dir, '--as-of', '2026-09-27']);
    expect([before.code, before.stderr]).toEqual([2, expect.stringContaining('no commit from 2026-09-27 or before (its earliest is from 2026-10-02)')]);
  });

  it('compares month on month and quarter on quarter, null where there was no commit', () => {
    const model = JSON.parse(trends(history(), ['-f', 'json']).stdout);
    const [month, quarter] = model.comparisons;
    expect([month.name, month.previous, month.current]).toEqual(['month-on-month', '2026-09', '2026-10']);
    expect([quarter.name, quarter.previous, quarter.current]).toEqual(['quarter-on-quarter', '2026-Q3', '2026-Q4']);
    const red = month.rows.find((r: { measure: string }) => r.measure === 'red');
    expect(red).toEqual({ measure: 'red', format: 'count', previous: null, current: 0, delta: null });
  });

  it('cuts by month and quarter, and writes CSV and Markdown', () => {
    const dir = history();
    const months = JSON.parse(trends(dir, ['--interval', 'month', '--since', '2026-09-01', '-f', 'json']).stdout);
    // September ends before the first commit (2 October): counted, not shown
    expect(months.points.map((p: { label: string; end: string }) => [p.label, p.end])).toEqual([['2026-10', '2026-10-25']]);
    expect(months.history).toEqual({ starts: '2026-10-02', periods_before: 1 });
    const csv = parseCsv(trends(dir, ['--weeks', '5', '-f', 'csv']).stdout, { columns: true }) as Array<Record<string, string>>;
    expect(csv.map((r) => [r.period, r.red, r.green])).toEqual([['2026-W40', '0', '0'], ['2026-W41', '1', '1'], ['2026-W42', '1', '1'], ['2026-W43', '0', '1']]);
    const md = trends(dir, ['--weeks', '5']).stdout;
    expect(md).toContain('The git history starts on 2 October 2026: the 1 week asked for before it is not shown.');
    expect(md).not.toContain('2026-W39');
    expect(md).toContain('## month-on-month: 2026-10 against 2026-09');
  });

  it('a year asked of a month-old history: the weeks from its first commit, the rest said once; the header from pmo.yaml', () => {
    const dir = history(); // commits from 2 October 2026
    const md = trends(dir, ['--weeks', '52']).stdout;
    // 52 weeks to W43 start at 2025-W44; W40 is the first with a commit: 48 weeks before it
    expect(md).toContain('The git history starts on 2 October 2026: the 48 weeks asked for before it are not shown.');
    expect(md.match(/^\| 20\d\d-W\d\d \|/gm)).toHaveLength(4);
    expect(md).not.toContain('no commit yet');
    // Before any commit: one sentence, and the header still names the organisation and its currency
    const early = trends(dir, ['--weeks', '4', '--today', '2026-09-20']);
    expect(early.code).toBe(0);
    expect(early.stdout).toContain('# Portfolio trends by week: Test Co');
    expect(early.stdout).toContain('No commit on or before 20 September 2026: the git history starts on 2 October 2026.');
    const html = trends(dir, ['--weeks', '4', '--today', '2026-09-20', '-f', 'html']).stdout;
    expect(html).toContain('Test Co · controlling PMO');
    expect(html).not.toMatch(/PMO · +PMO| in \./);
  });

  it('says what is wrong, exit 2: no git, no commits, a shallow clone, --weeks with --since', () => {
    const plain = makeRepo();
    expect(trends(plain, []).stderr).toContain('needs a git repository');
    const empty = makeRepo();
    gitAt(empty, undefined, 'init', '-q');
    const none = trends(empty, []);
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('has no commits yet')]);
    const clone = mkdtempSync(join(tmpdir(), 'pmo-shallow-'));
    temps.push(clone);
    gitAt(tmpdir(), undefined, 'clone', '-q', '--depth', '1', `file://${history()}`, clone);
    const shallow = trends(clone, ['--weeks', '5']);
    expect(shallow.code).toBe(2);
    expect(shallow.stderr).toContain('shallow clone');
    expect(shallow.stderr).toContain('fetch-depth: 0');
    const both = trends(history(), ['--weeks', '5', '--since', '2026-09-01']);
    expect([both.code, both.stderr]).toEqual([2, expect.stringContaining('do not go together')]);
  });
});

describe('pmo report trends: broken references', () => {
  it('counts a broken reference in the period whose commit makes it and in each one after, until a commit mends it', () => {
    const dir = makeRepo({ 'people.yaml': PEOPLE, 'goals.yaml': GOALS, 'records/apollo/charter.md': '# Charter\n' });
    gitAt(dir, undefined, 'init', '-q', '-b', 'main');
    const apollo = withStatus('green', '2026-10-02');
    commitAt(dir, '2026-10-02T17:00:00+00:00', 'w40', { 'projects/apollo.yaml': apollo });
    // A typo in the manager: a person people.yaml does not have, in a version new to the run.
    commitAt(dir, '2026-10-09T17:00:00+00:00', 'w41', { 'projects/apollo.yaml': apollo.replace(/^manager: jdoe$/m, 'manager: jdeo') });
    commitAt(dir, '2026-10-23T17:00:00+00:00', 'w43', { 'projects/apollo.yaml': apollo });
    const run = trends(dir, ['--weeks', '4', '-f', 'json', '--no-cache']);
    expect(run.stderr).toBe('');
    const integrity = (p: { values: { findings: { by_category: Array<{ category: string; count: number }> } } }) =>
      p.values.findings.by_category.find((c) => c.category === 'integrity')?.count ?? 0;
    // W40: none. W41: the unknown manager, once. W42: no commit, the same version. W43: mended.
    expect(JSON.parse(run.stdout).points.map((p: { label: string }) => [p.label, integrity(p as never)])).toEqual([
      ['2026-W40', 0],
      ['2026-W41', 1],
      ['2026-W42', 1],
      ['2026-W43', 0],
    ]);
  });
});

describe('pmo report trends: audit actions', () => {
  it('counts the open and overdue actions of each period, judged on its last day', () => {
    const dir = makeRepo({ 'people.yaml': PEOPLE, 'goals.yaml': GOALS, 'records/apollo/charter.md': '# Charter\n' });
    gitAt(dir, undefined, 'init', '-q', '-b', 'main');
    const audit = (state: string) => `id: q3
date: 2026-10-01
auditor: asmith
scope: all
findings:
  - id: F1
    message: Minutes not signed
    severity: warn
    actions:
      - { id: A1, type: corrective, what: Sign them, owner: jdoe, due: 2026-10-07, ${state} }
      - { id: A2, type: preventive, what: Checklist, owner: jdoe, due: 2026-10-30, state: open }
`;
    commitAt(dir, '2026-10-02T17:00:00+00:00', 'w40', { 'projects/apollo.yaml': withStatus('green', '2026-10-02'), 'audits/q3.yaml': audit('state: open') });
    commitAt(dir, '2026-10-14T17:00:00+00:00', 'w42', { 'audits/q3.yaml': audit('state: done, done: 2026-10-14') });
    const run = trends(dir, ['--weeks', '4', '-f', 'json']);
    expect(run.stderr).toBe('');
    // W40 (to 10-04): both open, none due yet. W41 (to 10-11): A1 due 10-07 and open: overdue. W42 and W43 (to 10-25): A1 done, A2 open and due 10-30.
    expect(JSON.parse(run.stdout).points.map((p: { label: string; values: { actions: unknown } }) => [p.label, p.values.actions])).toEqual([
      ['2026-W40', { open: 2, overdue: 0 }],
      ['2026-W41', { open: 2, overdue: 1 }],
      ['2026-W42', { open: 1, overdue: 0 }],
      ['2026-W43', { open: 1, overdue: 0 }],
    ]);
  });
});

describe('pmo report trends: a file no commit touches', () => {
  it('counts each date-bound finding from the week its date passes, the file unchanged since its first commit', () => {
    const dir = makeRepo({ 'people.yaml': PEOPLE, 'goals.yaml': GOALS, 'records/apollo/charter.md': '# Charter\n' });
    gitAt(dir, undefined, 'init', '-q', '-b', 'main');
    // Committed once, on Fri 2 Oct. Its status update is stale from 10 Oct (8 days > pmo.yaml's default 7); R1's
    // review is overdue from 15 Oct; M2, due 20 Oct, is overdue from 21 Oct.
    const apollo = withStatus('amber', '2026-10-02')
      .replace('    status: open\n', '    status: open\n    review_by: 2026-10-14\n')
      .replace('forecast: 2026-12-15', 'forecast: 2026-10-20');
    commitAt(dir, '2026-10-02T17:00:00+00:00', 'w40', { 'projects/apollo.yaml': apollo });
    const run = pmo(['report', 'trends', '-C', dir, '--today', '2026-11-01', '--weeks', '5', '-f', 'json', '--no-cache']);
    expect(run.stderr).toBe('');
    const points = JSON.parse(run.stdout).points as Array<{ label: string; values: { findings: { by_category: Array<{ category: string; count: number }> } } }>;
    const count = (p: (typeof points)[number], category: string) => p.values.findings.by_category.find((c) => c.category === category)?.count ?? 0;
    const schedule = count(points[0]!, 'schedule');
    // W40 ends 4 Oct, W41 11 Oct, W42 18 Oct, W43 25 Oct, W44 1 Nov: each finding from the first week that holds its day.
    expect(points.map((p) => [p.label, count(p, 'communication'), count(p, 'risk'), count(p, 'schedule') - schedule])).toEqual([
      ['2026-W40', 0, 0, 0],
      ['2026-W41', 1, 0, 0],
      ['2026-W42', 1, 1, 0],
      ['2026-W43', 1, 1, 1],
      ['2026-W44', 1, 1, 1],
    ]);
  });
});
