/**
 * `pmo report trends`: the portfolio at the end of each week, month or quarter, rebuilt from git's history.
 * One `git log` gives every commit's changes, one `git cat-file` process the blobs; each distinct blob is
 * parsed and validated once (the memo), and judged again only on the day of each period it lives in.
 */
import { check } from './check.js';
import { UsageError } from './errors.js';
import type { Finding } from './findings.js';
import type { AnalysisMemo } from './analyze.js';
import { classifyFiles, findRoot } from './load/discover.js';
import { GitRepo } from './load/git.js';
import type { PortfolioData } from './load/portfolio-data.js';
import type { Config } from './model/config.js';
import { todayIso } from './model/dates.js';
import { periodsUntil, sinceWeeks, type Interval, type Period } from './history/periods.js';
import { snapshots, type Snapshot } from './history/snapshots.js';
import { trendValues, type TrendValues } from './history/trend-point.js';
import { reportHeader } from './output/reports/model/context.js';
import { BUILTIN_RULES } from './rules/builtin/index.js';
import type { Goal, Person, Waiver } from './model/schemas/people.js';
import type { Project } from './model/schemas/project.js';
import type { Request } from './model/schemas/request.js';
import type { RulesetSource } from './rules/custom.js';

export interface TrendOptions {
  cwd?: string;
  today?: string;
  interval?: Interval;
  /** Weeks of history (from the week N-1 weeks back to this one). */
  weeks?: number;
  since?: string;
  /** Told how far the run is (for a progress bar). */
  progress?: (done: number, total: number, label: string) => void;
}

export interface TrendPoint {
  label: string;
  start: string;
  end: string;
  commit: { id: string; date: string } | null;
  values: TrendValues | null;
}

const BUILTIN_CATEGORY = new Map(BUILTIN_RULES.map((r) => [r.id, r.category as string]));
const PREFIX_CATEGORY: Array<[RegExp, string]> = [
  [/^(yaml|schema)\//, 'data'],
  [/^(ref|dates)\//, 'integrity'],
  [/^config\//, 'config'],
  [/^waiver\//, 'waivers'],
  [/^gate\//, 'gates'],
];

export async function buildTrends(options: TrendOptions) {
  if (options.weeks !== undefined && options.since !== undefined) throw new UsageError('--weeks and --since do not go together: each says where the trend starts');
  const root = findRoot(options.cwd ?? process.cwd());
  const today = options.today ?? todayIso();
  const interval = options.interval ?? 'week';
  const since = options.since ?? (options.weeks !== undefined ? sinceWeeks(today, options.weeks) : undefined);
  const periods = periodsUntil(today, interval, { since, count: 12 });
  const git = GitRepo.open(root, 'pmo report trends');
  const history = await git.firstParentHistory();
  // The month-on-month and quarter-on-quarter comparisons need those periods' ends too.
  const compared = { month: periodsUntil(today, 'month', { count: 2 }), quarter: periodsUntil(today, 'quarter', { count: 2 }) };
  const reader = git.blobReader();
  const memos = new Map<string, AnalysisMemo>();
  let config: Config | undefined;
  const judged = new Map<string, TrendPoint>();
  const judge = async (snapshot: Snapshot): Promise<TrendPoint> => {
    const { period, commit, tree } = snapshot;
    const key = `${commit?.id}:${period.end}`;
    const known = judged.get(key);
    if (known) return { ...known, label: period.label, start: period.start };
    let values: TrendValues | null = null;
    if (commit) {
      // Analyses hold under one pmo.yaml: a commit that changed it starts a memo of its own.
      const memo = memos.get(tree.get('pmo.yaml') ?? '') ?? new Map();
      memos.set(tree.get('pmo.yaml') ?? '', memo);
      const result = await check({
        cwd: root,
        today: period.end,
        cache: false,
        snapshot: { commit: { commit: commit.id, date: commit.date }, blobs: tree, read: (ids) => reader.read(ids), memo },
      });
      config = result.config;
      values = trendValues(portfolioData(result.files, result.config, tree, memo, result.findings), result.findings, result.config, period.end, categoryOf(result.rulesets));
    }
    const point = { label: period.label, start: period.start, end: period.end, commit, values };
    judged.set(key, point);
    return point;
  };
  try {
    const points: TrendPoint[] = [];
    const all = snapshots(history, periods);
    for (const [i, snapshot] of all.entries()) {
      points.push(await judge(snapshot));
      options.progress?.(i + 1, all.length, snapshot.period.label);
    }
    const comparisons = [];
    for (const [name, list] of [['month-on-month', compared.month], ['quarter-on-quarter', compared.quarter]] as const) {
      const [previous, current] = await Promise.all(snapshots(history, list).map((s) => judge(s)));
      comparisons.push(comparison(name, previous!, current!));
    }
    return trendsModel(config, today, interval, periods, points, comparisons);
  } finally {
    reader.close();
  }
}

/** The data of a commit's files, from the blobs the check analyzed (none is parsed twice). */
function portfolioData(files: readonly string[], config: Config, tree: ReadonlyMap<string, string>, memo: AnalysisMemo, findings: readonly Finding[]): PortfolioData {
  const unusable = new Set(findings.filter((f) => f.severity === 'error' && /^(yaml|schema)\//.test(f.rule)).map((f) => f.file));
  const data: PortfolioData = { projects: [], requests: [], people: [], goals: [], waivers: [], leftOut: [] };
  for (const file of classifyFiles(files, config.rulesets)) {
    const value = memo.get(tree.get(file.path) ?? '')?.data as Record<string, unknown> | undefined;
    if (unusable.has(file.path)) data.leftOut.push({ file: file.path, reason: 'YAML or schema errors' });
    else if (!value || typeof value !== 'object') continue;
    else if (file.kind === 'project') data.projects.push({ path: file.path, data: value as unknown as Project });
    else if (file.kind === 'request') data.requests.push({ path: file.path, data: value as unknown as Request });
    else if (file.kind === 'people') data.people = (value.people ?? []) as Person[];
    else if (file.kind === 'goals') data.goals = (value.goals ?? []) as Goal[];
    else if (file.kind === 'waivers') data.waivers = (value.waivers ?? []) as Waiver[];
  }
  return data;
}

function categoryOf(rulesets: readonly RulesetSource[]) {
  const custom = new Map<string, string>();
  for (const { data } of rulesets) {
    const rules = (data as { rules?: Record<string, { category?: string | null }> })?.rules ?? {};
    for (const [id, rule] of Object.entries(rules)) custom.set(id, rule?.category ?? 'custom');
  }
  return (rule: string) => BUILTIN_CATEGORY.get(rule) ?? custom.get(rule) ?? PREFIX_CATEGORY.find(([re]) => re.test(rule))?.[1] ?? 'other';
}

/** The measures compared period on period, and how to read each from a point. */
type Format = 'count' | 'score' | 'money' | 'ratio';
const COMPARED: Array<[string, Format, (v: TrendValues) => number | null]> = [
  ['active projects', 'count', (v) => v.active],
  ['red', 'count', (v) => v.by_rag.red],
  ['amber', 'count', (v) => v.by_rag.amber],
  ['green', 'count', (v) => v.by_rag.green],
  ['errors', 'count', (v) => v.findings.errors],
  ['warnings', 'count', (v) => v.findings.warnings],
  ['compliance score', 'score', (v) => v.compliance_score],
  ['budget baseline', 'money', (v) => v.budget.baseline],
  ['budget forecast', 'money', (v) => v.budget.forecast],
  ['CPI', 'ratio', (v) => v.cpi],
  ['SPI', 'ratio', (v) => v.spi],
  ['high-exposure risks', 'count', (v) => v.high_risks],
  ['people over-allocated', 'count', (v) => v.over_allocated],
  ['revenue overdue', 'money', (v) => v.revenue_overdue],
];

function comparison(name: string, previous: TrendPoint, current: TrendPoint) {
  const rows = COMPARED.map(([measure, format, read]) => {
    const now = current.values ? read(current.values) : null;
    const before = previous.values ? read(previous.values) : null;
    return { measure, format, previous: before, current: now, delta: now === null || before === null ? null : Math.round((now - before) * 1000) / 1000 };
  });
  return { name, previous: previous.label, current: current.label, rows };
}

function trendsModel(config: Config | undefined, today: string, interval: Interval, periods: readonly Period[], points: TrendPoint[], comparisons: ReturnType<typeof comparison>[]) {
  const columns = points.map((p) => p.label);
  const series = (read: (v: TrendValues) => number | null) => points.map((p) => (p.values ? read(p.values) : null));
  const header = config
    ? reportHeader({ kind: 'trends', config, today }, `Portfolio trends by ${interval}`)
    : { kind: 'trends', title: `Portfolio trends by ${interval}`, organization: null, today };
  return {
    report: header,
    interval,
    from: periods[0]!.start,
    to: today,
    points,
    charts: {
      rag: { columns, series: (['green', 'amber', 'red', 'none'] as const).map((rag) => ({ label: rag, values: series((v) => v.by_rag[rag]) })) },
      findings: { columns, series: [
        { label: 'errors', values: series((v) => v.findings.errors) },
        { label: 'warnings', values: series((v) => v.findings.warnings) },
        { label: 'notes', values: series((v) => v.findings.infos) },
      ] },
      indices: { columns, series: [{ label: 'CPI', values: series((v) => v.cpi) }, { label: 'SPI', values: series((v) => v.spi) }] },
      budget: { columns, series: [{ label: 'baseline', values: series((v) => v.budget.baseline) }, { label: 'forecast', values: series((v) => v.budget.forecast) }] },
      compliance: { columns, series: [{ label: 'compliance score', values: series((v) => v.compliance_score) }] },
    },
    comparisons,
  };
}

export type TrendsModel = Awaited<ReturnType<typeof buildTrends>>;
