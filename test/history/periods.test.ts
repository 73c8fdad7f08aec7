import { describe, expect, it } from 'vitest';
import { periodOf, periodsUntil, sinceWeeks } from '../../src/history/periods.js';

describe('periods', () => {
  it('finds the ISO week, month and quarter of a date', () => {
    // 2026-11-20 is a Friday in ISO week 47 (Monday 16 to Sunday 22 November)
    expect(periodOf('2026-11-20', 'week')).toEqual({ label: '2026-W47', start: '2026-11-16', last: '2026-11-22' });
    expect(periodOf('2026-11-20', 'month')).toEqual({ label: '2026-11', start: '2026-11-01', last: '2026-11-30' });
    expect(periodOf('2026-11-20', 'quarter')).toEqual({ label: '2026-Q4', start: '2026-10-01', last: '2026-12-31' });
    expect(periodOf('2024-02-10', 'month').last).toBe('2024-02-29');
    // 2027-01-01 is a Friday: ISO week 53 of 2026
    expect(periodOf('2027-01-01', 'week')).toEqual({ label: '2026-W53', start: '2026-12-28', last: '2027-01-03' });
  });

  it('counts periods back, the last one ending today', () => {
    expect(periodsUntil('2026-11-20', 'week', { count: 3 })).toEqual([
      { label: '2026-W45', start: '2026-11-02', end: '2026-11-08' },
      { label: '2026-W46', start: '2026-11-09', end: '2026-11-15' },
      { label: '2026-W47', start: '2026-11-16', end: '2026-11-20' },
    ]);
    expect(periodsUntil('2026-02-15', 'quarter', { count: 2 }).map((p) => [p.label, p.end])).toEqual([['2025-Q4', '2025-12-31'], ['2026-Q1', '2026-02-15']]);
  });

  it('starts at the period holding --since, and --weeks N is N weeks back', () => {
    expect(periodsUntil('2026-11-20', 'month', { since: '2026-08-31' }).map((p) => p.label)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
    expect(sinceWeeks('2026-11-20', 52)).toBe('2025-11-28'); // 51 weeks back: 52 weeks with this one
    expect(periodsUntil('2026-11-20', 'week', { since: sinceWeeks('2026-11-20', 52) })).toHaveLength(52);
    expect(periodsUntil('2026-11-20', 'month', { since: sinceWeeks('2026-11-20', 52) })).toHaveLength(13);
    expect(() => periodsUntil('2026-11-20', 'week', { since: '2026-12-01' })).toThrow('after the report');
  });
});
