/**
 * The category of a finding's rule, for counts by category (trends, the scorecards' pain points): the built-in
 * rule's, the PMO rule's own (or `custom`), or the kind of check a loader id names. It imports every built-in
 * rule: history runs and reports only, never a warm check.
 */
import { BUILTIN_RULES } from './builtin/index.js';
import type { RulesetSource } from './custom.js';

const BUILTIN_CATEGORY = new Map(BUILTIN_RULES.map((r) => [r.id, r.category as string]));
const PREFIX_CATEGORY: Array<[RegExp, string]> = [
  [/^(yaml|schema)\//, 'data'],
  [/^(ref|dates)\//, 'integrity'],
  [/^config\//, 'config'],
  [/^waiver\//, 'waivers'],
  [/^gate\//, 'gates'],
];

export type CategoryOf = (rule: string) => string;

export function categoryOf(rulesets: ReadonlyArray<Pick<RulesetSource, 'data'>>): CategoryOf {
  const custom = new Map<string, string>();
  for (const { data } of rulesets) {
    const rules = (data as { rules?: Record<string, { category?: string | null }> })?.rules ?? {};
    for (const [id, rule] of Object.entries(rules)) custom.set(id, rule?.category ?? 'custom');
  }
  return (rule) => BUILTIN_CATEGORY.get(rule) ?? custom.get(rule) ?? PREFIX_CATEGORY.find(([re]) => re.test(rule))?.[1] ?? 'other';
}
