/**
 * Runs the built-in rules. File rules judge one project or request and are cached per (file, today);
 * portfolio rules keep a small extract of each file (cached with it) and judge them all on every run.
 * Each finding gets the rule's default severity for the PMO type; pmo.yaml's `rules:` overrides are applied
 * later, to every finding alike.
 */
import type { RawFinding } from '../findings.js';
import type { FileKind } from '../load/discover.js';
import type { Config } from '../model/config.js';
import { isRecord } from '../model/labels.js';
import { BUILTIN_RULES } from './builtin/index.js';
import { runCustomRules, type CompiledRule } from './custom.js';
import { phaseAtLeast } from './phase.js';
import {
  defaultSeverity, fillMessage, type FileRule, type PortfolioContext, type PortfolioFile, type PortfolioRule, type Report,
  type RuleContext, type RuleMeta,
} from './types.js';

const fileRules = BUILTIN_RULES.filter((r): r is FileRule => r.scope !== 'portfolio');
const portfolioRules = BUILTIN_RULES.filter((r): r is PortfolioRule => r.scope === 'portfolio');

const enabled = (rule: RuleMeta, config: Config) => config.rules[rule.id] !== 'off';

const fileId = (file: string) => file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');

function toFinding(rule: RuleMeta, config: Config, file: string, kind: FileKind | undefined, report: Report): RawFinding {
  const template = rule.messages[report.messageId];
  if (template === undefined) throw new Error(`rule ${rule.id} has no message '${report.messageId}'`);
  return {
    rule: rule.id,
    severity: defaultSeverity(rule, config.pmoType),
    message: fillMessage(template, report.data),
    file,
    at: { path: report.path, on: report.on ?? 'value' },
    ...(kind === 'project' ? { project: fileId(file) } : {}),
    ...(report.item ? { item: report.item } : {}),
  };
}

function baseContext(config: Config, today: string): Omit<RuleContext, 'report'> {
  return {
    today,
    thresholds: config.thresholds,
    config,
    phaseAtLeast: (phase, name) => phaseAtLeast(config, phase, name),
  };
}

/** The file rules of one project or request file (data that passed its schema). */
export function runFileRules(
  kind: FileKind,
  file: string,
  data: unknown,
  config: Config,
  today: string,
  custom: readonly CompiledRule[] = [],
): RawFinding[] {
  if (!isRecord(data)) return [];
  const findings: RawFinding[] = runCustomRules(custom, kind, file, data, config, today);
  if (kind !== 'project' && kind !== 'request') return findings;
  for (const rule of fileRules) {
    if (rule.scope !== kind || !enabled(rule, config)) continue;
    const ctx: RuleContext = { ...baseContext(config, today), report: (r) => findings.push(toFinding(rule, config, file, kind, r)) };
    rule.check(data as never, ctx);
  }
  return findings;
}

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
