/**
 * The portfolio summary the weekly report opens with, and the projects behind it. Closed projects (the
 * lifecycle's last phase) count in the phase totals only: they no longer report status, burn budget or
 * hold people.
 */
import { weekIndex, isoWeek } from '../../../model/dates.js';
import { portfolioEarnedValue } from '../../../metrics/evm.js';
import { topRisks } from '../../../metrics/risk.js';
import { resourceLoad } from '../../../metrics/resources.js';
import { budgetByGoal } from '../../../metrics/alignment.js';
import { revenueStatus } from '../../../metrics/revenue.js';
import type { Project } from '../../../model/schemas/project.js';
import type { ReportContext } from './context.js';
import { cents, compare, projectView, round, roundedEvm, type ProjectView } from './project-view.js';
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
  // Money is summed only in the portfolio's currency: adding EUR to USD would give a number nobody can use.
  const currency = ctx.config.currency;
  const priced = active.filter((p) => p.currency === currency);
  const activeData = activeProjects(ctx);
  const pricedData = activeData.filter((p) => (p.currency ?? currency) === currency);
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
  const revenue = revenueStatus(pricedAll(ctx).flatMap((p) => ctx.measure(p).billing));
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
    budget: budgetTotals(priced),
    evm: roundedEvm(portfolioEarnedValue(pricedData.map((p) => ctx.measure(p).evmInputs))),
    other_currency: active.filter((p) => p.currency !== currency).map((p) => ({ project: p.id, project_name: p.name, currency: p.currency })),
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
    revenue: { ...revenue.totals, overdue_items: revenue.items.filter((i) => i.overdue).map((i) => ({ ...i, project_name: nameOf.get(i.project) ?? i.project })) },
    alignment: alignment([...pricedData, ...brokenInCurrency(ctx)], ctx),
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
function budgetTotals(projects: readonly ProjectView[]) {
  const sum = (values: Array<number | null>) => cents(values.reduce<number>((total, v) => total + (v ?? 0), 0))!;
  const forecast = projects.filter((p) => p.budget.variance !== null);
  const approved = sum(forecast.map((p) => p.budget.approved));
  const variance = sum(forecast.map((p) => p.budget.variance));
  return {
    baseline: sum(projects.map((p) => p.budget.baseline)),
    approved: sum(projects.map((p) => p.budget.approved)),
    forecast: sum(forecast.map((p) => p.budget.forecast)),
    actual: sum(projects.map((p) => p.budget.actual)),
    variance,
    variance_pct: approved ? round((variance / approved) * 100, 1) : null,
    without_forecast: projects.filter((p) => p.budget.approved !== null && p.budget.variance === null).length,
  };
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
function brokenInCurrency(ctx: ReportContext): Array<Pick<Project, 'id' | 'goals' | 'budget'>> {
  return ctx.data.brokenProjects
    .filter((b) => (b.currency ?? ctx.config.currency) === ctx.config.currency && b.phase !== ctx.config.lifecycle[ctx.config.lifecycle.length - 1])
    .map((b) => ({ id: b.id, goals: b.goals, budget: b.baseline === null ? undefined : { baseline: b.baseline } }));
}

/** Every project, closed ones included, whose money is in the portfolio's currency. */
function pricedAll(ctx: ReportContext): Project[] {
  return ctx.data.projects.map((p) => p.data).filter((p) => (p.currency ?? ctx.config.currency) === ctx.config.currency);
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
