/**
 * A portfolio whose check finds a bit of everything, for the output-format tests: errors, warnings, an info,
 * a waived finding, and the PMO's own rule, whose message carries hostile text from the YAML (markup
 * characters, a control character, a line break).
 */
import { readFileSync } from 'node:fs';
import { makePortfolio, type Files } from '../helpers/repo.js';

export const TODAY = '2026-11-20';

/** The rule fixtures' clean project (no built-in rule flags it on TODAY), as apollo. */
export const CLEAN = readFileSync(new URL('../rules/clean-project.yaml', import.meta.url), 'utf8')
  .replace('id: clean', 'id: apollo')
  .replaceAll('records/clean/', 'records/apollo/');
const RECORDS = Object.fromEntries([...new Set(CLEAN.match(/records\/[\w./-]+\.\w+/g))].map((r) => [r, '# record\n']));
const PEOPLE = 'people:\n  - { id: jdoe, name: J }\n  - { id: asmith, name: A }\n  - { id: bkim, name: B }\n  - { id: cfo, name: C }\n';

/**
 * apollo: an unknown field (schema/unknown-field, warn, line 5), an unknown sponsor (ref/unknown-person, error),
 * 20% over budget (budget-variance, waived), risk R1 without an owner (risk-has-owner, error), and both risks
 * flagged by the PMO's rule (risk-review-soon, warn); R2's title holds `|`, `<script>`, a BEL and a newline.
 */
export const APOLLO = CLEAN.replace('name: Clean reference project', 'name: Clean reference project\nbudjet: 1')
  .replace('sponsor: asmith', 'sponsor: asmyth')
  .replace('  forecast: 104000', '  forecast: 125000')
  .replace('probability: 2, impact: 4, owner: jdoe, ', 'probability: 2, impact: 4, ')
  .replace('title: Supplier delivers late', 'title: "Supplier | <script>alert(1)</script> \\u0007late\\nagain"');

export const RULES = `rules:
  risk-review-soon:
    description: Open risks are reviewed at least every 5 days.
    severity: warn
    each: risk
    when: risk.status == "open"
    assert: daysUntil(risk.review_by) <= 5
    message: "risk {{risk.id}} <&\\"'> {{risk.title}} is next reviewed in {{daysUntil(risk.review_by)}} days"
`;

/** The overrun is waived until 2026-12-01: within the warning days, so the waiver itself is an info (waiver/expiring). */
export const WAIVERS = `waivers:
  - { rule: budget-variance, project: apollo, reason: "Steering committee accepted the overrun & more", approved_by: asmith, expires: 2026-12-01 }
`;

/** A portfolio with the clean apollo: nothing to find until `files` adds or replaces something. */
export function cleanRepo(files: Files = {}): string {
  return makePortfolio({ 'pmo.yaml': 'version: 1\norganization: Test Co\npmo_type: controlling\n', 'people.yaml': PEOPLE, ...RECORDS, 'projects/apollo.yaml': CLEAN, ...files });
}

export function findingsRepo(files: Files = {}): string {
  return cleanRepo({ 'projects/apollo.yaml': APOLLO, 'rules/team.yaml': RULES, 'waivers.yaml': WAIVERS, ...files });
}
