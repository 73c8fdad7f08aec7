import { describe, expect, it } from 'vitest';
import { earnedValue, portfolioEarnedValue } from '../../src/metrics/evm.js';
import { project } from './rule-context.js';

const TODAY = '2026-11-20';

describe('earnedValue', () => {
  it("works FORMAT.md's apollo example by the weighted-milestone method", () => {
    // BAC 500,000; AC 320,000. M1 (weight 10) is done; M2 (weight 40) is 60% done. Both baselines are past.
    // EV = 500,000 x (10 x 1 + 40 x 0.6) / 50 = 500,000 x 34/50 = 340,000
    // PV = 500,000 x 50/50 = 500,000
    // CV = 340,000 - 320,000 = 20,000; SV = 340,000 - 500,000 = -160,000
    // CPI = 340,000 / 320,000 = 1.0625; SPI = 340,000 / 500,000 = 0.68
    // EAC = 500,000 / 1.0625 = 470,588.24; ETC = 470,588.24 - 320,000 = 150,588.24; VAC = 29,411.76
    // TCPI = (500,000 - 340,000) / (500,000 - 320,000) = 160,000 / 180,000 = 0.8889
    const ev = earnedValue(
      project('apollo', {
        budget: { baseline: 500000, actual: 320000 },
        milestones: [
          { id: 'M1', name: 'Requirements', baseline: '2026-02-27', actual: '2026-03-06', weight: 10 },
          { id: 'M2', name: 'Data migrated', baseline: '2026-07-31', forecast: '2026-10-15', progress: 60, weight: 40 },
        ],
      }),
      TODAY,
    );
    expect(ev).toMatchObject({ bac: 500000, pv: 500000, ev: 340000, ac: 320000, cv: 20000, sv: -160000, cpi: 1.0625, spi: 0.68 });
    expect(ev.eac).toBeCloseTo(470588.24, 2);
    expect(ev.etc).toBeCloseTo(150588.24, 2);
    expect(ev.vac).toBeCloseTo(29411.76, 2);
    expect(ev.tcpi).toBeCloseTo(0.8889, 4);
  });

  it('gives null, never Infinity or NaN, for ratios over 0', () => {
    // AC 0: CPI = EV/0 is undefined, and so are EAC, ETC and VAC built on it. No milestones: EV and PV undefined.
    const ev = earnedValue(project('p', { budget: { baseline: 1000, actual: 0 } }), TODAY);
    expect(ev).toEqual({ bac: 1000, pv: null, ev: null, ac: 0, cv: null, sv: null, cpi: null, spi: null, eac: null, etc: null, vac: null, tcpi: null });
  });
});

describe('portfolioEarnedValue', () => {
  // alpha: BAC 1,000, AC 500. M1 (w1) done; M2 (w1) baseline past, 50% done; M3 (w2) baseline ahead.
  //   EV = 1,000 x (1 + 0.5) / 4 = 375; PV = 1,000 x 2/4 = 500.
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
    expect(portfolioEarnedValue([alpha, beta, gamma], TODAY)).toEqual({
      bac: 4000, pv: 2000, ev: 1875, ac: 1500, cv: 375, sv: -125, cpi: 1.25, spi: 0.9375, eac: 3200, etc: 1700, vac: 800, tcpi: 0.85,
    });
  });

  it('agrees with earnedValue for a single project', () => {
    expect(portfolioEarnedValue([alpha], TODAY)).toEqual(earnedValue(alpha, TODAY));
  });

  it('leaves a sum null when no contributing project has that quantity', () => {
    // delta: BAC 1,000, one milestone done and due: EV = PV = 1,000; no AC recorded.
    // AC null, so CV, CPI, EAC, ETC, VAC and TCPI are null; SV = 0, SPI = 1.
    const delta = project('delta', { budget: { baseline: 1000 }, milestones: [{ id: 'M1', name: 'a', baseline: '2026-05-01', actual: '2026-05-01' }] });
    expect(portfolioEarnedValue([delta, gamma], TODAY)).toEqual({
      bac: 1000, pv: 1000, ev: 1000, ac: null, cv: null, sv: 0, cpi: null, spi: 1, eac: null, etc: null, vac: null, tcpi: null,
    });
  });

  it('is all null when no project has an approved budget', () => {
    const empty = { bac: null, pv: null, ev: null, ac: null, cv: null, sv: null, cpi: null, spi: null, eac: null, etc: null, vac: null, tcpi: null };
    expect(portfolioEarnedValue([], TODAY)).toEqual(empty);
    expect(portfolioEarnedValue([gamma, project('none')], TODAY)).toEqual(empty);
  });
});
