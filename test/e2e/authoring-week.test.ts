/**
 * `pmo update`'s week of edits beyond the status (issue 16, part 1), on the heavily commented project: each
 * changes only the lines it means to, and every bad input is refused with nothing written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAVY, changedLines, heavyRepo, otherStderr } from '../helpers/authoring.js';
import { pmo } from '../helpers/cli.js';
import { PROJECT } from '../helpers/repo.js';

const TODAY = ['--today', '2026-11-20'];
const project = (dir: string, id = 'apollo') => readFileSync(join(dir, `projects/${id}.yaml`), 'utf8');

function update(args: string[], files = {}) {
  const dir = heavyRepo(files);
  const run = pmo(['update', 'apollo', ...args, ...TODAY], { cwd: dir });
  expect(otherStderr(run.stderr)).toBe('');
  expect(run.code).toBe(0);
  expect(pmo(['check', '--no-rules', ...TODAY], { cwd: dir }).code).toBe(0);
  return { dir, ...changedLines(HEAVY, project(dir)), stdout: run.stdout };
}

function refused(args: string[], message: string | RegExp, files = {}) {
  const dir = heavyRepo(files);
  const run = pmo(['update', 'apollo', ...args, ...TODAY], { cwd: dir });
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(project(dir)).toBe(HEAVY);
}

describe('pmo update: money, dates and sign-offs', () => {
  it('sets the budget actual and forecast and the forecast end in place, comments kept', () => {
    const { removed, added, stdout } = update(['--budget-actual', '350000', '--budget-forecast', '565000', '--forecast-end', '2026-12-31']);
    expect(removed).toEqual(['  forecast_end: 2026-11-15       # the PM\'s forecast', '  actual: 320000', '  forecast: 540000               # includes CR1']);
    expect(added).toEqual(['  forecast_end: 2026-12-31       # the PM\'s forecast', '  actual: 350000', '  forecast: 565000               # includes CR1']);
    expect(stdout).toBe('updated projects/apollo.yaml\n  budget: actual 350,000, forecast 565,000\n  forecast end 2026-11-15 → 2026-12-31\n');
  });

  it('records a sign-off after the dates, with its record', () => {
    const { removed, added } = update(['--approve', 'baseline', '--decided-by', 'asmith', '--date', '2026-11-19', '--record', 'records/apollo/baseline.md'], { 'records/apollo/baseline.md': '# Baseline\n' });
    expect(removed).toEqual([]);
    expect(added).toEqual(['approvals:', '  baseline:', '    by: asmith', '    on: 2026-11-19', '  baseline: records/apollo/baseline.md']);
  });

  it('refuses a sign-off without who signed, a record that is not there, an unknown person', () => {
    refused(['--approve', 'charter'], /--approve charter records a sign-off: say who signed with --decided-by/);
    refused(['--approve', 'charter', '--decided-by', 'asmith', '--record', 'records/apollo/nope.md'], /record records\/apollo\/nope.md: no such file/);
    refused(['--approve', 'charter', '--decided-by', 'asmiht'], /there is no person 'asmiht' in people.yaml; did you mean 'asmith'\?/);
    refused(['--approve', 'Charter!', '--decided-by', 'asmith'], /expected an approval name/);
    refused(['--approve', 'chrter', '--decided-by', 'asmith'], /--approve chrter: not a sign-off the gates look for \(charter, baseline\); did you mean 'charter'\?/);
    // 1,000 is an amount (thousands separated as finance writes them); 1,00 is not
    refused(['--budget-actual', '1,00'], /expected an amount/);
  });
});

describe('pmo update: what pmo check will say of the result', () => {
  it('warns before writing of a finding the edit brings, and says nothing of a clean one', () => {
    // 565,000 against the approved 500,000 is 13% over; budget_variance_pct is 10 (a controlling PMO: an error).
    const dir = heavyRepo();
    const over = pmo(['update', 'apollo', '--budget-forecast', '565000', ...TODAY], { cwd: dir });
    expect(over.code).toBe(0);
    expect(over.stderr).toBe(
      'pmo: warning: once written, pmo check reports projects/apollo.yaml: error budget-variance: the forecast 565,000 is 65,000 over the approved budget 500,000 (baseline 500,000 + approved changes 0): 13% over, the limit is 10%; raise a change request or re-plan\n',
    );
    // 545,000 is 9% over: within the limit, and the file already had nothing of the kind.
    const within = pmo(['update', 'apollo', '--budget-forecast', '545000', ...TODAY], { cwd: heavyRepo() });
    expect([within.code, within.stderr]).toEqual([0, '']);
  });
});

describe('pmo update: issues and change requests', () => {
  it('raises an issue with its severity, escalates and resolves one', () => {
    const raised = update(['--add-issue', 'Licences late', '--severity', 'high', '--owner', 'bkim', '--date', '2026-11-18']);
    expect(raised.added).toEqual(['  - { id: I2, title: Licences late, owner: bkim, severity: high, raised: 2026-11-18, status: open }']);
    const escalated = update(['--escalate-issue', 'I1', '--escalate-to', 'asmith', '--date', '2026-11-19']);
    expect(escalated.removed).toEqual(['  - { id: I1, title: Test environment unavailable, owner: bkim, raised: 2026-11-02, status: open }']);
    expect(escalated.added).toEqual(['  - { id: I1, title: Test environment unavailable, owner: bkim, raised: 2026-11-02, status: open, escalated: true, escalated_to: asmith, escalated_on: 2026-11-19 }']);
    refused(['--escalate-issue', 'I1'], /needs who it goes to: --escalate-to <person>/);
    refused(['--escalate-issue', 'I9', '--escalate-to', 'asmith'], /the project has no issue I9 \(it has I1\)/);
    refused(['--escalate-to', 'asmith'], /--escalate-to belongs with --escalate-issue/);
    refused(['--add-issue', 'X', '--severity', 'urgent'], /expected one of low, medium, high, critical/);
  });

  it('raises a change request with its impacts and the baselines it would move', () => {
    const { removed, added, stdout } = update(['--add-change', 'Add SSO', '--cost-impact', '25000', '--schedule-impact', '14', '--rebaselines', 'budget.baseline,dates.baseline_end', '--date', '2026-11-16']);
    expect(removed).toEqual([]);
    expect(added).toEqual(['  - id: CR2', '    title: Add SSO', '    cost_impact: 25000', '    schedule_impact_days: 14', '    status: proposed', '    raised: 2026-11-16', '    rebaselines: [budget.baseline, dates.baseline_end]']);
    expect(stdout).toContain('change request CR2 raised (cost 25,000, 14 days)');
    refused(['--cost-impact', '5'], /--cost-impact belongs with --add-change/);
    refused(['--add-change', 'X', '--rebaselines', 'budget.baselin'], /--rebaselines budget.baselin: a change re-baselines budget.baseline, dates.baseline_end or a milestone of the project \(M1, M2, M3\); did you mean 'budget.baseline'\?/);
  });
});

describe('pmo update: what a week adds', () => {
  it('adds a milestone with the next id, and a deliverable for it', () => {
    const { added } = update(['--add-milestone', 'Hypercare ends', '--baseline', '2026-12-31', '--add-deliverable', 'Hypercare report', '--milestone', 'M4']);
    expect(added).toEqual(['  - id: M4', '    name: Hypercare ends', '    baseline: 2026-12-31', '  - id: D2', '    name: Hypercare report', '    milestone: M4', '    acceptance:', '      status: pending']);
    refused(['--add-deliverable', 'X', '--milestone', 'M9'], /the project has no milestone M9 \(it has M1, M2, M3\)/);
    refused(['--add-milestone', 'X'], /needs its baseline date: --baseline <date>/);
  });

  it('adds a team member, a stakeholder, a KPI reading and a record', () => {
    const { added } = update(
      ['--add-member', 'bkim', '--role', 'Engineer', '--allocation', '40', '--member-from', '2026-12-01', '--add-stakeholder', 'Finance ops', '--interest', 'high', '--kpi', 'Defects open', '--value', '14', '--target', '10', '--add-record', 'minutes=records/apollo/minutes-2026-11-20.md'],
      { 'records/apollo/minutes-2026-11-20.md': '# Minutes\n' },
    );
    expect(added).toEqual([
      '  - { person: bkim, role: Engineer, allocation: 40, from: 2026-12-01 }',
      'stakeholders:',
      '  - name: Finance ops',
      '    interest: high',
      'kpis:',
      '  - name: Defects open',
      '    target: 10',
      '    actual: 14',
      '  minutes: records/apollo/minutes-2026-11-20.md',
    ]);
    refused(['--add-member', 'bkm', '--allocation', '10'], /there is no person 'bkm' in people.yaml; did you mean 'bkim'\?/);
    refused(['--add-member', 'bkim'], /needs the share of their time: --allocation <percent>/);
    refused(['--kpi', 'Defects', '--value', '3'], /the project has no KPI 'Defects'; give --target to add it/);
    refused(['--add-record', 'minutes'], /write it <name>=<path>/);
    refused(['--add-record', 'charter=records/apollo/other.md'], /no such file|is already/, { 'records/apollo/other.md': 'x' });
  });
});

describe('pmo update --from: a batch, all or nothing', () => {
  const BATCH = `# the week's updates
- project: apollo
  overall: red
  summary: Vendor blocked
  by: jdoe
- project: apollo
  milestone: M2
  forecast: 2026-12-29
- project: hermes
  add-risk: Key engineer leaves
  probability: 5
  impact: 4
  owner: jdoe
  mitigation: Pair up
`;
  const HERMES = PROJECT.replace('id: apollo', 'id: hermes').replace('records/apollo/', 'records/hermes/');

  it('writes every entry, several on one project in order', () => {
    const dir = heavyRepo({ 'projects/hermes.yaml': HERMES, 'records/hermes/charter.md': '# C\n', 'week.yaml': BATCH });
    const run = pmo(['update', '--from', 'week.yaml', ...TODAY], { cwd: dir });
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe('updated projects/apollo.yaml\n  status update 2026-11-20 (overall red)\n  milestone M2: forecast 2026-12-29\nupdated projects/hermes.yaml\n  risk R2 added (exposure 20)\n');
    expect(changedLines(HEAVY, project(dir)).added).toEqual(['    forecast: 2026-12-29         # moved by CR1', '  - date: 2026-11-20', '    by: jdoe', '    overall: red', '    summary: Vendor blocked']);
    expect(project(dir, 'hermes')).toContain('  - id: R2\n    title: Key engineer leaves');
  });

  it('takes JSON on stdin, and the project on the command line for entries that name none', () => {
    const dir = heavyRepo();
    const json = JSON.stringify([{ overall: 'green', next: ['Batch 5'] }, { close_risk: 'R1' }]);
    const run = pmo(['update', 'apollo', '--from', '-', ...TODAY], { cwd: dir, input: json });
    expect([run.code, otherStderr(run.stderr)]).toEqual([0, '']);
    expect(project(dir)).toContain('    status: closed');
  });

  it('writes no file when one entry is bad, and names the entry and its line', () => {
    const bad = (batch: string, message: RegExp) => {
      const dir = heavyRepo({ 'projects/hermes.yaml': HERMES, 'records/hermes/charter.md': '# C\n', 'week.yaml': batch });
      const run = pmo(['update', '--from', 'week.yaml', ...TODAY], { cwd: dir });
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain('nothing was written');
      expect(project(dir)).toBe(HEAVY);
      expect(project(dir, 'hermes')).toBe(HERMES);
    };
    bad(`${BATCH}- project: hermes\n  close-risk: R7\n`, /^pmo: week.yaml:15 \(entry 4, hermes\): the project has no risk R7 \(it has R1, R2\)/);
    bad(`${BATCH}- project: hermes\n  add-rsk: X\n`, /week.yaml:15 \(entry 4, hermes\): unknown option '--add-rsk'\n\(Did you mean --add-risk\?\)/);
    bad(`${BATCH}- project: hermse\n  overall: green\n`, /entry 4, hermse\): there is no project 'hermse'.*did you mean 'hermes'\?/);
    bad(`${BATCH}- overall: green\n`, /entry 4\): which project\?/);
    bad(`${BATCH}- project: hermes\n  dry-run: true\n`, /'dry-run' says how the whole batch runs/);
    bad('- project: apollo\n  overall: [\n', /^pmo: week.yaml:\d+: /);
    bad('project: apollo\n', /expected a list of updates/);
  });
});
