/**
 * Earned value by the weighted-milestone method (DOMAIN.md), for one project and summed over the portfolio.
 * Pure; every undefined quantity (a ratio whose denominator is 0, or anything built on a missing input) is
 * null, never Infinity or NaN. The BAC and the day come from measures.ts: the approved budget, and the day the
 * project is measured on.
 */
import { addDays, dayNumber, daysBetween } from '../model/dates.js';
import type { Project } from '../model/schemas/project.js';
import { byText, finite } from './numbers.js';

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

export type EvmInputs = Pick<EarnedValue, 'bac' | 'pv' | 'ev' | 'ac'>;

/** The cost side of earned value: from the BAC, EV and AC alone, which no day moves (PV, SV and SPI depend on it). */
export type CostPerformance = Omit<EarnedValue, 'pv' | 'sv' | 'spi'>;

/** How planned value accrues over a milestone's span: linearly (DOMAIN.md's default) or all on its baseline day. */
export type PvMethod = 'linear' | 'step';

type Milestone = NonNullable<Project['milestones']>[number];

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
const times = (a: number | null, b: number | null) => (a === null || b === null ? null : a * b);

/** The derived measures, one set of formulas for a project and for the portfolio's sums. */
export function earnedValueOf(inputs: EvmInputs): EarnedValue {
  const { bac, ev, ac, cv, cpi, eac, etc, vac, tcpi } = costPerformanceOf(inputs);
  const { pv } = inputs;
  return { bac, pv, ev, ac, cv, sv: minus(ev, pv), cpi, spi: ratio(ev, pv), eac, etc, vac, tcpi };
}

/** The measures of the cost side (see CostPerformance). */
export function costPerformanceOf({ bac, ev, ac }: Omit<EvmInputs, 'pv'>): CostPerformance {
  const cpi = ratio(ev, ac);
  const eac = ratio(bac, cpi);
  return { bac, ev, ac, cv: minus(ev, ac), cpi, eac, etc: minus(eac, ac), vac: minus(bac, eac), tcpi: toCompletePerformance(bac, ev, ac, eac) };
}

/**
 * PMI's TCPI: the efficiency the remaining work needs to finish within the BAC, (BAC - EV) / (BAC - AC); once
 * the BAC is spent (AC >= BAC) that target is gone, and it is the TCPI to the EAC, (BAC - EV) / (EAC - AC).
 */
function toCompletePerformance(bac: number | null, ev: number | null, ac: number | null, eac: number | null): number | null {
  if (bac === null || ac === null) return null;
  return bac > ac ? ratio(minus(bac, ev), bac - ac) : ratio(minus(bac, ev), minus(eac, ac));
}

/**
 * BAC, PV, EV and AC of one project measured on `day` (AC: its actual cost, costs.ts). A BAC of 0 (or none) gives no EV or PV: a share of
 * nothing is not a measure of progress.
 */
export function evmInputs(project: Pick<Project, 'milestones' | 'dates'>, bac: number | null, ac: number | null, day: string, method: PvMethod): EvmInputs {
  return { bac, pv: plannedValueOn(project, bac, method)(day), ev: earnedValue(project, bac), ac };
}

/** EV: the BAC times the weighted share of the milestones done (a milestone's progress counts until its actual date). */
export function earnedValue(project: Pick<Project, 'milestones'>, bac: number | null): number | null {
  if (bac === null || bac === 0) return null;
  let total = 0;
  let done = 0;
  for (const m of milestonesOf(project)) {
    const weight = finite(m.weight) ?? 1;
    total += weight;
    done += weight * (m.actual ? 1 : (finite(m.progress) ?? 0) / 100);
  }
  return times(bac, ratio(done, total));
}

/** PV as a function of the day (see plannedValueByDay). */
export function plannedValueOn(project: Pick<Project, 'milestones' | 'dates'>, bac: number | null, method: PvMethod): (day: string) => number | null {
  return ofDates(plannedValueByDay(project, bac, method));
}

/** A function of day numbers (see dayNumber) as one of dates. */
export const ofDates = <T>(byDay: (day: number) => T) => (day: string): T => byDay(dayNumber(day));

/**
 * PV as a function of the day's number (see dayNumber): the BAC times the weighted share of the milestones
 * planned done by then (see plannedSpans), the milestones' weights and spans worked out once (a project's PV is
 * read on many days: a search over them reads it in numbers, with no date written or parsed).
 */
export function plannedValueByDay(project: Pick<Project, 'milestones' | 'dates'>, bac: number | null, method: PvMethod): (day: number) => number | null {
  if (bac === null || bac === 0) return () => null;
  const milestones = milestonesOf(project);
  const weights = milestones.map((m) => finite(m.weight) ?? 1);
  const spans = plannedSpans(milestones, project.dates?.start, method).map((span) => span && { from: span.from === undefined ? undefined : dayNumber(span.from), to: dayNumber(span.to) });
  let total = 0;
  for (const weight of weights) total += weight;
  return (day) => {
    let due = 0;
    weights.forEach((weight, i) => {
      const span = spans[i];
      due += weight * (span ? plannedShare(span.from, span.to, day) : 0);
    });
    return times(bac, ratio(due, total));
  };
}

/**
 * The first day after `day` on which `turned` holds of the SPI (EV / PV on that day), for a test that does not
 * hold on `day` and, once it holds, holds on every later day (below a limit, shown to two decimals as another
 * value); null when it never does. PV only grows with the day (each milestone's planned share does), so the SPI
 * only falls, and stops falling at the last baseline: a test that does not hold there never does, and the days
 * before it are searched by halves (a dozen readings of PV for three years of them).
 */
export function spiTurnsFrom(project: Pick<Project, 'milestones'>, planned: (day: number) => number | null, ev: number | null, day: string, turned: (spi: number | null) => boolean): string | null {
  const first = dayNumber(day);
  const turnedOn = (days: number) => turned(ratio(ev, planned(first + days)));
  const last = milestonesOf(project).reduce<string | undefined>((latest, m) => (typeof m.baseline === 'string' && (latest === undefined || m.baseline > latest) ? m.baseline : latest), undefined);
  if (ev === null || last === undefined || last <= day) return null;
  // Not turned `before` days on, turned `after` days on.
  let before = 0;
  let after = daysBetween(day, last);
  if (!turnedOn(after)) return null;
  while (after - before > 1) {
    const middle = (before + after) >>> 1;
    if (turnedOn(middle)) after = middle;
    else before = middle;
  }
  return addDays(day, after);
}

const milestonesOf = (project: Pick<Project, 'milestones'>): Milestone[] => (Array.isArray(project.milestones) ? project.milestones : []).filter(Boolean);

/**
 * Each milestone's planned span: from the previous milestone's baseline (by baseline date; the project's start
 * for the first; none with the step method) to its own baseline. Its share planned done on a day is 0 before,
 * 1 from the baseline on, linear in between (plannedShare). A milestone without a baseline is never planned.
 */
function plannedSpans(milestones: readonly Milestone[], start: string | undefined, method: PvMethod): Array<{ from: string | undefined; to: string } | undefined> {
  const spans = new Array<{ from: string | undefined; to: string } | undefined>(milestones.length).fill(undefined);
  const baselineOf = (i: number) => milestones[i]!.baseline as string;
  const order: number[] = [];
  for (let i = 0; i < milestones.length; i++) if (typeof milestones[i]!.baseline === 'string') order.push(i);
  // Files list milestones in baseline order as a rule: sorted only when they are not.
  for (let k = 1; k < order.length; k++) {
    if (baselineOf(order[k]!) < baselineOf(order[k - 1]!)) {
      order.sort((a, b) => byText(baselineOf(a), baselineOf(b)) || a - b);
      break;
    }
  }
  let from = start;
  for (const i of order) {
    spans[i] = { from: method === 'step' ? undefined : from, to: baselineOf(i) };
    from = baselineOf(i);
  }
  return spans;
}

/** A milestone's share planned done on a day, from its span (day numbers). */
function plannedShare(from: number | undefined, to: number, day: number): number {
  if (day >= to) return 1;
  if (from === undefined || day <= from || from >= to) return 0;
  return (day - from) / (to - from);
}

/**
 * Earned schedule (PMI's practice where planned value is time-phased): ES is the date at which planned value
 * reached what the project has earned by `day`; AT the time actually spent. SV(t) = ES - AT in days and
 * SPI(t) = ES / AT say how far behind or ahead the project is in time, and unlike SPI they do not drift back
 * to 1 once the planned end has passed. Linear PV only (the step method's PV jumps: no one date reaches a
 * value between its steps); null without a start, a BAC, an EV, or a milestone with a baseline.
 */
export interface EarnedSchedule {
  /** The date planned value reached today's EV. */
  es: string;
  /** Days from the start to ES, and to the day measured (AT). */
  esDays: number;
  atDays: number;
  /** ES - AT, in days: negative is behind. */
  svt: number;
  /** ES / AT; null on the start day. */
  spit: number | null;
}

export function earnedSchedule(project: Pick<Project, 'milestones' | 'dates'>, inputs: EvmInputs, day: string, method: PvMethod): EarnedSchedule | null {
  const start = project.dates?.start;
  const { bac, ev } = inputs;
  if (method !== 'linear' || !start || bac === null || bac === 0 || ev === null || day < start) return null;
  const milestones = (Array.isArray(project.milestones) ? project.milestones : []).filter(Boolean);
  const ends = [...new Set(milestones.flatMap((m) => (typeof m.baseline === 'string' && m.baseline > start ? [m.baseline] : [])))].sort(byText);
  if (ends.length === 0) return null;
  // PV at each breakpoint of its piecewise-linear curve; ES lies on the first segment that reaches EV.
  const planned = plannedValueOn(project, bac, method);
  const pvAt = (date: string) => planned(date) ?? 0;
  const atDays = daysBetween(start, day);
  let from = { date: start, pv: pvAt(start) };
  let esDays = daysBetween(start, ends[ends.length - 1]!);
  for (const end of ends) {
    const to = { date: end, pv: pvAt(end) };
    if (to.pv >= ev) {
      const span = daysBetween(from.date, to.date);
      esDays = daysBetween(start, from.date) + (to.pv === from.pv ? 0 : ((ev - from.pv) / (to.pv - from.pv)) * span);
      break;
    }
    from = to;
  }
  if (ev <= pvAt(start)) esDays = 0;
  const es = addDays(start, Math.floor(esDays));
  return { es, esDays, atDays, svt: esDays - atDays, spit: atDays > 0 ? esDays / atDays : null };
}

/** A project's BAC, PV, EV and AC in another currency, at `rate` (see currency.ts). */
export function scaledInputs(inputs: EvmInputs, rate: number): EvmInputs {
  const scale = (n: number | null) => (n === null ? null : n * rate);
  return { bac: scale(inputs.bac), pv: scale(inputs.pv), ev: scale(inputs.ev), ac: scale(inputs.ac) };
}

/**
 * The portfolio as one project: BAC, PV, EV and AC summed, then the same formulas. Only projects with an
 * approved budget contribute: without a BAC a project has no PV or EV, and its spend alone would only drag
 * CPI down. Each sum runs over the contributing projects that have that quantity; a sum no project has is
 * null (so with no contributing project at all, every field is null).
 */
export function portfolioEarnedValue(projects: readonly EvmInputs[]): EarnedValue {
  const sums: EvmInputs = { bac: null, pv: null, ev: null, ac: null };
  const add = (sum: number | null, value: number | null) => (value === null ? sum : (sum ?? 0) + value);
  for (const one of projects) {
    if (one.bac === null) continue;
    sums.bac = add(sums.bac, one.bac);
    sums.pv = add(sums.pv, one.pv);
    sums.ev = add(sums.ev, one.ev);
    sums.ac = add(sums.ac, one.ac);
  }
  return earnedValueOf(sums);
}
