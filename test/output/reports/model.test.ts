/**
 * The weekly view model on a portfolio small enough to work out by hand (the numbers in the comments are
 * DOMAIN.md's formulas done on paper, not the code's output).
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/findings.js';
import { configFrom } from '../../../src/model/config.js';
import type { PortfolioData } from '../../../src/load/portfolio-data.js';
import type { Project } from '../../../src/model/schemas/project.js';
import { buildReportModel, type AuditModel, type WeeklyModel } from '../../../src/output/reports/model/index.js';

const TODAY = '2026-11-20';

const alpha = {
  id: 'alpha',
  name: 'Alpha',
  manager: 'jdoe',
  phase: 'execution',
  goals: ['G1'],
  dates: { start: '2026-01-05', baseline_end: '2026-12-31', forecast_end: '2027-01-20' },
  budget: { baseline: 100000, actual: 50000, forecast: 110000 },
  milestones: [
    { id: 'M1', name: 'Design', baseline: '2026-01-31', actual: '2026-02-03' },
    { id: 'M2', name: 'Build', baseline: '2026-12-31', forecast: '2026-11-10', progress: 50 },
  ],
  risks: [{ id: 'R1', title: 'Vendor late', probability: 4, impact: 4, owner: 'jdoe' }],
  status: [
    { date: '2026-11-11', overall: 'amber' },
    { date: '2026-11-18', overall: 'red', summary: 'Build slipped' },
  ],
} satisfies Project;

const beta = {
  id: 'beta',
  name: 'Beta',
  manager: 'asmith',
  phase: 'planning',
  dates: { start: '2026-03-01', baseline_end: '2027-06-30' },
  budget: { baseline: 200000, actual: 100000, forecast: 200000 },
  milestones: [
    { id: 'M1', name: 'Plan', baseline: '2026-06-30', progress: 40, weight: 3 },
    { id: 'M2', name: 'Go', baseline: '2027-03-31', weight: 1 },
  ],
  status: [{ date: '2026-11-01', overall: 'green' }],
} satisfies Project;

const gamma = {
  id: 'gamma',
  name: 'Gamma',
  manager: 'jdoe',
  phase: 'closed',
  dates: { start: '2025-01-01', baseline_end: '2025-12-31', actual_end: '2025-12-20' },
  budget: { baseline: 999999, actual: 999999 },
} satisfies Project;

const data: PortfolioData = {
  projects: [
    { path: 'projects/beta.yaml', data: beta },
    { path: 'projects/alpha.yaml', data: alpha },
    { path: 'projects/gamma.yaml', data: gamma },
  ],
  requests: [],
  people: [{ id: 'jdoe', name: 'Jane Doe' }],
  goals: [{ id: 'G1', title: 'Grow' }],
  waivers: [{ rule: 'status-fresh', project: 'beta', reason: 'Board holiday', approved_by: 'asmith', expires: '2026-11-25' }],
  audits: [],
  leftOut: [{ file: 'projects/broken.yaml', reason: '1 YAML or schema error: run pmo check projects/broken.yaml' }],
  brokenProjects: [],
};

const finding = (file: string, rule: string, severity: Finding['severity'], waived = false): Finding => ({
  file, rule, severity, message: rule, line: 1, column: 1, endLine: 1, endColumn: 2,
  ...(waived ? { waived: { reason: 'Board holiday', approved_by: 'asmith', expires: '2026-11-25' } } : {}),
});

const findings = [
  finding('projects/alpha.yaml', 'schedule-slip', 'error'),
  finding('projects/alpha.yaml', 'budget-variance', 'warn'),
  finding('projects/beta.yaml', 'status-fresh', 'error', true),
];

// Planned value by the step method keeps the sums below easy to follow; the linear method is worked out in
// test/metrics/evm.test.ts, and the weekly only sums what each project's measures give.
const config = configFrom({ version: 1, organization: 'Test Co', pmo_type: 'controlling', currency: 'EUR', pv_method: 'step' });
const build = (kind: string) => buildReportModel({ kind, today: TODAY, config, data, findings });

describe('the weekly model', () => {
  const model = build('weekly') as WeeklyModel;

  it('computes portfolio earned value from the active projects', () => {
    // alpha: EV = 100000 x (1 + 0.5)/2 = 75000; PV = 100000 x 1/2 = 50000 (M2's baseline is after today)
    // beta:  EV = 200000 x (3 x 0.4)/4 = 60000; PV = 200000 x 3/4 = 150000
    // gamma is closed and left out. Sums: EV 135000, PV 200000, AC 150000, BAC 300000
    expect(model.summary.evm).toMatchObject({ bac: 300000, ev: 135000, pv: 200000, ac: 150000, cv: -15000, sv: -65000 });
    expect(model.summary.evm.cpi).toBeCloseTo(0.9, 10); // 135000 / 150000
    expect(model.summary.evm.spi).toBeCloseTo(0.675, 10); // 135000 / 200000
  });

  it('sums budgets and counts statuses and phases', () => {
    // No changes: approved = baseline. Forecast 110000 + 200000 = 310000 against 300000 approved: +10000, 3.3%
    expect(model.summary.budget).toEqual({ baseline: 300000, approved: 300000, forecast: 310000, actual: 150000, variance: 10000, variance_pct: 3.3, without_forecast: 0 });
    expect(model.summary.by_rag).toEqual({ green: 1, amber: 0, red: 1, none: 0 });
    expect(model.summary.by_phase).toEqual([
      { phase: 'initiation', count: 0 },
      { phase: 'planning', count: 1 },
      { phase: 'execution', count: 1 },
      { phase: 'closing', count: 0 },
      { phase: 'closed', count: 1 },
    ]);
    expect([model.summary.projects, model.summary.active]).toEqual([3, 2]);
  });

  it('lists what needs attention: overdue milestones, stale updates, top risks', () => {
    // beta M1 (baseline 2026-06-30, 40% done) is 143 days overdue; alpha M2 is forecast for 2026-11-10: 10 days.
    // The longest overdue first.
    expect(model.summary.milestones_overdue).toEqual([
      { project: 'beta', project_name: 'Beta', id: 'M1', name: 'Plan', due: '2026-06-30', days_overdue: 143 },
      { project: 'alpha', project_name: 'Alpha', id: 'M2', name: 'Build', due: '2026-11-10', days_overdue: 10 },
    ]);
    // beta's update of 2026-11-01 is 19 days old (> 7)
    expect(model.summary.stale_status.map((s) => [s.project, s.age_days])).toEqual([['beta', 19]]);
    expect(model.summary.top_risks).toMatchObject([{ project: 'alpha', project_name: 'Alpha', id: 'R1', exposure: 16, high: true, owner: { id: 'jdoe', name: 'Jane Doe' } }]);
  });

  it('shows each project with its own measures, names resolved and ordered by id', () => {
    expect(model.projects.map((p) => p.id)).toEqual(['alpha', 'beta', 'gamma']);
    const [a] = model.projects;
    expect(a!.manager).toEqual({ id: 'jdoe', name: 'Jane Doe' });
    expect(a!.rag.overall).toBe('red');
    expect(a!.rag_trend).toEqual([2, 1]);
    expect(a!.slip_days).toBe(20); // 2026-12-31 → 2027-01-20
    expect(a!.budget.variance_pct).toBe(10);
    expect(a!.evm.cpi).toBeCloseTo(1.5, 10); // 75000 / 50000
    expect(a!.milestones.map((m) => m.state)).toEqual(['done', 'overdue']);
    expect(a!.findings).toMatchObject({ errors: 1, warnings: 1, waived: 0 });
    expect(model.projects[1]!.manager).toEqual({ id: 'asmith', name: null });
  });

  it('sums money in the portfolio currency only, and names the projects it leaves out', () => {
    const usd = { ...beta, id: 'delta', name: 'Delta', currency: 'USD', budget: { baseline: 7, actual: 7, forecast: 7 } } satisfies Project;
    const mixed = buildReportModel({
      kind: 'weekly', today: TODAY, config, findings,
      data: { ...data, projects: [...data.projects, { path: 'projects/delta.yaml', data: usd }] },
    }) as WeeklyModel;
    expect(mixed.summary.budget).toEqual(model.summary.budget);
    expect(mixed.summary.evm).toEqual(model.summary.evm);
    expect(mixed.summary.other_currency).toEqual([{ project: 'delta', project_name: 'Delta', currency: 'USD' }]);
    expect(mixed.summary.by_rag.green).toBe(2); // still counted where money is not involved
  });

  it('says which files it left out', () => {
    expect(model.left_out).toEqual(data.leftOut);
  });

  it('never carries NaN or Infinity (JSON would turn them into null silently)', () => {
    const walk = (v: unknown): void => {
      if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(model);
  });
});

describe('the audit model', () => {
  const model = build('audit') as AuditModel;

  it('scores projects and ranks their managers', () => {
    // alpha: 100 - 10 (error) - 3 (warning) = 87; beta: the waived error does not count = 100; gamma 100
    expect(model.compliance.projects.map((p) => [p.project, p.score])).toEqual([['alpha', 87], ['beta', 100], ['gamma', 100]]);
    // asmith: beta 100; jdoe: mean(87, 100) = 93.5
    expect(model.compliance.managers.map((m) => [m.manager, m.score, m.rank])).toEqual([['asmith', 100, 1], ['jdoe', 93.5, 2]]);
  });

  it('reports waivers in force, expiring within the warning window, and what they hide', () => {
    expect(model.governance.waivers.in_force).toMatchObject([{ rule: 'status-fresh', project: 'beta', days_left: 5, hides: 1 }]);
    expect(model.governance.waivers.expiring).toHaveLength(1);
    expect(model.governance).toMatchObject({ errors: 1, warnings: 1, waived: 1 });
  });
});

describe('money in several currencies', () => {
  // eu: EUR, approved 100,000, forecast 110,000. us: USD, approved 200,000, forecast 180,000.
  const eu = { id: 'eu', name: 'EU', manager: 'jdoe', phase: 'execution', dates: { start: '2026-01-05' }, budget: { baseline: 100000, actual: 0, forecast: 110000 } } satisfies Project;
  const us = { ...eu, id: 'us', name: 'US', currency: 'USD', budget: { baseline: 200000, actual: 0, forecast: 180000 } } satisfies Project;
  const portfolio = (pmo: Record<string, unknown>) =>
    (buildReportModel({
      kind: 'weekly', today: TODAY, config: configFrom({ version: 1, currency: 'EUR', ...pmo }), findings: [],
      data: { ...data, projects: [{ path: 'projects/eu.yaml', data: eu }, { path: 'projects/us.yaml', data: us }], leftOut: [], brokenProjects: [] },
    }) as WeeklyModel).summary;

  it('without a rate, totals stay in the reporting currency and the other is totalled apart', () => {
    const summary = portfolio({});
    expect(summary.budget).toMatchObject({ approved: 100000, forecast: 110000, variance: 10000 });
    expect(summary.other_currency).toEqual([{ project: 'us', project_name: 'US', currency: 'USD' }]);
    expect(summary.other_currency_totals).toEqual([{ currency: 'USD', projects: 1, budget: expect.objectContaining({ approved: 200000, forecast: 180000, variance: -20000 }) }]);
  });

  it("with pmo.yaml's rate, the other currency is converted into the totals", () => {
    // 1 USD = 0.9 EUR: approved 100,000 + 180,000 = 280,000; forecast 110,000 + 162,000 = 272,000; variance 10,000 - 18,000 = -8,000
    const summary = portfolio({ exchange_rates: { USD: 0.9 } });
    expect(summary.budget).toMatchObject({ approved: 280000, forecast: 272000, variance: -8000 });
    expect(summary.budget.variance_pct).toBeCloseTo((-8000 / 280000) * 100, 1);
    expect(summary.other_currency).toEqual([]);
  });
});
