/**
 * `pmo report capacity` and `pmo report intake --budget --capacity` on the example, worked out by hand.
 *
 * November 2026 has 21 working days (2-6, 9-13, 16-20, 23-27, 30), January 2027 21 (the 1st, then 4-8 to
 * 25-29), February 2027 20 (four full weeks).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';

const EXAMPLE = new URL('../../examples/acme', import.meta.url).pathname;
const report = (...args: string[]) => pmo(['report', ...args, '-C', EXAMPLE, '--today', '2026-11-20']);

describe('pmo report capacity', () => {
  it('sums supply, booked and requested people per role and month', () => {
    const run = report('capacity', '-f', 'json');
    expect(run.stderr).toBe('');
    const model = JSON.parse(run.stdout);
    expect(model.months).toEqual(['2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04']);
    const role = (name: string) => model.roles.find((r: { role: string }) => r.role === name);
    // Frontend engineer: jlindqvist (100%). February: nordwind-portal 70% (to 2027-04-09); route-optimization's
    // 30% ended 2027-01-29. ai-service-desk (proposed) asks 50% from 2027-02-01: 1 - 0.7 - 0.5 = -0.2
    expect(role('Frontend engineer').cells[3]).toEqual({ month: '2027-02', supply: 1, booked: 0.7, approved: 0, proposed: 0.5, free: 0.3, gap: -0.2, short: true });
    // November: both projects, 0.7 + 0.3, all of it
    expect(role('Frontend engineer').cells[0]).toMatchObject({ booked: 1, free: 0, gap: 0, short: false });
    // Business analyst, January: fast-close 30% and hris-replacement 20% all month; treasury-system (approved) 50%
    // and fleet-electrification (proposed) 30% from 2027-01-04, 20 of the 21 days: 10/21 and 6/21
    expect(role('Business analyst').cells[2]).toEqual({ month: '2027-01', supply: 1, booked: 0.5, approved: 0.476, proposed: 0.286, free: 0.5, gap: -0.262, short: true });
    // Financial analyst: nobody in people.yaml, pmo.yaml's 1; ichen (not in people.yaml) 50% on fast-close from 2026-11-02
    expect(role('Financial analyst')).toMatchObject({ people: [], unnamed_fte: 1 });
    expect(role('Financial analyst').cells[0]).toMatchObject({ supply: 1, booked: 0.5, gap: 0.5 });
    // Software engineer: emueller and pmo.yaml's 2 contractors
    expect(role('Software engineer')).toMatchObject({ people: ['emueller'], unnamed_fte: 2 });
    // ofarouk: data-platform 70% to 2026-12-18 and crm-migration 50% from 2026-11-02 to 2026-12-11: 120%
    expect(model.people_over).toEqual([{ person: 'ofarouk', name: 'Omar Farouk', role: 'Data engineer', capacity: 100, peak: [120, 120, 0, 0, 0, 0], over_months: ['2026-11', '2026-12'] }]);
  });

  it('gives a row per role and month in CSV, and the tables and charts in md and html', () => {
    const csv = report('capacity', '--months', '4', '-f', 'csv').stdout.split('\r\n');
    expect(csv[0]).toBe('role,month,supply,booked,approved,proposed,free,gap');
    expect(csv).toContain('Frontend engineer,2027-02,1,0.7,0,0.5,0.3,-0.2');
    expect(csv.filter((line) => line.startsWith('Frontend engineer,'))).toHaveLength(4);
    const md = report('capacity').stdout;
    expect(md).toContain('## Gap by role');
    expect(md).toContain('| 2027-02 | 1 | 0.70 | 0 | 0.50 | **-0.20** |');
    const html = report('capacity', '-f', 'html').stdout;
    expect(html.match(/<svg/g)?.length).toBe(9); // one chart per role in demand
    expect(html).toContain('class="ceiling"');
  });

  it('names the role a demand line likely meant when nobody has the one it names', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'pmo-capacity-')), 'acme');
    try {
      cpSync(EXAMPLE, dir, { recursive: true });
      const file = join(dir, 'requests/ai-service-desk.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('role: Frontend engineer,', 'role: Frontend enginer,'));
      const model = JSON.parse(pmo(['report', 'capacity', '-C', dir, '--today', '2026-11-20', '-f', 'json']).stdout);
      const typo = model.roles.find((r: { role: string }) => r.role === 'Frontend enginer');
      expect(typo).toMatchObject({ people: [], unnamed_fte: 0, did_you_mean: 'Frontend engineer' });
      expect(typo.cells[3]).toMatchObject({ supply: 0, proposed: 0.5, gap: -0.5 });
      expect(model.roles.find((r: { role: string }) => r.role === 'Frontend engineer').did_you_mean).toBeNull();
      expect(pmo(['report', 'capacity', '-C', dir, '--today', '2026-11-20']).stdout).toContain('No one has this role: nothing supplies it (did you mean Frontend engineer?).');
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true });
    }
  });

  it('refuses filters, --months elsewhere and --capacity without --budget: exit 2', () => {
    expect(report('capacity', '--manager', 'tnguyen')).toMatchObject({ code: 2, stderr: 'pmo: pmo report capacity weighs every project and request against the same people: it takes no --manager, --phase or other filter\n' });
    expect(report('weekly', '--months', '3')).toMatchObject({ code: 2 });
    expect(report('capacity', '--months', '121').code).toBe(2);
    expect(report('intake', '--capacity')).toMatchObject({ code: 2, stderr: 'pmo: --capacity constrains the intake scenario: pmo report intake --budget <amount> --capacity\n' });
  });
});

describe('pmo report intake --budget --capacity', () => {
  it("holds the set to each role's free people month by month, and names what kept each request out", () => {
    // The budget alone (1,000,000) takes all three (990,000).
    expect(JSON.parse(report('intake', '--budget', '1000000', '-f', 'json').stdout).scenario.chosen).toHaveLength(3);
    const { scenario } = JSON.parse(report('intake', '--budget', '1000000', '--capacity', '-f', 'json').stdout);
    // ai-service-desk's 0.5 frontend engineer in February is more than the 0.3 free (see above), whatever else is in.
    // treasury-system (27) and fleet-electrification (18) both want the business analyst in January: 0.476 + 0.286
    // of the 0.5 free; the higher score stays, leaving 0.5 - 0.476 = 0.024.
    expect(scenario).toMatchObject({ method: 'exact', capacity: true, total_score: 27, total_cost: 190000 });
    expect(scenario.chosen.map((r: { id: string }) => r.id)).toEqual(['treasury-system']);
    expect(scenario.left_out.map((r: { id: string; reason: string; constraint: string }) => [r.id, r.constraint, r.reason])).toEqual([
      ['ai-service-desk', 'Frontend engineer in 2027-02', 'it needs 0.5 FTE of Frontend engineer in 2027-02, more than the 0.3 free'],
      ['fleet-electrification', 'Business analyst in 2027-01', 'it needs 0.29 FTE of Business analyst in 2027-01, 0.02 free once the set with the highest total score is in'],
    ]);
    // The CSV says it too, beside the ranking
    const csv = report('intake', '--budget', '1000000', '--capacity', '-f', 'csv').stdout.split('\r\n');
    expect(csv[0]).toBe('rank,id,name,score,max_score,value,alignment,urgency,risk,missing,cost,months,scenario,constraint,reason');
    expect(csv[2]).toBe('1,treasury-system,Treasury management and cash forecasting,27,39,3,4,4,2,,190000,6,in,,');
    expect(csv[3]).toMatch(/^3,fleet-electrification,.*,out,Business analyst in 2027-01,"it needs 0.29 FTE/);
  });
});
