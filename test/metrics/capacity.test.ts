/**
 * Capacity against demand (src/metrics/capacity.ts), worked out by hand.
 *
 * January 2027 starts on a Friday: its working days are the 1st and four full weeks (4-8, 11-15, 18-22, 25-29),
 * 21 in all. February 2027 starts on a Monday: four full weeks, 20 working days.
 */
import { describe, expect, it } from 'vitest';
import { capacityPlan, monthsFrom } from '../../src/metrics/capacity.js';
import { monthDays, workingDaysBetween } from '../../src/metrics/load.js';
import { resourceLoad } from '../../src/metrics/resources.js';
import type { Person } from '../../src/model/schemas/people.js';
import type { Request } from '../../src/model/schemas/request.js';
import { project } from './rule-context.js';

const people: Person[] = [
  { id: 'dev1', name: 'Dev One', role: 'Developer', capacity: 100 },
  { id: 'dev2', name: 'Dev Two', role: 'developer', capacity: 50 },
  { id: 'pm', name: 'Pat M', role: 'PM' }, // no capacity: the default 100
];

const projects = [
  project('p1', {
    dates: { start: '2026-06-01', baseline_end: '2027-12-31' },
    team: [
      { person: 'dev1', allocation: 100, from: '2027-01-01', to: '2027-01-15' }, // 11 of January's 21 working days
      { person: 'dev2', allocation: 80 }, // the whole of both months
    ],
  }),
  // the lifecycle's last phase: holds nobody
  project('p2', { phase: 'closed', dates: { start: '2026-01-05', actual_end: '2027-12-31' }, team: [{ person: 'dev1', allocation: 100 }] }),
  project('p3', {
    dates: { start: '2026-06-01', baseline_end: '2027-12-31' },
    team: [
      { person: 'dev1', allocation: 50, from: '2027-01-11', to: '2027-02-12' }, // 15 of January's days, 10 of February's
      { person: 'ext', role: 'Tester', allocation: 100, from: '2027-02-01', to: '2027-02-28' }, // not in people.yaml: its own role
    ],
  }),
];

const requests: Request[] = [
  { id: 'r1', name: 'One', requested_by: 'pm', status: 'approved', demand: [{ role: 'DEVELOPER', fte: 1, from: '2027-02-01', to: '2027-02-28' }] },
  {
    id: 'r2',
    name: 'Two',
    requested_by: 'pm',
    demand: [
      { role: 'Developer', allocation: 50, from: '2027-01-18', to: '2027-03-31' }, // 10 of January's days, all February's
      { role: 'Designer', fte: 1, from: '2027-02-15', to: '2027-02-28' }, // 10 of February's days
    ],
  },
];

const options = { from: '2027-01-15', months: 2, defaultCapacity: 100, lastPhase: 'closed', roles: { Developer: 2, Tester: 1 } };

describe('capacity against demand', () => {
  it('counts working days', () => {
    expect(monthDays('2027-01').working).toBe(21);
    expect(monthDays('2027-02').working).toBe(20);
    expect(workingDaysBetween(monthDays('2027-01').first, monthDays('2027-01').first + 14)).toBe(11); // Jan 1-15
    expect(monthsFrom('2026-11-20', 3)).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('sums supply, booked and the pipeline per role and month, in FTE', () => {
    const plan = capacityPlan(projects, people, requests, options);
    expect(plan.months).toEqual(['2027-01', '2027-02']);
    expect(plan.roles.map((r) => r.role)).toEqual(['Designer', 'Developer', 'Tester']);
    expect(plan.idle_roles).toEqual(['PM']);
    const [designer, developer, tester] = plan.roles;
    // Developer: dev1 1 + dev2 0.5 + pmo.yaml's 2 unnamed
    expect(developer).toMatchObject({ role: 'Developer', people: ['dev1', 'dev2'], unnamed_fte: 2, supply: [3.5, 3.5] });
    // January: dev1 11/21 (p1) + dev2 0.8 + dev1 0.5 x 15/21 (p3) = 18.5/21 + 0.8 = 1.680952...
    // February: dev2 0.8 + dev1 0.5 x 10/20 = 1.05
    expect(developer!.booked).toEqual([1.681, 1.05]);
    expect(developer!.approved).toEqual([0, 1]);
    // r2: 0.5 x 10/21 = 0.238095... in January, 0.5 in February
    expect(developer!.proposed).toEqual([0.238, 0.5]);
    // free: 3.5 - 1.680952 = 1.819048; gap: 1.819048 - 0.238095 = 1.580952. February: 3.5 - 1.05 = 2.45; 2.45 - 1 - 0.5
    expect(developer!.free).toEqual([1.819, 2.45]);
    expect(developer!.gap).toEqual([1.581, 0.95]);
    expect(developer!.short_months).toEqual([]);
    expect(tester).toMatchObject({ supply: [1, 1], booked: [0, 1], free: [1, 0], gap: [1, 0], people: [], unnamed_fte: 1 });
    expect(designer).toMatchObject({ supply: [0, 0], proposed: [0, 0.5], gap: [0, -0.5], short_months: ['2027-02'] });
  });

  it('leaves out a demand line no figure can be made of (1e308 people)', () => {
    const huge: Request[] = [{ id: 'r9', name: 'Huge', requested_by: 'pm', demand: [{ role: 'Developer', fte: 1e308, from: '2027-01-01', to: '2027-02-28' }] }];
    const developer = capacityPlan(projects, people, huge, options).roles.find((r) => r.role === 'Developer')!;
    expect(developer.proposed).toEqual([0, 0]);
  });

  it("names each person's months over capacity (a day above it), most months first", () => {
    const plan = capacityPlan(projects, people, requests, options);
    expect(plan.people_over).toEqual([
      // 80% against a capacity of 50, every day
      { person: 'dev2', name: 'Dev Two', role: 'developer', capacity: 50, peak: [80, 80], over_months: ['2027-01', '2027-02'] },
      // January 11-15: 100% on p1 and 50% on p3
      { person: 'dev1', name: 'Dev One', role: 'Developer', capacity: 100, peak: [150, 50], over_months: ['2027-01'] },
    ]);
  });

  it("reads a person's days as the heatmap does: a month's peak is the highest of its weeks'", () => {
    // Weeks from Monday 2026-12-28: January is weeks 0-4 (to Sunday the 31st), February weeks 5-8
    const dev1 = resourceLoad(projects, people, { from: '2027-01-01', weeks: 9, defaultCapacity: 100, lastPhase: 'closed' }).people.find((p) => p.person === 'dev1')!;
    expect(dev1.load).toEqual([100, 100, 150, 50, 50, 50, 50, 0, 0]);
    const plan = capacityPlan(projects, people, requests, options);
    expect(plan.people_over.find((p) => p.person === 'dev1')!.peak).toEqual([Math.max(...dev1.load.slice(0, 5)), Math.max(...dev1.load.slice(5))]);
  });
});
