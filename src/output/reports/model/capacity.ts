/**
 * The capacity report's view model (`pmo report capacity`): metrics/capacity.ts's plan with names beside ids,
 * each role's months as rows for the tables and its chart's data (booked, approved and proposed demand stacked
 * under the supply line). Nothing is computed here that the plan does not hold.
 */
import { capacityPlan, type CapacityOptions, type CapacityPlan, type RoleCapacity } from '../../../metrics/capacity.js';
import { SERIES_PALETTE } from '../charts/trend.js';
import { reportHeader, type ReportContext } from './context.js';
import { suggest } from '../../../model/suggest.js';

export const DEFAULT_CAPACITY_MONTHS = 6;

/** The plan of the report's context: the active projects' allocations and every request's demand. */
export function planOf(ctx: ReportContext, months: number): CapacityPlan {
  return capacityPlan(ctx.data.projects.map((p) => p.data), ctx.data.people, ctx.data.requests.map((r) => r.data), { ...capacityOptions(ctx), months });
}

/** The report's day and pmo.yaml's settings, as the capacity measures read them. */
export function capacityOptions(ctx: ReportContext): Omit<CapacityOptions, 'months'> {
  return {
    from: ctx.today,
    defaultCapacity: ctx.config.thresholds.allocation_max_pct,
    lastPhase: ctx.config.lifecycle[ctx.config.lifecycle.length - 1],
    roles: ctx.config.capacityRoles,
  };
}

export function capacityModel(ctx: ReportContext, months: number) {
  const plan = planOf(ctx, months);
  return {
    report: reportHeader(ctx, 'Capacity against demand'),
    months: plan.months,
    roles: plan.roles.map((role) => roleView(role, plan.months, supplied(plan))),
    short_roles: plan.roles.filter((r) => r.short_months.length > 0).length,
    idle_roles: plan.idle_roles,
    people_over: plan.people_over.map((p) => ({ ...p, name: p.name ?? p.person })),
    left_out: ctx.data.leftOut,
  };
}

/** The roles someone supplies: what a role nobody has was likely meant to be. */
function supplied(plan: CapacityPlan): string[] {
  return [...plan.roles.filter((r) => r.people.length > 0 || r.unnamed_fte > 0).map((r) => r.role), ...plan.idle_roles];
}

function roleView(role: RoleCapacity, months: readonly string[], known: readonly string[]) {
  const unsupplied = role.people.length === 0 && role.unnamed_fte === 0;
  const cells = months.map((month, i) => ({
    month,
    supply: role.supply[i]!,
    booked: role.booked[i]!,
    approved: role.approved[i]!,
    proposed: role.proposed[i]!,
    free: role.free[i]!,
    gap: role.gap[i]!,
    short: role.gap[i]! < 0,
  }));
  return {
    ...role,
    cells,
    /** For a role nobody has (a typo in a request's demand?), the closest role someone has; else null. */
    did_you_mean: unsupplied ? (suggest(role.role, known) ?? null) : null,
    chart_title: `${role.role}: demand against supply (FTE)`,
    chart: {
      columns: [...months],
      series: [
        { label: 'booked', values: role.booked, color: SERIES_PALETTE[0] },
        { label: 'approved requests', values: role.approved, color: SERIES_PALETTE[1] },
        { label: 'proposed requests', values: role.proposed, color: SERIES_PALETTE[3] },
      ],
      ceiling: { label: 'supply', values: role.supply },
    },
  };
}
