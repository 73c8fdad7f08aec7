/**
 * Earned value by the weighted-milestone method (DOMAIN.md), for one project and summed over the portfolio.
 * Pure; every undefined quantity (a ratio whose denominator is 0, or anything built on a missing input) is
 * null, never Infinity or NaN.
 */
import type { Project } from '../model/schemas/project.js';
import { finite } from './numbers.js';

export interface EarnedValue {
  bac: number | null;
  pv: number | null;
  ev: number | null;
  ac: number | null;
  cv: number | null;
  sv: number | null;
  cpi: number | null;
  spi: number | null;
  eac: number | null;
  etc: number | null;
  vac: number | null;
  tcpi: number | null;
}

type EvmInputs = Pick<EarnedValue, 'bac' | 'pv' | 'ev' | 'ac'>;

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
const times = (a: number | null, b: number | null) => (a === null || b === null ? null : a * b);

/** The derived measures, one set of formulas for a project and for the portfolio's sums. */
function fromInputs({ bac, pv, ev, ac }: EvmInputs): EarnedValue {
  const cpi = ratio(ev, ac);
  const eac = ratio(bac, cpi);
  return {
    bac,
    pv,
    ev,
    ac,
    cv: minus(ev, ac),
    sv: minus(ev, pv),
    cpi,
    spi: ratio(ev, pv),
    eac,
    etc: minus(eac, ac),
    vac: minus(bac, eac),
    tcpi: ratio(minus(bac, ev), minus(bac, ac)),
  };
}

function inputs(project: Pick<Project, 'budget' | 'milestones'>, today: string): EvmInputs {
  const bac = finite(project.budget?.baseline);
  const ac = finite(project.budget?.actual);
  const milestones = Array.isArray(project.milestones) ? project.milestones : [];
  let total = 0;
  let done = 0;
  let planned = 0;
  for (const m of milestones) {
    const weight = finite(m?.weight) ?? 1;
    total += weight;
    done += weight * (m?.actual ? 1 : (finite(m?.progress) ?? 0) / 100);
    if (typeof m?.baseline === 'string' && m.baseline <= today) planned += weight;
  }
  return { bac, pv: times(bac, ratio(planned, total)), ev: times(bac, ratio(done, total)), ac };
}

export function earnedValue(project: Pick<Project, 'budget' | 'milestones'>, today: string): EarnedValue {
  return fromInputs(inputs(project, today));
}

/**
 * The portfolio as one project: BAC, PV, EV and AC summed, then the same formulas. Only projects with an
 * approved budget (budget.baseline) contribute: without a BAC a project has no PV or EV, and its spend alone
 * would only drag CPI down. Each sum runs over the contributing projects that have that quantity; a sum no
 * project has is null (so with no contributing project at all, every field is null).
 */
export function portfolioEarnedValue(projects: ReadonlyArray<Pick<Project, 'budget' | 'milestones'>>, today: string): EarnedValue {
  const sums: EvmInputs = { bac: null, pv: null, ev: null, ac: null };
  const add = (sum: number | null, value: number | null) => (value === null ? sum : (sum ?? 0) + value);
  for (const project of projects) {
    const one = inputs(project, today);
    if (one.bac === null) continue;
    sums.bac = add(sums.bac, one.bac);
    sums.pv = add(sums.pv, one.pv);
    sums.ev = add(sums.ev, one.ev);
    sums.ac = add(sums.ac, one.ac);
  }
  return fromInputs(sums);
}
