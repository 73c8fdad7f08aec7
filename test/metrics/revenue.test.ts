import { describe, expect, it } from 'vitest';
import { billingRows, revenueStatus } from '../../src/metrics/revenue.js';
import billingOverdue from '../../src/rules/builtin/revenue-billing-overdue.js';
import invoiceUnpaid from '../../src/rules/builtin/revenue-invoice-unpaid.js';
import { project, runProjectRule } from './rule-context.js';

const TODAY = '2026-11-20';
const PAYMENT_DAYS = 45;

const projects = [
  project('apollo', {
    revenue: [
      { id: 'B1', amount: 150000, due: '2026-10-31', invoiced: '2026-11-02' }, // invoiced 18 days ago: within 45
      { id: 'B2', amount: 100000, due: '2026-11-10' }, // due 10 days ago, not invoiced: overdue 10
      { id: 'B3', amount: 50000, due: '2026-11-20' }, // due today: due, not yet overdue
      { id: 'B4', amount: 80000, due: '2026-12-15' }, // upcoming
    ],
  }),
  project('hermes', {
    phase: 'closed', // the revenue rules check every phase, closed included
    revenue: [
      { id: 'B1', amount: 40000, due: '2026-08-31', invoiced: '2026-09-01', received: '2026-10-01' }, // received
      { id: 'B2', amount: 60000, due: '2026-09-15', invoiced: '2026-09-30' }, // 09-30 + 45 days = 11-14 (31 days to 10-31, then 14): 6 days overdue on 11-20
      { id: 'B3', amount: 10000, due: '2026-10-05', invoiced: '2026-10-06' }, // 10-06 to 11-20 = 45 days: at the limit, not over
      { id: 'B4', amount: 5000, due: '2026-09-01', received: '2026-09-10' }, // paid, but never invoiced: the billing rule flags it, 80 days
    ],
  }),
];

describe('revenueStatus', () => {
  const status = revenueStatus(projects.flatMap((p) => billingRows(p, TODAY, PAYMENT_DAYS)));

  it('states each billing milestone, by due date', () => {
    expect(status.items).toEqual([
      { project: 'hermes', id: 'B1', amount: 40000, due: '2026-08-31', invoiced: '2026-09-01', received: '2026-10-01', state: 'received', overdue: false, overdue_since: null, days_overdue: null },
      { project: 'hermes', id: 'B4', amount: 5000, due: '2026-09-01', invoiced: null, received: '2026-09-10', state: 'received', overdue: true, overdue_since: '2026-09-01', days_overdue: 80 },
      { project: 'hermes', id: 'B2', amount: 60000, due: '2026-09-15', invoiced: '2026-09-30', received: null, state: 'invoiced', overdue: true, overdue_since: '2026-11-14', days_overdue: 6 },
      { project: 'hermes', id: 'B3', amount: 10000, due: '2026-10-05', invoiced: '2026-10-06', received: null, state: 'invoiced', overdue: false, overdue_since: null, days_overdue: null },
      { project: 'apollo', id: 'B1', amount: 150000, due: '2026-10-31', invoiced: '2026-11-02', received: null, state: 'invoiced', overdue: false, overdue_since: null, days_overdue: null },
      { project: 'apollo', id: 'B2', amount: 100000, due: '2026-11-10', invoiced: null, received: null, state: 'due', overdue: true, overdue_since: '2026-11-10', days_overdue: 10 },
      { project: 'apollo', id: 'B3', amount: 50000, due: '2026-11-20', invoiced: null, received: null, state: 'due', overdue: false, overdue_since: null, days_overdue: null },
      { project: 'apollo', id: 'B4', amount: 80000, due: '2026-12-15', invoiced: null, received: null, state: 'upcoming', overdue: false, overdue_since: null, days_overdue: null },
    ]);
  });

  it('totals by state, and the leakage', () => {
    // billed   = 150,000 + 100,000 + 50,000 + 80,000 + 40,000 + 60,000 + 10,000 + 5,000 = 495,000
    // due      = apollo B2 100,000 + B3 50,000 = 150,000
    // invoiced = apollo B1 150,000 + hermes B2 60,000 + hermes B3 10,000 = 220,000
    // received = hermes B1 40,000 + hermes B4 5,000 = 45,000      (+ upcoming 80,000 = 495,000)
    // overdue  = apollo B2 100,000 + hermes B2 60,000 + hermes B4 5,000 = 165,000
    expect(status.totals).toEqual({ billed: 495000, due: 150000, invoiced: 220000, received: 45000, overdue: 165000 });
  });

  it('the rules say the days overdue from the date the table counts from', () => {
    const config = { thresholds: { invoice_payment_days: PAYMENT_DAYS } };
    expect(runProjectRule(invoiceUnpaid, projects, TODAY, config).map((r) => [r.item, r.data?.since, r.data?.days])).toEqual([['B2', '2026-11-14', 6]]);
    expect(runProjectRule(billingOverdue, projects, TODAY, config).map((r) => [r.item, r.data?.due, r.data?.days])).toEqual([['B2', '2026-11-10', 10], ['B4', '2026-09-01', 80]]);
  });

  it('flags as overdue exactly what the two revenue rules flag', () => {
    const config = { thresholds: { invoice_payment_days: PAYMENT_DAYS } };
    const flagged = [...runProjectRule(billingOverdue, projects, TODAY, config), ...runProjectRule(invoiceUnpaid, projects, TODAY, config)]
      .map((r) => `${r.project}/${r.item}`)
      .sort();
    expect(flagged).toEqual(['apollo/B2', 'hermes/B2', 'hermes/B4']);
    expect(status.items.filter((i) => i.overdue).map((i) => `${i.project}/${i.id}`).sort()).toEqual(flagged);
  });

  it('is empty for a portfolio with no billing milestones', () => {
    expect(revenueStatus(billingRows(project('p'), TODAY, PAYMENT_DAYS))).toEqual({ items: [], totals: { billed: 0, due: 0, invoiced: 0, received: 0, overdue: 0 } });
  });
});
