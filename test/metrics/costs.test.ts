/**
 * Costs logged by month (src/metrics/costs.ts): the actual cost is the log's sum, or budget.actual without a
 * log; earned value, the cost rules and the vendors read that one figure. Figures worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { configFrom } from '../../src/model/config.js';
import { portfolioCostCurve } from '../../src/metrics/costs.js';
import { measureProject } from '../../src/metrics/measures.js';
import type { Project } from '../../src/model/schemas/project.js';
import costLogMismatch from '../../src/rules/builtin/cost-log-mismatch.js';
import costOverBaseline from '../../src/rules/builtin/cost-over-baseline.js';
import vendorOverpaid from '../../src/rules/builtin/vendor-overpaid.js';
import { pmo } from '../helpers/cli.js';
import { GOALS, makeRepo, PEOPLE, PROJECT } from '../helpers/repo.js';
import { project, runProjectRule } from './rule-context.js';

const TODAY = '2026-11-20';
const measure = (p: Project) => measureProject(p, configFrom({}), TODAY);

/** Logged out of order: October's vendor bill, September's labour, October's labour. 30,000 + 45,000 + 25,000 = 100,000. */
const COSTS: Project['costs'] = [
  { period: '2026-10', amount: 30000, category: 'vendor', vendor: 'Acme Cloud' },
  { period: '2026-09', amount: 45000, category: 'labour' },
  { period: '2026-10', amount: 25000, category: 'labour', note: 'Sprints 9-10' },
];

/**
 * Baseline 200,000; two milestones of equal weight, M1 done, M2 at 50%: EV = 200,000 x (1 + 0.5) / 2 = 150,000.
 * Both baselines passed by the 20th: PV = 200,000. With the log's AC of 100,000: CPI = 1.5, SPI = 0.75.
 */
const logged = project('logged', {
  dates: { start: '2026-01-05', baseline_end: '2026-10-30' },
  budget: { baseline: 200000 },
  milestones: [
    { id: 'M1', name: 'a', baseline: '2026-05-29', actual: '2026-06-05' },
    { id: 'M2', name: 'b', baseline: '2026-10-30', progress: 50 },
  ],
  vendors: [{ name: 'Acme Cloud', value: 25000, paid: 10000 }],
  costs: COSTS,
});

describe('the actual cost', () => {
  it("is the cost log's sum, by month oldest first, and what earned value reads as AC", () => {
    const m = measure(logged);
    expect(m.actualCost).toBe(100000);
    expect(m.costsByMonth).toEqual([
      { period: '2026-09', amount: 45000, by_category: { labour: 45000 } },
      { period: '2026-10', amount: 55000, by_category: { vendor: 30000, labour: 25000 } },
    ]);
    expect(m.evm).toMatchObject({ pv: 200000, ev: 150000, ac: 100000, cpi: 1.5, spi: 0.75 });
  });

  it('is budget.actual without a log, and unknown with neither', () => {
    expect(measure(project('given', { budget: { baseline: 10, actual: 7 } })).actualCost).toBe(7);
    expect(measure(project('none', { budget: { baseline: 10 } })).actualCost).toBeNull();
    expect(measure(project('empty-log', { budget: { actual: 7 }, costs: [] })).actualCost).toBe(7);
  });

  it('is what the cost rules read: over the approved budget by the log alone', () => {
    // Approved budget 90,000 (no changes); the log's 100,000 is 10,000 over, whatever budget.actual is absent
    const over = { ...logged, budget: { baseline: 90000 } };
    expect(runProjectRule(costOverBaseline, [over], TODAY).map((r) => [r.data?.actual, r.data?.over, r.path, r.on])).toEqual([['100,000', '10,000', ['costs'], 'key']]);
  });

  it("pays a vendor what the log names it for: Acme Cloud's 30,000 against a contract of 25,000", () => {
    expect(runProjectRule(vendorOverpaid, [logged], TODAY).map((r) => [r.data?.paid, r.data?.excess, r.path])).toEqual([['30,000', '5,000', ['vendors', 0, 'paid']]]);
    // Without the vendor in the log, its own `paid` counts
    const unnamed = { ...logged, costs: COSTS!.map(({ vendor: _vendor, ...cost }) => cost) };
    expect(runProjectRule(vendorOverpaid, [unnamed], TODAY)).toEqual([]);
  });

  it('finds a budget.actual the log disagrees with, and not one a cent of rounding away', () => {
    const differs = { ...logged, budget: { baseline: 200000, actual: 98000 } };
    expect(runProjectRule(costLogMismatch, [differs], TODAY).map((r) => [r.data?.actual, r.data?.logged, r.data?.gap])).toEqual([['98,000', '100,000', '2,000']]);
    // 0.1 + 0.2 is 0.30000000000000004 in binary: the same figure
    const cents = { ...logged, budget: { actual: 0.3 }, costs: [{ period: '2026-10', amount: 0.1, category: 'other' }, { period: '2026-10', amount: 0.2, category: 'other' }] };
    expect(runProjectRule(costLogMismatch, [cents], TODAY)).toEqual([]);
  });
});

describe('a cost log in a project file', () => {
  const withCosts = (costs: string, config = 'version: 1\norganization: Test Co\npmo_type: controlling\n') =>
    makeRepo({
      'pmo.yaml': config,
      'people.yaml': PEOPLE,
      'goals.yaml': GOALS,
      'records/apollo/charter.md': '# Charter\n',
      'projects/apollo.yaml': PROJECT.replace('  actual: 320000\n', '').replace('milestones:\n', `vendors:\n  - { name: Acme Cloud, value: 90000 }\ncosts:\n${costs}milestones:\n`),
    });
  const findings = (dir: string) => JSON.parse(pmo(['check', '-C', dir, '--today', TODAY, '-f', 'json']).stdout) as Array<{ rule: string; line: number; message: string }>;

  it('names a category pmo.yaml does not know, and a vendor the project does not have, at their lines', () => {
    const dir = withCosts('  - { period: 2026-10, amount: 1000, category: labor }\n  - { period: 2026-10, amount: 500, category: vendor, vendor: Acme Clod }\n');
    const refs = findings(dir).filter((f) => f.rule.startsWith('ref/'));
    // PROJECT's budget ends at line 15 (actual removed); vendors take lines 16-17, costs: line 18, the entries 19 and 20
    expect(refs).toEqual([
      expect.objectContaining({ rule: 'ref/unknown-cost-category', line: 19, message: expect.stringContaining("cost #1: category 'labor' is not a cost category (labour, vendor, licences, travel, other); did you mean 'labour'?") }),
      expect.objectContaining({ rule: 'ref/unknown-vendor', line: 20, message: expect.stringContaining("cost #2: vendor 'Acme Clod' is not among this project's vendors; did you mean 'Acme Cloud'?") }),
    ]);
  });

  it("takes the PMO's own categories from pmo.yaml, and refuses a period that is no month", () => {
    const dir = withCosts('  - { period: 2026-10, amount: 1000, category: hosting }\n  - { period: 2026-13, amount: 5, category: other }\n', 'version: 1\norganization: Test Co\npmo_type: controlling\ncost_categories: [hosting]\n');
    const all = findings(dir);
    expect(all.filter((f) => f.rule === 'ref/unknown-cost-category')).toEqual([]);
    expect(all.filter((f) => f.rule.startsWith('schema/'))).toEqual([expect.objectContaining({ line: 20, message: expect.stringContaining('YYYY-MM') })]);
  });
});

describe('the cost curve', () => {
  it('gives planned value at each month end and the spend of the months that are over', () => {
    // BAC 120,000; M1 planned by 31 January, M2 by 31 March (its span from 31 January: 59 days), equal weights.
    // PV on 31 Jan = 60,000; on 28 Feb = 60,000 + 60,000 x 28/59 = 88,474.58; on 31 Mar = 120,000.
    // Spent: January 30,000, February 20,000; on 15 March, March is not over (its 25,000 is not shown yet).
    const p = project('curve', {
      dates: { start: '2026-01-01', baseline_end: '2026-03-31', forecast_end: '2026-04-30' },
      budget: { baseline: 120000, forecast: 150000 },
      milestones: [
        { id: 'M1', name: 'a', baseline: '2026-01-31' },
        { id: 'M2', name: 'b', baseline: '2026-03-31' },
      ],
      costs: [
        { period: '2026-02', amount: 20000, category: 'labour' },
        { period: '2026-01', amount: 30000, category: 'labour' },
        { period: '2026-03', amount: 25000, category: 'labour' },
      ],
    });
    // The forecast from March to the forecast end (30 April): the 75,000 logged so far, plus the rest of the
    // forecast 150,000 spread over the 46 days left: 31 March, 16 of them: 75,000 + 75,000 x 16/46 = 101,086.96.
    const curve = measureProject(p, configFrom({}), '2026-03-15').costCurve;
    const cents = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
    expect(curve.map((m) => ({ ...m, planned: cents(m.planned), forecast: cents(m.forecast) }))).toEqual([
      { month: '2026-01', planned: 60000, spent: 30000, actual: 30000, forecast: null },
      { month: '2026-02', planned: 88474.58, spent: 20000, actual: 50000, forecast: null },
      { month: '2026-03', planned: 120000, spent: null, actual: null, forecast: 101086.96 },
      { month: '2026-04', planned: 120000, spent: null, actual: null, forecast: 150000 },
    ]);
  });
});

describe("the portfolio's cost curve", () => {
  it('adds the projects up month by month, a finished curve standing at its last figures', () => {
    // A (EUR, rate 1): Jan-Feb, spent 10 then 20, planned 15 then 30. B (USD at 0.5): Feb-Mar, spent 40 (Feb),
    // planned 50 and 100; March not over (today in March): its forecast 120.
    const a = [
      { month: '2026-01', planned: 15, spent: 10, actual: 10, forecast: null },
      { month: '2026-02', planned: 30, spent: 20, actual: 30, forecast: null },
    ];
    const b = [
      { month: '2026-02', planned: 50, spent: 40, actual: 40, forecast: null },
      { month: '2026-03', planned: 100, spent: null, actual: null, forecast: 120 },
    ];
    expect(portfolioCostCurve([{ curve: a, rate: 1 }, { curve: b, rate: 0.5 }], '2026-03-10')).toEqual([
      { month: '2026-01', planned: 15, spent: 10, actual: 10, forecast: null },
      // 30 + 50 x 0.5; spent 20 + 40 x 0.5; to date 30 + 40 x 0.5
      { month: '2026-02', planned: 55, spent: 40, actual: 50, forecast: null },
      // A ended in February: it stands at 30 planned, and in the month not over, at the 30 it spent; B forecasts 120 x 0.5
      { month: '2026-03', planned: 80, spent: null, actual: null, forecast: 90 },
    ]);
  });
});
