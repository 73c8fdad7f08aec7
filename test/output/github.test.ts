/** `pmo check --format github`: workflow commands GitHub reads, escaped by its toolkit's rules, the worst first. */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { PLAIN } from '../../src/output/color.js';
import { githubSummary } from '../../src/output/formatters/index.js';
import { ruleCatalog } from '../../src/output/rule-info.js';
import { pmo } from '../helpers/cli.js';
import { CLEAN, TODAY, cleanRepo, findingsRepo } from './portfolio.js';

/** One rule of each severity: a notice on the project (line 1), warnings on M1 and M2, an error on R1. */
const RULES = `rules:
  progress-note:
    description: A note with every kind of hostile character.
    severity: info
    each: project
    assert: "false"
    message: "100% done\\r\\nnext: a, b"
  milestone-named:
    description: Milestones are checked.
    severity: warn
    each: milestone
    assert: "false"
    message: "milestone {{milestone.id}}"
  risk-checked:
    description: Risks are checked.
    severity: error
    each: risk
    assert: "false"
    message: "risk {{risk.id}}"
`;

function annotations(dir: string, args: string[] = []): string[] {
  const run = pmo(['check', '--today', TODAY, '--no-cache', '--format', 'github', ...args], { cwd: dir });
  expect(run.stderr).toBe('');
  return run.stdout.split('\n');
}

describe('pmo check --format github', () => {
  it('annotates errors first, then warnings, then notices, each kind in file order; then the totals', () => {
    expect(annotations(cleanRepo({ 'rules/ci.yaml': RULES }))).toEqual([
      '::error file=projects/apollo.yaml,line=30,col=5,endLine=30,endColumn=161,title=risk-checked::risk R1',
      '::error file=projects/apollo.yaml,line=31,col=5,endLine=31,endColumn=163,title=risk-checked::risk R2',
      '::warning file=projects/apollo.yaml,line=23,col=5,endLine=23,endColumn=99,title=milestone-named::milestone M1',
      '::warning file=projects/apollo.yaml,line=24,col=5,endLine=24,endColumn=102,title=milestone-named::milestone M2',
      '::warning file=projects/apollo.yaml,line=25,col=5,endLine=25,endColumn=94,title=milestone-named::milestone M3',
      // % and line breaks are escaped in the message; its : and , need not be.
      '::notice file=projects/apollo.yaml,line=3,col=5,endLine=3,endColumn=11,title=progress-note::100%25 done%0D%0Anext: a, b',
      'pmo check: 6 problems (2 errors, 3 warnings, 1 info) in 1 file',
      '',
    ]);
  });

  it('escapes : and , in properties (here a file name)', () => {
    const dir = cleanRepo({ 'projects/a,b:c.yaml': CLEAN.replace('id: apollo', 'id: "a,b:c"') });
    const lines = annotations(dir, ['projects/a,b:c.yaml']);
    expect(lines[0]).toMatch(/^::error file=projects\/a%2Cb%3Ac\.yaml,line=3,col=5,endLine=3,endColumn=12,title=schema\/invalid-value::id must be /);
  });

  it('says when GitHub will show only some of the annotations', () => {
    const extra = Array.from({ length: 11 }, (_, i) => `  - { id: X${i}, name: Extra, baseline: 2026-02-27, actual: 2026-02-27, weight: 1 }\n`);
    const lines = annotations(cleanRepo({ 'rules/ci.yaml': RULES, 'projects/apollo.yaml': CLEAN.replace('milestones:\n', `milestones:\n${extra.join('')}`) }));
    expect(lines.filter((l) => l.startsWith('::warning')).length).toBeGreaterThan(10);
    expect(lines.at(-2)).toMatch(/ in 1 file; GitHub annotates 10 of each kind, the job summary lists them all$/);
  });

  it('does not annotate waived findings, and counts them', () => {
    const lines = annotations(findingsRepo());
    expect(lines.filter((l) => l.includes('title=budget-variance'))).toEqual([]);
    expect(lines.at(-2)).toBe('pmo check: 6 problems (2 errors, 3 warnings, 1 info) in 2 files, 1 waived');
    // A message with a line break in it stays one command.
    expect(lines.filter((l) => l.startsWith('::warning file=projects/apollo.yaml,line=32,'))[0]).toMatch(/\\u0007late%0Aagain is next/);
  });

  it('has a Markdown job summary that lists every finding: the markdown format', async () => {
    const dir = findingsRepo();
    const result = await check({ cwd: dir, today: TODAY, cache: false });
    const summary = githubSummary(result.findings, { files: result.files, paint: PLAIN, showWaived: false, rule: await ruleCatalog(result) });
    expect(summary).toBe(pmo(['check', '--today', TODAY, '--format', 'markdown'], { cwd: dir }).stdout);
  });
});
