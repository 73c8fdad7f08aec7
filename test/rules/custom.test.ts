/** The PMO's own rules (rules/*.yaml, CEL): what they flag, how they fail, and how their errors read. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { ConfigError } from '../../src/errors.js';
import { pmo } from '../helpers/cli.js';
import { makePortfolio, type Files } from '../helpers/repo.js';

const CLEAN = readFileSync(new URL('./clean-project.yaml', import.meta.url), 'utf8').replace('id: clean', 'id: apollo').replaceAll('records/clean/', 'records/apollo/');
const RECORDS = Object.fromEntries([...new Set(CLEAN.match(/records\/[\w./-]+\.\w+/g))].map((r) => [r, '# record\n']));
const PEOPLE = 'people:\n  - { id: jdoe, name: J }\n  - { id: asmith, name: A }\n  - { id: bkim, name: B }\n  - { id: cfo, name: C }\n';
const TODAY = '2026-11-20';

/** Risks reviewed within 30 days: R1 (review 2026-12-01) passes, R2 (2026-11-30) passes; see the cases. */
const RULES = `rules:
  risk-review-soon:
    description: Open risks are reviewed at least every 30 days.
    severity: warn
    each: risk
    when: risk.status == "open"
    assert: daysUntil(risk.review_by) <= 30
    message: "risk {{risk.id}} is next reviewed in {{daysUntil(risk.review_by)}} days ({{risk.review_by}})"
    phases: [execution]
`;

function repo(files: Files = {}): string {
  return makePortfolio({ 'pmo.yaml': 'version: 1\npmo_type: controlling\n', 'people.yaml': PEOPLE, ...RECORDS, 'projects/apollo.yaml': CLEAN, 'rules/team.yaml': RULES, ...files });
}
const findingsOf = async (files: Files = {}) => (await check({ cwd: repo(files), today: TODAY, cache: false })).findings;

describe("the PMO's own rules", () => {
  it('pass when the assertion holds', async () => {
    expect(await findingsOf()).toEqual([]);
  });

  it('flag each item where `when` holds and `assert` does not, with the message filled in, at the item', async () => {
    const findings = await findingsOf({ 'projects/apollo.yaml': CLEAN.replace('review_by: 2026-12-01', 'review_by: 2027-02-01') });
    expect(findings.map((f) => [f.file, f.line, f.column, f.rule, f.severity, f.message, f.item])).toEqual([
      ['projects/apollo.yaml', 30, 5, 'risk-review-soon', 'warn', 'risk R1 is next reviewed in 73 days (2027-02-01)', 'R1'],
    ]);
  });

  it('skip projects outside their phases, and items where `when` is false', async () => {
    const later = CLEAN.replace('review_by: 2026-12-01', 'review_by: 2027-02-01');
    expect(await findingsOf({ 'projects/apollo.yaml': later.replace('phase: execution', 'phase: planning') })).toEqual([]);
    expect(await findingsOf({ 'projects/apollo.yaml': later.replace('mitigation: Pair on every critical task, status: open', 'mitigation: Pair on every critical task, status: closed') })).toEqual([]);
  });

  it('an expression that fails on one item is a finding of the rule on that item, with the reason', async () => {
    const noReview = CLEAN.replace(', review_by: 2026-12-01', '');
    const findings = await findingsOf({ 'projects/apollo.yaml': noReview });
    expect(findings.map((f) => [f.line, f.rule, f.severity, f.message])).toEqual([
      [30, 'risk-review-soon', 'warn', 'risk R1: its assert could not be evaluated: No such key: review_by'],
    ]);
  });

  it('an expression that does not compile stops the run, naming file, line, column and the parser', async () => {
    const broken = RULES.replace('assert: daysUntil(risk.review_by) <= 30', 'assert: daysUntil(risk.review_by) <=> 30');
    const error = await check({ cwd: repo({ 'rules/team.yaml': broken }), today: TODAY, cache: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(
      'rules/team.yaml:7:41  rule expression does not compile: Unexpected token: GT (in `daysUntil(risk.review_by) <=> 30`)',
    );
  });

  it('refuses a matches() pattern that could backtrack exponentially, one built from data, and one that is no RE2', async () => {
    const compile = async (assert: string) => {
      const rules = RULES.replace('assert: daysUntil(risk.review_by) <= 30', `assert: ${assert}`);
      return check({ cwd: repo({ 'rules/team.yaml': rules }), today: TODAY, cache: false }).then(() => 'compiled', (e: unknown) => (e as Error).message);
    };
    // Line 7 is `    assert: ...`: the expression starts at column 13; `risk.title.matches(` is 19 characters.
    expect(await compile('risk.title.matches("(a+)+$")')).toBe(
      'rules/team.yaml:7:32  rule expression refused: the pattern "(a+)+$" nests a quantifier inside a quantified group, which can take exponential time on hostile data; write it without the nesting (in `risk.title.matches("(a+)+$")`)',
    );
    expect(await compile('matches(risk.title, risk.owner)')).toContain('rules/team.yaml:7:13  rule expression refused: matches() takes a literal pattern in pmo rules');
    expect(await compile('risk.title.matches("(a)\\\\1")')).toContain('uses a back-reference or a look-around');
    // A pattern that matches in linear time compiles.
    expect(await compile('risk.title.matches("^[A-Z][a-z]+")')).toBe('compiled');
  });

  it('an expression inside a message template is located inside the message', async () => {
    const broken = RULES.replace('is next reviewed in {{daysUntil(risk.review_by)}} days', 'is next reviewed in {{ daysUntil(risk.review_by)) }} days');
    const error = await check({ cwd: repo({ 'rules/team.yaml': broken }), today: TODAY, cache: false }).catch((e: unknown) => e);
    // line 8 is `    message: "risk {{risk.id}} is next reviewed in {{ daysUntil(risk.review_by)) }} days ..."`
    const line = broken.split('\n')[7]!;
    const column = line.indexOf('daysUntil') + 1 + 'daysUntil(risk.review_by)'.length;
    expect((error as Error).message).toBe(`rules/team.yaml:8:${column}  rule expression does not compile: Unexpected character: ')' (in \`daysUntil(risk.review_by))\`)`);
  });

  it('a rule file that breaks its schema stops the run too', async () => {
    const error = await check({ cwd: repo({ 'rules/team.yaml': RULES.replace('each: risk', 'each: risks') }), today: TODAY, cache: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('rules/team.yaml:5:11  rules.risk-review-soon.each must be one of project, milestone');
  });

  it('may not take the id of a built-in rule', async () => {
    const error = await check({ cwd: repo({ 'rules/team.yaml': RULES.replace('risk-review-soon:', 'status-fresh:') }), today: TODAY, cache: false }).catch((e: unknown) => e);
    expect((error as Error).message).toBe("rules/team.yaml:2:3  'status-fresh' is a built-in rule: give the PMO's rule another id");
  });

  it('are gate criteria and can be waived like built-in rules', async () => {
    const later = CLEAN.replace('review_by: 2026-12-01', 'review_by: 2027-02-01');
    const gated = await findingsOf({ 'projects/apollo.yaml': later, 'pmo.yaml': 'version: 1\npmo_type: controlling\ngates:\n  execution: [risk-review-soon]\n' });
    expect(gated.map((f) => f.rule)).toEqual(['gate/execution', 'risk-review-soon']);
    const waivers = 'waivers:\n  - { rule: risk-review-soon, project: apollo, item: R1, reason: Quarterly review agreed, approved_by: asmith, expires: 2027-01-31 }\n';
    const waived = await findingsOf({ 'projects/apollo.yaml': later, 'waivers.yaml': waivers });
    expect(waived.map((f) => [f.rule, Boolean(f.waived)])).toEqual([['risk-review-soon', true]]);
  });

  it('a change to a rule file re-judges every file, even from a warm cache', () => {
    const dir = repo();
    const run = () => JSON.parse(pmo(['check', '--today', TODAY, '-f', 'json'], { cwd: dir }).stdout) as Array<{ rule: string }>;
    expect(run()).toEqual([]);
    writeFileSync(join(dir, 'rules/team.yaml'), RULES.replace('<= 30', '<= 5'));
    expect(run().map((f) => f.rule)).toEqual(['risk-review-soon', 'risk-review-soon']);
  });
});

describe('the portfolio in a rule', () => {
  const OWNERS = `rules:
  risk-owner-on-team:
    description: Risk owners are engineers or the project manager.
    severity: warn
    each: risk
    assert: risk.owner == project.manager || people.exists(p, p.id == risk.owner && p.role == "Engineer")
    message: "risk {{risk.id}} is owned by {{risk.owner}}, who is neither the PM nor an engineer"
  known-dependency:
    description: A project names at least one other project of the portfolio or none.
    severity: info
    each: project
    assert: size(projects) > 1
    message: "alone in the portfolio"
`;
  const STAFF = 'people:\n  - { id: jdoe, name: J, role: PM }\n  - { id: asmith, name: A }\n  - { id: bkim, name: B, role: Engineer }\n  - { id: cfo, name: C }\n';

  it('sees people, goals and the project ids, and is judged anew when people.yaml changes', () => {
    const dir = repo({ 'rules/team.yaml': OWNERS, 'people.yaml': STAFF, 'projects/hermes.yaml': CLEAN.replace('id: apollo', 'id: hermes').replace(/team:\n(  - .*\n)+/, '') });
    const run = () => (JSON.parse(pmo(['check', '--today', TODAY, '-f', 'json'], { cwd: dir }).stdout) as Array<{ rule: string; file: string }>).map((f) => `${f.file} ${f.rule}`);
    expect(run()).toEqual([]);
    writeFileSync(join(dir, 'people.yaml'), STAFF.replace('role: Engineer', 'role: Analyst'));
    expect(run()).toEqual(['projects/apollo.yaml risk-owner-on-team', 'projects/hermes.yaml risk-owner-on-team']);
  });
});

describe('pmo rules test', () => {
  const TESTED = `${RULES}    tests:
      invalid: [{ risk: { id: R1, status: open, review_by: 2027-06-01 } }]
      valid: [{ risk: { id: R2, status: open, review_by: 2026-11-25 } }, { risk: { id: R3, status: closed } }]
`;

  it('runs every example and exits 0 when each behaves', () => {
    const run = pmo(['rules', 'test', '--today', TODAY], { cwd: repo({ 'rules/team.yaml': TESTED }) });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('rules/team.yaml\n  ✔ risk-review-soon  invalid #1\n  ✔ risk-review-soon  valid #1\n  ✔ risk-review-soon  valid #2\n\n3 passed, 0 failed\n');
  });

  it('exits 1 and says what happened when an example does not', () => {
    const wrong = TESTED.replace('review_by: 2026-11-25', 'review_by: 2027-11-25');
    const run = pmo(['rules', 'test', '--today', TODAY], { cwd: repo({ 'rules/team.yaml': wrong }) });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('  ✖ risk-review-soon  valid #1: it was flagged: risk R2 is next reviewed in 370 days (2027-11-25)');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('2 passed, 1 failed');
  });
});

describe('a cost budget for each evaluation', () => {
  it('stops a nested comprehension over a large portfolio and says so on the item, without hanging', async () => {
    const { compileRules } = await import('../../src/rules/custom-compile.js');
    const { runCustomRules } = await import('../../src/rules/custom.js');
    const { configFrom } = await import('../../src/model/config.js');
    const rules = `rules:
  quadratic:
    description: Every pair of projects.
    severity: warn
    each: project
    assert: projects.all(a, projects.all(b, a == b || a != b))
    message: never false
  linear:
    description: One pass.
    severity: warn
    each: project
    assert: projects.exists(p, p == project.id)
    message: "{{project.id}} is not in the portfolio"
`;
    const { parse } = await import('yaml');
    const compiled = compileRules([{ file: 'rules/cost.yaml', data: parse(rules) }], TODAY, new Set());
    // 2,000 projects: the nested pass would read 2,000 + 2,000 x 2,000 = 4,002,000 ids, past the 1,000,000 budget;
    // the single pass reads at most 2,000.
    const ids = Array.from({ length: 2000 }, (_, i) => `p${i}`);
    const findings = runCustomRules(compiled, 'project', 'projects/p7.yaml', { id: 'p7', phase: 'execution' }, configFrom({}), TODAY, { people: [], goals: [], projects: ids });
    expect(findings.map((f) => [f.rule, f.message])).toEqual([
      ['quadratic', 'project: its assert could not be evaluated: cost budget exceeded: one evaluation read more than 1,000,000 items of projects, people and goals (nested comprehensions over the portfolio?)'],
    ]);
  });
});
