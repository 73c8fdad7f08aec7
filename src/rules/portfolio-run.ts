/**
 * The portfolio half of the rules: each file's extract for the portfolio rules (kept in the cache), and the
 * portfolio rules over all extracts (run on every check, warm ones too: so this module loads only them).
 *
 * A rule's findings over the same extracts hold from the day they were judged on until the day the rule said
 * they stop holding (PortfolioContext.holdsUntil), or for good when the rule never read the day; the cache keeps
 * them so, and a new day judges again only the rules whose findings stopped holding.
 */
import type { RawFinding } from '../findings.js';
import type { FileKind } from '../load/discover.js';
import type { Config } from '../model/config.js';
import { addDays, earlierHorizon, withinHorizon } from '../model/dates.js';
import { PORTFOLIO_RULES } from './builtin/portfolio.js';
import { baseContext, enabled, toFinding } from './context.js';
import type { PortfolioContext, PortfolioFile, PortfolioRule } from './types.js';

const portfolioRules = PORTFOLIO_RULES;

/** One portfolio rule's findings, the day they were judged on, and the first day they may not hold (null: none). */
export interface PortfolioJudgement {
  rule: string;
  day: string;
  until: string | null;
  findings: RawFinding[];
}

/** A file as the portfolio rules see it: its extracts by rule, when its data passed its schema. */
export type ExtractedFile = { path: string; kind: FileKind; rules: Record<string, unknown> | undefined };

/** What every portfolio rule keeps of one file (data that passed its schema), for the cache. */
export function extractForPortfolio(kind: FileKind, data: unknown): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const rule of portfolioRules) {
    const extract = rule.extract(kind, data);
    if (extract !== undefined) out[rule.id] = extract;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Whether a judgement made over the same extracts holds on `today` (never before the day it was made on). */
export const holdsOn = (judgement: PortfolioJudgement, today: string): boolean => withinHorizon(today, judgement.day, judgement.until);

/**
 * The portfolio rules over every file's extracts, each rule as judged on `today`: the `known` judgements that
 * still hold are kept as they are, the others judged anew. `files` is called only when a rule runs: reading
 * every file's extract is most of what the rules cost.
 */
export function judgePortfolio(files: () => readonly ExtractedFile[], config: Config, today: string, known: readonly PortfolioJudgement[] = []): PortfolioJudgement[] {
  const held = new Map(known.filter((j) => holdsOn(j, today)).map((j) => [j.rule, j]));
  let read: { all: readonly ExtractedFile[]; kindOf: Map<string, FileKind> } | undefined;
  return portfolioRules.map((rule) => {
    const kept = held.get(rule.id);
    if (kept) return kept;
    if (!enabled(rule, config)) return { rule: rule.id, day: today, until: null, findings: [] };
    read ??= extracted(files());
    return judgeRule(rule, read.all, read.kindOf, config, today);
  });
}

function extracted(all: readonly ExtractedFile[]) {
  return { all, kindOf: new Map(all.map((f) => [f.path, f.kind])) };
}

/**
 * One rule over the files' extracts. Whether it read the day is noted (as the file rules' are, see run.ts): one
 * that did not holds for good; one that did, until the earliest day it named, and for the day only if it named none.
 */
function judgeRule(rule: PortfolioRule, all: readonly ExtractedFile[], kindOf: Map<string, FileKind>, config: Config, today: string): PortfolioJudgement {
  const findings: RawFinding[] = [];
  const own: PortfolioFile<unknown>[] = all.flatMap((f) => (f.rules && rule.id in f.rules ? [{ path: f.path, kind: f.kind, facts: f.rules[rule.id] }] : []));
  let readToday = false;
  let until: string | null | undefined;
  const day = () => ((readToday = true), today);
  const ctx: PortfolioContext = {
    ...baseContext(config, today, day),
    get today() {
      return day();
    },
    report: ({ file, ...r }) => findings.push(toFinding(rule, config, file, kindOf.get(file), r)),
    holdsUntil(next) {
      until = earlierHorizon(until, next);
    },
  };
  rule.check(own, ctx);
  const tomorrow = addDays(today, 1);
  if (!readToday) return { rule: rule.id, day: today, until: null, findings };
  // Said nothing, or a day already come: the findings hold for today only.
  if (until === undefined || (until !== null && until < tomorrow)) until = tomorrow;
  return { rule: rule.id, day: today, until, findings };
}
