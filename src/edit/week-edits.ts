/**
 * The rest of a PM's week in a project file (issue 16): money and dates, sign-offs, issues escalated, change
 * requests raised, and new milestones, deliverables, team members, stakeholders, KPI readings and records.
 * Each edit puts its keys where FORMAT.md lays them out and returns what it did, in words for the output.
 */
import { UsageError } from '../errors.js';
import { isRecord } from '../model/labels.js';
import { didYouMean } from '../model/suggest.js';
import { itemIndex, list, nextId } from './project-edits.js';
import type { Plain } from './render.js';
import type { YamlEdit } from './yaml-edit.js';

const money = (n: number) => n.toLocaleString('en-US');

/** FORMAT.md's order of a project's top-level keys: a list or map added goes after the ones before it. */
const TOP_ORDER = [
  'id', 'name', 'description', 'manager', 'sponsor', 'phase', 'priority', 'currency', 'goals', 'department', 'dates', 'approvals', 'budget', 'milestones',
  'deliverables', 'risks', 'issues', 'assumptions', 'dependencies', 'changes', 'team', 'stakeholders', 'vendors', 'revenue', 'kpis', 'records', 'status',
];

const before = (key: string) => TOP_ORDER.slice(0, TOP_ORDER.indexOf(key));
const has = (edit: YamlEdit, key: string) => isRecord(edit.data) && edit.data[key] !== undefined && edit.data[key] !== null;

/** Appends to a top-level list; a list not there yet is placed where FORMAT.md puts it, not at the file's end. */
function appendTo(edit: YamlEdit, key: string, item: Plain): void {
  if (has(edit, key)) edit.append([key], item);
  else edit.set([key], [item], { after: before(key) });
}

/** Sets a key of a top-level map; a map not there yet is placed where FORMAT.md puts it. */
function setIn(edit: YamlEdit, key: string, field: string, value: Plain, after: readonly string[]): void {
  if (has(edit, key)) edit.set([key, field], value, { after });
  else edit.set([key], { [field]: value }, { after: before(key) });
}

/** `budget.actual` (spent to date) and `budget.forecast` (the PM's estimate at completion). */
export function setBudget(edit: YamlEdit, input: { actual?: number; forecast?: number }): string {
  const done: string[] = [];
  if (input.actual !== undefined) {
    setIn(edit, 'budget', 'actual', input.actual, ['baseline']);
    done.push(`actual ${money(input.actual)}`);
  }
  if (input.forecast !== undefined) {
    setIn(edit, 'budget', 'forecast', input.forecast, ['baseline', 'actual']);
    done.push(`forecast ${money(input.forecast)}`);
  }
  return `budget: ${done.join(', ')}`;
}

export function setForecastEnd(edit: YamlEdit, date: string): string {
  const dates = isRecord(edit.data) && isRecord(edit.data.dates) ? edit.data.dates : {};
  const was = typeof dates.forecast_end === 'string' ? `${dates.forecast_end} → ` : '';
  edit.set(['dates', 'forecast_end'], date, { after: ['start', 'baseline_end'] });
  return `forecast end ${was}${date}`;
}

/** The sign-offs the built-in gates read (charter-approved, baseline-set). */
const GATE_APPROVALS = ['charter', 'baseline'];

/**
 * A sign-off the gates look for (`approvals.charter: { by, on }`), and its record when given. A PMO may name its
 * own, but a name one slip away from a known one (`chrter`) is a typo no gate would ever find: refused.
 */
export function approve(edit: YamlEdit, input: { name: string; by: string; on: string; record?: string }): string {
  const approvals = isRecord(edit.data) && isRecord(edit.data.approvals) ? edit.data.approvals : {};
  const known = [...new Set([...GATE_APPROVALS, ...Object.keys(approvals)])];
  const typo = known.includes(input.name) ? '' : didYouMean(input.name, known);
  if (typo) throw new UsageError(`--approve ${input.name}: not a sign-off the gates look for (${known.join(', ')})${typo}`);
  if (isRecord(approvals[input.name])) {
    // Signed again (a re-baseline): who and when, in the map already there.
    edit.set(['approvals', input.name, 'by'], input.by);
    edit.set(['approvals', input.name, 'on'], input.on, { after: ['by'] });
  } else setIn(edit, 'approvals', input.name, { by: input.by, on: input.on }, []);
  if (input.record) addRecord(edit, input.name, input.record);
  return `${input.name} approved by ${input.by} on ${input.on}${input.record ? ` (record ${input.record})` : ''}`;
}

/** Marks an open issue escalated: to whom and when (the escalation rule reads `escalated`). */
export function escalateIssue(edit: YamlEdit, input: { id: string; to: string; on: string }): string {
  const index = itemIndex(edit.data, 'issues', input.id, 'issue');
  const issue = list(edit.data, 'issues')[index] as Record<string, unknown>;
  if (issue.status === 'closed') throw new UsageError(`issue ${input.id} is closed: there is nothing to escalate`);
  const order = ['title', 'description', 'owner', 'severity', 'raised', 'resolved', 'status'];
  edit.set(['issues', index, 'escalated'], true, { after: order });
  edit.set(['issues', index, 'escalated_to'], input.to, { after: [...order, 'escalated'] });
  edit.set(['issues', index, 'escalated_on'], input.on, { after: [...order, 'escalated', 'escalated_to'] });
  return `issue ${input.id} escalated to ${input.to} on ${input.on}`;
}

export interface ChangeInput {
  title: string;
  costImpact?: number;
  scheduleImpactDays?: number;
  rebaselines?: string[];
}

/** Raises a change request (status proposed); `pmo update --change <id> --decision` decides it. */
export function raiseChange(edit: YamlEdit, input: ChangeInput & { raised: string }): string {
  for (const baseline of input.rebaselines ?? []) assertBaseline(edit, baseline);
  const id = nextId(list(edit.data, 'changes'), 'CR');
  const change: Record<string, Plain> = { id, title: input.title };
  if (input.costImpact !== undefined) change.cost_impact = input.costImpact;
  if (input.scheduleImpactDays !== undefined) change.schedule_impact_days = input.scheduleImpactDays;
  change.status = 'proposed';
  change.raised = input.raised;
  if (input.rebaselines?.length) change.rebaselines = input.rebaselines;
  appendTo(edit, 'changes', change);
  const impact = [input.costImpact !== undefined && `cost ${money(input.costImpact)}`, input.scheduleImpactDays !== undefined && `${input.scheduleImpactDays} days`].filter(Boolean);
  return `change request ${id} raised${impact.length ? ` (${impact.join(', ')})` : ''}`;
}

/** What a change may re-baseline (FORMAT.md): the budget, the end date, or one of the project's milestones. */
function assertBaseline(edit: YamlEdit, baseline: string): void {
  const milestones = list(edit.data, 'milestones').flatMap((m) => (isRecord(m) && typeof m.id === 'string' ? [m.id] : []));
  const known = ['budget.baseline', 'dates.baseline_end', ...milestones];
  if (!known.includes(baseline)) throw new UsageError(`--rebaselines ${baseline}: a change re-baselines budget.baseline, dates.baseline_end or a milestone of the project (${milestones.join(', ') || 'it has none'})${didYouMean(baseline, known)}`);
}

export function addMilestone(edit: YamlEdit, input: { name: string; baseline: string; weight?: number }): string {
  const id = nextId(list(edit.data, 'milestones'), 'M');
  const milestone: Record<string, Plain> = { id, name: input.name, baseline: input.baseline };
  if (input.weight !== undefined) milestone.weight = input.weight;
  appendTo(edit, 'milestones', milestone);
  return `milestone ${id} added (baseline ${input.baseline})`;
}

/** A deliverable, pending acceptance, tied to a milestone when given (which must exist). */
export function addDeliverable(edit: YamlEdit, input: { name: string; milestone?: string }): string {
  if (input.milestone) itemIndex(edit.data, 'milestones', input.milestone, 'milestone');
  const id = nextId(list(edit.data, 'deliverables'), 'D');
  const deliverable: Record<string, Plain> = { id, name: input.name };
  if (input.milestone) deliverable.milestone = input.milestone;
  deliverable.acceptance = { status: 'pending' };
  appendTo(edit, 'deliverables', deliverable);
  return `deliverable ${id} added${input.milestone ? ` (milestone ${input.milestone})` : ''}, acceptance pending`;
}

export interface MemberInput {
  person: string;
  role?: string;
  allocation: number;
  from?: string;
  to?: string;
}

export function addMember(edit: YamlEdit, input: MemberInput): string {
  if (input.from && input.to && input.to < input.from) throw new UsageError(`--to ${input.to} is before --from ${input.from}`);
  const member: Record<string, Plain> = { person: input.person };
  if (input.role) member.role = input.role;
  member.allocation = input.allocation;
  if (input.from) member.from = input.from;
  if (input.to) member.to = input.to;
  appendTo(edit, 'team', member);
  return `team member ${input.person} added (${input.allocation}%${input.from || input.to ? ` from ${input.from ?? 'the start'} to ${input.to ?? 'the end'}` : ''})`;
}

export interface StakeholderInput {
  name: string;
  interest?: string;
  influence?: string;
  communication?: string;
}

export function addStakeholder(edit: YamlEdit, input: StakeholderInput): string {
  const names = list(edit.data, 'stakeholders').flatMap((s) => (isRecord(s) && typeof s.name === 'string' ? [s.name] : []));
  if (names.includes(input.name)) throw new UsageError(`the project already has a stakeholder '${input.name}'`);
  const stakeholder: Record<string, Plain> = { name: input.name };
  for (const key of ['interest', 'influence', 'communication'] as const) if (input[key]) stakeholder[key] = input[key]!;
  appendTo(edit, 'stakeholders', stakeholder);
  return `stakeholder ${input.name} added`;
}

/** A KPI's latest reading (`actual`); a KPI not there yet is added when its `target` is given. */
export function readKpi(edit: YamlEdit, input: { name: string; value: number; target?: number }): string {
  const kpis = list(edit.data, 'kpis');
  const index = kpis.findIndex((k) => isRecord(k) && k.name === input.name);
  if (index >= 0) {
    edit.set(['kpis', index, 'actual'], input.value, { after: ['name', 'target'] });
    if (input.target !== undefined) edit.set(['kpis', index, 'target'], input.target, { after: ['name'] });
    return `KPI ${input.name}: ${input.value}`;
  }
  if (input.target === undefined) {
    const names = kpis.flatMap((k) => (isRecord(k) && typeof k.name === 'string' ? [k.name] : []));
    throw new UsageError(`the project has no KPI '${input.name}'${names.length ? ` (it has ${names.join(', ')})` : ''}${didYouMean(input.name, names)}; give --target to add it`);
  }
  appendTo(edit, 'kpis', { name: input.name, target: input.target, actual: input.value });
  return `KPI ${input.name} added: ${input.value} against a target of ${input.target}`;
}

/**
 * A record: a new name gets its path; a name that holds a list (minutes, week by week) gets one more. A name
 * that holds one other path is refused: replacing it would lose a record, and which is meant is the PM's call.
 */
export function addRecord(edit: YamlEdit, name: string, path: string): string {
  const records = isRecord(edit.data) && isRecord(edit.data.records) ? edit.data.records : {};
  const now = records[name];
  if (now === path || (Array.isArray(now) && now.includes(path))) return `record ${name}: ${path} (already there)`;
  if (now === undefined || now === null) setIn(edit, 'records', name, path, []);
  else if (Array.isArray(now)) edit.append(['records', name], path);
  else throw new UsageError(`record '${name}' is already ${String(now)}: to keep both, write it as a list in the file (records: { ${name}: [${String(now)}, ${path}] }); pmo then adds to it`);
  return `record ${name}: ${path}`;
}
