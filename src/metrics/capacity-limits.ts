/**
 * What `pmo report intake --budget <amount> --capacity` holds the requests to besides the budget: each role's
 * free people in each month (supply less booked, from capacityPlan), from this month to the last any request's
 * demand reaches, and what each request needs of them (its demand lines, averaged by month as the capacity
 * report does). Only the role-months some request needs become limits, and none more than MAX_MONTHS ahead. Pure.
 */
import type { Request } from '../model/schemas/request.js';
import { capacityPlan, demandShare, type CapacityOptions } from './capacity.js';
import type { Limit } from './intake-scenario.js';
import { monthDays } from './load.js';

/** Ten years: demand beyond is not held to anything. */
export const MAX_MONTHS = 120;

export interface ScenarioLimits {
  limits: Limit[];
  /** Per request id: [index in limits, FTE]. */
  needs: Map<string, Array<[number, number]>>;
}

export function scenarioLimits(
  projects: Parameters<typeof capacityPlan>[0],
  people: Parameters<typeof capacityPlan>[1],
  requests: readonly Request[],
  options: Omit<CapacityOptions, 'months'>,
): ScenarioLimits {
  const lastDay = requests.flatMap((r) => (r.demand ?? []).map((line) => line.to)).sort().pop();
  const count = lastDay && lastDay >= options.from ? Math.min(MAX_MONTHS, monthsBetween(options.from, lastDay)) : 0;
  const plan = capacityPlan(projects, people, requests, { ...options, months: count });
  const days = plan.months.map(monthDays);
  const free = new Map(plan.roles.map((r) => [r.role.trim().toLowerCase(), r]));
  const limits: Limit[] = [];
  const index = new Map<string, number>();
  const needs = new Map<string, Array<[number, number]>>();
  for (const request of requests) {
    const sums = new Map<number, number>();
    for (const line of request.demand ?? []) {
      const role = free.get(line.role.trim().toLowerCase());
      const share = demandShare(line, days);
      if (!role || !share) continue;
      share.forEach((percent, m) => {
        if (percent <= 0) return;
        const name = `${role.role} in ${plan.months[m]}`;
        if (!index.has(name)) index.set(name, limits.push({ name, free: role.free[m]! }) - 1);
        const k = index.get(name)!;
        sums.set(k, (sums.get(k) ?? 0) + percent / 100);
      });
    }
    needs.set(request.id, [...sums].map(([k, fte]) => [k, Math.round(fte * 1000) / 1000]));
  }
  return { limits, needs };
}

/** Months from `from`'s to `to`'s, both included. */
function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}
