import { describe, expect, it } from 'vitest';
import { milestonesDue, nextMilestone, overdueMilestones } from '../../src/metrics/schedule.js';
import milestoneOverdue from '../../src/rules/builtin/milestone-overdue.js';
import { project, runProjectRule } from './rule-context.js';

const TODAY = '2026-11-20';

describe('milestones against today (2026-11-20)', () => {
  const p = project('apollo', {
    milestones: [
      { id: 'M1', name: 'Met', baseline: '2026-03-01', actual: '2026-03-02' }, // met: never open
      { id: 'M2', name: 'Re-forecast, still late', baseline: '2026-10-31', forecast: '2026-11-10' }, // due 11-10: 10 days overdue
      { id: 'M3', name: 'Baseline only', baseline: '2026-11-19' }, // due 11-19: 1 day overdue
      { id: 'M4', name: 'Due today', baseline: '2026-11-01', forecast: '2026-11-20' }, // due today: not overdue, 0 days left
      { id: 'M10', name: 'Also today', baseline: '2026-11-20' }, // same day as M4: 'M10' sorts before 'M4' as text
      { id: 'M5', name: 'In two weeks', forecast: '2026-12-04' }, // 10 days to 11-30 + 4 = 14 days left: on the horizon
      { id: 'M6', name: 'Just beyond', baseline: '2026-12-05' }, // 15 days left: beyond the default 14
      { id: 'M7', name: 'Undated' }, // no due date: in no list
    ],
  });

  it('overdueMilestones: open milestones due before today, earliest first', () => {
    expect(overdueMilestones(p, TODAY)).toEqual([
      { id: 'M2', name: 'Re-forecast, still late', due: '2026-11-10', days_overdue: 10 },
      { id: 'M3', name: 'Baseline only', due: '2026-11-19', days_overdue: 1 },
    ]);
  });

  it('overdueMilestones agrees with the milestone-overdue rule', () => {
    const flagged = runProjectRule(milestoneOverdue, [p], TODAY).map((r) => [r.item, r.data?.days]);
    expect(flagged).toEqual(overdueMilestones(p, TODAY).map((m) => [m.id, m.days_overdue]));
  });

  it('milestonesDue: open milestones from today to the horizon, by due date then id', () => {
    expect(milestonesDue(p, TODAY)).toEqual([
      { id: 'M10', name: 'Also today', due: '2026-11-20', days_left: 0 },
      { id: 'M4', name: 'Due today', due: '2026-11-20', days_left: 0 },
      { id: 'M5', name: 'In two weeks', due: '2026-12-04', days_left: 14 },
    ]);
    expect(milestonesDue(p, TODAY, 15).map((m) => m.id)).toEqual(['M10', 'M4', 'M5', 'M6']);
    expect(milestonesDue(p, TODAY, 0).map((m) => m.id)).toEqual(['M10', 'M4']);
  });

  it('nextMilestone: the earliest open one, overdue included', () => {
    expect(nextMilestone(p, TODAY)).toEqual({ id: 'M2', name: 'Re-forecast, still late', due: '2026-11-10' });
    expect(nextMilestone(project('q', { milestones: [{ id: 'M1', name: 'Met', baseline: '2026-01-01', actual: '2026-01-01' }] }), TODAY)).toBeNull();
    expect(nextMilestone(project('r'), TODAY)).toBeNull();
  });
});
