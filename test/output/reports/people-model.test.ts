/**
 * The people report and the scorecards on a portfolio small enough to work out by hand: the numbers in the
 * comments are the definitions of docs/metrics.md done on paper, not the code's output.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/findings.js';
import { configFrom } from '../../../src/model/config.js';
import type { PortfolioData } from '../../../src/load/portfolio-data.js';
import type { Project } from '../../../src/model/schemas/project.js';
import { buildReportModel, type AuditModel, type PeopleModel } from '../../../src/output/reports/model/index.js';

const TODAY = '2026-11-20';

// BAC 200,000, AC 80,000; M1 met (done before its baseline), M2 done 4 days late, M3 not due. Step PV: M1 and
// M2's baselines are past, so PV = EV = 200,000 x 2/3: SPI 1, CPI 133,333 / 80,000 = 1.667.
const alpha = {
  id: 'alpha', name: 'Alpha', manager: 'jdoe', sponsor: 'asmith', phase: 'execution', goals: ['G1', 'G2'],
  department: 'IT', region: 'North',
  dates: { start: '2026-01-05', baseline_end: '2027-01-31', forecast_end: '2027-01-31' },
  budget: { baseline: 200000, actual: 80000 },
  milestones: [
    { id: 'M1', name: 'Design', baseline: '2026-02-01', actual: '2026-01-30' },
    { id: 'M2', name: 'Build', baseline: '2026-06-01', actual: '2026-06-05' },
    { id: 'M3', name: 'Go live', baseline: '2027-01-01' },
  ],
  team: [{ person: 'jdoe', allocation: 50 }],
  status: [{ date: '2026-11-18', overall: 'green', summary: 'On plan' }],
} as Project;

// BAC 100,000, AC 50,000; M1 due 2026-10-01, 40% done: EV 40,000, PV 100,000: SPI 0.4, CPI 0.8. Its newest
// update is 19 days old (stale: the limit is 7).
const beta = {
  id: 'beta', name: 'Beta', manager: 'bkim', sponsor: 'asmith', phase: 'planning', goals: ['G1'],
  department: 'IT', region: 'South',
  dates: { start: '2026-03-01', baseline_end: '2027-06-30' },
  budget: { baseline: 100000, actual: 50000 },
  milestones: [{ id: 'M1', name: 'Plan', baseline: '2026-10-01', progress: 40 }],
  status: [{ date: '2026-11-01', overall: 'green', summary: 'Planning' }],
} as Project;

const data: PortfolioData = {
  projects: [{ path: 'projects/alpha.yaml', data: alpha }, { path: 'projects/beta.yaml', data: beta }],
  requests: [],
  people: [
    { id: 'jdoe', name: 'Jane Doe', role: 'Project manager', department: 'PMO', trainings: [{ name: 'Risk management', date: '2025-01-10' }] },
    { id: 'asmith', name: 'Alex Smith', role: 'Sponsor' },
    { id: 'bkim', name: 'Bo Kim', role: 'project manager', trainings: [{ name: 'Risk management', date: '2024-12-01' }] },
  ],
  goals: [{ id: 'G1', title: 'Grow' }, { id: 'G2', title: 'Retire legacy' }],
  waivers: [],
  audits: [],
  leftOut: [],
  brokenProjects: [],
};

const finding = (file: string, rule: string, severity: Finding['severity'], waived = false): Finding => ({
  file, rule, severity, message: rule, line: 1, column: 1, endLine: 1, endColumn: 2,
  ...(waived ? { waived: { reason: 'Approved', approved_by: 'asmith', expires: '2026-12-31' } } : {}),
});
const findings = [
  finding('projects/alpha.yaml', 'manager-training', 'error'),
  finding('projects/alpha.yaml', 'milestone-slip', 'warn'),
  finding('projects/beta.yaml', 'status-fresh', 'error'),
  finding('projects/beta.yaml', 'milestone-overdue', 'warn'),
  finding('projects/beta.yaml', 'risk-has-owner', 'error', true),
];

// Risk management: every project manager, 24 months (jdoe's runs to 2027-01-10; bkim's expires 2026-12-01,
// in 11 days: expiring). Earned value management: the manager of a project of 150,000 or more (alpha).
const config = configFrom({
  version: 1, pmo_type: 'controlling', currency: 'EUR', pv_method: 'step', segments: ['region'],
  trainings: {
    warning_days: 30,
    required: [
      { name: 'Risk management', valid_months: 24, roles: ['Project manager'] },
      { name: 'Earned value management', managers: { budget: 150000 } },
    ],
  },
});
const build = (kind: string) => buildReportModel({ kind, today: TODAY, config, data, findings }, { weeks: 4 });

describe('pmo report people', () => {
  const model = build('people') as PeopleModel;
  const row = (id: string) => model.people.find((p) => p.id === id)!;

  it('lists everyone of people.yaml by id, with role, department, the projects they manage and their load', () => {
    expect(model.people.map((p) => p.id)).toEqual(['asmith', 'bkim', 'jdoe']);
    expect(row('jdoe')).toMatchObject({ role: 'Project manager', department: 'PMO', manages: ['alpha'], projects: ['alpha'], peak_load: 50, over_weeks: 0 });
    expect(row('bkim')).toMatchObject({ manages: ['beta'], projects: [], peak_load: 0 });
  });

  it('sorts each person’s required trainings by state', () => {
    expect(row('jdoe').trainings.valid.map((t) => [t.name, t.expires])).toEqual([['Risk management', '2027-01-10']]);
    expect(row('jdoe').trainings.missing.map((t) => t.name)).toEqual(['Earned value management']);
    expect(row('jdoe').training_compliance_pct).toBe(50);
    expect(row('bkim').trainings.expiring).toEqual([{ name: 'Risk management', date: '2024-12-01', expires: '2026-12-01', days_left: 11 }]);
    expect(row('asmith')).toMatchObject({ trainings_required: 0, training_compliance_pct: null, scorecard: null });
    expect(model.trainings).toMatchObject({ required: 3, valid: 1, expiring: 1, expired: 0, missing: 1, compliance_pct: 66.7 });
  });

  it('gives each manager their scorecard', () => {
    // jdoe: alpha's 1 of 2 due milestones met; CPI 1.667, SPI 1; its update is fresh; 2 findings, score
    // 100 - 10 - 3 = 87; trainings 1 valid of 2.
    expect(row('jdoe').scorecard).toMatchObject({
      projects: 1, milestones_met_pct: 50, cpi_avg: 1.667, spi_avg: 1, status_on_time_pct: 100, findings_per_project: 2, compliance_score: 87, training_compliance_pct: 50,
    });
    // bkim: 0 of 1 met; CPI 0.8, SPI 0.4; stale; the waived finding costs nothing: 87 again; Risk management expiring but valid.
    expect(row('bkim').scorecard).toMatchObject({
      milestones_met_pct: 0, cpi_avg: 0.8, spi_worst: 0.4, status_on_time_pct: 0, findings: 2, compliance_score: 87, training_compliance_pct: 100,
    });
  });
});

describe('segment scorecards', () => {
  const { segments } = (build('audit') as AuditModel).scorecards;
  const group = (segment: string, key: string) => segments.find((s) => s.segment === segment)!.groups.find((g) => g.key === key)!;

  it('compares department, sponsor, goal and pmo.yaml’s segments', () => {
    expect(segments.map((s) => [s.segment, s.groups.map((g) => g.key)])).toEqual([
      ['department', ['IT']], ['sponsor', ['asmith']], ['goal', ['G1', 'G2']], ['region', ['North', 'South']],
    ]);
    expect(group('sponsor', 'asmith').name).toBe('Alex Smith');
    expect(group('goal', 'G2')).toMatchObject({ name: 'Retire legacy', projects: 1 });
  });

  it('pools the projects of a group', () => {
    // IT = alpha + beta: 1 of 3 due milestones met; CPI (1.667 + 0.8) / 2 = 1.233, worst 0.8; SPI (1 + 0.4) / 2
    // = 0.7; 1 of 2 updates on time; 4 findings over 2 projects; trainings of jdoe and bkim: 2 of 3 valid.
    expect(group('department', 'IT')).toMatchObject({
      projects: 2, milestones_due: 3, milestones_met: 1, milestones_met_pct: 33.3, cpi_avg: 1.233, cpi_worst: 0.8, spi_avg: 0.7, spi_worst: 0.4,
      status_on_time_pct: 50, findings: 4, findings_per_project: 2, compliance_score: 87, training_compliance_pct: 66.7,
    });
  });

  it('names its pain points: the rules and categories with the most findings', () => {
    expect(group('department', 'IT').pain_points).toMatchObject({
      rules: [{ rule: 'manager-training', findings: 1 }, { rule: 'milestone-overdue', findings: 1 }, { rule: 'milestone-slip', findings: 1 }],
      categories: [{ category: 'schedule', findings: 2 }, { category: 'communication', findings: 1 }, { category: 'competence', findings: 1 }],
    });
  });
});
