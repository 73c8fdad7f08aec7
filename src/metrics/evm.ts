/**
 * Earned value by the weighted-milestone method (DOMAIN.md). Pure; every undefined quantity (a ratio whose
 * denominator is 0, or anything built on a missing input) is null, never Infinity or NaN.
 */
import type { Project } from '../model/schemas/project.js';

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

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
const times = (a: number | null, b: number | null) => (a === null || b === null ? null : a * b);

export function earnedValue(project: Pick<Project, 'budget' | 'milestones'>, today: string): EarnedValue {
  const bac = num(project.budget?.baseline);
  const ac = num(project.budget?.actual);
  const milestones = Array.isArray(project.milestones) ? project.milestones : [];
  let total = 0;
  let done = 0;
  let planned = 0;
  for (const m of milestones) {
    const weight = num(m?.weight) ?? 1;
    total += weight;
    done += weight * (m?.actual ? 1 : (num(m?.progress) ?? 0) / 100);
    if (typeof m?.baseline === 'string' && m.baseline <= today) planned += weight;
  }
  const ev = times(bac, ratio(done, total));
  const pv = times(bac, ratio(planned, total));
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
