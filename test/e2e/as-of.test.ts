/** `--as-of`: the repository as a past commit has it, read from git's objects, for check and report. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { commitAt, gitAt, withStatus } from '../helpers/history.js';
import { GOALS, makeRepo, PEOPLE, PROJECT } from '../helpers/repo.js';


/** Three Fridays of one project: amber, red (with a schema error in a second project), green. */
function history(): { dir: string; commits: string[] } {
  const dir = makeRepo({ 'people.yaml': PEOPLE, 'goals.yaml': GOALS, 'records/apollo/charter.md': '# Charter\n' });
  gitAt(dir, undefined, 'init', '-q', '-b', 'main');
  const commits = [
    commitAt(dir, '2026-11-06T17:00:00+00:00', 'week 45', { 'projects/apollo.yaml': withStatus('amber', '2026-11-06') }),
    commitAt(dir, '2026-11-13T17:00:00+00:00', 'week 46', {
      'projects/apollo.yaml': withStatus('red', '2026-11-13'),
      'projects/zeus.yaml': PROJECT.replace('id: apollo', 'id: zeus').replace('priority: 2', 'priority: 9'),
    }),
    commitAt(dir, '2026-11-20T17:00:00+00:00', 'week 47', { 'projects/apollo.yaml': withStatus('green', '2026-11-20') }),
  ];
  gitAt(dir, undefined, 'tag', 'week-46', commits[1]!);
  return { dir, commits };
}

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the repository with `commit` checked out: the files as they were. */
function checkout(dir: string, commit: string): string {
  const then = mkdtempSync(join(tmpdir(), 'pmo-then-'));
  temps.push(then);
  cpSync(dir, then, { recursive: true });
  gitAt(then, undefined, 'checkout', '-q', commit);
  return then;
}

describe('pmo check --as-of', () => {
  it('checks the files a date or a ref had, judged on that date, as a checkout of that commit would, touching nothing', () => {
    const { dir, commits } = history();
    const then = checkout(dir, commits[1]!);
    // Uncommitted work must not leak into the past
    writeFileSync(join(dir, 'projects/apollo.yaml'), withStatus('red', '2026-11-21').replace('manager: jdoe', 'manager: nobody'));
    const before = gitAt(dir, undefined, 'status', '--porcelain');
    const findingsOf = (cwd: string, args: string[]) => JSON.parse(pmo(['check', '-C', cwd, '-f', 'json', '--no-cache', ...args]).stdout) as Array<{ file: string; rule: string }>;
    const week46 = findingsOf(dir, ['--as-of', '2026-11-13']);
    expect(week46).toEqual(findingsOf(then, ['--today', '2026-11-13']));
    expect(week46.map((f) => `${f.file} ${f.rule}`)).toContain('projects/zeus.yaml schema/invalid-value');
    expect(week46.map((f) => f.rule)).not.toContain('ref/unknown-person');
    expect(findingsOf(dir, ['--as-of', 'week-46'])).toEqual(week46);
    // A day with no commit takes the last commit before it (and is judged on that day)
    expect(findingsOf(dir, ['--as-of', commits[0]!]).map((f) => f.file)).not.toContain('projects/zeus.yaml');
    expect(findingsOf(dir, ['--as-of', '2026-11-15', '--today', '2026-11-13'])).toEqual(week46);
    expect(gitAt(dir, undefined, 'status', '--porcelain')).toBe(before);
  });

  it("a date is judged on that day, a ref on its commit's day; a day after the last commit is that commit on that day", () => {
    const { dir, commits } = history();
    const model = (asOf: string) => JSON.parse(pmo(['report', 'weekly', '-C', dir, '-f', 'json', '--no-cache', '--as-of', asOf]).stdout) as { report: { today: string; as_of: { commit: string; date: string } } };
    // Thursday 11-19: week 46's files (committed 11-13), judged on the 19th.
    expect(model('2026-11-19').report).toMatchObject({ today: '2026-11-19', as_of: { commit: commits[1], date: '2026-11-13' } });
    // By its tag, week 46 is judged on its own day.
    expect(model('week-46').report).toMatchObject({ today: '2026-11-13', as_of: { commit: commits[1], date: '2026-11-13' } });
    // Long after the last commit (11-20): its files, judged on 2026-12-31: the 11-20 update is 41 days old
    // (10 days to the end of November, then 31).
    const stale = (JSON.parse(pmo(['check', '-C', dir, '-f', 'json', '--no-cache', '--as-of', '2026-12-31']).stdout) as Array<{ rule: string; message: string }>)
      .filter((f) => f.rule === 'status-fresh').map((f) => f.message);
    expect(stale).toEqual(['the newest status update is from 2026-11-20 (41 days ago); updates are due every 7 days']);
  });

  it('refuses a date that does not exist', () => {
    const { dir } = history();
    const run = pmo(['check', '-C', dir, '--as-of', '2026-10-32']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--as-of 2026-10-32: not a real date');
  });

  it('says what is wrong, exit 2: before the first commit, an unknown ref, no git, with --staged', () => {
    const { dir } = history();
    const early = pmo(['check', '-C', dir, '--as-of', '2026-01-01']);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('this branch has no commit from 2026-01-01 or before (its earliest is from 2026-11-06)');
    const ref = pmo(['check', '-C', dir, '--as-of', 'no-such-tag']);
    expect([ref.code, ref.stderr]).toEqual([2, expect.stringContaining('git knows no commit named no-such-tag')]);
    const both = pmo(['check', '-C', dir, '--as-of', 'HEAD', '--staged']);
    expect([both.code, both.stderr]).toEqual([2, expect.stringContaining('do not go together')]);
    const plain = makeRepo({ 'projects/apollo.yaml': PROJECT });
    const nogit = pmo(['check', '-C', plain, '--as-of', '2026-11-13']);
    expect([nogit.code, nogit.stderr]).toEqual([2, expect.stringContaining('needs a git repository')]);
  });

  it('in a shallow clone, says the history is missing and how to fetch it', () => {
    const { dir } = history();
    const clone = mkdtempSync(join(tmpdir(), 'pmo-shallow-'));
    temps.push(clone);
    gitAt(tmpdir(), undefined, 'clone', '-q', '--depth', '1', `file://${dir}`, clone);
    const run = pmo(['check', '-C', clone, '--as-of', '2026-11-06']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('shallow clone');
    expect(run.stderr).toContain('fetch-depth: 0');
  });
});

describe('pmo report --as-of', () => {
  it("rebuilds a past week's report byte for byte, as it was rendered from that commit's files", () => {
    const { dir, commits } = history();
    // That Friday, from a checkout of the commit
    const then = checkout(dir, commits[1]!);
    for (const format of ['md', 'html', 'csv']) {
      const original = pmo(['report', 'weekly', '-C', then, '--today', '2026-11-13', '-f', format]);
      const rebuilt = pmo(['report', 'weekly', '-C', dir, '--as-of', '2026-11-13', '-f', format]);
      expect(rebuilt.code).toBe(0);
      expect(rebuilt.stdout).toBe(original.stdout);
    }
    const model = JSON.parse(pmo(['report', 'weekly', '-C', dir, '--as-of', 'week-46', '-f', 'json']).stdout);
    expect(model.report.as_of).toEqual({ commit: commits[1], date: '2026-11-13' });
    expect(model.report.today).toBe('2026-11-13');
    expect(model.summary.by_rag).toEqual({ green: 0, amber: 0, red: 1, none: 0 });
    expect(model.left_out.map((l: { file: string }) => l.file)).toEqual(['projects/zeus.yaml']);
    expect(readFileSync(join(dir, 'projects/apollo.yaml'), 'utf8')).toContain('overall: green');
  });
});

describe('pmo report --as-of and --history, when they cannot', () => {
  it('name the command that was run, and say a date that does not exist is not one', () => {
    const { dir } = history();
    const early = pmo(['report', 'weekly', '-C', dir, '--as-of', '2026-01-01']);
    expect([early.code, early.stderr]).toEqual([2, expect.stringContaining('pmo: pmo report weekly --as-of 2026-01-01: this branch has no commit from 2026-01-01 or before')]);
    expect(early.stderr).not.toContain('pmo check');
    const month13 = pmo(['report', 'weekly', '-C', dir, '--as-of', '2026-13-01']);
    expect([month13.code, month13.stderr]).toEqual([2, 'pmo: --as-of 2026-13-01: not a real date (write YYYY-MM-DD, or name a commit, branch or tag)\n']);
    const plain = makeRepo({ 'people.yaml': PEOPLE, 'projects/apollo.yaml': PROJECT });
    const nogit = pmo(['report', 'weekly', '-C', plain, '--as-of', '2026-11-13']);
    expect([nogit.code, nogit.stderr]).toEqual([2, expect.stringContaining('pmo report weekly --as-of 2026-11-13 needs a git repository')]);
    const log = pmo(['report', 'project', 'apollo', '--history', '-C', plain]);
    expect(log.code).toBe(2);
    expect(log.stderr).toContain('pmo report project apollo --history needs a git repository');
    expect(log.stderr).not.toContain('pmo log');
  });
});

describe('pmo report project --against', () => {
  it('shows what moved since a tagged baseline', () => {
    const { dir, commits } = history();
    writeFileSync(join(dir, 'projects/apollo.yaml'), withStatus('green', '2026-11-20').replace('forecast_end: 2026-11-15', 'forecast_end: 2026-12-04').replace('forecast: 540000', 'forecast: 575000'));
    const run = pmo(['report', 'project', 'apollo', '-C', dir, '--today', '2026-11-21', '--against', 'week-46', '-f', 'json']);
    expect(run.stderr).toBe('');
    const model = JSON.parse(run.stdout);
    expect(model.against).toMatchObject({ ref: 'week-46', commit: commits[1], date: '2026-11-13', existed: true });
    const row = (field: string) => model.against.changes.find((c: { field: string }) => c.field === field);
    expect(row('overall status')).toEqual({ field: 'overall status', then: 'red', now: 'green', change: null, unit: null });
    expect(row('dates.forecast_end')).toEqual({ field: 'dates.forecast_end', then: '2026-11-15', now: '2026-12-04', change: 19, unit: 'days' });
    expect(row('budget.forecast')).toEqual({ field: 'budget.forecast', then: 540000, now: 575000, change: 35000, unit: 'money' });
    const md = pmo(['report', 'project', 'apollo', '-C', dir, '--today', '2026-11-21', '--against', 'week-46']).stdout;
    expect(md).toContain('| dates.forecast\\_end | 2026-11-15 | 2026-12-04 | +19 days |');
    writeFileSync(join(dir, 'projects/hera.yaml'), PROJECT.replace('id: apollo', 'id: hera'));
    const before = JSON.parse(pmo(['report', 'project', 'hera', '-C', dir, '--today', '2026-11-21', '--against', commits[0]!, '-f', 'json']).stdout);
    expect(before.against).toMatchObject({ existed: false, changes: null });
    const wrong = pmo(['report', 'weekly', '-C', dir, '--against', 'week-46']);
    expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringContaining('--against compares one project')]);
  });
});

describe('pmo report project --history', () => {
  it('lists the forecast slips and the status changes, commit by commit, oldest first', () => {
    const { dir } = history();
    commitAt(dir, '2026-11-27T17:00:00+00:00', 'slip', { 'projects/apollo.yaml': withStatus('amber', '2026-11-27').replace('forecast_end: 2026-11-15', 'forecast_end: 2026-12-11') });
    const model = JSON.parse(pmo(['report', 'project', 'apollo', '-C', dir, '--today', '2026-11-28', '--history', '-f', 'json']).stdout);
    // The first forecast comes with the file; then one slip of 26 days
    expect(model.history.forecast_end).toEqual([
      { commit: expect.any(String), date: '2026-11-06', author: 'Test PM', from: null, to: '2026-11-15', slip_days: null },
      { commit: expect.any(String), date: '2026-11-27', author: 'Test PM', from: '2026-11-15', to: '2026-12-11', slip_days: 26 },
    ]);
    expect(model.history.overall.map((c: { date: string; from: string | null; to: string }) => [c.date, c.from, c.to])).toEqual([
      ['2026-11-06', null, 'amber'],
      ['2026-11-13', 'amber', 'red'],
      ['2026-11-20', 'red', 'green'],
      ['2026-11-27', 'green', 'amber'],
    ]);
    const md = pmo(['report', 'project', 'apollo', '-C', dir, '--today', '2026-11-28', '--history']).stdout;
    expect(md).toContain('| 2026-11-15 | 2026-12-11 | +26 days |');
    // The Date column is each commit's date (a field that shares the date helper's name once printed n/a).
    expect(md).toMatch(/\| 2026-11-27 \| [0-9a-f]+ \| Test PM \| 2026-11-15 \| 2026-12-11 \| \+26 days \|/);
    expect(md).toMatch(/\| 2026-11-13 \| [0-9a-f]+ \| Test PM \| .*Amber \| .*Red \|/);
    const wrong = pmo(['report', 'weekly', '-C', dir, '--history']);
    expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringContaining('--history is for one project')]);
  });
});
