/**
 * The portfolio rules' findings over the same extracts hold from the day they were judged on until the day each
 * rule names (PortfolioContext.holdsUntil), for good when it never reads the day: the cache keeps them so, and a
 * new day judges again only the rules whose findings may have changed. Days worked out by hand in each case.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFrom } from '../../src/model/config.js';
import { extractForPortfolio, judgePortfolio, type ExtractedFile, type PortfolioJudgement } from '../../src/rules/portfolio-run.js';
import type { FileKind } from '../../src/load/discover.js';
import { pmo } from '../helpers/cli.js';
import { makePortfolio, PROJECT } from '../helpers/repo.js';
import { readCacheFile } from '../helpers/cache-files.js';

const file = (path: string, kind: FileKind, data: unknown): ExtractedFile => ({ path, kind, rules: extractForPortfolio(kind, data) });
const person = (id: string, fields: Record<string, unknown> = {}) => ({ id, name: id, ...fields });
const project = (id: string, fields: Record<string, unknown> = {}) => ({ id, name: id, manager: 'jdoe', phase: 'execution', dates: { start: '2026-01-05' }, ...fields });
const untilOf = (judgements: PortfolioJudgement[]) => Object.fromEntries(judgements.map((j) => [j.rule, j.until]));

describe('how long a portfolio rule says its findings hold', () => {
  const config = configFrom({ version: 1, organization: 'T', pmo_type: 'controlling', thresholds: { audit_every_days: 60 }, trainings: { warning_days: 10, required: [{ name: 'Code of conduct', valid_months: 12 }] } });

  it('for good when no one is over capacity from today on; until tomorrow when someone is (the stretch is worded from today)', () => {
    const people = file('people.yaml', 'people', { people: [person('bkim', { capacity: 80 })] });
    const fits = [people, file('projects/a.yaml', 'project', project('a', { team: [{ person: 'bkim', allocation: 50, from: '2026-12-14', to: '2026-12-31' }] })), file('projects/b.yaml', 'project', project('b', { team: [{ person: 'bkim', allocation: 30 }] }))];
    expect(untilOf(judgePortfolio(() => fits, config, '2026-12-01'))['allocation-over-capacity']).toBeNull();
    // 50 + 40 = 90% > 80% from 2026-12-21 to 2026-12-31: found now, ahead of the stretch.
    const over = [people, fits[1]!, file('projects/b.yaml', 'project', project('b', { team: [{ person: 'bkim', allocation: 40, from: '2026-12-21' }] }))];
    const judged = judgePortfolio(() => over, config, '2026-12-01').find((j) => j.rule === 'allocation-over-capacity')!;
    expect(judged.findings).toHaveLength(2);
    expect(judged.until).toBe('2026-12-02');
  });

  it('until the first day an audit falls due, a project starts, or an audit dated ahead comes', () => {
    // Last audited 2026-10-25: 60 days run out on 2026-12-24, due from 2026-12-25.
    const audited = [file('projects/a.yaml', 'project', project('a')), file('audits/2026-10.yaml', 'audit', { id: '2026-10', date: '2026-10-25', scope: 'all' })];
    expect(untilOf(judgePortfolio(() => audited, config, '2026-12-01'))['audit-due']).toBe('2026-12-25');
    // A project starting 2026-12-15 is judged from then on; an audit dated 2026-12-10 is the last from then on.
    expect(untilOf(judgePortfolio(() => [...audited, file('projects/b.yaml', 'project', project('b', { dates: { start: '2026-12-15' } }))], config, '2026-12-01'))['audit-due']).toBe('2026-12-15');
    expect(untilOf(judgePortfolio(() => [...audited, file('audits/2026-12.yaml', 'audit', { id: '2026-12', date: '2026-12-10', scope: ['a'] })], config, '2026-12-01'))['audit-due']).toBe('2026-12-10');
    // Due (61 days on 2026-12-25): worded with the days since, so until the next day.
    const due = judgePortfolio(() => audited, config, '2026-12-25').find((j) => j.rule === 'audit-due')!;
    expect(due.findings.map((f) => f.message)).toEqual(['project a was last audited on 2026-10-25 (61 days ago); pmo.yaml asks for an audit every 60 days']);
    expect(due.until).toBe('2026-12-26');
  });

  it("until a training enters its warning days, and until it expires once it has; for good once expired", () => {
    // Held 2025-12-20, valid 12 months: expires 2026-12-20, expiring (10 days or fewer left) from 2026-12-10.
    const people = [file('people.yaml', 'people', { people: [person('jdoe', { trainings: [{ name: 'Code of conduct', date: '2025-12-20' }] })] })];
    expect(untilOf(judgePortfolio(() => people, config, '2026-12-01'))).toMatchObject({ 'training-required': '2026-12-10', 'training-expiring': '2026-12-10' });
    // Expiring on 2026-12-12 (8 days left): announced, worded with the days left (until tomorrow); required holds until it expires.
    expect(untilOf(judgePortfolio(() => people, config, '2026-12-12'))).toMatchObject({ 'training-required': '2026-12-20', 'training-expiring': '2026-12-13' });
    const expired = judgePortfolio(() => people, config, '2026-12-20');
    expect(expired.find((j) => j.rule === 'training-required')!.findings).toHaveLength(1);
    expect(untilOf(expired)).toMatchObject({ 'training-required': null, 'training-expiring': null });
  });

  it('for good for a rule that never reads the day, findings or not', () => {
    const files = [
      file('projects/a.yaml', 'project', project('a', { dates: { start: '2026-01-05', forecast_end: '2027-03-01' } })),
      file('projects/b.yaml', 'project', project('b', { dependencies: [{ id: 'D1', project: 'a', needed_by: '2027-01-15' }] })),
    ];
    const late = judgePortfolio(() => files, config, '2026-12-01').find((j) => j.rule === 'dependency-late')!;
    expect(late.findings).toHaveLength(1);
    expect(late.until).toBeNull();
  });

  it('keeps the judgements that still hold, without reading the extracts, and judges again those that do not', () => {
    const people = [file('people.yaml', 'people', { people: [person('jdoe', { trainings: [{ name: 'Code of conduct', date: '2025-12-20' }] })] })];
    const first = judgePortfolio(() => people, config, '2026-12-01');
    let reads = 0;
    const extracts = () => (reads++, people);
    // 2026-12-09: every judgement of 2026-12-01 holds, the very objects, and no extract is read.
    const held = judgePortfolio(extracts, config, '2026-12-09', first);
    expect(held.every((j, i) => j === first[i])).toBe(true);
    expect(reads).toBe(0);
    // 2026-12-10: the training rules' do not; the others still hold.
    const next = judgePortfolio(extracts, config, '2026-12-10', first);
    expect(reads).toBe(1);
    expect(next.filter((j, i) => j !== first[i]).map((j) => j.rule)).toEqual(['training-expiring', 'training-required']);
    expect(next.find((j) => j.rule === 'training-expiring')!.findings).toHaveLength(1);
    // A day before the one judged on: judged again, for that day.
    expect(judgePortfolio(extracts, config, '2026-11-30', next).every((j) => j.day === '2026-11-30')).toBe(true);
  });
});

describe('the portfolio rules on a new day, from the cache', () => {
  it('give, day after day, the findings of a check without the cache', () => {
    const repo = makePortfolio({
      'pmo.yaml': `version: 1
organization: Test Co
pmo_type: controlling
thresholds:
  audit_every_days: 60
trainings:
  warning_days: 10
  required:
    - { name: Code of conduct, valid_months: 12 }
`,
      'people.yaml': `people:
  - { id: jdoe, name: Jane Doe, role: Project manager, capacity: 100, trainings: [{ name: Code of conduct, date: 2025-12-20 }] }
  - { id: asmith, name: Alex Smith, role: Sponsor, trainings: [{ name: Code of conduct, date: 2026-06-01 }] }
  - { id: bkim, name: Bo Kim, role: Engineer, capacity: 80, trainings: [{ name: Code of conduct, date: 2026-03-01 }] }
`,
      'projects/apollo.yaml': PROJECT.replace('  - { person: jdoe, role: Project manager, allocation: 50 }', '  - { person: jdoe, role: Project manager, allocation: 50 }\n  - { person: bkim, allocation: 40, from: 2026-12-21, to: 2027-01-15 }'),
      'projects/zeus.yaml': PROJECT.replace('id: apollo', 'id: zeus').replace('records/apollo/', 'records/zeus/').replace('  - { person: jdoe, role: Project manager, allocation: 50 }', '  - { person: jdoe, role: Project manager, allocation: 20 }\n  - { person: bkim, allocation: 50, from: 2026-12-14, to: 2026-12-31 }'),
      'records/zeus/charter.md': '# Charter\n',
      'audits/2026-10.yaml': 'id: 2026-10\ndate: 2026-10-25\nauditor: asmith\nscope: all\n',
      'audits/2026-12.yaml': 'id: 2026-12\ndate: 2026-12-28\nauditor: asmith\nscope: [apollo]\n',
    });
    const check = (today: string, ...args: string[]) => {
      const run = pmo(['check', '--today', today, '-f', 'json', ...args], { cwd: repo });
      expect(run.stderr).toBe('');
      return (JSON.parse(run.stdout) as Array<{ rule: string; file: string; message: string }>);
    };
    const portfolioRules = ['allocation-over-capacity', 'audit-due', 'training-expiring', 'training-required'];
    const ruled = (found: ReturnType<typeof check>) => found.filter((f) => portfolioRules.includes(f.rule)).map((f) => `${f.rule} ${f.file}`).sort();
    // Each day as a PM's first check of it, the cache from the check before, some days apart. Expected, by hand:
    // bkim is over capacity (50 + 40 > 80) from 2026-12-21 to 2026-12-31, found ahead; jdoe's training expires
    // 2026-12-20 (announced from 2026-12-10), bkim's 2027-03-01 (announced from 2027-02-19); 60 days from the
    // audit of 2026-10-25 run out on 2026-12-24, and apollo's from its audit of 2026-12-28 on 2027-02-26.
    const over = ['allocation-over-capacity projects/apollo.yaml', 'allocation-over-capacity projects/zeus.yaml'];
    const expected: Array<[string, string[]]> = [
      ['2026-12-01', over],
      ['2026-12-02', over],
      ['2026-12-09', over],
      ['2026-12-10', [...over, 'training-expiring people.yaml']],
      ['2026-12-19', [...over, 'training-expiring people.yaml']],
      ['2026-12-20', [...over, 'training-required people.yaml']],
      ['2026-12-24', [...over, 'training-required people.yaml']],
      ['2026-12-25', ['audit-due projects/apollo.yaml', 'audit-due projects/zeus.yaml', ...over, 'training-required people.yaml'].sort()],
      ['2026-12-28', ['audit-due projects/zeus.yaml', ...over, 'training-required people.yaml'].sort()],
      ['2027-01-04', ['audit-due projects/zeus.yaml', 'training-required people.yaml']],
      ['2027-02-18', ['audit-due projects/zeus.yaml', 'training-required people.yaml']],
      ['2027-02-26', ['audit-due projects/zeus.yaml', 'training-expiring people.yaml', 'training-required people.yaml']],
      ['2027-02-27', ['audit-due projects/apollo.yaml', 'audit-due projects/zeus.yaml', 'training-expiring people.yaml', 'training-required people.yaml']],
    ];
    for (const [day, rules] of expected) {
      const found = check(day);
      expect(found).toEqual(check(day, '--no-cache'));
      expect([day, ruled(found)]).toEqual([day, rules]);
    }
  });

  it('are not judged again on a day when none of them may have changed', () => {
    const repo = makePortfolio();
    const judgements = () => (readCacheFile(join(repo, '.pmo', 'cache', 'check-cache.portfolio.json')).head.judgements as PortfolioJudgement[]).map((j) => j.day);
    expect(pmo(['check', '--today', '2026-11-20'], { cwd: repo }).code).toBeLessThan(2);
    expect(new Set(judgements())).toEqual(new Set(['2026-11-20']));
    // No one over capacity, no audits asked for, no trainings: nothing a day changes.
    expect(pmo(['check', '--today', '2026-11-27'], { cwd: repo }).code).toBeLessThan(2);
    expect(new Set(judgements())).toEqual(new Set(['2026-11-20']));
  });
});
