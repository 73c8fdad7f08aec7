/** What an adversarial review of pmo check found, each pinned by a test. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, pmo } from '../helpers/cli.js';
import { PROJECT, makePortfolio } from '../helpers/repo.js';

const TODAY = ['--today', '2026-11-20'];
const json = (stdout: string) => JSON.parse(stdout) as Array<{ file: string; rule: string; message: string; severity: string; waived?: unknown }>;

describe('hardening', () => {
  it('a reader that stops early (| head) ends the run quietly, whatever the output size', () => {
    const files = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [`projects/p${i}.yaml`, PROJECT.replace('id: apollo', `id: p${i}`).replace('impact: 4', 'impact: 9')]),
    );
    const dir = makePortfolio(files);
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" check --no-rules -f json --today 2026-11-20 | head -c 100`], { cwd: dir, encoding: 'utf8' });
    expect(run.stdout.length).toBe(100);
    expect(run.stderr).toBe('');
  });

  it('follows symbolic links to project and rule files', () => {
    const shared = mkdtempSync(join(tmpdir(), 'pmo-shared-'));
    writeFileSync(join(shared, 'zeus.yaml'), PROJECT.replace('id: apollo', 'id: zeus').replace('impact: 4', 'impact: 9'));
    const dir = makePortfolio();
    symlinkSync(join(shared, 'zeus.yaml'), join(dir, 'projects', 'zeus.yaml'));
    const run = pmo(['check', ...TODAY, '--no-rules', '-f', 'json'], { cwd: dir });
    expect(json(run.stdout).map((f) => [f.file, f.rule])).toEqual([['projects/zeus.yaml', 'schema/invalid-value']]);
  });

  it('a path that names no checked file is exit 2, not a green build', () => {
    const run = pmo(['check', ...TODAY, 'projects/nonexist.yaml'], { cwd: makePortfolio() });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('pmo: projects/nonexist.yaml names no file pmo checks (pmo.yaml, people.yaml, goals.yaml, waivers.yaml, projects/, requests/, audits/, rules/)\n');
  });

  it("pmo.yaml's typos in rules:, locked:, records:, trainings: and a lifecycle the rules do not know are warnings", () => {
    const config = 'version: 1\nlifecycle: [idea, build, done]\nrules:\n  milestone-overdu: off\nlocked: [budget-varaince]\nrecords:\n  biuld: [charter]\ntrainings:\n  required:\n    - { name: EVM, managers: { phase: biuld } }\n';
    const run = pmo(['check', ...TODAY, '-f', 'json', 'pmo.yaml'], { cwd: makePortfolio({ 'pmo.yaml': config, 'projects/apollo.yaml': PROJECT.replace('phase: execution', 'phase: build') }) });
    expect(json(run.stdout).map((f) => [f.rule, f.message])).toEqual([
      ['config/lifecycle', "the lifecycle has no 'planning', 'execution', 'closing': built-in rules that apply from those phases on never run (see pmo rules explain <id>); name the lifecycle's phases after them, or turn those rules off"],
      ['config/unknown-rule', "rules: names 'milestone-overdu', which is not a rule; did you mean 'milestone-overdue'?: its setting has no effect"],
      ['config/unknown-rule', "locked: names 'budget-varaince', which is not a rule; did you mean 'budget-variance'?: nothing is locked by it"],
      ['config/unknown-phase', "records: names phase 'biuld', which is not in the lifecycle (idea, build, done); did you mean 'build'?: its records are never required"],
      ['config/unknown-phase', "trainings: EVM is required from phase 'biuld', which is not in the lifecycle; did you mean 'build'?: no manager is ever required to hold it"],
    ]);
  });

  it('pmo gate will not call a project with an unknown phase ready', () => {
    const run = pmo(['gate', 'apollo', ...TODAY], { cwd: makePortfolio({ 'projects/apollo.yaml': PROJECT.replace('phase: execution', 'phase: exec') }) });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("projects/apollo.yaml has phase 'exec', which is not in the lifecycle");
  });

  it('a waiver cannot hide data errors, and one with an impossible expiry hides nothing', () => {
    const waivers = 'waivers:\n  - { rule: schema/invalid-value, project: apollo, reason: Later, approved_by: asmith, expires: 2027-01-31 }\n';
    const dir = makePortfolio({ 'projects/apollo.yaml': PROJECT.replace('impact: 4', 'impact: 9'), 'waivers.yaml': waivers });
    const findings = json(pmo(['check', ...TODAY, '-f', 'json'], { cwd: dir }).stdout).filter((f) => f.rule.includes('/'));
    expect(findings.map((f) => [f.rule, Boolean(f.waived)])).toContainEqual(['schema/invalid-value', false]);
    expect(findings.map((f) => f.rule)).toContain('waiver/locked');
  });

  it('a record path naming a folder, or a file:// URL, is not a record', () => {
    const project = PROJECT.replace('  charter: records/apollo/charter.md', '  charter: records/apollo\n  contract: file:///etc/passwd');
    const findings = json(pmo(['check', ...TODAY, '--no-rules', '-f', 'json'], { cwd: makePortfolio({ 'projects/apollo.yaml': project }) }).stdout);
    expect(findings.map((f) => f.rule)).toEqual(['ref/missing-record', 'ref/missing-record']);
  });

  it('the cache notices a same-size edit even when the mtime is set back', () => {
    const dir = makePortfolio({ 'projects/apollo.yaml': PROJECT.replace('impact: 4', 'impact: 9') });
    const file = join(dir, 'projects', 'apollo.yaml');
    const old = new Date('2026-01-01T00:00:00Z');
    utimesSync(file, old, old);
    const run = () => json(pmo(['check', ...TODAY, '--no-rules', '-f', 'json'], { cwd: dir }).stdout).map((f) => f.message);
    expect(run()).toEqual(['risk R1: impact must be an integer from 1 to 5, got 9']);
    execFileSync('sleep', ['2.2']); // past the racy window, so the stat is trusted from now on
    expect(run()).toEqual(['risk R1: impact must be an integer from 1 to 5, got 9']);
    writeFileSync(file, readFileSync(file, 'utf8').replace('impact: 9', 'impact: 8'));
    utimesSync(file, old, old);
    expect(run()).toEqual(['risk R1: impact must be an integer from 1 to 5, got 8']);
  });

  it('control characters in the data do not reach the terminal', () => {
    const project = PROJECT.replace('  - id: M2\n    name: Data migrated', '  - id: M2\n    name: "\\e[2K\\rFAKE OK"\n    progress: 200');
    const run = pmo(['check', ...TODAY, '--no-rules'], { cwd: makePortfolio({ 'projects/apollo.yaml': project.replace('    progress: 60\n', '') }) });
    expect(run.stdout).not.toMatch(/\u001b/);
    expect(run.stdout).toContain('milestone M2: progress must be a percentage from 0 to 100, got 200');
  });

  it('a folder where people.yaml belongs is a finding at its name, and the rest is still checked', () => {
    const dir = makePortfolio({ 'projects/apollo.yaml': PROJECT.replace('  - id: M2\n', '  - id: M2\n    weight: -1\n') });
    execFileSync('rm', [join(dir, 'people.yaml')]);
    mkdirSync(join(dir, 'people.yaml'));
    const run = pmo(['check', ...TODAY, '-f', 'json'], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([1, '']);
    const findings = JSON.parse(run.stdout) as Array<{ file: string; line: number; column: number; rule: string }>;
    expect(findings.map((f) => [f.file, f.line, f.column, f.rule])).toEqual([
      ['people.yaml', 1, 1, 'yaml/not-a-file'],
      ['projects/apollo.yaml', 23, 13, 'schema/invalid-value'],
    ]);
  });

  it('an alias to no anchor is a syntax error that says so, not an alias bomb', () => {
    const run = pmo(['check', ...TODAY, '--no-rules', '-f', 'json'], { cwd: makePortfolio({ 'projects/apollo.yaml': PROJECT.replace('manager: jdoe', 'manager: *nope') }) });
    const [finding] = json(run.stdout);
    expect(finding!.rule).toBe('yaml/syntax');
    expect(finding!.message).toContain('an alias (*name) must refer to an anchor (&name) defined before it');
  });

  it('old Mac line ends (a lone CR) count lines like YAML does', () => {
    const text = PROJECT.replace('impact: 4', 'impact: 9').replace(/\n/g, '\r');
    const run = pmo(['check', ...TODAY, '--no-rules', '-f', 'json'], { cwd: makePortfolio({ 'projects/apollo.yaml': text }) });
    expect(JSON.parse(run.stdout).map((f: { line: number; column: number }) => [f.line, f.column])).toEqual([[31, 13]]);
  });

  it('people.yaml written as a map is a schema error, not a flood of unknown people', () => {
    const run = pmo(['check', ...TODAY, '--no-rules', '-f', 'json'], { cwd: makePortfolio({ 'people.yaml': 'people:\n  jdoe: { name: Jane }\n' }) });
    expect(json(run.stdout).map((f) => [f.file, f.rule])).toEqual([['people.yaml', 'schema/invalid-value']]);
  });

  it('one project id in two files (x.yaml and x.yml) is a finding, and is counted once', () => {
    const dir = makePortfolio({ 'projects/apollo.yml': PROJECT });
    const run = pmo(['check', ...TODAY, '--no-rules', '-f', 'json'], { cwd: dir });
    expect(json(run.stdout).map((f) => [f.file, f.rule, f.message])).toEqual([
      ['projects/apollo.yml', 'schema/duplicate-file', 'projects/apollo.yml and projects/apollo.yaml are the same project id; keep one (this one is not read)'],
    ]);
  });
});
