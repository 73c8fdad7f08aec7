/**
 * One project, one set of numbers: each measure worked out by hand on a small project, and the rules that
 * judge the same thing held to it.
 */
import { describe, expect, it } from 'vitest';
import { configFrom } from '../../src/model/config.js';
import { measureProject, ProjectMeasures } from '../../src/metrics/measures.js';
import type { Project } from '../../src/model/schemas/project.js';
import budgetVariance from '../../src/rules/builtin/budget-variance.js';
import costOverBaseline from '../../src/rules/builtin/cost-over-baseline.js';
import scheduleSlip from '../../src/rules/builtin/schedule-slip.js';
import statusFresh from '../../src/rules/builtin/status-fresh.js';
import { project, runProjectRule } from './rule-context.js';

const TODAY = '2026-11-20';
const CONFIG = configFrom({});
const measure = (p: Project, today = TODAY) => measureProject(p, CONFIG, today);

/**
 * Baseline 300,000 and end 2026-09-30. CR1 (approved, +40,000, +20 days) was not put in the baselines: it
 * counts on top. CR2 (approved, +30,000, +10 days) lists both baselines under rebaselines: the PM already
 * moved them, so it is not counted again. CR3 is proposed, CR4 rejected: nothing.
 * Approved budget = 300,000 + 40,000 = 340,000; approved end = 2026-09-30 + 20 days = 2026-10-20.
 */
const changed = project('changed', {
  dates: { start: '2026-01-05', baseline_end: '2026-09-30', forecast_end: '2026-11-19' },
  budget: { baseline: 300000, actual: 250000, forecast: 391000 },
  changes: [
    { id: 'CR1', title: 'a', status: 'approved', cost_impact: 40000, schedule_impact_days: 20 },
    { id: 'CR2', title: 'b', status: 'approved', cost_impact: 30000, schedule_impact_days: 10, rebaselines: ['budget.baseline', 'dates.baseline_end'] },
    { id: 'CR3', title: 'c', status: 'proposed', cost_impact: 99000, schedule_impact_days: 99 },
    { id: 'CR4', title: 'd', status: 'rejected', cost_impact: 99000, schedule_impact_days: 99 },
  ],
});

describe('approved budget and end date', () => {
  it('count approved changes once: not those already moved into the baseline they list', () => {
    const m = measure(changed);
    expect(m.approvedChanges).toEqual({ cost: 40000, days: 20 });
    expect(m.approvedBudget).toBe(340000);
    expect(m.approvedEnd).toBe('2026-10-20');
  });

  it('budget variance: forecast cost less the approved budget, as a % of it', () => {
    // 391,000 - 340,000 = 51,000; 51,000 / 340,000 = 15%
    const variance = measure(changed).budgetVariance!;
    expect(variance.amount).toBe(51000);
    expect(variance.pct).toBeCloseTo(15, 10);
  });

  it('schedule slip: days from the approved end to the forecast end', () => {
    // 2026-10-20 -> 2026-11-19: 11 days to 10-31, then 19 = 30
    expect(measure(changed).scheduleSlip).toBe(30);
  });

  it('the rules report the same numbers', () => {
    const reports = [
      ...runProjectRule(budgetVariance, [changed], TODAY),
      ...runProjectRule(scheduleSlip, [changed], TODAY),
    ];
    expect(reports.map((r) => [r.messageId, r.data])).toEqual([
      ['over', { source: 'forecast', forecast: '391,000', excess: '51,000', variance: '15%', approved: '340,000', baseline: '300,000', changes: '40,000', limit: '10%' }],
      ['slip', { which: 'forecast', end: '2026-11-19', slip: 30, approved: '2026-10-20', baseline: '2026-09-30', covered: 20, limit: 14 }],
    ]);
  });

  it('a change moved into the baseline is not double-counted: the overrun and the slip are reported', () => {
    // Baseline raised 300,000 -> 330,000 for CR1 (+30,000) and the end moved 09-30 -> 10-10 for its 10 days;
    // CR1 lists both. Forecast 374,000: 44,000 over 330,000 = 13.3% (counting CR1 again: 360,000, 3.9%, silent).
    // Forecast end 2026-11-19: 40 days after 10-10 (counting CR1 again would measure from 10-20: 30 days).
    const moved = project('moved', {
      dates: { start: '2026-01-05', baseline_end: '2026-10-10', forecast_end: '2026-11-19' },
      budget: { baseline: 330000, forecast: 374000 },
      changes: [{ id: 'CR1', title: 'a', status: 'approved', cost_impact: 30000, schedule_impact_days: 10, rebaselines: ['budget.baseline', 'dates.baseline_end'] }],
    });
    const m = measure(moved);
    expect(m.approvedBudget).toBe(330000);
    expect(m.budgetVariance!.pct).toBeCloseTo((44000 / 330000) * 100, 10);
    expect(m.scheduleSlip).toBe(40);
    expect(runProjectRule(budgetVariance, [moved], TODAY).map((r) => r.data?.variance)).toEqual(['13.3%']);
  });

  it('cost-over-baseline judges the actual against the same approved budget', () => {
    // Actual 345,000 against 340,000: 5,000 over.
    const over = { ...changed, budget: { ...changed.budget, actual: 345000 } };
    expect(runProjectRule(costOverBaseline, [over], TODAY).map((r) => r.data?.over)).toEqual(['5,000']);
    expect(runProjectRule(costOverBaseline, [changed], TODAY)).toEqual([]);
  });
});

describe('forecast cost', () => {
  it("is the PM's forecast when given, else the EAC", () => {
    expect(measure(changed).forecastCost).toEqual({ amount: 391000, source: 'forecast' });
    // No forecast: BAC 340,000; one milestone, 50% done: EV 170,000; AC 250,000: CPI 0.68; EAC = 340,000 / 0.68 = 500,000
    const noForecast = { ...changed, budget: { baseline: 300000, actual: 250000 }, milestones: [{ id: 'M1', name: 'a', baseline: '2027-01-01', progress: 50 }] };
    const cost = measure(noForecast).forecastCost!;
    expect(cost.source).toBe('EAC');
    expect(cost.amount).toBeCloseTo(500000, 6);
  });

  it('is null with neither', () => {
    expect(measure(project('p', { budget: { baseline: 1000 } })).forecastCost).toBeNull();
    expect(measure(project('p', { budget: { baseline: 1000 } })).budgetVariance).toBeNull();
  });
});

describe('open issues and risks', () => {
  const p = project('p', {
    issues: [
      { id: 'I1', title: 'open' },
      { id: 'I2', title: 'closed', status: 'closed' },
      { id: 'I3', title: 'resolved, status not updated', status: 'open', resolved: '2026-11-01' },
      { id: 'I4', title: 'open too', status: 'open' },
    ],
    risks: [
      { id: 'R1', title: 'a', probability: 2, impact: 3 },
      { id: 'R2', title: 'b', probability: 5, impact: 4, status: 'open' },
      { id: 'R3', title: 'c', probability: 5, impact: 5, status: 'closed' },
      { id: 'R4', title: 'd', probability: 3, impact: 5 },
    ],
  });

  it('an issue is open unless closed or resolved', () => {
    expect(measure(p).openIssues.map((i) => i.id)).toEqual(['I1', 'I4']);
  });

  it('open risks by exposure, highest first; high from risk_high_exposure (15)', () => {
    expect(measure(p).openRisks.map((r) => [r.risk.id, r.exposure, r.high])).toEqual([['R2', 20, true], ['R4', 15, true], ['R1', 6, false]]);
  });
});

describe('status freshness', () => {
  const withStatus = (phase: string, date?: string) => project('p', { phase, status: date ? [{ date, overall: 'green' }] : [] });

  it('stale when a running project past initiation has none, or one older than 7 days', () => {
    expect(measure(withStatus('execution', '2026-11-13')).status.stale).toBe(false); // 7 days: not older
    expect(measure(withStatus('execution', '2026-11-12')).status.stale).toBe(true); // 8 days
    expect(measure(withStatus('planning')).status.stale).toBe(true);
  });

  it('initiation and closed projects owe none, and status-fresh agrees', () => {
    const exempt = [withStatus('initiation'), withStatus('closed', '2025-01-01'), withStatus('initiation', '2025-01-01')];
    expect(exempt.map((p) => measure(p).status.stale)).toEqual([false, false, false]);
    expect(runProjectRule(statusFresh, exempt, TODAY)).toEqual([]);
    expect(runProjectRule(statusFresh, [withStatus('planning'), withStatus('execution', '2026-11-12')], TODAY).map((r) => r.messageId)).toEqual(['none', 'stale']);
  });
});

describe('a closed project is measured on its actual end', () => {
  // Closed 2026-06-30, all done. Baselines: M1 2026-03-31, M2 2026-06-30. Measured on 06-30, SPI = 1;
  // nothing is overdue, whatever today is.
  const closed = project('p', {
    phase: 'closed',
    dates: { start: '2026-01-01', baseline_end: '2026-06-30', actual_end: '2026-06-30' },
    budget: { baseline: 1000, actual: 1000 },
    milestones: [
      { id: 'M1', name: 'a', baseline: '2026-03-31', actual: '2026-03-31' },
      { id: 'M2', name: 'b', baseline: '2026-06-30', progress: 100 },
    ],
  });

  it('its SPI and slip are those of its last day, and nothing is overdue after it', () => {
    for (const today of ['2026-07-01', '2027-12-31']) {
      const m = measure(closed, today);
      expect(m.measuredOn).toBe('2026-06-30');
      expect(m.evm.spi).toBe(1);
      expect(m.scheduleSlip).toBe(0);
      expect(m.overdueMilestones).toEqual([]);
    }
  });

  it('reads no day: its findings hold on every day', () => {
    let reads = 0;
    const m = new ProjectMeasures(closed, { config: CONFIG, today: () => ((reads += 1), TODAY) });
    void [m.evm, m.scheduleSlip, m.budgetVariance, m.status.stale, m.openIssues];
    expect(reads).toBe(0);
  });

  it('a running project reads the day for each measure that depends on it, every time it is read', () => {
    let reads = 0;
    const m = new ProjectMeasures({ ...closed, phase: 'execution' }, { config: CONFIG, today: () => ((reads += 1), TODAY) });
    void m.approvedBudget;
    expect(reads).toBe(0);
    void m.evm;
    const once = reads;
    expect(once).toBeGreaterThan(0);
    void m.evm;
    expect(reads).toBeGreaterThan(once); // a kept measure that read the day says so again
  });
});

describe('the cost side of earned value, and the days findings hold until', () => {
  // BAC 1,000; M1 done, M2 40% (equal weights): EV = 1,000 x 1.4 / 2 = 700; AC 800: CPI 0.875, EAC 1,142.857...,
  // TCPI = (1,000 - 700) / (1,000 - 800) = 1.5. PV moves with the day (M2's span runs 2026-03-31 to 2026-12-31).
  const running = project('p', {
    phase: 'execution',
    dates: { start: '2026-01-01', baseline_end: '2026-12-31' },
    budget: { baseline: 1000, actual: 800 },
    milestones: [
      { id: 'M1', name: 'a', baseline: '2026-03-31', actual: '2026-03-31' },
      { id: 'M2', name: 'b', baseline: '2026-12-31', forecast: '2026-12-20', progress: 40 },
    ],
    status: [{ date: '2026-11-13', overall: 'green' }],
    revenue: [
      { id: 'B1', amount: 100, due: '2026-11-25' },
      { id: 'B2', amount: 100, due: '2026-10-01', invoiced: '2026-11-10' },
      { id: 'B3', amount: 100, due: '2026-10-01', invoiced: '2026-10-01', received: '2026-10-20' },
    ],
  });

  it('CPI, EAC and TCPI read no day, and are those of the day-bound EVM', () => {
    let reads = 0;
    const m = new ProjectMeasures(running, { config: CONFIG, today: () => ((reads += 1), TODAY) });
    const cost = m.costPerformance;
    expect(reads).toBe(0);
    expect([cost.ev, cost.ac, cost.cpi, cost.tcpi]).toEqual([700, 800, 0.875, 1.5]);
    expect(cost.eac).toBeCloseTo(1142.857, 3);
    const { pv, sv, spi, ...same } = m.evm;
    expect(reads).toBeGreaterThan(0);
    expect(same).toEqual(cost);
  });

  it('the next milestone falls overdue the day after it is due; the status goes stale 8 days after it', () => {
    expect(measure(running).nextOverdueMilestoneDay).toBe('2026-12-21'); // M2's forecast is its due date
    expect(measure(running, '2026-12-21').nextOverdueMilestoneDay).toBeNull();
    expect(measure(running).status.staleFrom).toBe('2026-11-21'); // 2026-11-13 + 7 days + 1
  });

  it('a billing milestone falls overdue the day after it is due, or after its invoice\'s 45 payment days (the default); never once paid', () => {
    const m = measure(running);
    const [b1, b2, b3] = running.revenue!;
    expect(m.billingOverdueFrom(b1!)).toBe('2026-11-26');
    expect(m.billingOverdueFrom(b2!)).toBe('2026-12-26'); // 2026-11-10 + 45 days = 2026-12-25, + 1
    expect(m.billingOverdueFrom(b3!)).toBeNull();
    expect(measure(running, '2026-12-26').billingOverdueFrom(b2!)).toBeNull(); // overdue already
    // Invoiced and paid: never overdue, whatever the day, and the day is not read for it.
    let reads = 0;
    const counting = new ProjectMeasures(running, { config: CONFIG, today: () => ((reads += 1), TODAY) });
    expect(counting.billingOverdueFrom(b3!)).toBeNull();
    expect(reads).toBe(0);
  });
});

describe('on hold and cancelled', () => {
  const hold = { since: '2026-10-01', reason: 'Budget freeze', decided_by: 'asmith', review_by: '2026-12-01' };
  const base = project('p', { phase: 'execution', status: [{ date: '2026-09-01', overall: 'green' }], milestones: [{ id: 'M1', name: 'a', baseline: '2026-10-01' }] });

  it('the state: a hold without until holds the project; a cancellation finishes it, whatever its phase', () => {
    expect(measure(base).state).toBe('active');
    expect(measure({ ...base, holds: [hold] }).state).toBe('on_hold');
    expect(measure({ ...base, holds: [{ ...hold, until: '2026-11-01', resumed_by: 'asmith' }] }).state).toBe('active');
    const cancelled = measure({ ...base, holds: [hold], cancelled: { on: '2026-11-02', reason: 'Merged', decided_by: 'asmith' } });
    expect([cancelled.state, cancelled.finished, cancelled.measuredOn]).toEqual(['cancelled', true, '2026-11-02']);
  });

  it('while held, no status is owed and nothing is overdue', () => {
    const running = measure(base);
    expect([running.status.stale, running.overdueMilestones.map((m) => m.id)]).toEqual([true, ['M1']]);
    const held = measure({ ...base, holds: [hold] });
    expect([held.status.stale, held.overdueMilestones]).toEqual([false, []]);
  });

  it('the weekly counts held and cancelled projects apart from the active ones', async () => {
    const { buildReportModel } = await import('../../src/output/reports/model/index.js');
    const projects = [
      { path: 'projects/a.yaml', data: { ...base, id: 'a' } },
      { path: 'projects/h.yaml', data: { ...base, id: 'h', holds: [hold] } },
      { path: 'projects/c.yaml', data: { ...base, id: 'c', cancelled: { on: '2026-11-02', reason: 'Merged', decided_by: 'asmith' } } },
    ];
    const model = buildReportModel({
      kind: 'weekly', today: TODAY, config: CONFIG, findings: [],
      data: { projects, requests: [], people: [], goals: [], waivers: [], audits: [], leftOut: [], brokenProjects: [] },
    }) as { summary: { projects: number; active: number; on_hold: Array<{ project: string; review_by: string }>; cancelled: Array<{ project: string; on: string }>; stale_status: Array<{ project: string }> } };
    expect([model.summary.projects, model.summary.active]).toEqual([3, 1]);
    expect(model.summary.on_hold.map((h) => [h.project, h.review_by])).toEqual([['h', '2026-12-01']]);
    expect(model.summary.cancelled.map((c) => [c.project, c.on])).toEqual([['c', '2026-11-02']]);
    expect(model.summary.stale_status.map((s) => s.project)).toEqual(['a']);
  });
});
