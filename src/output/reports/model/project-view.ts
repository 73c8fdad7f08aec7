/**
 * One project as every report shows it: names resolved, measures computed, nulls where a value is unknown.
 * Field names are snake_case: this is the JSON report model (docs/report-model.md), field for field.
 */
import { countFindings, type Finding } from '../../../findings.js';
import { daysBetween } from '../../../model/dates.js';
import type { Project } from '../../../model/schemas/project.js';
import { projectSchema } from '../../../model/schemas/project.js';
import { earnedValue, type EarnedValue } from '../../../metrics/evm.js';
import { riskExposure } from '../../../metrics/risk.js';
import { milestonesDue, nextMilestone, overdueMilestones, scheduleSlipDays } from '../../../metrics/schedule.js';
import { approvedChanges, hasRecord, isClosed, isOpenRisk, latestStatus } from '../../../rules/util.js';
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
  priority: number | null;
  currency: string;
  goals: Array<{ id: string; title: string | null }>;
  /** The PMO's own fields (pmo.yaml schema extensions), as written. */
  fields: Record<string, unknown>;
  dates: { start: string; baseline_end: string | null; forecast_end: string | null; actual_end: string | null };
  slip_days: number | null;
  rag: { overall: Rag; schedule: Rag; cost: Rag; scope: Rag };
  status: {
    date: string;
    by: Named | null;
    age_days: number;
    stale: boolean;
    summary: string | null;
    next: string[];
  } | null;
  status_history: Array<{ date: string; overall: Rag }>;
  /** The overall status over the updates as a number (red 1, amber 2, green 3), for a sparkline. */
  rag_trend: Array<number | null>;
  budget: {
    baseline: number | null;
    forecast: number | null;
    actual: number | null;
    approved_changes: number;
    variance: number | null;
    variance_pct: number | null;
  };
  evm: EarnedValue;
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
  const thresholds = config.thresholds;
  const closed = isClosed(project, config.lifecycle);
  const updates = project.status ?? [];
  const latest = latestStatus(project)?.update;
  const baseline = project.budget?.baseline ?? null;
  const forecast = project.budget?.forecast ?? null;
  const variance = baseline !== null && forecast !== null ? forecast - baseline : null;
  const overdue = overdueMilestones(project, today);
  const due = milestonesDue(project, today, ctx.horizonDays ?? DEFAULT_HORIZON_DAYS);
  const stateOf = new Map<string, 'overdue' | 'due'>([...overdue.map((m) => [m.id, 'overdue'] as const), ...due.map((m) => [m.id, 'due'] as const)]);
  const required = requiredRecords(project, config.lifecycle, config.records);

  return {
    id: project.id,
    name: project.name,
    file: path,
    description: project.description ?? null,
    manager: ctx.person(project.manager),
    sponsor: project.sponsor ? ctx.person(project.sponsor) : null,
    phase: project.phase,
    closed,
    priority: project.priority ?? null,
    currency: project.currency ?? config.currency,
    goals: (project.goals ?? []).map((id) => ({ id, title: ctx.goalTitle(id) })),
    fields: Object.fromEntries(Object.entries(project).filter(([key]) => !BUILTIN_FIELDS.has(key))),
    dates: {
      start: project.dates.start,
      baseline_end: project.dates.baseline_end ?? null,
      forecast_end: project.dates.forecast_end ?? null,
      actual_end: project.dates.actual_end ?? null,
    },
    slip_days: scheduleSlipDays(project),
    rag: { overall: rag(latest?.overall), schedule: rag(latest?.schedule), cost: rag(latest?.cost), scope: rag(latest?.scope) },
    status: latest
      ? {
          date: latest.date,
          by: latest.by ? ctx.person(latest.by) : null,
          age_days: daysBetween(latest.date, today),
          stale: !closed && daysBetween(latest.date, today) > thresholds.status_max_age_days,
          summary: latest.summary ?? null,
          next: latest.next ?? [],
        }
      : null,
    status_history: updates.map((u) => ({ date: u.date, overall: rag(u.overall) })),
    rag_trend: updates.map((u) => RAG_LEVEL[u.overall] ?? null),
    budget: {
      baseline,
      forecast,
      actual: project.budget?.actual ?? null,
      approved_changes: approvedChanges(project).cost,
      variance,
      variance_pct: variance !== null && baseline ? round((variance / baseline) * 100, 1) : null,
    },
    evm: earnedValue(project, today),
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
    risks: (project.risks ?? [])
      .filter(isOpenRisk)
      .map((r) => ({
        id: r.id,
        title: r.title,
        probability: r.probability,
        impact: r.impact,
        exposure: riskExposure(r),
        high: riskExposure(r) >= thresholds.risk_high_exposure,
        owner: r.owner ? ctx.person(r.owner) : null,
        mitigation: r.mitigation ?? null,
        review_by: r.review_by ?? null,
      }))
      .sort((a, b) => b.exposure - a.exposure || compare(a.id, b.id)),
    issues: (project.issues ?? [])
      .filter((i) => i.status !== 'closed')
      .map((i) => ({
        id: i.id,
        title: i.title,
        owner: i.owner ? ctx.person(i.owner) : null,
        raised: i.raised ?? null,
        age_days: i.raised ? daysBetween(i.raised, today) : null,
        escalated: i.escalated === true,
      })),
    changes_awaiting: (project.changes ?? [])
      .filter((c) => c.status === 'proposed')
      .map((c) => ({
        id: c.id,
        title: c.title,
        raised: c.raised ?? null,
        age_days: c.raised ? daysBetween(c.raised, today) : null,
        cost_impact: c.cost_impact ?? null,
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
    records: { required, missing: required.filter((name) => !hasRecord(project, name)) },
    lessons: (project.lessons ?? []).length,
    findings: findingCounts(findings),
  };
}

/** The records pmo.yaml requires of a project in its phase: those of that phase and every phase before. */
function requiredRecords(project: Project, lifecycle: readonly string[], records: Record<string, string[]>): string[] {
  const at = lifecycle.indexOf(project.phase);
  return [...new Set(lifecycle.slice(0, at + 1).flatMap((phase) => records[phase] ?? []))];
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

export const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
export const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
