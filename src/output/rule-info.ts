/**
 * What a format that describes rules (SARIF's rule table, links in Markdown) knows of a rule id: what it checks,
 * what to do, and where it is documented. From the built-in rules (their description and their doc's "How to
 * fix it"), docs/checks.md's ids (src/output/check-ids.ts), the PMO's own rules (rules/*.yaml), and a plain
 * entry for any other id.
 */
import type { CheckResult } from '../check.js';
import { isRecord } from '../model/labels.js';
import type { RulesetSource } from '../rules/custom.js';
import { ruleDoc } from '../rules/docs.js';
import { HOMEPAGE, VERSION } from '../version.js';
import { CHECK_IDS } from './check-ids.js';

export interface RuleInfo {
  id: string;
  /** One sentence: what the rule checks, or what its finding means. */
  description: string;
  /** What to do about a finding. */
  help: string;
  /** The rule's documentation; none for the PMO's own rules (`help` names their file). */
  helpUri?: string;
}

export type RuleCatalog = (id: string) => RuleInfo;

/** The docs of the running version, from package.json's `homepage` (a placeholder until pmo is published). */
export const DOCS_URL = `${HOMEPAGE.replace(/#.*$/, '')}/blob/v${VERSION}/docs`;

export interface BuiltinRuleText {
  id: string;
  description: string;
  /** The doc's "How to fix it". */
  fix: string;
}

/** The full catalog. It imports every built-in rule module, so only formats that describe rules ask for it. */
export async function ruleCatalog(result: Pick<CheckResult, 'rulesets'>): Promise<RuleCatalog> {
  const { BUILTIN_RULES } = await import('../rules/builtin/index.js');
  const builtins = BUILTIN_RULES.map((rule) => ({ id: rule.id, description: rule.description, fix: howToFix(ruleDoc(rule.id)) }));
  return catalogOf(result.rulesets, builtins);
}

/** For formats that name rules but do not describe them: every id gets the plain entry. */
export const undescribedRule: RuleCatalog = (id) => plainEntry(id);

export function catalogOf(rulesets: readonly RulesetSource[], builtins: readonly BuiltinRuleText[]): RuleCatalog {
  const known = new Map<string, RuleInfo>();
  for (const row of CHECK_IDS) {
    for (const id of row.ids) known.set(id, { id, description: sentence(row.means), help: sentence(row.todo), helpUri: `${DOCS_URL}/checks.md` });
  }
  for (const rule of builtins) {
    known.set(rule.id, { id: rule.id, description: rule.description, help: rule.fix, helpUri: `${DOCS_URL}/rules.md#${rule.id}` });
  }
  for (const { file, data } of rulesets) {
    const rules = isRecord(data) && isRecord(data.rules) ? data.rules : {};
    for (const [id, spec] of Object.entries(rules)) {
      const description = isRecord(spec) && typeof spec.description === 'string' ? spec.description : `The PMO's rule ${id}.`;
      known.set(id, { id, description, help: `A rule of the PMO's own, defined in ${file}: its message says what to put right.` });
    }
  }
  const gate = known.get('gate/<phase>')!;
  return (id) => {
    const entry = known.get(id);
    if (entry) return entry;
    // One gate a phase, named after the PMO's lifecycle: described by the `gate/<phase>` row.
    if (id.startsWith('gate/')) return { ...gate, id, description: gate.description.replaceAll('<phase>', id.slice('gate/'.length)) };
    return plainEntry(id);
  };
}

function plainEntry(id: string): RuleInfo {
  return {
    id,
    description: `A finding of pmo check (${id}).`,
    help: 'The message says what is wrong and where; docs/checks.md and docs/rules.md list the rules.',
    helpUri: `${DOCS_URL}/checks.md`,
  };
}

/** docs/checks.md's cells are sentence fragments; descriptions are sentences. */
const sentence = (fragment: string) => `${fragment.charAt(0).toUpperCase()}${fragment.slice(1)}.`;

/** A rule doc's "How to fix it" section, its hard-wrapped lines joined. */
function howToFix(doc: string): string {
  const section = /^## How to fix it\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(doc)?.[1] ?? '';
  return section.trim().replace(/([^\n])\n(?!\n)/g, '$1 ');
}
