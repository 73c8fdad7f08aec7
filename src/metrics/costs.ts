/**
 * A project's actual cost (DOMAIN.md): what its cost log sums to when it logs costs by month, else its
 * `budget.actual`. Pure; measures.ts keeps the results for a project, and every rule and view reads them there.
 */
import type { Project } from '../model/schemas/project.js';
import { byText, finite } from './numbers.js';

type Cost = NonNullable<Project['costs']>[number];

/** The logged costs that count: finite amounts (the schema makes them so; a half-broken file may not). */
const logged = (project: Pick<Project, 'costs'>): Cost[] => (Array.isArray(project.costs) ? project.costs.filter((c) => finite(c?.amount) !== null) : []);

/** Money spent to date: the cost log's sum when there is a log, else `budget.actual`; null when neither says. */
export function actualCost(project: Pick<Project, 'costs' | 'budget'>): number | null {
  const costs = logged(project);
  return costs.length > 0 ? costs.reduce((sum, c) => sum + c.amount, 0) : finite(project.budget?.actual);
}

/** The cost log's total per month, oldest first, and per category within each month. */
export function costsByMonth(project: Pick<Project, 'costs'>): Array<{ period: string; amount: number; by_category: Record<string, number> }> {
  const months = new Map<string, { amount: number; by_category: Record<string, number> }>();
  for (const cost of logged(project)) {
    const month = months.get(cost.period) ?? { amount: 0, by_category: {} };
    month.amount += cost.amount;
    month.by_category[cost.category] = (month.by_category[cost.category] ?? 0) + cost.amount;
    months.set(cost.period, month);
  }
  return [...months].sort(([a], [b]) => byText(a, b)).map(([period, month]) => ({ period, ...month }));
}

/** What a vendor has been paid: its logged costs when the log names it, else its own `paid`. */
export function vendorPaid(project: Pick<Project, 'costs'>, vendor: { name: string; paid?: number | null }): number | null {
  const mine = logged(project).filter((c) => c.vendor === vendor.name);
  return mine.length > 0 ? mine.reduce((sum, c) => sum + c.amount, 0) : finite(vendor.paid);
}

/** Whether the project logs its costs (then `budget.actual`, if given, must be the log's sum). */
export const logsCosts = (project: Pick<Project, 'costs'>): boolean => logged(project).length > 0;
