/**
 * The portfolio judged at the end of each of a run of periods, in the order of time. One `git cat-file` process reads the blobs; each distinct blob is analyzed once
 * (the memo) and judged again only on the day of each period it lives in; a blob the tree no longer holds is let
 * go, so that a year of history is never held at once.
 */
import { AnalysisMemo } from '../analyze.js';
import { check } from '../check.js';
import { ConfigError } from '../errors.js';
import { classifyFiles } from '../load/discover.js';
import { GitRepo, type HistoryCommit } from '../load/git.js';
import { readPortfolioData } from '../load/portfolio-data.js';
import { configFrom, type Config } from '../model/config.js';
import { CONFIG_FILE } from '../layout.js';
import { exactJson } from '../load/sealed.js';
import { pointKey, type PointsKnown } from './trend-memo.js';
import { categoryOf } from '../rules/categories.js';
import type { Period } from './periods.js';
import { snapshots } from './snapshots.js';
import { filterPortfolio, isFiltered, type PortfolioFilter } from '../model/portfolio-filter.js';
import { trendValues, type TrendValues } from './trend-point.js';

export interface TrendPoint {
  label: string;
  start: string;
  end: string;
  commit: { id: string; date: string } | null;
  values: TrendValues | null;
  /** Why a period with a commit has no values (its pmo.yaml could not be read, say). */
  problem?: string;
}

export interface Judged {
  /** By `label:end`. */
  points: Map<string, TrendPoint>;
  config?: Config;
  /** The points judged here (not known before), for the memo. */
  learned: PointsKnown;
}

/** What to judge: the periods of a trend, and what an earlier run judged. */
export interface TrendJob {
  root: string;
  history: HistoryCommit[];
  ends: Period[];
  /** Points judged by an earlier run (trend-memo.ts): given, not judged again. */
  known: PointsKnown;
  /**
   * `--manager`, `--phase`...: each period's portfolio narrowed to these projects before it is summed. A filtered
   * run's points are its own: trends.ts neither reads nor keeps them in the memo.
   */
  filter?: PortfolioFilter;
  /** `--by`: each point also scores each manager or segment group (trends.ts keeps such points out of the memo too). */
  by?: string;
}

export async function judgePeriods({ root, history, ends, known, filter, by }: TrendJob, tick?: (label: string) => void): Promise<Judged> {
  const reader = GitRepo.open(root, 'pmo report trends').blobReader();
  const memos = new Map<string, AnalysisMemo>();
  const points = new Map<string, TrendPoint>();
  const stored = new Map(known.points);
  const configs = new Map(known.configs);
  const learned: PointsKnown = { points: [], configs: [] };
  let config: Config | undefined;
  let previous: { key: string; point: TrendPoint } | undefined;
  let problem: string | undefined;
  try {
    for (const { period, commit, tree } of snapshots(history, ends)) {
      // The same commit judged on the same day (a month's end that is also a week's) is the same point.
      const key = commit ? pointKey(commit.id, period.end) : `none:${period.end}`;
      const memoized = stored.get(key);
      let values: TrendValues | null = previous?.key === key ? previous.point.values : (memoized?.values ?? null);
      problem = previous?.key === key ? previous.point.problem : memoized?.problem;
      if (memoized?.config && configs.has(memoized.config)) config = configFrom(configs.get(memoized.config));
      if (commit && !values && !problem) {
        // Analyses hold under one pmo.yaml: a commit that changed it starts a memo of its own.
        const configBlob = tree.get(CONFIG_FILE) ?? '';
        const memo = memos.get(configBlob) ?? new AnalysisMemo();
        memos.set(configBlob, memo);
        const result = await check({
          cwd: root,
          today: period.end,
          cache: false,
          snapshot: { commit: { commit: commit.id, date: commit.date }, blobs: tree, read: (ids) => reader.read(ids), memo },
        }).catch((error: unknown) => {
          // A commit whose pmo.yaml or rule files pmo cannot work with is a gap in the trend, not the end of it.
          if (error instanceof ConfigError) return error;
          throw error;
        });
        if (result instanceof ConfigError) {
          problem = `commit ${commit.id.slice(0, 12)}: ${result.message.split('\n')[0]}`;
          learned.points.push([key, { values: null, problem }]);
          points.set(`${period.label}:${period.end}`, { label: period.label, start: period.start, end: period.end, commit, values: null, problem });
          previous = { key, point: points.get(`${period.label}:${period.end}`)! };
          tick?.(period.label);
          continue;
        }
        config = result.config;
        // The data of the commit's files, from the blobs the check analyzed (none is parsed twice).
        const data = readPortfolioData(classifyFiles(result.files, result.config.rulesets), (file) => memo.blobs.get(tree.get(file.path) ?? '')?.data, result.findings);
        // Unknown values are not checked here: a project or person of today may not have existed then.
        const chosen = isFiltered(filter) ? filterPortfolio(data, result.findings, filter, { person: () => null, goal: () => null }) : { data, findings: result.findings };
        values = trendValues(chosen.data, chosen.findings, result.config, period.end, categoryOf(result.rulesets), by);
        learn(learned, key, values, tree.get(CONFIG_FILE), result.config);
        const live = new Set(tree.values());
        for (const m of memos.values()) for (const blob of m.blobs.keys()) if (!live.has(blob)) m.blobs.delete(blob);
      }
      const point = { label: period.label, start: period.start, end: period.end, commit, values, ...(problem ? { problem } : {}) };
      points.set(`${period.label}:${period.end}`, point);
      previous = { key, point };
      tick?.(period.label);
    }
  } finally {
    reader.close();
  }
  return { points, config, learned };
}

/** A point judged here, for the memo: only what JSON gives back as it is (see exactJson). */
function learn(learned: PointsKnown, key: string, values: TrendValues, configBlob: string | undefined, config: Config): void {
  if (exactJson(values) === undefined) return;
  const keepsConfig = configBlob !== undefined && exactJson(config.data) !== undefined;
  if (keepsConfig) learned.configs.push([configBlob, config.data]);
  learned.points.push([key, { values, ...(keepsConfig ? { config: configBlob } : {}) }]);
}
