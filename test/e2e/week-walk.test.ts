/**
 * docs/authoring.md's week, run as written on a real git repository (issue 16's "done when"): every command of
 * the walk, a dated commit after each day's edits, and then Friday's "Since last week" held to the changes the
 * walk made, worked out by hand below. The commands are read from the doc, so the doc cannot drift from it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { otherStderr } from '../helpers/authoring.js';
import { pmo } from '../helpers/cli.js';
import { commitAt, gitAt } from '../helpers/history.js';
import { MINIMAL_CONFIG, PROJECT, makePortfolio } from '../helpers/repo.js';

const DOC = readFileSync(fileURLToPath(new URL('../../docs/authoring.md', import.meta.url)), 'utf8');
const WALK = DOC.slice(DOC.indexOf('## A week without a text editor'), DOC.indexOf('## What an edit keeps'));

/** The walk's commands in order, and its batch file. */
const COMMANDS = [...WALK.matchAll(/^\$ (pmo .*)$/gm)].map((m) => m[1]!);
const BATCH = /```yaml\n# week-47\.yaml\n([\s\S]*?)```/.exec(WALK)![1]!;

/** The words of a command as a shell splits them (plain, "double" and 'single' quoted). */
function words(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

const CONFIG = `${MINIMAL_CONFIG}schema:\n  project:\n    properties:\n      department: { type: string }\n`;
const project = (id: string, name: string, department: string, phase = 'execution') =>
  PROJECT.replace('id: apollo', `id: ${id}`)
    .replace('name: Apollo CRM migration', `name: ${name}\ndepartment: ${department}`)
    .replace('phase: execution', `phase: ${phase}`)
    .replace('records/apollo/', `records/${id}/`);

/** Set up at the end of October; week 46's status committed on Friday 13 November. */
function portfolio(): string {
  const dir = makePortfolio({
    'pmo.yaml': CONFIG,
    'projects/apollo.yaml': project('apollo', 'Apollo CRM migration', 'IT'),
    'projects/hermes.yaml': project('hermes', 'Hermes SSO', 'Finance', 'planning'),
    'projects/zeus.yaml': project('zeus', 'Zeus data lake', 'IT'),
    'records/hermes/charter.md': '# Charter\n',
    'records/zeus/charter.md': '# Charter\n',
    'records/hermes/baseline.md': '# Baseline\n',
    'records/apollo/minutes-2026-11-18.md': '# Minutes\n',
  });
  gitAt(dir, undefined, 'init', '-q', '-b', 'main');
  commitAt(dir, '2026-10-30T17:00:00+00:00', 'the portfolio, set up');
  commitAt(dir, '2026-11-13T17:00:00+00:00', 'week 46', { 'week-47.yaml': BATCH });
  return dir;
}

const REPORTS = /^pmo (status|report|list)\b/;

describe("docs/authoring.md's week", () => {
  it('runs as written, and Friday\'s "Since last week" lists what it changed', () => {
    expect(COMMANDS.length).toBeGreaterThan(15);
    const dir = portfolio();
    let day = '2026-11-16';
    for (const command of COMMANDS) {
      // Judged as of Friday 20 November (pmo list judges nothing); edits are committed on the day they record.
      const args = words(command).slice(1);
      const run = pmo(command.startsWith('pmo list') ? args : [...args, '--today', '2026-11-20'], { cwd: dir });
      expect(otherStderr(run.stderr), command).toBe('');
      expect(run.code, command).toBe(0);
      if (REPORTS.test(command) || command.includes('--dry-run')) continue;
      day = /--date (\S+)/.exec(command)?.[1] ?? day;
      commitAt(dir, `${day}T17:00:00+00:00`, command);
    }
    const since = JSON.parse(pmo(['report', 'weekly', '--today', '2026-11-20', '-f', 'json'], { cwd: dir }).stdout).since;
    const apollo = { project: 'apollo', project_name: 'Apollo CRM migration' };
    const hermes = { project: 'hermes', project_name: 'Hermes SSO' };
    expect(since).toMatchObject({ available: true, day: '2026-11-13', date: '2026-11-13' });
    const c = since.changes;
    // amber (13 Nov) -> red (the PM's Friday update); hermes amber -> green (the lead's batch).
    expect(c.rag_moves).toEqual([{ ...apollo, from: 'amber', to: 'red', direction: 'worse' }, { ...hermes, from: 'amber', to: 'green', direction: 'better' }]);
    expect(c.newly_red).toEqual([{ ...apollo, from: 'amber' }]);
    expect(c.phase_changes).toEqual([{ ...hermes, from: 'planning', to: 'execution' }]);
    // M2's forecast 15 -> 29 December: 14 days.
    expect(c.milestones_moved).toEqual([{ ...apollo, milestone: 'M2', name: 'Data migrated', from: '2026-12-15', to: '2026-12-29', days: 14 }]);
    expect(c.milestones_met).toEqual([]);
    expect(c.forecast_moves).toEqual([{ ...apollo, from: 540000, to: 565000, change: 25000, source: 'forecast' }]);
    // 15 November -> 31 December: 15 days of November and 31 of December.
    expect(c.end_moves).toEqual([{ ...apollo, from: '2026-11-15', to: '2026-12-31', days: 46 }]);
    // Hermes' R1 was already 4 x 4 = 16 (high, at 15 or more); R2 is 5 x 4 = 20.
    expect(c.new_high_risks).toEqual([{ ...hermes, risk: 'R2', title: 'Key engineer leaves', exposure: 20, owner: 'jdoe' }]);
    expect(c.risks_closed).toEqual([{ ...apollo, risk: 'R1', title: 'Vendor API rate limits slow the migration' }]);
    expect(c.changes_raised).toEqual([{ ...apollo, change: 'CR1', title: 'Add SSO', cost_impact: 25000, schedule_impact_days: 14 }]);
    expect(c.changes_decided).toEqual([{ ...apollo, change: 'CR1', title: 'Add SSO', decision: 'approved', decided_by: 'asmith' }]);
    expect(c.no_update).toEqual([{ project: 'zeus', project_name: 'Zeus data lake', manager: { id: 'jdoe', name: 'Jane Doe' }, last_update: '2026-11-13' }]);
    expect([c.new_projects, c.unreadable]).toEqual([[], []]);
    // The files pass pmo check's schema after the week: no edit broke one.
    expect(pmo(['check', '--no-rules', '--today', '2026-11-20'], { cwd: dir }).code).toBe(0);
    const apolloFile = readFileSync(join(dir, 'projects/apollo.yaml'), 'utf8');
    expect(apolloFile).toContain('escalated_to: asmith');
    expect(apolloFile).toContain('minutes: records/apollo/minutes-2026-11-18.md');
    expect(readFileSync(join(dir, 'projects/hermes.yaml'), 'utf8')).toMatch(/approvals:\n {2}baseline:\n {4}by: asmith\n {4}on: 2026-11-19/);
  });
});
