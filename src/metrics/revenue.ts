/** Revenue assurance: where each billing milestone stands, and the revenue leaking out through late billing. */
import { daysBetween } from '../model/dates.js';
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
  /** Days past the date it should have been done by (due date, or invoice date + payment days); null when not overdue. */
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
 * Leakage exactly as the two revenue rules flag it, so the report and `pmo check` never disagree:
 * revenue-billing-overdue: no invoiced date and due before today (due today is not late yet);
 * revenue-invoice-unpaid: invoiced, no received date, and invoiced more than invoicePaymentDays days ago.
 * The first rule does not look at `received`, so a payment recorded without its invoice date is still
 * flagged (the invoice record is missing); this follows it.
 */
function daysOverdue(billing: Billing, today: string, invoicePaymentDays: number): number | null {
  if (!billing.invoiced) return billing.due < today ? daysBetween(billing.due, today) : null;
  if (billing.received) return null;
  const late = daysBetween(billing.invoiced, today) - invoicePaymentDays;
  return late > 0 ? late : null;
}

export function revenueStatus(
  projects: ReadonlyArray<Pick<Project, 'id' | 'revenue'>>,
  today: string,
  invoicePaymentDays: number,
): RevenueStatus {
  const items = projects.flatMap((project) =>
    (project.revenue ?? []).filter((billing) => billing?.due).map((billing): BillingRow => {
      const days = daysOverdue(billing, today, invoicePaymentDays);
      return {
        project: project.id,
        id: billing.id,
        amount: finite(billing.amount) ?? 0,
        due: billing.due,
        invoiced: billing.invoiced ?? null,
        received: billing.received ?? null,
        state: stateOf(billing, today),
        overdue: days !== null,
        days_overdue: days,
      };
    }),
  );
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
