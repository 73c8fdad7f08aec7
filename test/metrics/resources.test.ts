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
      { person: 'zed', allocation: 30, to: '2026-11-20' }, // not in people.yaml; ends today, W47's last working day
      { person: 'asmith', allocation: 0 }, // 0%: no load
    ],
  }),
  // the lifecycle's last phase: holds nobody when lastPhase is given
  project('gamma', { phase: 'closed', dates: { start: '2026-01-05', actual_end: '2026-12-31' }, team: [{ person: 'bkim', allocation: 100 }] }),
  // no end date at all: the allocation runs on, in every week of the window
  project('delta', { dates: { start: '2026-11-02' }, team: [{ person: 'kim', allocation: 50 }] }),
  // over before the window: no load in it, and 'old' (not in people.yaml) does not appear
  project('epsilon', {
    dates: { start: '2026-06-01', forecast_end: '2026-11-13' },
    team: [{ person: 'bkim', allocation: 20 }, { person: 'old', allocation: 50 }],
  }),
];

const options = { from: TODAY, weeks: 4, defaultCapacity: 100, lastPhase: 'closed' };

describe('resourceLoad', () => {
  it("sums allocations per working day, each week showing its peak day, most loaded first", () => {
    // From Friday 2026-11-20 (the only working day of W47 left) on:
    // bkim: alpha 60 to Wed 12-02; beta 40 from Mon 11-23 to Wed 12-09.
    //   W47 (Fri): 60. W48 (11-23..27): 100. W49 (11-30..12-04): 100 Mon-Wed, 40 Thu-Fri: peak 100. W50: 40.
    //   Capacity 80: over in W48 and W49.
    // jdoe: alpha 50 from Wed 11-25: 0, 50, 50, 50
    // kim: delta 50 with no end: 50 every week; not in people.yaml: default capacity, no name
    // zed: beta 30 to Fri 11-20: 30, 0, 0, 0
    // asmith, cfo: in people.yaml, no load: zeros, after the loaded, by id
    expect(resourceLoad(projects, people, options)).toEqual({
      weeks: ['2026-W47', '2026-W48', '2026-W49', '2026-W50'],
      people: [
        { person: 'bkim', name: 'Bo Kim', capacity: 80, load: [60, 100, 100, 40], peak: 100, over_weeks: 2, projects: ['alpha', 'beta'] },
        { person: 'jdoe', name: 'Jane Doe', capacity: 100, load: [0, 50, 50, 50], peak: 50, over_weeks: 0, projects: ['alpha'] },
        { person: 'kim', name: null, capacity: 100, load: [50, 50, 50, 50], peak: 50, over_weeks: 0, projects: ['delta'] },
        { person: 'zed', name: null, capacity: 100, load: [30, 0, 0, 0], peak: 30, over_weeks: 0, projects: ['beta'] },
        { person: 'asmith', name: 'Alex Smith', capacity: 100, load: [0, 0, 0, 0], peak: 0, over_weeks: 0, projects: [] },
        { person: 'cfo', name: 'Chris Fo', capacity: 10, load: [0, 0, 0, 0], peak: 0, over_weeks: 0, projects: [] },
      ],
    });
  });

  it('50% to a Wednesday and 51% from the Thursday is a peak of 51%, not 101%; a weekend loads nobody', () => {
    const split = [
      project('a', { dates: { start: '2026-11-02' }, team: [{ person: 'jdoe', allocation: 50, to: '2026-11-25' }] }),
      project('b', { dates: { start: '2026-11-02' }, team: [{ person: 'jdoe', allocation: 51, from: '2026-11-26', to: '2026-12-31' }] }),
      // Saturday 11-28 and Sunday 11-29 only
      project('c', { dates: { start: '2026-11-02' }, team: [{ person: 'jdoe', allocation: 60, from: '2026-11-28', to: '2026-11-29' }] }),
    ];
    const jdoe = resourceLoad(split, people, { ...options, weeks: 2 }).people[0]!;
    expect(jdoe).toMatchObject({ person: 'jdoe', load: [50, 51], peak: 51, over_weeks: 0, projects: ['a', 'b'] });
    const files = [{ path: 'people.yaml', kind: 'people' as const, data: { people } }, ...split.map((p) => ({ path: `projects/${p.id}.yaml`, kind: 'project' as const, data: p }))];
    expect(runPortfolioRule(allocationOverCapacity, files, TODAY)).toEqual([]);
  });

  it('an allocation with no end runs on: 100% with no end plus 50% to 12-31 is 150% until 12-31', () => {
    const both = [
      project('open', { dates: { start: '2026-11-02' }, team: [{ person: 'jdoe', allocation: 100 }] }),
      project('ends', { dates: { start: '2026-11-02', forecast_end: '2026-12-31' }, team: [{ person: 'jdoe', allocation: 50 }] }),
    ];
    const files = [{ path: 'people.yaml', kind: 'people' as const, data: { people } }, ...both.map((p) => ({ path: `projects/${p.id}.yaml`, kind: 'project' as const, data: p }))];
    // From today (Fri 11-20) to Thu 12-31, the last working day of 'ends'.
    expect(runPortfolioRule(allocationOverCapacity, files, TODAY).map((r) => [r.file, r.data?.load, r.data?.when])).toEqual([
      ['projects/open.yaml', 150, 'from 2026-11-20 to 2026-12-31'],
      ['projects/ends.yaml', 150, 'from 2026-11-20 to 2026-12-31'],
    ]);
    // A second open-ended 10%: 160% until 12-31, then 110% with no end. Each allocation is reported once, at
    // the worst stretch it is in (160% until 12-31), whatever stretches follow.
    both.push(project('more', { dates: { start: '2026-11-02' }, team: [{ person: 'jdoe', allocation: 10 }] }));
    const more = [...files, { path: 'projects/more.yaml', kind: 'project' as const, data: both[2]! }];
    expect(runPortfolioRule(allocationOverCapacity, more, TODAY).map((r) => [r.file, r.data?.load, r.data?.when])).toEqual([
      ['projects/open.yaml', 160, 'from 2026-11-20 to 2026-12-31'],
      ['projects/ends.yaml', 160, 'from 2026-11-20 to 2026-12-31'],
      ['projects/more.yaml', 160, 'from 2026-11-20 to 2026-12-31'],
    ]);
    // Without the one that ends, the open-ended pair is over from today on, with no end.
    const openEnded = more.filter((f) => f.path !== 'projects/ends.yaml');
    expect(runPortfolioRule(allocationOverCapacity, openEnded, TODAY).map((r) => [r.file, r.data?.load, r.data?.when])).toEqual([
      ['projects/open.yaml', 110, 'from 2026-11-20 on'],
      ['projects/more.yaml', 110, 'from 2026-11-20 on'],
    ]);
  });

  it('makes one finding per allocation when thousands of projects share a person, naming five and counting the rest', () => {
    // 3,000 projects, each with jdoe at 1% from a day of its own in 2027 on to the end of 2027: the load climbs
    // a percent a day, so there are ~3,000 stretches, and each allocation is in hundreds of them.
    const many = Array.from({ length: 3000 }, (_, i) => {
      const from = new Date(Date.UTC(2027, 0, 1) + (i % 200) * 86_400_000).toISOString().slice(0, 10);
      return project(`p${String(i).padStart(4, '0')}`, { dates: { start: '2027-01-01', forecast_end: '2027-12-31' }, team: [{ person: 'jdoe', allocation: 1, from }] });
    });
    const files = [{ path: 'people.yaml', kind: 'people' as const, data: { people } }, ...many.map((p) => ({ path: `projects/${p.id}.yaml`, kind: 'project' as const, data: p }))];
    const reports = runPortfolioRule(allocationOverCapacity, files, TODAY);
    // Every allocation is in the worst stretch, from the last start (the 200th day of 2027, a Monday:
    // 2027-07-19) to the year's end, where all 3,000 add up to 3,000%.
    expect(reports).toHaveLength(3000);
    expect(new Set(reports.map((r) => `${r.data?.load} ${r.data?.when}`))).toEqual(new Set(['3000 from 2027-07-19 to 2027-12-31']));
    expect(String(reports[0]!.data?.projects)).toMatch(/^p0000 1%, p0200 1%, p0400 1%, p0600 1%, p0800 1% and 2995 more$/);
  });

  it('counts projects in the last phase when lastPhase is not given', () => {
    // gamma (to 12-31) adds bkim 100 on every working day of the window: 160, 200, 200, 140
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

  it('agrees with the allocation-over-capacity rule on who is over, on which days', () => {
    // The rule looks from today to the end of every allocation; 60 weeks from W47 covers them all.
    const reports = runPortfolioRule(
      allocationOverCapacity,
      [
        { path: 'people.yaml', kind: 'people', data: { people } },
        ...projects.map((p) => ({ path: `projects/${p.id}.yaml`, kind: 'project' as const, data: p })),
      ],
      TODAY,
    );
    // one finding per allocation in the over-allocated sum: bkim's alpha 60% and beta 40%, 100% > 80% from
    // Mon 11-23 (beta starts) to Wed 12-02 (alpha ends)
    expect(reports.map((r) => [r.file, r.data?.person, r.data?.load, r.data?.capacity, r.data?.when])).toEqual([
      ['projects/alpha.yaml', 'bkim', 100, 80, 'from 2026-11-23 to 2026-12-02'],
      ['projects/beta.yaml', 'bkim', 100, 80, 'from 2026-11-23 to 2026-12-02'],
    ]);

    const load = resourceLoad(projects, people, { ...options, weeks: 60 });
    const over = load.people.flatMap((p) => p.load.flatMap((percent, i) => (percent > p.capacity ? [`${p.person} ${load.weeks[i]} ${percent}`] : [])));
    expect(over).toEqual(['bkim 2026-W48 100', 'bkim 2026-W49 100']);
  });
});
