/**
 * Runs the file rules (built-in and the PMO's own) on one file: where files are analyzed, cached per (file,
 * today). portfolio-run.ts runs the portfolio rules.
 */
import type { RawFinding } from '../findings.js';
import type { FileKind } from '../load/discover.js';
import type { Config } from '../model/config.js';
import { isRecord } from '../model/labels.js';
import { BUILTIN_RULES } from './builtin/index.js';
import { runCustomRules, type CompiledRule, type Portfolio } from './custom.js';
import { baseContext, enabled, toFinding } from './context.js';
import type { FileRule, RuleContext } from './types.js';

const fileRules = BUILTIN_RULES.filter((r): r is FileRule => r.scope === 'project' || r.scope === 'request');

/** The file rules of one project or request file (data that passed its schema). */
export function runFileRules(
  kind: FileKind,
  file: string,
  data: unknown,
  config: Config,
  today: string,
  custom: readonly CompiledRule[] = [],
  portfolio?: Portfolio,
): RawFinding[] {
  if (!isRecord(data)) return [];
  const findings: RawFinding[] = runCustomRules(custom, kind, file, data, config, today, portfolio);
  if (kind !== 'project' && kind !== 'request') return findings;
  // One context for the file's rules, reporting for the rule that runs (a history run judges thousands of files
  // a period: a context per rule and file is garbage to collect).
  let running = fileRules[0]!;
  const ctx: RuleContext = { ...baseContext(config, today), report: (r) => findings.push(toFinding(running, config, file, kind, r)) };
  for (const rule of fileRules) {
    if (rule.scope !== kind || !enabled(rule, config)) continue;
    running = rule;
    rule.check(data as never, ctx);
  }
  return findings;
}

