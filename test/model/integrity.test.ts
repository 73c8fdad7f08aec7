/**
 * Integrity: ids against file names and inside lists, references to people, goals, milestones, projects,
 * phases and record files, date order and actual dates against --today, and narrowing by path.
 * PROJECT's line numbers, for re-checking the positions:
 *
 *    1 id: apollo              10   baseline_end: ...     21     actual: 2026-03-06   35 team:
 *    3 manager: jdoe           16   approved_by: asmith   22   - id: M2             36   - { person: jdoe, ... }
 *    5 phase: execution        17 milestones:             27 risks:                 37 records:
 *    7 goals: [G2]             18   - id: M1              32     owner: jdoe        38   charter: records/...
 *    9   start: 2026-01-05                                                          43 (last line)
 */
import { describe, expect, it } from 'vitest';
import { check, type CheckOptions } from '../../src/check.js';
import type { Finding } from '../../src/findings.js';
import { GOALS, makePortfolio, makeRepo, PROJECT, type Files } from '../helpers/repo.js';

const TODAY = '2026-11-20';

function run(files: Files, options: Partial<CheckOptions> = {}) {
  return check({ cwd: makePortfolio(files), today: TODAY, cache: false, rules: false, ...options });
}

async function findingsOf(files: Files, options: Partial<CheckOptions> = {}): Promise<Finding[]> {
  return (await run(files, options)).findings;
}

/** [file, rule, line, column, message]. */
async function seen(files: Files, options: Partial<CheckOptions> = {}): Promise<Array<[string, string, number, number, string]>> {
  return (await findingsOf(files, options)).map((f) => [f.file, f.rule, f.line, f.column, f.message]);
}

const APOLLO = 'projects/apollo.yaml';
const project = (text: string): Files => ({ [APOLLO]: text });
/** A second valid project, hermes, with the same people and records. */
const HERMES = PROJECT.replace('id: apollo', 'id: hermes').replace('name: Apollo CRM migration', 'name: Hermes SSO rollout');

describe('ids', () => {
  it('id differs from the file name → schema/id-mismatch at the id', async () => {
    expect(await seen(project(PROJECT.replace('id: apollo', 'id: apolo')))).toEqual([
      [
        APOLLO,
        'schema/id-mismatch',
        1,
        5,
        "id 'apolo' does not match the file name 'apollo.yaml': the id is the file name, so rename the file or fix the id",
      ],
    ]);
  });

  it('a request whose id differs from its file name', async () => {
    const findings = await findingsOf({ 'requests/atlas.yaml': 'id: atlas-dw\nname: Atlas\nrequested_by: asmith\n' });
    expect(findings.map((f) => [f.file, f.rule, f.line, f.column])).toEqual([['requests/atlas.yaml', 'schema/id-mismatch', 1, 5]]);
  });

  it('duplicate milestone ids → schema/duplicate-id at the second', async () => {
    const findings = await findingsOf(project(PROJECT.replace('  - id: M2', '  - id: M1')));
    expect(findings.map((f) => [f.rule, f.line, f.column, f.message])).toEqual([
      ['schema/duplicate-id', 22, 9, "milestone id 'M1' is used again (first by milestone #1); ids must be unique in milestones"],
    ]);
    expect(findings[0]!.item).toBe('M1');
  });

  it('duplicate risk ids → schema/duplicate-id at the second', async () => {
    // The second R1 is on line 35, `  - { id: R1, ...`: its id value at column 11.
    const text = PROJECT.replace('team:', '  - { id: R1, title: Another risk, probability: 1, impact: 1 }\nteam:');
    expect(await seen(project(text))).toEqual([
      [APOLLO, 'schema/duplicate-id', 35, 11, "risk id 'R1' is used again (first by risk #1); ids must be unique in risks"],
    ]);
  });

  it('duplicate person ids in people.yaml', async () => {
    const people = `people:
  - { id: jdoe, name: Jane Doe }
  - { id: asmith, name: Alex Smith }
  - { id: bkim, name: Bo Kim }
  - { id: jdoe, name: John Doe }
`;
    expect(await seen({ 'people.yaml': people })).toEqual([
      ['people.yaml', 'schema/duplicate-id', 5, 11, "person id 'jdoe' is used again (first by person #1); ids must be unique in people"],
    ]);
  });
});

describe('people references', () => {
  it('manager → ref/unknown-person with did-you-mean', async () => {
    expect(await seen(project(PROJECT.replace('manager: jdoe', 'manager: jdo')))).toEqual([
      [APOLLO, 'ref/unknown-person', 3, 10, "manager 'jdo' is not in people.yaml; did you mean 'jdoe'?"],
    ]);
  });

  it('risk owner', async () => {
    const findings = await findingsOf(project(PROJECT.replace('    owner: jdoe', '    owner: bkin')));
    expect(findings.map((f) => [f.rule, f.line, f.column, f.message])).toEqual([
      ['ref/unknown-person', 32, 12, "risk R1: owner 'bkin' is not in people.yaml; did you mean 'bkim'?"],
    ]);
    expect(findings[0]).toMatchObject({ project: 'apollo', item: 'R1', severity: 'error' });
  });

  it('team person', async () => {
    expect(await seen(project(PROJECT.replace('{ person: jdoe,', '{ person: asmit,')))).toEqual([
      [APOLLO, 'ref/unknown-person', 36, 15, "team member asmit: person 'asmit' is not in people.yaml; did you mean 'asmith'?"],
    ]);
  });

  it('change decided_by', async () => {
    // Lines 44-50 are the change; `    decided_by: asmiht` is line 49, value at column 17.
    const text = `${PROJECT}changes:
  - id: CR1
    title: Add marketing module
    status: approved
    raised: 2026-05-20
    decided_by: asmiht
    decided_on: 2026-06-10
`;
    expect(await seen(project(text))).toEqual([
      [APOLLO, 'ref/unknown-person', 49, 17, "change CR1: decided_by 'asmiht' is not in people.yaml; did you mean 'asmith'?"],
    ]);
  });

  it('budget.approved_by', async () => {
    expect(await seen(project(PROJECT.replace('  approved_by: asmith', '  approved_by: asmth')))).toEqual([
      [APOLLO, 'ref/unknown-person', 16, 16, "budget.approved_by 'asmth' is not in people.yaml; did you mean 'asmith'?"],
    ]);
  });

  it('an id with no near match says how to fix it', async () => {
    expect(await seen(project(PROJECT.replace('  approved_by: asmith', '  approved_by: cfo')))).toEqual([
      [APOLLO, 'ref/unknown-person', 16, 16, "budget.approved_by 'cfo' is not in people.yaml; add them to people.yaml or fix the id"],
    ]);
  });

  it("a request's requested_by", async () => {
    expect(await seen({ 'requests/atlas.yaml': 'id: atlas\nname: Atlas\nrequested_by: asmiht\n' })).toEqual([
      ['requests/atlas.yaml', 'ref/unknown-person', 3, 15, "requested_by 'asmiht' is not in people.yaml; did you mean 'asmith'?"],
    ]);
  });

  it("a waiver's approved_by", async () => {
    const waivers = 'waivers:\n  - { rule: status-fresh, project: apollo, reason: Summer break, approved_by: jdoa, expires: 2026-12-31 }\n';
    expect(await seen({ 'waivers.yaml': waivers })).toEqual([
      ['waivers.yaml', 'ref/unknown-person', 2, 79, "waiver #1: approved_by 'jdoa' is not in people.yaml; did you mean 'jdoe'?"],
    ]);
  });

  it('no people.yaml at all → no person findings', async () => {
    const dir = makeRepo({
      [APOLLO]: PROJECT.replace('manager: jdoe', 'manager: nobody'),
      'goals.yaml': GOALS,
      'records/apollo/charter.md': '# Charter\n',
    });
    expect((await check({ cwd: dir, today: TODAY, cache: false, rules: false })).findings).toEqual([]);
  });

  it('people.yaml with a syntax error → one yaml/syntax in people.yaml and no ref/unknown-person flood', async () => {
    // Line 3: `    name: Jane: Doe`; the nested mapping starts at column 11.
    const people = 'people:\n  - id: jdoe\n    name: Jane: Doe\n  - id: asmith\n    name: Alex Smith\n';
    expect(await seen({ 'people.yaml': people })).toEqual([
      ['people.yaml', 'yaml/syntax', 3, 11, 'YAML syntax error: Nested mappings are not allowed in compact mappings'],
    ]);
  });

  it('goals.yaml with a syntax error → no ref/unknown-goal flood', async () => {
    const findings = await findingsOf({ 'goals.yaml': 'goals:\n  - { id: G1, title: Grow: revenue }\n' });
    expect(findings.map((f) => [f.file, f.rule])).toEqual([['goals.yaml', 'yaml/syntax']]);
  });
});

describe('other references', () => {
  it('unknown goal → ref/unknown-goal at the list entry', async () => {
    // `goals: [G2, X7]`: X7 at column 13.
    expect(await seen(project(PROJECT.replace('goals: [G2]', 'goals: [G2, X7]')))).toEqual([
      [APOLLO, 'ref/unknown-goal', 7, 13, "goal 'X7' is not in goals.yaml"],
    ]);
  });

  it('unknown milestone in a deliverable → ref/unknown-milestone with did-you-mean', async () => {
    // Deliverables inserted before `risks:`: line 27 `deliverables:`, 28 `  - id: D1`, 29 name, 30 `    milestone: M3`.
    const text = PROJECT.replace('risks:\n', 'deliverables:\n  - id: D1\n    name: Migrated CRM\n    milestone: M3\nrisks:\n');
    const findings = await findingsOf(project(text));
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([['ref/unknown-milestone', 30, 16]]);
    expect(findings[0]!.message).toBe("deliverable D1: milestone 'M3' is not in this project's milestones; did you mean 'M1'?");
    expect(findings[0]!.item).toBe('D1');
  });

  it('unknown project in a dependency → ref/unknown-project', async () => {
    // Line 45: `  - { id: DEP1, title: SSO rollout, project: hermes, needed_by: 2026-10-01 }`, hermes at column 46.
    const text = `${PROJECT}dependencies:\n  - { id: DEP1, title: SSO rollout, project: hermes, needed_by: 2026-10-01 }\n`;
    expect(await seen(project(text))).toEqual([[APOLLO, 'ref/unknown-project', 45, 46, "dependency DEP1: project 'hermes' is not in projects/"]]);
  });

  it('a misspelt dependency on an existing project gets did-you-mean', async () => {
    const text = `${PROJECT}dependencies:\n  - { id: DEP1, title: SSO rollout, project: herms }\n`;
    expect(await seen({ ...project(text), 'projects/hermes.yaml': HERMES })).toEqual([
      [APOLLO, 'ref/unknown-project', 45, 46, "dependency DEP1: project 'herms' is not in projects/; did you mean 'hermes'?"],
    ]);
  });

  it('a dependency on an existing project is fine', async () => {
    const text = `${PROJECT}dependencies:\n  - { id: DEP1, title: SSO rollout, project: hermes }\n`;
    expect(await seen({ ...project(text), 'projects/hermes.yaml': HERMES })).toEqual([]);
  });

  it('phase not in the lifecycle → ref/unknown-phase with did-you-mean', async () => {
    expect(await seen(project(PROJECT.replace('phase: execution', 'phase: executoin')))).toEqual([
      [
        APOLLO,
        'ref/unknown-phase',
        5,
        8,
        "phase 'executoin' is not in the lifecycle (initiation, planning, execution, closing, closed); did you mean 'execution'?",
      ],
    ]);
  });

  it("phase checked against pmo.yaml's own lifecycle", async () => {
    const findings = await findingsOf({ 'pmo.yaml': 'version: 1\nlifecycle: [idea, build, done]\n' });
    expect(findings.map((f) => [f.file, f.rule, f.line, f.column, f.message])).toEqual([
      [APOLLO, 'ref/unknown-phase', 5, 8, "phase 'execution' is not in the lifecycle (idea, build, done)"],
    ]);
  });
});

describe('record paths', () => {
  it('a record file that does not exist → ref/missing-record', async () => {
    const text = PROJECT.replace('  charter: records/apollo/charter.md\n', '  charter: records/apollo/charter.md\n  sow: records/apollo/sow.md\n');
    expect(await seen(project(text))).toEqual([
      [
        APOLLO,
        'ref/missing-record',
        39,
        8,
        "record 'sow': file 'records/apollo/sow.md' does not exist in the repository; add the record or fix the path",
      ],
    ]);
  });

  it('a record in a list of paths', async () => {
    // Line 39: `  minutes: [records/apollo/charter.md, records/apollo/minutes-1.md]`: the second path at column 40.
    const text = PROJECT.replace(
      '  charter: records/apollo/charter.md\n',
      '  charter: records/apollo/charter.md\n  minutes: [records/apollo/charter.md, records/apollo/minutes-1.md]\n',
    );
    expect((await findingsOf(project(text))).map((f) => [f.rule, f.line, f.column])).toEqual([['ref/missing-record', 39, 40]]);
  });

  it('../secret.md and /etc/passwd → ref/record-outside-repo', async () => {
    const text = PROJECT.replace('  charter: records/apollo/charter.md\n', '  charter: ../secret.md\n  contract: /etc/passwd\n');
    expect(await seen(project(text))).toEqual([
      [
        APOLLO,
        'ref/record-outside-repo',
        38,
        12,
        "record 'charter': path '../secret.md' leaves the repository; record paths are relative to the repo root and stay inside it (e.g. records/apollo/charter.md)",
      ],
      [
        APOLLO,
        'ref/record-outside-repo',
        39,
        13,
        "record 'contract': path '/etc/passwd' leaves the repository; record paths are relative to the repo root and stay inside it (e.g. records/apollo/charter.md)",
      ],
    ]);
  });

  it('a path that climbs out and back in is still outside (records/../../x)', async () => {
    const text = PROJECT.replace('  charter: records/apollo/charter.md', '  charter: records/../../outside.md');
    expect((await findingsOf(project(text))).map((f) => [f.rule, f.line, f.column])).toEqual([['ref/record-outside-repo', 38, 12]]);
  });
});

describe('dates', () => {
  it('start after baseline_end → dates/order at the later field', async () => {
    expect(await seen(project(PROJECT.replace('  start: 2026-01-05', '  start: 2026-10-05')))).toEqual([
      [APOLLO, 'dates/order', 10, 17, 'dates.baseline_end 2026-09-30 is before dates.start 2026-10-05'],
    ]);
  });

  it('status updates out of order → dates/order at the older one', async () => {
    // Appended update: line 44 `  - date: 2026-11-06`, its date at column 11.
    const text = `${PROJECT}  - date: 2026-11-06\n    overall: green\n`;
    expect(await seen(project(text))).toEqual([
      [
        APOLLO,
        'dates/order',
        44,
        11,
        'status update 2026-11-06 comes after the update of 2026-11-13: keep status updates in date order, newest last',
      ],
    ]);
  });

  it('an actual date after --today → dates/future', async () => {
    expect(await seen(project(PROJECT.replace('    actual: 2026-03-06', '    actual: 2026-12-06')))).toEqual([
      [
        APOLLO,
        'dates/future',
        21,
        13,
        'milestone M1: actual 2026-12-06 is after today (2026-11-20): it records what happened, so it cannot be in the future; plans go in forecast fields',
      ],
    ]);
  });

  it('an actual date of today is not in the future', async () => {
    expect(await seen(project(PROJECT.replace('    actual: 2026-03-06', '    actual: 2026-11-20')))).toEqual([]);
  });

  it('--today decides: the same file is fine a month later', async () => {
    const files = project(PROJECT.replace('    actual: 2026-03-06', '    actual: 2026-12-06'));
    const found = await seen(files, { today: '2026-12-20' });
    expect(found.filter(([, rule]) => rule.startsWith('dates/'))).toEqual([]);
  });
});

describe('narrowing by path', () => {
  const files: Files = {
    [APOLLO]: PROJECT.replace('    impact: 4', '    impact: 7'),
    'projects/hermes.yaml': HERMES.replace('manager: jdoe', 'manager: nobody'),
  };

  it('the whole repo: findings in both files', async () => {
    expect((await findingsOf(files)).map((f) => [f.file, f.rule, f.line, f.column])).toEqual([
      [APOLLO, 'schema/invalid-value', 31, 13],
      ['projects/hermes.yaml', 'ref/unknown-person', 3, 10],
    ]);
  });

  it("check({ paths: ['projects/apollo.yaml'] }) reports only that file", async () => {
    const result = await run(files, { paths: ['projects/apollo.yaml'] });
    expect(result.findings.map((f) => [f.file, f.rule, f.line, f.column])).toEqual([[APOLLO, 'schema/invalid-value', 31, 13]]);
    expect(result.files).toEqual([APOLLO]);
  });

  it('narrowing still loads the whole repo: references into other files resolve', async () => {
    const text = `${PROJECT}dependencies:\n  - { id: DEP1, title: SSO rollout, project: hermes }\n`;
    const result = await run({ [APOLLO]: text, 'projects/hermes.yaml': HERMES }, { paths: ['projects/apollo.yaml'] });
    expect(result.findings).toEqual([]);
  });
});
