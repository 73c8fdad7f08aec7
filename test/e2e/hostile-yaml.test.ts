/**
 * YAML the `yaml` package parses but cannot turn into data (a merge key with a non-map value, an alias inside
 * its own anchor): a located finding in the work tree, in pmo.yaml, and in a committed version that the
 * history commands (log, trends, --as-of) read, never "internal error".
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, pmo } from '../helpers/cli.js';
import { commitAt, gitAt, withStatus } from '../helpers/history.js';
import { GOALS, makePortfolio, makeRepo, MINIMAL_CONFIG, PEOPLE, PROJECT, writeFiles } from '../helpers/repo.js';

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

// withStatus's project has 40 lines (PROJECT's 38 before `status:`, then the status list's 2); `extra:` is
// line 41 and `  <<: 5` line 42, the 5 at column 7.
const BAD_MERGE = `${withStatus('amber', '2026-10-09')}extra:\n  <<: 5\n`;

/** W41 (Fri 9 Oct) a good apollo; W42 (Fri 16 Oct) the merge key is committed; W43 (Fri 23 Oct) fixed, red. */
function history(): string {
  const dir = makeRepo({ 'people.yaml': PEOPLE, 'goals.yaml': GOALS, 'records/apollo/charter.md': '# Charter\n' });
  gitAt(dir, undefined, 'init', '-q', '-b', 'main');
  commitAt(dir, '2026-10-09T17:00:00+00:00', 'w41', { 'projects/apollo.yaml': withStatus('amber', '2026-10-09') });
  commitAt(dir, '2026-10-16T17:00:00+00:00', 'w42', { 'projects/apollo.yaml': BAD_MERGE });
  commitAt(dir, '2026-10-23T17:00:00+00:00', 'w43', { 'projects/apollo.yaml': withStatus('red', '2026-10-23') });
  temps.push(dir);
  return dir;
}

describe('a merge key whose value is not a map', () => {
  it('pmo check: a located yaml/merge-key finding, exit 1, and every output format prints', () => {
    const dir = history();
    writeFiles(dir, { 'projects/apollo.yaml': BAD_MERGE });
    const run = pmo(['check', '-C', dir, '--today', '2026-10-25', '-f', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout) as Array<{ file: string; line: number; column: number; rule: string }>;
    expect(findings.map((f) => [f.file, f.line, f.column, f.rule])).toEqual([['projects/apollo.yaml', 42, 7, 'yaml/merge-key']]);
    for (const format of ['stylish', 'sarif', 'junit', 'github', 'gitlab']) {
      const other = pmo(['check', '-C', dir, '--today', '2026-10-25', '-f', format]);
      expect([other.code, other.stderr], format).toEqual([1, '']);
    }
  });

  it('in pmo.yaml: exit 2, saying where, no internal error', () => {
    const dir = makeRepo({ 'pmo.yaml': `${MINIMAL_CONFIG}thresholds:\n  <<: [1, 2]\n` });
    temps.push(dir);
    const run = pmo(['check', '-C', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pmo.yaml:5:8  a merge key (<<) takes a map');
    expect(run.stderr).not.toContain('internal error');
  });

  it('committed: pmo log names the version that did not parse, trends and --as-of skip it with the finding', () => {
    const dir = history();
    const log = pmo(['log', 'apollo', '-C', dir]);
    expect(log.code).toBe(0);
    expect(log.stdout).toContain('the file did not parse at this commit: line 42: a merge key (<<) takes a map');

    const trends = pmo(['report', 'trends', '-C', dir, '--today', '2026-10-25', '--weeks', '3', '-f', 'json']);
    expect([trends.code, trends.stderr]).toEqual([0, '']);
    const points = (JSON.parse(trends.stdout) as { points: Array<{ label: string; values: { by_rag: Record<string, number>; left_out: number } }> }).points;
    expect(points.map((p) => [p.label, p.values.left_out, p.values.by_rag])).toEqual([
      ['2026-W41', 0, { green: 0, amber: 1, red: 0, none: 0 }],
      ['2026-W42', 1, { green: 0, amber: 0, red: 0, none: 0 }],
      ['2026-W43', 0, { green: 0, amber: 0, red: 1, none: 0 }],
    ]);

    const asOf = pmo(['check', '-C', dir, '--as-of', '2026-10-16', '-f', 'json']);
    expect(asOf.stderr).toBe('');
    expect((JSON.parse(asOf.stdout) as Array<{ rule: string; line: number }>).map((f) => [f.rule, f.line])).toContainEqual(['yaml/merge-key', 42]);
  });
});

describe('an alias inside the node its anchor names', () => {
  it('is yaml/alias-cycle at the alias, and JSON output does not crash', () => {
    const dir = makeRepo({ 'people.yaml': PEOPLE, 'goals.yaml': GOALS, 'projects/apollo.yaml': `${withStatus('amber', '2026-10-09')}loop: &r {a: *r}\n` });
    temps.push(dir);
    const run = pmo(['check', '-C', dir, '--today', '2026-10-25', '-f', 'json']);
    expect([run.code, run.stderr]).toEqual([1, '']);
    // Line 41 `loop: &r {a: *r}`: *r at column 14.
    expect((JSON.parse(run.stdout) as Array<{ rule: string; line: number; column: number }>).map((f) => [f.rule, f.line, f.column])).toEqual([['yaml/alias-cycle', 41, 14]]);
  });
});

describe('a file with 100,000 findings', () => {
  it('is reported in full as JSON, and readably as text: 50 a rule, then how many more', () => {
    // 100,000 keys the format does not know, each an unknown-field warning; the rest of the file is valid.
    const keys = Array.from({ length: 100000 }, (_, i) => `x${i}: 1`).join('\n');
    const dir = makeRepo({ 'people.yaml': PEOPLE, 'goals.yaml': GOALS, 'projects/apollo.yaml': `${withStatus('amber', '2026-10-09')}${keys}\n` });
    temps.push(dir);
    const json = pmo(['check', '-C', dir, '--today', '2026-10-12', '-f', 'json', '--no-cache']);
    expect(json.stderr).toBe('');
    const findings = JSON.parse(json.stdout) as Array<{ rule: string; line: number }>;
    expect(findings.filter((f) => f.rule === 'schema/unknown-field')).toHaveLength(100000);
    // withStatus's project has 40 lines: the keys are on lines 41 to 100,040.
    expect(findings.filter((f) => f.rule === 'schema/unknown-field').map((f) => f.line).slice(-1)).toEqual([100040]);
    const text = pmo(['check', '-C', dir, '--today', '2026-10-12', '--no-cache']);
    const lines = text.stdout.split('\n');
    expect(lines.filter((l) => l.endsWith('schema/unknown-field'))).toHaveLength(50);
    expect(text.stdout).toContain('... and 99950 more schema/unknown-field in this file (--format json lists every one)');
    expect(text.stdout).toMatch(/✖ 100\d{3} problems/); // the 100,000 and the project's few others
  });
});

describe('files that are not files, or too large to be PMO files', () => {
  it('pmo.yaml linked to /dev/zero, a FIFO among the projects, a 65 MiB project and rule file: exit 2 or a finding, never a hang', async () => {
    const { mkdirSync, symlinkSync, rmSync: rm, truncateSync, writeFileSync: write } = await import('node:fs');
    const { execFileSync } = await import('node:child_process');
    const { join } = await import('node:path');
    const dir = makeRepo({ 'people.yaml': PEOPLE, 'goals.yaml': GOALS, 'projects/apollo.yaml': withStatus('amber', '2026-10-09') });
    temps.push(dir);
    rm(join(dir, 'pmo.yaml'));
    symlinkSync('/dev/zero', join(dir, 'pmo.yaml'));
    const zero = pmo(['check', '-C', dir]);
    expect([zero.code, zero.stderr.trim()]).toEqual([2, 'pmo: pmo.yaml is not a regular file (a device, a pipe or a socket): pmo reads only files; replace it with one']);
    rm(join(dir, 'pmo.yaml'));
    write(join(dir, 'pmo.yaml'), MINIMAL_CONFIG);
    execFileSync('mkfifo', [join(dir, 'projects/pipe.yaml')]);
    const fifo = pmo(['check', '-C', dir, '--today', '2026-10-12', '-f', 'json']);
    expect(fifo.stderr).toBe('');
    const findings = JSON.parse(fifo.stdout) as Array<{ file: string; line: number; rule: string }>;
    expect(findings.filter((f) => f.file === 'projects/pipe.yaml').map((f) => [f.line, f.rule])).toEqual([[1, 'yaml/not-a-file']]);
    rm(join(dir, 'projects/pipe.yaml'));
    write(join(dir, 'projects/huge.yaml'), '');
    truncateSync(join(dir, 'projects/huge.yaml'), 65 * 1024 * 1024 + 1);
    // A data file too large to be one is a finding of its own, at its line 1; the rest is still checked.
    const huge = pmo(['check', '-C', dir, '--today', '2026-10-12', '-f', 'json']);
    expect([huge.code, huge.stderr]).toEqual([1, '']);
    const hugeFindings = JSON.parse(huge.stdout) as Array<{ file: string; line: number; rule: string; message: string }>;
    expect(hugeFindings.filter((f) => f.file === 'projects/huge.yaml').map((f) => [f.line, f.rule])).toEqual([[1, 'yaml/too-large']]);
    // (65 MiB and one byte: 65 * 1,048,576 + 1)
    expect(hugeFindings.find((f) => f.file === 'projects/huge.yaml')!.message).toContain('projects/huge.yaml is 68157441 bytes, more than pmo reads (64 MiB)');
    expect(hugeFindings.some((f) => f.file === 'projects/apollo.yaml')).toBe(true);
    // The weekly leaves it out and says so, instead of failing.
    const weekly = pmo(['report', 'weekly', '-C', dir, '--today', '2026-10-12', '-f', 'json']);
    expect([weekly.code, weekly.stderr]).toEqual([0, '']);
    expect(weekly.stdout).toContain('projects/huge.yaml');
    // Staged: git's index holds it, which no stat of the work tree sizes; the same finding, and no crash.
    gitAt(dir, undefined, 'init', '-q', '-b', 'main');
    gitAt(dir, undefined, 'add', '-A');
    const staged = pmo(['check', '-C', dir, '--staged', '--today', '2026-10-12', '-f', 'json']);
    expect([staged.code, staged.stderr]).toEqual([1, '']);
    expect((JSON.parse(staged.stdout) as Array<{ file: string; line: number; rule: string }>).filter((f) => f.file === 'projects/huge.yaml').map((f) => [f.line, f.rule])).toEqual([[1, 'yaml/too-large']]);
    // A rule file that large is configuration: the run stops, naming it.
    rm(join(dir, 'projects/huge.yaml'));
    write(join(dir, 'pmo.yaml'), `${MINIMAL_CONFIG}rulesets: [rules/*.yaml]\n`);
    mkdirSync(join(dir, 'rules'));
    write(join(dir, 'rules/big.yaml'), '');
    truncateSync(join(dir, 'rules/big.yaml'), 65 * 1024 * 1024 + 1);
    const rules = pmo(['check', '-C', dir, '--today', '2026-10-12']);
    expect(rules.code).toBe(2);
    expect(rules.stderr).toContain('rules/big.yaml is 68157441 bytes, more than pmo reads (64 MiB)');
  });

  it("a rule file that is not a file stops the run, as a broken one does: the PMO's rules are configuration", async () => {
    const { mkdirSync, symlinkSync } = await import('node:fs');
    const { execFileSync } = await import('node:child_process');
    const { join } = await import('node:path');
    const dir = makeRepo({ 'people.yaml': PEOPLE, 'goals.yaml': GOALS, 'projects/apollo.yaml': withStatus('amber', '2026-10-09') });
    temps.push(dir);
    mkdirSync(join(dir, 'rules'));
    // rulesets defaults to rules/*.yaml: a dangling link and a FIFO there were silently not rules before.
    symlinkSync('gone.yaml', join(dir, 'rules/governance.yaml'));
    execFileSync('mkfifo', [join(dir, 'rules/pipe.yaml')]);
    const run = pmo(['check', '-C', dir, '--today', '2026-10-12']);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toMatch(/^pmo: rules\/governance\.yaml, rules\/pipe\.yaml are not a file \(a folder, a device, a pipe, or a link to nothing\)/);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('a records folder pmo may not read', () => {
  it("is 'cannot be read', not 'does not exist': whether the record is there is unknown", async () => {
    const { chmodSync, readdirSync, statSync } = await import('node:fs');
    const { spawnSync } = await import('node:child_process');
    const { join } = await import('node:path');
    const dir = makePortfolio({ 'projects/apollo.yaml': PROJECT });
    // Root reads any folder whatever its mode: as root, pmo runs as nobody (setpriv), so that the mode counts.
    const asRoot = process.getuid?.() === 0;
    const setpriv = asRoot ? spawnSync('setpriv', ['--version']) : undefined;
    if (asRoot && setpriv?.status !== 0) {
      console.warn('skipped: running as root without setpriv (util-linux), so a folder mode cannot deny pmo');
      return;
    }
    // Everything readable by anyone (the temp folder is made 0700), then the record's folder by no one.
    const open = (path: string) => {
      chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
      if (statSync(path).isDirectory()) for (const name of readdirSync(path)) open(join(path, name));
    };
    open(dir);
    chmodSync(join(dir, 'records/apollo'), 0o000);
    try {
      const args = [BIN, 'check', '-C', dir, '--today', '2026-11-20', '--no-cache', '-f', 'json'];
      const run = asRoot
        ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...args], { encoding: 'utf8' })
        : spawnSync(process.execPath, args, { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const records = (JSON.parse(run.stdout) as Array<{ rule: string; message: string; line: number }>).filter((f) => f.rule.endsWith('-record'));
      // PROJECT's 38th line is `  charter: records/apollo/charter.md`.
      expect(records.map((f) => [f.rule, f.line, f.message])).toEqual([
        ['ref/unreadable-record', 38, "record 'charter': file 'records/apollo/charter.md' cannot be read: pmo may not list its folder 'records/apollo'; give it read access, or fix the path"],
      ]);
    } finally {
      chmodSync(join(dir, 'records/apollo'), 0o755);
    }
  });
});

describe('a rule file broken on every line', () => {
  it('stops the run naming its encoding and its first 20 YAML errors, in the time of a parse or two', async () => {
    const { readFileSync, writeFileSync: write, mkdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    // The example's rule file with one test case repeated 20,000 times and a bad UTF-8 sequence for its
    // first byte (the fuzz run of seed 77031 found it): 440,282 errors, 14 s, were listed before.
    const example = readFileSync(new URL('../../examples/acme/rules/governance.yaml', import.meta.url), 'utf8');
    const item = '        - { risk: { id: R1, status: open, probability: 5, impact: 4 } }\n';
    const huge = example.replace('      invalid:\n', `      invalid:\n${item.repeat(20_000)}`).slice(1);
    const dir = makeRepo({ 'people.yaml': PEOPLE, 'goals.yaml': GOALS, 'projects/apollo.yaml': withStatus('amber', '2026-10-09') });
    temps.push(dir);
    mkdirSync(join(dir, 'rules'));
    write(join(dir, 'rules/governance.yaml'), Buffer.concat([Buffer.from([0xe2, 0x82]), Buffer.from(huge)]));
    const run = pmo(['check', '-C', dir, '--today', '2026-10-12', '--no-cache']);
    expect([run.code, run.stdout]).toEqual([2, '']);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe("pmo: the PMO's rule files have errors, so nothing was checked:");
    expect(lines[1]).toBe('  rules/governance.yaml:1:1  this file is not valid UTF-8 (the first bad byte is here); save it with UTF-8 encoding  (yaml/encoding)');
    // A file past 256 KB is told its first 20 YAML errors as the parser found them (see syntax-errors.ts).
    expect(lines.slice(2).map((line) => /^ {2}rules\/governance\.yaml:\d+:\d+ {2}YAML syntax error: .*\(yaml\/syntax\)$/.test(line))).toEqual(Array(20).fill(true));
  });
});
