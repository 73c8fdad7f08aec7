import { describe, expect, it } from 'vitest';
import { commitIndexOn, earliestDay } from '../../src/load/commit-day.js';

describe('the commit that stands for a day', () => {
  it('is the newest commit of the branch made on or before the day, by place, not by date', () => {
    // Set up on 25 October, then back-filled with the updates of 2, 9 and 23 October (oldest first, as git log --reverse)
    const days = ['2026-10-25', '2026-10-02', '2026-10-09', '2026-10-23'];
    expect(commitIndexOn(days, '2026-09-27')).toBe(-1);
    expect(commitIndexOn(days, '2026-10-02')).toBe(1);
    expect(commitIndexOn(days, '2026-10-18')).toBe(2);
    expect(commitIndexOn(days, '2026-10-24')).toBe(3);
    expect(commitIndexOn(days, '2026-12-31')).toBe(3); // after the last commit: HEAD
    expect(earliestDay(days)).toBe('2026-10-02');
  });
});
