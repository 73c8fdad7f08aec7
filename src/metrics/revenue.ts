/** Revenue assurance: where each billing milestone stands, and the revenue leaking out through late billing. */
import { addDays, daysBetween } from '../model/dates.js';
import type { Project } from '../model/schemas/project.js';
import { byText, finite } from './numbers.js';

type Billing = NonNullable<Project['revenue']>[number];

export type BillingState = 'received' | 'invoiced' | 'due' | 'upcoming';

export interface BillingRow {
  project: string;
  id: string;
  amount: number;
  due: string;
  invoiced: string | null;
  received: string | null;
  state: BillingState;
  overdue: boolean;
  /** The date it should have been done by: the due date (not invoiced), or the invoice date + payment days (unpaid). */
  overdue_since: string | null;
  /** Days from `overdue_since` to today; null when not overdue. */
  days_overdue: number | null;
}

export interface RevenueStatus {
  items: BillingRow[];
  totals: { billed: number; due: number; invoiced: number; received: number; overdue: number };
}

/** The furthest step recorded: paid, else invoiced, else due (on or before today), else still to come. */
function stateOf(billing: Billing, today: string): BillingState {
  if (billing.received) return 'received';
  if (billing.invoiced) return 'invoiced';
  return billing.due <= today ? 'due' : 'upcoming';
}

/**
 * Leakage exactly as the two revenue rules flag it (they read these rows), from the date each counts from:
 * revenue-billing-overdue: no invoiced date and due before today (due today is not late yet), overdue since the due date;
 * revenue-invoice-unpaid: invoiced, no received date, and invoiced more than invoicePaymentDays days ago,
 * overdue since the invoice date + invoicePaymentDays.
 * The first rule does not look at `received`, so a payment recorded without its invoice date is still
 * flagged (the invoice record is missing); this follows it.
 */
function overdueSince(billing: Billing, today: string, invoicePaymentDays: number): string | null {
  if (!billing.invoiced) return billing.due < today ? billing.due : null;
  if (billing.received || daysBetween(billing.invoiced, today) <= invoicePaymentDays) return null;
  return addDays(billing.invoiced, invoicePaymentDays);
}

/**
 * The first day a billing milestone not overdue `today` is (see overdueSince): the day after it is due, or after
 * its invoice's payment days; null when it is overdue already or never will be (paid) over the same data.
 */
export function overdueFrom(billing: Pick<Billing, 'due' | 'invoiced' | 'received'>, today: string, invoicePaymentDays: number): string | null {
  if (!billing.invoiced) return billing.due >= today ? addDays(billing.due, 1) : null;
  if (billing.received) return null;
  const from = addDays(billing.invoiced, invoicePaymentDays + 1);
  return from > today ? from : null;
}

/**
 * One project's billing milestones, in file order, as they stand today. `day` gives today, and is asked only
 * for a milestone whose state depends on it (one paid in full does not): a closed project whose billing is
 * all settled stays day-blind.
 */
export function billingRows(project: Pick<Project, 'id' | 'revenue'>, day: string | (() => string), invoicePaymentDays: number): BillingRow[] {
  const todayOf = typeof day === 'string' ? () => day : day;
  return (project.revenue ?? []).filter((billing) => billing?.due).map((billing): BillingRow => {
    const settled = Boolean(billing.invoiced && billing.received);
    const today = settled ? '' : todayOf();
    const since = settled ? null : overdueSince(billing, today, invoicePaymentDays);
    return {
      project: project.id,
      id: billing.id,
      amount: finite(billing.amount) ?? 0,
      due: billing.due,
      invoiced: billing.invoiced ?? null,
      received: billing.received ?? null,
      state: settled ? 'received' : stateOf(billing, today),
      overdue: since !== null,
      overdue_since: since,
      days_overdue: since === null ? null : daysBetween(since, today),
    };
  });
}

/** The portfolio's billing: every project's rows (from their measures) as a cash calendar, and the totals. */
export function revenueStatus(rows: readonly BillingRow[]): RevenueStatus {
  const items = [...rows];
  // A cash calendar: by due date, then project and id.
  items.sort((a, b) => byText(a.due, b.due) || byText(a.project, b.project) || byText(a.id, b.id));

  const totals = { billed: 0, due: 0, invoiced: 0, received: 0, overdue: 0 };
  for (const item of items) {
    totals.billed += item.amount;
    if (item.state !== 'upcoming') totals[item.state] += item.amount;
    if (item.overdue) totals.overdue += item.amount;
  }
  return { items, totals };
}

