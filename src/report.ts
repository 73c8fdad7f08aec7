/**
 * `pmo report` as a function: check (for the findings) → the portfolio's data → the view model → a template,
 * CSV or JSON. The model is built from the same load `pmo check` does, so a report and a check never disagree.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { check, type CheckOptions } from './check.js';
import { GitError, UsageError } from './errors.js';
import { classifyFiles, findRoot } from './load/discover.js';
import { fileOfId } from './layout.js';
import { buildTrends, type TrendOptions, type TrendsModel } from './trends.js';
import type { Interval } from './history/periods.js';
import { keptParse, readPortfolioData, type PortfolioData } from './load/portfolio-data.js';
import { monthEnd } from './metrics/costs.js';
import { measureProject } from './metrics/measures.js';
import type { Config } from './model/config.js';
import { suggest } from './model/suggest.js';
import { parseYaml } from './load/parse-yaml.js';
import { projectLog } from './history/log.js';
import { decodeSource } from './load/read.js';
import type { Project } from './model/schemas/project.js';
import { costCurveCsv, reportCsv } from './output/reports/csv.js';
import { narrowPortfolio, type PortfolioFilter } from './model/portfolio-filter.js';
import { BUILTIN_KINDS, buildReportModel, type ReportModel } from './output/reports/model/index.js';
import { findTemplate, renderTemplate, templateKinds, type TemplateFile } from './output/reports/render.js';

export const REPORT_FORMATS = ['md', 'html', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions extends Pick<CheckOptions, 'cwd' | 'today' | 'cache' | 'asOf'> {
  kind: string;
  format: ReportFormat;
  /** A template file to render instead of the kind's (md and html); relative to `templateFrom`. */
  template?: string;
  /** The directory `template` is relative to (default: cwd). The CLI gives the one the command was typed in. */
  templateFrom?: string;
  /** The project of `pmo report project <id>`. */
  project?: string;
  /** Weeks of the resources report. */
  weeks?: number;
  /** intake: the budget the scenario fits the requests to. */
  budget?: number;
  /** intake --budget: each role's free capacity per month constrains the scenario too. */
  capacity?: boolean;
  /** capacity: months shown (default 6). */
  months?: number;
  /** csv of project and weekly: the cost by month (the S-curve's numbers) instead of a row per project. */
  costCurve?: boolean;
  /** Days ahead a milestone counts as due (default 14). */
  horizon?: number;
  /** project: compare with the project as this ref (a tag such as a named baseline) had it. */
  against?: string;
  /** project: its forecast slips and status changes from the git history. */
  history?: boolean;
  /** trends: the period, and where the history starts. */
  interval?: Interval;
  since?: string;
  progress?: TrendOptions['progress'];
  /** trends: a scorecard per manager or segment group, period by period. */
  by?: string;
  /** weekly: build "Since last week" (from the commit of `since`, a date or ref; default a week before). */
  changes?: boolean;
  /** `--manager`, `--phase`, ...: the projects the report is for. */
  filter?: PortfolioFilter;
}

export interface RenderedReport {
  root: string;
  model: ReportModel | TrendsModel;
  text: string;
}

export async function renderReport(options: ReportOptions): Promise<RenderedReport> {
  if (options.costCurve && (options.format !== 'csv' || !['project', 'weekly'].includes(options.kind))) {
    throw new UsageError('--cost-curve gives the S-curve\'s numbers as CSV: pmo report project <id> -f csv --cost-curve, or pmo report weekly -f csv --cost-curve');
  }
  if (options.kind === 'trends') {
    if (options.asOf) throw new UsageError('pmo report trends reads the whole history: give --today (or --since) rather than --as-of');
    const model = await buildTrends({ cwd: options.cwd, today: options.today, interval: options.interval, weeks: options.weeks, since: options.since, cache: options.cache, progress: options.progress, filter: options.filter, by: options.by });
    const root = findRoot(options.cwd ?? process.cwd());
    return { root, model, text: render(root, model, options) };
  }
  const { root, model } = await buildReport(options);
  return { root, model, text: render(root, model, options) };
}

/** The view model of a report, without rendering it (`pmo status` draws its table from it). */
export async function buildReport(options: Omit<ReportOptions, 'format'> & { format?: ReportFormat }): Promise<{ root: string; model: ReportModel }> {
  const result = await check({ cwd: options.cwd, today: options.today, cache: options.cache, asOf: options.asOf, command: `pmo report ${options.kind}` });
  const { root, config, today } = result;
  const kinds = [...new Set([...BUILTIN_KINDS, ...templateKinds(root)])];
  if (!kinds.includes(options.kind) && !options.template) {
    const hint = suggest(options.kind, kinds);
    throw new UsageError(
      `no report kind '${options.kind}'${hint ? `; did you mean '${hint}'?` : ''}\n` +
        `Kinds: ${kinds.join(', ')}. A PMO adds a kind with a template in its repo: templates/${options.kind}.md.hbs`,
    );
  }
  const parsed = keptParse(result.readFile);
  const all = readPortfolioData(classifyFiles(result.files, config.rulesets), parsed.dataOf, result.findings);
  const { data, findings, filter } = narrowPortfolio(options.kind, all, result.findings, config.lifecycle, options.filter);
  const against = options.against === undefined ? undefined : await projectAt(root, options.kind, options.project, options.against);
  if (options.history && (options.kind !== 'project' || !options.project)) throw new UsageError('--history is for one project: pmo report project <id> --history');
  if (options.by !== undefined) throw new UsageError(`--by is for pmo report trends (a scorecard per group, period by period), not ${options.kind}`);
  if (options.budget !== undefined && options.kind !== 'intake') throw new UsageError('--budget is for the intake scenario: pmo report intake --budget <amount>');
  capacityOptionsFit(options, filter !== undefined);
  const history = options.history ? await projectLog({ cwd: root, project: options.project!, fields: ['dates.forecast_end', 'status[-1].overall'], command: `pmo report project ${options.project!} --history` }) : undefined;
  // The weekly always says what moved since last week; pmo status only when asked (--changes).
  const since = (options.changes ?? options.kind === 'weekly') ? await changesSince(root, options, today, config, data.projects, result.readFile) : undefined;
  const previous = options.kind === 'audit' || options.kind === 'people' ? await previousQuarterOf(root, options, today, parsed.unchanged) : undefined;
  const earned = options.kind === 'project' && options.project ? await earnedFromGit(root, data, options.project, config, today, options.cache ?? true) : undefined;
  const { categoryOf } = await import('./rules/categories.js');
  const model = buildReportModel({ kind: options.kind, today, config, data, findings, horizonDays: options.horizon, commit: result.commit, filter, categoryOf: categoryOf(result.rulesets) }, { ...options, against, history, since, earned, previous });
  return { root, model };
}

/** --months is the capacity report's; --capacity the intake scenario's, beside --budget, over the whole portfolio. */
function capacityOptionsFit(options: Pick<ReportOptions, 'kind' | 'months' | 'capacity' | 'budget'>, filtered: boolean): void {
  if (options.months !== undefined && options.kind !== 'capacity') throw new UsageError('--months is for pmo report capacity (months ahead); pmo report resources takes --weeks');
  if (options.months !== undefined && options.months > 120) throw new UsageError(`--months ${options.months}: at most 120 (ten years ahead)`);
  if (!options.capacity) return;
  if (options.kind !== 'intake' || options.budget === undefined) throw new UsageError('--capacity constrains the intake scenario: pmo report intake --budget <amount> --capacity');
  if (filtered) throw new UsageError('pmo report intake --capacity weighs the requests against every project\'s people: it takes no filter');
}

/**
 * The one-pager's earned line: the project's EV at the end of each month that is over, from git's history, for a
 * project that logs its costs (its cost curve is shown). None outside git, or before the first commit.
 */
async function earnedFromGit(root: string, data: PortfolioData, id: string, config: Config, today: string, cache: boolean): Promise<Map<string, number | null> | undefined> {
  const found = data.projects.find((p) => p.data.id === id);
  if (!found) return undefined;
  const curve = measureProject(found.data, config, today).costCurve;
  if (!curve.some((m) => m.spent !== null)) return undefined;
  const days = curve.filter((m) => m.spent !== null).map((m) => monthEnd(m.month));
  const { earnedByMonth } = await import('./history/earned-by-month.js');
  return earnedByMonth(root, found.path, days, config, cache).catch((error: unknown) => {
    if (error instanceof GitError) return undefined;
    throw error;
  });
}

function render(root: string, model: ReportModel | TrendsModel, options: ReportOptions): string {
  if (options.format === 'json') return `${JSON.stringify(model, null, 2)}\n`;
  if (options.format === 'csv') return options.costCurve ? costCurveCsv(model as ReportModel) : reportCsv(model);
  const template = options.template ? templateFile(options.template, options.templateFrom ?? options.cwd) : findTemplate(root, options.kind, options.format);
  if (!template) {
    throw new UsageError(
      `no ${options.format} template for the '${options.kind}' report: add templates/${options.kind}.${options.format}.hbs, or use --format ${options.format === 'md' ? 'html' : 'md'}`,
    );
  }
  return renderTemplate(root, template, options.format, model);
}

function templateFile(path: string, cwd = process.cwd()): TemplateFile {
  try {
    return { label: path, source: readFileSync(resolve(cwd, path), 'utf8') };
  } catch (error) {
    throw new UsageError(`cannot read the template ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

type Unchanged = ReturnType<typeof keptParse>['unchanged'];

/** The scorecards' pain points compare with the end of the previous quarter, from git. */
async function previousQuarterOf(root: string, options: Pick<ReportOptions, 'kind' | 'filter' | 'cache'>, today: string, unchanged: Unchanged) {
  const { previousQuarter } = await import('./history/previous-quarter.js');
  return previousQuarter({ root, kind: options.kind, today, filter: options.filter, cache: options.cache, unchanged });
}

/** "Since last week": the reported projects against the commit `--since` names (default: a week before the day). */
async function changesSince(root: string, options: Pick<ReportOptions, 'kind' | 'since'>, today: string, config: Config, projects: PortfolioData['projects'], readFile: (path: string) => Uint8Array) {
  const { sinceLastWeek } = await import('./history/since.js');
  const command = `pmo report ${options.kind}${options.since ? ` --since ${options.since}` : ''}`;
  const current = projects.map(({ path, data }) => ({ path, data, bytes: () => readFile(path), measures: measureProject(data, config, today) }));
  return sinceLastWeek({ root, command, spec: options.since, day: today, config, current });
}

/** `--against <ref>`: the project's file as the commit `ref` names had it (undefined: it did not exist then). */
async function projectAt(root: string, kind: string, id: string | undefined, ref: string) {
  if (kind !== 'project' || !id) throw new UsageError('--against compares one project with a baseline: pmo report project <id> --against <tag>');
  const { GitRepo } = await import('./load/git.js');
  const git = GitRepo.open(root, `pmo report project ${id} --against ${ref}`);
  const { commit, date } = await git.commitAsOf(ref);
  const tree = await git.treeAt(commit);
  const path = fileOfId('projects', id, (p) => tree.blobs.has(p));
  if (!path) return { ref, commit, date, data: undefined };
  const blob = tree.blobs.get(path)!;
  const bytes = (await git.readBlobs([blob])).get(blob)!;
  const parsed = parseYaml(decodeSource(path, 'project', bytes).text, path);
  if (parsed.data === undefined || parsed.findings.length > 0) throw new UsageError(`${path} at ${ref} (${commit.slice(0, 12)}) does not parse as YAML, so it cannot be compared`);
  return { ref, commit, date, data: parsed.data as Project };
}
