/**
 * The change rules: each project a change touches, judged against itself at the base (rebaselines, turning red).
 * Pure: both versions' data in, findings out; check.ts finds the versions.
 */
import type { RawFinding } from '../findings.js';
import type { Config } from '../model/config.js';
import { isRecord } from '../model/labels.js';
import type { Project } from '../model/schemas/project.js';
import { BUILTIN_RULES } from './builtin/index.js';
import { baseContext, enabled, toFinding } from './context.js';
import type { ChangeRule, RuleContext } from './types.js';

const changeRules = BUILTIN_RULES.filter((r): r is ChangeRule => r.scope === 'change');

/** `before` and `after` are the project's data at the base and now; `after` passed its schema. */
export function runChangeRules(file: string, before: unknown, after: unknown, config: Config, today: string): RawFinding[] {
  // A project new in the change has nothing to move; one whose base does not read as a project is not compared.
  if (!isRecord(before) || !isRecord(after) || !isRecord(before.dates)) return [];
  const findings: RawFinding[] = [];
  for (const rule of changeRules) {
    if (!enabled(rule, config)) continue;
    const ctx: RuleContext = { ...baseContext(config, today), report: (r) => findings.push(toFinding(rule, config, file, 'project', r)) };
    rule.check(before as unknown as Project, after as unknown as Project, ctx);
  }
  return findings;
}
