/** End to end: the built `pmo check` in real temp git repositories. */
import { readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { PROJECT, git, makePortfolio, makeRepo } from '../helpers/repo.js';
import { damagedFiles, readCacheFile, writeCacheFile } from '../helpers/cache-files.js';

// These tests are about the CLI and the loader: the governance rules are left out (test/rules covers them).
const TODAY = ['--today', '2026-11-20', '--no-rules'];

describe('pmo check (e2e)', () => {
  it('passes a clean portfolio with exit 0 and says so', () => {
    const dir = makePortfolio({}, { git: true });
    const run = pmo(['check', ...TODAY], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('✔ no problems in 4 files\n');
    expect(run.code).toBe(0);
  });

  it('finds pmo.yaml by walking up from a subdirectory', () => {
    const dir = makePortfolio({ 'projects/apollo.yaml': PROJECT.replace('impact: 4', 'impact: 7') });
    const run = pmo(['check', ...TODAY, '--format', 'json'], { cwd: join(dir, 'records', 'apollo') });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).map((f: { rule: string }) => f.rule)).toEqual(['schema/invalid-value']);
  });

  it('prints stylish findings grouped by file with a summary, exit 1, no colour when piped', () => {
    const dir = makePortfolio({ 'projects/apollo.yaml': PROJECT.replace('impact: 4', 'impact: 7').replace('manager: jdoe', 'manager: jdo') });
    const run = pmo(['check', ...TODAY], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/\u001b\[/);
    expect(run.stdout.split('\n')).toEqual([
      'projects/apollo.yaml',
      "  3:10   error  manager 'jdo' is not in people.yaml; did you mean 'jdoe'?  ref/unknown-person",
      '  31:13  error  risk R1: impact must be an integer from 1 to 5, got 7      schema/invalid-value',
      '',
      '✖ 2 problems (2 errors, 0 warnings) in 1 file',
      '',
    ]);
  });

  it('colours only when asked, and NO_COLOR beats --color and FORCE_COLOR', () => {
    const dir = makePortfolio({ 'projects/apollo.yaml': PROJECT.replace('impact: 4', 'impact: 7') });
    expect(pmo(['check', ...TODAY, '--color'], { cwd: dir }).stdout).toMatch(/\u001b\[31merror/);
    expect(pmo(['check', ...TODAY], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[/);
    expect(pmo(['check', ...TODAY, '--color'], { cwd: dir, env: { NO_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
    expect(pmo(['check', ...TODAY, '--format', 'json', '--color'], { cwd: dir }).stdout).not.toMatch(/\u001b\[/);
  });

  it('emits the documented JSON fields, in a stable order', () => {
    const dir = makePortfolio({
      'projects/apollo.yaml': PROJECT.replace('impact: 4', 'impact: 7').replace('budget:', 'budjet: 1\nbudget:'),
      'projects/zeus.yaml': PROJECT.replace('id: apollo', 'id: zeus').replace('phase: execution', 'phase: executing'),
    });
    const run = pmo(['check', ...TODAY, '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout);
    expect(findings).toEqual([
      {
        file: 'projects/apollo.yaml', line: 12, column: 1, endLine: 12, endColumn: 7,
        rule: 'schema/unknown-field', severity: 'warn', project: 'apollo',
        message: "unknown field 'budjet'; did you mean 'budget'?",
      },
      {
        file: 'projects/apollo.yaml', line: 32, column: 13, endLine: 32, endColumn: 14,
        rule: 'schema/invalid-value', severity: 'error', project: 'apollo', item: 'R1',
        message: 'risk R1: impact must be an integer from 1 to 5, got 7',
      },
      {
        file: 'projects/zeus.yaml', line: 5, column: 8, endLine: 5, endColumn: 17,
        rule: 'ref/unknown-phase', severity: 'error', project: 'zeus',
        message: "phase 'executing' is not in the lifecycle (initiation, planning, execution, closing, closed); did you mean 'execution'?",
      },
    ]);
  });

  it('honours --quiet, --fail-on and --max-warnings', () => {
    const dir = makePortfolio({ 'projects/apollo.yaml': PROJECT.replace('budget:', 'budjet: 1\nbudget:') });
    expect(pmo(['check', ...TODAY], { cwd: dir }).code).toBe(0);
    expect(pmo(['check', ...TODAY, '--fail-on', 'warn'], { cwd: dir }).code).toBe(1);
    expect(pmo(['check', ...TODAY, '--max-warnings', '0'], { cwd: dir }).code).toBe(1);
    expect(pmo(['check', ...TODAY, '--max-warnings', '1'], { cwd: dir }).code).toBe(0);
    const quiet = pmo(['check', ...TODAY, '--quiet'], { cwd: dir });
    expect(quiet.stdout).toBe('✔ no problems in 4 files\n');
  });

  it('lets pmo.yaml rules: change a severity or turn a check off', () => {
    const project = PROJECT.replace('budget:', 'budjet: 1\nbudget:');
    const asError = makePortfolio({ 'pmo.yaml': 'version: 1\nrules:\n  schema/unknown-field: error\n', 'projects/apollo.yaml': project });
    expect(JSON.parse(pmo(['check', ...TODAY, '-f', 'json'], { cwd: asError }).stdout)[0].severity).toBe('error');
    const off = makePortfolio({ 'pmo.yaml': 'version: 1\nrules:\n  schema/unknown-field: off\n', 'projects/apollo.yaml': project });
    expect(pmo(['check', ...TODAY, '-f', 'json'], { cwd: off }).stdout).toBe('[]\n');
  });

  it('narrows the report to the given paths while still loading the whole repo', () => {
    const dir = makePortfolio({
      'projects/apollo.yaml': PROJECT.replace('impact: 4', 'impact: 7'),
      'projects/zeus.yaml': PROJECT.replace('id: apollo', 'id: zeus').replace('impact: 4', 'impact: 9'),
    });
    const run = pmo(['check', ...TODAY, '-f', 'json', 'projects/zeus.yaml'], { cwd: dir });
    expect(JSON.parse(run.stdout).map((f: { file: string }) => f.file)).toEqual(['projects/zeus.yaml']);
    const glob = pmo(['check', ...TODAY, '-f', 'json', 'projects/a*.yaml'], { cwd: dir });
    expect(JSON.parse(glob.stdout).map((f: { file: string }) => f.file)).toEqual(['projects/apollo.yaml']);
  });

  it('exits 2 with a helpful message and no stack trace when there is no pmo.yaml', () => {
    const dir = makeRepo();
    rmSync(join(dir, 'pmo.yaml'));
    const run = pmo(['check'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no pmo.yaml found');
    expect(run.stderr).toContain('-C <dir>');
    expect(run.stderr).toContain('`pmo init` to start one here');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a bad flag or a bad --today, explaining the expected value', () => {
    const dir = makePortfolio();
    const flag = pmo(['check', '--formt', 'json'], { cwd: dir });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown option '--formt'");
    const today = pmo(['check', '--today', '2026-02-30'], { cwd: dir });
    expect(today.code).toBe(2);
    expect(today.stderr).toContain('expected a real date written YYYY-MM-DD');
    const format = pmo(['check', '--format', 'xml'], { cwd: dir });
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('stylish, json');
  });

  it('exits 2 when pmo.yaml is broken, naming the line, and shows a stack trace only with --verbose', () => {
    const dir = makePortfolio({ 'pmo.yaml': 'version: 1\npmo_type: dictator\n' });
    const run = pmo(['check'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pmo.yaml:2:11  pmo_type must be one of supportive, controlling, directive, got "dictator"');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(pmo(['check', '--verbose'], { cwd: dir }).stderr).toMatch(/\n\s+at /);
  });

  it('prints help with examples, and the version', () => {
    const help = pmo(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('--fail-on');
    expect(pmo(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('the parse cache (e2e)', () => {
  const run = (dir: string, ...args: string[]) => pmo(['check', ...TODAY, '-f', 'json', ...args], { cwd: dir });

  it('gives the same findings warm as cold, and notices an edit', () => {
    const dir = makePortfolio({ 'projects/apollo.yaml': PROJECT.replace('impact: 4', 'impact: 7') }, { git: true });
    const cold = run(dir);
    expect(existsSync(join(dir, '.pmo', 'cache', 'check-cache.json'))).toBe(true);
    expect(run(dir).stdout).toBe(cold.stdout);
    writeFileSync(join(dir, 'projects/apollo.yaml'), PROJECT.replace('impact: 4', 'impact: 6'));
    const edited = JSON.parse(run(dir).stdout);
    expect(edited.map((f: { message: string }) => f.message)).toEqual(['risk R1: impact must be an integer from 1 to 5, got 6']);
  });

  it('rewrites only the shard of an edited file, and survives a corrupt or foreign shard', () => {
    const projects = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`projects/p${i}.yaml`, PROJECT.replace('id: apollo', `id: p${i}`)]));
    const dir = makePortfolio(projects);
    const cold = run(dir, '--no-rules');
    const cacheDir = join(dir, '.pmo', 'cache');
    const shards = () => readdirSync(cacheDir).filter((name) => /^check-cache\.[0-9a-f]+\.json$/.test(name));
    expect(shards().length).toBeGreaterThan(4);
    const before = Object.fromEntries(shards().map((name) => [name, readFileSync(join(cacheDir, name), 'utf8')]));

    writeFileSync(join(dir, 'projects/p7.yaml'), PROJECT.replace('id: apollo', 'id: p7').replace('impact: 4', 'impact: 9'));
    const edited = run(dir, '--no-rules');
    const rewritten = shards().filter((name) => readFileSync(join(cacheDir, name), 'utf8') !== before[name]);
    expect(rewritten).toHaveLength(1);
    expect(JSON.parse(edited.stdout).map((f: { file: string }) => f.file)).toEqual(['projects/p7.yaml']);

    // A corrupt shard, and a shard left by a run under another pmo.yaml, only cost misses.
    writeFileSync(join(cacheDir, rewritten[0]!), '{"stamp": "tru');
    const other = shards().find((name) => name !== rewritten[0])!;
    const foreign = readCacheFile(join(cacheDir, other));
    // Were it trusted, its entries would report a planted finding.
    for (const [file, entry] of foreign.entries) {
      entry.findings = [{ rule: 'yaml/syntax', severity: 'error', message: 'planted', file, at: { offset: 0, endOffset: 0 } }];
    }
    writeCacheFile(join(cacheDir, other), { ...foreign, head: { ...foreign.head, stamp: 'another pmo.yaml' } });
    expect(run(dir, '--no-rules').stdout).toBe(edited.stdout);
    expect(cold.stdout).toBe('[]\n');

    // The details (findings, references, positions) are in a file beside each shard: one gone or from another
    // write means the cache cannot answer, and the check starts over without it.
    for (const name of readdirSync(cacheDir).filter((n) => n.endsWith('.detail.json'))) writeCacheFile(join(cacheDir, name), { head: { id: 'another write' }, entries: [] });
    expect(run(dir, '--no-rules').stdout).toBe(edited.stdout);
    expect(run(dir, '--no-rules').stdout).toBe(edited.stdout);
  });

  it('keeps, on the next day, the entries of files whose rules did not read the day, and judges the others anew', () => {
    // Closed projects: their rules do not look at the date. Apollo is running: status-fresh, milestones, risks do.
    const closed = (id: string) => PROJECT.replace('id: apollo', `id: ${id}`).replace('phase: execution', 'phase: closed').replace(/  - id: M2\n(?: {4}.*\n)+/, '');
    const projects = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`projects/c${i}.yaml`, closed(`c${i}`)]));
    const dir = makePortfolio(projects);
    const cacheDir = join(dir, '.pmo', 'cache');
    const on = (today: string, ...args: string[]) => pmo(['check', '--today', today, '-f', 'json', ...args], { cwd: dir });
    const files = (ending: string) => Object.fromEntries(readdirSync(cacheDir).filter((n) => n.endsWith(ending)).map((n) => [n, readFileSync(join(cacheDir, n), 'utf8')]));
    const details = () => files('.detail.json');
    const first = on('2026-11-20');
    const before = details();
    const extracts = files('.rules.json');
    const next = on('2026-11-21');
    // A new day changes findings, never what the portfolio rules read: no extract file is written again.
    expect(files('.rules.json')).toEqual(extracts);
    // The same findings as a check without the cache that day.
    expect(next.stdout).toBe(on('2026-11-21', '--no-cache').stdout);
    expect(next.stdout).not.toBe(first.stdout);
    // Only apollo's entry was judged anew: only the detail file that holds it was written again.
    const rewritten = Object.entries(details()).filter(([name, text]) => text !== before[name]);
    expect(rewritten.map(([, text]) => text.includes('projects/apollo.yaml'))).toEqual([true]);
  });

  it("keeps the portfolio rules' findings by the extracts they judged, and starts over when an extract file does not match", () => {
    // Bo Kim (capacity 80) on two projects that run into 2027: allocations count from this week on.
    const withBkim = (id: string, pct: number) =>
      PROJECT.replace('id: apollo', `id: ${id}`).replace('forecast_end: 2026-11-15', 'forecast_end: 2027-03-31').replace('team:\n', `team:\n  - { person: bkim, role: Engineer, allocation: ${pct} }\n`);
    const dir = makePortfolio({ 'projects/apollo.yaml': withBkim('apollo', 40), 'projects/zeus.yaml': withBkim('zeus', 50) });
    const over = () =>
      (JSON.parse(pmo(['check', '-f', 'json', '--today', '2026-11-20'], { cwd: dir }).stdout) as Array<{ rule: string; file: string; message: string }>)
        .filter((f) => f.rule === 'allocation-over-capacity')
        .map((f) => `${f.file}: ${f.message}`);
    const cold = over();
    expect(cold).toHaveLength(2);
    expect(over()).toEqual(cold);
    // An edit that changes no extract keeps the findings (and its shard's extract file); one that does is
    // judged anew, and its extract written.
    const cacheFiles = join(dir, '.pmo', 'cache');
    const extracts = () => Object.fromEntries(readdirSync(cacheFiles).filter((n) => n.endsWith('.rules.json')).map((n) => [n, readFileSync(join(cacheFiles, n), 'utf8')]));
    const extractsBefore = extracts();
    writeFileSync(join(dir, 'projects/zeus.yaml'), withBkim('zeus', 50).replace('name: Apollo CRM migration', 'name: Zeus'));
    expect(over()).toEqual(cold);
    expect(extracts()).toEqual(extractsBefore);
    writeFileSync(join(dir, 'projects/zeus.yaml'), withBkim('zeus', 30));
    expect(over()).toEqual([]);
    expect(Object.entries(extracts()).filter(([name, text]) => text !== extractsBefore[name])).toHaveLength(1);
    writeFileSync(join(dir, 'projects/zeus.yaml'), withBkim('zeus', 50));
    expect(over()).toEqual(cold);
    // The extracts are read only when the rules run (here: their cached findings gone), from a file beside each
    // shard: one from another write means the cache cannot answer, and the check starts over without it.
    const cacheDir = join(dir, '.pmo', 'cache');
    for (const name of readdirSync(cacheDir).filter((n) => n.endsWith('.rules.json'))) writeCacheFile(join(cacheDir, name), { head: { id: 'another write' }, entries: [] });
    rmSync(join(cacheDir, 'check-cache.portfolio.json'));
    expect(over()).toEqual(cold);
    expect(readdirSync(cacheDir).filter((n) => n.endsWith('.rules.json') && readFileSync(join(cacheDir, n), 'utf8').includes('another write'))).toEqual([]);
    expect(over()).toEqual(cold);
  });

  it('writes again an extract file it keeps when it finds it damaged, even if no extract of it was read', () => {
    // Running projects (day-bound), their kept data lost: the next day analyzes them anew (same extracts, their
    // own), so nothing reads the damaged extract file; the shard is written all the same, and so is it.
    const projects = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`projects/p${i}.yaml`, PROJECT.replace('id: apollo', `id: p${i}`)]));
    const dir = makePortfolio(projects);
    const cacheDir = join(dir, '.pmo', 'cache');
    const on = (today: string) => pmo(['check', '--today', today, '-f', 'json'], { cwd: dir }).stdout;
    on('2026-11-20');
    const shard = readdirSync(cacheDir).find((n) => n.endsWith('.rejudge.json'))!.replace('.rejudge.json', '');
    writeCacheFile(join(cacheDir, `${shard}.rejudge.json`), { head: { id: 'another write' }, entries: [] });
    writeFileSync(join(cacheDir, `${shard}.rules.json`), 'damaged');
    expect(on('2026-11-21')).toBe(pmo(['check', '--today', '2026-11-21', '-f', 'json', '--no-cache'], { cwd: dir }).stdout);
    expect(damagedFiles(cacheDir)).toEqual([]);
    expect(readCacheFile(join(cacheDir, `${shard}.rules.json`)).head.id).toBe(readCacheFile(join(cacheDir, `${shard}.json`)).head.rules);
  });

  it('keeps itself out of git status', () => {
    const dir = makePortfolio({}, { git: true });
    run(dir);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('ignores a corrupt cache and rewrites it', () => {
    const dir = makePortfolio({ 'projects/apollo.yaml': PROJECT.replace('impact: 4', 'impact: 7') });
    const cold = run(dir);
    const file = join(dir, '.pmo', 'cache', 'check-cache.json');
    writeFileSync(file, '{"key": "truncated');
    expect(run(dir).stdout).toBe(cold.stdout);
    expect(damagedFiles(join(dir, '.pmo', 'cache'))).toEqual([]);
    expect(readCacheFile(file).head).toHaveProperty('key');
  });

  it('is invalidated when pmo.yaml changes what is valid', () => {
    const dir = makePortfolio();
    expect(run(dir).stdout).toBe('[]\n');
    writeFileSync(join(dir, 'pmo.yaml'), 'version: 1\nschema:\n  project:\n    required: [department]\n');
    expect(JSON.parse(run(dir).stdout).map((f: { rule: string }) => f.rule)).toEqual(['schema/required']);
  });

  it('re-checks cross-file references when only the other file changed', () => {
    const dir = makePortfolio();
    expect(run(dir).stdout).toBe('[]\n');
    writeFileSync(join(dir, 'people.yaml'), 'people:\n  - { id: asmith, name: Alex Smith }\n  - { id: bkim, name: Bo Kim }\n');
    const findings = JSON.parse(run(dir).stdout);
    expect(findings.every((f: { rule: string }) => f.rule === 'ref/unknown-person')).toBe(true);
    expect(findings.length).toBe(4); // manager, risk owner, team member and status author jdoe
  });

  it('--no-cache neither reads nor writes the cache', () => {
    const dir = makePortfolio();
    run(dir, '--no-cache');
    expect(existsSync(join(dir, '.pmo'))).toBe(false);
  });

  it('uses node_modules/.cache/pmo when the repo has node_modules', () => {
    const dir = makePortfolio({ 'node_modules/.keep': '' });
    run(dir);
    expect(readdirSync(join(dir, 'node_modules', '.cache', 'pmo'))).toContain('check-cache.json');
    expect(existsSync(join(dir, '.pmo'))).toBe(false);
  });
});
