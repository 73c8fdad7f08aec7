/** The audit action measures, worked out by hand from the dates below (docs/metrics.md, "Audit actions"). */
import { describe, expect, it } from 'vitest';
import { actionMeasures, actionMeasuresBy, actionRows, hasLiveAction } from '../../src/metrics/audit-actions.js';
import type { Audit, AuditAction } from '../../src/model/schemas/audit.js';

const TODAY = '2026-11-20';
const act = (id: string, rest: Partial<AuditAction>): AuditAction => ({ id, type: 'corrective', what: id, owner: 'jdoe', due: '2026-12-31', state: 'open', ...rest });
const verified = (done: string, effective: boolean): Partial<AuditAction> => ({ state: 'verified', done, verification: { date: '2026-11-01', by: 'asmith', effective } });

// The audit is of 2026-09-01. Days from it to each closed action's done date: A3 10, A4 20, A5 30, A6 50.
const AUDIT: Audit = {
  id: 'q3', date: '2026-09-01', auditor: 'asmith', scope: 'all',
  findings: [
    { id: 'F1', message: 'm', severity: 'warn', project: 'alpha', actions: [
      act('A1', { due: '2026-11-01' }), // open, 19 days overdue
      act('A3', { state: 'done', done: '2026-09-11', due: '2026-09-30' }),
    ] },
    { id: 'F2', message: 'm', severity: 'warn', project: 'beta', actions: [
      act('A2', { due: '2026-12-01' }), // open, not yet due
      act('A4', verified('2026-09-21', true)),
      act('A5', verified('2026-10-01', false)),
      act('A6', verified('2026-10-21', true)),
      act('A7', { state: 'dropped', reason: 'replaced' }),
    ] },
    { id: 'F3', message: 'no action', severity: 'info' },
  ],
};

describe('audit action measures', () => {
  const rows = actionRows([{ data: AUDIT }], TODAY);

  it('counts each state, the overdue, closure rate, median days to close and share verified effective', () => {
    expect(actionMeasures(rows)).toEqual({
      actions: 7, open: 2, overdue: 1, done: 1, verified: 3, dropped: 1,
      // closed (1 done + 3 verified) of the 6 not dropped: 66.67%
      closure_rate_pct: 66.7,
      // 10, 20, 30, 50: the middle two average to 25
      median_days_to_close: 25,
      // 2 of the 3 verified were effective
      verified_effective_pct: 66.7,
    });
  });

  it('groups by a key: alpha has one overdue of two, half closed, 10 days to close, none verified', () => {
    const [alpha, beta] = actionMeasuresBy(rows, (r) => r.project ?? '');
    expect(alpha).toEqual({ key: 'alpha', actions: 2, open: 1, overdue: 1, done: 1, verified: 0, dropped: 0, closure_rate_pct: 50, median_days_to_close: 10, verified_effective_pct: null });
    // beta: 3 verified of the 4 not dropped; days 20, 30, 50 → median 30
    expect(beta).toMatchObject({ key: 'beta', actions: 5, closure_rate_pct: 75, median_days_to_close: 30, verified_effective_pct: 66.7 });
  });

  it('an overdue action knows by how much; no actions give no rates', () => {
    expect(rows.find((r) => r.standing.action.id === 'A1')!.standing.daysOverdue).toBe(19);
    expect(actionMeasures([])).toMatchObject({ actions: 0, closure_rate_pct: null, median_days_to_close: null, verified_effective_pct: null });
  });

  it('a finding has a live action while one is open, done or verified effective', () => {
    expect(AUDIT.findings!.map(hasLiveAction)).toEqual([true, true, false]);
    expect(hasLiveAction({ id: 'F9', message: 'm', severity: 'warn', actions: [act('A9', verified('2026-10-01', false))] })).toBe(false);
  });
});
