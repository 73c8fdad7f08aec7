/**
 * `pmo update`: one project's routine edits, all made in one pass over its file and written at once (or shown
 * as a diff). A phase change is judged by the gate first: a directive PMO refuses one that fails, others are
 * warned. Edits that are likely a mistake come back as doubts, for the command to ask about before writing.
 */
import { existsSync } from 'node:fs';
import { idsIn } from '../layout.js';
import { join } from 'node:path';
import { EditError, UsageError } from '../errors.js';
import { isRecord } from '../model/labels.js';
import { didYouMean } from '../model/suggest.js';
import type { FileChange } from './changes.js';
import {
  acceptDeliverable, addIssue, addRisk, addStatus, cancelProject, carryRatings, closeIssue, closeRisk, decideChange, holdProject, list, resumeProject, setPhase, updateMilestone,
  type RiskInput, type StatusInput,
} from './project-edits.js';
import { encodeText, readForEdit } from './source.js';
import { assertKnown, assertNoNewErrors, fileOf, type Workspace } from './workspace.js';
import { YamlEdit } from './yaml-edit.js';
import { logCost, type CostInput } from './cost-edits.js';
import { vendorNames } from '../model/cost-refs.js';
import type { GateReadiness } from '../gate.js';
import { doubtsAbout } from './update-doubts.js';
import type { Doubt } from './doubt.js';
import {
  addDeliverable, addMember, addMilestone, addRecord, addStakeholder, approve, escalateIssue, raiseChange, readKpi, setBudget, setForecastEnd,
  type ChangeInput, type MemberInput, type StakeholderInput,
} from './week-edits.js';

export interface UpdateRequest {
  project: string;
  /** The date the update records (status date, decision, acceptance, resolution). */
  date: string;
  /** The date gates are judged on. */
  today: string;
  /** Who gives the status update (its `by`). */
  by?: string;
  /** Who decided the change request, the acceptance, the hold, resume or cancel. */
  decidedBy?: string;
  status?: StatusInput;
  /** The status update's ratings are as the PM wrote them ($EDITOR showed the last ones): none is carried. */
  statusAsWritten?: boolean;
  milestone?: { id: string; forecast?: string; actual?: string; progress?: number };
  addRisk?: RiskInput;
  closeRisk?: string;
  addIssue?: { title: string; owner?: string; severity?: string };
  closeIssue?: string;
  change?: { id: string; decision: 'approved' | 'rejected' };
  accept?: { id: string; record?: string };
  phase?: string;
  /** Put on hold: why, and when to review the decision (decided by `by` on `date`). */
  hold?: { reason: string; reviewBy: string };
  resume?: boolean;
  /** Cancel: why (decided by `by` on `date`). */
  cancel?: { reason: string };
  /** `budget.actual` and `budget.forecast`. */
  budget?: { actual?: number; forecast?: number };
  forecastEnd?: string;
  /** A sign-off (charter, baseline...) by `decidedBy` on `date`, and its record. */
  approve?: { name: string; record?: string };
  /** Escalate an open issue to a person on `date`. */
  escalateIssue?: { id: string; to: string };
  addChange?: ChangeInput;
  addMilestone?: { name: string; baseline: string; weight?: number };
  addDeliverable?: { name: string; milestone?: string };
  addMember?: MemberInput;
  addStakeholder?: StakeholderInput;
  kpi?: { name: string; value: number; target?: number };
  /** Records to add: name and path in the repository. */
  records?: Array<{ name: string; path: string }>;
  /** A cost of a month, for the project's cost log. */
  logCost?: CostInput;
}

export interface UpdatePlan {
  change?: FileChange;
  done: string[];
  /** Said on stderr: a gate a non-directive PMO lets the project through with failing. */
  warnings: string[];
  /** Likely mistakes, each with how to go on: written only when the PM says so (--force, or yes at a terminal). */
  doubts: Doubt[];
  /** The gate judged for a phase change (shown when it fails). */
  gate?: GateReadiness;
  /** Why nothing may be written: the gate refuses the phase change (then there is no change). */
  refused?: string;
}

/** Reads the project file (refusing one with YAML errors) for an edit. */
export function openProject(ws: Workspace, project: string) {
  const path = fileOf(ws, 'projects', project);
  if (!path) throw new UsageError(`there is no project '${project}' (no projects/${project}.yaml)${didYouMean(project, idsIn(ws.root, 'projects'))}`);
  const file = readForEdit(ws.root, path);
  return { file, edit: new YamlEdit(file.text, file.eol, path) };
}

/**
 * `opened`: the project as read before asking the PM (prompts, $EDITOR): the edit is made on that read, so a
 * change to the file while the PM answered is detected when writing, not silently built upon.
 */
export async function planUpdate(ws: Workspace, request: UpdateRequest, opened = openProject(ws, request.project)): Promise<UpdatePlan> {
  const { file, edit } = opened;
  const before = structuredClone(edit.data);
  const done: string[] = [];
  const person = (id: string | undefined, flag: string) => id !== undefined && assertKnown(ws, 'person', id, flag);
  person(request.by, '--by');
  person(request.decidedBy, '--decided-by');
  if (request.status?.by !== request.by) person(request.status?.by, 'by:');

  if (request.status) done.push(addStatus(edit, request.statusAsWritten ? request.status : carryRatings(edit, request.status)));
  if (request.milestone) {
    const { id, ...input } = request.milestone;
    done.push(updateMilestone(edit, id, input));
  }
  let riskId: string | undefined;
  if (request.addRisk) {
    person(request.addRisk.owner, '--owner');
    done.push(addRisk(edit, request.addRisk));
    riskId = String((list(edit.data, 'risks').at(-1) as { id?: unknown }).id);
  }
  if (request.closeRisk) done.push(closeRisk(edit, request.closeRisk));
  if (request.addIssue) {
    person(request.addIssue.owner, '--owner');
    done.push(addIssue(edit, { ...request.addIssue, raised: request.date }));
  }
  if (request.escalateIssue) {
    person(request.escalateIssue.to, '--to');
    done.push(escalateIssue(edit, { ...request.escalateIssue, on: request.date }));
  }
  if (request.closeIssue) done.push(closeIssue(edit, request.closeIssue, request.date));
  if (request.change) done.push(decideChange(edit, request.change.id, request.change.decision, request.decidedBy, request.date));
  if (request.accept) done.push(acceptDeliverable(edit, request.accept.id, { by: request.decidedBy, date: request.date, record: request.accept.record }));
  done.push(...decideLife(edit, request));
  done.push(...weekEdits(ws, edit, request));

  const warnings: string[] = [];
  const doubts = doubtsAbout(request, before, ws.config, riskId);
  let gate: GateReadiness | undefined;
  if (request.phase !== undefined) {
    const current = isRecord(edit.data) ? edit.data.phase : undefined;
    const { lifecycle } = ws.config;
    if (!lifecycle.includes(request.phase)) {
      throw new UsageError(`--phase ${request.phase}: not a phase of the lifecycle (${lifecycle.join(', ')})${didYouMean(request.phase, lifecycle)}`);
    }
    if (current === request.phase) throw new UsageError(`${request.project} is already in ${request.phase}`);
    gate = await judgeGate(ws, request.project, request.phase, edit.data, request.today);
    if (!gate.ready) {
      if (ws.config.pmoType === 'directive') {
        return { done, warnings, doubts, gate, refused: `${request.project} does not pass the gates to ${request.phase}, and a directive PMO's gates block the change; nothing was written` };
      }
      warnings.push(`${request.project} does not pass the gates to ${request.phase} (pmo gate ${request.project} --to ${request.phase} lists them); a ${ws.config.pmoType} PMO lets the phase change through, and pmo check will report the failing criteria`);
    }
    done.push(setPhase(edit, request.phase));
  }
  if (done.length === 0) throw new UsageError('nothing to update');
  const text = edit.result();
  assertNoNewErrors(ws, 'project', file.path, before, edit.data, text);
  return { change: { path: file.path, abs: file.abs, before: file.bytes, after: encodeText(text, file.bom) }, done, warnings, doubts, gate };
}

/** Money, dates, sign-offs, and what a week adds: change requests, milestones, deliverables, people, KPIs, records. */
function weekEdits(ws: Workspace, edit: YamlEdit, request: UpdateRequest): string[] {
  const done: string[] = [];
  for (const path of [request.approve?.record, request.accept?.record, ...(request.records ?? []).map((r) => r.path)]) if (path) assertRecordExists(ws, path);
  if (request.budget) done.push(setBudget(edit, request.budget));
  if (request.forecastEnd) done.push(setForecastEnd(edit, request.forecastEnd));
  if (request.approve) {
    if (!request.decidedBy) throw new UsageError(`--approve ${request.approve.name} records a sign-off: say who signed with --decided-by <person>`);
    done.push(approve(edit, { name: request.approve.name, by: request.decidedBy, on: request.date, record: request.approve.record }));
  }
  if (request.addChange) done.push(raiseChange(edit, { ...request.addChange, raised: request.date }));
  if (request.addMilestone) done.push(addMilestone(edit, request.addMilestone));
  if (request.addDeliverable) done.push(addDeliverable(edit, request.addDeliverable));
  if (request.addMember) {
    assertKnown(ws, 'person', request.addMember.person, '--add-member');
    done.push(addMember(edit, request.addMember));
  }
  if (request.addStakeholder) done.push(addStakeholder(edit, request.addStakeholder));
  if (request.kpi) done.push(readKpi(edit, request.kpi));
  for (const record of request.records ?? []) done.push(addRecord(edit, record.name, record.path));
  if (request.logCost) done.push(costLogged(ws, edit, request.logCost));
  return done;
}

/** The cost in the project's log: its category one of pmo.yaml's, its vendor one of the project's. */
function costLogged(ws: Workspace, edit: YamlEdit, cost: CostInput): string {
  const categories = ws.config.costCategories;
  if (!categories.includes(cost.category)) throw new UsageError(`--category ${cost.category}: not a cost category (${categories.join(', ')})${didYouMean(cost.category, categories)}; pmo.yaml's cost_categories adds the PMO's own`);
  const vendors = vendorNames(edit.data);
  if (cost.vendor && !vendors.includes(cost.vendor)) throw new UsageError(`--vendor ${cost.vendor}: not among the project's vendors (${vendors.join(', ') || 'it has none'})${didYouMean(cost.vendor, vendors)}`);
  const what = `${cost.amount.toLocaleString('en-US')} ${cost.category}${cost.vendor ? ` (${cost.vendor})` : ''}`;
  return logCost(edit, cost) ? `cost of ${cost.period} logged: ${what}` : `cost of ${cost.period} already in the log: ${what}`;
}

/** A record named must be in the repository (a web address is taken as it is). */
function assertRecordExists(ws: Workspace, path: string): void {
  if (/^[a-z]+:\/\//i.test(path)) return;
  if (!existsSync(join(ws.root, path))) throw new UsageError(`record ${path}: no such file in the repository; add the record first`);
}

/** Hold, resume and cancel: decisions about the project's life, each recorded with who decided and when. */
function decideLife(edit: YamlEdit, request: UpdateRequest): string[] {
  const decisions = [request.hold && 'hold', request.resume && 'resume', request.cancel && 'cancel'].filter(Boolean);
  if (decisions.length === 0) return [];
  if (decisions.length > 1) throw new UsageError(`--${decisions.join(' and --')}: one decision about the project's life at a time`);
  const by = request.decidedBy;
  if (!by) throw new UsageError(`--${decisions[0]!} records a decision: say who decided with --decided-by <person>`);
  if (request.hold) return [holdProject(edit, { since: request.date, reason: request.hold.reason, by, reviewBy: request.hold.reviewBy })];
  if (request.resume) return [resumeProject(edit, { until: request.date, by })];
  return [cancelProject(edit, { on: request.date, reason: request.cancel!.reason, by })];
}

/** The gates to `phase`, judged on the project as the edit leaves it (its phase not yet changed). */
export async function judgeGate(ws: Workspace, project: string, phase: string, data: unknown, today: string): Promise<GateReadiness> {
  const { gateReadiness } = await import('../gate.js');
  const readiness = await gateReadiness({ cwd: ws.root, project, to: phase, today, data });
  if (readiness.blocked) throw new EditError(readiness.blocked);
  return readiness;
}
