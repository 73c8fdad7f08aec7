/** Small readings shared by the metrics: data passed its schema, but optional fields may be absent or null. */

/** A finite number, or null for anything else (absent, null, NaN, Infinity, text). */
export const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** An amount of money as a person types it: digits, thousands separated by commas or not, a decimal point (`1234.5`, `1,234.50`); undefined for anything else. */
export function amountFrom(text: string): number | undefined {
  return /^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(text) ? Number(text.replaceAll(',', '')) : undefined;
}

/** Plain code-unit order, not the locale's: the same on every machine. */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Competition ranks ("1, 1, 3") of values already sorted best first: equal values share the rank of the first
 * of them, and the next value's rank counts everyone ahead of it.
 */
export function sharedRanks(sortedValues: readonly number[]): number[] {
  const ranks: number[] = [];
  sortedValues.forEach((value, i) => ranks.push(i > 0 && sortedValues[i - 1] === value ? ranks[i - 1]! : i + 1));
  return ranks;
}
