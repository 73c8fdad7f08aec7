/**
 * Runs the file rules (built-in and the PMO's own) on one file: where files are analyzed, cached per (file,
 * today). portfolio-run.ts runs the portfolio rules.
 */
import type { RawFinding } from '../findings.js';
import type { FileKind } from '../load/discover.js';
import type { Config } from '../model/config.js';
import { isRecord } from '../model/labels.js';
import { memo } from '../memo.js';
import { BUILTIN_RULES } from './builtin/index.js';
import { runCustomRules, type CompiledRule, type Portfolio } from './custom.js';
import { enabled, toFinding } from './context.js';
import { FileContext } from './file-context.js';
import type { FileRule, Report } from './types.js';
import { daysBetween, earlierHorizon, withinHorizon } from '../model/dates.js';

const fileRules = BUILTIN_RULES.filter((r): r is FileRule => r.scope === 'project' || r.scope === 'request' || r.scope === 'audit');
const fileRuleById = new Map(fileRules.map((rule) => [rule.id, rule]));

/**
 * What a file's rules found before that holds on another day, by rule (a history run judges each version of a
 * file on every period it lives through; a closed project's rules mostly never look at the date):
 * - `dayless`: the findings of the built-in rules that did not read the day the last time they judged the same
 *   data under the same pmo.yaml. They hold on any day: such a rule is not run again.
 * - `held`: the findings of the rules that read the day and said until when they hold
 *   (RuleContext.sameFindingsUntil). A history run keeps them words aside (a trend counts findings, it never
 *   words them); a check keeps their reports too (`reports`), and a new day words them again (heldOn).
 */
export interface Standing {
  dayless: Map<string, RawFinding[]>;
  held?: Map<string, HeldFindings>;
  /** Keep each held rule's reports (a check that keeps what a new day needs). */
  reports?: boolean;
  /** With `held`: every built-in rule's findings, in order, once each of them stood (dayless or held) until a day. */
  all?: HeldFindings;
}

/** A day rule's findings, judged on `from`, and the first day they may change (null: none, over the same data). */
export interface HeldFindings {
  from: string;
  until: string | null;
  findings: RawFinding[];
  /** The reports they were made from, when `Standing.reports`. */
  reports?: Report[];
}

/** What a check keeps of a held rule for another day (see heldOn): plain data. */
export type HeldReports = Omit<HeldFindings, 'findings'> & { rule: string; reports: Report[] };

const holdsOn = ({ from, until }: Pick<HeldFindings, 'from' | 'until'>, today: string) => withinHorizon(today, from, until);

/**
 * The file rules of one project or request file (data that passed its schema). A rule whose findings stand
 * (see Standing) is not run again: they are given. The rules that run fill `standing` in. The PMO's own rules
 * always run: the day is compiled into them.
 */
export function runFileRules(
  kind: FileKind,
  file: string,
  data: unknown,
  config: Config,
  today: string,
  custom: readonly CompiledRule[] = [],
  portfolio?: Portfolio,
  standing?: Standing,
): RawFinding[] {
  if (!isRecord(data)) return [];
  const findings: RawFinding[] = runCustomRules(custom, kind, file, data, config, today, portfolio);
  if (kind !== 'project' && kind !== 'request' && kind !== 'audit') return findings;
  // A history run's file whose rules all stand today: the ~40 rules are not even asked (~5% of a trend).
  const all = standing?.all;
  if (all && holdsOn(all, today)) {
    for (const finding of all.findings) findings.push(finding);
    return findings;
  }
  const first = findings.length;
  const until = runBuiltins({ kind, file, data, config, today }, findings, standing);
  // A history run's (a check keeps reports, to word findings again: it never gives a file's findings whole).
  if (standing?.held && !standing.reports && until !== undefined) standing.all = { from: today, until, findings: findings.slice(first) };
  return findings;
}

/**
 * The built-in rules on one file, their findings added to `findings`: the earliest day any of them may change
 * (null: none), or undefined when a rule's findings hold for the day only.
 */
function runBuiltins(
  { kind, file, data, config, today }: { kind: FileKind; file: string; data: unknown; config: Config; today: string },
  findings: RawFinding[],
  standing: Standing | undefined,
): string | null | undefined {
  // One context for the file's rules, reporting for the rule that runs (a history run judges thousands of files
  // a period: a context per rule and file is garbage to collect). It notes whether the rule asked for the day,
  // and until when it said its findings hold.
  const ctx = new FileContext(config, today, file, kind, findings, standing?.reports === true, fileRules[0]!);
  let whole: string | null | undefined = null;
  for (const rule of rulesOf(kind, config)) {
    const dayless = standing?.dayless.get(rule.id);
    if (dayless) {
      for (const finding of dayless) findings.push(finding);
      continue;
    }
    const held = standing?.held?.get(rule.id);
    if (held && holdsOn(held, today)) {
      for (const finding of held.findings) findings.push(finding);
      if (whole !== undefined && held.until !== null) whole = earlierHorizon(whole, held.until);
      continue;
    }
    ctx.start(rule);
    const before = findings.length;
    rule.check(data as never, ctx);
    const { readToday, until, reports } = ctx;
    if (!readToday) standing?.dayless.set(rule.id, findings.slice(before));
    else if (until === undefined) whole = undefined;
    else {
      standing?.held?.set(rule.id, { from: today, until, findings: findings.slice(before), ...(standing.reports ? { reports: reports ?? [] } : {}) });
      if (whole !== undefined && until !== null) whole = earlierHorizon(whole, until);
    }
  }
  return whole;
}

/**
 * Every built-in rule's findings on `today` when each stands (dayless, or held on that day), in the order
 * runFileRules gives them; undefined when a rule would have to run (a new day then reads the file's data).
 */
export function standingFindings(kind: FileKind, config: Config, { dayless, held }: Standing, today: string): RawFinding[] | undefined {
  const findings: RawFinding[] = [];
  for (const rule of rulesOf(kind, config)) {
    const stands = dayless.get(rule.id) ?? held?.get(rule.id);
    if (!stands) return undefined;
    if (!Array.isArray(stands) && !holdsOn(stands, today)) return undefined;
    for (const finding of Array.isArray(stands) ? stands : stands.findings) findings.push(finding);
  }
  return findings;
}

/**
 * Until when a file's rule findings hold to the word, after runFileRules filled `standing` (with reports): the
 * earliest day its held rules said (null: none), when every rule that read the day said one and no held finding
 * counts days in its words; undefined otherwise (the PMO's own rules are taken to read the day).
 */
export function exactUntil(kind: FileKind, config: Config, custom: readonly CompiledRule[], { dayless, held }: Standing): string | null | undefined {
  if (custom.length > 0) return undefined;
  let until: string | null = null;
  for (const rule of rulesOf(kind, config)) {
    if (dayless.has(rule.id)) continue;
    const judged = held?.get(rule.id);
    if (!judged?.reports || judged.reports.some((report) => report.since)) return undefined;
    if (judged.until !== null) until = earlierHorizon(until, judged.until);
  }
  return until;
}

/**
 * The held rules' findings on `today`, worded again from their reports: each count of days since a date
 * (Report.since) counted to `today`. Only those still held on that day; the others' rules run again.
 */
export function heldOn(kind: FileKind, file: string, config: Config, kept: readonly HeldReports[], today: string): Map<string, HeldFindings> {
  const held = new Map<string, HeldFindings>();
  for (const { rule, from, until, reports } of kept) {
    const meta = fileRuleById.get(rule);
    if (!meta || !withinHorizon(today, from, until)) continue;
    held.set(rule, { from, until, findings: reports.map((report) => toFinding(meta, config, file, kind, countedTo(report, today))), reports });
  }
  return held;
}

/** A report with its counts of days since a date (Report.since) counted to `day`. */
function countedTo(report: Report, day: string): Report {
  if (!report.since) return report;
  const data = { ...report.data };
  for (const [key, date] of Object.entries(report.since)) data[key] = daysBetween(date, day);
  return { ...report, data };
}

/**
 * The built-in file rules of a kind that pmo.yaml leaves on, worked out once per pmo.yaml: a history run judges
 * every file of every period, and asking each rule of each file whether it is on was ~1% of a trend.
 */
function rulesOf(kind: FileKind, config: Config): readonly FileRule[] {
  const byKind = memo(enabledRules, config, () => new Map<FileKind, FileRule[]>());
  return memo(byKind, kind, () => fileRules.filter((rule) => rule.scope === kind && enabled(rule, config)));
}
const enabledRules = new WeakMap<Config, Map<FileKind, FileRule[]>>();

/**
 * The built-in rules of a file that read the day, after runFileRules filled `dayless` (the others are in it): a
 * new day runs them again, and the PMO's own rules, which are taken to read it (the day is compiled into them).
 */
export function dayRulesOf(kind: FileKind, config: Config, dayless: ReadonlyMap<string, RawFinding[]>): string[] {
  return rulesOf(kind, config).filter((rule) => !dayless.has(rule.id)).map((rule) => rule.id);
}

/** Whether a file's findings hold for the day they were judged on only (see dayRulesOf). */
export function readsTheDay(kind: FileKind, config: Config, custom: readonly CompiledRule[], dayless: ReadonlyMap<string, RawFinding[]>): boolean {
  return custom.length > 0 || rulesOf(kind, config).some((rule) => !dayless.has(rule.id));
}

/**
 * `dayless` for runFileRules again, from the rule findings of a file judged on another day and the rules that
 * read the day then: the findings of every other enabled built-in rule stand, by rule.
 */
export function daylessOf(kind: FileKind, config: Config, ruleFindings: readonly RawFinding[], dayRules: readonly string[]): Map<string, RawFinding[]> {
  const rerun = new Set(dayRules);
  const dayless = new Map<string, RawFinding[]>();
  for (const rule of rulesOf(kind, config)) if (!rerun.has(rule.id)) dayless.set(rule.id, []);
  for (const finding of ruleFindings) dayless.get(finding.rule)?.push(finding);
  return dayless;
}
