/** Calendar dates as YYYY-MM-DD strings: no time zone, no Date objects, compared as strings. */
import { boundedMemo } from '../memo.js';

const DAY_MS = 86_400_000;

/** The shape of a date: YYYY-MM-DD. Whether it exists is isRealDate's question. */
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar month, YYYY-MM (the period a cost is logged by). */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isRealDate(value: string): boolean {
  const [y, m, d] = dateParts(value);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * Year, month and day of a date written YYYY-MM-DD. The schema asks it of every date of every file (a history run
 * reads tens of thousands of versions): a date of that shape is read digit by digit, anything else split.
 */
function dateParts(value: string): [number, number, number] {
  if (value.length !== 10 || value[4] !== '-' || value[7] !== '-' || !DIGITS_AT.every((i) => isDigit(value.charCodeAt(i)))) {
    return value.split('-').map(Number) as [number, number, number];
  }
  const at = (i: number) => value.charCodeAt(i) - 0x30;
  return [at(0) * 1000 + at(1) * 100 + at(2) * 10 + at(3), at(5) * 10 + at(6), at(8) * 10 + at(9)];
}
const DIGITS_AT = [0, 1, 2, 3, 5, 6, 8, 9];
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  // Date.UTC reads years 0-99 as 1900-1999: those, and months out of range, as it does.
  if (year < 100 || !(month >= 1 && month <= 12)) return new Date(Date.UTC(year, month, 0)).getUTCDate();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why a YYYY-MM-DD string is not a real date, in words a PM understands. */
export function explainBadDate(value: string): string {
  const [y, m] = dateParts(value);
  if (m < 1 || m > 12) return `${value} is not a real date: there is no month ${m}`;
  return `${value} is not a real date: ${MONTH_NAMES[m - 1]} ${y} has ${daysInMonth(y, m)} days`;
}

/**
 * The date `days` calendar days after `date` (before it when negative). Kept by the day count and the date: the
 * rules say when their findings may change (the day after a due date, a review date...) for every file they judge.
 */
export function addDays(date: string, days: number): string {
  if (days === 0) return date;
  let byDate = added.get(days);
  if (!byDate) added.set(days, (byDate = new Map()));
  return boundedMemo(byDate, date, () => new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10), 10_000);
}
const added = new Map<number, Map<string, string>>();


/**
 * The earlier of a horizon said so far (undefined: none yet) and the `next` one a rule says, where null is
 * "no day": a rule's findings hold until the earliest day it named, and for good if it named none.
 */
export function earlierHorizon(said: string | null | undefined, next: string | null): string | null {
  if (next === null) return said ?? null;
  return said == null || next < said ? next : said;
}

/** Whether what was judged on `from` and holds until `until` (not included; null: for good) holds on `day`. */
export const withinHorizon = (day: string, from: string, until: string | null): boolean => from <= day && (until === null || day < until);

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parsed(b) - parsed(a)) / DAY_MS);
}

/**
 * Date.parse, kept by the string: the rules count the days between the same few hundred dates (a due date, today)
 * for every file they judge, and a history run judges every file of every period.
 */
const parsed = (date: string): number => boundedMemo(parsedDates, date, Date.parse);

/** A date as a whole number of days since 1970-01-01: days after it are numbers after it, one a day. */
export const dayNumber = (date: string): number => parsed(date) / DAY_MS;
const parsedDates = new Map<string, number>();

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
