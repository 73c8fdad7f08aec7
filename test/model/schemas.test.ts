/**
 * Schema findings, per kind of file: the exact rule, place (line, column) and message a PM sees.
 * Positions were counted by hand from the fixture texts; PROJECT's line numbers, for re-checking:
 *
 *    1 id: apollo              12 budget:                 22   - id: M2             31     impact: 4
 *    2 name: ...               13   baseline: 500000      26     progress: 60       32     owner: jdoe
 *    3 manager: jdoe           14   actual: 320000        27 risks:                 33     mitigation: ...
 *    6 priority: 2             16   approved_by: asmith   28   - id: R1             34     status: open
 *    7 goals: [G2]             17 milestones:             29     title: ...         36   - { person: jdoe, ... }
 *    8 dates:                  18   - id: M1              30     probability: 4     40   - date: 2026-11-13
 *   10   baseline_end: ...                                                          42     overall: amber
 */
import { describe, expect, it } from 'vitest';
import { check, type CheckOptions } from '../../src/check.js';
import { ConfigError } from '../../src/errors.js';
import type { Finding } from '../../src/findings.js';
import { makePortfolio, MINIMAL_CONFIG, PROJECT, type Files } from '../helpers/repo.js';

const TODAY = '2026-11-20';

function run(files: Files, options: Partial<CheckOptions> = {}) {
  return check({ cwd: makePortfolio(files), today: TODAY, cache: false, rules: false, ...options });
}

async function findingsOf(files: Files): Promise<Finding[]> {
  return (await run(files)).findings;
}

/** What a PM reads, minus the file: [rule, line, column, severity, message]. */
async function seen(files: Files): Promise<Array<[string, number, number, string, string]>> {
  return (await findingsOf(files)).map((f) => [f.rule, f.line, f.column, f.severity, f.message]);
}

/** Runs check() expecting a ConfigError, and returns it. */
async function configError(files: Files): Promise<ConfigError> {
  try {
    await run(files);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('check() did not throw a ConfigError');
}

const project = (text: string): Files => ({ 'projects/apollo.yaml': text });
const UNKNOWN_FIELD_HINT = "remove it, or declare it under schema.project.properties in pmo.yaml if the PMO wants it";

describe('project files', () => {
  it('the helper PROJECT is valid', async () => {
    expect(await seen({})).toEqual([]);
  });

  it('a risk with impact: 7 → schema/invalid-value at the 7', async () => {
    const findings = await findingsOf(project(PROJECT.replace('    impact: 4', '    impact: 7')));
    expect(findings.map((f) => [f.file, f.rule, f.line, f.column, f.endLine, f.endColumn])).toEqual([
      ['projects/apollo.yaml', 'schema/invalid-value', 31, 13, 31, 14],
    ]);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      message: 'risk R1: impact must be an integer from 1 to 5, got 7',
      project: 'apollo',
      item: 'R1',
    });
  });

  it('an unknown top-level field with a near name: warn at the key, did you mean', async () => {
    expect(await seen(project(PROJECT.replace('budget:', 'budjet:')))).toEqual([
      ['schema/unknown-field', 12, 1, 'warn', "unknown field 'budjet'; did you mean 'budget'?"],
    ]);
  });

  it('an unknown field inside a risk: warn at the key, names the risk', async () => {
    expect(await seen(project(PROJECT.replace('    mitigation:', '    mitigaton:')))).toEqual([
      ['schema/unknown-field', 33, 5, 'warn', "unknown field 'mitigaton' in risk R1; did you mean 'mitigation'?"],
    ]);
  });

  it('an unknown field with no near name says where custom fields are declared', async () => {
    expect(await seen(project(PROJECT.replace('priority: 2\n', 'priority: 2\ncost_center: 4711\n')))).toEqual([
      ['schema/unknown-field', 7, 1, 'warn', `unknown field 'cost_center'; ${UNKNOWN_FIELD_HINT}`],
    ]);
  });

  it('a comma inside { ... } that splits a text: the hint says to quote it', async () => {
    // Line 36: `  - { person: jdoe, role: Lead, senior analyst, allocation: 50 }`: `senior analyst` at column 33.
    const text = PROJECT.replace('role: Project manager,', 'role: Lead, senior analyst,');
    expect(await seen(project(text))).toEqual([
      [
        'schema/unknown-field',
        36,
        33,
        'warn',
        "unknown field 'senior analyst' in team member jdoe; a comma inside { ... } ends the value before it: put the whole text in quotes",
      ],
    ]);
  });

  it('no manager → schema/required, at the top of the file', async () => {
    expect(await seen(project(PROJECT.replace('manager: jdoe\n', '')))).toEqual([
      ['schema/required', 1, 1, 'error', "missing required field 'manager'"],
    ]);
  });

  it('a risk without a title → schema/required on the risk', async () => {
    const text = PROJECT.replace('    title: Vendor API rate limits slow the migration\n', '');
    expect(await seen(project(text))).toEqual([['schema/required', 28, 5, 'error', "risk R1: missing required field 'title'"]]);
  });

  it('a status update without `overall` (an enum) → schema/required, like any missing field', async () => {
    expect(await seen(project(PROJECT.replace('    overall: amber\n', '')))).toEqual([
      ['schema/required', 40, 5, 'error', "status update 2026-11-13: missing required field 'overall'"],
    ]);
  });

  it('status: opne → the message lists the allowed values', async () => {
    expect(await seen(project(PROJECT.replace('    status: open', '    status: opne')))).toEqual([
      ['schema/invalid-value', 34, 13, 'error', 'risk R1: status must be one of open, closed, got "opne"'],
    ]);
  });

  it('overall: yellow in a status update', async () => {
    expect(await seen(project(PROJECT.replace('    overall: amber', '    overall: yellow')))).toEqual([
      ['schema/invalid-value', 42, 14, 'error', 'status update 2026-11-13: overall must be one of green, amber, red, got "yellow"'],
    ]);
  });

  it('probability: high → wrong type', async () => {
    expect(await seen(project(PROJECT.replace('    probability: 4', '    probability: high')))).toEqual([
      ['schema/invalid-value', 30, 18, 'error', 'risk R1: probability must be an integer from 1 to 5, got "high"'],
    ]);
  });

  it('priority: 2.5 → not an integer', async () => {
    expect(await seen(project(PROJECT.replace('priority: 2', 'priority: 2.5')))).toEqual([
      ['schema/invalid-value', 6, 11, 'error', 'priority must be an integer from 1 to 5, got 2.5'],
    ]);
  });

  it('goals: G2 (a text, not a list)', async () => {
    expect(await seen(project(PROJECT.replace('goals: [G2]', 'goals: G2')))).toEqual([
      ['schema/invalid-value', 7, 8, 'error', 'goals must be a list, got "G2"'],
    ]);
  });

  it('progress: 160 in a milestone', async () => {
    expect(await seen(project(PROJECT.replace('    progress: 60', '    progress: 160')))).toEqual([
      ['schema/invalid-value', 26, 15, 'error', 'milestone M2: progress must be a percentage from 0 to 100, got 160'],
    ]);
  });

  it('a negative amount of money', async () => {
    expect(await seen(project(PROJECT.replace('  actual: 320000', '  actual: -5')))).toEqual([
      ['schema/invalid-value', 14, 11, 'error', 'budget.actual must be an amount of money: a number, 0 or more, got -5'],
    ]);
  });

  it('an empty name', async () => {
    expect(await seen(project(PROJECT.replace('name: Apollo CRM migration', 'name: ""')))).toEqual([
      ['schema/invalid-value', 2, 7, 'error', 'name must be non-empty text, got ""'],
    ]);
  });

  it('a badly formed item id', async () => {
    expect(await seen(project(PROJECT.replace('  - id: R1', '  - id: r1')))).toEqual([
      ['schema/invalid-value', 28, 9, 'error', 'risk r1: id must be an id of capital letters then digits, like R1 or M-3, got "r1"'],
    ]);
  });

  it('a list of risks written as a map', async () => {
    expect(await seen(project(PROJECT.replace('risks:\n  - id: R1', 'risks:\n  R1:\n    id: R1')))).toEqual([
      ['schema/invalid-value', 28, 3, 'error', 'risks must be a list, got a map'],
    ]);
  });

  it('a project file that is a list, not a map: says so in PM words', async () => {
    const findings = await findingsOf(project('- id: apollo\n- name: Apollo\n'));
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([['schema/invalid-value', 1, 1]]);
    expect(findings[0]!.message).toBe('the file must be a map, got a list');
  });
});

describe('people.yaml', () => {
  it('bad capacity, misspelt field, missing name', async () => {
    const people = `people:
  - { id: jdoe, name: Jane Doe, role: Project manager, capacity: 100 }
  - { id: asmith, name: Alex Smith, role: Sponsor }
  - { id: bkim, name: Bo Kim, role: Engineer, capacity: 180 }
  - { id: cdoe, name: C Doe, rle: PM }
  - { id: ddoe }
`;
    const findings = await findingsOf({ 'people.yaml': people });
    expect(findings.map((f) => [f.file, f.rule, f.line, f.column, f.severity, f.message])).toEqual([
      ['people.yaml', 'schema/invalid-value', 4, 57, 'error', 'person bkim: capacity must be a percentage from 0 to 100, got 180'],
      ['people.yaml', 'schema/unknown-field', 5, 30, 'warn', "unknown field 'rle' in person cdoe; did you mean 'role'?"],
      ['people.yaml', 'schema/required', 6, 5, 'error', "person ddoe: missing required field 'name'"],
    ]);
  });

  it('wrong types for rate and skills', async () => {
    const people = `people:
  - id: jdoe
    name: Jane
    rate: cheap
  - id: asmith
    name: Alex
  - id: bkim
    name: Bo
    skills: PMP
`;
    expect(await seen({ 'people.yaml': people })).toEqual([
      ['schema/invalid-value', 4, 11, 'error', 'person jdoe: rate must be an amount of money: a number, 0 or more, got "cheap"'],
      ['schema/invalid-value', 9, 13, 'error', 'person bkim: skills must be a list of texts, got "PMP"'],
    ]);
  });
});

describe('goals.yaml', () => {
  it('misspelt field, bad id, missing title', async () => {
    const goals = `goals:
  - { id: G1, title: Grow recurring revenue }
  - { id: G2, title: Retire legacy, ownr: jdoe }
  - { id: g3, title: Lower case id }
  - { id: G4 }
`;
    expect(await seen({ 'goals.yaml': goals })).toEqual([
      ['schema/unknown-field', 3, 37, 'warn', "unknown field 'ownr' in goal G2; did you mean 'owner'?"],
      ['schema/invalid-value', 4, 11, 'error', 'goal g3: id must be an id of capital letters then digits, like R1 or M-3, got "g3"'],
      ['schema/required', 5, 5, 'error', "goal G4: missing required field 'title'"],
    ]);
  });
});

describe('waivers.yaml', () => {
  it('impossible expiry, missing expiry, misspelt field', async () => {
    const waivers = `waivers:
  - rule: budget-variance
    project: apollo
    reason: Re-baselined by steering committee, CR1
    approved_by: asmith
    expires: 2026-31-12
  - rule: status-fresh
    project: "*"
    reason: Summer break
    approved_by: asmith
  - rule: risks-identified
    project: apollo
    reason: Pending workshop
    approved_by: asmith
    expires: 2027-01-01
    expiry: 2027-01-01
`;
    expect(await seen({ 'waivers.yaml': waivers })).toEqual([
      ['schema/invalid-date', 6, 14, 'error', 'waiver #1: expires 2026-31-12 is not a real date: there is no month 31'],
      ['schema/required', 7, 5, 'error', "waiver #2: missing required field 'expires'"],
      ['schema/unknown-field', 16, 5, 'warn', "unknown field 'expiry' in waiver #3; did you mean 'expires'?"],
    ]);
  });
});

describe('requests/<id>.yaml', () => {
  it('negative cost, a score out of range', async () => {
    const request = `id: atlas
name: Atlas data warehouse
requested_by: asmith
goals: [G1]
estimate: { cost: -3, months: 9 }
scores: { value: 4, alignment: 6, risk: 2 }
`;
    const findings = await findingsOf({ 'requests/atlas.yaml': request });
    expect(findings.map((f) => [f.file, f.rule, f.line, f.column, f.message])).toEqual([
      ['requests/atlas.yaml', 'schema/invalid-value', 5, 19, 'estimate.cost must be an amount of money: a number, 0 or more, got -3'],
      ['requests/atlas.yaml', 'schema/invalid-value', 6, 32, 'scores.alignment must be an integer from 1 to 5, got 6'],
    ]);
  });

  it('a misspelt required field: required + unknown with did you mean', async () => {
    expect(await seen({ 'requests/atlas.yaml': 'id: atlas\nname: Atlas\nrequestd_by: asmith\n' })).toEqual([
      ['schema/required', 1, 1, 'error', "missing required field 'requested_by'"],
      ['schema/unknown-field', 3, 1, 'warn', "unknown field 'requestd_by'; did you mean 'requested_by'?"],
    ]);
  });
});

describe("a request's status and demand", () => {
  it('a demand line gives its effort one way, its dates in order, its status one of two', async () => {
    const request = `id: atlas
name: Atlas data warehouse
requested_by: asmith
status: accepted
demand:
  - { role: Developer, fte: 1.5, from: 2027-01-04, to: 2027-06-30 }
  - { role: Tester, from: 2027-01-04, to: 2027-06-30 }
  - { role: Analyst, fte: 1, allocation: 50, from: 2027-01-04, to: 2027-06-30 }
  - { role: Architect, allocation: 20, from: 2027-03-01, to: 2027-02-01 }
`;
    expect(await seen({ 'requests/atlas.yaml': request })).toEqual([
      ['schema/invalid-value', 4, 9, 'error', 'status must be one of proposed, approved, got "accepted"'],
      ['schema/demand-effort', 7, 5, 'error', 'demand line #2: give its effort: fte (full-time people, 1.5) or allocation (percent of one person, 50)'],
      ['schema/demand-effort', 8, 42, 'error', 'demand line #3: give its effort one way: fte (full-time people, 1.5) or allocation (percent of one person, 50)'],
      ['dates/order', 9, 62, 'error', 'demand line #4: to 2027-02-01 is before from 2027-03-01'],
    ]);
  });
});

describe('rules/*.yaml', () => {
  it('bad severity, bad each, missing assert, misspelt field', async () => {
    const rules = `rules:
  high-risk:
    description: Open high risks have an owner
    severity: fatal
    each: risks
    assert: has(risk.owner)
    message: m
  ok-rule:
    description: D
    severity: warn
    each: risk
    asert: has(risk.mitigation)
    message: m
`;
    const findings = await findingsOf({ 'rules/governance.yaml': rules });
    expect(findings.map((f) => [f.file, f.rule, f.line, f.column, f.severity, f.message])).toEqual([
      ['rules/governance.yaml', 'schema/invalid-value', 4, 15, 'error', 'rules.high-risk.severity must be one of error, warn, info, got "fatal"'],
      [
        'rules/governance.yaml',
        'schema/invalid-value',
        5,
        11,
        'error',
        'rules.high-risk.each must be one of project, milestone, deliverable, risk, issue, change, person, request, got "risks"',
      ],
      ['rules/governance.yaml', 'schema/required', 8, 3, 'error', "rules.ok-rule: missing required field 'assert'"],
      ['rules/governance.yaml', 'schema/unknown-field', 12, 5, 'warn', "unknown field 'asert' in rules.ok-rule; did you mean 'assert'?"],
    ]);
  });

  it('a rule id that is not lowercase-dashed: found at the id, in words a PM understands', async () => {
    const rules = `rules:
  Bad_Id:
    description: D
    severity: warn
    each: risk
    assert: has(risk.owner)
    message: m
`;
    const findings = await findingsOf({ 'rules/governance.yaml': rules });
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([['schema/invalid-value', 2, 3]]);
    expect(findings[0]!.message).toContain('Bad_Id');
    expect(findings[0]!.message).not.toContain('Invalid key in record');
  });
});

describe('pmo.yaml', () => {
  const EXTENDED = `${MINIMAL_CONFIG}schema:
  project:
    required: [department]
    properties:
      department: { enum: [IT, Finance] }
`;

  it('schema extension: a project without the required department → schema/required', async () => {
    expect(await seen({ 'pmo.yaml': EXTENDED })).toEqual([['schema/required', 1, 1, 'error', "missing required field 'department'"]]);
  });

  it('schema extension: department: Marketing → schema/invalid-value naming IT, Finance', async () => {
    const text = PROJECT.replace('priority: 2\n', 'priority: 2\ndepartment: Marketing\n'); // line 7, value at column 13
    expect(await seen({ 'pmo.yaml': EXTENDED, ...project(text) })).toEqual([
      ['schema/invalid-value', 7, 13, 'error', 'department must be one of IT, Finance, got "Marketing"'],
    ]);
  });

  it('schema extension: department: IT passes', async () => {
    expect(await seen({ 'pmo.yaml': EXTENDED, ...project(PROJECT.replace('priority: 2\n', 'priority: 2\ndepartment: IT\n')) })).toEqual([]);
  });

  it('schema extension: a required field of a declared type, and a built-in field made mandatory', async () => {
    const config = `${MINIMAL_CONFIG}schema:
  project:
    required: [business_case, description]
    properties:
      business_case: { type: string }
`;
    expect(await seen({ 'pmo.yaml': config })).toEqual([
      ['schema/required', 1, 1, 'error', "missing required field 'business_case'"],
      ['schema/required', 1, 1, 'error', "missing required field 'description'"],
    ]);
  });

  it('schema extension: minLength, pattern and integer bounds read like built-in messages', async () => {
    const config = `${MINIMAL_CONFIG}schema:
  project:
    properties:
      business_case: { type: string, minLength: 20 }
      budget_code: { type: string, pattern: "^[A-Z]{2}-[0-9]{4}$" }
      headcount: { type: integer, minimum: 1, maximum: 50 }
`;
    const text = PROJECT.replace('priority: 2\n', 'priority: 2\nbusiness_case: short\nbudget_code: x1\nheadcount: 0\n');
    expect(await seen({ 'pmo.yaml': config, ...project(text) })).toEqual([
      ['schema/invalid-value', 7, 16, 'error', 'business_case must be text of at least 20 characters, got "short"'],
      ['schema/invalid-value', 8, 14, 'error', 'budget_code must be text matching ^[A-Z]{2}-[0-9]{4}$, got "x1"'],
      ['schema/invalid-value', 9, 12, 'error', 'headcount must be an integer from 1 to 50, got 0'],
    ]);
  });

  it('schema extension for requests', async () => {
    const config = `${MINIMAL_CONFIG}schema:\n  request:\n    required: [sponsor]\n`;
    const findings = await findingsOf({ 'pmo.yaml': config, 'requests/atlas.yaml': 'id: atlas\nname: Atlas\nrequested_by: asmith\n' });
    expect(findings.map((f) => [f.file, f.rule, f.line, f.column, f.message])).toEqual([
      ['requests/atlas.yaml', 'schema/required', 1, 1, "missing required field 'sponsor'"],
    ]);
  });

  it('a malformed extension ({ type: strin }) throws a ConfigError at that property', async () => {
    const config = `${MINIMAL_CONFIG}schema:
  project:
    properties:
      department: { enum: [IT, Finance] }
      business_case: { type: strin }
`;
    // Line 8 is `      business_case: { type: strin }`; its value starts at column 22.
    const error = await configError({ 'pmo.yaml': config });
    expect(error.message).toContain('pmo.yaml:8:22');
    expect(error.message).toContain("the JSON Schema of 'business_case' is not valid");
    expect(error.message).toContain('strin');
    expect(error.exitCode).toBe(2);
  });

  it('pmo_type: dictator throws a ConfigError naming the line and the allowed values', async () => {
    const error = await configError({ 'pmo.yaml': 'version: 1\norganization: Test Co\npmo_type: dictator\n' });
    expect(error.message).toContain('pmo.yaml:3:11');
    expect(error.message).toContain('pmo_type must be one of supportive, controlling, directive, got "dictator"');
  });

  it('version: 2 throws a ConfigError at the version', async () => {
    const error = await configError({ 'pmo.yaml': 'version: 2\norganization: Test Co\n' });
    expect(error.message).toContain('pmo.yaml:1:10');
    expect(error.message).toContain('version must be 1');
  });

  it('a YAML error in pmo.yaml throws a ConfigError with its place', async () => {
    // Line 2: `organization: Test: Co`; the nested mapping starts at column 15.
    const error = await configError({ 'pmo.yaml': 'version: 1\norganization: Test: Co\n' });
    expect(error.message).toContain('pmo.yaml:2:15');
    expect(error.message).toContain('yaml/syntax');
  });

  it('an unknown field in pmo.yaml is a warn finding, not a throw', async () => {
    const findings = await findingsOf({ 'pmo.yaml': 'version: 1\norganization: Test Co\npmo_typ: controlling\n' });
    expect(findings.map((f) => [f.file, f.rule, f.line, f.column, f.severity, f.message])).toEqual([
      ['pmo.yaml', 'schema/unknown-field', 3, 1, 'warn', "unknown field 'pmo_typ'; did you mean 'pmo_type'?"],
    ]);
  });

  it('an unknown threshold is a warn finding at its key', async () => {
    const findings = await findingsOf({ 'pmo.yaml': 'version: 1\nthresholds:\n  status_max_age: 7\n' });
    expect(findings.map((f) => [f.file, f.rule, f.line, f.column, f.severity])).toEqual([['pmo.yaml', 'schema/unknown-field', 3, 3, 'warn']]);
    expect(findings[0]!.message).toMatch(/^unknown field 'status_max_age' in thresholds; /);
  });

  it('rules: overrides apply to schema findings too', async () => {
    const config = `${MINIMAL_CONFIG}rules:\n  schema/unknown-field: error\n`;
    expect(await seen({ 'pmo.yaml': config, ...project(PROJECT.replace('budget:', 'budjet:')) })).toEqual([
      ['schema/unknown-field', 12, 1, 'error', "unknown field 'budjet'; did you mean 'budget'?"],
    ]);
  });
});
