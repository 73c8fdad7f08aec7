/**
 * Scorecards: how a group of projects performs (a project manager's, a department's, a sponsor's, a goal's, or
 * any segment pmo.yaml names), from each project's measures (measures.ts), its findings (compliance.ts's
 * score), its audit actions (audit-actions.ts) and its managers' trainings (trainings.ts). Nothing is measured
 * here that those do not give: this module only sums and averages. docs/metrics.md ("Scorecards") defines each
 * figure.
 */
import type { ActionRow } from './audit-actions.js';
import { complianceScore } from './compliance.js';
import type { ProjectMeasures } from './measures.js';
import { byText } from './numbers.js';
import { holdsValid, type TrainingState } from './trainings.js';

/** One project as a scorecard reads it. */
export interface ScoredProject {
  id: string;
  manager: string;
  /** The groups the project belongs to, by segment: `department: [IT]`, `goal: [G1, G2]`. */
  segments: Readonly<Record<string, readonly string[]>>;
  measures: Pick<ProjectMeasures, 'baselineMilestones' | 'evm' | 'status'>;
  /** Its file's findings not waived, by severity. */
  findings: { errors: number; warnings: number; infos: number };
  /** The rules and categories of those findings, one entry a finding. */
  findingRules: ReadonlyArray<{ rule: string; category: string }>;
  /** The audit actions on its findings. */
  actions: readonly ActionRow[];
}

export interface Scorecard {
  key: string;
  projects: number;
  milestones_due: number;
  milestones_met: number;
  milestones_met_pct: number | null;
  cpi_avg: number | null;
  cpi_worst: number | null;
  spi_avg: number | null;
  spi_worst: number | null;
  status_owed: number;
  status_on_time: number;
  status_on_time_pct: number | null;
  findings: number;
  findings_per_project: number | null;
  compliance_score: number | null;
  actions_due: number;
  actions_on_time: number;
  actions_on_time_pct: number | null;
  trainings_required: number;
  trainings_valid: number;
  training_compliance_pct: number | null;
}

/** A count now, and at the end of the previous quarter (null: no history to compare with). */
export interface Compared {
  findings: number;
  previous: number | null;
  change: number | null;
}

export interface PainPoints {
  rules: Array<{ rule: string } & Compared>;
  categories: Array<{ category: string } & Compared>;
}

/** How many rules and categories a group's pain points name. */
export const PAIN_POINTS_SHOWN = 3;

/**
 * The scorecard of a group of projects. `trainings` are the standings of the group's people (a manager's own;
 * a segment's: each of its projects' managers once) in every training required of them.
 */
export function scorecard(key: string, projects: readonly ScoredProject[], trainings: ReadonlyArray<{ state: TrainingState }>): Scorecard {
  const milestones = projects.map((p) => p.measures.baselineMilestones);
  const [due, met] = [sum(milestones.map((m) => m.due)), sum(milestones.map((m) => m.met))];
  const cpis = defined(projects.map((p) => p.measures.evm.cpi));
  const spis = defined(projects.map((p) => p.measures.evm.spi));
  const owed = projects.filter((p) => p.measures.status.required);
  const onTime = owed.filter((p) => !p.measures.status.stale).length;
  const findings = sum(projects.map((p) => p.findings.errors + p.findings.warnings + p.findings.infos));
  const actions = projects.flatMap((p) => p.actions).filter(isDue);
  const actionsOnTime = actions.filter((a) => a.standing.closedOnTime === true).length;
  const valid = trainings.filter(holdsValid).length;
  return {
    key,
    projects: projects.length,
    milestones_due: due,
    milestones_met: met,
    milestones_met_pct: percent(met, due),
    cpi_avg: mean(cpis),
    cpi_worst: worst(cpis),
    spi_avg: mean(spis),
    spi_worst: worst(spis),
    status_owed: owed.length,
    status_on_time: onTime,
    status_on_time_pct: percent(onTime, owed.length),
    findings,
    findings_per_project: projects.length === 0 ? null : round(findings / projects.length, 1),
    compliance_score: mean(projects.map((p) => complianceScore(p.findings)), 1),
    actions_due: actions.length,
    actions_on_time: actionsOnTime,
    actions_on_time_pct: percent(actionsOnTime, actions.length),
    trainings_required: trainings.length,
    trainings_valid: valid,
    training_compliance_pct: percent(valid, trainings.length),
  };
}

/**
 * An action that can be judged on time: closed (done or verified: on time when done by its due date), or open
 * past its due date (late). Open actions not yet due and dropped ones are not judged.
 */
const isDue = (row: ActionRow) => row.standing.closedOn !== null || row.standing.overdue;

/**
 * The rules and categories with the most findings among the projects, most first (ties by name), each with its
 * count among `before` (the same group's projects at the end of the previous quarter) and the change since.
 */
export function painPoints(projects: readonly ScoredProject[], before?: readonly ScoredProject[]): PainPoints {
  const entries = projects.flatMap((p) => p.findingRules);
  const earlier = before?.flatMap((p) => p.findingRules);
  const compared = (findings: number, previous: number | null): Compared => ({ findings, previous, change: previous === null ? null : findings - previous });
  const countOf = (key: 'rule' | 'category', value: string) => (earlier ? earlier.filter((e) => e[key] === value).length : null);
  return {
    rules: top(entries.map((e) => e.rule)).map(([rule, n]) => ({ rule, ...compared(n, countOf('rule', rule)) })),
    categories: top(entries.map((e) => e.category)).map(([category, n]) => ({ category, ...compared(n, countOf('category', category)) })),
  };
}

/** The projects grouped by each of their values of a segment (a project with two goals is in both), in key order. */
export function groupBy(projects: readonly ScoredProject[], keysOf: (p: ScoredProject) => readonly string[]): Array<[string, ScoredProject[]]> {
  const groups = new Map<string, ScoredProject[]>();
  for (const project of projects) {
    for (const key of new Set(keysOf(project))) {
      const group = groups.get(key);
      if (group) group.push(project);
      else groups.set(key, [project]);
    }
  }
  return [...groups].sort(([a], [b]) => byText(a, b));
}

function top(values: readonly string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || byText(a[0], b[0])).slice(0, PAIN_POINTS_SHOWN);
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const defined = (values: ReadonlyArray<number | null>) => values.filter((v): v is number => v !== null);
const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
const mean = (values: readonly number[], places = 3) => (values.length === 0 ? null : round(sum(values) / values.length, places));
const worst = (values: readonly number[]) => (values.length === 0 ? null : round(Math.min(...values), 3));
const percent = (part: number, whole: number) => (whole === 0 ? null : round((part / whole) * 100, 1));
