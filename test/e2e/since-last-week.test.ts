/**
 * The weekly's "Since last week" (issue 16, part 2), on a real git history: two weekly commits and the
 * expected moves worked out from the edits made between them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';
import { commitAt, gitAt } from '../helpers/history.js';
import { makePortfolio, PROJECT } from '../helpers/repo.js';

const HERMES = PROJECT.replace('id: apollo', 'id: hermes').replace('name: Apollo CRM migration', 'name: Hermes SSO').replace('phase: execution', 'phase: planning').replace('records/apollo/', 'records/hermes/');
const ZEUS = PROJECT.replace('id: apollo', 'id: zeus').replace('name: Apollo CRM migration', 'name: Zeus data lake').replace('records/apollo/', 'records/zeus/');

/** Week 46 committed on Friday 13 November; week 47's edits committed on Friday 20 November. */
function twoWeeks() {
  const dir = makePortfolio({ 'projects/hermes.yaml': HERMES, 'projects/zeus.yaml': ZEUS, 'records/hermes/charter.md': '# C\n', 'records/zeus/charter.md': '# C\n' });
  gitAt(dir, undefined, 'init', '-q', '-b', 'main');
  const first = commitAt(dir, '2026-11-13T17:00:00+00:00', 'week 46');
  const apollo = PROJECT
    // amber -> red, in a status update of the week
    .replace(/^status:[\s\S]*$/m, 'status:\n  - { date: 2026-11-13, by: jdoe, overall: amber }\n  - { date: 2026-11-20, by: jdoe, overall: red, summary: Vendor blocked }\n')
    // M2 forecast 2026-12-15 -> 2026-12-29: 14 days later
    .replace('forecast: 2026-12-15', 'forecast: 2026-12-29')
    // the forecast cost 540,000 -> 565,000
    .replace('forecast: 540000', 'forecast: 565000')
    // the forecast end 2026-11-15 -> 2026-12-31: 46 days (15 of November, 31 of December)
    .replace('forecast_end: 2026-11-15', 'forecast_end: 2026-12-31')
    // R1 closed; R2 raised at 5 x 4 = 20, at or over risk_high_exposure 15
    .replace('    status: open\n', '    status: closed\n  - { id: R2, title: Key engineer leaves, probability: 5, impact: 4, owner: jdoe, mitigation: Pair up, status: open }\n')
    // CR1 raised and approved in the week
    .replace('team:', 'changes:\n  - { id: CR1, title: Add SSO, cost_impact: 25000, schedule_impact_days: 14, status: approved, raised: 2026-11-16, decided_by: asmith, decided_on: 2026-11-19 }\nteam:');
  // hermes moves to execution and reports the week; zeus gives no update (its last is 2026-11-13).
  const hermes = HERMES.replace('phase: planning', 'phase: execution').replace(/^status:[\s\S]*$/m, 'status:\n  - { date: 2026-11-20, by: jdoe, overall: green }\n');
  commitAt(dir, '2026-11-20T17:00:00+00:00', 'week 47', { 'projects/apollo.yaml': apollo, 'projects/hermes.yaml': hermes });
  return { dir, first };
}

const weekly = (dir: string, ...args: string[]) => {
  const run = pmo(['report', 'weekly', '--today', '2026-11-20', '-f', 'json', '-C', dir, ...args]);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
};

describe('Since last week', () => {
  it('lists each move made in the week, from the commit a week before the report', () => {
    const { dir, first } = twoWeeks();
    const since = weekly(dir).since;
    expect(since).toMatchObject({ available: true, asked: '2026-11-13', day: '2026-11-13', commit: first, files_compared: 2 });
    const c = since.changes;
    const of = (id: string, name: string) => ({ project: id, project_name: name });
    const apollo = of('apollo', 'Apollo CRM migration');
    expect(c.rag_moves).toEqual([{ ...apollo, from: 'amber', to: 'red', direction: 'worse' }, { ...of('hermes', 'Hermes SSO'), from: 'amber', to: 'green', direction: 'better' }]);
    expect(c.newly_red).toEqual([{ ...apollo, from: 'amber' }]);
    expect(c.phase_changes).toEqual([{ ...of('hermes', 'Hermes SSO'), from: 'planning', to: 'execution' }]);
    expect(c.milestones_moved).toEqual([{ ...apollo, milestone: 'M2', name: 'Data migrated', from: '2026-12-15', to: '2026-12-29', days: 14 }]);
    expect(c.forecast_moves).toEqual([{ ...apollo, from: 540000, to: 565000, change: 25000, source: 'forecast' }]);
    expect(c.end_moves).toEqual([{ ...apollo, from: '2026-11-15', to: '2026-12-31', days: 46 }]);
    expect(c.new_high_risks).toEqual([{ ...apollo, risk: 'R2', title: 'Key engineer leaves', exposure: 20, owner: 'jdoe' }]);
    expect(c.risks_closed).toEqual([{ ...apollo, risk: 'R1', title: 'Vendor API rate limits slow the migration' }]);
    expect(c.changes_raised).toEqual([{ ...apollo, change: 'CR1', title: 'Add SSO', cost_impact: 25000, schedule_impact_days: 14 }]);
    expect(c.changes_decided).toEqual([{ ...apollo, change: 'CR1', title: 'Add SSO', decision: 'approved', decided_by: 'asmith' }]);
    expect(c.no_update).toEqual([{ ...of('zeus', 'Zeus data lake'), manager: { id: 'jdoe', name: 'Jane Doe' }, last_update: '2026-11-13' }]);
    expect([c.milestones_met, c.new_projects, c.unreadable]).toEqual([[], [], []]);
    const md = pmo(['report', 'weekly', '--today', '2026-11-20', '-C', dir]).stdout;
    expect(md).toContain('## Since last week');
    expect(md).toContain('- Apollo CRM migration (apollo) M2 Data migrated: 2026-12-15 → 2026-12-29, slipped 14 days');
  });

  it('compares with the commit --since names, follows the filters, and reads nothing unchanged', () => {
    const { dir, first } = twoWeeks();
    expect(weekly(dir, '--since', first).since).toMatchObject({ commit: first, files_compared: 2 });
    // Since the last commit: no file differs, none is read, nothing moved; zeus still owes its update.
    const head = weekly(dir, '--since', 'HEAD').since;
    expect(head).toMatchObject({ files_compared: 0, changed: false });
    const filtered = weekly(dir, '--project', 'hermes').since.changes;
    expect(filtered.rag_moves.map((m: { project: string }) => m.project)).toEqual(['hermes']);
    expect(filtered.no_update).toEqual([]);
    const bad = pmo(['report', 'weekly', '--since', 'nosuch', '-C', dir, '--today', '2026-11-20']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('git knows no commit named nosuch')]);
    expect(pmo(['report', 'audit', '--since', 'HEAD', '-C', dir]).code).toBe(2);
  });

  it('says when there is no history to compare with, and the report goes on', () => {
    const dir = makePortfolio();
    const since = weekly(dir).since;
    expect(since.available).toBe(false);
    expect(since.reason).toMatch(/git/);
  });

  it('pmo status --changes shows the moves after the table, and as JSON beside the rows', () => {
    const { dir } = twoWeeks();
    const run = pmo(['status', '--changes', '--today', '2026-11-20', '-C', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Since 2026-11-13');
    expect(run.stdout).toContain('    apollo: amber -> red (worse)');
    expect(run.stdout).toContain('    apollo M2: 2026-12-15 -> 2026-12-29 (slipped 14 days)');
    const json = JSON.parse(pmo(['status', '--changes', '--today', '2026-11-20', '-f', 'json', '-C', dir]).stdout);
    expect(json.since.changes.newly_red.map((m: { project: string }) => m.project)).toEqual(['apollo']);
    expect(json.projects).toHaveLength(3);
    expect(pmo(['status', '--since', 'HEAD', '-C', dir]).code).toBe(2);
    expect(readFileSync(join(dir, 'projects/apollo.yaml'), 'utf8')).toContain('overall: red');
  });
});
