/** Runs a built-in rule on in-memory data, so a metric can be held to the rule it must agree with. */
import { configFrom } from '../../src/model/config.js';
import type { Project } from '../../src/model/schemas/project.js';
import { baseContext } from '../../src/rules/context.js';
import type { PortfolioFile, PortfolioRule, ProjectRule, Report } from '../../src/rules/types.js';

export function runProjectRule(rule: ProjectRule, projects: Project[], today: string, pmo: unknown = {}): Array<Report & { project: string }> {
  const config = configFrom(pmo);
  const reports: Array<Report & { project: string }> = [];
  for (const project of projects) {
    rule.check(project, { ...baseContext(config, today), report: (r) => reports.push({ ...r, project: project.id }) });
  }
  return reports;
}

export function runPortfolioRule<T>(
  rule: PortfolioRule<T>,
  files: Array<{ path: string; kind: 'project' | 'people'; data: unknown }>,
  today: string,
  pmo: unknown = {},
): Array<Report & { file: string }> {
  const config = configFrom(pmo);
  const extracts = files.flatMap(({ path, kind, data }): Array<PortfolioFile<T>> => {
    const facts = rule.extract(kind, data);
    return facts === undefined ? [] : [{ path, kind, facts }];
  });
  const reports: Array<Report & { file: string }> = [];
  rule.check(extracts, { ...baseContext(config, today), report: (r) => reports.push(r), holdsUntil: () => {} });
  return reports;
}

/** A project with just what the schema requires, and the given fields. */
export function project(id: string, fields: Partial<Project> = {}): Project {
  return { id, name: id, manager: 'jdoe', phase: 'execution', dates: { start: '2026-01-05' }, ...fields };
}
