/**
 * `pmo close`: the closing checklist, which is every criterion `pmo check` will judge once the project is in
 * the lifecycle's last phase: deliverables accepted, lessons learned, the final report, the actual end date,
 * each record pmo.yaml requires by then (these can be given), then the gates to that phase and any other error
 * the phase would bring (these are fixed elsewhere), judged on the project as closing leaves it. The phase is set
 * only when every item passes; otherwise nothing is written.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import type { GateReadiness } from '../gate.js';
import { measureProject } from '../metrics/measures.js';
import type { Project } from '../model/schemas/project.js';
import { isRecord } from '../model/labels.js';
import type { FileChange } from './changes.js';
import { addLesson, list, setActualEnd, setPhase, setRecord } from './project-edits.js';
import { encodeText } from './source.js';
import { judgeGate, openProject } from './update.js';
import { assertNoNewErrors, type Workspace } from './workspace.js';
import type { YamlEdit } from './yaml-edit.js';

export interface CloseRequest {
  project: string;
  today: string;
  actualEnd?: string;
  lessons: string[];
  finalReport?: string;
  /** Records pmo.yaml requires, by name: `--record acceptance=records/apollo/acceptance.md`. */
  records: Record<string, string>;
}

export interface ChecklistItem {
  name: string;
  ok: boolean;
  /** What the item found, or what closing records. */
  detail: string;
  /** For a failing item: how to fix it. */
  fix?: string;
}

export interface ClosePlan {
  target: string;
  items: ChecklistItem[];
  gate?: GateReadiness;
  /** Set when the project may be closed: the file as closing leaves it. */
  change?: FileChange;
}

/** An input the checklist lacks, which a flag (or an answer) can give: a record by its name. */
export type CloseInput = 'lessons' | 'finalReport' | 'actualEnd' | { record: string };

/** The rules behind the items that take an input: their findings are the items, not "other errors". */
const ITEM_RULES = ['deliverables-accepted', 'acceptance-evidence', 'lessons-recorded', 'final-report-filed', 'closed-actual-end', 'records-present'];

/** What the project lacks that flags (or answers) can give: the checklist's missing inputs. */
export function missingInputs(ws: Workspace, project: unknown, request: CloseRequest): CloseInput[] {
  const data = isRecord(project) ? project : {};
  const needed = (rule: string) => ws.config.rules[rule] !== 'off';
  assertRequired(ws, data, request.records);
  const missing: CloseInput[] = [];
  if (needed('lessons-recorded') && list(data, 'lessons').length === 0 && request.lessons.length === 0) missing.push('lessons');
  if (wantsFinalReport(ws) && !reportOf(data) && !request.finalReport && !request.records.final_report) missing.push('finalReport');
  if (needed('closed-actual-end') && !dateOf(data, 'actual_end') && !request.actualEnd) missing.push('actualEnd');
  for (const { record, present } of requiredRecords(ws, data)) if (!present && !request.records[record]) missing.push({ record });
  return missing;
}

/** `opened`: the project as read before the PM was asked for what is missing (see planUpdate). */
export async function planClose(ws: Workspace, request: CloseRequest, opened = openProject(ws, request.project)): Promise<ClosePlan> {
  const { lifecycle } = ws.config;
  const target = lifecycle[lifecycle.length - 1]!;
  const { file, edit } = opened;
  const before = structuredClone(edit.data);
  const data = isRecord(edit.data) ? edit.data : {};
  if (data.phase === target) throw new UsageError(`${request.project} is already ${target}`);
  const needed = (rule: string) => ws.config.rules[rule] !== 'off';
  const items: ChecklistItem[] = [];

  if (needed('deliverables-accepted') || needed('acceptance-evidence')) items.push(deliverablesItem(ws, data, request.project));
  if (needed('lessons-recorded')) items.push(lessonsItem(edit, request.lessons));
  if (wantsFinalReport(ws)) items.push(finalReportItem(ws, edit, request.finalReport ?? request.records.final_report));
  if (needed('closed-actual-end')) items.push(actualEndItem(edit, request));
  items.push(...recordItems(ws, edit, request.records));

  if (items.some((item) => !item.ok)) return { target, items };
  const gate = await judgeGate(ws, request.project, target, edit.data, request.today);
  items.push(...arrivingItems(gate, target));
  if (!gate.ready || items.some((item) => !item.ok)) return { target, items, gate };
  setPhase(edit, target);
  const text = edit.result();
  assertNoNewErrors(ws, 'project', file.path, before, edit.data, text);
  return { target, items, gate, change: { path: file.path, abs: file.abs, before: file.bytes, after: encodeText(text, file.bom) } };
}

function deliverablesItem(ws: Workspace, data: Record<string, unknown>, project: string): ChecklistItem {
  const evidence = ws.config.rules['acceptance-evidence'] !== 'off';
  const open = list(data, 'deliverables').filter(isRecord).filter((d) => {
    const acceptance = isRecord(d.acceptance) ? d.acceptance : {};
    return acceptance.status !== 'accepted' || (evidence && (!acceptance.by || !acceptance.date || !acceptance.record));
  });
  const count = list(data, 'deliverables').length;
  if (open.length === 0) return { name: 'deliverables accepted', ok: true, detail: count === 0 ? 'the project lists no deliverables' : `all ${count} accepted` };
  const state = (d: Record<string, unknown>) => {
    const acceptance = isRecord(d.acceptance) ? d.acceptance : {};
    return acceptance.status === 'accepted' ? 'accepted without by, date and record' : String(acceptance.status || 'pending');
  };
  return {
    name: 'deliverables accepted',
    ok: false,
    detail: open.map((d) => `${String(d.id)} is ${state(d)}`).join('; '),
    fix: `pmo update ${project} --accept ${String(open[0]!.id)} --decided-by <person> --record <path>`,
  };
}

function lessonsItem(edit: YamlEdit, lessons: readonly string[]): ChecklistItem {
  for (const lesson of lessons) addLesson(edit, lesson);
  const count = list(edit.data, 'lessons').length;
  const detail = count > 0 ? `${count} recorded${lessons.length ? ` (${lessons.length} now)` : ''}` : 'none recorded';
  return { name: 'lessons learned', ok: count > 0, detail, fix: '--lesson "<what the next project should know>"' };
}

function finalReportItem(ws: Workspace, edit: YamlEdit, given: string | undefined): ChecklistItem {
  if (given) {
    assertRecordFile(ws, '--final-report ', given, 'report');
    setRecord(edit, 'final_report', given);
  }
  const report = reportOf(edit.data);
  return { name: 'final report', ok: Boolean(report), detail: report ? `${report}${given ? ' (recorded now)' : ''}` : 'no final_report record', fix: '--final-report <path>' };
}

function actualEndItem(edit: YamlEdit, request: CloseRequest): ChecklistItem {
  const data = isRecord(edit.data) ? edit.data : {};
  const given = request.actualEnd;
  if (given) {
    const start = isRecord(data.dates) ? data.dates.start : undefined;
    if (given > request.today) throw new UsageError(`--actual-end ${given} is in the future (today is ${request.today})`);
    if (typeof start === 'string' && given < start) throw new UsageError(`--actual-end ${given} is before the project's start, ${start}`);
    const recorded = dateOf(data, 'actual_end');
    if (recorded && recorded !== given) throw new UsageError(`${request.project} already records its actual end, ${recorded}; change it by hand if it is wrong`);
    if (!recorded) setActualEnd(edit, given);
  }
  const end = dateOf(edit.data, 'actual_end');
  return { name: 'actual end', ok: Boolean(end), detail: end ? `${end}${given ? ' (recorded now)' : ''}` : 'not recorded', fix: '--actual-end <YYYY-MM-DD>' };
}

/** One item per record pmo.yaml requires by the last phase (the final report has its own item). */
function recordItems(ws: Workspace, edit: YamlEdit, given: Record<string, string>): ChecklistItem[] {
  assertRequired(ws, edit.data, given);
  for (const [name, path] of Object.entries(given)) {
    if (name === 'final_report') continue;
    assertRecordFile(ws, `--record ${name}=`, path, 'record');
    setRecord(edit, name, path);
  }
  return requiredRecords(ws, edit.data).map(({ record, present, from }) => {
    const paths = isRecord(edit.data) && isRecord(edit.data.records) ? edit.data.records[record] : undefined;
    const shown = Array.isArray(paths) ? paths.join(', ') : String(paths ?? '');
    const detail = present ? `${shown}${given[record] ? ' (recorded now)' : ''}` : `none (pmo.yaml requires it from ${from} on)`;
    return { name: `record ${record}`, ok: present, detail, fix: `--record ${record}=<path>` };
  });
}

/** `--record` names only records pmo.yaml requires by the last phase: anything else is recorded by hand. */
function assertRequired(ws: Workspace, data: unknown, given: Record<string, string>): void {
  const required = new Set(requiredRecords(ws, data).map((r) => r.record));
  for (const name of Object.keys(given)) {
    if (required.has(name) || (name === 'final_report' && wantsFinalReport(ws))) continue;
    throw new UsageError(`--record ${name}=...: pmo.yaml requires no '${name}' record${required.size ? ` (it requires ${[...required].join(', ')})` : ''}; record other files by hand`);
  }
}

/** The errors the last phase brings that no gate names and no item above covers: what `pmo check` would add. */
function arrivingItems(gate: GateReadiness, target: string): ChecklistItem[] {
  const arriving = gate.arriving.filter((f) => !ITEM_RULES.includes(f.rule));
  if (arriving.length === 0) return [{ name: `nothing else pmo check judges at ${target}`, ok: true, detail: 'no other error' }];
  const rules = [...new Set(arriving.map((f) => f.rule))];
  return rules.map((rule) => {
    const messages = arriving.filter((f) => f.rule === rule).map((f) => f.message);
    return { name: rule, ok: false, detail: messages.join('; '), fix: `what the message says (pmo rules explain ${rule}), or a waiver the PMO approves` };
  });
}

/** The records pmo.yaml requires of the project once it is in the last phase, but the final report (an item of its own). */
function requiredRecords(ws: Workspace, data: unknown) {
  if (ws.config.rules['records-present'] === 'off') return [];
  const lifecycle = ws.config.lifecycle;
  const closed = { ...(isRecord(data) ? data : {}), phase: lifecycle[lifecycle.length - 1] } as unknown as Project;
  return measureProject(closed, ws.config, '').records.filter((r) => r.record !== 'final_report');
}

/** The final report is an item when its rule is on, or when pmo.yaml's records require it by the last phase. */
function wantsFinalReport(ws: Workspace): boolean {
  if (ws.config.rules['final-report-filed'] !== 'off') return true;
  if (ws.config.rules['records-present'] === 'off') return false;
  return Object.values(ws.config.records).some((names) => names.includes('final_report'));
}

/** A record named on the command line: a file in the repository, or a web address (a document system). */
function assertRecordFile(ws: Workspace, flag: string, path: string, noun: string): void {
  if (/^https?:\/\//i.test(path) || existsSync(join(ws.root, path))) return;
  throw new UsageError(`${flag}${path}: no such file in the repository; write the ${noun} first`);
}

function reportOf(data: unknown): string | undefined {
  const records = isRecord(data) && isRecord(data.records) ? data.records : {};
  const paths = records.final_report;
  const first = Array.isArray(paths) ? paths[0] : paths;
  return typeof first === 'string' && first !== '' ? first : undefined;
}

function dateOf(data: unknown, key: string): string | undefined {
  const dates = isRecord(data) && isRecord(data.dates) ? data.dates : {};
  return typeof dates[key] === 'string' ? (dates[key] as string) : undefined;
}
