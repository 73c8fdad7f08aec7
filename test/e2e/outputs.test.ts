/** Several formats in one run (`-f fmt:file`, `--output-file`) and GitHub's job summary, from the built CLI. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { PROJECT, makePortfolio } from '../helpers/repo.js';

const BAD = { 'projects/apollo.yaml': PROJECT.replace('impact: 4', 'impact: 7') };
const ARGS = ['check', '--today', '2026-11-20', '--no-rules'];

describe('pmo check with several outputs', () => {
  it('writes each format given a file to it, and the one without to stdout', () => {
    const dir = makePortfolio(BAD);
    const run = pmo([...ARGS, '-f', 'stylish', '-f', 'sarif:out/pmo.sarif', '--format', 'junit:out/pmo.xml', '-f', 'json:findings.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('impact must be an integer from 1 to 5, got 7');
    expect(run.stdout).not.toContain('<testsuites');
    const sarif = JSON.parse(readFileSync(join(dir, 'out/pmo.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['schema/invalid-value']);
    expect(readFileSync(join(dir, 'out/pmo.xml'), 'utf8')).toContain('<testsuites');
    expect(JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8'))).toMatchObject([{ rule: 'schema/invalid-value', line: 31 }]);
  });

  it('sends the format without a file to --output-file, leaving stdout empty', () => {
    const dir = makePortfolio(BAD);
    const run = pmo([...ARGS, '--format', 'gitlab', '--output-file', 'gl-code-quality.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'gl-code-quality.json'), 'utf8'))).toMatchObject([{ check_name: 'schema/invalid-value' }]);
  });

  it('refuses ambiguous or unknown outputs before checking anything', () => {
    const dir = makePortfolio(BAD);
    const two = pmo([...ARGS, '-f', 'json', '-f', 'sarif'], { cwd: dir });
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('only one format can go to stdout');
    expect(two.stderr).toContain('-f sarif:pmo.sarif');
    const unknown = pmo([...ARGS, '-f', 'xml:out.xml'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('expected one of stylish, json, sarif, junit, github, gitlab, markdown');
    const same = pmo([...ARGS, '-f', 'json:a.json', '-f', 'sarif:a.json'], { cwd: dir });
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('two formats would write');
    expect(pmo([...ARGS, '-f', 'json:a.json', '-o', 'b.json'], { cwd: dir }).code).toBe(2);
    expect(existsSync(join(dir, 'a.json'))).toBe(false);
  });

  it('appends the full list to $GITHUB_STEP_SUMMARY with the github format', () => {
    const dir = makePortfolio(BAD);
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '## Earlier step\n');
    const run = pmo([...ARGS, '-f', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(run.stdout).toContain('::error file=projects/apollo.yaml,line=31');
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('## Earlier step\n')).toBe(true); // appended, not replaced
    expect(text).toContain('| error | projects/apollo.yaml:31 |');
    expect(pmo([...ARGS, '-f', 'json'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } }).code).toBe(1);
    expect(readFileSync(summary, 'utf8')).toBe(text); // other formats leave it alone
  });
});

describe('the job summary limit', () => {
  it('cuts a summary over GitHub’s 1 MiB at a line, and says so', async () => {
    const { withinSummaryLimit } = await import('../../src/cli/outputs.js');
    const row = `| error | projects/p.yaml:1 | rule | ${'x'.repeat(200)} |`;
    const long = `### pmo check\n\n| severity | file:line | rule | message |\n|---|---|---|---|\n${Array.from({ length: 6000 }, () => row).join('\n')}\n`;
    const cut = withinSummaryLimit(long);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(1024 * 1024);
    expect(cut).toMatch(/\n\n_\d+ more lines left out: GitHub shows 1 MiB of a job summary/);
    expect(cut.split('\n').filter((l) => l.startsWith('| error')).every((l) => l === row)).toBe(true); // whole rows only
    expect(withinSummaryLimit('short\n')).toBe('short\n');
  });
});

describe('one output flag, -o/--output, for every command that writes a file', () => {
  it('is -o, --output <file> in check, report and schema, the old names kept, resolved where the command was typed, also with -C', () => {
    const dir = makePortfolio(BAD);
    const here = mkdtempSync(join(tmpdir(), 'pmo-here-'));
    try {
      const at = { cwd: here };
      expect(pmo([...ARGS, '-C', dir, '-f', 'json', '--output', 'check.json'], at).code).toBe(1);
      expect(JSON.parse(readFileSync(join(here, 'check.json'), 'utf8'))).toMatchObject([{ rule: 'schema/invalid-value' }]);
      expect(pmo([...ARGS, '-C', dir, '-f', 'json', '--output-file', 'old.json'], at).code).toBe(1);
      expect(existsSync(join(here, 'old.json'))).toBe(true);
      expect(pmo(['report', 'weekly', '-C', dir, '--today', '2026-11-20', '--output', 'weekly.md'], at).code).toBe(0);
      expect(readFileSync(join(here, 'weekly.md'), 'utf8')).toContain('# ');
      expect(pmo(['report', 'weekly', '-C', dir, '--today', '2026-11-20', '--out', 'old.md'], at).code).toBe(0);
      expect(existsSync(join(here, 'old.md'))).toBe(true);
      const schema = pmo(['schema', '-C', dir, '-o', 'schemas'], at);
      expect([schema.code, schema.stderr]).toEqual([0, '']);
      expect(existsSync(join(here, 'schemas', 'project.schema.json'))).toBe(true);
      expect(existsSync(join(dir, 'schemas'))).toBe(false);
      expect(pmo(['schema', '-C', dir, '--out', 'old-schemas'], at).code).toBe(0);
      expect(existsSync(join(here, 'old-schemas', 'project.schema.json'))).toBe(true);
      const both = pmo([...ARGS, '-C', dir, '-o', 'a.json', '--output-file', 'b.json'], at);
      expect([both.code, both.stderr]).toEqual([2, expect.stringContaining('--output and --output-file name the same thing')]);
      for (const command of ['check', 'report', 'schema']) expect(pmo([command, '--help']).stdout).toMatch(/-o, --output <(file|dir)>/);
    } finally {
      rmSync(here, { recursive: true, force: true });
    }
  });

  it('resolves check paths and --template where the command was typed, also with -C, like -o', () => {
    const dir = makePortfolio(BAD);
    const here = mkdtempSync(join(tmpdir(), 'pmo-here-'));
    try {
      const at = { cwd: here };
      // From outside the repo: the path names the repo's file as the shell sees it, relative to `here`.
      const typed = relative(here, join(dir, 'projects/apollo.yaml'));
      const one = pmo([...ARGS, '-C', dir, typed], at);
      expect([one.code, one.stderr]).toEqual([1, '']);
      expect(one.stdout).toContain('impact must be an integer from 1 to 5, got 7');
      // The same words relative to -C's directory name nothing here: outside the repository, exit 2.
      const asIfInside = pmo([...ARGS, '-C', dir, 'projects/apollo.yaml'], at);
      expect(asIfInside.code).toBe(2);
      expect(asIfInside.stderr).toContain('projects/apollo.yaml is outside the PMO repository');

      writeFileSync(join(here, 'mine.hbs'), '{{#each projects}}{{id}}{{/each}}');
      const clean = makePortfolio();
      writeFileSync(join(clean, 'in-repo.hbs'), '{{#each projects}}{{id}}{{/each}}');
      const report = pmo(['report', 'weekly', '-C', clean, '--today', '2026-11-20', '--template', 'mine.hbs'], at);
      expect([report.code, report.stderr, report.stdout]).toEqual([0, '', 'apollo']);
      // A template beside the repo's files is not found by a name relative to -C's directory either.
      const missing = pmo(['report', 'weekly', '-C', clean, '--today', '2026-11-20', '--template', 'in-repo.hbs'], at);
      expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('cannot read the template in-repo.hbs: no such file')]);
    } finally {
      rmSync(here, { recursive: true, force: true });
    }
  });
});
