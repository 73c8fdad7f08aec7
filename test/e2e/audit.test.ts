/**
 * pmo audit record|action|done|verify|drop in real git repositories: the record freezes check's findings with the
 * SARIF fingerprints (stable across runs), edits keep the auditor's comments, --dry-run writes nothing, bad input
 * is refused (exit 2) with the file untouched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedLines } from '../helpers/authoring.js';
import { pmo } from '../helpers/cli.js';
import { GOALS, makeRepo, PEOPLE, PROJECT } from '../helpers/repo.js';

const DATE = ['--date', '2026-11-20'];
// apollo without a sponsor: one finding (sponsor-assigned) a record freezes.
const files = () => ({ 'people.yaml': PEOPLE, 'goals.yaml': GOALS, 'projects/apollo.yaml': PROJECT.replace('sponsor: asmith\n', ''), 'records/apollo/charter.md': '#' });

const COMMENTED = `# Q3 audit of the records (PMO board minute PB-2026-09)
id: 2026-q3
date: 2026-09-15
auditor: jdoe            # lead auditor
scope: all
findings:
  # found by hand: minutes are not a rule
  - id: F1
    message: Steering minutes not signed
    severity: warn
    project: apollo
    actions:
      - { id: A1, type: corrective, what: Sign the minutes, owner: bkim, due: 2026-10-01, state: open }   # chased twice
  - id: F2
    message: Risk register not reviewed
    severity: warn
`;

const audit = (dir: string, id = '2026-q3') => readFileSync(join(dir, `audits/${id}.yaml`), 'utf8');

describe('pmo audit record', () => {
  it("freezes check's errors and warnings with their SARIF fingerprints, the same on a second run", () => {
    const dir = makeRepo(files(), { git: true });
    const sarif = JSON.parse(pmo(['check', '--format', 'sarif', '--today', '2026-11-20'], { cwd: dir }).stdout);
    const results = sarif.runs[0].results as Array<{ level: string; partialFingerprints: Record<string, string> }>;
    const expected = results.filter((r) => r.level !== 'note').map((r) => Object.values(r.partialFingerprints)[0]);
    const first = pmo(['audit', 'record', '--auditor', 'jdoe', '--dry-run', ...DATE], { cwd: dir });
    const run = pmo(['audit', 'record', '--auditor', 'jdoe', ...DATE], { cwd: dir });
    expect([run.code, run.stderr, run.stdout]).toEqual([0, '', `recorded audits/2026-11-20.yaml: ${expected.length} findings from pmo check\n`]);
    const recorded = (text: string) => [...text.matchAll(/fingerprint: ([0-9a-f]{64})/g)].map((m) => m[1]);
    expect(recorded(audit(dir, '2026-11-20')).sort()).toEqual(expected.sort());
    expect(recorded(first.stdout)).toEqual(recorded(audit(dir, '2026-11-20')));
    expect(audit(dir, '2026-11-20')).toMatch(/ {2}- id: F\d+\n {4}rule: sponsor-assigned\n {4}project: apollo\n {4}file: projects\/apollo.yaml\n/);
    // Recorded again under another id, on the same data: the same fingerprints.
    expect(pmo(['audit', 'record', '--id', 'again', '--auditor', 'jdoe', ...DATE], { cwd: dir }).code).toBe(0);
    expect(recorded(audit(dir, 'again'))).toEqual(recorded(audit(dir, '2026-11-20')));
    expect(pmo(['check', '--today', '2026-11-20'], { cwd: dir }).stdout).not.toContain('audits/');
  });

  it('refuses an existing id, an unknown auditor and an unknown project in the scope, writing nothing', () => {
    const dir = makeRepo({ ...files(), 'audits/2026-q3.yaml': COMMENTED }, { git: true });
    const cases: Array<[string[], string]> = [
      [['--id', '2026-q3', '--auditor', 'jdoe'], 'pmo: audit 2026-q3 exists already (audits/2026-q3.yaml); give the new one another --id\n'],
      [['--auditor', 'jdo'], "pmo: --auditor jdo: there is no person 'jdo' in people.yaml; did you mean 'jdoe'?\n"],
      [['--auditor', 'jdoe', '--scope', 'apolo'], "pmo: --scope apolo: there is no project 'apolo'; did you mean 'apollo'?\n"],
      [[], 'pmo: pmo audit record needs --auditor <person>: who audits (a person id from people.yaml)\n'],
    ];
    for (const [args, stderr] of cases) {
      const run = pmo(['audit', 'record', ...args, ...DATE], { cwd: dir });
      expect([run.code, run.stderr]).toEqual([2, stderr]);
    }
    expect(audit(dir)).toBe(COMMENTED);
    expect(pmo(['audit', 'record', '--auditor', 'jdoe', '--scope', 'apollo', ...DATE], { cwd: dir }).code).toBe(0);
  });
});

describe('pmo audit action, done, verify, drop', () => {
  const edit = (args: string[]) => {
    const dir = makeRepo({ ...files(), 'audits/2026-q3.yaml': COMMENTED }, { git: true });
    const run = pmo(['audit', ...args], { cwd: dir });
    return { dir, run, ...changedLines(COMMENTED, audit(dir)) };
  };

  it('adds an action under its finding, with the next id of the audit, comments kept', () => {
    const { run, removed, added } = edit(['action', '2026-q3', 'F2', '--preventive', '--owner', 'jdoe', '--due', '2026-12-01', '--what', 'Monthly risk review', ...DATE]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe('updated audits/2026-q3.yaml\n  preventive action A2 on finding F2: Monthly risk review (jdoe, due 2026-12-01)\n');
    expect(removed).toEqual([]);
    expect(added).toEqual(['    actions:', '      - id: A2', '        type: preventive', '        what: Monthly risk review', '        owner: jdoe', '        due: 2026-12-01', '        state: open']);
  });

  it('marks done, then verifies, in the flow map as written, its trailing comment kept', () => {
    const { dir, removed, added } = edit(['done', '2026-q3', 'A1', '--date', '2026-10-02']);
    expect(removed).toEqual(['      - { id: A1, type: corrective, what: Sign the minutes, owner: bkim, due: 2026-10-01, state: open }   # chased twice']);
    expect(added).toEqual(['      - { id: A1, type: corrective, what: Sign the minutes, owner: bkim, due: 2026-10-01, state: done, done: 2026-10-02 }   # chased twice']);
    const verify = pmo(['audit', 'verify', '2026-q3', 'A1', '--by', 'jdoe', '--not-effective', '--note', 'Still unsigned', '--date', '2026-10-20'], { cwd: dir });
    expect([verify.code, verify.stderr]).toEqual([0, '']);
    expect(audit(dir)).toContain('state: verified, done: 2026-10-02, verification: { date: 2026-10-20, by: jdoe, effective: false, note: Still unsigned } }   # chased twice');
    expect(pmo(['check', '--no-rules', '--today', '2026-11-20'], { cwd: dir }).code).toBe(0);
  });

  it('--dry-run prints the diff and writes nothing', () => {
    const { dir, run } = edit(['drop', '2026-q3', 'A1', '--reason', 'Minutes replaced by recordings', '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('+      - { id: A1, type: corrective, what: Sign the minutes, owner: bkim, due: 2026-10-01, state: dropped, reason: Minutes replaced by recordings }');
    expect(audit(dir)).toBe(COMMENTED);
  });

  it('refuses bad input with exit 2 and a did-you-mean, writing nothing', () => {
    const cases: Array<[string[], string]> = [
      [['done', '2026-q4', 'A1'], "pmo: there is no audit '2026-q4' (no audits/2026-q4.yaml) (there are 2026-q3); did you mean '2026-q3'?\n"],
      [['done', '2026-q3', 'A7'], "pmo: the audit has no action A7 (it has A1); did you mean 'A1'?\n"],
      [['action', '2026-q3', 'F3', '--owner', 'jdoe', '--due', '2026-12-01', '--what', 'x'], "pmo: the audit has no finding F3 (it has F1, F2); did you mean 'F1'?\n"],
      [['action', '2026-q3', 'F2', '--owner', 'bkm', '--due', '2026-12-01', '--what', 'x'], "pmo: --owner bkm: there is no person 'bkm' in people.yaml; did you mean 'bkim'?\n"],
      [['action', '2026-q3', 'F2', '--owner', 'jdoe'], 'pmo: pmo audit action needs --due <date>, --what <text>\n'],
      [['verify', '2026-q3', 'A1', '--by', 'jdoe', '--effective'], 'pmo: action A1 is open: only a done action can be verified (mark it done first: pmo audit done <audit> A1)\n'],
      [['verify', '2026-q3', 'A1', '--by', 'jdoe'], 'pmo: pmo audit verify needs one of --effective or --not-effective: did the action work?\n'],
      [['drop', '2026-q3', 'A1'], 'pmo: pmo audit drop needs --reason <text>: why the action is dropped\n'],
    ];
    for (const [args, stderr] of cases) {
      const { dir, run } = edit(args);
      expect([run.code, run.stderr]).toEqual([2, stderr]);
      expect(audit(dir)).toBe(COMMENTED);
    }
  });

  it('refuses an audit file with YAML errors, naming file:line:column', () => {
    const dir = makeRepo({ ...files(), 'audits/2026-q3.yaml': COMMENTED.replace('severity: warn\n    project', 'severity: [warn\n    project') }, { git: true });
    const run = pmo(['audit', 'done', '2026-q3', 'A1'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pmo: audits\/2026-q3\.yaml has YAML errors, so pmo will not edit it .*\n {2}audits\/2026-q3\.yaml:\d+:\d+ {2}/);
  });
});

describe('pmo report audit: the actions', () => {
  it("counts, filtered to an audience, the actions on its projects' findings only", () => {
    const acme = new URL('../../examples/acme', import.meta.url).pathname;
    const run = pmo(['report', 'audit', '-C', acme, '--today', '2026-11-20', '-f', 'json', '--manager', 'tnguyen']);
    const { actions } = JSON.parse(run.stdout);
    // tnguyen manages crm-migration and hris-replacement; the Q3 audit's F4 is crm-migration's: A6 verified effective
    // 11 days after the audit (10-15 → 10-26), A7 dropped. F1-F3 (and F1's recurring finding) are other PMs'.
    expect(actions.summary).toEqual({
      actions: 2, open: 0, overdue: 0, done: 0, verified: 1, dropped: 1,
      closure_rate_pct: 100, median_days_to_close: 11, verified_effective_pct: 100, recurring: 0,
    });
    expect(actions.audits.map((a: { id: string; findings: Array<{ id: string }> }) => [a.id, a.findings.map((f) => f.id)])).toEqual([['2026-q3', ['F4']]]);
    expect(actions.recurring).toEqual([]);
  });

  it('counts, rates and the recurring finding of a recorded audit whose action was verified effective', () => {
    const dir = makeRepo(files(), { git: true });
    const step = (args: string[]) => expect(pmo(['audit', ...args], { cwd: dir }).code).toBe(0);
    step(['record', '--id', 'q4', '--auditor', 'asmith', '--date', '2026-11-01']);
    step(['action', 'q4', 'F1', '--owner', 'jdoe', '--due', '2026-11-10', '--what', 'Fix it', '--date', '2026-11-02']);
    step(['action', 'q4', 'F1', '--preventive', '--owner', 'jdoe', '--due', '2026-11-15', '--what', 'Keep it fixed']);
    step(['done', 'q4', 'A1', '--date', '2026-11-05']);
    step(['verify', 'q4', 'A1', '--by', 'asmith', '--effective', '--date', '2026-11-12']);
    const run = pmo(['report', 'audit', '--format', 'json', '--today', '2026-11-20'], { cwd: dir });
    expect(run.stderr).toBe('');
    const { actions } = JSON.parse(run.stdout);
    // A1 verified 4 days after the audit (11-01 → 11-05); A2 open, due 11-15: overdue on 11-20.
    expect(actions.summary).toEqual({
      actions: 2, open: 1, overdue: 1, done: 0, verified: 1, dropped: 0,
      closure_rate_pct: 50, median_days_to_close: 4, verified_effective_pct: 100, recurring: 1,
    });
    expect(actions.by_manager).toEqual([{ manager: 'jdoe', manager_name: 'Jane Doe', ...actions.summary, recurring: undefined }].map(({ recurring, ...m }) => m));
    expect(actions.recurring).toEqual([expect.objectContaining({ file: 'audits/q4.yaml', project: 'apollo', action: 'A1' })]);
    expect(actions.audits[0].findings[0].actions.map((a: { id: string; state: string; overdue: boolean; recurring: boolean }) => [a.id, a.state, a.overdue, a.recurring])).toEqual([
      ['A1', 'verified', false, true],
      ['A2', 'open', true, false],
    ]);
    const csv = pmo(['report', 'audit', '-f', 'csv', '--today', '2026-11-20'], { cwd: dir }).stdout.trim().split(/\r?\n/);
    expect(csv[0]!.endsWith(',actions_open,actions_overdue,actions_closure_rate_pct')).toBe(true);
    expect(csv[1]!.startsWith('apollo,') && csv[1]!.endsWith(',1,1,50')).toBe(true);
    const md = pmo(['report', 'audit', '--today', '2026-11-20'], { cwd: dir }).stdout;
    expect(md).toContain('2 actions on the findings of 1 audit: 1 open (1 overdue), 0 done, 1 verified, 0 dropped. Closure rate 50.0%; median 4.0 days from the audit to done; 100.0% of the verified ones effective; 1 recurring finding.');
  });
});
