import { describe, expect, it } from 'vitest';
import { resourceLoad } from '../../src/metrics/resources.js';
import type { Person } from '../../src/model/schemas/people.js';
import allocationOverCapacity from '../../src/rules/builtin/allocation-over-capacity.js';
import { project, runPortfolioRule } from './rule-context.js';

// 2026-01-01 is a Thursday, so ISO week 1 starts Monday 2025-12-29. 2026-11-16 is 322 days later
// (320th day of 2026, plus 2): 322 / 7 = 46 whole weeks, so Monday 2026-11-16 starts 2026-W47.
//   W47: 11-16..11-22   W48: 11-23..11-29   W49: 11-30..12-06   W50: 12-07..12-13
const TODAY = '2026-11-20'; // a Friday in W47

const people: Person[] = [
  { id: 'jdoe', name: 'Jane Doe', capacity: 100 },
  { id: 'bkim', name: 'Bo Kim', capacity: 80 },
  { id: 'asmith', name: 'Alex Smith' }, // no capacity: the default
  { id: 'cfo', name: 'Chris Fo', capacity: 10 },
];

const projects = [
  // ends 2026-12-02 (W49)
  project('alpha', {
    dates: { start: '2026-03-02', baseline_end: '2026-11-30', forecast_end: '2026-12-02' },
    team: [
      { person: 'bkim', allocation: 60 }, // project start to forecast end: W47, W48, W49 in the window
      { person: 'jdoe', allocation: 50, from: '2026-11-25', to: '2027-01-31' }, // W48 onwards
    ],
  }),
  // no forecast end: the baseline end 2027-06-30 is its end
  project('beta', {
    dates: { start: '2026-11-01', baseline_end: '2027-06-30' },
    team: [
      { person: 'bkim', allocation: 40, from: '2026-11-23', to: '2026-12-09' }, // W48, W49, W50
      { person: 'zed', allocation: 30, to: '2026-11-18' }, // not in people.yaml; W47 only
      { person: 'asmith', allocation: 0 }, // 0%: no load
    ],
  }),
  // the lifecycle's last phase: holds nobody when lastPhase is given
  project('gamma', { phase: 'closed', dates: { start: '2026-01-05', actual_end: '2026-12-31' }, team: [{ person: 'bkim', allocation: 100 }] }),
  // no end date at all: the allocation has no end and is skipped, as the rule skips it
  project('delta', { dates: { start: '2026-11-02' }, team: [{ person: 'kim', allocation: 50 }] }),
  // over before the window: no load in it, and 'old' (not in people.yaml) does not appear
  project('epsilon', {
    dates: { start: '2026-06-01', forecast_end: '2026-11-13' },
    team: [{ person: 'bkim', allocation: 20 }, { person: 'old', allocation: 50 }],
  }),
];

const options = { from: TODAY, weeks: 4, defaultCapacity: 100, lastPhase: 'closed' };

describe('resourceLoad', () => {
  it('sums allocations per ISO week against capacity, most loaded first', () => {
    // bkim: alpha 60 in W47-W49, beta 40 in W48-W50 -> 60, 100, 100, 40; capacity 80: over in W48, W49
    // jdoe: alpha 50 from W48 -> 0, 50, 50, 50
    // zed: beta 30 in W47 -> 30, 0, 0, 0; default capacity, no name
    // asmith, cfo: in people.yaml, no load: zeros, after the loaded, by id
    expect(resourceLoad(projects, people, options)).toEqual({
      weeks: ['2026-W47', '2026-W48', '2026-W49', '2026-W50'],
      people: [
        { person: 'bkim', name: 'Bo Kim', capacity: 80, load: [60, 100, 100, 40], peak: 100, over_weeks: 2, projects: ['alpha', 'beta'] },
        { person: 'jdoe', name: 'Jane Doe', capacity: 100, load: [0, 50, 50, 50], peak: 50, over_weeks: 0, projects: ['alpha'] },
        { person: 'zed', name: null, capacity: 100, load: [30, 0, 0, 0], peak: 30, over_weeks: 0, projects: ['beta'] },
        { person: 'asmith', name: 'Alex Smith', capacity: 100, load: [0, 0, 0, 0], peak: 0, over_weeks: 0, projects: [] },
        { person: 'cfo', name: 'Chris Fo', capacity: 10, load: [0, 0, 0, 0], peak: 0, over_weeks: 0, projects: [] },
      ],
    });
  });

  it('counts projects in the last phase when lastPhase is not given', () => {
    // gamma adds bkim 100 in every window week: 160, 200, 200, 140
    const bkim = resourceLoad(projects, people, { from: TODAY, weeks: 4, defaultCapacity: 100 }).people[0]!;
    expect(bkim).toMatchObject({ person: 'bkim', load: [160, 200, 200, 140], peak: 200, over_weeks: 4, projects: ['alpha', 'beta', 'gamma'] });
  });

  it('starts at the ISO week of `from`, whatever its weekday, and can be empty', () => {
    // 2026-12-13 is the Sunday ending W50
    expect(resourceLoad(projects, people, { ...options, from: '2026-12-13', weeks: 2 }).weeks).toEqual(['2026-W50', '2026-W51']);
    expect(resourceLoad(projects, people, { ...options, weeks: 0 })).toEqual({
      weeks: [],
      people: ['asmith', 'bkim', 'cfo', 'jdoe'].map((person) => expect.objectContaining({ person, load: [], peak: 0, over_weeks: 0 })),
    });
  });

  it('agrees with the allocation-over-capacity rule on who is over, in which weeks', () => {
    // The rule looks from this week (W47) to the end of every allocation; 60 weeks from W47 covers them all.
    const reports = runPortfolioRule(
      allocationOverCapacity,
      [
        { path: 'people.yaml', kind: 'people', data: { people } },
        ...projects.map((p) => ({ path: `projects/${p.id}.yaml`, kind: 'project' as const, data: p })),
      ],
      TODAY,
    );
    // one finding per allocation in the over-allocated sum: bkim's alpha 60% and beta 40%, 100% > 80% in W48-W49
    expect(reports.map((r) => [r.file, r.data?.person, r.data?.load, r.data?.capacity, r.data?.weeks])).toEqual([
      ['projects/alpha.yaml', 'bkim', 100, 80, 'weeks 2026-W48 to 2026-W49'],
      ['projects/beta.yaml', 'bkim', 100, 80, 'weeks 2026-W48 to 2026-W49'],
    ]);

    const load = resourceLoad(projects, people, { ...options, weeks: 60 });
    const over = load.people.flatMap((p) => p.load.flatMap((percent, i) => (percent > p.capacity ? [`${p.person} ${load.weeks[i]} ${percent}`] : [])));
    expect(over).toEqual(['bkim 2026-W48 100', 'bkim 2026-W49 100']);
  });
});
