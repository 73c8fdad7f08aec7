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

/** One action of the portfolio's audits, with what it is grouped by. */
export interface ActionRow {
  audit: string;
  auditDate: string;
  /** The project the audit finding is about (null: the PMO's own, or the portfolio's). */
  project: string | null;
  standing: ActionStanding;
}

export function actionRows(audits: ReadonlyArray<{ data: Audit }>, today: string): ActionRow[] {
  return audits.flatMap(({ data }) =>
    actionStandings(data, today).map((standing) => ({ audit: data.id, auditDate: data.date, project: standing.finding.project ?? null, standing })),
  );
}

/** The action measures of docs/metrics.md ("Audit actions"), for any set of actions. */
export interface ActionMeasures {
  actions: number;
  open: number;
  overdue: number;
  done: number;
  verified: number;
  dropped: number;
  /** Done or verified, of the actions not dropped, in percent (1 decimal); null with none. */
  closure_rate_pct: number | null;
  /** Median days from the audit to the day a closed action was done (1 decimal); null with none closed. */
  median_days_to_close: number | null;
  /** Verified effective, of the verified actions, in percent (1 decimal); null with none verified. */
  verified_effective_pct: number | null;
}

export function actionMeasures(rows: readonly ActionRow[]): ActionMeasures {
  const states = (state: string) => rows.filter((r) => r.standing.action.state === state).length;
  const [open, done, verified, dropped] = [states('open'), states('done'), states('verified'), states('dropped')];
  const days = rows.flatMap((r) => (r.standing.closedOn ? [daysBetween(r.auditDate, r.standing.closedOn)] : []));
  const effective = rows.filter((r) => r.standing.action.state === 'verified' && r.standing.action.verification?.effective === true).length;
  return {
    actions: rows.length,
    open,
    overdue: rows.filter((r) => r.standing.overdue).length,
    done,
    verified,
    dropped,
    closure_rate_pct: percentOf(done + verified, rows.length - dropped),
    median_days_to_close: days.length === 0 ? null : round1(median(days)),
    verified_effective_pct: percentOf(effective, verified),
  };
}

/** The measures of the actions grouped by a key (a project, its manager, its department), in key order. */
export function actionMeasuresBy(rows: readonly ActionRow[], keyOf: (row: ActionRow) => string): Array<{ key: string } & ActionMeasures> {
  const groups = new Map<string, ActionRow[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, list]) => ({ key, ...actionMeasures(list) }));
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const percentOf = (part: number, whole: number) => (whole === 0 ? null : round1((part / whole) * 100));

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
