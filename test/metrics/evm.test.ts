import { describe, expect, it } from 'vitest';
import { configFrom } from '../../src/model/config.js';
import { measureProject } from '../../src/metrics/measures.js';
import { earnedSchedule, earnedValueOf, evmInputs, portfolioEarnedValue } from '../../src/metrics/evm.js';
import type { Project } from '../../src/model/schemas/project.js';
import { project } from './rule-context.js';

const TODAY = '2026-11-20';
const STEP = configFrom({ pv_method: 'step' });
const LINEAR = configFrom({});
const evmOf = (p: Project, config = STEP, today = TODAY) => measureProject(p, config, today).evm;
const inputsOf = (p: Project, config = STEP) => measureProject(p, config, TODAY).evmInputs;

describe('earned value of a project', () => {
  it("works FORMAT.md's apollo example by the weighted-milestone method", () => {
    // BAC 500,000; AC 320,000. M1 (weight 10) is done; M2 (weight 40) is 60% done. Both baselines are past.
    // EV = 500,000 x (10 x 1 + 40 x 0.6) / 50 = 500,000 x 34/50 = 340,000
    // PV = 500,000 x 50/50 = 500,000 (both baselines past: the same by either PV method)
    // CV = 340,000 - 320,000 = 20,000; SV = 340,000 - 500,000 = -160,000
    // CPI = 340,000 / 320,000 = 1.0625; SPI = 340,000 / 500,000 = 0.68
    // EAC = 500,000 / 1.0625 = 470,588.24; ETC = 470,588.24 - 320,000 = 150,588.24; VAC = 29,411.76
    // TCPI = (500,000 - 340,000) / (500,000 - 320,000) = 160,000 / 180,000 = 0.8889
    const apollo = project('apollo', {
      budget: { baseline: 500000, actual: 320000 },
      milestones: [
        { id: 'M1', name: 'Requirements', baseline: '2026-02-27', actual: '2026-03-06', weight: 10 },
        { id: 'M2', name: 'Data migrated', baseline: '2026-07-31', forecast: '2026-10-15', progress: 60, weight: 40 },
      ],
    });
    for (const config of [STEP, LINEAR]) {
      const ev = evmOf(apollo, config);
      expect(ev).toMatchObject({ bac: 500000, pv: 500000, ev: 340000, ac: 320000, cv: 20000, sv: -160000, cpi: 1.0625, spi: 0.68 });
      expect(ev.eac).toBeCloseTo(470588.24, 2);
      expect(ev.etc).toBeCloseTo(150588.24, 2);
      expect(ev.vac).toBeCloseTo(29411.76, 2);
      expect(ev.tcpi).toBeCloseTo(0.8889, 4);
    }
  });

  it("gives PMI's worked example: BAC 5,000,000, EV 1,500,000, AC 1,800,000", () => {
    // One milestone, 30% done: EV = 5,000,000 x 0.3 = 1,500,000. CPI = 1.5/1.8 = 0.8333; EAC = 5,000,000 / 0.8333 = 6,000,000;
    // ETC = 6,000,000 - 1,800,000 = 4,200,000; VAC = -1,000,000; TCPI = 3,500,000 / 3,200,000 = 1.09375
    const ev = evmOf(project('pmi', { budget: { baseline: 5000000, actual: 1800000 }, milestones: [{ id: 'M1', name: 'All', baseline: '2027-06-30', progress: 30 }] }));
    expect(ev.ev).toBe(1500000);
    expect(ev.cpi).toBeCloseTo(0.8333, 4);
    expect(ev.eac).toBeCloseTo(6000000, 2);
    expect(ev.etc).toBeCloseTo(4200000, 2);
    expect(ev.vac).toBeCloseTo(-1000000, 2);
    expect(ev.tcpi).toBeCloseTo(1.09375, 5);
  });

  it('once the budget is spent, TCPI is the TCPI to the EAC: (BAC - EV) / (EAC - AC)', () => {
    // BAC 1,000, AC 1,200, one milestone 50%: EV 500; CPI 500/1,200 = 0.41667; EAC = 1,000 / 0.41667 = 2,400;
    // TCPI = (1,000 - 500) / (2,400 - 1,200) = 500 / 1,200 = 0.41667 (not (1,000 - 500)/(1,000 - 1,200) = -2.5)
    const ev = evmOf(project('p', { budget: { baseline: 1000, actual: 1200 }, milestones: [{ id: 'M1', name: 'a', baseline: '2027-01-01', progress: 50 }] }));
    expect(ev.eac).toBeCloseTo(2400, 6);
    expect(ev.tcpi).toBeCloseTo(500 / 1200, 6);
    // AC exactly the BAC: the same, EAC 2,000 with EV 500 -> CPI 0.5; TCPI = 500 / (2,000 - 1,000) = 0.5
    const spent = evmOf(project('p', { budget: { baseline: 1000, actual: 1000 }, milestones: [{ id: 'M1', name: 'a', baseline: '2027-01-01', progress: 50 }] }));
    expect(spent.tcpi).toBeCloseTo(0.5, 6);
  });

  it('gives null, never Infinity or NaN, for ratios over 0', () => {
    // AC 0: CPI = EV/0 is undefined, and so are EAC, ETC and VAC built on it. No milestones: EV and PV undefined.
    const ev = evmOf(project('p', { budget: { baseline: 1000, actual: 0 } }));
    expect(ev).toEqual({ bac: 1000, pv: null, ev: null, ac: 0, cv: null, sv: null, cpi: null, spi: null, eac: null, etc: null, vac: null, tcpi: null });
  });

  it('a BAC of 0 gives no EV, PV, CPI, SPI or EAC (null, not 0)', () => {
    const ev = evmOf(project('p', { budget: { baseline: 0, actual: 500 }, milestones: [{ id: 'M1', name: 'a', baseline: '2026-01-31', actual: '2026-01-30' }] }));
    expect(ev).toEqual({ bac: 0, pv: null, ev: null, ac: 500, cv: null, sv: null, cpi: null, spi: null, eac: null, etc: null, vac: null, tcpi: null });
  });

  it('the BAC is the approved budget: approved changes count unless they were put in the baseline', () => {
    // Baseline 300,000. CR1 approved +60,000 (not rebaselined): BAC 360,000. CR2 approved +30,000 but listing
    // budget.baseline under rebaselines (already in the 300,000): not added again. CR3 proposed: nothing.
    // One milestone, 50% done, AC 180,000: EV = 180,000, CPI = 1.00 (against the baseline alone it would be 0.83).
    const p = project('p', {
      budget: { baseline: 300000, actual: 180000 },
      milestones: [{ id: 'M1', name: 'a', baseline: '2027-01-01', progress: 50 }],
      changes: [
        { id: 'CR1', title: 'a', status: 'approved', cost_impact: 60000 },
        { id: 'CR2', title: 'b', status: 'approved', cost_impact: 30000, rebaselines: ['budget.baseline'] },
        { id: 'CR3', title: 'c', status: 'proposed', cost_impact: 99000 },
      ],
    });
    expect(evmOf(p)).toMatchObject({ bac: 360000, ev: 180000, ac: 180000, cpi: 1 });
  });
});

describe('planned value over a milestone span (DOMAIN.md)', () => {
  // Start 2026-01-01. M1 (weight 1) baseline 2026-01-31; M2 (weight 3) baseline 2026-03-02 (30 days after M1:
  // 2026-01-31 -> 03-02 is 29 + 1 days). BAC 1,200, nothing done.
  const p = project('p', {
    dates: { start: '2026-01-01' },
    budget: { baseline: 1200, actual: 0 },
    milestones: [
      { id: 'M2', name: 'b', baseline: '2026-03-02', weight: 3 },
      { id: 'M1', name: 'a', baseline: '2026-01-31', weight: 1 },
    ],
  });
  const pv = (day: string, config = LINEAR) => measureProject(p, config, day).evm.pv;

  it('accrues each milestone linearly from the previous baseline (the start for the first) to its own', () => {
    expect(pv('2025-12-15')).toBe(0); // before the start
    expect(pv('2026-01-01')).toBe(0);
    // 2026-01-16: M1 is 15/30 planned: PV = 1,200 x (1 x 0.5) / 4 = 150
    expect(pv('2026-01-16')).toBeCloseTo(150, 9);
    expect(pv('2026-01-31')).toBeCloseTo(300, 9); // M1 fully planned: 1,200 x 1/4
    // 2026-02-15: M2 is 15/30 into its span: 1,200 x (1 + 3 x 0.5) / 4 = 750
    expect(pv('2026-02-15')).toBeCloseTo(750, 9);
    expect(pv('2026-03-02')).toBeCloseTo(1200, 9);
    expect(pv('2026-12-31')).toBeCloseTo(1200, 9);
  });

  it("pv_method: step plans a milestone's whole weight on its baseline day", () => {
    expect(pv('2026-01-30', STEP)).toBe(0);
    expect(pv('2026-01-31', STEP)).toBe(300);
    expect(pv('2026-03-01', STEP)).toBe(300);
    expect(pv('2026-03-02', STEP)).toBe(1200);
  });

  it('a milestone without a baseline is never planned, but its weight counts', () => {
    const q = project('q', { dates: { start: '2026-01-01' }, budget: { baseline: 1000 }, milestones: [{ id: 'M1', name: 'a', baseline: '2026-01-11' }, { id: 'M2', name: 'b' }] });
    // 2026-01-06: M1 is 5/10 planned; PV = 1,000 x 0.5 / 2 = 250
    expect(measureProject(q, LINEAR, '2026-01-06').evm.pv).toBeCloseTo(250, 9);
  });
});

describe('the day the SPI turns (spiTurnsFrom)', () => {
  // As above, with M1 done: EV = 1,200 x 1/4 = 300, so SPI = 300 / PV.
  const p = project('p', {
    dates: { start: '2026-01-01' },
    budget: { baseline: 1200, actual: 0 },
    milestones: [
      { id: 'M1', name: 'a', baseline: '2026-01-31', weight: 1, actual: '2026-01-30' },
      { id: 'M2', name: 'b', baseline: '2026-03-02', weight: 3 },
    ],
  });
  const below = (limit: number) => (spi: number | null) => spi !== null && spi < limit;
  const turns = (day: string, test: (spi: number | null) => boolean, config = LINEAR) => measureProject(p, config, day).spiTurnsFrom(test);

  it('is the first day the test holds, as PV grows over the days to the last baseline', () => {
    // From 2026-01-31, PV = 300 + 900 x d / 30 on day d of M2's span: SPI < 0.8 once PV > 375, d > 2.5: day 3.
    expect(turns('2026-01-31', below(0.8))).toBe('2026-02-03');
    // SPI < 0.3 once PV > 1,000: 30 d > 700, d > 23.3: day 24, 2026-02-24.
    expect(turns('2026-01-31', below(0.3))).toBe('2026-02-24');
    // Shown as 0.29 on day 25 (PV 1,050, SPI 0.2857): as another value once SPI < 0.285, PV > 1,052.6, d > 25.09.
    expect(turns('2026-02-25', (spi) => spi!.toFixed(2) !== '0.29')).toBe('2026-02-26');
  });

  it("with pv_method: step, is M2's baseline day, when PV jumps", () => {
    expect(turns('2026-02-01', below(0.8), STEP)).toBe('2026-03-02');
  });

  it('is never when the test does not hold at the last baseline (SPI 0.25 there), or the day is past it', () => {
    expect(turns('2026-01-31', below(0.25))).toBeNull();
    expect(turns('2026-03-02', below(0.8))).toBeNull();
    expect(turns('2026-04-01', below(0.8))).toBeNull();
  });
});

describe('portfolioEarnedValue', () => {
  // alpha: BAC 1,000, AC 500. M1 (w1) done; M2 (w1) baseline past, 50% done; M3 (w2) baseline ahead.
  //   EV = 1,000 x (1 + 0.5) / 4 = 375; PV (step) = 1,000 x 2/4 = 500.
  const alpha = project('alpha', {
    budget: { baseline: 1000, actual: 500 },
    milestones: [
      { id: 'M1', name: 'a', baseline: '2026-03-01', actual: '2026-03-01' },
      { id: 'M2', name: 'b', baseline: '2026-10-01', progress: 50 },
      { id: 'M3', name: 'c', baseline: '2027-02-01', weight: 2 },
    ],
  });
  // beta: BAC 3,000, AC 1,000. M1 (w1) done and due; M2 (w1) ahead, 0%.  EV = 3,000 x 1/2 = 1,500; PV = 1,500.
  const beta = project('beta', {
    budget: { baseline: 3000, actual: 1000 },
    milestones: [
      { id: 'M1', name: 'a', baseline: '2026-06-01', actual: '2026-06-03' },
      { id: 'M2', name: 'b', baseline: '2027-01-01' },
    ],
  });
  // gamma has spent 999 but has no approved budget: it contributes nothing, AC included.
  const gamma = project('gamma', { budget: { actual: 999 }, milestones: [{ id: 'M1', name: 'a', baseline: '2026-01-01', actual: '2026-01-01' }] });

  it('sums BAC, PV, EV and AC and applies the project formulas to the sums', () => {
    // BAC = 4,000; PV = 500 + 1,500 = 2,000; EV = 375 + 1,500 = 1,875; AC = 500 + 1,000 = 1,500
    // CV = 1,875 - 1,500 = 375; SV = 1,875 - 2,000 = -125; CPI = 1,875/1,500 = 1.25; SPI = 1,875/2,000 = 0.9375
    // EAC = 4,000/1.25 = 3,200; ETC = 3,200 - 1,500 = 1,700; VAC = 4,000 - 3,200 = 800
    // TCPI = (4,000 - 1,875)/(4,000 - 1,500) = 2,125/2,500 = 0.85
    expect(portfolioEarnedValue([alpha, beta, gamma].map((p) => inputsOf(p)))).toEqual({
      bac: 4000, pv: 2000, ev: 1875, ac: 1500, cv: 375, sv: -125, cpi: 1.25, spi: 0.9375, eac: 3200, etc: 1700, vac: 800, tcpi: 0.85,
    });
  });

  it('agrees with the project figures for a single project', () => {
    expect(portfolioEarnedValue([inputsOf(alpha)])).toEqual(evmOf(alpha));
  });

  it('leaves a sum null when no contributing project has that quantity', () => {
    // delta: BAC 1,000, one milestone done and due: EV = PV = 1,000; no AC recorded.
    // AC null, so CV, CPI, EAC, ETC, VAC and TCPI are null; SV = 0, SPI = 1.
    const delta = project('delta', { budget: { baseline: 1000 }, milestones: [{ id: 'M1', name: 'a', baseline: '2026-05-01', actual: '2026-05-01' }] });
    expect(portfolioEarnedValue([delta, gamma].map((p) => inputsOf(p)))).toEqual({
      bac: 1000, pv: 1000, ev: 1000, ac: null, cv: null, sv: 0, cpi: null, spi: 1, eac: null, etc: null, vac: null, tcpi: null,
    });
  });

  it('is all null when no project has an approved budget', () => {
    const empty = { bac: null, pv: null, ev: null, ac: null, cv: null, sv: null, cpi: null, spi: null, eac: null, etc: null, vac: null, tcpi: null };
    expect(portfolioEarnedValue([])).toEqual(empty);
    expect(portfolioEarnedValue([gamma, project('none')].map((p) => inputsOf(p)))).toEqual(empty);
  });
});

describe('earned schedule', () => {
  // Start 1 January; M1 planned by 31 January (30 days), M2 by 2 March (30 days more), equal weights, BAC 100,000.
  const plan = (m2: { progress?: number; actual?: string }) => ({
    dates: { start: '2026-01-01' },
    milestones: [
      { id: 'M1', name: 'a', baseline: '2026-01-31', actual: '2026-02-03' },
      { id: 'M2', name: 'b', baseline: '2026-03-02', ...m2 },
    ],
  });
  const on = (m2: { progress?: number; actual?: string }, day: string, method: 'linear' | 'step' = 'linear') => {
    const inputs = evmInputs(plan(m2), 100000, null, day, method);
    return { spi: earnedValueOf(inputs).spi, es: earnedSchedule(plan(m2), inputs, day, method) };
  };

  it('on 15 February with M2 not begun: EV 50,000 was planned by 31 January; 15 days behind', () => {
    // AT = 45 days. PV = 100,000 x (1 + 15/30) / 2 = 75,000; EV = 50,000; SPI = 2/3. ES = 30 days (31 Jan).
    const { spi, es } = on({ progress: 0 }, '2026-02-15');
    expect(spi).toBeCloseTo(2 / 3, 10);
    expect(es).toEqual({ es: '2026-01-31', esDays: 30, atDays: 45, svt: -15, spit: 30 / 45 });
  });

  it('halfway through M2 on its planned halfway day: on schedule', () => {
    // EV = 100,000 x 1.5 / 2 = 75,000, planned on day 30 + 15 = 45 (15 February)
    expect(on({ progress: 50 }, '2026-02-15').es).toEqual({ es: '2026-02-15', esDays: 45, atDays: 45, svt: 0, spit: 1 });
  });

  it('past the planned end, SPI(t) keeps saying how late where SPI drifts toward 1', () => {
    // 1 April: AT = 90. EV 75,000 (M2 at 50%), PV 100,000: SPI 0.75; ES = 45 days: SPI(t) 0.5, 45 days behind.
    const late = on({ progress: 50 }, '2026-04-01');
    expect(late.spi).toBe(0.75);
    expect(late.es).toMatchObject({ esDays: 45, svt: -45, spit: 0.5 });
    // Finished on 1 April: EV = BAC, SPI 1; ES is the planned end (60 days): SPI(t) = 60/90
    const done = on({ actual: '2026-04-01' }, '2026-04-01');
    expect(done.spi).toBe(1);
    expect(done.es).toMatchObject({ es: '2026-03-02', esDays: 60, svt: -30, spit: 60 / 90 });
  });

  it('interpolates within a stretch: EV 62,500 is a quarter of M2 planned, day 37.5', () => {
    // 62,500 = 100,000 x (1 + 0.25) / 2: M2's share 0.25 of its 30 days = 7.5 days after 31 January
    const { es } = on({ progress: 25 }, '2026-02-20');
    expect(es).toMatchObject({ es: '2026-02-07', esDays: 37.5, atDays: 50, svt: -12.5, spit: 0.75 });
  });

  it('is not there for the step method, before the start, or without a baselined milestone', () => {
    expect(on({ progress: 0 }, '2026-02-15', 'step').es).toBeNull();
    expect(on({ progress: 0 }, '2025-12-31').es).toBeNull();
    const unplanned = { dates: { start: '2026-01-01' }, milestones: [{ id: 'M1', name: 'a', progress: 50 }] };
    expect(earnedSchedule(unplanned, evmInputs(unplanned, 100000, null, '2026-02-01', 'linear'), '2026-02-01', 'linear')).toBeNull();
  });
});
