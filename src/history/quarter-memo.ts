/**
 * The previous quarter's portfolio (previous-quarter.ts) kept on disk. Judging the commit git held on the
 * quarter's last day, on that day, depends only on that commit (its files, pmo.yaml and rule files included), the
 * day and pmo's own build: every audit and people report of the quarter after reads it back instead of checking
 * the past again (~2.2 s at 1,000 projects). One sealed file in the cache folder holding one quarter: its key, its
 * data and its findings, before any filter. `--no-cache` neither reads nor writes it.
 */
import { join } from 'node:path';
import type { Finding } from '../findings.js';
import { cacheDir, keepMemoFile } from '../load/cache.js';
import type { PortfolioData } from '../load/portfolio-data.js';
import { exactJson, RawJson, readRecords } from '../load/sealed.js';
import { BUILD_ID } from '../version.js';

const FILE = 'quarter-memo.json';

export interface KeptQuarter {
  data: PortfolioData;
  findings: readonly Finding[];
  /** The lifecycle of that commit's pmo.yaml (a filter by phase is checked against it). */
  lifecycle: readonly string[];
}

/** What a quarter is kept under: the build, the commit and the day it was judged on. */
export const quarterKey = (commit: string, day: string): string => `${BUILD_ID}:${commit}:${day}`;

/** The quarter kept under `key` in the repository's cache folder, if that is the one kept there. */
export function keptQuarter(root: string, key: string): KeptQuarter | undefined {
  const dir = cacheDir(root);
  if (!dir) return undefined;
  const [head, kept] = readRecords(join(dir, FILE), () => undefined);
  const whole = (head as { key?: unknown } | undefined)?.key === key && typeof kept === 'object' && kept !== null;
  const { data, findings, lifecycle } = (whole ? kept : {}) as Partial<KeptQuarter>;
  return typeof data === 'object' && data !== null && Array.isArray(findings) && Array.isArray(lifecycle) ? { data, findings, lifecycle } : undefined;
}

/**
 * Keeps the quarter under `key`, in place of the one kept before. Not when its data holds what JSON cannot (a
 * `.inf`); a memo that cannot be written is only a slower next report, never a failed one.
 */
export function keepQuarter(root: string, key: string, quarter: KeptQuarter): void {
  const dir = cacheDir(root);
  const json = dir && exactJson(quarter);
  if (dir && json !== undefined) keepMemoFile(dir, FILE, [{ key }, new RawJson(json)]);
}
