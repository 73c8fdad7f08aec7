/**
 * `pmo report trends`: the portfolio at the end of each week, month or quarter, rebuilt from git's history.
 * One `git log` gives every commit's changes, one `git cat-file` process the blobs; each distinct blob is
 * parsed and validated once (the memo), and judged again only on the day of each period it lives in.
 */
import { setFlagsFromString } from 'node:v8';
import { UsageError } from './errors.js';
import { findRoot } from './load/discover.js';
import { commitIndexOn, earliestDay, localDate } from './load/commit-day.js';
import { GitRepo, type HistoryCommit } from './load/git.js';
import { CONFIG_FILE } from './layout.js';
import type { Config } from './model/config.js';
import { todayIso } from './model/dates.js';
import { judgePeriods, type Judged, type TrendPoint } from './history/judge-periods.js';
import { pointKey, TrendMemo } from './history/trend-memo.js';
import { periodsUntil, sinceWeeks, type Interval, type Period } from './history/periods.js';
import type { TrendValues } from './history/trend-point.js';
import { reportHeader } from './output/reports/model/context.js';
import { isFiltered, narrowPortfolio, type FilterSummary, type PortfolioFilter } from './model/portfolio-filter.js';
import { RAG_SERIES_COLORS } from './output/reports/charts/index.js';

export interface TrendOptions {
  cwd?: string;
  today?: string;
  interval?: Interval;
  /** Weeks of history (from the week N-1 weeks back to this one). */
  weeks?: number;
  since?: string;
  /** Keep judged points on disk and read them back (trend-memo.ts); default true. */
  cache?: boolean;
  /** Told how far the run is (for a progress bar). */
  progress?: (done: number, total: number, label: string) => void;
  /** `--manager`, `--phase`...: every period narrowed to these projects (values checked against the work tree). */
  filter?: PortfolioFilter;
  /** `--by manager|department|sponsor|goal|<segment>`: a scorecard per group, period by period. */
  by?: string;
}

export async function buildTrends(options: TrendOptions) {
  if (options.weeks !== undefined && options.since !== undefined) throw new UsageError('--weeks and --since do not go together: each says where the trend starts');
  const root = findRoot(options.cwd ?? process.cwd());
  const today = options.today ?? todayIso();
  const interval = options.interval ?? 'week';
  const since = options.since ?? (options.weeks !== undefined ? sinceWeeks(today, options.weeks) : undefined);
  const periods = periodsUntil(today, interval, { since, count: 12 });
  const filter = isFiltered(options.filter) ? await filterNow(root, today, options.filter) : undefined;
  const by = options.by === undefined ? undefined : await checkBy(root, options.by);
  const history = await GitRepo.open(root, 'pmo report trends').firstParentHistory();
  // The month-on-month and quarter-on-quarter comparisons need those periods' ends too. Every end is judged in
  // the order of time: one replay of the history per thread.
  const compared = { month: periodsUntil(today, 'month', { count: 2 }), quarter: periodsUntil(today, 'quarter', { count: 2 }) };
  const wanted = [...periods, ...compared.month, ...compared.quarter].sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0) || (a.label < b.label ? -1 : 1));
  const ends = wanted.filter((p, i) => i === 0 || p.end !== wanted[i - 1]!.end || p.label !== wanted[i - 1]!.label);
  // A filtered trend is of some projects: its points are not the portfolio's, so the memo neither gives nor keeps them.
  // So is one scored by group (--by): the memo keeps the portfolio's values only.
  const memo = TrendMemo.open(root, options.cache !== false && !filter && !by);
  const { points: judged, config, learned } = await judgeAll(root, history, ends, memo, options.progress, filter?.chosen, by);
  if (!filter && !by) {
    memo.learn(learned);
    memo.save();
  }
  const pointOf = (p: Period) => judged.get(`${p.label}:${p.end}`)!;
  const comparisons = [
    comparison('month-on-month', pointOf(compared.month[0]!), pointOf(compared.month[1]!)),
    comparison('quarter-on-quarter', pointOf(compared.quarter[0]!), pointOf(compared.quarter[1]!)),
  ];
  const starts = earliestDay(history.map((c) => localDate(c.time)))!;
  const model = trendsModel(config ?? (await configNow(root)), today, interval, periods.map(pointOf), starts, comparisons, filter?.summary);
  return { ...model, by: by ? groupsOverTime(by, model.points) : null };
}

/** `--by`'s value: the manager, or a segment of pmo.yaml as it is now (did-you-mean otherwise). */
async function checkBy(root: string, by: string): Promise<string> {
  const [{ segmentsOf, BY_MANAGER }, { suggest }, { configFrom }] = await Promise.all([
    import('./output/reports/model/scorecards.js'),
    import('./model/suggest.js'),
    import('./model/config.js'),
  ]);
  const known = [BY_MANAGER, ...segmentsOf({ config: (await configNow(root)) ?? configFrom({}) })];
  if (known.includes(by)) return by;
  const hint = suggest(by, known);
  throw new UsageError(`--by ${by}: not a segment${hint ? `; did you mean '${hint}'?` : ''} (${known.join(', ')}; pmo.yaml's segments: adds project fields)`);
}

/** Each group's scorecards, one per period shown (null: the group had no project then, or the period no commit). */
function groupsOverTime(by: string, points: readonly TrendPoint[]) {
  const keys = [...new Set(points.flatMap((p) => p.values?.by?.map((card) => card.key) ?? []))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    segment: by,
    groups: keys.map((key) => ({
      key,
      periods: points.map((p) => ({ label: p.label, card: p.values?.by?.find((card) => card.key === key) ?? null })),
    })),
  };
}

/**
 * A trend's filter is checked against the work tree's projects, people and goals (a typo is a typo whatever the
 * history holds); its header counts the projects it chooses today.
 */
async function filterNow(root: string, today: string, filter: PortfolioFilter) {
  const [{ check }, { classifyFiles }, { parsedFrom, readPortfolioData }] = await Promise.all([import('./check.js'), import('./load/discover.js'), import('./load/portfolio-data.js')]);
  const result = await check({ cwd: root, today, command: 'pmo report trends' });
  const data = readPortfolioData(classifyFiles(result.files, result.config.rulesets), parsedFrom(result.readFile), result.findings);
  return { chosen: filter, summary: narrowPortfolio('trends', data, result.findings, result.config.lifecycle, filter).filter };
}

/**
 * The PMO as its pmo.yaml says now, for the header of a trend in which no period has a commit (the organisation,
 * its type and currency); undefined when pmo.yaml cannot be read (the check says why).
 */
async function configNow(root: string): Promise<Config | undefined> {
  const [{ loadConfig }, { readSource }, { configFrom }] = await Promise.all([import('./check.js'), import('./load/read.js'), import('./model/config.js')]);
  try {
    return configFrom((await loadConfig(readSource(root, CONFIG_FILE, 'config'))).data);
  } catch {
    return undefined;
  }
}

/**
 * Every period judged in the order of time on this thread: one replay of the history, one memo of analyzed
 * blobs. (Two worker threads, each replaying half of the periods, were ~20% faster but each held the whole
 * portfolio's memo: 850 MB at 1,000 projects. With the points kept on disk (trend-memo.ts) the full replay is
 * the first run's only; later runs judge the new periods.)
 */
async function judgeAll(root: string, history: HistoryCommit[], ends: Period[], memo: TrendMemo, progress?: TrendOptions['progress'], filter?: PortfolioFilter, by?: string): Promise<Judged> {
  let done = 0;
  const tick = (label: string) => progress?.(++done, ends.length, label);
  boundHeapGrowth();
  return judgePeriods({ root, history, ends, known: memo.known(pointKeys(history, ends)), filter, by }, tick);
}

/**
 * A history run keeps the memo (~60 MB at 1,000 projects) and makes a period's worth of short-lived objects that
 * outlive the young generation: by default V8 lets the old generation grow to ~4x what survived the last full
 * collection before collecting again, 450-500 MB at 1,000 projects. Growing by 45% at most keeps the peak near
 * 280 MB (bench, trends, 5 runs: 285 MB at most); 55% was 3% faster and peaked at 297 MB, too near the budget of
 * 300 MB; 70%, 5% faster, 299 MB. The setting holds for the rest of this process, a report's run.
 */
function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
const HEAP_GROWING_PERCENT = 45;

/** Each period's memo key: the commit `--as-of <end>` takes (as snapshots.ts chooses it) and the end. */
function pointKeys(history: readonly HistoryCommit[], ends: readonly Period[]): string[] {
  const days = history.map((c) => localDate(c.time));
  return ends.map((period) => {
    const chosen = commitIndexOn(days, period.end);
    return chosen < 0 ? `none:${period.end}` : pointKey(history[chosen]!.id, period.end);
  });
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
  ['open audit actions', 'count', (v) => v.actions.open],
  ['overdue audit actions', 'count', (v) => v.actions.overdue],
];

function comparison(name: string, previous: TrendPoint, current: TrendPoint) {
  const rows = COMPARED.map(([measure, format, read]) => {
    const now = current.values ? read(current.values) : null;
    const before = previous.values ? read(previous.values) : null;
    return { measure, format, previous: before, current: now, delta: now === null || before === null ? null : Math.round((now - before) * 1000) / 1000 };
  });
  return { name, previous: previous.label, current: current.label, rows };
}

/**
 * `all`: every period asked for. Those before the history's first commit are not shown, only counted: a year
 * asked of a repository set up last month is a month of points and a sentence, not 48 rows of nothing.
 */
function trendsModel(config: Config | undefined, today: string, interval: Interval, all: TrendPoint[], starts: string, comparisons: ReturnType<typeof comparison>[], filter?: FilterSummary) {
  const first = all.findIndex((p) => p.commit !== null);
  const points = first < 0 ? [] : all.slice(first);
  const columns = points.map((p) => p.label);
  const series = (read: (v: TrendValues) => number | null) => points.map((p) => (p.values ? read(p.values) : null));
  const header = config
    ? reportHeader({ kind: 'trends', config, today, filter }, `Portfolio trends by ${interval}`)
    : { kind: 'trends', title: `Portfolio trends by ${interval}`, organization: null, today, filter: filter ?? null };
  return {
    report: header,
    interval,
    from: points[0]?.start ?? today,
    to: today,
    /** When the git history starts, and how many of the periods asked for end before it (not shown). */
    history: { starts, periods_before: first < 0 ? all.length : first },
    points,
    charts: {
      rag: { columns, series: (['green', 'amber', 'red', 'none'] as const).map((rag) => ({ label: rag, color: RAG_SERIES_COLORS[rag], values: series((v) => v.by_rag[rag]) })) },
      findings: { columns, series: [
        { label: 'errors', color: RAG_SERIES_COLORS.red, values: series((v) => v.findings.errors) },
        { label: 'warnings', color: RAG_SERIES_COLORS.amber, values: series((v) => v.findings.warnings) },
        { label: 'notes', color: RAG_SERIES_COLORS.none, values: series((v) => v.findings.infos) },
      ] },
      indices: { columns, series: [{ label: 'CPI', values: series((v) => v.cpi) }, { label: 'SPI', values: series((v) => v.spi) }] },
      budget: { columns, series: [{ label: 'baseline', values: series((v) => v.budget.baseline) }, { label: 'forecast', values: series((v) => v.budget.forecast) }] },
      compliance: { columns, series: [{ label: 'compliance score', values: series((v) => v.compliance_score) }] },
    },
    comparisons,
  };
}

export type TrendsModel = Awaited<ReturnType<typeof buildTrends>>;
