/**
 * The view model of each report kind: all the logic of a report, before any template sees it. `pmo report
 * <kind> --format json` prints exactly this (docs/report-model.md). A kind the PMO adds with its own
 * template (templates/board.md.hbs) sees the weekly model.
 */
import { UsageError } from '../../../errors.js';
import { idOfFile } from '../../../layout.js';
import { DEFAULT_INTAKE_WEIGHTS, rankRequests } from '../../../metrics/intake.js';
import { resourceLoad } from '../../../metrics/resources.js';
import { suggest } from '../../../model/suggest.js';
import { measureProject } from '../../../metrics/measures.js';
import { reportContext, reportHeader, type ReportContext, type ReportInput } from './context.js';
import { compliance, governanceSummary, NO_MANAGER } from './governance.js';
import { auditActions } from './audit-actions.js';
import { heatmapData, portfolioSummary, projectViews } from './portfolio.js';
import { compare, findingCounts } from './project-view.js';
import { projectDetail } from './project-detail.js';
import { projectAgainst } from './project-against.js';
import type { Project } from '../../../model/schemas/project.js';
import type { ProjectLog } from '../../../history/log.js';
import { daysBetween } from '../../../model/dates.js';
import type { Since } from '../../../history/since.js';
import type { PreviousQuarter } from '../../../history/previous-quarter.js';
import { withEarned } from './project-view.js';
import { chooseWithinBudget, type Scenario } from '../../../metrics/intake-scenario.js';
import { capacityModel, capacityOptions, DEFAULT_CAPACITY_MONTHS } from './capacity.js';
import { scenarioLimits } from '../../../metrics/capacity-limits.js';
import { peopleReport } from './people.js';
import { scorecards } from './scorecards.js';

export const BUILTIN_KINDS = ['weekly', 'audit', 'project', 'resources', 'intake', 'people', 'trends', 'capacity'] as const;

export interface ModelOptions {
  /** `pmo report project <id>`. */
  project?: string;
  /** `pmo report resources` and `people`: weeks shown from this week on. */
  weeks?: number;
  /** `pmo report project <id> --history`: the commits that moved its forecast end or its overall status. */
  history?: ProjectLog;
  /** `pmo report intake --budget <amount>`: the requests with the highest total score that fit it. */
  budget?: number;
  /** `pmo report project <id>`: its earned value at each past month's end, from git (history/earned-by-month.ts). */
  earned?: ReadonlyMap<string, number | null>;
  /** `pmo report project <id> --against <ref>`: the project as that commit had it. */
  against?: { ref: string; commit: string; date: string; data: Project | undefined };
  /** audit and people: the portfolio at the end of the previous quarter, for the pain points (src/history/previous-quarter.ts). */
  previous?: PreviousQuarter | null;
  /** The weekly's "Since last week", from git (src/history/since.ts). */
  since?: Since;
  /** `pmo report capacity`: months shown from this month on. */
  months?: number;
  /** `pmo report intake --budget <amount> --capacity`: each role's free capacity per month constrains the set too. */
  capacity?: boolean;
}

export type WeeklyModel = ReturnType<typeof weekly>;
export type AuditModel = ReturnType<typeof audit>;
export type ProjectModel = ReturnType<typeof project>;
export type ResourcesModel = ReturnType<typeof resources>;
export type IntakeModel = ReturnType<typeof intake>;
export type CapacityModel = ReturnType<typeof capacityModel>;
export type PeopleModel = ReturnType<typeof peopleReport>;
export type ReportModel = WeeklyModel | AuditModel | ProjectModel | ResourcesModel | IntakeModel | CapacityModel | PeopleModel;

export function buildReportModel(input: ReportInput, options: ModelOptions = {}): ReportModel {
  const ctx = reportContext(input);
  switch (ctx.kind) {
    case 'audit':
      return audit(ctx, options.previous);
    case 'project':
      return project(ctx, options.project, options);
    case 'resources':
      return resources(ctx, options.weeks ?? 12);
    case 'intake':
      return intake(ctx, options.budget, options.capacity);
    case 'capacity':
      return capacityModel(ctx, options.months ?? DEFAULT_CAPACITY_MONTHS);
    case 'people':
      return peopleReport(ctx, options.weeks ?? 12, options.previous);
    default:
      return weekly(ctx, options.since);
  }
}

function leftOut(ctx: ReportContext) {
  return ctx.data.leftOut;
}

function weekly(ctx: ReportContext, since?: Since) {
  const projects = projectViews(ctx);
  const title = ctx.kind === 'weekly' ? 'Weekly portfolio status' : ctx.kind;
  return { report: reportHeader(ctx, title), summary: portfolioSummary(ctx, projects), since: since ? sinceView(ctx, since) : null, projects, left_out: leftOut(ctx) };
}

/** "Since last week" as the templates read it: the moves with names beside ids, and whether there is anything. */
function sinceView(ctx: ReportContext, since: Since) {
  if (!since.available) return { ...since, changed: false };
  const { changes } = since;
  const changed = Object.entries(changes).some(([key, list]) => key !== 'no_update' && list.length > 0);
  return {
    ...since,
    commit_short: since.commit.slice(0, 12),
    changed,
    changes: { ...changes, no_update: changes.no_update.map((p) => ({ ...p, manager: ctx.person(p.manager) })) },
  };
}

function audit(ctx: ReportContext, previous?: PreviousQuarter | null) {
  const projects = projectViews(ctx);
  const scores = compliance(ctx);
  const required = projects.reduce((n, p) => n + p.records.required.length, 0);
  const missing = projects.reduce((n, p) => n + p.records.missing.length, 0);
  // Findings outside any project file (pmo.yaml, people.yaml, rule files) are the PMO's own to fix.
  const projectFiles = new Set([...projects.map((p) => p.file), ...ctx.data.brokenProjects.map((b) => b.path)]);
  return {
    report: reportHeader(ctx, 'Governance audit'),
    governance: governanceSummary(ctx, scores),
    compliance: namedCompliance(ctx, scores),
    records: {
      required,
      present: required - missing,
      completeness_pct: required ? Math.round(((required - missing) / required) * 1000) / 10 : null,
      projects: projects.filter((p) => p.records.missing.length > 0).map((p) => ({ project: p.id, project_name: p.name, phase: p.phase, missing: p.records.missing })),
    },
    projects: [
      ...projects.map((p) => ({ id: p.id, name: p.name, manager: p.manager, phase: p.phase, file: p.file, findings: p.findings, left_out: false })),
      ...ctx.data.brokenProjects.map((b) => ({
        id: b.id, name: b.name ?? b.id, manager: ctx.person(b.manager ?? NO_MANAGER), phase: b.phase, file: b.path, findings: findingCounts(ctx.findingsOf(b.path)), left_out: true,
      })),
    ].sort((a, b) => compare(a.id, b.id)),
    other_files: [...new Set(ctx.findings.map((f) => f.file).filter((file) => !projectFiles.has(file)))].sort().map((file) => ({
      file,
      findings: ctx.findingsOf(file).map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, line: f.line, column: f.column, waived: Boolean(f.waived) })),
    })),
    actions: auditActions(ctx),
    scorecards: scorecards(ctx, undefined, previous),
    left_out: leftOut(ctx),
  };
}

/**
 * The scores with the names the weekly shows beside the ids (a PM reads names; tools join on ids), and whether
 * any project records a department (when none does, there is nothing to rank, only the group of the rest).
 */
function namedCompliance(ctx: ReportContext, scores: ReturnType<typeof compliance>) {
  const names = new Map<string, string>([...ctx.data.brokenProjects.map((b) => [b.id, b.name ?? b.id] as const), ...ctx.data.projects.map((p) => [p.data.id, p.data.name] as const)]);
  const managerName = (id: string) => ctx.person(id).name ?? id;
  return {
    projects: scores.projects.map((p) => ({ ...p, project_name: names.get(p.project) ?? p.project, manager_name: managerName(p.manager) })),
    managers: scores.managers.map((m) => ({ ...m, manager_name: managerName(m.manager) })),
    departments: scores.departments,
    departments_recorded: scores.departments.some((d) => d.department !== null),
  };
}

function project(ctx: ReportContext, id: string | undefined, { against, history, earned }: ModelOptions) {
  if (!id) throw new UsageError('pmo report project needs a project id: pmo report project <id>');
  // Its file, .yaml or .yml, is named after it.
  const named = (path: string) => path.startsWith('projects/') && idOfFile(path) === id;
  const found = ctx.data.projects.find((p) => p.data.id === id || named(p.path));
  if (!found) {
    const left = ctx.data.leftOut.find((l) => named(l.file));
    // The reason is "N YAML or schema errors: ..." or "not a file: ..." (load/portfolio-data.ts).
    if (left) throw new UsageError(`${left.file} cannot be reported: it ${left.reason.startsWith('not a file') ? 'is' : 'has'} ${left.reason}`);
    const hint = suggest(id, ctx.data.projects.map((p) => p.data.id));
    throw new UsageError(`no project '${id}' in projects/${hint ? `; did you mean '${hint}'?` : ''}`);
  }
  const detail = withEarned(projectDetail(found.path, found.data, ctx), earned);
  const changes = against?.data ? projectAgainst(measureProject(against.data, ctx.config, against.date), ctx.measure(found.data)) : null;
  return {
    // The one-pager shows the project's money in its own currency.
    report: { ...reportHeader(ctx, found.data.name), currency: detail.currency },
    project: detail,
    against: against ? { ref: against.ref, commit: against.commit, date: against.date, existed: Boolean(against.data), changes } : null,
    history: history ? projectHistory(history) : null,
  };
}

function resources(ctx: ReportContext, weeks: number) {
  const last = ctx.config.lifecycle[ctx.config.lifecycle.length - 1];
  const load = resourceLoad(ctx.data.projects.map((p) => p.data), ctx.data.people, {
    from: ctx.today,
    weeks,
    defaultCapacity: ctx.config.thresholds.allocation_max_pct,
    lastPhase: last,
  });
  return {
    report: reportHeader(ctx, 'Resource load'),
    weeks: load.weeks,
    people: load.people,
    over_allocated: load.people.filter((p) => p.over_weeks > 0).length,
    heatmap: heatmapData(load),
    left_out: leftOut(ctx),
  };
}

function intake(ctx: ReportContext, budget: number | undefined, capacity = false) {
  const weights = Object.keys(ctx.config.intakeWeights).length > 0 ? ctx.config.intakeWeights : DEFAULT_INTAKE_WEIGHTS;
  const requests = rankRequests(ctx.data.requests.map((r) => r.data), weights).map((r) => ({
    ...r,
    goals: r.goals.map((id) => ({ id, title: ctx.goalTitle(id) })),
    requested_by: ctx.person(ctx.data.requests.find((q) => q.data.id === r.id)?.data.requested_by ?? ''),
  }));
  return {
    report: reportHeader(ctx, 'Intake: requests ranked'),
    weights: Object.entries(weights).map(([criterion, weight]) => ({ criterion, weight })),
    weights_source: Object.keys(ctx.config.intakeWeights).length > 0 ? 'pmo.yaml' : 'default',
    requests,
    scenario: budget === undefined ? null : scenarioView(scenarioOf(ctx, requests, budget, capacity), requests, capacity),
    left_out: leftOut(ctx),
  };
}

/** The budget scenario; with --capacity, each role's free people per month (metrics/capacity-limits.ts) hold it too. */
function scenarioOf(ctx: ReportContext, requests: ReadonlyArray<{ id: string; score: number; cost: number | null }>, budget: number, capacity: boolean): Scenario {
  if (!capacity) return chooseWithinBudget(requests, budget);
  const { limits, needs } = scenarioLimits(ctx.data.projects.map((p) => p.data), ctx.data.people, ctx.data.requests.map((r) => r.data), capacityOptions(ctx));
  return chooseWithinBudget(requests.map((r) => ({ ...r, needs: needs.get(r.id) ?? [] })), budget, limits);
}

/** The scenario with each request's name, score and cost beside its id. */
function scenarioView(scenario: Scenario, requests: ReadonlyArray<{ id: string; name: string; score: number; cost: number | null }>, capacity: boolean) {
  const byId = new Map(requests.map((r) => [r.id, r]));
  const about = (id: string) => ({ id, name: byId.get(id)!.name, score: byId.get(id)!.score, cost: byId.get(id)!.cost });
  return { ...scenario, capacity, chosen: scenario.chosen.map(about), left_out: scenario.left_out.map((l) => ({ ...about(l.id), reason: l.reason, constraint: l.constraint })) };
}

/**
 * `--history`: from the project's git log, oldest first, each move of its forecast end (with the slip in days)
 * and each change of its overall status as reported (the latest update's RAG after each commit).
 */
function projectHistory(log: ProjectLog) {
  const commits = [...log.commits].reverse();
  const at = (c: (typeof commits)[number]) => ({ commit: c.short, date: c.date, author: c.author.name });
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    forecast_end: commits.flatMap((c) =>
      c.changes
        .filter((ch) => ch.path === 'dates.forecast_end')
        .map((ch) => {
          const [from, to] = [text(ch.old), text(ch.new)];
          return { ...at(c), from, to, slip_days: from && to ? daysBetween(from, to) : null };
        }),
    ),
    overall: commits.flatMap((c) => c.changes.filter((ch) => ch.path.endsWith('.overall')).map((ch) => ({ ...at(c), from: text(ch.old), to: text(ch.new) }))),
    incomplete: log.incomplete,
  };
}
