/**
 * The portfolio as it stood at the end of the previous quarter: the commit git held on that day, judged on that
 * day by the same check (the cache read, not written), and its data; kept on disk for the reports after it
 * (quarter-memo.ts). The scorecards' pain points compare with it. None outside git, or before the repository's
 * first commit.
 */
import { check } from '../check.js';
import type { Finding } from '../findings.js';
import { classifyFiles } from '../load/discover.js';
import { parsedFrom, readPortfolioData, type PortfolioData } from '../load/portfolio-data.js';
import type { SourceFile } from '../load/discover.js';
import { addDays } from '../model/dates.js';
import { narrowPortfolio, type PortfolioFilter } from '../model/portfolio-filter.js';
import { PmoError } from '../errors.js';
import { periodOf } from './periods.js';
import { GitRepo } from '../load/git.js';
import { keepQuarter, keptQuarter, quarterKey, type KeptQuarter } from './quarter-memo.js';

export interface PreviousQuarter {
  /** The quarter compared with (2026-Q3) and its last day, which it is judged on. */
  label: string;
  date: string;
  commit: string;
  data: PortfolioData;
  findings: readonly Finding[];
}

/** The last day of the quarter before the one holding `today`, and that quarter's label. */
export function previousQuarterEnd(today: string): { label: string; date: string } {
  const previous = periodOf(addDays(periodOf(today, 'quarter').start, -1), 'quarter');
  return { label: previous.label, date: previous.last };
}

export interface PreviousQuarterOptions {
  root: string;
  kind: string;
  today: string;
  filter?: PortfolioFilter;
  cache?: boolean;
  /** The data of a file the report has read already, when the commit holds the same bytes (most files). */
  unchanged?: (path: string, bytes: Uint8Array) => { data: unknown } | undefined;
}

export async function previousQuarter({ root, kind, today, filter, cache, unchanged }: PreviousQuarterOptions): Promise<PreviousQuarter | null> {
  const { label, date } = previousQuarterEnd(today);
  const command = `pmo report ${kind}`;
  try {
    const { commit } = await GitRepo.open(root, command).commitAsOf(date);
    const key = quarterKey(commit, date);
    const kept = cache === false ? undefined : keptQuarter(root, key);
    const judged = kept ?? (await judgedQuarter(root, commit, date, command, cache, unchanged));
    if (!kept && cache !== false) keepQuarter(root, key, judged);
    const { data, findings } = narrowPortfolio(kind, judged.data, judged.findings, judged.lifecycle, filter);
    return { label, date, commit, data, findings };
  } catch (error) {
    // No history to compare with (not a git repository, no commit that old, a filter naming what did not exist
    // then): the pain points say so rather than fail the report.
    if (error instanceof PmoError) return null;
    throw error;
  }
}

/**
 * The commit git held on `date`, checked on that day (the cache read, not written), and its data. Named by its id,
 * as it was looked up for the memo's key: not looked up again from the branch's whole log.
 */
async function judgedQuarter(root: string, commit: string, date: string, command: string, cache: boolean | undefined, unchanged: PreviousQuarterOptions['unchanged']): Promise<KeptQuarter> {
  const result = await check({ cwd: root, asOf: commit, today: date, cache, command });
  const parse = parsedFrom(result.readFile);
  const dataOf = (file: SourceFile) => unchanged?.(file.path, result.readFile(file.path))?.data ?? parse(file);
  return { data: readPortfolioData(classifyFiles(result.files, result.config.rulesets), dataOf, result.findings), findings: result.findings, lifecycle: result.config.lifecycle };
}
