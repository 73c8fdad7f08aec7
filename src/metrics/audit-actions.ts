/**
 * The one reading of an audit's actions: each action's standing on a day (overdue, awaiting verification,
 * closed and when), and which findings still lack an action. The audit rules and the audit report both read
 * it, so a rule and the report never disagree on what is overdue.
 */
import { daysBetween } from '../model/dates.js';
import type { Audit, AuditAction, AuditFinding } from '../model/schemas/audit.js';

export interface ActionStanding {
  finding: AuditFinding;
  action: AuditAction;
  findingIndex: number;
  actionIndex: number;
  /** Open and past its due date. */
  overdue: boolean;
  daysOverdue: number;
  /** Done, not yet verified: days since it was done. */
  awaitingVerification: number | null;
  /** Done or verified: the day it was done. */
  closedOn: string | null;
  /** Closed on or before its due date. */
  closedOnTime: boolean | null;
}

export function actionStandings(audit: Audit, today: string): ActionStanding[] {
  return (audit.findings ?? []).flatMap((finding, findingIndex) =>
    (finding.actions ?? []).map((action, actionIndex) => standing(finding, action, findingIndex, actionIndex, today)),
  );
}

function standing(finding: AuditFinding, action: AuditAction, findingIndex: number, actionIndex: number, today: string): ActionStanding {
  const late = action.state === 'open' ? daysBetween(action.due, today) : 0;
  const closedOn = (action.state === 'done' || action.state === 'verified') && action.done ? action.done : null;
  return {
    finding, action, findingIndex, actionIndex,
    overdue: late > 0,
    daysOverdue: Math.max(late, 0),
    awaitingVerification: action.state === 'done' && action.done ? daysBetween(action.done, today) : null,
    closedOn,
    closedOnTime: closedOn ? closedOn <= action.due : null,
  };
}

/**
 * Whether a finding is being dealt with: some action is open, done, or verified effective. Dropped actions and
 * actions verified not effective leave it without one (it needs a new action).
 */
export function hasLiveAction(finding: AuditFinding): boolean {
  return (finding.actions ?? []).some((a) => a.state === 'open' || a.state === 'done' || (a.state === 'verified' && a.verification?.effective !== false));
}
