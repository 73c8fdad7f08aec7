/**
 * The portfolio summary the weekly report opens with, and the projects behind it. Closed projects (the
 * lifecycle's last phase) count in the phase totals only: they no longer report status, burn budget or
 * hold people.
 */
import { weekIndex, isoWeek } from '../../../model/dates.js';
import { portfolioEarnedValue, scaledInputs } from '../../../metrics/evm.js';
import { portfolioCostCurve } from '../../../metrics/costs.js';
import { rateToReporting } from '../../../metrics/currency.js';
import { topRisks } from '../../../metrics/risk.js';
import { resourceLoad } from '../../../metrics/resources.js';
import { budgetByGoal } from '../../../metrics/alignment.js';
import { revenueStatus } from '../../../metrics/revenue.js';
import type { Project } from '../../../model/schemas/project.js';
import type { ReportContext } from './context.js';
import { cents, compare, costCurveView, projectView, round, roundedEvm, type ProjectView } from './project-view.js';
import { governanceSummary } from './governance.js';

/** How many weeks ahead over-allocations are looked for (this week included). */
export const LOAD_WEEKS = 12;

export function projectViews(ctx: ReportContext): ProjectView[] {
  return ctx.data.projects
    .map(({ path, data }) => projectView(path, data, ctx.findingsOf(path), ctx))
    .sort((a, b) => compare(a.id, b.id));
}

export function portfolioSummary(ctx: ReportContext, views: readonly ProjectView[]) {
  const active = views.filter((p) => p.state === 'active');
  // Money is summed in the reporting currency only: a project in another is converted at pmo.yaml's
  // exchange_rates, or left out of the totals (and totalled in its own currency): EUR plus USD is no number.
  const rate = rateIn(ctx);
  const priced = active.filter((p) => rate(p.currency) !== null);
  const activeData = activeProjects(ctx);
  const pricedData = activeData.filter((p) => rate(currencyOf(ctx, p)) !== null);
  const byRag = { green: 0, amber: 0, red: 0, none: 0 };
  for (const p of active) byRag[p.rag.overall ?? 'none']++;
  // Load as allocation-over-capacity judges it: a project on hold still holds its people.
  const load = resourceLoad(ctx.data.projects.map((p) => p.data), ctx.data.people, {
    from: ctx.today,
    weeks: LOAD_WEEKS,
    defaultCapacity: ctx.config.thresholds.allocation_max_pct,
    lastPhase: ctx.config.lifecycle[ctx.config.lifecycle.length - 1],
  });
  // Closed projects too: revenue leaks at closure, when the last billing milestone is forgotten.
  const billing = pricedAll(ctx, rate).flatMap((p) => ctx.measure(p).billing.map((row) => ({ row, rate: rate(currencyOf(ctx, p))!, currency: currencyOf(ctx, p) })));
  const revenue = revenueStatus(billing.map(({ row, rate: r }) => ({ ...row, amount: row.amount * r })));
  const currencyOfItem = new Map(billing.map(({ row, currency }) => [`${row.project}\0${row.id}`, { currency, amount: row.amount }]));
  const of = (p: ProjectView) => ({ project: p.id, project_name: p.name });
  const nameOf = new Map(views.map((p) => [p.id, p.name]));
  return {
    week: isoWeek(weekIndex(ctx.today)),
    projects: views.length,
    active: active.length,
    on_hold: views.filter((p) => p.state === 'on_hold').map((p) => ({ ...of(p), since: p.hold!.since, reason: p.hold!.reason, review_by: p.hold!.review_by })),
    cancelled: views.filter((p) => p.state === 'cancelled').map((p) => ({ ...of(p), on: p.cancellation!.on, reason: p.cancellation!.reason })),
    by_rag: byRag,
    by_phase: ctx.config.lifecycle
      .map((phase) => ({ phase, count: views.filter((p) => p.phase === phase).length }))
      .concat(unknownPhases(views, ctx.config.lifecycle)),
    budget: budgetTotals(priced, (p) => rate(p.currency)!),
    evm: roundedEvm(portfolioEarnedValue(pricedData.map((p) => scaledInputs(ctx.measure(p).evmInputs, rate(currencyOf(ctx, p))!)))),
    cost_curve: portfolioCurve(ctx, pricedData, rate),
    /** Active projects in a currency pmo.yaml gives no rate for: left out of the totals above. */
    other_currency: active.filter((p) => rate(p.currency) === null).map((p) => ({ project: p.id, project_name: p.name, currency: p.currency })),
    /** Their budgets, totalled in each of their currencies. */
    other_currency_totals: totalsByCurrency(active.filter((p) => rate(p.currency) === null)),
    exchange_rates: ctx.config.exchangeRates,
    milestones_overdue: active.flatMap((p) => p.milestones_overdue.map((m) => ({ ...of(p), ...m }))).sort((a, b) => b.days_overdue - a.days_overdue || compare(a.project, b.project)),
    milestones_due: active.flatMap((p) => p.milestones_due.map((m) => ({ ...of(p), ...m }))).sort((a, b) => compare(a.due, b.due) || compare(a.project, b.project)),
    top_risks: topRisks(activeData, { limit: 10 }).map((r) => ({
      ...r,
      project_name: nameOf.get(r.project) ?? r.project,
      owner: r.owner === null ? null : ctx.person(r.owner),
      high: r.exposure >= ctx.config.thresholds.risk_high_exposure,
    })),
    open_issues: active.reduce((n, p) => n + p.issues.length, 0),
    stale_status: active
      .filter((p) => p.status_stale)
      .map((p) => ({ ...of(p), manager: p.manager, last_update: p.status?.date ?? null, age_days: p.status?.age_days ?? null })),
    changes_awaiting: active.flatMap((p) => p.changes_awaiting.map((c) => ({ ...of(p), ...c }))).sort((a, b) => (b.age_days ?? -1) - (a.age_days ?? -1) || compare(a.project, b.project)),
    over_allocations: load.people.filter((person) => person.over_weeks > 0),
    load,
    revenue: {
      ...revenue.totals,
      // Each item in its project's own currency; the totals above in the reporting currency.
      overdue_items: revenue.items.filter((i) => i.overdue).map((i) => ({ ...i, ...currencyOfItem.get(`${i.project}\0${i.id}`)!, project_name: nameOf.get(i.project) ?? i.project })),
    },
    alignment: alignment([...pricedData.map((p) => scaledBudget(p, rate(currencyOf(ctx, p))!)), ...brokenInCurrency(ctx, rate)], ctx),
    governance: governanceSummary(ctx),
    charts: chartData(active, load),
  };
}

/**
 * The portfolio's money, from each project's measures: baselines, approved budgets and actuals summed; the
 * variance is the sum of the projects' variances (forecast cost less approved budget) over the projects that
 * have one, and its percentage is of those projects' approved budgets. `forecast` sums the same projects'
 * forecast costs; `without_forecast` counts the projects left out of the variance (no forecast, no EAC).
 */
function budgetTotals(projects: readonly ProjectView[], rate: (p: ProjectView) => number = () => 1) {
  const sum = (values: Array<[ProjectView, number | null]>) => cents(values.reduce<number>((total, [p, v]) => total + (v ?? 0) * rate(p), 0))!;
  const forecast = projects.filter((p) => p.budget.variance !== null);
  const approved = sum(forecast.map((p) => [p, p.budget.approved]));
  const variance = sum(forecast.map((p) => [p, p.budget.variance]));
  return {
    baseline: sum(projects.map((p) => [p, p.budget.baseline])),
    approved: sum(projects.map((p) => [p, p.budget.approved])),
    forecast: sum(forecast.map((p) => [p, p.budget.forecast])),
    actual: sum(projects.map((p) => [p, p.budget.actual])),
    variance,
    variance_pct: approved ? round((variance / approved) * 100, 1) : null,
    without_forecast: projects.filter((p) => p.budget.approved !== null && p.budget.variance === null).length,
  };
}

/** Budget totals per currency, for projects whose money cannot be converted to the reporting currency. */
function totalsByCurrency(projects: readonly ProjectView[]) {
  const currencies = [...new Set(projects.map((p) => p.currency))].sort(compare);
  return currencies.map((currency) => ({ currency, projects: projects.filter((p) => p.currency === currency).length, budget: budgetTotals(projects.filter((p) => p.currency === currency)) }));
}

function rateIn(ctx: ReportContext): (currency: string) => number | null {
  return (currency) => rateToReporting(ctx.config, currency);
}

const currencyOf = (ctx: ReportContext, p: Project) => p.currency ?? ctx.config.currency;

const scaledBudget = (p: Project, rate: number): Pick<Project, 'id' | 'goals' | 'budget'> =>
  ({ id: p.id, goals: p.goals, budget: p.budget?.baseline == null ? undefined : { baseline: p.budget.baseline * rate } });

/**
 * The portfolio's cost by month, of the active projects that log their costs (a project that does not has a plan
 * but no spend by month, and would only pull the spent line under the planned one), in the reporting currency.
 */
function portfolioCurve(ctx: ReportContext, priced: readonly Project[], rate: (currency: string) => number | null) {
  const logging = priced.filter((p) => ctx.measure(p).costsByMonth.length > 0);
  const curve = portfolioCostCurve(logging.map((p) => ({ curve: ctx.measure(p).costCurve, rate: rate(currencyOf(ctx, p))! })), ctx.today);
  return { ...costCurveView(curve), projects: logging.map((p) => p.id) };
}

/** The series the HTML charts draw (the chart helpers take these as they are). */
export function chartData(projects: readonly ProjectView[], load: ReturnType<typeof resourceLoad>) {
  return {
    budget: projects.map((p) => ({ label: p.name, baseline: p.budget.baseline, forecast: p.budget.forecast, actual: p.budget.actual })),
    evm: projects.map((p) => ({ label: p.name, cpi: p.evm.cpi, spi: p.evm.spi })),
    heatmap: heatmapData(load),
  };
}

export function heatmapData(load: ReturnType<typeof resourceLoad>) {
  return {
    columns: load.weeks,
    rows: load.people.filter((p) => p.peak > 0).map((p) => ({ label: p.name ?? p.person, capacity: p.capacity, values: p.load })),
  };
}

function activeProjects(ctx: ReportContext): Project[] {
  return ctx.data.projects.map((p) => p.data).filter((p) => ctx.measure(p).state === 'active');
}

/**
 * The projects whose files have errors, as far as alignment reads them (goals and baseline): their approved
 * budget still belongs to their goals. Those in another currency are left out, as for the others.
 */
function brokenInCurrency(ctx: ReportContext, rate: (currency: string) => number | null): Array<Pick<Project, 'id' | 'goals' | 'budget'>> {
  return ctx.data.brokenProjects
    .filter((b) => rate(b.currency ?? ctx.config.currency) !== null && b.phase !== ctx.config.lifecycle[ctx.config.lifecycle.length - 1])
    .map((b) => ({ id: b.id, goals: b.goals, budget: b.baseline === null ? undefined : { baseline: b.baseline * rate(b.currency ?? ctx.config.currency)! } }));
}

/** Every project, closed ones included, whose money converts to the reporting currency. */
function pricedAll(ctx: ReportContext, rate: (currency: string) => number | null): Project[] {
  return ctx.data.projects.map((p) => p.data).filter((p) => rate(currencyOf(ctx, p)) !== null);
}

/** Phases not in the lifecycle (pmo check reports them) still count, so the totals add up. */
function unknownPhases(views: readonly ProjectView[], lifecycle: readonly string[]) {
  const extra = [...new Set(views.map((p) => p.phase).filter((phase) => !lifecycle.includes(phase)))].sort();
  return extra.map((phase) => ({ phase, count: views.filter((p) => p.phase === phase).length }));
}

/** Budget per strategic goal, shares as percentages (0-100) like every other percentage of the model. */
function alignment(projects: ReadonlyArray<Pick<Project, 'id' | 'goals' | 'budget'>>, ctx: ReportContext) {
  const byGoal = budgetByGoal(projects, ctx.data.goals);
  const pct = (share: number | null) => (share === null ? null : round(share * 100, 1));
  const unalignedBudget = byGoal.unaligned.reduce((sum, p) => sum + p.budget, 0);
  return {
    total: byGoal.total,
    goals: byGoal.goals.map((g) => ({ ...g, share_pct: pct(g.share) })),
    unaligned: byGoal.unaligned,
    unaligned_budget: unalignedBudget,
    unaligned_pct: byGoal.total ? round((unalignedBudget / byGoal.total) * 100, 1) : null,
  };
}
