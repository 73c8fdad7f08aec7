/**
 * The first check of a new day. A file whose rules read the day holds its findings for the day it was judged
 * on; on the next, it is judged again from what the cache kept of it (see Rejudge): its data, its own findings,
 * and the findings of the rules that did not read the day. Only the rules that did (and the PMO's own) run
 * again: nothing is read, parsed or validated, and the YAML and schema modules are not even loaded.
 */
import type { CacheEntry, Rejudge } from './load/cache.js';
import type { FileKind } from './load/discover.js';
import type { Config } from './model/config.js';
import { BUILTIN_RULE_IDS } from './rules/builtin/ids.js';
import type { CompiledRule, Portfolio, RulesetSource } from './rules/custom.js';
import { daylessOf, runFileRules } from './rules/run.js';

export interface RejudgeJob {
  /** What the cache kept of a file to judge it again (see ParseCache.kept). */
  kept: (path: string) => Rejudge | undefined;
  config: Config;
  today: string;
  rulesets: readonly RulesetSource[];
  /** What the PMO's rules see across files (when there are some). */
  portfolio?: Portfolio;
}

interface Judged {
  path: string;
  kind: FileKind;
  entry: CacheEntry;
}

/**
 * Each file's entry judged on the job's day, by path; a file whose entry kept no Rejudge (its data had a
 * non-finite number, or its cache file was lost) is left out: the caller reads it again.
 */
export async function rejudgeFiles(files: readonly Judged[], job: RejudgeJob): Promise<Map<string, CacheEntry>> {
  const judged = new Map<string, CacheEntry>();
  const kept = files.flatMap((file) => {
    const rejudge = job.kept(file.path);
    return rejudge ? [{ file, rejudge }] : [];
  });
  if (kept.length === 0) return judged;
  const custom = await compiledRules(job);
  for (const { file, rejudge } of kept) judged.set(file.path, judgedAgain(file, rejudge, custom, job));
  return judged;
}

/** The PMO's own rules, compiled for the day (the day is compiled into them), when there are some. */
async function compiledRules(job: RejudgeJob): Promise<CompiledRule[]> {
  if (job.rulesets.length === 0) return [];
  const { compileRules } = await import('./rules/custom-compile.js');
  return compileRules([...job.rulesets], job.today, new Set(BUILTIN_RULE_IDS));
}

function judgedAgain({ path, kind, entry }: Judged, rejudge: Rejudge, custom: readonly CompiledRule[], job: RejudgeJob): CacheEntry {
  const own = entry.findings.slice(0, rejudge.own);
  const dayless = daylessOf(kind, job.config, entry.findings.slice(rejudge.own), rejudge.dayRules);
  const ruled = runFileRules(kind, path, JSON.parse(rejudge.data) as unknown, job.config, job.today, custom, job.portfolio, dayless);
  // Every field named: a cache entry may read some of its fields lazily, and a spread copies only those read.
  // No Rejudge of its own: the cache keeps the one it was judged from.
  return {
    hash: entry.hash,
    findings: [...own, ...ruled],
    today: job.today,
    ...defined({ stat: entry.stat, facts: entry.facts, spans: entry.spans, references: entry.references, data: entry.data }),
  };
}

/** The fields whose value is not undefined. */
const defined = (fields: Partial<CacheEntry>): Partial<CacheEntry> =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
