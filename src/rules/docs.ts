/** The rule docs: each rule's <id>.md beside it, and docs/rules.md generated from them all. */
import { readFileSync } from 'node:fs';
import { CODE_DIR } from '../paths.js';
import type { RuleMeta } from './types.js';

/** The doc of a built-in rule (copied into dist/rules/builtin by scripts/build.mjs). */
export function ruleDoc(id: string): string {
  return readFileSync(new URL(`rules/builtin/${id}.md`, CODE_DIR), 'utf8');
}

/** docs/rules.md: an index by category, then every rule's doc under its id. */
export function renderRulesDoc(rules: readonly RuleMeta[], docOf: (id: string) => string = ruleDoc): string {
  const sorted = [...rules].sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
  const out = [
    '# Built-in rules',
    '',
    '<!-- Generated from src/rules/builtin/*.md by `npm run docs`; test/rules/docs.test.ts fails when it is out of date. -->',
    '',
    'Severity by PMO type: a **governance** rule is an error under a controlling or directive PMO; an **advisory**',
    'rule is a warning under a controlling PMO and an error under a directive one. Under a supportive PMO every rule',
    'is a warning. A **notice** announces a deadline ahead and is `info` under every PMO type. pmo.yaml\'s `rules:`',
    'overrides any of them (`error`, `warn`, `info` or `off`).',
    '',
    '| rule | category | kind | thresholds | what it checks |',
    '|---|---|---|---|---|',
    ...sorted.map(
      (r) =>
        `| [\`${r.id}\`](#${r.id}) | ${r.category} | ${kindOf(r)} | ${r.thresholds.map((t) => `\`${t}\``).join(', ') || '—'} | ${r.description} |`,
    ),
    '',
  ];
  for (const rule of sorted) {
    const body = docOf(rule.id).trim().split('\n').slice(1).join('\n').trim().replace(/^## /gm, '#### ');
    const thresholds = rule.thresholds.map((t) => `\`${t}\``).join(', ') || 'none';
    const kind = rule.optIn
      ? `off unless pmo.yaml's rules: turns it on (then ${rule.governance ? 'governance' : 'advisory'})`
      : rule.notice ? 'notice (info under every PMO type)' : rule.governance ? 'governance (error under a controlling PMO)' : 'advisory (warning under a controlling PMO)';
    out.push(`## ${rule.id}`, '', rule.description, '', `Category: ${rule.category} · ${kind} · thresholds: ${thresholds}`, '', body, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** What kind of rule it is, in the index's words. */
export const kindOf = (rule: RuleMeta) => (rule.optIn ? 'opt-in' : rule.notice ? 'notice' : rule.governance ? 'governance' : 'advisory');
