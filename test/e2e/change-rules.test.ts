/** The rules that read history: baselines move only with an approved change request; red comes with a cause. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { git, makePortfolio, PROJECT } from '../helpers/repo.js';

type Finding = { file: string; line: number; rule: string; severity: string; message: string; item?: string; waived?: unknown };
const check = (dir: string, args: string[]) => {
  const run = pmo(['check', '-C', dir, '--today', '2026-11-20', '-f', 'json', ...args]);
  return { code: run.code, findings: JSON.parse(run.stdout || '[]') as Finding[], stderr: run.stderr };
};
const ruleOf = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

const CR = (rebaselines: string) => `changes:
  - id: CR1
    title: Re-plan after the vendor delay
    status: approved
    raised: 2026-11-02
    decided_by: asmith
    decided_on: 2026-11-10
    rebaselines: [${rebaselines}]
`;
const withChange = (project: string, rebaselines: string) => project.replace('team:', `${CR(rebaselines)}team:`);

function stage(dir: string, text: string): void {
  writeFileSync(join(dir, 'projects/apollo.yaml'), text);
  git(dir, 'add', 'projects/apollo.yaml');
}

describe('rebaseline-approved', () => {
  it('reports a moved baseline end in a staged change, at its line, until an approved change request names it', () => {
    const dir = makePortfolio({}, { git: true });
    const moved = PROJECT.replace('baseline_end: 2026-09-30', 'baseline_end: 2026-10-31');
    stage(dir, moved);
    const run = check(dir, ['--staged']);
    expect(ruleOf(run.findings, 'rebaseline-approved')).toEqual([
      expect.objectContaining({
        file: 'projects/apollo.yaml',
        line: 10, // dates.baseline_end's value
        column: 17,
        severity: 'error',
        message: "the baseline end moved from 2026-09-30 to 2026-10-31 without an approved change request naming it: add one, with 'dates.baseline_end' under its rebaselines",
      }),
    ]);
    expect(run.code).toBe(1);
    stage(dir, withChange(moved, 'dates.baseline_end'));
    expect(ruleOf(check(dir, ['--staged']).findings, 'rebaseline-approved')).toEqual([]);
    // A change request still proposed approves nothing
    stage(dir, withChange(moved, 'dates.baseline_end').replace('status: approved', 'status: proposed'));
    expect(ruleOf(check(dir, ['--staged']).findings, 'rebaseline-approved')).toHaveLength(1);
  });

  it("names a milestone by its id, and the budget; a new milestone or project moves nothing", () => {
    const dir = makePortfolio({}, { git: true });
    const moved = PROJECT.replace('baseline: 2026-07-31', 'baseline: 2026-08-31').replace('baseline: 500000', 'baseline: 550000')
      .replace('milestones:\n', 'milestones:\n  - { id: M0, name: Kick-off, baseline: 2026-01-10, actual: 2026-01-12 }\n');
    stage(dir, moved);
    expect(ruleOf(check(dir, ['--staged']).findings, 'rebaseline-approved').map((f) => [f.item ?? null, f.message.split(' without')[0]])).toEqual([
      [null, 'the baseline budget moved from 500000 to 550000'],
      ['M2', "milestone M2's baseline moved from 2026-07-31 to 2026-08-31"],
    ]);
    stage(dir, withChange(moved, 'budget.baseline, M2'));
    expect(ruleOf(check(dir, ['--staged']).findings, 'rebaseline-approved')).toEqual([]);
    writeFileSync(join(dir, 'projects/zeus.yaml'), PROJECT.replace('id: apollo', 'id: zeus'));
    git(dir, 'add', 'projects/zeus.yaml');
    expect(ruleOf(check(dir, ['--staged']).findings, 'rebaseline-approved')).toEqual([]);
  });

  it('judges no change whose data fails its schema or its YAML: those findings come first', () => {
    const dir = makePortfolio({}, { git: true });
    // The baseline moved, but the milestones are a map and the status a text: only the schema speaks.
    stage(dir, PROJECT.replace('baseline_end: 2026-09-30', 'baseline_end: 2026-10-31').replace(/^milestones:\n(?: {2}.*\n)+/m, 'milestones: { M1: done }\n').replace(/^status:\n(?: {2}.*\n)+/m, 'status: red\n'));
    const invalid = check(dir, ['--staged']);
    expect(invalid.stderr).toBe('');
    expect(invalid.findings.map((f) => f.rule)).toEqual(['schema/invalid-value', 'schema/invalid-value']);
    stage(dir, `${PROJECT.replace('baseline_end: 2026-09-30', 'baseline_end: 2026-10-31')}  broken: [\n`);
    const broken = check(dir, ['--staged']);
    expect(broken.stderr).toBe('');
    expect(new Set(broken.findings.map((f) => f.rule))).toEqual(new Set(['yaml/syntax']));
  });

  it('--base judges the branch against its merge base and reports the whole repository; a waiver hides it', () => {
    const dir = makePortfolio({}, { git: true });
    git(dir, 'checkout', '-q', '-b', 'replan');
    writeFileSync(join(dir, 'projects/apollo.yaml'), PROJECT.replace('baseline_end: 2026-09-30', 'baseline_end: 2026-12-31'));
    git(dir, 'commit', '-qam', 'quietly move the baseline');
    expect(ruleOf(check(dir, []).findings, 'rebaseline-approved')).toEqual([]); // no base, no change rules
    expect(ruleOf(check(dir, ['--base', 'main']).findings, 'rebaseline-approved')).toHaveLength(1);
    expect(ruleOf(check(dir, ['--changed-since', 'main']).findings, 'rebaseline-approved')).toHaveLength(1);
    writeFileSync(join(dir, 'waivers.yaml'), 'waivers:\n  - { rule: rebaseline-approved, project: apollo, reason: Board approved on 2026-11-18, approved_by: asmith, expires: 2026-12-31 }\n');
    const waived = ruleOf(check(dir, ['--base', 'main']).findings, 'rebaseline-approved');
    expect(waived.every((f) => f.waived)).toBe(true);
    const both = pmo(['check', '-C', dir, '--base', 'main', '--staged']);
    expect([both.code, both.stderr]).toEqual([2, expect.stringContaining('do not go together')]);
  });
});

describe('red-has-cause', () => {
  it('warns when a project turns red without a new issue or risk in the same change', () => {
    const dir = makePortfolio({}, { git: true });
    const red = PROJECT.replace('overall: amber', 'overall: red');
    stage(dir, red);
    expect(ruleOf(check(dir, ['--staged']).findings, 'red-has-cause')).toEqual([
      expect.objectContaining({ severity: 'warn', message: 'the project turned red (from amber) without a cause in the same change (a new issue or risk, an issue escalated, a risk re-scored up): log the cause in the RAID log' }),
    ]);
    stage(dir, red.replace('team:', 'issues:\n  - { id: I1, title: Test environment down, owner: jdoe, raised: 2026-11-19, status: open }\nteam:'));
    expect(ruleOf(check(dir, ['--staged']).findings, 'red-has-cause')).toEqual([]);
  });

  it('takes an existing risk re-scored up, or an existing issue escalated, as the cause; a risk scored down is none', () => {
    const issue = 'issues:\n  - { id: I1, title: Test environment down, owner: jdoe, raised: 2026-11-02, status: open }\nteam:';
    const dir = makePortfolio({ 'projects/apollo.yaml': PROJECT.replace('team:', issue) }, { git: true });
    const red = PROJECT.replace('team:', issue).replace('overall: amber', 'overall: red');
    const verdict = (text: string) => ruleOf((stage(dir, text), check(dir, ['--staged'])).findings, 'red-has-cause').length;
    // R1 is 4 x 4 = 16 at the base: 5 x 4 = 20 is up, 3 x 4 = 12 is down.
    expect(verdict(red.replace('probability: 4', 'probability: 5'))).toBe(0);
    expect(verdict(red.replace('probability: 4', 'probability: 3'))).toBe(1);
    expect(verdict(red.replace('status: open }', 'status: open, escalated: true }'))).toBe(0);
    expect(verdict(red)).toBe(1);
  });
});
