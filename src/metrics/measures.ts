/**
 * Every measure of one project, derived once from the project, pmo.yaml and the day: the rules, the report
 * views, `pmo status`, gates and trends all read them here, so one project has one set of numbers wherever it
 * is shown. docs/metrics.md states each definition.
 *
 * Measures are computed when first asked for and kept. The day is asked for only by the measures that depend
 * on it (a rule that reads none of them stays "day-blind", and its findings are cached across days); a kept
 * measure that read the day asks for it again each time it is read, so whoever tracks the reads sees it.
 */
import { addDays, daysBetween } from '../model/dates.js';
import type { Config } from '../model/config.js';
import type { Project } from '../model/schemas/project.js';
import { actualCost, costCurve, costsByMonth, type CostForecast, type CostMonth } from './costs.js';
import { costPerformanceOf, earnedSchedule, earnedValue, earnedValueOf, ofDates, plannedValueByDay, spiTurnsFrom, type CostPerformance, type EarnedSchedule, type EarnedValue, type EvmInputs } from './evm.js';
import { byText, finite } from './numbers.js';
import { billingRows, overdueFrom, type BillingRow } from './revenue.js';
import { riskExposure } from './risk.js';
import { milestonesDue, nextOverdueDay, overdueMilestones } from './schedule.js';

type Issue = NonNullable<Project['issues']>[number];
type Risk = NonNullable<Project['risks']>[number];
type StatusUpdate = NonNullable<Project['status']>[number];

/** What measuring a project needs besides the project: pmo.yaml's settings, and the day, read lazily. */
export interface MeasureBasis {
  config: Pick<Config, 'lifecycle' | 'thresholds' | 'pvMethod' | 'records'>;
  today(): string;
}

/**
 * Where a project stands in its life: running, held (a hold without an `until`), cancelled, or closed (the
 * lifecycle's last phase). Cancelled and closed projects are finished.
 */
export type LifecycleState = 'active' | 'on_hold' | 'cancelled' | 'closed';

export interface ForecastCost {
  amount: number;
  /** The PM's `budget.forecast`, else the EAC of earned value. */
  source: 'forecast' | 'EAC';
}

export interface StatusFreshness {
  update: StatusUpdate | null;
  index: number | null;
  /** Whether the project owes status updates: it is running (not held or finished) and past initiation. */
  required: boolean;
  /** Required, and none yet or the newest older than `status_max_age_days`. */
  stale: boolean;
  /** The first day the newest update is stale: its date + `status_max_age_days` + 1 (null without one). */
  staleFrom: string | null;
}

export class ProjectMeasures {
  readonly #memo = new Map<string, unknown>();
  /** The kept measures that read the day. */
  readonly #dayBound = new Set<string>();
  #readDay = false;

  constructor(
    readonly project: Project,
    private readonly basis: MeasureBasis,
  ) {}

  get state(): LifecycleState {
    const { lifecycle } = this.basis.config;
    if (this.project.cancelled) return 'cancelled';
    if (this.project.phase === lifecycle[lifecycle.length - 1]) return 'closed';
    return this.currentHold ? 'on_hold' : 'active';
  }

  /** Closed or cancelled: no longer run, only kept. */
  get finished(): boolean {
    const state = this.state;
    return state === 'closed' || state === 'cancelled';
  }

  /** The hold the project is in now: the last one, while it has no `until`. */
  get currentHold(): NonNullable<Project['holds']>[number] | null {
    const holds = this.project.holds ?? [];
    const last = holds[holds.length - 1];
    return last && !last.until ? last : null;
  }

  /** The day the project is measured on: a finished project's last day (actual end, or cancellation), else today. */
  get measuredOn(): string {
    return this.memo('measuredOn', () => {
      // A finished project's day does not move: measured on its last day, it stays day-blind (an actual end
      // after today is dates/future's finding).
      const end = this.state === 'cancelled' ? this.project.cancelled?.on : this.state === 'closed' ? this.project.dates?.actual_end : undefined;
      return end ?? this.today();
    });
  }

  /**
   * Approved changes that raise the commitment: each approved change's cost and schedule impact, unless it
   * lists the baseline it moves under `rebaselines` (the PM already moved that baseline: adding it again
   * would count it twice).
   */
  get approvedChanges(): { cost: number; days: number } {
    return this.memo('approvedChanges', () => {
      let cost = 0;
      let days = 0;
      for (const change of this.project.changes ?? []) {
        if (change.status !== 'approved') continue;
        const moved = change.rebaselines ?? [];
        if (!moved.includes('budget.baseline')) cost += finite(change.cost_impact) ?? 0;
        if (!moved.includes('dates.baseline_end')) days += finite(change.schedule_impact_days) ?? 0;
      }
      return { cost, days };
    });
  }

  /** The approved budget, the BAC: the baseline plus the approved changes not already in it. */
  get approvedBudget(): number | null {
    const baseline = finite(this.project.budget?.baseline);
    return baseline === null ? null : baseline + this.approvedChanges.cost;
  }

  /** The approved end date: the baseline end plus the approved changes' days not already in it. */
  get approvedEnd(): string | null {
    const end = this.project.dates?.baseline_end;
    return end ? addDays(end, this.approvedChanges.days) : null;
  }

  /** Money spent to date: the cost log's sum when the project logs costs, else `budget.actual` (costs.ts). */
  get actualCost(): number | null {
    return this.memo('actualCost', () => actualCost(this.project));
  }

  /** The cost log by month, oldest first (empty when the project does not log costs). */
  get costsByMonth(): ReturnType<typeof costsByMonth> {
    return this.memo('costsByMonth', () => costsByMonth(this.project));
  }

  /**
   * Planned value and spend by month (costs.ts): PV on each month's last day from the baselines, the log's spend
   * for the months that are over. Reads the day (which months are over).
   */
  get costCurve(): CostMonth[] {
    return this.memo('costCurve', () => {
      return costCurve(this.project, this.plannedValue, this.today(), this.costForecast);
    });
  }

  /** What the curve's forecast runs on: the spend now, the forecast cost and the forecast end; undefined without one of them. */
  private get costForecast(): CostForecast | undefined {
    const ac = this.actualCost;
    const eac = this.forecastCost?.amount;
    const end = this.forecastEnd;
    return ac === null || eac === undefined || end === null || this.finished ? undefined : { ac, eac, end };
  }

  /** The cost at completion as forecast: the PM's `budget.forecast`, else the EAC (which depends on the day). */
  get forecastCost(): ForecastCost | null {
    return this.memo('forecastCost', () => {
      const given = finite(this.project.budget?.forecast);
      if (given !== null) return { amount: given, source: 'forecast' as const };
      const eac = this.costPerformance.eac;
      return eac === null ? null : { amount: eac, source: 'EAC' as const };
    });
  }

  /** The forecast cost against the approved budget: the amount over (negative: under), and that as % of it. */
  get budgetVariance(): { amount: number; pct: number | null } | null {
    const forecast = this.forecastCost;
    const approved = this.approvedBudget;
    if (forecast === null || approved === null) return null;
    const amount = forecast.amount - approved;
    return { amount, pct: approved === 0 ? null : (amount / approved) * 100 };
  }

  /** When the project ends: its actual end once it has one, else the forecast end. */
  get forecastEnd(): string | null {
    return endDate(this.project);
  }

  /** Days from the approved end to the forecast (or actual) end; positive is late. */
  get scheduleSlip(): number | null {
    const approved = this.approvedEnd;
    const end = this.forecastEnd;
    return approved && end ? daysBetween(approved, end) : null;
  }

  /** BAC, PV, EV and AC on the day measured (the BAC is the approved budget). */
  get evmInputs(): EvmInputs {
    return this.memo('evmInputs', () => {
      const bac = this.approvedBudget;
      return { bac, pv: this.plannedValue(this.measuredOn), ev: this.earnedValue, ac: this.actualCost };
    });
  }

  /**
   * The first day after the day measured on which `turned` holds of the SPI (null: never), for a test that holds
   * on every later day once it holds (see spiTurnsFrom); reads the day.
   */
  spiTurnsFrom(turned: (spi: number | null) => boolean): string | null {
    return spiTurnsFrom(this.project, this.plannedValueByDay, this.earnedValue, this.measuredOn, turned);
  }

  /** PV as a function of the day (the BAC is the approved budget): worked out once, read on many days. */
  private get plannedValue(): (day: string) => number | null {
    return this.memo('plannedValue', () => ofDates(this.plannedValueByDay));
  }

  /** The same, of the day's number (see dayNumber). */
  private get plannedValueByDay(): (day: number) => number | null {
    return this.memo('plannedValueByDay', () => plannedValueByDay(this.project, this.approvedBudget, this.basis.config.pvMethod));
  }

  /** EV: what the work done has earned of the approved budget (no day moves it). */
  get earnedValue(): number | null {
    return this.memo('earnedValue', () => earnedValue(this.project, this.approvedBudget));
  }

  /**
   * CV, CPI, EAC, ETC, VAC and TCPI, the same as `evm`'s: from the BAC, EV and AC alone, so a rule that reads only
   * these does not read the day, and its findings hold across days (PV, SV and SPI read it).
   */
  get costPerformance(): CostPerformance {
    return this.memo('costPerformance', () => costPerformanceOf({ bac: this.approvedBudget, ev: this.earnedValue, ac: this.actualCost }));
  }

  get evm(): EarnedValue {
    return this.memo('evm', () => earnedValueOf(this.evmInputs));
  }

  /** ES, SV(t) and SPI(t) on the day measured (evm.ts); null where PV is not time-phased or there is no EV. */
  get earnedSchedule(): EarnedSchedule | null {
    return this.memo('earnedSchedule', () => earnedSchedule(this.project, this.evmInputs, this.measuredOn, this.basis.config.pvMethod));
  }

  /**
   * Open milestones due before the day measured (a finished project: its last day, so it is never late after).
   * None while the project is on hold: its dates wait for the decision to resume.
   */
  get overdueMilestones(): ReturnType<typeof overdueMilestones> {
    return this.memo('overdueMilestones', () => (this.state === 'on_hold' ? [] : overdueMilestones(this.project, this.measuredOn)));
  }

  /** The day the next open milestone not overdue on the day measured falls overdue; null: none to come, or on hold. */
  get nextOverdueMilestoneDay(): string | null {
    return this.memo('nextOverdueMilestoneDay', () => (this.state === 'on_hold' ? null : nextOverdueDay(this.project, this.measuredOn)));
  }

  /**
   * Milestones with a baseline date on or before the day measured ("due"), and how many of them were done (an
   * `actual` date) on or before their baseline: the scorecard's milestones met on their baseline date.
   */
  get baselineMilestones(): { due: number; met: number } {
    return this.memo('baselineMilestones', () => {
      const day = this.measuredOn;
      const due = (this.project.milestones ?? []).filter((m) => m.baseline && m.baseline <= day);
      return { due: due.length, met: due.filter((m) => m.actual && m.actual <= m.baseline!).length };
    });
  }

  /** Open milestones due from today up to `horizonDays` ahead, while the project runs. */
  milestonesDue(horizonDays: number): ReturnType<typeof milestonesDue> {
    return this.state === 'active' ? milestonesDue(this.project, this.today(), horizonDays) : [];
  }

  /** Each billing milestone's state today: invoiced, paid, overdue and since when (the revenue rules' reading). */
  get billing(): BillingRow[] {
    return this.memo('billing', () => billingRows(this.project, () => this.today(), this.basis.config.thresholds.invoice_payment_days));
  }

  /**
   * The first day a billing milestone not overdue today will be (null: overdue already, or never: paid). Reads the
   * day, but for a milestone invoiced and paid (as `billing` does): a closed project's settled billing stays day-blind.
   */
  billingOverdueFrom(billing: NonNullable<Project['revenue']>[number]): string | null {
    if (billing.invoiced && billing.received) return null;
    return overdueFrom(billing, this.today(), this.basis.config.thresholds.invoice_payment_days);
  }

  /** Issues still open: neither closed nor resolved (a resolution date closes an issue whose status was not updated). */
  get openIssues(): Issue[] {
    return this.memo('openIssues', () => (this.project.issues ?? []).filter(isOpenIssue));
  }

  /** Open risks (no status means open) with their exposure, highest first, then by id. */
  get openRisks(): Array<{ risk: Risk; exposure: number; high: boolean }> {
    return this.memo('openRisks', () =>
      (this.project.risks ?? [])
        .filter((r) => r.status !== 'closed')
        .map((risk) => {
          const exposure = riskExposure(risk);
          return { risk, exposure, high: exposure >= this.basis.config.thresholds.risk_high_exposure };
        })
        .sort((a, b) => b.exposure - a.exposure || byText(a.risk.id, b.risk.id)),
    );
  }

  /** The newest status update, and whether it is overdue (status-fresh's finding). */
  get status(): StatusFreshness {
    return this.memo('status', () => {
      const updates = this.project.status ?? [];
      const index = updates.length > 0 ? updates.length - 1 : null;
      const update = index === null ? null : updates[index]!;
      const required = this.state === 'active' && this.phaseAtLeast('planning');
      // A project that owes no updates is not judged on its age: the day is not read for it.
      const stale = required && (update === null || this.statusAgeDays! > this.basis.config.thresholds.status_max_age_days);
      const staleFrom = update && addDays(update.date, this.basis.config.thresholds.status_max_age_days + 1);
      return { update, index, required, stale, staleFrom };
    });
  }

  /** Days from the newest status update to today (null without one). */
  get statusAgeDays(): number | null {
    return this.memo('statusAgeDays', () => {
      const updates = this.project.status ?? [];
      return updates.length > 0 ? daysBetween(updates[updates.length - 1]!.date, this.today()) : null;
    });
  }

  /**
   * The records pmo.yaml requires of the project in its phase (those of that phase and every phase before),
   * each with the phase that first requires it, and whether the project names a path for it.
   */
  get records(): Array<{ record: string; from: string; present: boolean }> {
    return this.memo('records', () => {
      const { lifecycle, records } = this.basis.config;
      const at = lifecycle.indexOf(this.project.phase);
      const seen = new Map<string, { record: string; from: string; present: boolean }>();
      for (const phase of lifecycle.slice(0, at + 1)) {
        for (const record of records[phase] ?? []) if (!seen.has(record)) seen.set(record, { record, from: phase, present: hasRecord(this.project, record) });
      }
      return [...seen.values()];
    });
  }

  /** Days from `date` to today: the age of an issue raised or a change request waiting since then. */
  ageInDays(date: string): number {
    return daysBetween(date, this.today());
  }

  /** Whether the project's phase is at or after `name` in the lifecycle (false when either is not in it). */
  phaseAtLeast(name: string): boolean {
    const { lifecycle } = this.basis.config;
    const at = lifecycle.indexOf(this.project.phase);
    const target = lifecycle.indexOf(name);
    return at >= 0 && target >= 0 && at >= target;
  }

  private today(): string {
    this.#readDay = true;
    return this.basis.today();
  }

  /** A measure computed once; one that read the day reads it again on every later use (see the module doc). */
  private memo<T>(key: string, compute: () => T): T {
    if (this.#memo.has(key)) {
      if (this.#dayBound.has(key)) this.today();
      return this.#memo.get(key) as T;
    }
    const outer = this.#readDay;
    this.#readDay = false;
    const value = compute();
    if (this.#readDay) this.#dayBound.add(key);
    this.#readDay = outer || this.#readDay;
    this.#memo.set(key, value);
    return value;
  }
}

/** When a project ends: its actual end once it has one, else its forecast end (a portfolio rule's extract reads it too). */
export function endDate(project: Pick<Project, 'dates'>): string | null {
  return project.dates?.actual_end ?? project.dates?.forecast_end ?? null;
}

/** Whether the project's `records` map names at least one path for the record (an empty list names none). */
export function hasRecord(project: Project, name: string): boolean {
  const paths = project.records?.[name];
  return Array.isArray(paths) ? paths.length > 0 : typeof paths === 'string' && paths !== '';
}

export function isOpenIssue(issue: Pick<Issue, 'status' | 'resolved'>): boolean {
  return issue.status !== 'closed' && issue.resolved == null;
}

/**
 * A project's approved budget alone, without pmo.yaml or the day (a portfolio rule's extract has neither): the
 * same getter as every other reading of it.
 */
export function approvedBudgetOf(project: Project): number | null {
  return new ProjectMeasures(project, NO_BASIS).approvedBudget;
}

const NO_BASIS: MeasureBasis = {
  get config(): never {
    throw new Error('approvedBudgetOf: this measure needs pmo.yaml');
  },
  today: () => {
    throw new Error('approvedBudgetOf: this measure needs the day');
  },
};

/** Measures of a project on a plain day (views, which read every measure anyway). */
export function measureProject(project: Project, config: MeasureBasis['config'], today: string): ProjectMeasures {
  return new ProjectMeasures(project, { config, today: () => today });
}

