/**
 * `pmo log`: real git repositories with commits at set dates by set authors, the built CLI, and the expected
 * logs worked out by hand from the edits below.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { MINIMAL_CONFIG, makeRepo, writeFiles } from '../helpers/repo.js';

/** git as someone, at a moment; GIT_* scrubbed first, so a run inside a hook cannot touch the real repo. */
function gitAs(cwd: string, who: { name: string; email: string; date: string } | undefined, ...args: string[]): string {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value;
  if (who) Object.assign(env, { GIT_AUTHOR_NAME: who.name, GIT_AUTHOR_EMAIL: who.email, GIT_AUTHOR_DATE: who.date, GIT_COMMITTER_NAME: who.name, GIT_COMMITTER_EMAIL: who.email, GIT_COMMITTER_DATE: who.date });
  return execFileSync('git', ['-c', 'user.name=Test PM', '-c', 'user.email=pm@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, env, encoding: 'utf8' });
}

const JANE = { name: 'Jane Doe', email: 'jdoe@example.com' };
const ZOE = { name: 'Zoë Ångström', email: 'zoe@example.com' };
const BO = { name: 'Bo Kim', email: 'bkim@example.com' };
const JOSE = { name: 'José Núñez', email: 'jose@example.com' };

/** Writes (or with null, removes) files and commits them all as `who` at `date` (10:00 in Paris, winter). */
function commit(dir: string, who: { name: string; email: string }, day: string, message: string, files: Record<string, string | null> = {}): string {
  const at = { ...who, date: `${day}T10:00:00+01:00` };
  for (const [path, text] of Object.entries(files)) {
    if (text === null) gitAs(dir, undefined, 'rm', '-q', path);
    else writeFiles(dir, { [path]: text });
  }
  gitAs(dir, undefined, 'add', '-A');
  gitAs(dir, at, 'commit', '-q', '-m', message);
  return gitAs(dir, undefined, 'rev-parse', '--short', 'HEAD').trim();
}

const V1 = `id: apollo
name: Apollo CRM migration
manager: jdoe
phase: execution
dates:
  start: 2026-01-05
  baseline_end: 2026-09-30
  forecast_end: 2026-11-15
budget:
  baseline: 500000
  forecast: 540000
milestones:
  - id: M1
    name: Requirements signed off
    forecast: 2026-02-27
  - id: M2
    name: Data migrated
    forecast: 2026-07-31
risks:
  - id: R1
    title: Vendor API rate limits slow the migration
    probability: 3
    impact: 4
status:
  - date: 2026-03-06
    by: jdoe
    overall: green
    summary: On plan.
`;
const R2 = '  - id: R2\n    title: Key engineer may leave\n    probability: 2\n    impact: 5\n';
const LONG = 'Vendor quota issue escalated to the steering committee; migration batch 3 slips two weeks.';
const V2 = V1.replace('probability: 3', 'probability: 4').replace('status:\n', `${R2}status:\n`);
const V3 = `${V2.replace('forecast_end: 2026-11-15', 'forecast_end: 2026-12-01').replace('forecast: 2026-07-31', 'forecast: 2026-08-28')}  - date: 2026-03-13\n    by: jdoe\n    overall: amber\n    summary: ${LONG}\n`;
/** Budget forecast raised, and a list item indented wrongly: the YAML does not parse. */
const V4 = V3.replace('forecast: 540000', 'forecast: 560000').replace('  - id: M2\n', '   - id: M2\n');
const V5 = V3.replace('forecast: 540000', 'forecast: 560000');
const V6 = V5.replace('id: apollo', 'id: apollo-crm');
const V7 = `${V6.replace(R2, '')}  - date: 2026-03-27\n    by: jdoe\n    overall: red\n    summary: Data migration halted.\n`;

interface Scenario {
  dir: string;
  sha: Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'c6' | 'c7', string>;
}

/** Temp folders of this file's own (makeRepo's are removed after each test; apollo's serves them all). */
const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

/** Apollo's history: created, edited by four people, broken and fixed, renamed to apollo-crm, edited again. */
function apolloHistory(): Scenario {
  const dir = tempDir('pmo-log-');
  writeFileSync(join(dir, 'pmo.yaml'), MINIMAL_CONFIG);
  gitAs(dir, undefined, 'init', '-q', '-b', 'main');
  const sha = {
    c1: commit(dir, JANE, '2026-03-02', 'Add Apollo', { 'projects/apollo.yaml': V1 }),
    c2: commit(dir, ZOE, '2026-03-09', 'Raise R1 after the vendor call', { 'projects/apollo.yaml': V2 }),
    c3: commit(dir, JANE, '2026-03-13', 'Weekly status', { 'projects/apollo.yaml': V3 }),
    c4: commit(dir, BO, '2026-03-16', 'Raise the budget forecast', { 'projects/apollo.yaml': V4 }),
    c5: commit(dir, BO, '2026-03-17', 'Fix the YAML', { 'projects/apollo.yaml': V5 }),
    c6: '',
    c7: '',
  };
  gitAs(dir, undefined, 'mv', 'projects/apollo.yaml', 'projects/apollo-crm.yaml');
  sha.c6 = commit(dir, JOSE, '2026-03-20', 'Rename apollo to apollo-crm', { 'projects/apollo-crm.yaml': V6 });
  sha.c7 = commit(dir, JANE, '2026-03-27', 'Weekly status; R2 closed', { 'projects/apollo-crm.yaml': V7 });
  return { dir, sha };
}

let apollo: Scenario;
beforeAll(() => {
  apollo = apolloHistory();
});
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const BROKEN = 'the file did not parse at this commit: line 16: YAML syntax error: All sequence items must start at the same column';

describe('pmo log: the whole history', () => {
  it('lists every commit newest first, each changed field as path: old -> new, across the rename', () => {
    const { dir, sha } = apollo;
    const run = pmo(['log', 'apollo-crm'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        `${sha.c7}  2026-03-27  Jane Doe  Weekly status; R2 closed`,
        '    risks[R2]: removed "Key engineer may leave"',
        '    status[2026-03-27]: added (red) "Data migration halted."',
        '',
        `${sha.c6}  2026-03-20  José Núñez  Rename apollo to apollo-crm`,
        '    renamed projects/apollo.yaml to projects/apollo-crm.yaml',
        '    id: apollo -> apollo-crm',
        '',
        `${sha.c5}  2026-03-17  Bo Kim  Fix the YAML`,
        `    compared with ${sha.c3}, the last version that parsed`,
        '    budget.forecast: 540000 -> 560000',
        '',
        `${sha.c4}  2026-03-16  Bo Kim  Raise the budget forecast`,
        `    ${BROKEN}`,
        '',
        `${sha.c3}  2026-03-13  Jane Doe  Weekly status`,
        '    dates.forecast_end: 2026-11-15 -> 2026-12-01',
        '    milestones[M2].forecast: 2026-07-31 -> 2026-08-28',
        '    status[2026-03-13]: added (amber) "Vendor quota issue escalated to the steering committee; mig…"',
        '',
        `${sha.c2}  2026-03-09  Zoë Ångström  Raise R1 after the vendor call`,
        '    risks[R1].probability: 3 -> 4',
        '    risks[R2]: added "Key engineer may leave"',
        '',
        `${sha.c1}  2026-03-02  Jane Doe  Add Apollo`,
        '    created projects/apollo.yaml',
        '',
      ].join('\n'),
    );
    // The file name or the old id name the same history.
    expect(pmo(['log', 'projects/apollo-crm.yaml'], { cwd: dir }).stdout).toBe(run.stdout);
  });

  it('--format json: every commit whole, values complete', () => {
    const { dir, sha } = apollo;
    const run = pmo(['log', 'apollo-crm', '-f', 'json', '--limit', '4'], { cwd: dir });
    expect(run.code).toBe(0);
    const log = JSON.parse(run.stdout);
    const full = (short: string) => gitAs(dir, undefined, 'rev-parse', short).trim();
    const common = { renamed_from: null, copied_from: null, parse_error: null, compared_with: null };
    expect(log).toEqual({
      project: 'apollo-crm',
      file: 'projects/apollo-crm.yaml',
      fields: null,
      since: null,
      omitted: 3,
      missing_fields: [],
      incomplete: null,
      committed: true,
      commits: [
        {
          ...common,
          sha: full(sha.c7), short: sha.c7, author: { name: 'Jane Doe', email: 'jdoe@example.com' }, date: '2026-03-27', authored_at: '2026-03-27T10:00:00+01:00',
          subject: 'Weekly status; R2 closed', file: 'projects/apollo-crm.yaml', event: 'modified',
          changes: [
            { path: 'risks[R2]', kind: 'removed', old: { id: 'R2', title: 'Key engineer may leave', probability: 2, impact: 5 }, new: null },
            { path: 'status[2026-03-27]', kind: 'added', old: null, new: { date: '2026-03-27', by: 'jdoe', overall: 'red', summary: 'Data migration halted.' } },
          ],
        },
        {
          ...common,
          sha: full(sha.c6), short: sha.c6, author: { name: 'José Núñez', email: 'jose@example.com' }, date: '2026-03-20', authored_at: '2026-03-20T10:00:00+01:00',
          subject: 'Rename apollo to apollo-crm', file: 'projects/apollo-crm.yaml', event: 'renamed', renamed_from: 'projects/apollo.yaml',
          changes: [{ path: 'id', kind: 'changed', old: 'apollo', new: 'apollo-crm' }],
        },
        {
          ...common,
          sha: full(sha.c5), short: sha.c5, author: { name: 'Bo Kim', email: 'bkim@example.com' }, date: '2026-03-17', authored_at: '2026-03-17T10:00:00+01:00',
          subject: 'Fix the YAML', file: 'projects/apollo.yaml', event: 'modified', compared_with: sha.c3,
          changes: [{ path: 'budget.forecast', kind: 'changed', old: 540000, new: 560000 }],
        },
        {
          ...common,
          sha: full(sha.c4), short: sha.c4, author: { name: 'Bo Kim', email: 'bkim@example.com' }, date: '2026-03-16', authored_at: '2026-03-16T10:00:00+01:00',
          subject: 'Raise the budget forecast', file: 'projects/apollo.yaml', event: 'modified', parse_error: BROKEN,
          changes: [],
        },
      ],
    });
    // Long text is whole in JSON.
    const c3 = JSON.parse(pmo(['log', 'apollo-crm', '-f', 'json', '--since', '2026-03-13'], { cwd: dir }).stdout).commits.at(-1);
    expect(c3.changes[2].new.summary).toBe(LONG);
  });

  it('--limit says how many older commits it left out; --since takes a date or a commit', () => {
    const { dir, sha } = apollo;
    const limited = pmo(['log', 'apollo-crm', '-n', '2'], { cwd: dir });
    expect(limited.stdout.split('\n').filter((l) => /^\w{7,}  /.test(l)).map((l) => l.split('  ')[0])).toEqual([sha.c7, sha.c6]);
    expect(limited.stdout.endsWith('\n    id: apollo -> apollo-crm\n\n... 5 older commits not shown (--limit)\n')).toBe(true);

    const heads = (args: string[]) => pmo(['log', 'apollo-crm', ...args], { cwd: dir }).stdout.split('\n').filter((l) => /^\w{7,}  /.test(l)).map((l) => l.split('  ')[0]);
    expect(heads(['--since', '2026-03-13'])).toEqual([sha.c7, sha.c6, sha.c5, sha.c4, sha.c3]);
    expect(heads(['--since', sha.c5])).toEqual([sha.c7, sha.c6]);
    expect(heads(['--since', sha.c5, '--limit', '1'])).toEqual([sha.c7]);
    expect(pmo(['log', 'apollo-crm', '--since', '2026-04-01'], { cwd: dir }).stdout).toBe('no commit changes projects/apollo-crm.yaml since 2026-04-01\n');
  });
});

describe('pmo log: speed', () => {
  it('runs git three times however many commits there are: one log, one rev-parse, one cat-file --batch', () => {
    const shim = tempDir('pmo-git-shim-');
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(join(shim, 'git'), `#!/bin/sh\necho "$1" >> "${join(shim, 'calls')}"\nexec "${real}" "$@"\n`);
    chmodSync(join(shim, 'git'), 0o755);
    const run = pmo(['log', 'apollo-crm', '--field', 'budget'], { cwd: apollo.dir, env: { PATH: `${shim}:${process.env.PATH}` } });
    expect(run.code).toBe(0);
    expect(readFileSync(join(shim, 'calls'), 'utf8').split('\n').filter(Boolean).sort()).toEqual(['cat-file', 'log', 'rev-parse']);
  });
});

describe('pmo log --field', () => {
  it('status[-1].overall: the RAG as each commit left it', () => {
    const { dir, sha } = apollo;
    const run = pmo(['log', 'apollo-crm', '--field', 'status[-1].overall'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        `${sha.c7}  2026-03-27  Jane Doe  Weekly status; R2 closed`,
        '    status[-1].overall: amber -> red',
        '',
        `${sha.c3}  2026-03-13  Jane Doe  Weekly status`,
        '    status[-1].overall: green -> amber',
        '',
        `${sha.c1}  2026-03-02  Jane Doe  Add Apollo`,
        '    created projects/apollo.yaml',
        '    status[-1].overall: -> green',
        '',
      ].join('\n'),
    );
  });

  it('an item by its id, a field, and a prefix; several at once keep their order', () => {
    const { dir, sha } = apollo;
    const run = pmo(['log', 'apollo-crm', '--field', 'risks[R1].probability', '--field', 'dates.forecast_end', '--field', 'budget'], { cwd: dir });
    expect(run.stdout).toBe(
      [
        `${sha.c5}  2026-03-17  Bo Kim  Fix the YAML`,
        `    compared with ${sha.c3}, the last version that parsed`,
        '    budget.forecast: 540000 -> 560000',
        '',
        `${sha.c3}  2026-03-13  Jane Doe  Weekly status`,
        '    dates.forecast_end: 2026-11-15 -> 2026-12-01',
        '',
        `${sha.c2}  2026-03-09  Zoë Ångström  Raise R1 after the vendor call`,
        '    risks[R1].probability: 3 -> 4',
        '',
        `${sha.c1}  2026-03-02  Jane Doe  Add Apollo`,
        '    created projects/apollo.yaml',
        '    risks[R1].probability: -> 3',
        '    dates.forecast_end: -> 2026-11-15',
        '    budget: -> {baseline: 500000, forecast: 540000}',
        '',
      ].join('\n'),
    );
    const r2 = pmo(['log', 'apollo-crm', '--field', 'risks[R2]'], { cwd: dir });
    expect(r2.stdout).toBe(
      [
        `${sha.c7}  2026-03-27  Jane Doe  Weekly status; R2 closed`,
        '    risks[R2]: removed "Key engineer may leave"',
        '',
        `${sha.c2}  2026-03-09  Zoë Ångström  Raise R1 after the vendor call`,
        '    risks[R2]: added "Key engineer may leave"',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(pmo(['log', 'apollo-crm', '--field', 'risks[R2].probability', '-f', 'json'], { cwd: dir }).stdout);
    expect(json.fields).toEqual(['risks[R2].probability']);
    expect(json.commits.map((c: { short: string; changes: unknown[] }) => [c.short, c.changes])).toEqual([
      [sha.c7, [{ path: 'risks[R2].probability', kind: 'removed', old: 2, new: null }]],
      [sha.c2, [{ path: 'risks[R2].probability', kind: 'added', old: null, new: 2 }]],
    ]);
  });

  it('a field no version has: no changes, and the likely one it meant', () => {
    const run = pmo(['log', 'apollo-crm', '--field', 'dates.forcast_end'], { cwd: apollo.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'no commit changes dates.forcast_end in projects/apollo-crm.yaml\n\n' +
        'no changes to dates.forcast_end: no version of projects/apollo-crm.yaml has it; did you mean dates.forecast_end?\n',
    );
    const json = JSON.parse(pmo(['log', 'apollo-crm', '--field', 'dates.forcast_end', '-f', 'json'], { cwd: apollo.dir }).stdout);
    expect(json.missing_fields).toEqual([{ field: 'dates.forcast_end', did_you_mean: 'dates.forecast_end' }]);
  });

  it('a path that cannot be read is a usage error', () => {
    const run = pmo(['log', 'apollo-crm', '--field', 'risks[R1'], { cwd: apollo.dir });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'pmo: --field "risks[R1": a [ has no ]; write a field path such as dates.forecast_end, risks[R1].probability or status[-1].overall\n' });
  });
});

describe('pmo log: deletions, copies, merges, comments', () => {
  const ZEUS = 'id: zeus\nname: Zeus ERP\nmanager: jdoe\nphase: planning\npriority: 2\n';

  it('says when a file was created and deleted, and logs a project that is gone', () => {
    const dir = makeRepo({});
    gitAs(dir, undefined, 'init', '-q', '-b', 'main');
    const d1 = commit(dir, JANE, '2026-04-01', 'Add Zeus', { 'projects/zeus.yaml': ZEUS });
    const d2 = commit(dir, ZOE, '2026-04-02', 'Zeus: lower priority', { 'projects/zeus.yaml': ZEUS.replace('priority: 2', 'priority: 3') });
    const d3 = commit(dir, BO, '2026-04-03', 'Cancel Zeus', { 'projects/zeus.yaml': null });
    expect(pmo(['log', 'zeus'], { cwd: dir }).stdout).toBe(
      [
        `${d3}  2026-04-03  Bo Kim  Cancel Zeus`, '    deleted projects/zeus.yaml', '',
        `${d2}  2026-04-02  Zoë Ångström  Zeus: lower priority`, '    priority: 2 -> 3', '',
        `${d1}  2026-04-01  Jane Doe  Add Zeus`, '    created projects/zeus.yaml', '',
      ].join('\n'),
    );
    expect(pmo(['log', 'zeus', '--field', 'priority'], { cwd: dir }).stdout).toBe(
      [
        `${d3}  2026-04-03  Bo Kim  Cancel Zeus`, '    deleted projects/zeus.yaml', '    priority: 3 ->', '',
        `${d2}  2026-04-02  Zoë Ångström  Zeus: lower priority`, '    priority: 2 -> 3', '',
        `${d1}  2026-04-01  Jane Doe  Add Zeus`, '    created projects/zeus.yaml', '    priority: -> 2', '',
      ].join('\n'),
    );
    const json = JSON.parse(pmo(['log', 'zeus', '-f', 'json', '-n', '1'], { cwd: dir }).stdout);
    expect(json.commits[0]).toMatchObject({ event: 'deleted', file: 'projects/zeus.yaml', changes: [] });
  });

  it('a project created as a copy of another starts there, without the other one\'s history', () => {
    const dir = makeRepo({});
    gitAs(dir, undefined, 'init', '-q', '-b', 'main');
    commit(dir, JANE, '2026-03-02', 'Add Apollo', { 'projects/apollo.yaml': V1 });
    commit(dir, ZOE, '2026-03-09', 'Raise R1', { 'projects/apollo.yaml': V2 });
    const copy = commit(dir, BO, '2026-03-10', 'Add Hermes from Apollo', { 'projects/hermes.yaml': V2.replace('id: apollo', 'id: hermes') });
    expect(pmo(['log', 'hermes'], { cwd: dir }).stdout).toBe(`${copy}  2026-03-10  Bo Kim  Add Hermes from Apollo\n    created projects/hermes.yaml as a copy of projects/apollo.yaml\n`);
  });

  it('a merge is listed only for what it decided itself: a conflict resolved by hand', () => {
    const dir = makeRepo({});
    gitAs(dir, undefined, 'init', '-q', '-b', 'main');
    commit(dir, JANE, '2026-03-02', 'Add Zeus', { 'projects/zeus.yaml': `${ZEUS}budget:\n  forecast: 100\n` });
    gitAs(dir, undefined, 'checkout', '-q', '-b', 'cfo');
    const branch = commit(dir, BO, '2026-03-03', 'CFO: forecast 120', { 'projects/zeus.yaml': `${ZEUS}budget:\n  forecast: 120\n` });
    gitAs(dir, undefined, 'checkout', '-q', 'main');
    const main = commit(dir, ZOE, '2026-03-04', 'PM: forecast 110', { 'projects/zeus.yaml': `${ZEUS}budget:\n  forecast: 110\n` });
    try {
      gitAs(dir, undefined, 'merge', '-q', 'cfo', '-m', 'Merge cfo');
    } catch {
      // the conflict, resolved below
    }
    const merge = commit(dir, JANE, '2026-03-05', 'Merge cfo: forecast 115 as agreed', { 'projects/zeus.yaml': `${ZEUS}budget:\n  forecast: 115\n` });
    const run = pmo(['log', 'zeus', '--since', '2026-03-03'], { cwd: dir });
    expect(run.stdout).toBe(
      [
        `${merge}  2026-03-05  Jane Doe  Merge cfo: forecast 115 as agreed`, '    merge: the changes below differ from every parent', '    budget.forecast: 110 -> 115', '',
        `${main}  2026-03-04  Zoë Ångström  PM: forecast 110`, '    budget.forecast: 100 -> 110', '',
        `${branch}  2026-03-03  Bo Kim  CFO: forecast 120`, '    budget.forecast: 100 -> 120', '',
      ].join('\n'),
    );
    // A clean merge of changes to different fields decides nothing itself: it is not listed.
    gitAs(dir, undefined, 'checkout', '-q', '-b', 'pm');
    const renamed = commit(dir, JANE, '2026-03-06', 'Name: Zeus ERP rollout', { 'projects/zeus.yaml': `${ZEUS.replace('Zeus ERP', 'Zeus ERP rollout')}budget:\n  forecast: 115\n` });
    gitAs(dir, undefined, 'checkout', '-q', 'main');
    const forecast = commit(dir, ZOE, '2026-03-07', 'Forecast 118', { 'projects/zeus.yaml': `${ZEUS}budget:\n  forecast: 118\n` });
    gitAs(dir, { ...JANE, date: '2026-03-08T10:00:00+01:00' }, 'merge', '-q', 'pm', '-m', 'Merge pm');
    const heads = pmo(['log', 'zeus', '--since', '2026-03-06'], { cwd: dir }).stdout.split('\n').filter((l) => /^\w{7,}  /.test(l));
    expect(heads).toEqual([`${forecast}  2026-03-07  Zoë Ångström  Forecast 118`, `${renamed}  2026-03-06  Jane Doe  Name: Zeus ERP rollout`]);
    expect(gitAs(dir, undefined, 'show', 'HEAD:projects/zeus.yaml')).toContain('name: Zeus ERP rollout\nmanager: jdoe\nphase: planning\npriority: 2\nbudget:\n  forecast: 118\n');
  });

  it('a merge of a branch that never had the file is not listed (git log --follow lists it, without a diff)', () => {
    const dir = makeRepo({});
    gitAs(dir, undefined, 'init', '-q', '-b', 'main');
    commit(dir, JANE, '2026-04-01', 'Start', { 'people.yaml': 'people: []\n' });
    gitAs(dir, undefined, 'checkout', '-q', '-b', 'people');
    commit(dir, BO, '2026-04-02', 'Add Bo', { 'people.yaml': 'people:\n  - { id: bkim, name: Bo Kim }\n' });
    gitAs(dir, undefined, 'checkout', '-q', 'main');
    const zeus = commit(dir, JANE, '2026-04-03', 'Add Zeus', { 'projects/zeus.yaml': ZEUS });
    gitAs(dir, { ...JANE, date: '2026-04-04T10:00:00+01:00' }, 'merge', '-q', '--no-edit', 'people');
    expect(gitAs(dir, undefined, 'log', '--follow', '-c', '--raw', '--format=%s', '--', 'projects/zeus.yaml').split('\n')[0]).toBe("Merge branch 'people'");
    expect(pmo(['log', 'zeus'], { cwd: dir }).stdout).toBe(`${zeus}  2026-04-03  Jane Doe  Add Zeus\n    created projects/zeus.yaml\n`);
  });

  it('a commit that changes only comments or layout says so; an uncommitted project says it has no history yet', () => {
    const dir = makeRepo({});
    gitAs(dir, undefined, 'init', '-q', '-b', 'main');
    commit(dir, JANE, '2026-04-01', 'Add Zeus', { 'projects/zeus.yaml': ZEUS });
    const c = commit(dir, JANE, '2026-04-02', 'Comment', { 'projects/zeus.yaml': `# Zeus\n${ZEUS}` });
    expect(pmo(['log', 'zeus', '-n', '1'], { cwd: dir }).stdout).toBe(`${c}  2026-04-02  Jane Doe  Comment\n    no field changed (comments or layout only)\n\n... 1 older commit not shown (--limit)\n`);
    writeFiles(dir, { 'projects/hermes.yaml': ZEUS });
    expect(pmo(['log', 'hermes'], { cwd: dir })).toEqual({ code: 0, stdout: 'projects/hermes.yaml is not committed yet: pmo log shows the changes commits made\n', stderr: '' });
  });
});

describe('pmo log: where and when', () => {
  it('-C, a PMO folder inside a bigger repository, the author\'s own calendar, and colour', () => {
    const top = tempDir('pmo-log-top-');
    gitAs(top, undefined, 'init', '-q', '-b', 'main');
    writeFiles(top, { 'README.md': '# handbook\n', 'pmo/pmo.yaml': MINIMAL_CONFIG });
    const first = commit(top, JANE, '2026-04-01', 'Add Zeus', { 'pmo/projects/zeus.yaml': 'id: zeus\npriority: 2\n' });
    // 23:30 in New York on 1 April is 2 April in UTC: the author's day is the 1st.
    writeFiles(top, { 'pmo/projects/zeus.yaml': 'id: zeus\npriority: 1\n' });
    gitAs(top, undefined, 'add', '-A');
    gitAs(top, { ...ZOE, date: '2026-04-01T23:30:00-04:00' }, 'commit', '-q', '-m', 'Priority 1');
    const late = gitAs(top, undefined, 'rev-parse', '--short', 'HEAD').trim();

    const expected = `${late}  2026-04-01  Zoë Ångström  Priority 1\n    priority: 2 -> 1\n\n${first}  2026-04-01  Jane Doe  Add Zeus\n    created projects/zeus.yaml\n`;
    expect(pmo(['log', 'zeus', '-C', join(top, 'pmo')], { cwd: tmpdir() }).stdout).toBe(expected);
    expect(pmo(['log', 'zeus'], { cwd: join(top, 'pmo', 'projects') }).stdout).toBe(expected);
    expect(JSON.parse(pmo(['log', 'zeus', '-f', 'json', '-n', '1'], { cwd: join(top, 'pmo') }).stdout).commits[0]).toMatchObject({
      date: '2026-04-01',
      authored_at: '2026-04-01T23:30:00-04:00',
      file: 'projects/zeus.yaml',
    });
    expect(pmo(['log', 'zeus', '--since', '2026-04-02'], { cwd: join(top, 'pmo') }).stdout).toBe('no commit changes projects/zeus.yaml since 2026-04-02\n');

    const coloured = pmo(['log', 'zeus', '-n', '1', '--color'], { cwd: join(top, 'pmo') }).stdout;
    expect(coloured).toBe(`\x1b[33m${late}\x1b[39m  2026-04-01  \x1b[1mZoë Ångström\x1b[22m  Priority 1\n    priority: \x1b[31m2\x1b[39m -> \x1b[32m1\x1b[39m\n\n\x1b[2m... 1 older commit not shown (--limit)\x1b[22m\n`);
    expect(pmo(['log', 'zeus', '-n', '1', '--color'], { cwd: join(top, 'pmo'), env: { NO_COLOR: '1' } }).stdout).not.toContain('\x1b[');
  });
});

describe('pmo log: what stops it', () => {
  it('no such project: exit 2 with the likely one', () => {
    expect(pmo(['log', 'apolo-crm'], { cwd: apollo.dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: "pmo: there is no project 'apolo-crm' (no projects/apolo-crm.yaml in the work tree or in its history); did you mean 'apollo-crm'?\n",
    });
  });

  it('not a git repository, a repository with no commits, an unknown --since', () => {
    const plain = makeRepo({ 'projects/zeus.yaml': 'id: zeus\n' });
    const run = pmo(['log', 'zeus'], { cwd: plain });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pmo: pmo log needs a git repository, and .* is not in one \(run `git init` there first\)\n$/);

    gitAs(plain, undefined, 'init', '-q', '-b', 'main');
    expect(pmo(['log', 'zeus'], { cwd: plain })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pmo: pmo log: the repository has no commits yet, so projects/zeus.yaml has no history; commit it first\n',
    });

    expect(pmo(['log', 'apollo-crm', '--since', 'v9'], { cwd: apollo.dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pmo: pmo log: --since v9: git knows no commit (or date) named v9 (fetch it first, e.g. `git fetch origin`)\n',
    });
    // Never an option for git log (`--output=...` would write a file).
    expect(pmo(['log', 'apollo-crm', '--since=--output=x'], { cwd: apollo.dir }).stderr).toBe(
      "pmo: --since needs a date (YYYY-MM-DD) or a commit, branch or tag, not '--output=x'\n",
    );
    expect(pmo(['log', 'apollo-crm', '--since', '2026-02-30'], { cwd: apollo.dir }).stderr).toBe(
      'pmo: --since 2026-02-30: not a real date (write YYYY-MM-DD, or name a commit, branch or tag)\n',
    );
  });

  it('git not installed', () => {
    expect(pmo(['log', 'apollo-crm'], { cwd: apollo.dir, env: { PATH: join(apollo.dir, 'no-such-folder') } })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pmo: pmo log needs git, and git is not installed (or not on PATH)\n',
    });
  });

  it('a shallow clone whose history stops before what was asked: the log, then how to fetch the rest, exit 2', () => {
    const clone = tempDir('pmo-shallow-');
    gitAs(tmpdir(), undefined, 'clone', '-q', '--depth', '2', `file://${apollo.dir}`, clone);
    const { sha } = apollo;
    const run = pmo(['log', 'apollo-crm'], { cwd: clone });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(
      [
        `${sha.c7}  2026-03-27  Jane Doe  Weekly status; R2 closed`,
        '    risks[R2]: removed "Key engineer may leave"',
        '    status[2026-03-27]: added (red) "Data migration halted."',
        '',
        `${sha.c6}  2026-03-20  José Núñez  Rename apollo to apollo-crm`,
        "    this clone's history stops here: what this commit and earlier ones changed is not in it",
        '',
      ].join('\n'),
    );
    expect(run.stderr).toBe(
      `pmo: this clone's history stops at ${sha.c6} (2026-03-20), where projects/apollo-crm.yaml already exists: its earlier changes are not in this clone, so this log may be incomplete; fetch the full history with \`git fetch --unshallow\` (in CI: \`fetch-depth: 0\` for actions/checkout, \`GIT_DEPTH: 0\` in GitLab)\n`,
    );
    expect(JSON.parse(pmo(['log', 'apollo-crm', '-f', 'json'], { cwd: clone }).stdout).commits[1]).toMatchObject({ event: 'history-starts', changes: [] });
    // What was asked for is all there: no complaint.
    expect(pmo(['log', 'apollo-crm', '--limit', '1'], { cwd: clone })).toMatchObject({ code: 0, stderr: '' });
    expect(pmo(['log', 'apollo-crm', '--since', '2026-03-21'], { cwd: clone })).toMatchObject({ code: 0, stderr: '' });
  });
});
