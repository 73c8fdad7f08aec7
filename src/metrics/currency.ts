/**
 * Money across currencies: a portfolio total is in the reporting currency (pmo.yaml's `currency`), and a
 * project's money joins it only at a rate pmo.yaml gives (`exchange_rates`). Without one it is totalled in its
 * own currency, apart: adding EUR to USD gives a number nobody can use.
 */
import type { Config } from '../model/config.js';

/** What one unit of `currency` is worth in the reporting currency: 1 for itself, pmo.yaml's rate, else null. */
export function rateToReporting(config: Pick<Config, 'currency' | 'exchangeRates'>, currency: string | null | undefined): number | null {
  const own = currency ?? config.currency;
  return own === config.currency ? 1 : (config.exchangeRates[own] ?? null);
}
