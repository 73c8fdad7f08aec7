/**
 * A project's actual cost (DOMAIN.md): what its cost log sums to when it logs costs by month, else its
 * `budget.actual`. Pure; measures.ts keeps the results for a project, and every rule and view reads them there.
 */
import type { Project } from '../model/schemas/project.js';
import { daysBetween } from '../model/dates.js';
import { byText, finite } from './numbers.js';

type Cost = NonNullable<Project['costs']>[number];

/** The logged costs that count: finite amounts (the schema makes them so; a half-broken file may not). */
const logged = (project: Pick<Project, 'costs'>): Cost[] => (Array.isArray(project.costs) ? project.costs.filter((c) => finite(c?.amount) !== null) : []);

/** Money spent to date: the cost log's sum when there is a log, else `budget.actual`; null when neither says. */
export function actualCost(project: Pick<Project, 'costs' | 'budget'>): number | null {
  const costs = logged(project);
  return costs.length > 0 ? costs.reduce((sum, c) => sum + c.amount, 0) : finite(project.budget?.actual);
}

/** The cost log's total per month, oldest first, and per category within each month. */
export function costsByMonth(project: Pick<Project, 'costs'>): Array<{ period: string; amount: number; by_category: Record<string, number> }> {
  const months = new Map<string, { amount: number; by_category: Record<string, number> }>();
  for (const cost of logged(project)) {
    const month = months.get(cost.period) ?? { amount: 0, by_category: {} };
    month.amount += cost.amount;
    month.by_category[cost.category] = (month.by_category[cost.category] ?? 0) + cost.amount;
    months.set(cost.period, month);
  }
  return [...months].sort(([a], [b]) => byText(a, b)).map(([period, month]) => ({ period, ...month }));
}

/** What a vendor has been paid: its logged costs when the log names it, else its own `paid`. */
export function vendorPaid(project: Pick<Project, 'costs'>, vendor: { name: string; paid?: number | null }): number | null {
  const mine = logged(project).filter((c) => c.vendor === vendor.name);
  return mine.length > 0 ? mine.reduce((sum, c) => sum + c.amount, 0) : finite(vendor.paid);
}

/** Whether the project logs its costs (then `budget.actual`, if given, must be the log's sum). */
export const logsCosts = (project: Pick<Project, 'costs'>): boolean => logged(project).length > 0;

/** One month of a project's cost curve: planned value by its end, and what was spent in it and by its end. */
export interface CostMonth {
  month: string;
  /** Cumulative planned value on the month's last day (linear PV, docs/metrics.md), or null without a BAC. */
  planned: number | null;
  /** Logged in the month, and cumulative to its end; null for months not over yet, or without a log. */
  spent: number | null;
  actual: number | null;
  /** From this month to the forecast end: the spend to date plus the rest of the forecast cost, spread evenly over the days left. */
  forecast: number | null;
}

/** What the forecast part of the curve runs on: the spend now, the forecast cost at completion, and the end. */
export interface CostForecast {
  ac: number;
  eac: number;
  end: string;
}

/**
 * The plan and the spend by month, from the start's month to the later of the planned and forecast ends (and
 * the last month logged): "where does the money go month by month, against plan?". `plannedBy(day)` gives PV
 * on a day; months after `today`'s are planned only.
 */
export function costCurve(project: Pick<Project, 'costs' | 'dates'>, plannedBy: (day: string) => number | null, today: string, forecast?: CostForecast): CostMonth[] {
  const start = project.dates?.start;
  if (!start) return [];
  const byMonth = new Map(costsByMonth(project).map((m) => [m.period, m.amount]));
  const ends = [project.dates?.baseline_end, project.dates?.forecast_end, project.dates?.actual_end, ...byMonth.keys()].filter((d): d is string => typeof d === 'string');
  const last = ends.reduce((max, d) => (d.slice(0, 7) > max ? d.slice(0, 7) : max), start.slice(0, 7));
  const logs = byMonth.size > 0;
  const months: CostMonth[] = [];
  let actual = 0;
  for (let month = start.slice(0, 7); month <= last; month = nextMonth(month)) {
    const over = month < today.slice(0, 7);
    const spent = logs && over ? (byMonth.get(month) ?? 0) : null;
    if (spent !== null) actual += spent;
    const end = monthEnd(month);
    months.push({ month, planned: plannedBy(end), spent, actual: spent === null ? null : actual, forecast: forecastBy(end, today, forecast) });
  }
  return months;
}

/** The forecast spend to date on `day`, for the months from today's to the forecast end's. */
function forecastBy(day: string, today: string, forecast: CostForecast | undefined): number | null {
  if (!forecast || day.slice(0, 7) < today.slice(0, 7) || day.slice(0, 7) > forecast.end.slice(0, 7)) return null;
  const left = daysBetween(today, forecast.end);
  const share = left <= 0 || day >= forecast.end ? 1 : Math.max(0, daysBetween(today, day)) / left;
  return forecast.ac + Math.max(0, forecast.eac - forecast.ac) * share;
}

/** YYYY-MM of the month after. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The last day of a YYYY-MM month (in plain arithmetic: a weekly at 1,000 projects asks ~60,000 times). */
export const monthEnd = (month: string): string => {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return `${month.slice(0, 7)}-${m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31}`;
};

/**
 * The portfolio's cost by month: its projects' curves added up in the reporting currency (`rate` scales each).
 * Planned value and spend to date are cumulative, so a project counts in the months after its curve ends with
 * its last figures (and before it starts, with none): the portfolio's curve never drops because a project's
 * ends. In the months that are not over, a project's forecast counts where it has one, else what it has spent.
 */
export function portfolioCostCurve(projects: ReadonlyArray<{ curve: readonly CostMonth[]; rate: number }>, today: string): CostMonth[] {
  const all = [...new Set(projects.flatMap((p) => p.curve.map((m) => m.month)))].sort(byText);
  const now = today.slice(0, 7);
  const sums: CostMonth[] = all.map((month) => ({ month, planned: null, spent: null, actual: null, forecast: null }));
  const plus = (sum: number | null, value: number | null | undefined, rate: number) => (value == null ? sum : (sum ?? 0) + value * rate);
  for (const { curve, rate } of projects) {
    const last = lastActual(curve);
    // The months in order, a cursor on the curve: the project's figures as they stand in each month are its own,
    // or after its curve ends its last month's; none before it starts.
    let i = -1;
    for (const sum of sums) {
      while (i + 1 < curve.length && curve[i + 1]!.month <= sum.month) i++;
      const at = i >= 0 ? curve[i] : undefined;
      sum.planned = plus(sum.planned, at?.planned, rate);
      sum.spent = plus(sum.spent, at?.month === sum.month ? at.spent : null, rate);
      sum.actual = plus(sum.actual, sum.month < now ? at?.actual : null, rate);
      sum.forecast = plus(sum.forecast, sum.month >= now ? (at?.forecast ?? last) : null, rate);
    }
  }
  return sums;
}

/** The last spend to date a curve has (a project whose forecast is not given: what it has spent stands). */
function lastActual(curve: readonly CostMonth[]): number | null {
  for (let i = curve.length - 1; i >= 0; i--) if (curve[i]!.actual !== null) return curve[i]!.actual;
  return null;
}
