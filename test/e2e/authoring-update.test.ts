/**
 * `pmo update` on a heavily commented project: each edit changes exactly the lines it means to, and nothing
 * else of the file (comments, blank lines, quoting, anchors, key order).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAVY, changedLines, heavyRepo, otherStderr } from '../helpers/authoring.js';
import { pmo } from '../helpers/cli.js';
import { git } from '../helpers/repo.js';

const TODAY = ['--today', '2026-11-20'];
const project = (dir: string) => readFileSync(join(dir, 'projects/apollo.yaml'), 'utf8');

/** Runs an update for real and returns the lines it changed; the file must still pass the schema. */
function update(args: string[], files = {}): { dir: string; removed: string[]; added: string[]; stdout: string } {
  const dir = heavyRepo(files);
  const run = pmo(['update', 'apollo', ...args, ...TODAY], { cwd: dir });
  expect(otherStderr(run.stderr)).toBe('');
  expect(run.code).toBe(0);
  expect(pmo(['check', '--no-rules', ...TODAY], { cwd: dir }).code).toBe(0);
  return { dir, ...changedLines(HEAVY, project(dir)), stdout: run.stdout };
}

describe('pmo update: the diff is only what it adds or changes', () => {
  it('appends a weekly status update after the last one, before the blank line and comment that follow', () => {
    const { removed, added, stdout } = update(['--overall', 'green', '--schedule', 'amber', '--summary', 'Quota raised: batch 4 running', '--next', 'Batch 5', '--next', 'Re-plan M3, with the sponsor', '--by', 'jdoe']);
    expect(removed).toEqual([]);
    expect(added).toEqual([
      '  - date: 2026-11-20',
      '    by: jdoe',
      '    overall: green',
      '    schedule: amber',
      '    summary: "Quota raised: batch 4 running"',
      '    next: [Batch 5, "Re-plan M3, with the sponsor"]',
    ]);
    expect(stdout).toBe('updated projects/apollo.yaml\n  status update 2026-11-20 (overall green, schedule amber)\n');
  });

  it("sets a milestone's forecast and progress in place, trailing comments kept in their column", () => {
    const { removed, added } = update(['--milestone', 'M2', '--forecast', '2026-12-20', '--progress', '75']);
    expect(removed).toEqual(['    forecast: 2026-12-15         # moved by CR1', '    progress: 60                 # percent']);
    expect(added).toEqual(['    forecast: 2026-12-20         # moved by CR1', '    progress: 75                 # percent']);
  });

  it("adds a milestone's actual date after its forecast (FORMAT.md's order), not at the end of the item", () => {
    const { removed, added, dir } = update(['--milestone', 'M2', '--actual', '2026-11-19']);
    expect(removed).toEqual([]);
    expect(added).toEqual(['    actual: 2026-11-19']);
    expect(project(dir)).toContain('    forecast: 2026-12-15         # moved by CR1\n    actual: 2026-11-19\n    progress: 60');
  });

  it('adds a risk with the next id, and closes one in place', () => {
    const added = update(['--add-risk', 'Key engineer leaves', '--probability', '2', '--impact', '3', '--mitigation', 'Pair on the loader']);
    expect(added.removed).toEqual([]);
    expect(added.added).toEqual(['  - id: R2', '    title: Key engineer leaves', '    probability: 2', '    impact: 3', '    mitigation: Pair on the loader', '    status: open']);
    expect(added.stdout).toContain('risk R2 added (exposure 6)');
    const closed = update(['--close-risk', 'R1']);
    expect(closed).toMatchObject({ removed: ['    status: open'], added: ['    status: closed'] });
  });

  it('adds and closes issues in the one-line style of the list', () => {
    const issues = update(['--add-issue', 'Licences late', '--owner', 'bkim', '--close-issue', 'I1']);
    expect(issues.removed).toEqual(['  - { id: I1, title: Test environment unavailable, owner: bkim, raised: 2026-11-02, status: open }']);
    expect(issues.added).toEqual([
      '  - { id: I1, title: Test environment unavailable, owner: bkim, raised: 2026-11-02, resolved: 2026-11-20, status: closed }',
      '  - { id: I2, title: Licences late, owner: bkim, raised: 2026-11-20, status: open }',
    ]);
  });

  it('records a change request decision and an acceptance, keeping the comments on those lines', () => {
    const { removed, added } = update(['--change', 'CR1', '--decision', 'approved', '--by', 'asmith', '--accept', 'D1', '--record', 'records/apollo/charter.md']);
    expect(removed).toEqual(['    acceptance: { status: pending }     # the sponsor accepts', '    status: proposed             # waiting for the board']);
    expect(added).toEqual([
      '    acceptance: { status: accepted, by: asmith, date: 2026-11-20, record: records/apollo/charter.md }     # the sponsor accepts',
      '    status: approved             # waiting for the board',
      '    decided_by: asmith',
      '    decided_on: 2026-11-20',
    ]);
  });

  it('keeps the quoting of a value it replaces, and leaves anchors and aliases alone', () => {
    const dir = heavyRepo({ 'projects/apollo.yaml': HEAVY.replace('phase: execution ', "phase: 'execution'") });
    const before = project(dir);
    expect(pmo(['update', 'apollo', '--phase', 'closing', ...TODAY], { cwd: dir }).code).toBe(0);
    const { removed, added } = changedLines(before, project(dir));
    const line = before.split('\n').find((l) => l.startsWith('phase:'))!;
    expect(line).toMatch(/^phase: 'execution' +# one of pmo.yaml's lifecycle$/);
    expect(removed).toEqual([line]);
    // Quoted as it was; the comment stays in its column.
    expect(added).toEqual([line.replace("'execution'", "'closing'  ")]);
    expect(project(dir)).toContain('  charter: &charter records/apollo/charter.md   # an anchor\n  steering: *charter ');
  });

  it('--dry-run prints the unified diff and writes nothing', () => {
    const dir = heavyRepo();
    const run = pmo(['update', 'apollo', '--milestone', 'M3', '--forecast', '2026-12-20', '--dry-run', ...TODAY], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        '--- a/projects/apollo.yaml',
        '+++ b/projects/apollo.yaml',
        '@@ -37,8 +37,9 @@',
        '     # M3 is the go-live.',
        '   - id: M3',
        '     name: Go-live',
        '     baseline: 2026-09-30',
        '+    forecast: 2026-12-20',
        ' ',
        ' deliverables:',
        '   - id: D1',
        '     name: Migrated CRM',
        '',
      ].join('\n'),
    );
    expect(project(dir)).toBe(HEAVY);
  });

  it('the --dry-run diff applies with git apply, giving the file the real run writes', () => {
    const dir = heavyRepo({}, { git: true });
    const args = ['update', 'apollo', '--overall', 'red', '--summary', 'Blocked', ...TODAY];
    const diff = pmo([...args, '--dry-run'], { cwd: dir }).stdout;
    writeFileSync(join(dir, 'change.diff'), diff);
    git(dir, 'apply', 'change.diff');
    const applied = project(dir);
    writeFileSync(join(dir, 'projects/apollo.yaml'), HEAVY);
    expect(pmo(args, { cwd: dir }).code).toBe(0);
    expect(project(dir)).toBe(applied);
  });
});

describe('pmo update --editor', () => {
  /** An $EDITOR that runs a shell script on the file it is given. */
  const editor = (dir: string, script: string) => {
    writeFileSync(join(dir, 'editor.sh'), `#!/bin/sh\n${script}\n`, { mode: 0o755 });
    return { EDITOR: join(dir, 'editor.sh'), VISUAL: '' };
  };

  it('appends the update written in $EDITOR, prefilled from the last one', () => {
    const dir = heavyRepo();
    const env = editor(dir, `cp "$1" "${join(dir, 'prefilled.yaml')}"\nsed -i -e 's/^summary: $/summary: Quota raised; batch 4 running/' -e 's/^  - $/  - Batch 5/' "$1"`);
    const run = pmo(['update', 'apollo', '--editor', ...TODAY], { cwd: dir, env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const prefilled = readFileSync(join(dir, 'prefilled.yaml'), 'utf8');
    expect(prefilled).toContain('# The last update, 2026-11-13, said: overall amber.\ndate: 2026-11-20\nby: jdoe\noverall: amber\n');
    expect(changedLines(HEAVY, project(dir)).added).toEqual(['  - date: 2026-11-20', '    by: jdoe', '    overall: amber', '    summary: Quota raised; batch 4 running', '    next: [Batch 5]']);
  });

  it('records nothing when the update is saved unchanged, and keeps a text with errors, saying where', () => {
    const dir = heavyRepo();
    const unchanged = pmo(['update', 'apollo', '--editor', ...TODAY], { cwd: dir, env: editor(dir, 'true') });
    expect(unchanged.code).toBe(0);
    expect(unchanged.stderr).toContain('the update was left unchanged; nothing was recorded');
    const broken = pmo(['update', 'apollo', '--editor', ...TODAY], { cwd: dir, env: editor(dir, `echo 'summary: [oops' >> "$1"`) });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/the update has YAML errors, so nothing was recorded; your text is kept in .*apollo-status\.yaml/);
    const typo = pmo(['update', 'apollo', '--editor', ...TODAY], { cwd: dir, env: editor(dir, `echo 'sumary: x' >> "$1"`) });
    expect(typo.stderr).toContain("unknown field 'sumary' in the update; did you mean 'summary'?");
    expect(project(dir)).toBe(HEAVY);
  });
});

describe('pmo update: what it refuses', () => {
  it('names the flags to give when it cannot ask (no terminal), and writes nothing', () => {
    const dir = heavyRepo();
    const none = pmo(['update', 'apollo'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--overall <green|amber|red>');
    expect(none.stderr).toContain('--editor');
    const half = pmo(['update', 'apollo', '--summary', 'Fine', '--add-risk', 'x', '--impact', '2'], { cwd: dir });
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('--overall <green|amber|red>');
    expect(half.stderr).toContain('--probability <1-5>');
    expect(half.stderr).not.toContain('--impact <1-5>');
    expect(project(dir)).toBe(HEAVY);
  });

  it('refuses unknown items and people, with the ids there are and a did-you-mean', () => {
    const dir = heavyRepo();
    const milestone = pmo(['update', 'apollo', '--milestone', 'M9', '--progress', '10'], { cwd: dir });
    expect(milestone.code).toBe(2);
    expect(milestone.stderr).toContain('the project has no milestone M9 (it has M1, M2, M3)');
    const person = pmo(['update', 'apollo', '--overall', 'green', '--by', 'jdeo'], { cwd: dir });
    expect(person.code).toBe(2);
    expect(person.stderr).toContain("--by jdeo: there is no person 'jdeo' in people.yaml; did you mean 'jdoe'?");
    const project_ = pmo(['update', 'apolo', '--overall', 'green'], { cwd: dir });
    expect(project_.stderr).toContain("there is no project 'apolo' (no projects/apolo.yaml); did you mean 'apollo'?");
    expect(project(dir)).toBe(HEAVY);
  });

  it('refuses a second status update on the same date, and an actual date in the future', () => {
    const dir = heavyRepo();
    expect(pmo(['update', 'apollo', '--overall', 'green', '--date', '2026-11-13'], { cwd: dir }).stderr).toContain('there is already a status update dated 2026-11-13');
    expect(pmo(['update', 'apollo', '--milestone', 'M2', '--actual', '2026-12-01', ...TODAY], { cwd: dir }).stderr).toContain('is in the future');
    expect(project(dir)).toBe(HEAVY);
  });

  it('refuses an edit that would make the file invalid, and lets through one that adds no error to those it had', () => {
    const dir = heavyRepo({ 'pmo.yaml': 'version: 1\nschema:\n  project:\n    required: [department]\n' });
    const early = pmo(['update', 'apollo', '--overall', 'green', '--date', '2026-11-01', ...TODAY], { cwd: dir });
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('the edit would not be valid, so nothing was written:');
    expect(early.stderr).toMatch(/projects\/apollo\.yaml:\d+:\d+ {2}status update 2026-11-01 comes after the update of 2026-11-13: .*\(dates\/order\)/);
    expect(project(dir)).toBe(HEAVY);
    // The file already lacks pmo.yaml's required department: that is the PM's to fix, and no reason to refuse.
    expect(pmo(['update', 'apollo', '--overall', 'green', ...TODAY], { cwd: dir }).code).toBe(0);
  });
});

describe('pmo update: hold, resume and cancel', () => {
  const check = (dir: string, today: string) =>
    (JSON.parse(pmo(['check', '-f', 'json', '--today', today], { cwd: dir }).stdout) as Array<{ rule: string; line: number }>).map((f) => f.rule);

  it('puts the project on hold with who decided and when to review; pmo check waits, then asks for the review', () => {
    const { dir, removed, added } = update(['--hold', 'Budget freeze until Q1', '--review-by', '2026-12-15', '--by', 'asmith', '--date', '2026-11-20']);
    expect(removed).toEqual([]);
    expect(added).toEqual(['holds:', '  - since: 2026-11-20', '    reason: Budget freeze until Q1', '    decided_by: asmith', '    review_by: 2026-12-15']);
    // M2 is forecast for 2026-12-15; a month later it would be overdue and the 11-13 status stale: held, neither is.
    const later = check(dir, '2027-01-14');
    expect(later).not.toContain('milestone-overdue');
    expect(later).not.toContain('status-fresh');
    expect(later).toContain('hold-review-due');
    expect(check(dir, '2026-12-15')).not.toContain('hold-review-due');
  });

  it('resumes: the hold gets its end and who decided; the project is judged as running again', () => {
    const { dir } = update(['--hold', 'Budget freeze', '--review-by', '2026-12-15', '--by', 'asmith', '--date', '2026-11-20']);
    const run = pmo(['update', 'apollo', '--resume', '--by', 'asmith', '--date', '2026-12-01', ...TODAY], { cwd: dir });
    expect([run.code, otherStderr(run.stderr)]).toEqual([0, '']);
    expect(project(dir)).toContain('    review_by: 2026-12-15\n    until: 2026-12-01\n    resumed_by: asmith\n');
    expect(check(dir, '2027-01-14')).toContain('status-fresh');
  });

  it('cancels: the decision recorded, and the project judged like a finished one (no status owed)', () => {
    const { dir, added } = update(['--cancel', 'Merged into hermes', '--by', 'asmith', '--date', '2026-11-20']);
    expect(added).toEqual(['cancelled:', '  on: 2026-11-20', '  reason: Merged into hermes', '  decided_by: asmith']);
    const later = check(dir, '2027-01-14');
    expect(later).not.toContain('status-fresh');
    expect(later).toContain('lessons-recorded');
  });

  it('refuses what makes no sense, saying why, and writes nothing', () => {
    const dir = heavyRepo();
    const refused = (args: string[]) => pmo(['update', 'apollo', ...args, ...TODAY], { cwd: dir });
    expect(refused(['--resume', '--by', 'asmith']).stderr).toContain('the project is not on hold');
    expect(refused(['--hold', 'x', '--by', 'asmith']).stderr).toContain('--review-by <date>');
    expect(refused(['--hold', 'x', '--review-by', '2026-12-01']).stderr).toContain('say who decided with --decided-by');
    expect(refused(['--cancel', 'x', '--resume', '--by', 'asmith']).stderr).toContain('one decision');
    expect(refused(['--cancel', 'x', '--by', 'nobody']).stderr).toContain("there is no person 'nobody'");
    expect(project(dir)).toBe(HEAVY);
  });
});

describe('pmo update: ratings carried, who wrote and who decided, and what it asks before writing', () => {
  /** The heavy project whose last update rates every dimension. */
  const RATED = HEAVY.replace('    overall: amber               # red next week if the quota is not raised\n', '    overall: amber               # red next week if the quota is not raised\n    schedule: red\n    cost: green\n    scope: amber\n');

  it("a new status update carries the last one's schedule, cost and scope ratings unless given", () => {
    const dir = heavyRepo({ 'projects/apollo.yaml': RATED });
    const run = pmo(['update', 'apollo', '--overall', 'green', '--schedule', 'amber', '--by', 'jdoe', ...TODAY], { cwd: dir });
    expect([run.code, otherStderr(run.stderr)]).toEqual([0, '']);
    expect(changedLines(RATED, project(dir)).added).toEqual([
      '  - date: 2026-11-20',
      '    by: jdoe',
      '    overall: green',
      '    schedule: amber',
      '    cost: green',
      '    scope: amber',
    ]);
    expect(run.stdout).toContain('status update 2026-11-20 (overall green, schedule amber, cost green, scope amber; cost and scope carried from 2026-11-13)');
  });

  it("--by is the status update's author, --decided-by who decided: one command, two people", () => {
    const dir = heavyRepo();
    const both = ['--overall', 'green', '--by', 'jdoe', '--change', 'CR1', '--decision', 'approved'];
    const muddled = pmo(['update', 'apollo', ...both, ...TODAY], { cwd: dir });
    expect(muddled.code).toBe(2);
    expect(muddled.stderr).toContain("--by names the status update's author: say who decided with --decided-by <person> (it may be the same person)");
    expect(project(dir)).toBe(HEAVY);
    const run = pmo(['update', 'apollo', ...both, '--decided-by', 'asmith', ...TODAY], { cwd: dir });
    expect([run.code, otherStderr(run.stderr)]).toEqual([0, '']);
    const { added } = changedLines(HEAVY, project(dir));
    expect(added).toContain('    by: jdoe');
    expect(added).toContain('    decided_by: asmith');
    expect(run.stdout).toContain('change request CR1 approved on 2026-11-20 by asmith');
    // Alone, --by still names who decided (there is no update to have written)
    const alone = heavyRepo();
    expect(pmo(['update', 'apollo', '--change', 'CR1', '--decision', 'rejected', '--by', 'asmith', ...TODAY], { cwd: alone }).code).toBe(0);
    expect(project(alone)).toContain('decided_by: asmith');
  });

  it('asks before writing what is likely a mistake, and says how to go on: --force writes it, with the warning and without the advice', () => {
    const closed = HEAVY.replace('phase: execution ', 'phase: closed    ');
    const cases: Array<[string, string[], string, string]> = [
      [closed, ['--overall', 'green'], 'apollo is closed: a status update is owed only by a running project', '--force'],
      [HEAVY, ['--phase', 'planning'], 'apollo would move back from execution to planning', '--force'],
      [HEAVY, ['--add-risk', 'Key engineer leaves', '--probability', '4', '--impact', '4', '--owner', 'jdoe'], 'risk R2 has exposure 16 (4 x 4, threshold 15) and no mitigation', '--mitigation "<text>"'],
    ];
    for (const [file, args, doubt, way] of cases) {
      const dir = heavyRepo({ 'projects/apollo.yaml': file });
      const refused = pmo(['update', 'apollo', ...args, ...TODAY], { cwd: dir });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(doubt);
      expect(refused.stderr).toContain(way);
      expect(refused.stderr).toContain('nothing was written');
      expect(project(dir)).toBe(file);
      const forced = pmo(['update', 'apollo', ...args, '--force', ...TODAY], { cwd: dir });
      expect(forced.code).toBe(0);
      expect(forced.stderr).toContain(`pmo: warning: ${doubt}`);
      // Written: no advice to give what was given
      expect(forced.stderr).toContain('(written anyway: --force)');
      expect(forced.stderr).not.toContain('give --force');
      expect(project(dir)).not.toBe(file);
    }
  });
});
