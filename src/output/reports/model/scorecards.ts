/**
 * The scorecards of the audit and people reports: one per project manager and one per group of each segment
 * (department, sponsor, goal, and the project fields pmo.yaml's `segments` names), with each segment's pain
 * points. The figures are src/metrics/scorecard.ts's; this module only gathers what it reads.
 */
import { categoryOf } from '../../../rules/categories.js';
import { actionRows, type ActionRow } from '../../../metrics/audit-actions.js';
import { countFindings } from '../../../findings.js';
import { groupBy, painPoints, scorecard, type ScoredProject } from '../../../metrics/scorecard.js';
import { budgetInReporting, heldTrainings, personStandings, type ManagedProject, type TrainingStanding } from '../../../metrics/trainings.js';
import type { Project } from '../../../model/schemas/project.js';
import { reportContext, type ReportContext } from './context.js';
import type { PreviousQuarter } from '../../../history/previous-quarter.js';

/** The segments every portfolio has, before pmo.yaml's own. */
export const BUILTIN_SEGMENTS = ['department', 'sponsor', 'goal'] as const;

/** The built-in rules' categories, for a context that brings none (the PMO's own rules are then `other`). */
const BUILTIN_ONLY = categoryOf([]);

/** A project's value(s) of a segment: text (or a number) as written, a list's items; none when it has none. */
function segmentValues(project: Project, segment: string): string[] {
  const value = segment === 'goal' ? project.goals : (project as Record<string, unknown>)[segment];
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((v) => (typeof v === 'string' && v !== '' ? [v] : typeof v === 'number' ? [String(v)] : []));
}

export function segmentsOf(ctx: Pick<ReportContext, 'config'>): string[] {
  return [...new Set([...BUILTIN_SEGMENTS, ...ctx.config.segments])];
}

/** Each project as the scorecards read it. */
export function scoredProjects(ctx: ReportContext): ScoredProject[] {
  const actions = new Map<string, ActionRow[]>();
  for (const row of actionRows(ctx.data.audits, ctx.today)) {
    if (!row.project) continue;
    const list = actions.get(row.project);
    if (list) list.push(row);
    else actions.set(row.project, [row]);
  }
  const segments = segmentsOf(ctx);
  const category = ctx.categoryOf ?? BUILTIN_ONLY;
  return ctx.data.projects.map(({ path, data }) => {
    const own = ctx.findingsOf(path).filter((f) => !f.waived);
    const counts = countFindings(own);
    return {
      id: data.id,
      manager: data.manager,
      segments: Object.fromEntries(segments.map((s) => [s, segmentValues(data, s)])),
      measures: ctx.measure(data),
      findings: { errors: counts.errors, warnings: counts.warnings, infos: counts.infos },
      findingRules: own.map((f) => ({ rule: f.rule, category: category(f.rule) })),
      actions: actions.get(data.id) ?? [],
    };
  });
}

/** The running projects a person manages, as the trainings they require of their manager read them. */
function managedBy(ctx: ReportContext, person: string): ManagedProject[] {
  return ctx.data.projects
    .filter(({ data }) => data.manager === person && !ctx.measure(data).finished)
    .map(({ data }) => ({ phase: data.phase, budget: budgetInReporting(ctx.measure(data).approvedBudget, data.currency, ctx.config) }));
}

/** Every person's standing in every training required of them (people.yaml's people; others hold none). */
export function trainingStandings(ctx: ReportContext): Map<string, TrainingStanding[]> {
  const known = new Map(ctx.data.people.map((p) => [p.id, p]));
  const ids = new Set([...known.keys(), ...ctx.data.projects.map((p) => p.data.manager)]);
  return new Map(
    [...ids].map((id) => {
      const person = known.get(id);
      return [id, personStandings(person ? heldTrainings(person) : [], person?.role, managedBy(ctx, id), ctx.config.trainings, ctx.config, ctx.today)];
    }),
  );
}

/** The projects as the previous quarter's end had them, judged on that day. */
function earlierProjects(ctx: ReportContext, previous: PreviousQuarter | undefined): ScoredProject[] | undefined {
  if (!previous) return undefined;
  return scoredProjects(reportContext({ kind: ctx.kind, today: previous.date, config: ctx.config, data: previous.data, findings: previous.findings, categoryOf: ctx.categoryOf }));
}

export function scorecards(ctx: ReportContext, trainings = trainingStandings(ctx), previous?: PreviousQuarter | null) {
  const projects = scoredProjects(ctx);
  const before = earlierProjects(ctx, previous ?? undefined);
  const of = (people: Iterable<string>) => [...new Set(people)].flatMap((id) => trainings.get(id) ?? []);
  return {
    managers: groupBy(projects, (p) => [p.manager]).map(([manager, list]) => ({
      ...scorecard(manager, list, of([manager])),
      name: ctx.person(manager).name,
    })),
    /** What the pain points compare with: the end of the previous quarter (null: no git history that old). */
    compared_with: previous ? { quarter: previous.label, date: previous.date, commit: previous.commit } : null,
    segments: segmentsOf(ctx).map((segment) => ({
      segment,
      groups: groupBy(projects, (p) => p.segments[segment] ?? []).map(([key, list]) => ({
        ...scorecard(key, list, of(list.map((p) => p.manager))),
        name: segment === 'sponsor' ? ctx.person(key).name : segment === 'goal' ? ctx.goalTitle(key) : null,
        pain_points: painPoints(list, before?.filter((p) => (p.segments[segment] ?? []).includes(key))),
      })),
    })),
  };
}

/** What `pmo report trends --by` groups by: the manager, or a segment. */
export const BY_MANAGER = 'manager';

/** The scorecard of each group of one grouping: the projects' managers, or the values of a segment. */
export function scorecardsBy(ctx: ReportContext, by: string) {
  const trainings = trainingStandings(ctx);
  const of = (people: Iterable<string>) => [...new Set(people)].flatMap((id) => trainings.get(id) ?? []);
  const projects = scoredProjects(ctx);
  const keysOf = (p: ScoredProject) => (by === BY_MANAGER ? [p.manager] : (p.segments[by] ?? []));
  return groupBy(projects, keysOf).map(([key, list]) => scorecard(key, list, of(list.map((p) => p.manager))));
}
