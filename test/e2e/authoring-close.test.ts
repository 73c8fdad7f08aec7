/** Phase changes and closing: the gates judged first; a directive PMO refuses, `pmo close` walks its checklist. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAVY, changedLines, heavyRepo } from '../helpers/authoring.js';
import { pmo } from '../helpers/cli.js';

const TODAY = ['--today', '2026-11-20'];
const GATES = `gates:
  planning:  [charter-approved, sponsor-assigned]
  execution: [baseline-set, risks-identified, budget-approved]
  closing:   [deliverables-accepted]
  closed:    [lessons-recorded, final-report-filed]
`;
const config = (type: string, more = '') => `version: 1\npmo_type: ${type}\n${GATES}${more}`;
/** The heavy project with the sign-offs the planning and execution gates ask for. */
const APPROVED = HEAVY.replace('\nbudget:\n', '\napprovals:\n  charter: { by: asmith, on: 2026-01-03 }\n  baseline: { by: asmith, on: 2026-02-27 }\n\nbudget:\n');
const project = (dir: string) => readFileSync(join(dir, 'projects/apollo.yaml'), 'utf8');
const FINAL = { 'records/apollo/final-report.md': '# Final report\n' };
const CLOSE = ['close', 'apollo', '--actual-end', '2026-11-19', '--lesson', 'Book vendor quota before the peak', '--final-report', 'records/apollo/final-report.md', ...TODAY];

describe('pmo update --phase runs the gate check first', () => {
  it('a directive PMO refuses a phase change that fails its gate: exit 1, the checklist, nothing written', () => {
    const dir = heavyRepo({ 'pmo.yaml': config('directive'), 'projects/apollo.yaml': APPROVED });
    const run = pmo(['update', 'apollo', '--phase', 'closing', '--overall', 'green', ...TODAY], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('apollo: readiness for closing (now in execution)');
    expect(run.stdout).toContain('✖ deliverables-accepted');
    expect(run.stdout).toContain('deliverable D1 "Migrated CRM" is pending');
    expect(run.stderr).toContain("pmo: apollo does not pass the gates to closing, and a directive PMO's gates block the change; nothing was written");
    expect(project(dir)).toBe(APPROVED);
  });

  it('judges the gate on the project as the same command leaves it: accepting D1 in it lets the change through', () => {
    const dir = heavyRepo({ 'pmo.yaml': config('directive'), 'projects/apollo.yaml': APPROVED });
    const run = pmo(['update', 'apollo', '--accept', 'D1', '--by', 'asmith', '--record', 'records/apollo/charter.md', '--phase', 'closing', ...TODAY], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('phase execution → closing');
    expect(project(dir)).toContain('phase: closing                   # one of');
  });

  it('a controlling PMO warns and makes the change; pmo check then reports the failing criterion', () => {
    const dir = heavyRepo({ 'pmo.yaml': config('controlling'), 'projects/apollo.yaml': APPROVED });
    const run = pmo(['update', 'apollo', '--phase', 'closing', ...TODAY], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('pmo: warning: apollo does not pass the gates to closing');
    expect(changedLines(APPROVED, project(dir)).added).toEqual(["phase: closing                   # one of pmo.yaml's lifecycle"]);
    expect(pmo(['check', ...TODAY], { cwd: dir }).stdout).toContain('gate/closing');
  });
});

describe('pmo close walks the closing checklist', () => {
  it('names the flags for what is missing when it cannot ask, and writes nothing', () => {
    const dir = heavyRepo({ 'pmo.yaml': config('directive') });
    const run = pmo(['close', 'apollo', ...TODAY], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pmo: closing apollo needs these flags (pmo asks for them only at a terminal):');
    for (const flag of ['--lesson "<text>"', '--final-report <path>', '--actual-end <YYYY-MM-DD>']) expect(run.stderr).toContain(flag);
    expect(project(dir)).toBe(HEAVY);
  });

  it('refuses while a deliverable is not accepted, saying how to record it: exit 1, nothing written', () => {
    const dir = heavyRepo({ 'pmo.yaml': config('directive'), 'projects/apollo.yaml': APPROVED, ...FINAL });
    const run = pmo(CLOSE, { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✖ deliverables accepted: D1 is pending');
    expect(run.stdout).toContain('fix: pmo update apollo --accept D1 --decided-by <person> --record <path>');
    expect(run.stdout).toContain('✔ lessons learned: 1 recorded (1 now)');
    expect(run.stdout).toContain('✔ actual end: 2026-11-19 (recorded now)');
    expect(run.stderr).toContain('cannot be closed until every item of the checklist passes; nothing was written');
    expect(project(dir)).toBe(APPROVED);
  });

  it('closes when every item and the gates pass: the diff is the phase, the actual end, the report and the lesson', () => {
    // R1 stays open, handed over: a risk open at closure with no handover is an error pmo check would give
    const accepted = APPROVED.replace('acceptance: { status: pending }', 'acceptance: { status: accepted, by: asmith, date: 2026-11-18, record: records/apollo/charter.md }')
      .replace('    status: open\nissues:', '    status: open\n    handover: Operations watch the quota after go-live\nissues:');
    const dir = heavyRepo({ 'pmo.yaml': config('directive'), 'projects/apollo.yaml': accepted, ...FINAL });
    const dry = pmo([...CLOSE, '--dry-run'], { cwd: dir });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^--- a\/projects\/apollo\.yaml\n\+\+\+ b\/projects\/apollo\.yaml\n@@ /);
    expect(dry.stderr).toContain('✔ deliverables accepted: all 1 accepted');
    expect(project(dir)).toBe(accepted);

    const run = pmo(CLOSE, { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('apollo: closing checklist');
    expect(run.stdout).toContain('✔ final report: records/apollo/final-report.md (recorded now)');
    expect(run.stdout).toContain('✔ apollo is closed: projects/apollo.yaml updated');
    const { removed, added } = changedLines(accepted, project(dir));
    expect(removed).toEqual(["phase: execution                 # one of pmo.yaml's lifecycle", '  actual_end:                    # set when closed', 'lessons: []']);
    expect(added).toEqual([
      "phase: closed                    # one of pmo.yaml's lifecycle",
      '  actual_end: 2026-11-19         # set when closed',
      '  final_report: records/apollo/final-report.md',
      'lessons:',
      '  - title: Book vendor quota before the peak',
    ]);
    expect(pmo(['check', '--no-rules', ...TODAY], { cwd: dir }).code).toBe(0);
    expect(pmo(['close', 'apollo', ...TODAY], { cwd: dir }).stderr).toContain('apollo is already closed');
  });

  it('sets the phase only when the gates pass: a failing gate criterion refuses the close (exit 1), whatever the PMO type', () => {
    const accepted = APPROVED.replace('acceptance: { status: pending }', 'acceptance: { status: accepted, by: asmith, date: 2026-11-18, record: records/apollo/charter.md }');
    // R1 is open, with an owner but no handover note: risks-handed-over fails once the project is closed.
    const dir = heavyRepo({ 'pmo.yaml': config('supportive').replace('closed:    [lessons-recorded', 'closed:    [risks-handed-over, lessons-recorded'), 'projects/apollo.yaml': accepted, ...FINAL });
    const run = pmo(CLOSE, { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('apollo: readiness for closed');
    expect(run.stdout).toContain('✖ risks-handed-over');
    expect(run.stderr).toContain('apollo does not pass the gates to closed; nothing was written');
    expect(project(dir)).toBe(accepted);
  });

  it("asks for the records pmo.yaml requires at closed, taken by --record <name>=<path>; then pmo check finds none missing", () => {
    const accepted = APPROVED.replace('acceptance: { status: pending }', 'acceptance: { status: accepted, by: asmith, date: 2026-11-18, record: records/apollo/charter.md }')
      .replace('    status: open\nissues:', '    status: open\n    handover: Operations watch the quota after go-live\nissues:');
    const files = { 'pmo.yaml': config('directive', 'records:\n  closed: [acceptance]\n'), 'projects/apollo.yaml': accepted, ...FINAL };
    const dir = heavyRepo(files);
    const missing = pmo(CLOSE, { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--record acceptance=<path>  the 'acceptance' record pmo.yaml requires");
    expect(project(dir)).toBe(accepted);
    const unknown = pmo([...CLOSE, '--record', 'minutes=records/apollo/charter.md'], { cwd: dir });
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining("--record minutes=...: pmo.yaml requires no 'minutes' record (it requires acceptance)")]);

    const errorsOf = () => (JSON.parse(pmo(['check', '-f', 'json', ...TODAY], { cwd: dir }).stdout) as Array<{ rule: string; severity: string }>).filter((f) => f.severity === 'error').map((f) => f.rule);
    const before = errorsOf();
    const run = pmo([...CLOSE, '--record', 'acceptance=records/apollo/charter.md'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✔ record acceptance: records/apollo/charter.md (recorded now)');
    expect(run.stdout).toContain('✔ nothing else pmo check judges at closed: no other error');
    expect(changedLines(accepted, project(dir)).added).toContain('  acceptance: records/apollo/charter.md');
    // Closed, the project fails no check it did not fail before (the slip of its end was there already)
    expect(errorsOf().filter((rule) => !before.includes(rule))).toEqual([]);
  });

  it('refuses (exit 1) when pmo check would give the closed project an error no gate names: a risk left open with no handover', () => {
    const accepted = APPROVED.replace('acceptance: { status: pending }', 'acceptance: { status: accepted, by: asmith, date: 2026-11-18, record: records/apollo/charter.md }');
    // directive: every rule is an error; R1 is open with no handover note, and no gate names risks-handed-over
    const dir = heavyRepo({ 'pmo.yaml': config('directive'), 'projects/apollo.yaml': accepted, ...FINAL });
    const run = pmo(CLOSE, { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✖ risks-handed-over: to enter closed, risk R1 "Vendor API rate limits slow the migration" (exposure 16) is still open at closure with no handover');
    expect(run.stdout).toContain('fix: what the message says (pmo rules explain risks-handed-over), or a waiver the PMO approves');
    expect(run.stderr).toContain('cannot be closed until every item of the checklist passes; nothing was written');
    expect(project(dir)).toBe(accepted);
  });

  it("is not held back by what is wrong with another project's waiver", () => {
    const accepted = APPROVED.replace('acceptance: { status: pending }', 'acceptance: { status: accepted, by: asmith, date: 2026-11-18, record: records/apollo/charter.md }')
      .replace('    status: open\nissues:', '    status: open\n    handover: Operations watch the quota after go-live\nissues:');
    // zeus's waiver expired on the 10th: pmo check reports it on waivers.yaml, whatever apollo does
    const waivers = 'waivers:\n  - rule: budget-variance\n    project: zeus\n    reason: Price rise accepted\n    approved_by: asmith\n    expires: 2026-11-10\n';
    const dir = heavyRepo({ 'pmo.yaml': config('directive'), 'projects/apollo.yaml': accepted, 'waivers.yaml': waivers, ...FINAL });
    expect(pmo(['check', ...TODAY], { cwd: dir }).stdout).toContain('waiver/expired');
    const run = pmo(CLOSE, { cwd: dir });
    expect(run.stdout).not.toContain('waiver/expired');
    expect([run.code, run.stderr]).toEqual([0, '']);
  });

  it('skips the items whose rules pmo.yaml turns off', () => {
    const dir = heavyRepo({ 'pmo.yaml': 'version: 1\nrules:\n  lessons-recorded: off\n  final-report-filed: off\n  deliverables-accepted: off\n  acceptance-evidence: off\n' });
    const run = pmo(['close', 'apollo', '--actual-end', '2026-11-19', ...TODAY], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('lessons learned');
    expect(run.stdout).toContain('✔ actual end: 2026-11-19 (recorded now)');
    expect(project(dir)).toContain('phase: closed ');
  });

  it('refuses a final report that is not in the repository, and an actual end in the future', () => {
    const dir = heavyRepo();
    expect(pmo([...CLOSE], { cwd: dir }).stderr).toContain('--final-report records/apollo/final-report.md: no such file in the repository; write the report first');
    const future = pmo(['close', 'apollo', '--actual-end', '2026-12-01', '--lesson', 'x', '--final-report', 'records/apollo/charter.md', ...TODAY], { cwd: dir });
    expect(future.stderr).toContain('--actual-end 2026-12-01 is in the future (today is 2026-11-20)');
    expect(project(dir)).toBe(HEAVY);
  });
});
