/**
 * The periods a trend is cut into: ISO weeks, calendar months or calendar quarters, the last one running up to
 * today (it is not over yet). Each is judged by the portfolio as it stood at its end. Pure: dates in, dates out.
 */
import { UsageError } from '../errors.js';
import { addDays, daysBetween, isoWeek, weekIndex } from '../model/dates.js';

export type Interval = 'week' | 'month' | 'quarter';

export interface Period {
  /** 2026-W47, 2026-11, 2026-Q4. */
  label: string;
  start: string;
  /** The last day of the period, or today for the period still running. */
  end: string;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The period of `interval` that holds `date`. */
export function periodOf(date: string, interval: Interval): Omit<Period, 'end'> & { last: string } {
  const [y, m] = date.split('-').map(Number) as [number, number];
  if (interval === 'week') {
    const monday = addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
    return { label: isoWeek(weekIndex(date)), start: monday, last: addDays(monday, 6) };
  }
  const months = interval === 'month' ? 1 : 3;
  const first = interval === 'month' ? m : Math.floor((m - 1) / 3) * 3 + 1;
  const start = `${y}-${String(first).padStart(2, '0')}-01`;
  const last = iso(Date.UTC(y, first - 1 + months, 0));
  const label = interval === 'month' ? start.slice(0, 7) : `${y}-Q${(first + 2) / 3}`;
  return { label, start, last };
}

/**
 * The periods from the one holding `since` (default: `count` periods back) to the one holding `today`,
 * oldest first.
 */
export function periodsUntil(today: string, interval: Interval, options: { since?: string; count?: number } = {}): Period[] {
  if (options.since && options.since > today) throw new UsageError(`--since ${options.since} is after the report's date ${today}`);
  const periods: Period[] = [];
  for (let at = periodOf(today, interval); ; ) {
    periods.unshift({ label: at.label, start: at.start, end: at.last < today ? at.last : today });
    if (options.since ? at.start <= options.since : periods.length >= (options.count ?? 12)) break;
    at = periodOf(addDays(at.start, -1), interval);
  }
  return periods;
}

/** `--weeks N` as a start date: the day in the N-th week back, so that weekly periods number N. */
export function sinceWeeks(today: string, weeks: number): string {
  return addDays(today, -7 * Math.max(0, weeks - 1));
}

export const daysIn = (period: Period) => daysBetween(period.start, period.end) + 1;
