/**
 * The edits a PM makes to a project file, each as FORMAT.md lays the data out: where a new key goes among
 * its siblings, how a new item's id is chosen. Each returns what it did, in words for the command's output.
 */
import { UsageError } from '../errors.js';
import { isRecord } from '../model/labels.js';
import { didYouMean } from '../model/suggest.js';
import type { Plain } from './render.js';
import type { YamlEdit } from './yaml-edit.js';

export interface StatusInput {
  date: string;
  by?: string;
  overall: string;
  schedule?: string;
  cost?: string;
  scope?: string;
  summary?: string;
  next?: string[];
}

const DIMENSIONS = ['schedule', 'cost', 'scope'] as const;

/**
 * The update with the last update's schedule, cost and scope ratings where it gives none: a rating holds until
 * the PM changes it, and an update that dropped it would show "no status" for that dimension on every report.
 */
export function carryRatings(edit: YamlEdit, input: StatusInput): StatusInput & { carried?: { from: string; keys: string[] } } {
  const last = list(edit.data, 'status').at(-1);
  if (!isRecord(last)) return input;
  const keys = DIMENSIONS.filter((key) => !input[key] && typeof last[key] === 'string' && last[key] !== '');
  if (keys.length === 0) return input;
  const carried = Object.fromEntries(keys.map((key) => [key, last[key] as string]));
  return { ...input, ...carried, carried: { from: String(last.date), keys } };
}

/** Appends a weekly status update (FORMAT.md: newest last). One update a day: a second is refused. */
export function addStatus(edit: YamlEdit, input: StatusInput & { carried?: { from: string; keys: string[] } }): string {
  const updates = list(edit.data, 'status');
  if (updates.some((u) => isRecord(u) && u.date === input.date)) {
    throw new UsageError(`there is already a status update dated ${input.date}; edit that one by hand, or give another --date`);
  }
  const update: Record<string, Plain> = { date: input.date };
  if (input.by) update.by = input.by;
  update.overall = input.overall;
  for (const key of [...DIMENSIONS, 'summary'] as const) if (input[key]) update[key] = input[key]!;
  if (input.next && input.next.length > 0) update.next = input.next;
  edit.append(['status'], update);
  const ratings = ['overall', 'schedule', 'cost', 'scope'].filter((k) => update[k]).map((k) => `${k} ${update[k]}`);
  const carried = input.carried ? `; ${input.carried.keys.join(' and ').replace(/ and (?=.* and )/g, ', ')} carried from ${input.carried.from}` : '';
  return `status update ${input.date} (${ratings.join(', ')}${carried})`;
}

export interface MilestoneInput {
  forecast?: string;
  actual?: string;
  progress?: number;
}

export function updateMilestone(edit: YamlEdit, id: string, input: MilestoneInput): string {
  const index = itemIndex(edit.data, 'milestones', id, 'milestone');
  const done: string[] = [];
  if (input.forecast !== undefined) {
    edit.set(['milestones', index, 'forecast'], input.forecast, { after: ['name', 'baseline'] });
    done.push(`forecast ${input.forecast}`);
  }
  if (input.actual !== undefined) {
    edit.set(['milestones', index, 'actual'], input.actual, { after: ['name', 'baseline', 'forecast'] });
    done.push(`actual ${input.actual}`);
  }
  if (input.progress !== undefined) {
    edit.set(['milestones', index, 'progress'], input.progress, { after: ['name', 'baseline', 'forecast', 'actual'] });
    done.push(`progress ${input.progress}%`);
  }
  return `milestone ${id}: ${done.join(', ')}`;
}

export interface RiskInput {
  title: string;
  probability: number;
  impact: number;
  owner?: string;
  mitigation?: string;
}

export function addRisk(edit: YamlEdit, input: RiskInput): string {
  const id = nextId(list(edit.data, 'risks'), 'R');
  const risk: Record<string, Plain> = { id, title: input.title, probability: input.probability, impact: input.impact };
  if (input.owner) risk.owner = input.owner;
  if (input.mitigation) risk.mitigation = input.mitigation;
  risk.status = 'open';
  edit.append(['risks'], risk);
  return `risk ${id} added (exposure ${input.probability * input.impact})`;
}

export function addIssue(edit: YamlEdit, input: { title: string; owner?: string; severity?: string; raised: string }): string {
  const id = nextId(list(edit.data, 'issues'), 'I');
  const issue: Record<string, Plain> = { id, title: input.title };
  if (input.owner) issue.owner = input.owner;
  if (input.severity) issue.severity = input.severity;
  issue.raised = input.raised;
  issue.status = 'open';
  edit.append(['issues'], issue);
  return `issue ${id} added${input.severity ? ` (${input.severity})` : ''}`;
}

export function closeRisk(edit: YamlEdit, id: string): string {
  const index = itemIndex(edit.data, 'risks', id, 'risk');
  edit.set(['risks', index, 'status'], 'closed', { after: ['impact', 'owner', 'mitigation'] });
  return `risk ${id} closed`;
}

export function closeIssue(edit: YamlEdit, id: string, date: string): string {
  const index = itemIndex(edit.data, 'issues', id, 'issue');
  edit.set(['issues', index, 'status'], 'closed', { after: ['title', 'owner', 'raised'] });
  edit.set(['issues', index, 'resolved'], date, { after: ['title', 'owner', 'raised'] });
  return `issue ${id} closed (resolved ${date})`;
}

export function decideChange(edit: YamlEdit, id: string, decision: 'approved' | 'rejected', by: string | undefined, date: string): string {
  const index = itemIndex(edit.data, 'changes', id, 'change request');
  edit.set(['changes', index, 'status'], decision, { after: ['title', 'cost_impact', 'schedule_impact_days'] });
  if (by) edit.set(['changes', index, 'decided_by'], by, { after: ['status', 'raised'] });
  edit.set(['changes', index, 'decided_on'], date, { after: ['status', 'raised', 'decided_by'] });
  return `change request ${id} ${decision} on ${date}${by ? ` by ${by}` : ''}`;
}

export function acceptDeliverable(edit: YamlEdit, id: string, input: { by?: string; date: string; record?: string }): string {
  const index = itemIndex(edit.data, 'deliverables', id, 'deliverable');
  const deliverable = list(edit.data, 'deliverables')[index] as Record<string, unknown>;
  const acceptance: Record<string, Plain> = { status: 'accepted' };
  if (input.by) acceptance.by = input.by;
  acceptance.date = input.date;
  if (input.record) acceptance.record = input.record;
  if (!isRecord(deliverable.acceptance)) {
    edit.set(['deliverables', index, 'acceptance'], acceptance, { after: ['name', 'description', 'milestone'] });
  } else {
    const order = ['status', 'by', 'date', 'record'];
    for (const [key, value] of Object.entries(acceptance)) {
      edit.set(['deliverables', index, 'acceptance', key], value, { after: order.slice(0, order.indexOf(key)) });
    }
  }
  return `deliverable ${id} accepted on ${input.date}${input.by ? ` by ${input.by}` : ''}`;
}

/** Puts the project on hold (FORMAT.md's `holds`, newest last): since when, why, who decided, when to review. */
export function holdProject(edit: YamlEdit, input: { since: string; reason: string; by: string; reviewBy: string }): string {
  if (currentHold(edit.data) !== undefined) throw new UsageError('the project is already on hold; --resume it first, or edit the hold in the file');
  if (isRecord(edit.data) && isRecord(edit.data.cancelled)) throw new UsageError('the project is cancelled; a cancelled project is not put on hold');
  if (input.reviewBy < input.since) throw new UsageError(`--review-by ${input.reviewBy} is before the hold starts (${input.since})`);
  edit.append(['holds'], { since: input.since, reason: input.reason, decided_by: input.by, review_by: input.reviewBy });
  return `on hold since ${input.since} (${input.reason}), decided by ${input.by}; review by ${input.reviewBy}`;
}

/** Ends the current hold: the date it ended and who decided. */
export function resumeProject(edit: YamlEdit, input: { until: string; by: string }): string {
  const index = currentHold(edit.data);
  if (index === undefined) throw new UsageError('the project is not on hold: there is nothing to resume');
  edit.set(['holds', index, 'until'], input.until, { after: ['since', 'reason', 'decided_by', 'review_by'] });
  edit.set(['holds', index, 'resumed_by'], input.by, { after: ['since', 'reason', 'decided_by', 'review_by', 'until'] });
  return `resumed on ${input.until}, decided by ${input.by}`;
}

/** Cancels the project: when, why, and who decided. A hold it was in ends that day. */
export function cancelProject(edit: YamlEdit, input: { on: string; reason: string; by: string }): string {
  if (isRecord(edit.data) && isRecord(edit.data.cancelled)) throw new UsageError('the project is already cancelled');
  const hold = currentHold(edit.data);
  if (hold !== undefined) edit.set(['holds', hold, 'until'], input.on, { after: ['since', 'reason', 'decided_by', 'review_by'] });
  edit.set(['cancelled'], { on: input.on, reason: input.reason, decided_by: input.by });
  return `cancelled on ${input.on} (${input.reason}), decided by ${input.by}`;
}

/** The index of the hold the project is in now (the last, without `until`), or undefined. */
function currentHold(data: unknown): number | undefined {
  const holds = list(data, 'holds');
  const last = holds[holds.length - 1];
  return isRecord(last) && last.until == null ? holds.length - 1 : undefined;
}

export function addLesson(edit: YamlEdit, title: string): string {
  // Follow the file: a list of plain titles gets a title; otherwise FORMAT.md's map.
  const lessons = list(edit.data, 'lessons');
  const plain = lessons.length > 0 && lessons.every((l) => typeof l === 'string');
  edit.append(['lessons'], plain ? title : { title });
  return `lesson recorded: ${title}`;
}

export function setRecord(edit: YamlEdit, name: string, path: string): string {
  edit.set(['records', name], path);
  return `record ${name}: ${path}`;
}

export function setActualEnd(edit: YamlEdit, date: string): string {
  edit.set(['dates', 'actual_end'], date, { after: ['start', 'baseline_end', 'forecast_end'] });
  return `actual end ${date}`;
}

export function setPhase(edit: YamlEdit, phase: string): string {
  const from = isRecord(edit.data) ? edit.data.phase : undefined;
  edit.set(['phase'], phase, { after: ['id', 'name', 'manager', 'sponsor'] });
  return `phase ${String(from)} → ${phase}`;
}

export function list(data: unknown, key: string): unknown[] {
  const value = isRecord(data) ? data[key] : undefined;
  return Array.isArray(value) ? value : [];
}

/** The index of the item with `id` in a project's list, or a usage error naming the ids there are. */
export function itemIndex(data: unknown, key: string, id: string, noun: string): number {
  const items = list(data, key);
  const index = items.findIndex((item) => isRecord(item) && item.id === id);
  if (index >= 0) return index;
  const ids = items.flatMap((item) => (isRecord(item) && typeof item.id === 'string' ? [item.id] : []));
  const there = ids.length > 0 ? ` (it has ${ids.join(', ')})` : ` (it has no ${key})`;
  throw new UsageError(`the project has no ${noun} ${id}${there}${didYouMean(id, ids)}`);
}

/**
 * The next id in a list: the highest number after the list's prefix plus one, written as the list writes its
 * ids (`R3` → `R4`, `RSK-07` → `RSK-08`); `<prefix>1` for an empty list.
 */
export function nextId(items: readonly unknown[], prefix: string): string {
  const ids = items.flatMap((item) => (isRecord(item) && typeof item.id === 'string' ? [/^([A-Z]+-?)(\d+)$/.exec(item.id)] : [])).filter((m) => m !== null);
  if (ids.length === 0) return `${prefix}1`;
  const last = ids.reduce((a, b) => (Number(b[2]) > Number(a[2]) ? b : a));
  const number = String(Number(last[2]) + 1).padStart(last[2]!.length, '0');
  return `${last[1]}${number}`;
}
