/**
 * Calendar arithmetic on YYYY-MM-DD strings (src/model/dates.ts): which dates exist, why one does not, and the
 * days between two. The figures are the calendar's, counted by hand.
 */
import { describe, expect, it } from 'vitest';
import { daysBetween, daysInMonth, explainBadDate, isRealDate } from '../../src/model/dates.js';

describe('dates', () => {
  it('knows which dates exist: month lengths, leap years by the Gregorian rule', () => {
    expect(isRealDate('2026-01-31')).toBe(true);
    expect(isRealDate('2026-04-31')).toBe(false);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2000-02-29')).toBe(true); // divisible by 400
    expect(isRealDate('2100-02-29')).toBe(false); // by 100, not by 400
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(isRealDate('2026-00-10')).toBe(false);
    expect(isRealDate('2026-06-00')).toBe(false);
    // Not the YYYY-MM-DD shape: read by its parts all the same (the shape is the schema's other check).
    expect(isRealDate('2026-2-3')).toBe(true);
    expect(isRealDate('2026-xx-01')).toBe(false);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('says why a date does not exist, naming the month and its length', () => {
    expect(explainBadDate('2026-02-30')).toBe('2026-02-30 is not a real date: February 2026 has 28 days');
    expect(explainBadDate('2024-02-30')).toBe('2024-02-30 is not a real date: February 2024 has 29 days');
    expect(explainBadDate('2026-09-31')).toBe('2026-09-31 is not a real date: September 2026 has 30 days');
    expect(explainBadDate('2026-13-01')).toBe('2026-13-01 is not a real date: there is no month 13');
  });

  it('counts the days between two dates, either way, the same each time it is asked', () => {
    // January 31 + February 28 = 59; in 2024 February has 29.
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(daysBetween('2024-01-01', '2024-03-01')).toBe(60);
    expect(daysBetween('2026-03-01', '2026-01-01')).toBe(-59);
    expect(daysBetween('2025-12-31', '2026-12-31')).toBe(365);
    expect(daysBetween('2026-03-01', '2026-01-01')).toBe(-59);
    expect(daysBetween('2026-11-30', '2026-11-30')).toBe(0);
    expect(daysBetween('not a date', '2026-11-30')).toBeNaN();
  });
});
