/**
 * `pmo update`'s flags as an edit request: which flags go together, what each needs, and who decided. One
 * reading for the command line and for each entry of a `--from` batch, so that both accept and refuse the same.
 */
import { UsageError } from '../errors.js';
import type { UpdateRequest } from '../edit/update.js';

export interface UpdateFlags {
  cwd?: string;
  today?: string;
  date?: string;
  by?: string;
  decidedBy?: string;
  force?: boolean;
  overall?: string;
  schedule?: string;
  cost?: string;
  scope?: string;
  summary?: string;
  next: string[];
  milestone?: string;
  forecast?: string;
  actual?: string;
  progress?: number;
  addRisk?: string;
  probability?: number;
  impact?: number;
  owner?: string;
  mitigation?: string;
  closeRisk?: string;
  addIssue?: string;
  severity?: string;
  closeIssue?: string;
  resolveIssue?: string;
  escalateIssue?: string;
  escalateTo?: string;
  change?: string;
  decision?: 'approved' | 'rejected';
  addChange?: string;
  costImpact?: number;
  scheduleImpact?: number;
  rebaselines?: string[];
  accept?: string;
  approve?: string;
  record?: string;
  phase?: string;
  hold?: string;
  reviewBy?: string;
  resume?: boolean;
  cancel?: string;
  budgetActual?: number;
  budgetForecast?: number;
  forecastEnd?: string;
  addMilestone?: string;
  baseline?: string;
  weight?: number;
  addDeliverable?: string;
  addMember?: string;
  role?: string;
  allocation?: number;
  memberFrom?: string;
  memberTo?: string;
  addStakeholder?: string;
  interest?: string;
  influence?: string;
  communication?: string;
  kpi?: string;
  value?: number;
  target?: number;
  addRecord: string[];
  logCost?: string;
  amount?: number;
  category?: string;
  vendor?: string;
  costNote?: string;
  from?: string;
  editor?: boolean;
  dryRun?: boolean;
}

/** Flags that only describe what another flag adds: each with the flags it belongs to. */
const BELONGS: Array<[keyof UpdateFlags, string, Array<keyof UpdateFlags>]> = [
  ['probability', '--probability', ['addRisk']],
  ['impact', '--impact', ['addRisk']],
  ['mitigation', '--mitigation', ['addRisk']],
  ['owner', '--owner', ['addRisk', 'addIssue']],
  ['severity', '--severity', ['addIssue']],
  ['escalateTo', '--escalate-to', ['escalateIssue']],
  ['decision', '--decision', ['change']],
  ['costImpact', '--cost-impact', ['addChange']],
  ['scheduleImpact', '--schedule-impact', ['addChange']],
  ['rebaselines', '--rebaselines', ['addChange']],
  ['record', '--record', ['accept', 'approve']],
  ['reviewBy', '--review-by', ['hold']],
  ['baseline', '--baseline', ['addMilestone']],
  ['weight', '--weight', ['addMilestone']],
  ['role', '--role', ['addMember']],
  ['allocation', '--allocation', ['addMember']],
  ['memberFrom', '--member-from', ['addMember']],
  ['memberTo', '--member-to', ['addMember']],
  ['interest', '--interest', ['addStakeholder']],
  ['influence', '--influence', ['addStakeholder']],
  ['communication', '--communication', ['addStakeholder']],
  ['value', '--value', ['kpi']],
  ['target', '--target', ['kpi']],
  ['amount', '--amount', ['logCost']],
  ['category', '--category', ['logCost']],
  ['vendor', '--vendor', ['logCost']],
  ['costNote', '--cost-note', ['logCost']],
];

const FLAG_OF: Partial<Record<keyof UpdateFlags, string>> = {
  addRisk: '--add-risk', addIssue: '--add-issue', escalateIssue: '--escalate-issue', change: '--change', addChange: '--add-change', accept: '--accept',
  approve: '--approve', hold: '--hold', addMilestone: '--add-milestone', addMember: '--add-member', addStakeholder: '--add-stakeholder', kpi: '--kpi',
  logCost: '--log-cost',
};

function assertBelongs(flags: UpdateFlags): void {
  for (const [key, flag, owners] of BELONGS) {
    const given = Array.isArray(flags[key]) ? (flags[key] as unknown[]).length > 0 : flags[key] !== undefined;
    if (given && !owners.some((owner) => flags[owner] !== undefined)) throw new UsageError(`${flag} belongs with ${owners.map((o) => FLAG_OF[o]).join(' or ')}: give ${owners.length > 1 ? 'one' : 'it'} too`);
  }
  if (flags.record && flags.accept && flags.approve) throw new UsageError('--record is the record of one decision: give --accept and --approve in separate commands, or the approval record with --add-record <name>=<path>');
}

export function requestOf(project: string, flags: UpdateFlags, today: string): UpdateRequest {
  assertBelongs(flags);
  const date = flags.date ?? today;
  const statusGiven = flags.overall || flags.schedule || flags.cost || flags.scope || flags.summary || flags.next.length > 0;
  const request: UpdateRequest = { project, date, today, ...(flags.by ? { by: flags.by } : {}), ...decider(flags, Boolean(statusGiven || flags.editor)) };
  if (statusGiven) {
    request.status = { date, overall: flags.overall ?? '', schedule: flags.schedule, cost: flags.cost, scope: flags.scope, summary: flags.summary, next: flags.next };
    if (flags.by) request.status.by = flags.by;
  }
  milestoneOf(flags, today, request);
  if (flags.addRisk) request.addRisk = { title: flags.addRisk, probability: flags.probability ?? 0, impact: flags.impact ?? 0, owner: flags.owner, mitigation: flags.mitigation };
  if (flags.closeRisk) request.closeRisk = flags.closeRisk;
  if (flags.addIssue) request.addIssue = { title: flags.addIssue, owner: flags.owner, ...(flags.severity ? { severity: flags.severity } : {}) };
  if (flags.closeIssue && flags.resolveIssue) throw new UsageError('--close-issue and --resolve-issue say the same: give one');
  if (flags.closeIssue ?? flags.resolveIssue) request.closeIssue = flags.closeIssue ?? flags.resolveIssue;
  if (flags.escalateIssue) {
    if (!flags.escalateTo) throw new UsageError(`--escalate-issue ${flags.escalateIssue} needs who it goes to: --escalate-to <person>`);
    request.escalateIssue = { id: flags.escalateIssue, to: flags.escalateTo };
  }
  if (flags.change) request.change = { id: flags.change, decision: flags.decision! };
  if (flags.addChange) request.addChange = { title: flags.addChange, costImpact: flags.costImpact, scheduleImpactDays: flags.scheduleImpact, rebaselines: flags.rebaselines };
  if (flags.accept) request.accept = { id: flags.accept, record: flags.record };
  if (flags.approve) request.approve = { name: flags.approve, record: flags.accept ? undefined : flags.record };
  if (flags.phase) request.phase = flags.phase;
  lifeOf(flags, request);
  weekOf(flags, request);
  return request;
}

/** `--milestone` with --forecast, --actual or --progress edits the milestone; alone with --add-deliverable, it is the deliverable's. */
function milestoneOf(flags: UpdateFlags, today: string, request: UpdateRequest): void {
  const milestoneGiven = flags.forecast !== undefined || flags.actual !== undefined || flags.progress !== undefined;
  if (milestoneGiven && !flags.milestone) throw new UsageError('--forecast, --actual and --progress set a milestone: name it with --milestone <id>');
  if (!flags.milestone || (!milestoneGiven && flags.addDeliverable)) return;
  if (!milestoneGiven) throw new UsageError(`--milestone ${flags.milestone}: give --forecast, --actual or --progress (or --add-deliverable, for the deliverable's milestone)`);
  if (flags.actual && flags.actual > today) throw new UsageError(`--actual ${flags.actual} is in the future (today is ${today}): an actual date records what happened`);
  request.milestone = { id: flags.milestone, forecast: flags.forecast, actual: flags.actual, progress: flags.progress };
}

function lifeOf(flags: UpdateFlags, request: UpdateRequest): void {
  if (flags.hold) {
    if (!flags.reviewBy) throw new UsageError('--hold needs the date the decision is to be reviewed: --review-by <date>');
    request.hold = { reason: flags.hold, reviewBy: flags.reviewBy };
  }
  if (flags.resume) request.resume = true;
  if (flags.cancel) request.cancel = { reason: flags.cancel };
}

function weekOf(flags: UpdateFlags, request: UpdateRequest): void {
  if (flags.budgetActual !== undefined || flags.budgetForecast !== undefined) request.budget = { actual: flags.budgetActual, forecast: flags.budgetForecast };
  if (flags.forecastEnd) request.forecastEnd = flags.forecastEnd;
  if (flags.addMilestone) {
    if (!flags.baseline) throw new UsageError(`--add-milestone needs its baseline date: --baseline <date>`);
    request.addMilestone = { name: flags.addMilestone, baseline: flags.baseline, weight: flags.weight };
  }
  const milestoneEdited = flags.forecast !== undefined || flags.actual !== undefined || flags.progress !== undefined;
  if (flags.addDeliverable) request.addDeliverable = { name: flags.addDeliverable, milestone: milestoneEdited ? undefined : flags.milestone };
  if (flags.addMember) {
    if (flags.allocation === undefined) throw new UsageError(`--add-member ${flags.addMember} needs the share of their time: --allocation <percent>`);
    request.addMember = { person: flags.addMember, role: flags.role, allocation: flags.allocation, from: flags.memberFrom, to: flags.memberTo };
  }
  if (flags.addStakeholder) request.addStakeholder = { name: flags.addStakeholder, interest: flags.interest, influence: flags.influence, communication: flags.communication };
  if (flags.kpi) {
    if (flags.value === undefined) throw new UsageError(`--kpi "${flags.kpi}" needs the reading: --value <number>`);
    request.kpi = { name: flags.kpi, value: flags.value, target: flags.target };
  }
  if (flags.addRecord.length) request.records = flags.addRecord.map(recordOf);
  if (flags.logCost) {
    if (flags.amount === undefined || !flags.category) throw new UsageError(`--log-cost ${flags.logCost} needs --amount <amount> and --category <category> (labour, vendor, licences, travel, other, or pmo.yaml's own)`);
    request.logCost = { period: flags.logCost, amount: flags.amount, category: flags.category, ...(flags.vendor ? { vendor: flags.vendor } : {}), ...(flags.costNote ? { note: flags.costNote } : {}) };
  }
}

/** `--add-record minutes=records/apollo/minutes-2026-11-20.md` */
function recordOf(value: string): { name: string; path: string } {
  const match = /^([A-Za-z_][\w-]*)=(.+)$/.exec(value);
  if (!match) throw new UsageError(`--add-record ${value}: write it <name>=<path>, e.g. minutes=records/apollo/minutes-2026-11-20.md`);
  return { name: match[1]!, path: match[2]! };
}

/**
 * Who decided: --decided-by; or --by when the command records no status update, whose author --by would
 * otherwise be (the two are often different people, and one flag must not set both).
 */
function decider(flags: UpdateFlags, statusGiven: boolean): { decidedBy?: string } {
  const decides = Boolean(flags.change || flags.accept || flags.approve || flags.hold || flags.resume || flags.cancel);
  if (flags.decidedBy && !decides) throw new UsageError('--decided-by names who decided a change request (--change), an acceptance (--accept), a sign-off (--approve), a hold, resume or cancel: give one');
  if (flags.decidedBy) return { decidedBy: flags.decidedBy };
  if (!decides || !flags.by) return {};
  if (statusGiven) throw new UsageError("--by names the status update's author: say who decided with --decided-by <person> (it may be the same person)");
  return { decidedBy: flags.by };
}

/** Whether the request records anything at all. */
export function isEmpty(r: UpdateRequest): boolean {
  const { project: _p, date: _d, today: _t, by: _b, decidedBy: _db, statusAsWritten: _s, ...edits } = r;
  return Object.values(edits).every((v) => v === undefined || v === false);
}

/** Values the request names but lacks, as the flags that give them. */
export function missingValues(r: UpdateRequest): string[] {
  const needs: string[] = [];
  if (r.status && !r.status.overall) needs.push('--overall <green|amber|red>   (every status update has an overall rating)');
  if (r.addRisk && !r.addRisk.probability) needs.push('--probability <1-5>');
  if (r.addRisk && !r.addRisk.impact) needs.push('--impact <1-5>');
  if (r.change && !r.change.decision) needs.push('--decision <approved|rejected>');
  return needs;
}
