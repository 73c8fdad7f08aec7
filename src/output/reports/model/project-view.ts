/**
 * One project as every report shows it: names resolved, measures computed, nulls where a value is unknown.
 * Field names are snake_case: this is the JSON report model (docs/report-model.md), field for field.
 */
import { countFindings, type Finding } from '../../../findings.js';
import type { Project } from '../../../model/schemas/project.js';
import { projectSchema } from '../../../model/schemas/project.js';
import { monthEnd, type CostMonth } from '../../../metrics/costs.js';
import type { EarnedSchedule, EarnedValue } from '../../../metrics/evm.js';
import type { LifecycleState } from '../../../metrics/measures.js';
import { nextMilestone } from '../../../metrics/schedule.js';
import { DEFAULT_HORIZON_DAYS, type ReportContext } from './context.js';

export interface Named {
  id: string;
  name: string | null;
}

export type Rag = 'green' | 'amber' | 'red' | null;

export interface ProjectView {
  id: string;
  name: string;
  file: string;
  description: string | null;
  manager: Named;
  sponsor: Named | null;
  phase: string;
  closed: boolean;
  /** active, on_hold, cancelled or closed (docs/metrics.md) */
  state: LifecycleState;
  /** The hold the project is in now, or null. */
  hold: { since: string; reason: string; decided_by: Named; review_by: string } | null;
  /** The cancellation, or null. */
  cancellation: { on: string; reason: string; decided_by: Named } | null;
  priority: number | null;
  currency: string;
  goals: Array<{ id: string; title: string | null }>;
  /** The PMO's own fields (pmo.yaml schema extensions), as written. */
  fields: Record<string, unknown>;
  dates: { start: string; baseline_end: string | null; approved_end: string | null; forecast_end: string | null; actual_end: string | null };
  /** Days from the approved end to the forecast (or actual) end. */
  slip_days: number | null;
  rag: { overall: Rag; schedule: Rag; cost: Rag; scope: Rag };
  status: {
    date: string;
    by: Named | null;
    age_days: number;
    /** As status-fresh judges it: only a running project past initiation owes updates. */
    stale: boolean;
    summary: string | null;
    next: string[];
  } | null;
  status_history: Array<{ date: string; overall: Rag }>;
  /** The overall status over the updates as a number (red 1, amber 2, green 3), for a sparkline. */
  rag_trend: Array<number | null>;
  /** Overdue status, as status-fresh judges it: required and none yet, or the newest too old. */
  status_stale: boolean;
  budget: {
    baseline: number | null;
    /** The approved budget (the BAC): the baseline plus the approved changes not already in it. */
    approved: number | null;
    /** The forecast cost: the PM's budget.forecast, else the EAC. */
    forecast: number | null;
    forecast_source: 'forecast' | 'EAC' | null;
    actual: number | null;
    /** The approved changes' cost counted on top of the baseline. */
    approved_changes: number;
    /** Forecast cost less the approved budget, and that as a percentage of the approved budget. */
    variance: number | null;
    variance_pct: number | null;
  };
  evm: EarnedValue;
  /** Planned value and spend by month (costs.ts), rounded to cents; a chart of the two cumulative lines. */
  cost_curve: {
    /** `earned`: EV at the month's end from that day's version of the file in git, when git has the history. */
    months: Array<{ month: string; planned: number | null; spent: number | null; actual: number | null; forecast: number | null; earned?: number | null }>;
    logged: boolean;
    chart: { columns: string[]; series: Array<{ label: string; values: Array<number | null> }> };
  };
  /** Earned schedule beside SPI (evm.ts): ES as a date, SV(t) in days, SPI(t); null where PV is not time-phased. */
  earned_schedule: { es: string; sv_t: number; spi_t: number | null } | null;
  milestones: Array<{
    id: string;
    name: string;
    baseline: string | null;
    forecast: string | null;
    actual: string | null;
    progress: number | null;
    weight: number;
    state: 'done' | 'overdue' | 'due' | 'planned';
  }>;
  next_milestone: { id: string; name: string; due: string } | null;
  milestones_overdue: Array<{ id: string; name: string; due: string; days_overdue: number }>;
  milestones_due: Array<{ id: string; name: string; due: string; days_left: number }>;
  risks: Array<{
    id: string;
    title: string;
    probability: number;
    impact: number;
    exposure: number;
    high: boolean;
    owner: Named | null;
    mitigation: string | null;
    review_by: string | null;
  }>;
  issues: Array<{ id: string; title: string; owner: Named | null; raised: string | null; age_days: number | null; escalated: boolean }>;
  changes_awaiting: Array<{
    id: string;
    title: string;
    raised: string | null;
    age_days: number | null;
    cost_impact: number | null;
    schedule_impact_days: number | null;
  }>;
  deliverables: { total: number; accepted: number; pending: number; rejected: number };
  kpis: Array<{ name: string; target: number; actual: number | null; higher_is_better: boolean; on_target: boolean | null }>;
  team: Array<{ person: Named; role: string | null; allocation: number; from: string | null; to: string | null }>;
  records: { required: string[]; missing: string[] };
  lessons: number;
  findings: {
    errors: number;
    warnings: number;
    infos: number;
    waived: number;
    items: Array<{ rule: string; severity: string; message: string; line: number; column: number; waived: boolean }>;
  };
}

/** The fields FORMAT.md defines; any other field of a project is one of the PMO's own. */
const BUILTIN_FIELDS = new Set(Object.keys(projectSchema.shape));

const RAG_LEVEL: Record<string, number> = { red: 1, amber: 2, green: 3 };

const rag = (value: unknown): Rag => (value === 'green' || value === 'amber' || value === 'red' ? value : null);

export function projectView(path: string, project: Project, findings: readonly Finding[], ctx: ReportContext): ProjectView {
  const { today, config } = ctx;
  const measures = ctx.measure(project);
  const closed = measures.state === 'closed';
  const updates = project.status ?? [];
  const latest = measures.status.update;
  const variance = measures.budgetVariance;
  const overdue = measures.overdueMilestones;
  const due = measures.milestonesDue(ctx.horizonDays ?? DEFAULT_HORIZON_DAYS);
  const stateOf = new Map<string, 'overdue' | 'due'>([...overdue.map((m) => [m.id, 'overdue'] as const), ...due.map((m) => [m.id, 'due'] as const)]);

  return {
    id: project.id,
    name: project.name,
    file: path,
    description: project.description ?? null,
    manager: ctx.person(project.manager),
    sponsor: project.sponsor ? ctx.person(project.sponsor) : null,
    phase: project.phase,
    closed,
    state: measures.state,
    hold: measures.currentHold ? { since: measures.currentHold.since, reason: measures.currentHold.reason, decided_by: ctx.person(measures.currentHold.decided_by), review_by: measures.currentHold.review_by } : null,
    cancellation: project.cancelled ? { on: project.cancelled.on, reason: project.cancelled.reason, decided_by: ctx.person(project.cancelled.decided_by) } : null,
    priority: project.priority ?? null,
    currency: project.currency ?? config.currency,
    goals: (project.goals ?? []).map((id) => ({ id, title: ctx.goalTitle(id) })),
    fields: Object.fromEntries(Object.entries(project).filter(([key]) => !BUILTIN_FIELDS.has(key))),
    dates: {
      start: project.dates.start,
      baseline_end: project.dates.baseline_end ?? null,
      approved_end: measures.approvedEnd,
      forecast_end: project.dates.forecast_end ?? null,
      actual_end: project.dates.actual_end ?? null,
    },
    slip_days: measures.scheduleSlip,
    rag: { overall: rag(latest?.overall), schedule: rag(latest?.schedule), cost: rag(latest?.cost), scope: rag(latest?.scope) },
    status: latest
      ? {
          date: latest.date,
          by: latest.by ? ctx.person(latest.by) : null,
          age_days: measures.statusAgeDays!,
          stale: measures.status.stale,
          summary: latest.summary ?? null,
          next: latest.next ?? [],
        }
      : null,
    status_stale: measures.status.stale,
    status_history: updates.map((u) => ({ date: u.date, overall: rag(u.overall) })),
    rag_trend: updates.map((u) => RAG_LEVEL[u.overall] ?? null),
    budget: {
      baseline: cents(project.budget?.baseline),
      approved: cents(measures.approvedBudget),
      forecast: cents(measures.forecastCost?.amount),
      forecast_source: measures.forecastCost?.source ?? null,
      actual: cents(measures.actualCost),
      approved_changes: cents(measures.approvedChanges.cost)!,
      variance: cents(variance?.amount),
      variance_pct: variance?.pct == null ? null : round(variance.pct, 1),
    },
    evm: roundedEvm(measures.evm),
    earned_schedule: earnedScheduleView(measures.earnedSchedule),
    cost_curve: costCurveView(measures.costCurve),
    milestones: (project.milestones ?? []).map((m) => ({
      id: m.id,
      name: m.name,
      baseline: m.baseline ?? null,
      forecast: m.forecast ?? null,
      actual: m.actual ?? null,
      progress: m.actual ? 100 : (m.progress ?? null),
      weight: m.weight ?? 1,
      state: m.actual ? 'done' : (stateOf.get(m.id) ?? 'planned'),
    })),
    next_milestone: nextMilestone(project, today),
    milestones_overdue: overdue,
    milestones_due: due,
    risks: measures.openRisks.map(({ risk: r, exposure, high }) => ({
      id: r.id,
      title: r.title,
      probability: r.probability,
      impact: r.impact,
      exposure,
      high,
      owner: r.owner ? ctx.person(r.owner) : null,
      mitigation: r.mitigation ?? null,
      review_by: r.review_by ?? null,
    })),
    issues: measures.openIssues.map((i) => ({
        id: i.id,
        title: i.title,
        owner: i.owner ? ctx.person(i.owner) : null,
        raised: i.raised ?? null,
        age_days: i.raised ? measures.ageInDays(i.raised) : null,
        escalated: i.escalated === true,
      })),
    changes_awaiting: (project.changes ?? [])
      .filter((c) => c.status === 'proposed')
      .map((c) => ({
        id: c.id,
        title: c.title,
        raised: c.raised ?? null,
        age_days: c.raised ? measures.ageInDays(c.raised) : null,
        cost_impact: cents(c.cost_impact),
        schedule_impact_days: c.schedule_impact_days ?? null,
      })),
    deliverables: countDeliverables(project),
    kpis: (project.kpis ?? []).map((k) => {
      const higher = k.higher_is_better !== false;
      const actual = k.actual ?? null;
      return { name: k.name, target: k.target, actual, higher_is_better: higher, on_target: actual === null ? null : higher ? actual >= k.target : actual <= k.target };
    }),
    team: (project.team ?? []).map((t) => ({
      person: ctx.person(t.person),
      role: t.role ?? null,
      allocation: t.allocation,
      from: t.from ?? null,
      to: t.to ?? null,
    })),
    records: { required: measures.records.map((r) => r.record), missing: measures.records.filter((r) => !r.present).map((r) => r.record) },
    lessons: (project.lessons ?? []).length,
    findings: findingCounts(findings),
  };
}

function countDeliverables(project: Project) {
  const counts = { total: 0, accepted: 0, pending: 0, rejected: 0 };
  for (const d of project.deliverables ?? []) {
    counts.total++;
    counts[d.acceptance?.status ?? 'pending']++;
  }
  return counts;
}

/** Findings by severity, waived ones counted apart (and not by severity). */

export function findingCounts(findings: readonly Finding[]): ProjectView['findings'] {
  return {
    ...countFindings(findings),
    items: findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, line: f.line, column: f.column, waived: Boolean(f.waived) })),
  };
}

export const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places || 0;

/** Money as the report model carries it: to the cent, never -0 (null stays null). */
export const cents = (n: number | null | undefined): number | null => (n == null ? null : round(n, 2));

/** Earned value as the report model carries it: money to the cent, indices to 4 decimals. */
export function costCurveView(curve: CostMonth[]): ProjectView['cost_curve'] {
  const months = curve.map((m) => ({ month: m.month, planned: cents(m.planned), spent: cents(m.spent), actual: cents(m.actual), forecast: cents(m.forecast) }));
  const columns = months.map((m) => m.month);
  return {
    months,
    logged: months.some((m) => m.spent !== null),
    chart: {
      columns,
      series: [
        { label: 'planned value', values: months.map((m) => m.planned) },
        { label: 'spent', values: months.map((m) => m.actual) },
        { label: 'forecast', values: months.map((m) => m.forecast) },
      ],
    },
  };
}

/** The view with each past month's earned value (by its last day), and the curve's earned line. */
export function withEarned<T extends Pick<ProjectView, 'cost_curve'>>(view: T, earned: ReadonlyMap<string, number | null> | undefined): T {
  if (!earned || earned.size === 0) return view;
  const months = view.cost_curve.months.map((m) => ({ ...m, earned: cents(earned.get(monthEnd(m.month)) ?? null) }));
  const series = [...view.cost_curve.chart.series, { label: 'earned value', values: months.map((m) => m.earned) }];
  return { ...view, cost_curve: { ...view.cost_curve, months, chart: { ...view.cost_curve.chart, series } } };
}

function earnedScheduleView(es: EarnedSchedule | null): ProjectView['earned_schedule'] {
  return es && { es: es.es, sv_t: round(es.svt, 1), spi_t: es.spit === null ? null : round(es.spit, 4) };
}

export function roundedEvm(evm: EarnedValue): EarnedValue {
  const ratio = (n: number | null) => (n === null ? null : round(n, 4));
  return {
    bac: cents(evm.bac), pv: cents(evm.pv), ev: cents(evm.ev), ac: cents(evm.ac), cv: cents(evm.cv), sv: cents(evm.sv),
    cpi: ratio(evm.cpi), spi: ratio(evm.spi), eac: cents(evm.eac), etc: cents(evm.etc), vac: cents(evm.vac), tcpi: ratio(evm.tcpi),
  };
}
export const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
