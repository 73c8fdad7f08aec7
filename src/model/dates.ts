/** Calendar dates as YYYY-MM-DD strings: no time zone, no Date objects, compared as strings. */

const DAY_MS = 86_400_000;

/** The shape of a date: YYYY-MM-DD. Whether it exists is isRealDate's question. */
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar month, YYYY-MM (the period a cost is logged by). */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a YYYY-MM-DD string is not a real date, in words a PM understands. */
export function explainBadDate(value: string): string {
  const [y, m] = value.split('-').map(Number) as [number, number];
  if (m < 1 || m > 12) return `${value} is not a real date: there is no month ${m}`;
  const month = new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
  return `${value} is not a real date: ${month} ${y} has ${daysInMonth(y, m)} days`;
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  return days === 0 ? date : new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);
}

/** Today's date on the user's own calendar (local time zone): what "today" means to a PM. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Weeks since the epoch, Monday-based: dates in the same ISO week share an index. */
export function weekIndex(date: string): number {
  return Math.floor((Date.parse(date) / DAY_MS + 3) / 7);
}

/** The ISO week label (`2026-W47`) of a week index. */
export function isoWeek(index: number): string {
  const thursday = new Date(index * 7 * DAY_MS); // week index w runs Monday (w*7 - 3) to Sunday; w*7 is its Thursday
  const year = thursday.getUTCFullYear();
  const dayOfYear = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS);
  return `${year}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, '0')}`;
}

/** The date `months` calendar months after `date`; a day the month lacks becomes its last (2026-01-31 + 1: 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}
