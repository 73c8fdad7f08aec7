/**
 * The portfolio half of the rules: each file's extract for the portfolio rules (kept in the cache), and the
 * portfolio rules over all extracts (run on every check, warm ones too: so this module loads only them).
 */
import type { RawFinding } from '../findings.js';
import type { FileKind } from '../load/discover.js';
import type { Config } from '../model/config.js';
import { PORTFOLIO_RULES } from './builtin/portfolio.js';
import { baseContext, enabled, toFinding } from './context.js';
import type { PortfolioContext, PortfolioFile } from './types.js';

const portfolioRules = PORTFOLIO_RULES;

/** What every portfolio rule keeps of one file (data that passed its schema), for the cache. */
export function extractForPortfolio(kind: FileKind, data: unknown): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const rule of portfolioRules) {
    const extract = rule.extract(kind, data);
    if (extract !== undefined) out[rule.id] = extract;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The portfolio rules, over every file's extracts. */
export function runPortfolioRules(
  files: ReadonlyArray<{ path: string; kind: FileKind; rules: Record<string, unknown> | undefined }>,
  config: Config,
  today: string,
): RawFinding[] {
  const findings: RawFinding[] = [];
  const kindOf = new Map(files.map((f) => [f.path, f.kind]));
  for (const rule of portfolioRules) {
    if (!enabled(rule, config)) continue;
    const own: PortfolioFile<unknown>[] = files.flatMap((f) =>
      f.rules && rule.id in f.rules ? [{ path: f.path, kind: f.kind, facts: f.rules[rule.id] }] : [],
    );
    const ctx: PortfolioContext = {
      ...baseContext(config, today),
      report: ({ file, ...r }) => findings.push(toFinding(rule, config, file, kindOf.get(file), r)),
    };
    rule.check(own, ctx);
  }
  return findings;
}
