/**
 * `pmo report` as a function: check (for the findings) → the portfolio's data → the view model → a template,
 * CSV or JSON. The model is built from the same load `pmo check` does, so a report and a check never disagree.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { check, type CheckOptions } from './check.js';
import { UsageError } from './errors.js';
import { classifyFiles, findRoot } from './load/discover.js';
import { buildTrends, type TrendOptions, type TrendsModel } from './trends.js';
import type { Interval } from './history/periods.js';
import { readPortfolioData } from './load/portfolio-data.js';
import { suggest } from './model/suggest.js';
import { reportCsv } from './output/reports/csv.js';
import { BUILTIN_KINDS, buildReportModel, type ReportModel } from './output/reports/model/index.js';
import { findTemplate, renderTemplate, templateKinds, type TemplateFile } from './output/reports/render.js';

export const REPORT_FORMATS = ['md', 'html', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions extends Pick<CheckOptions, 'cwd' | 'today' | 'cache' | 'asOf'> {
  kind: string;
  format: ReportFormat;
  /** A template file to render instead of the kind's (md and html). */
  template?: string;
  /** The project of `pmo report project <id>`. */
  project?: string;
  /** Weeks of the resources report. */
  weeks?: number;
  /** Days ahead a milestone counts as due (default 14). */
  horizon?: number;
  /** trends: the period, and where the history starts. */
  interval?: Interval;
  since?: string;
  progress?: TrendOptions['progress'];
}

export interface RenderedReport {
  root: string;
  model: ReportModel | TrendsModel;
  text: string;
}

export async function renderReport(options: ReportOptions): Promise<RenderedReport> {
  if (options.kind === 'trends') {
    if (options.asOf) throw new UsageError('pmo report trends reads the whole history: give --today (or --since) rather than --as-of');
    const model = await buildTrends({ cwd: options.cwd, today: options.today, interval: options.interval, weeks: options.weeks, since: options.since, progress: options.progress });
    const root = findRoot(options.cwd ?? process.cwd());
    return { root, model, text: render(root, model, options) };
  }
  const { root, model } = await buildReport(options);
  return { root, model, text: render(root, model, options) };
}

/** The view model of a report, without rendering it (`pmo status` draws its table from it). */
export async function buildReport(options: Omit<ReportOptions, 'format'> & { format?: ReportFormat }): Promise<{ root: string; model: ReportModel }> {
  const result = await check({ cwd: options.cwd, today: options.today, cache: options.cache, asOf: options.asOf });
  const { root, config, today } = result;
  const kinds = [...new Set([...BUILTIN_KINDS, ...templateKinds(root)])];
  if (!kinds.includes(options.kind) && !options.template) {
    const hint = suggest(options.kind, kinds);
    throw new UsageError(
      `no report kind '${options.kind}'${hint ? `; did you mean '${hint}'?` : ''}\n` +
        `Kinds: ${kinds.join(', ')}. A PMO adds a kind with a template in its repo: templates/${options.kind}.md.hbs`,
    );
  }
  const data = readPortfolioData(classifyFiles(result.files, config.rulesets), result.readFile, result.findings);
  const model = buildReportModel({ kind: options.kind, today, config, data, findings: result.findings, horizonDays: options.horizon, commit: result.commit }, options);
  return { root, model };
}

function render(root: string, model: ReportModel | TrendsModel, options: ReportOptions): string {
  if (options.format === 'json') return `${JSON.stringify(model, null, 2)}\n`;
  if (options.format === 'csv') return reportCsv(model);
  const template = options.template ? templateFile(options.template, options.cwd) : findTemplate(root, options.kind, options.format);
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
