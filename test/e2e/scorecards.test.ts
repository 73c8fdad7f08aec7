/** pmo report people, and the scorecards' pain points against the previous quarter in a real git repository. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { commitAt, gitAt } from '../helpers/history.js';
import { makePortfolio, PROJECT } from '../helpers/repo.js';
import { sealedFile, unsealed } from '../../src/load/sealed.js';
import { previousQuarter } from '../../src/history/previous-quarter.js';

const ACME = fileURLToPath(new URL('../../examples/acme', import.meta.url));
const TODAY = ['--today', '2026-11-20'];

/** apollo with `count` extra open risks that have no owner (each one risk-has-owner finding). */
function withOwnerlessRisks(count: number, status: string): string {
  const risks = Array.from({ length: count }, (_, i) => `  - { id: R${i + 2}, title: Risk ${i + 2}, probability: 1, impact: 1, mitigation: Watch it, status: open }\n`).join('');
  return PROJECT.replace('team:\n', `${risks}team:\n`).replace('date: 2026-11-13', `date: ${status}`);
}

type Group = { key: string; pain_points: { rules: Array<{ rule: string; findings: number; previous: number | null; change: number | null }> } };
type Model = { scorecards: { compared_with: { quarter: string; date: string } | null; segments: Array<{ segment: string; groups: Group[] }> } };
const sponsorGroup = (model: Model) => model.scorecards.segments.find((s) => s.segment === 'sponsor')!.groups.find((g) => g.key === 'asmith')!;

describe('pain points, quarter on quarter', () => {
  it('counts each of the group’s top rules at the end of the previous quarter, from the commit git held then', () => {
    const dir = makePortfolio();
    gitAt(dir, undefined, 'init', '-q', '-b', 'main');
    commitAt(dir, '2026-09-20T12:00:00+00:00', 'Q3: one ownerless risk', { 'projects/apollo.yaml': withOwnerlessRisks(1, '2026-09-18') });
    commitAt(dir, '2026-11-18T12:00:00+00:00', 'Q4: three', { 'projects/apollo.yaml': withOwnerlessRisks(3, '2026-11-13') });
    for (const kind of ['audit', 'people']) {
      const run = pmo(['report', kind, ...TODAY, '-f', 'json'], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      const model = JSON.parse(run.stdout) as Model;
      expect(model.scorecards.compared_with).toMatchObject({ quarter: '2026-Q3', date: '2026-09-30' });
      expect(sponsorGroup(model).pain_points.rules).toContainEqual({ rule: 'risk-has-owner', findings: 3, previous: 1, change: 2 });
    }
  });

  it("judges the commit git held at the quarter's end on that day, not on the commit's own", async () => {
    const dir = makePortfolio();
    gitAt(dir, undefined, 'init', '-q', '-b', 'main');
    // Committed on 2026-09-20 with a status update of 2026-09-18: fresh that day, 12 days old on 2026-09-30.
    commitAt(dir, '2026-09-20T12:00:00+00:00', 'Q3', { 'projects/apollo.yaml': withOwnerlessRisks(1, '2026-09-18') });
    commitAt(dir, '2026-11-18T12:00:00+00:00', 'Q4', { 'projects/apollo.yaml': withOwnerlessRisks(3, '2026-11-13') });
    const quarter = (await previousQuarter({ root: dir, kind: 'audit', today: '2026-11-20', cache: false }))!;
    expect(quarter.date).toBe('2026-09-30');
    const stale = quarter.findings.filter((f) => f.rule === 'status-fresh' && f.file === 'projects/apollo.yaml');
    expect(stale.map((f) => f.message)).toEqual([expect.stringContaining('(12 days ago)')]);
  });

  it('keeps the quarter judged in the cache folder: the next report reads it back, --no-cache judges it again', () => {
    const dir = makePortfolio();
    gitAt(dir, undefined, 'init', '-q', '-b', 'main');
    const q3 = commitAt(dir, '2026-09-20T12:00:00+00:00', 'Q3: one ownerless risk', { 'projects/apollo.yaml': withOwnerlessRisks(1, '2026-09-18') });
    commitAt(dir, '2026-11-18T12:00:00+00:00', 'Q4: three', { 'projects/apollo.yaml': withOwnerlessRisks(3, '2026-11-13') });
    const previous = (...args: string[]) => {
      const run = pmo(['report', 'audit', ...TODAY, '-f', 'json', ...args], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      return sponsorGroup(JSON.parse(run.stdout) as Model).pain_points.rules.find((r) => r.rule === 'risk-has-owner')!.previous;
    };
    expect(previous()).toBe(1);
    // The kept quarter with a second risk-has-owner finding planted: a report that reads it counts 2 then.
    const memo = join(dir, '.pmo', 'cache', 'quarter-memo.json');
    const { records } = unsealed(readFileSync(memo, 'utf8'));
    const [head, kept] = records as [Record<string, unknown>, { findings: Array<{ rule: string }> }];
    const planted = { ...kept, findings: [...kept.findings, kept.findings.find((f) => f.rule === 'risk-has-owner')!] };
    writeFileSync(memo, [...sealedFile([head, planted])].join(''));
    expect(previous()).toBe(2);
    expect(previous('--no-cache')).toBe(1);
    // Kept under the commit judged: history rewritten (another commit ends Q3 now) is judged anew.
    gitAt(dir, undefined, 'reset', '-q', '--hard', q3);
    commitAt(dir, '2026-09-25T12:00:00+00:00', 'Q3: two more', { 'projects/apollo.yaml': withOwnerlessRisks(2, '2026-09-18') });
    commitAt(dir, '2026-11-18T12:00:00+00:00', 'Q4: three', { 'projects/apollo.yaml': withOwnerlessRisks(3, '2026-11-13') });
    expect(previous()).toBe(2);
  });

  it('says there is nothing to compare with outside git', () => {
    const model = JSON.parse(pmo(['report', 'audit', ...TODAY, '-f', 'json'], { cwd: makePortfolio() }).stdout) as Model;
    expect(model.scorecards.compared_with).toBeNull();
    expect(sponsorGroup(model).pain_points.rules.every((r) => r.previous === null && r.change === null)).toBe(true);
  });
});

describe('pmo report people', () => {
  it('renders Markdown, HTML and CSV of the example', () => {
    const md = pmo(['report', 'people', '-C', ACME, ...TODAY]);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('| Paola Rossi (prossi) | Project manager | Finance |');
    expect(md.stdout).toContain('Risk management on 2026-12-10');
    expect(md.stdout).toContain('## Scorecards');
    const html = pmo(['report', 'people', '-C', ACME, ...TODAY, '-f', 'html']);
    expect(html.stdout).toContain('<h2>Scorecards</h2>');
    const csv = pmo(['report', 'people', '-C', ACME, ...TODAY, '-f', 'csv']).stdout.split('\r\n');
    expect(csv[0]!.startsWith('id,name,role,department,manages,projects,capacity,peak_load,over_weeks,trainings_valid')).toBe(true);
    expect(csv.find((line) => line.startsWith('prossi,'))).toContain(',Risk management,');
  });
});

describe('pmo report trends --by', () => {
  it('gives each manager’s scorecard at the end of each quarter', () => {
    const dir = makePortfolio();
    gitAt(dir, undefined, 'init', '-q', '-b', 'main');
    // Q3 (judged 2026-09-30): M1 done a week after its baseline, M2 due and open: 0 of 2 met; the update of
    // 2026-09-25 is 5 days old (on time). Q4 (judged 2026-11-20): M1's actual corrected to before its baseline:
    // 1 of 2 met = 50%; the update of 2026-11-13 is 7 days old, the limit: on time.
    commitAt(dir, '2026-09-26T12:00:00+00:00', 'Q3', { 'projects/apollo.yaml': PROJECT.replace('date: 2026-11-13', 'date: 2026-09-25') });
    commitAt(dir, '2026-11-14T12:00:00+00:00', 'Q4', { 'projects/apollo.yaml': PROJECT.replace('actual: 2026-03-06', 'actual: 2026-02-20') });
    const run = pmo(['report', 'trends', ...TODAY, '--interval', 'quarter', '--since', '2026-07-01', '--by', 'manager', '-f', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const by = (JSON.parse(run.stdout) as { by: { segment: string; groups: Array<{ key: string; periods: Array<{ label: string; card: Record<string, unknown> | null }> }> } }).by;
    expect(by.segment).toBe('manager');
    expect(by.groups.map((g) => g.key)).toEqual(['jdoe']);
    expect(by.groups[0]!.periods.map((p) => [p.label, p.card?.projects, p.card?.milestones_met_pct, p.card?.status_on_time_pct])).toEqual([
      ['2026-Q3', 1, 0, 100],
      ['2026-Q4', 1, 50, 100],
    ]);
    const md = pmo(['report', 'trends', ...TODAY, '--interval', 'quarter', '--since', '2026-07-01', '--by', 'manager'], { cwd: dir }).stdout;
    expect(md).toContain('## Scorecards by manager, quarter by quarter');
    expect(md).toContain('| 2026-Q4 | 1 | 50.0% |');
    const csv = pmo(['report', 'trends', ...TODAY, '--interval', 'quarter', '--since', '2026-07-01', '--by', 'manager', '-f', 'csv'], { cwd: dir }).stdout.split('\r\n');
    expect(csv[0]!.startsWith('period,manager,projects,milestones_due,milestones_met,milestones_met_pct,')).toBe(true);
    expect(csv.slice(1, 3).map((line) => line.split(',').slice(0, 6))).toEqual([['2026-Q3', 'jdoe', '1', '2', '0', '0'], ['2026-Q4', 'jdoe', '1', '2', '1', '50']]);
  });

  it('refuses a grouping it does not know, and --by on another report: exit 2', () => {
    const dir = makePortfolio({}, { git: true });
    const typo = pmo(['report', 'trends', ...TODAY, '--by', 'managr'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("--by managr: not a segment; did you mean 'manager'?");
    const audit = pmo(['report', 'audit', ...TODAY, '--by', 'manager'], { cwd: dir });
    expect(audit.code).toBe(2);
    expect(audit.stderr).toContain('--by is for pmo report trends');
  });
});
