/**
 * The portfolio as it stood at the end of the previous quarter: the commit git held on that day, judged on that
 * day by the same check (the cache read, not written), and its data. The scorecards' pain points compare with it.
 * None outside git, or before the repository's first commit.
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
  try {
    const result = await check({ cwd: root, asOf: date, cache, command: `pmo report ${kind}` });
    if (!result.commit) return null;
    const parse = parsedFrom(result.readFile);
    const dataOf = (file: SourceFile) => unchanged?.(file.path, result.readFile(file.path))?.data ?? parse(file);
    const all = readPortfolioData(classifyFiles(result.files, result.config.rulesets), dataOf, result.findings);
    const { data, findings } = narrowPortfolio(kind, all, result.findings, result.config.lifecycle, filter);
    return { label, date, commit: result.commit.commit, data, findings };
  } catch (error) {
    // No history to compare with (not a git repository, no commit that old, a filter naming what did not exist
    // then): the pain points say so rather than fail the report.
    if (error instanceof PmoError) return null;
    throw error;
  }
}
