/**
 * The loader, case by case: each test writes a YAML text into a temp repo, runs check() and asserts the
 * exact findings (rule, line, column) a PM would see. Lines and columns are 1-based and were counted by
 * hand from the fixture text; PROJECT's line numbers are listed here so the counting can be re-checked:
 *
 *    1 id: apollo              12 budget:                 22   - id: M2             31     impact: 4
 *    3 manager: jdoe           16   approved_by: asmith   27 risks:                 35 team:
 *    5 phase: execution        17 milestones:             28   - id: R1             37 records:
 *    8 dates:                  18   - id: M1              29     title: ...         39 status:
 *    9   start: 2026-01-05     21     actual: 2026-03-06  30     probability: 4     43     summary: ...
 *   10   baseline_end: ...                                                          44 (end: PROJECT has 43 lines)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check, type CheckOptions } from '../../src/check.js';
import type { Finding } from '../../src/findings.js';
import type { Project } from '../../src/model/schemas/project.js';
import { parseYaml, parseYamlFully } from '../../src/load/parse-yaml.js';
import { makePortfolio, makeRepo, GOALS, PEOPLE, PROJECT, type Files } from '../helpers/repo.js';

const TODAY = '2026-11-20';

function run(files: Files, options: Partial<CheckOptions> = {}) {
  return check({ cwd: makePortfolio(files), today: TODAY, cache: false, rules: false, ...options });
}

async function findingsOf(files: Files): Promise<Finding[]> {
  return (await run(files)).findings;
}

/** [rule, line, column] of every finding, in check()'s order (file, line, column, rule). */
async function rows(files: Files): Promise<Array<[string, number, number]>> {
  return (await findingsOf(files)).map((f) => [f.rule, f.line, f.column]);
}

const project = (text: string | Uint8Array): Files => ({ 'projects/apollo.yaml': text });

/** The data the loader reads from a project text (both parsers agree on it: see the differential tests). */
const dataOf = (text: string) => parseYaml(text, 'projects/apollo.yaml').data as Project;

describe('YAML syntax errors', () => {
  it('reports a syntax error where it is', async () => {
    const text = 'id: apollo\nname: Apollo: CRM migration\nmanager: jdoe\n';
    const findings = await findingsOf(project(text));
    expect(findings.map((f) => [f.file, f.rule, f.line, f.column])).toEqual([['projects/apollo.yaml', 'yaml/syntax', 2, 7]]);
    expect(findings[0]!.severity).toBe('error');
    expect(findings[0]!.message).toMatch(/^YAML syntax error: /);
  });

  it('a file with two separate syntax errors reports both', async () => {
    const text = [
      'id: apollo',
      'name: Apollo: CRM', // line 2: nested mapping in a compact mapping, at column 7
      'manager: jdoe',
      'phase: execution',
      'sponsor: Alex: Smith', // line 5: the same mistake, at column 10
      '',
    ].join('\n');
    expect(await rows(project(text))).toEqual([
      ['yaml/syntax', 2, 7],
      ['yaml/syntax', 5, 10],
    ]);
  });

  it('a file with a syntax error is not validated further (no schema noise)', async () => {
    // Without the syntax error this file would also miss `dates` and have an unknown field.
    // Line 2: `name: "Apollo" CRM`; the stray `CRM` after the closing quote is at column 16.
    const text = 'id: apollo\nname: "Apollo" CRM\nmanager: jdoe\nphase: execution\nbudjet: 5\n';
    expect(await rows(project(text))).toEqual([['yaml/syntax', 2, 16]]);
  });
});

describe('one mistake, one finding', () => {
  /** PROJECT with line `n` (1-based) replaced. */
  const withLine = (n: number, line: string) => PROJECT.split('\n').map((l, i) => (i === n - 1 ? line : l)).join('\n');

  it('a line indented a space too far: one finding, on that line (the parser had tripped seven times after it)', async () => {
    // Line 18, '  - id: M1', with one space less: the list item no longer lines up with M2's on line 22
    expect(await rows(project(withLine(18, ' - id: M1')))).toEqual([['yaml/syntax', 18, 8]]); // at M1, where the parser gave up on the line
  });

  it('the first line indented: one finding, not one for each token of the lines after it', async () => {
    // The indented first line makes the whole file one map at column 2, which line 2 ends: the parser reads the
    // rest as debris (136 errors before)
    expect(await rows(project(withLine(1, ' id: apollo')))).toEqual([['yaml/syntax', 2, 1]]);
  });

  it('a [ or a quote left open: one finding, where it opened (not on the next line, nor at the end of the file)', async () => {
    // Line 7 'goals: [G2]' without its ]: the [ is at column 8
    expect(await rows(project(withLine(7, 'goals: [G2')))).toEqual([['yaml/syntax', 7, 8]]);
    // Line 29 '    title: Vendor...' with an opening quote only, at column 12
    expect(await rows(project(withLine(29, '    title: "Vendor API rate limits slow the migration')))).toEqual([['yaml/syntax', 29, 12]]);
  });

  it('a second, independent mistake further down is still reported', async () => {
    // Line 2 'name: Apollo: CRM' (column 7) and line 43 with the same mistake (column 14)
    const text = withLine(43, '    summary: Behind: plan.').replace('name: Apollo CRM migration', 'name: Apollo: CRM');
    expect(await rows(project(text))).toEqual([['yaml/syntax', 2, 7], ['yaml/syntax', 43, 14]]);
  });
});

describe('duplicate keys', () => {
  it('top-level duplicate: yaml/duplicate-key at the second key', async () => {
    const text = PROJECT.replace('priority: 2\n', 'priority: 2\nmanager: bkim\n'); // second `manager` on line 7
    const findings = await findingsOf(project(text));
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([['yaml/duplicate-key', 7, 1]]);
    expect(findings[0]!.message).toBe("key 'manager' appears twice in this map (first on line 3): keep one of them: a later key would silently replace the earlier one");
  });

  it('nested duplicate inside a list item: at the second key', async () => {
    const text = PROJECT.replace('    impact: 4\n', '    impact: 4\n    impact: 5\n'); // second `impact` on line 32
    expect(await rows(project(text))).toEqual([['yaml/duplicate-key', 32, 5]]);
  });
});

describe('git merge-conflict markers', () => {
  const conflicted = PROJECT.replace(
    'manager: jdoe\n',
    '<<<<<<< HEAD\nmanager: jdoe\n=======\nmanager: bkim\n>>>>>>> feature/new-pm\n',
  );

  it('one yaml/merge-conflict per marker line, and no yaml/syntax noise', async () => {
    const findings = await findingsOf(project(conflicted));
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ['yaml/merge-conflict', 3, 1],
      ['yaml/merge-conflict', 5, 1],
      ['yaml/merge-conflict', 7, 1],
    ]);
    for (const f of findings) {
      expect(f.message).toMatch(/merge conflict/i);
      expect(f.severity).toBe('error');
    }
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining("'<<<<<<<'"),
      expect.stringContaining("'======='"),
      expect.stringContaining("'>>>>>>>'"),
    ]);
  });

  it('diff3-style conflicts report the base marker too', async () => {
    const diff3 = PROJECT.replace(
      'manager: jdoe\n',
      '<<<<<<< HEAD\nmanager: jdoe\n||||||| base\nmanager: asmith\n=======\nmanager: bkim\n>>>>>>> feature\n',
    );
    expect(await rows(project(diff3))).toEqual([
      ['yaml/merge-conflict', 3, 1],
      ['yaml/merge-conflict', 5, 1],
      ['yaml/merge-conflict', 7, 1],
      ['yaml/merge-conflict', 9, 1],
    ]);
  });

  it('markers in a CRLF file are found on the same lines', async () => {
    expect(await rows(project(conflicted.replace(/\n/g, '\r\n')))).toEqual([
      ['yaml/merge-conflict', 3, 1],
      ['yaml/merge-conflict', 5, 1],
      ['yaml/merge-conflict', 7, 1],
    ]);
  });

  it('a conflicted people.yaml reports its markers and no flood of unknown people', async () => {
    const people = PEOPLE.replace('  - { id: bkim', '<<<<<<< HEAD\n  - { id: bkim').concat(
      '=======\n  - { id: bkim, name: Bo Kim }\n>>>>>>> other\n',
    );
    expect((await findingsOf({ 'people.yaml': people })).map((f) => [f.file, f.rule, f.line, f.column])).toEqual([
      ['people.yaml', 'yaml/merge-conflict', 4, 1],
      ['people.yaml', 'yaml/merge-conflict', 6, 1],
      ['people.yaml', 'yaml/merge-conflict', 8, 1],
    ]);
  });
});

describe('tab indentation', () => {
  it('a tab-indented last line: yaml/tab-indent at the tab', async () => {
    const text = 'id: apollo\nname: Apollo\nmanager: jdoe\nphase: execution\ndates:\n\tstart: 2026-01-05\n';
    const findings = await findingsOf(project(text));
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([['yaml/tab-indent', 6, 1]]);
    expect(findings[0]!.message).toContain('indent with spaces');
  });

  it('a tab-indented line inside a block: one yaml/tab-indent, no syntax noise on the correct lines after it', async () => {
    const text = PROJECT.replace('  start: 2026-01-05', '\tstart: 2026-01-05'); // line 9
    expect(await rows(project(text))).toEqual([['yaml/tab-indent', 9, 1]]);
  });
});

describe('documents and emptiness', () => {
  it('a multi-document project file: yaml/multi-document at the second document', async () => {
    const text = `${PROJECT}---\nid: hermes\nname: Hermes\n`; // `---` on line 44
    const findings = await findingsOf(project(text));
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([['yaml/multi-document', 44, 1]]);
    expect(findings[0]!.message).toContain('2 YAML documents');
  });

  it('a leading document marker (and a closing ...) is still one document', async () => {
    expect(await rows(project(`---\n${PROJECT}...\n`))).toEqual([]);
  });

  it('an empty project file: yaml/empty', async () => {
    const findings = await findingsOf(project(''));
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([['yaml/empty', 1, 1]]);
    expect(findings[0]!.message).toBe('this project file is empty; fill it in (see docs/format.md) or delete it');
  });

  it('a comments-only project file: yaml/empty', async () => {
    expect(await rows(project('# Apollo: to be written after the kick-off\n# (owner: jdoe)\n'))).toEqual([['yaml/empty', 1, 1]]);
  });

  it('a comments-only request file: yaml/empty', async () => {
    const findings = await findingsOf({ 'requests/atlas.yaml': '# intake form not filled in yet\n' });
    expect(findings.map((f) => [f.file, f.rule, f.line, f.column])).toEqual([['requests/atlas.yaml', 'yaml/empty', 1, 1]]);
  });

  it('a comments-only waivers.yaml: no finding (an empty list of waivers is fine)', async () => {
    expect(await rows({ 'waivers.yaml': '# no waivers granted yet\n' })).toEqual([]);
  });

  it('an empty waivers.yaml: no finding', async () => {
    expect(await rows({ 'waivers.yaml': '' })).toEqual([]);
  });
});

describe('encodings and line ends', () => {
  // Three findings spread over the file: an unknown key, a bad value, a missing record.
  const flawed = PROJECT.replace('budget:', 'budjet:')
    .replace('    impact: 4', '    impact: 7')
    .replace('  charter: records/apollo/charter.md', '  charter: records/apollo/charter.md\n  sow: records/apollo/sow.md');
  const flawedRows = [
    ['schema/unknown-field', 12, 1],
    ['schema/invalid-value', 31, 13],
    ['ref/missing-record', 39, 8],
  ];

  it('the LF baseline', async () => {
    expect(await rows(project(flawed))).toEqual(flawedRows);
  });

  it('a UTF-8 BOM is accepted: a valid file stays valid', async () => {
    expect(await rows(project(`\uFEFF${PROJECT}`))).toEqual([]);
  });

  it('a UTF-8 BOM is accepted: same findings, positions unchanged', async () => {
    const withBom = await findingsOf(project(`\uFEFF${flawed}`));
    expect(withBom.map((f) => [f.rule, f.line, f.column])).toEqual(flawedRows);
    expect(withBom).toEqual(await findingsOf(project(flawed)));
  });

  it('a BOM before a duplicate key does not shift the column', async () => {
    expect(await rows(project('\uFEFFid: apollo\nname: A\nname: B\n'))).toEqual([['yaml/duplicate-key', 3, 1]]);
  });

  it('a BOM in pmo.yaml is accepted', async () => {
    expect(await rows({ 'pmo.yaml': '\uFEFFversion: 1\norganization: Test Co\n' })).toEqual([]);
  });

  it('CRLF line ends are accepted: a valid file stays valid', async () => {
    expect(await rows(project(PROJECT.replace(/\n/g, '\r\n')))).toEqual([]);
  });

  it('CRLF line ends: schema findings have the same line/column (and end) as in the LF version', async () => {
    const crlf = await findingsOf(project(flawed.replace(/\n/g, '\r\n')));
    expect(crlf.map((f) => [f.rule, f.line, f.column])).toEqual(flawedRows);
    expect(crlf).toEqual(await findingsOf(project(flawed)));
  });

  it('CRLF and a BOM together: same findings as plain LF', async () => {
    expect(await findingsOf(project(`\uFEFF${flawed.replace(/\n/g, '\r\n')}`))).toEqual(await findingsOf(project(flawed)));
  });

  it('CRLF: a tab-indented line is found on its line', async () => {
    const text = 'id: apollo\r\nname: Apollo\r\nmanager: jdoe\r\nphase: execution\r\ndates:\r\n\tstart: 2026-01-05\r\n';
    expect(await rows(project(text))).toEqual([['yaml/tab-indent', 6, 1]]);
  });

  it('invalid UTF-8: yaml/encoding at the bad byte', async () => {
    // Line 43 is `    summary: ...`; the Latin-1 é (0xE9) follows `    summary: caf`, i.e. at column 17.
    const head = PROJECT.slice(0, PROJECT.indexOf('    summary:'));
    const bytes = Buffer.concat([Buffer.from(`${head}    summary: caf`), Buffer.from([0xe9]), Buffer.from(' meeting moved\n')]);
    const findings = await findingsOf(project(bytes));
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([['yaml/encoding', 43, 17]]);
    expect(findings[0]!.message).toContain('not valid UTF-8');
  });
});

describe('anchors, aliases and merge keys', () => {
  const anchored = `id: apollo
name: Apollo CRM migration
manager: &pm jdoe
sponsor: asmith
phase: initiation
dates:
  start: 2026-01-05
risks:
  - &r1
    id: R1
    title: Vendor slow
    probability: 3
    impact: 4
    owner: *pm
    status: open
  - <<: *r1
    id: R2
    title: Scope creep
team:
  - { person: *pm, allocation: 50 }
`;

  it('a valid file using them has no findings, and the data is merged', async () => {
    const result = await run(project(anchored));
    expect(result.findings.map((f) => [f.rule, f.line, f.column])).toEqual([]);
    const data = dataOf(anchored);
    expect(data.manager).toBe('jdoe');
    expect(data.team).toEqual([{ person: 'jdoe', allocation: 50 }]);
    expect(data.risks).toEqual([
      { id: 'R1', title: 'Vendor slow', probability: 3, impact: 4, owner: 'jdoe', status: 'open' },
      { id: 'R2', title: 'Scope creep', probability: 3, impact: 4, owner: 'jdoe', status: 'open' },
    ]);
  });

  it('keys written beside a merge key override the merged ones', async () => {
    const text = anchored.replace('    title: Scope creep\n', '    title: Scope creep\n    impact: 2\n');
    expect((await run(project(text))).findings).toEqual([]);
    const data = dataOf(text);
    expect(data.risks![1]).toEqual({ id: 'R2', title: 'Scope creep', probability: 3, impact: 2, owner: 'jdoe', status: 'open' });
  });

  it('a bad value inside an anchored block: found at the value, and on the item that merges it', async () => {
    // impact: 9 is on line 13, column 13; R2 (which merges R1) starts at line 16, column 5 (`<<`).
    const text = anchored.replace('    impact: 4', '    impact: 9');
    const findings = await findingsOf(project(text));
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ['schema/invalid-value', 13, 13],
      ['schema/invalid-value', 16, 5],
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      'risk R1: impact must be an integer from 1 to 5, got 9',
      'risk R2: impact must be an integer from 1 to 5, got 9',
    ]);
  });

  it('a billion-laughs alias bomb: yaml/alias-limit at the first alias, no crash', async () => {
    const levels = 'abcdefghi';
    const lol = [`  a: &a [${Array(9).fill('"lol"').join(',')}]`];
    for (let i = 1; i < levels.length; i++) {
      lol.push(`  ${levels[i]}: &${levels[i]} [${Array(9).fill(`*${levels[i - 1]}`).join(',')}]`);
    }
    // Line 8 is `  b: &b [*a,...`; its first alias `*a` is at column 10.
    const text = `id: apollo\nname: A\nmanager: jdoe\nphase: execution\ndates: { start: 2026-01-05 }\nlol:\n${lol.join('\n')}\n`;
    const findings = await findingsOf(project(text));
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([['yaml/alias-limit', 8, 10]]);
    expect(findings[0]!.message).toContain('billion laughs');
  });
});

describe('merge keys that are not maps, and aliases that contain themselves', () => {
  // PROJECT has 43 lines; the appended `extra:` is line 44 and its `<<` line 45, at column 3.
  const appended = (tail: string) => project(`${PROJECT}extra:\n${tail}`);

  it.each([
    ['<<: 5', 7],
    ['<<: null', 7],
    ['<<:', 3],
    ['<<: [1, 2]', 8],
    ['<<: "text"', 7],
  ])('`%s` is a located yaml/merge-key finding, not a crash', async (merge, column) => {
    const findings = await findingsOf(appended(`  ${merge}\n`));
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([['yaml/merge-key', 45, column]]);
    expect(findings[0]!.message).toContain('a merge key (<<) takes a map');
  });

  it('an alias to a scalar, or a list with one, is found at the bad part', async () => {
    // Line 44 `extra:`; 45 `  base: &n 5`; 46 `  more: &m {a: 1}`; 47 `  x:`; 48 `    <<: [*m, *n]`: *n at column 14.
    const findings = await findingsOf(appended('  base: &n 5\n  more: &m {a: 1}\n  x:\n    <<: [*m, *n]\n'));
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([['yaml/merge-key', 48, 14]]);
  });

  it('a quoted "<<" is an ordinary key, and `__proto__` beside a merge is plain data', async () => {
    const text = `${PROJECT.replace('name: Apollo CRM migration\n', '')}defaults: &d { name: Apollo CRM migration }\n<<: *d\n`;
    expect(dataOf(text).name).toBe('Apollo CRM migration');
    const proto = parseYamlFully('base: &b {a: 1}\nx:\n  __proto__: {polluted: true}\n  <<: *b\n"<<": 5\n', 'x.yaml');
    expect(proto.findings).toEqual([]);
    expect(proto.data).toEqual({ base: { a: 1 }, x: { ['__proto__']: { polluted: true }, a: 1 }, '<<': 5 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an alias inside its own anchored node is yaml/alias-cycle, and JSON output still works', async () => {
    // Line 45 `  loop: &r {a: *r}`: *r at column 16. A merge of the map into itself is the same cycle.
    const findings = await findingsOf(appended('  loop: &r {a: *r}\n  self: &s\n    <<: *s\n'));
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ['yaml/alias-cycle', 45, 16],
      ['yaml/alias-cycle', 47, 9],
    ]);
    expect(() => JSON.stringify(findings)).not.toThrow();
  });

  it('nesting thousands of levels deep is yaml/too-deep on its line, not a stack overflow', async () => {
    for (const deep of ['['.repeat(3000) + ']'.repeat(3000), '{a: '.repeat(3000) + '1' + '}'.repeat(3000)]) {
      const findings = await findingsOf(appended(`  deep: ${deep}\nafter: 1\n`));
      expect(findings.map((f) => [f.rule, f.line])).toEqual([['yaml/too-deep', 45]]);
    }
  });

  it('a key that is a list or a map is yaml/complex-key at the key, not a field named "a,b"', async () => {
    // Line 45 `  ? [a, b]`: the key at column 5; line 47 `  ? {x: 1}`, column 5.
    const findings = await findingsOf(appended('  ? [a, b]\n  : 1\n  ? {x: 1}\n  : 2\n'));
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ['yaml/complex-key', 45, 5],
      ['yaml/complex-key', 47, 5],
    ]);
  });

  it('the other files are still checked', async () => {
    const findings = await findingsOf({ ...appended('  <<: 5\n'), 'projects/hermes.yaml': PROJECT.replace('id: apollo', 'id: hermes').replace('impact: 4', 'impact: 9') });
    expect(findings.map((f) => [f.file, f.rule])).toEqual([
      ['projects/apollo.yaml', 'yaml/merge-key'],
      ['projects/hermes.yaml', 'schema/invalid-value'],
    ]);
  });
});

describe('dates', () => {
  it('an unquoted date stays a string (YAML 1.2 core schema), and a valid file passes', async () => {
    const result = await run(project(PROJECT));
    expect(result.findings).toEqual([]);
    const data = dataOf(PROJECT);
    expect(data.dates.start).toBe('2026-01-05');
    expect(data.status![0]!.date).toBe('2026-11-13');
  });

  it('both parsers keep `2026-11-20` a string', async () => {
    expect(parseYaml('date: 2026-11-20\n', 'x.yaml').data).toEqual({ date: '2026-11-20' });
    expect(parseYamlFully('date: 2026-11-20\n', 'x.yaml').data).toEqual({ date: '2026-11-20' });
  });

  it('a %YAML 1.1 directive does not turn dates into timestamps', async () => {
    const result = await run(project(`%YAML 1.1\n---\n${PROJECT}`));
    expect(result.findings.map((f) => [f.rule, f.line, f.column])).toEqual([]);
    expect(dataOf(`%YAML 1.1\n---\n${PROJECT}`).dates.start).toBe('2026-01-05');
  });

  it('2026-02-30: schema/invalid-date, saying February 2026 has 28 days', async () => {
    const findings = await findingsOf(project(PROJECT.replace('baseline_end: 2026-09-30', 'baseline_end: 2026-02-30')));
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([['schema/invalid-date', 10, 17]]);
    expect(findings[0]!.message).toBe('dates.baseline_end 2026-02-30 is not a real date: February 2026 has 28 days');
  });

  it('2028-02-29 is a real date (leap year)', async () => {
    expect(await rows(project(PROJECT.replace('baseline_end: 2026-09-30', 'baseline_end: 2028-02-29')))).toEqual([]);
  });

  it('2026-13-01: schema/invalid-date, there is no month 13', async () => {
    const findings = await findingsOf(project(PROJECT.replace('baseline_end: 2026-09-30', 'baseline_end: 2026-13-01')));
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([['schema/invalid-date', 10, 17]]);
    expect(findings[0]!.message).toBe('dates.baseline_end 2026-13-01 is not a real date: there is no month 13');
  });

  it.each(['30.09.2026', '2026-09-30T10:00:00Z'])(
    'a date written as %s: one schema/invalid-value asking for YYYY-MM-DD (no "not a real date" nonsense)',
    async (written) => {
      const findings = await findingsOf(project(PROJECT.replace('baseline_end: 2026-09-30', `baseline_end: ${written}`)));
      expect(findings.map((f) => [f.rule, f.line, f.column, f.message])).toEqual([
        ['schema/invalid-value', 10, 17, `dates.baseline_end must be a date written YYYY-MM-DD, got "${written}"`],
      ]);
    },
  );
});

describe('fast and full parsers agree', () => {
  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

  function yamlFilesUnder(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : yamlFilesUnder(path);
      return /\.ya?ml$/.test(entry.name) ? [path] : [];
    });
  }

  const files = [...yamlFilesUnder(join(repoRoot, 'test')), ...yamlFilesUnder(join(repoRoot, 'examples', 'acme'))];

  it('finds the fixtures', async () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  it.each(files.map((path) => [path.slice(repoRoot.length), path]))('%s', (_name, path) => {
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const fast = parseYaml(text, path);
    const full = parseYamlFully(text, path);
    if (fast.data !== undefined && full.data !== undefined) expect(fast.data).toEqual(full.data);
    // The fast path is taken only when it needs no positions (no doc); it must then be right to find nothing.
    if (fast.doc === undefined && fast.data !== undefined) expect(full.findings).toEqual([]);
  });

  // Scalars a PM may write: whichever parser reads a file, they must mean the same.
  it.each([
    'cost: 1_000',
    'code: 0x1F',
    'code: 0o14',
    'code: 012',
    'code: 0b101',
    'ratio: .5',
    'ratio: 1e3',
    'limit: .inf',
    'flag: yes',
    'flag: TRUE',
    'flag: off',
    'time: 12:30',
    'at: 2026-01-05 10:00',
    'empty: ~',
    'note: "\\u00e9t\\u00e9"',
    'x:\n  b: 2\n  <<: { b: 1, c: 3 }',
    'x:\n  <<: [{ b: 1 }, { b: 3, c: 4 }]',
  ])('%j', (text) => {
    const fast = parseYaml(text, 'x.yaml');
    const full = parseYamlFully(text, 'x.yaml');
    expect(fast.findings).toEqual([]);
    expect(full.findings).toEqual([]);
    expect(fast.data).toEqual(full.data);
  });
});

describe('repos without optional files', () => {
  it('a repo with only pmo.yaml and one project loads', async () => {
    const dir = makeRepo({ 'projects/apollo.yaml': PROJECT, 'goals.yaml': GOALS, 'records/apollo/charter.md': '# Charter\n' });
    expect((await check({ cwd: dir, today: TODAY, cache: false, rules: false })).findings).toEqual([]);
  });
});
