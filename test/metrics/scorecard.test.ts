/** Scorecard figures on groups small enough to work out by hand (the comments are the sums done on paper). */
import { describe, expect, it } from 'vitest';
import type { ActionRow } from '../../src/metrics/audit-actions.js';
import { groupBy, painPoints, scorecard, type ScoredProject } from '../../src/metrics/scorecard.js';

const action = (standing: Partial<ActionRow['standing']>): ActionRow =>
  ({ audit: 'q3', auditDate: '2026-10-15', project: null, standing: { overdue: false, closedOn: null, closedOnTime: null, ...standing } }) as ActionRow;

const project = (id: string, over: Partial<ScoredProject> & { cpi?: number | null; spi?: number | null; owed?: boolean; stale?: boolean; due?: number; met?: number }): ScoredProject => ({
  id,
  manager: over.manager ?? 'jdoe',
  segments: over.segments ?? {},
  measures: {
    baselineMilestones: { due: over.due ?? 0, met: over.met ?? 0 },
    evm: { cpi: over.cpi ?? null, spi: over.spi ?? null } as never,
    status: { required: over.owed ?? false, stale: over.stale ?? false } as never,
  },
  findings: over.findings ?? { errors: 0, warnings: 0, infos: 0 },
  findingRules: over.findingRules ?? [],
  actions: over.actions ?? [],
});

const a = project('a', {
  due: 3, met: 1, cpi: 0.8, spi: 1.1, owed: true, stale: false,
  findings: { errors: 1, warnings: 2, infos: 0 },
  actions: [action({ closedOn: '2026-11-01', closedOnTime: true }), action({ closedOn: '2026-11-10', closedOnTime: false }), action({ overdue: true })],
});
const b = project('b', { due: 1, met: 1, cpi: 1.0, owed: true, stale: true, findings: { errors: 0, warnings: 0, infos: 1 }, actions: [action({})] });
const c = project('c', { findings: { errors: 3, warnings: 0, infos: 0 } });

describe('scorecard', () => {
  const card = scorecard('jdoe', [a, b, c], [{ state: 'valid' }, { state: 'expiring' }, { state: 'expired' }, { state: 'missing' }, { state: 'valid' }]);

  it('counts milestones met on their baseline of those due: (1 + 1) of (3 + 1) = 50%', () => {
    expect(card).toMatchObject({ projects: 3, milestones_due: 4, milestones_met: 2, milestones_met_pct: 50 });
  });

  it('averages CPI and SPI over the projects that have one, and names the worst', () => {
    // CPI (0.8 + 1.0) / 2 = 0.9, worst 0.8; SPI only a's 1.1.
    expect(card).toMatchObject({ cpi_avg: 0.9, cpi_worst: 0.8, spi_avg: 1.1, spi_worst: 1.1 });
  });

  it('counts status on time among the projects that owe updates: 1 of 2', () => {
    expect(card).toMatchObject({ status_owed: 2, status_on_time: 1, status_on_time_pct: 50 });
  });

  it('gives findings per project and the mean compliance score', () => {
    // 3 + 1 + 3 = 7 findings over 3 projects = 2.3; scores 100-10-6 = 84, 100-1 = 99, 100-30 = 70: mean 84.3.
    expect(card).toMatchObject({ findings: 7, findings_per_project: 2.3, compliance_score: 84.3 });
  });

  it('judges actions closed or past due: 1 on time of 3 (an open one not yet due is not judged)', () => {
    expect(card).toMatchObject({ actions_due: 3, actions_on_time: 1, actions_on_time_pct: 33.3 });
  });

  it('counts trainings held valid, expiring ones included: 3 of 5', () => {
    expect(card).toMatchObject({ trainings_required: 5, trainings_valid: 3, training_compliance_pct: 60 });
  });

  it('says n/a (null) for what an empty group cannot measure', () => {
    expect(scorecard('none', [c], [])).toMatchObject({ milestones_met_pct: null, cpi_avg: null, status_on_time_pct: null, actions_on_time_pct: null, training_compliance_pct: null, compliance_score: 70 });
  });
});

describe('segments and pain points', () => {
  it('puts a project in every group of its values, groups in key order', () => {
    const x = project('x', { segments: { goal: ['G2', 'G1'] } });
    const y = project('y', { segments: { goal: ['G1'] } });
    expect(groupBy([x, y], (p) => p.segments.goal ?? []).map(([key, list]) => [key, list.map((p) => p.id)])).toEqual([['G1', ['x', 'y']], ['G2', ['x']]]);
  });

  it('names the rules and categories with the most findings, most first, ties by name, three at most', () => {
    const rules = (...ids: string[]) => ids.map((rule) => ({ rule, category: rule.split('-')[0]! }));
    const x = project('x', { findingRules: rules('risk-owner', 'risk-owner', 'cost-over', 'status-fresh') });
    const y = project('y', { findingRules: rules('risk-review', 'cost-over', 'audit-due') });
    const none = { previous: null, change: null };
    expect(painPoints([x, y])).toEqual({
      rules: [{ rule: 'cost-over', findings: 2, ...none }, { rule: 'risk-owner', findings: 2, ...none }, { rule: 'audit-due', findings: 1, ...none }],
      categories: [{ category: 'risk', findings: 3, ...none }, { category: 'cost', findings: 2, ...none }, { category: 'audit', findings: 1, ...none }],
    });
  });

  it('counts each of them again among the projects of before, and gives the change', () => {
    const rules = (...ids: string[]) => ids.map((rule) => ({ rule, category: rule.split('-')[0]! }));
    const now = project('x', { findingRules: rules('risk-owner', 'risk-owner', 'cost-over') });
    const then = [project('x', { findingRules: rules('risk-owner', 'cost-over', 'cost-over', 'cost-log') }), project('z', { findingRules: rules('risk-review') })];
    // risk-owner 2 now, 1 then: +1; cost-over 1 now, 2 then: -1. Categories: risk 2 now, 2 then; cost 1 now, 3 then.
    expect(painPoints([now], then)).toEqual({
      rules: [{ rule: 'risk-owner', findings: 2, previous: 1, change: 1 }, { rule: 'cost-over', findings: 1, previous: 2, change: -1 }],
      categories: [{ category: 'risk', findings: 2, previous: 2, change: 0 }, { category: 'cost', findings: 1, previous: 3, change: -2 }],
    });
  });
});
