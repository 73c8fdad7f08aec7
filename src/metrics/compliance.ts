/** Compliance: findings per project, per PM, per department and per rule, and a score to rank them by. */
import type { Finding } from '../findings.js';
import { byText, sharedRanks } from './numbers.js';

export interface ComplianceProject {
  id: string;
  manager: string;
  department?: unknown;
  /** The project's file, as findings name it (projects/apollo.yaml). */
  path: string;
}

export interface ProjectCompliance {
  project: string;
  manager: string;
  department: string | null;
  errors: number;
  warnings: number;
  infos: number;
  waived: number;
  score: number;
}

export interface ManagerCompliance {
  manager: string;
  projects: number;
  errors: number;
  warnings: number;
  score: number;
  rank: number;
}

export interface DepartmentCompliance {
  department: string | null;
  projects: number;
  errors: number;
  warnings: number;
  score: number;
  /** null for the projects with no department: they are shown, not ranked. */
  rank: number | null;
}

export interface RuleCompliance {
  rule: string;
  errors: number;
  warnings: number;
  infos: number;
  waived: number;
  /** Projects with at least one unwaived finding of the rule. */
  projects: number;
}

export interface ComplianceSummary {
  projects: ProjectCompliance[];
  managers: ManagerCompliance[];
  departments: DepartmentCompliance[];
  rules: RuleCompliance[];
}

/**
 * 100 less 10 per error, 3 per warning and 1 per info, never below 0; waived findings are approved exceptions
 * and cost nothing. An error weighs most because it is what a controlling PMO blocks on.
 */
export function complianceScore(counts: { errors: number; warnings: number; infos: number }): number {
  return Math.max(0, 100 - 10 * counts.errors - 3 * counts.warnings - counts.infos);
}

type Counts = { errors: number; warnings: number; infos: number; waived: number };
const zero = (): Counts => ({ errors: 0, warnings: 0, infos: 0, waived: 0 });

function count(counts: Counts, finding: Finding): void {
  if (finding.waived) counts.waived++;
  else if (finding.severity === 'error') counts.errors++;
  else if (finding.severity === 'warn') counts.warnings++;
  else counts.infos++;
}

/** A department as PMO-defined data may give it: text, or nothing to group by. */
const departmentOf = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export function complianceSummary(findings: readonly Finding[], projects: readonly ComplianceProject[]): ComplianceSummary {
  const byFile = new Map<string, Counts>();
  for (const project of projects) byFile.set(project.path, zero());

  const rules = new Map<string, Counts & { projects: Set<string> }>();
  for (const finding of findings) {
    const ofProject = byFile.get(finding.file);
    if (ofProject) count(ofProject, finding);
    let rule = rules.get(finding.rule);
    if (!rule) rules.set(finding.rule, (rule = { ...zero(), projects: new Set() }));
    count(rule, finding);
    if (ofProject && !finding.waived) rule.projects.add(finding.file);
  }

  const projectRows = projects.map((project): ProjectCompliance => {
    const counts = byFile.get(project.path)!;
    return {
      project: project.id,
      manager: project.manager,
      department: departmentOf(project.department),
      ...counts,
      score: complianceScore(counts),
    };
  });
  // Worst first: an audit starts where the findings are.
  projectRows.sort((a, b) => a.score - b.score || byText(a.project, b.project));

  return {
    projects: projectRows,
    managers: groupScores(projectRows, (row) => row.manager).map(({ key, ...rest }) => ({ manager: key, ...rest })),
    departments: departmentScores(projectRows),
    rules: [...rules]
      .map(([rule, c]): RuleCompliance => ({ rule, errors: c.errors, warnings: c.warnings, infos: c.infos, waived: c.waived, projects: c.projects.size }))
      .sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || b.infos - a.infos || b.waived - a.waived || byText(a.rule, b.rule)),
  };
}

/** Projects grouped by a key: counts summed, score the mean of the projects' scores, ranked best first. */
function groupScores<K extends string | null>(rows: readonly ProjectCompliance[], keyOf: (row: ProjectCompliance) => K) {
  const groups = new Map<K, { projects: number; errors: number; warnings: number; scoreSum: number }>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key) ?? { projects: 0, errors: 0, warnings: 0, scoreSum: 0 };
    group.projects++;
    group.errors += row.errors;
    group.warnings += row.warnings;
    group.scoreSum += row.score;
    groups.set(key, group);
  }
  const sorted = [...groups]
    .map(([key, g]) => ({ key, projects: g.projects, errors: g.errors, warnings: g.warnings, score: g.scoreSum / g.projects }))
    .sort((a, b) => b.score - a.score || byText(String(a.key), String(b.key)));
  const ranks = sharedRanks(sorted.map((g) => g.score));
  return sorted.map((g, i) => ({ ...g, rank: ranks[i]! }));
}

/** Departments ranked like managers; projects with no department form one unranked group, listed last. */
function departmentScores(rows: readonly ProjectCompliance[]): DepartmentCompliance[] {
  const ranked = groupScores(
    rows.filter((row) => row.department !== null),
    (row) => row.department!,
  ).map(({ key, ...rest }): DepartmentCompliance => ({ department: key, ...rest }));
  const none = groupScores(
    rows.filter((row) => row.department === null),
    () => null,
  ).map(({ key, ...rest }): DepartmentCompliance => ({ department: key, ...rest, rank: null }));
  return [...ranked, ...none];
}
