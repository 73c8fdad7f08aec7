/**
 * Capacity against demand (`pmo report capacity`), per role and month, in full-time people (FTE):
 *
 * - supply: the capacity of the people of the role in people.yaml (80% is 0.8), plus pmo.yaml's
 *   `capacity.roles` for the people it does not name;
 * - booked: the active projects' allocations (load.ts's spans, as the heatmap and allocation-over-capacity read
 *   them), each averaged over the month's working days, counted under its person's role in people.yaml (else the
 *   allocation's own `role`);
 * - pipeline: the requests' demand lines, approved and proposed apart, averaged the same way;
 * - free = supply - booked; gap = supply - booked - approved - proposed (below 0: people short).
 *
 * And each person's months over capacity: a month one of whose working days loads them above it (the rule's
 * and the heatmap's judgement of a day). Roles match whatever their case. Pure.
 */
import type { Person } from '../model/schemas/people.js';
import type { Project } from '../model/schemas/project.js';
import type { DemandLine, Request } from '../model/schemas/request.js';
import { nextMonth } from './costs.js';
import { allocationSpans, dayNumber, loadSegments, monthDays, monthlyPeaks, monthlyShare, type MonthDays } from './load.js';
import { byText, finite } from './numbers.js';

/** The role of an allocation whose person has none in people.yaml and which names none itself. */
export const NO_ROLE = '(no role)';

export interface CapacityOptions {
  /** Today: its month is the first. */
  from: string;
  months: number;
  /** The capacity of a person people.yaml does not give one (thresholds.allocation_max_pct). */
  defaultCapacity: number;
  /** The lifecycle's last phase: its projects are finished and hold nobody. */
  lastPhase?: string;
  /** pmo.yaml's capacity.roles: FTE per role beside the people named. */
  roles: Readonly<Record<string, number>>;
}

export interface RoleCapacity {
  role: string;
  /** The people of people.yaml with this role. */
  people: string[];
  /** FTE pmo.yaml adds for people it does not name. */
  unnamed_fte: number;
  supply: number[];
  booked: number[];
  approved: number[];
  proposed: number[];
  free: number[];
  gap: number[];
  /** Months whose gap is below 0. */
  short_months: string[];
}

export interface PersonOver {
  person: string;
  name: string | null;
  role: string | null;
  capacity: number;
  /** Each month's peak day, in percent. */
  peak: number[];
  over_months: string[];
}

export interface CapacityPlan {
  months: string[];
  /** Roles with supply from pmo.yaml or any demand in the months, by name. */
  roles: RoleCapacity[];
  /** Roles of people.yaml nobody needs in the months. */
  idle_roles: string[];
  people_over: PersonOver[];
}

type CapacityProject = Pick<Project, 'id' | 'phase' | 'dates' | 'team' | 'cancelled'>;
type Series = 'booked' | 'approved' | 'proposed';

/** The N months from `from`'s on, YYYY-MM. */
export function monthsFrom(from: string, count: number): string[] {
  const months: string[] = [];
  for (let month = from.slice(0, 7); months.length < Math.max(0, Math.floor(count)); month = nextMonth(month)) months.push(month);
  return months;
}

export function capacityPlan(projects: readonly CapacityProject[], people: readonly Person[], requests: readonly Request[], options: CapacityOptions): CapacityPlan {
  const months = monthsFrom(options.from, options.months);
  const days = months.map(monthDays);
  const table = new RoleTable(months.length);
  const known = new Map(people.filter((p) => p?.id).map((p) => [p.id, p]));
  for (const person of known.values()) table.supply(person.role ?? NO_ROLE, person.id, (finite(person.capacity) ?? options.defaultCapacity) / 100);
  for (const [role, fte] of Object.entries(options.roles)) table.unnamed(role, finite(fte) ?? 0);
  const active = projects.filter((p) => options.lastPhase === undefined || p.phase !== options.lastPhase);
  for (const project of active) {
    for (const [person, percent, from, to, index] of allocationSpans(project)) {
      const role = known.get(person)?.role ?? project.team?.[index]?.role ?? NO_ROLE;
      table.add(role, 'booked', monthlyShare(percent, from, to, days));
    }
  }
  for (const request of requests) {
    for (const line of request.demand ?? []) {
      const share = demandShare(line, days);
      if (share) table.add(line.role, request.status === 'approved' ? 'approved' : 'proposed', share);
    }
  }
  return { months, ...table.rows(months, options.roles), people_over: peopleOver(active, known, days, options.defaultCapacity) };
}

/** A demand line's load per month in FTE (undefined: it gives no effort, or both ways, which the check reports). */
export function demandShare(line: DemandLine, days: readonly MonthDays[]): number[] | undefined {
  const fte = finite(line.fte);
  const allocation = finite(line.allocation);
  if ((fte === null) === (allocation === null)) return undefined;
  const percent = fte !== null ? fte * 100 : allocation!;
  // 1e308 people is a number to zod, and Infinity once in percent: no figure can be made of it.
  if (!Number.isFinite(percent)) return undefined;
  return monthlyShare(percent, dayNumber(line.from), dayNumber(line.to), days);
}

/** Each person loaded above capacity on some working day of a month, with those months. */
function peopleOver(projects: readonly CapacityProject[], known: ReadonlyMap<string, Person>, days: readonly MonthDays[], defaultCapacity: number): PersonOver[] {
  const parts = new Map<string, Array<{ part: string; percent: number; from: number; to: number | null }>>();
  for (const project of projects) {
    for (const [person, percent, from, to] of allocationSpans(project)) {
      if (!parts.has(person)) parts.set(person, []);
      parts.get(person)!.push({ part: project.id, percent, from, to });
    }
  }
  const start = days[0]?.first ?? 0;
  const rows = [...parts].map(([person, list]): PersonOver => {
    const capacity = finite(known.get(person)?.capacity) ?? defaultCapacity;
    const peak = monthlyPeaks(loadSegments(list, start).segments, days);
    return { person, name: known.get(person)?.name ?? null, role: known.get(person)?.role ?? null, capacity, peak, over_months: days.filter((_, i) => peak[i]! > capacity).map((m) => m.month) };
  });
  return rows.filter((r) => r.over_months.length > 0).sort((a, b) => b.over_months.length - a.over_months.length || byText(a.person, b.person));
}

interface RoleSums {
  role: string;
  people: string[];
  unnamed: number;
  named: number;
  booked: number[];
  approved: number[];
  proposed: number[];
}

/** How roles are told apart: whatever their case and surrounding spaces (the report's rows, the rule's check). */
export const roleKey = (role: string): string => role.trim().toLowerCase();

/** The sums by role, keyed by the role in lower case and named as first written. */
class RoleTable {
  private readonly byKey = new Map<string, RoleSums>();
  constructor(private readonly width: number) {}

  private of(role: string): RoleSums {
    const key = roleKey(role);
    let sums = this.byKey.get(key);
    if (!sums) {
      const zeros = () => new Array<number>(this.width).fill(0);
      sums = { role: role.trim(), people: [], unnamed: 0, named: 0, booked: zeros(), approved: zeros(), proposed: zeros() };
      this.byKey.set(key, sums);
    }
    return sums;
  }

  supply(role: string, person: string, fte: number): void {
    const sums = this.of(role);
    sums.people.push(person);
    sums.named += fte;
  }

  unnamed(role: string, fte: number): void {
    this.of(role).unnamed += fte;
  }

  add(role: string, series: Series, share: readonly number[]): void {
    const sums = this.of(role)[series];
    share.forEach((percent, i) => (sums[i]! += percent / 100));
  }

  rows(months: readonly string[], configured: Readonly<Record<string, number>>): Pick<CapacityPlan, 'roles' | 'idle_roles'> {
    const named = new Set(Object.keys(configured).map(roleKey));
    const all = [...this.byKey.entries()].sort(([, a], [, b]) => byText(a.role.toLowerCase(), b.role.toLowerCase()));
    const needed = ([key, s]: [string, RoleSums]) => named.has(key) || [...s.booked, ...s.approved, ...s.proposed].some((v) => v > 0);
    return { roles: all.filter(needed).map(([, s]) => roleRow(s, months)), idle_roles: all.filter((e) => !needed(e)).map(([, s]) => s.role) };
  }
}

function roleRow(s: RoleSums, months: readonly string[]): RoleCapacity {
  const supply = months.map(() => tidy(s.named + s.unnamed));
  const free = supply.map((v, i) => tidy(v - s.booked[i]!));
  const gap = free.map((v, i) => tidy(v - s.approved[i]! - s.proposed[i]!));
  return {
    role: s.role,
    people: [...s.people].sort(byText),
    unnamed_fte: tidy(s.unnamed),
    supply,
    booked: s.booked.map(tidy),
    approved: s.approved.map(tidy),
    proposed: s.proposed.map(tidy),
    free,
    gap,
    short_months: months.filter((_, i) => gap[i]! < 0),
  };
}

/** FTE to 3 decimals (a person-hour or so), and no -0; a number too large for that as it is. */
const tidy = (n: number) => (Number.isFinite(n * 1000) ? Math.round(n * 1000) / 1000 + 0 : n);
