/**
 * `pmo audit action|done|verify|drop`: one audit's actions, edited in its file with the splicing edits of
 * `pmo update` (comments and layout kept), checked like any edit (nothing written that adds an error).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { fileOfId, idsIn } from '../layout.js';
import { isRecord } from '../model/labels.js';
import { PROJECT_ID } from '../model/ids.js';
import { didYouMean } from '../model/suggest.js';
import type { FileChange } from './changes.js';
import { list, nextId } from './project-edits.js';
import { encodeText, readForEdit } from './source.js';
import { assertKnown, assertNoNewErrors, type Workspace } from './workspace.js';
import { YamlEdit } from './yaml-edit.js';

export const AUDITS = 'audits' as const;

export type AuditEdit =
  | { kind: 'action'; finding: string; type: 'corrective' | 'preventive'; what: string; owner: string; due: string }
  | { kind: 'done'; action: string; date: string }
  | { kind: 'verify'; action: string; date: string; by: string; effective: boolean; note?: string }
  | { kind: 'drop'; action: string; reason: string };

/** The audit's file, or a usage error naming the audits there are. */
export function auditFile(ws: Workspace, id: string): string {
  if (!PROJECT_ID.test(id)) throw new UsageError(`'${id}' is not an audit id: lowercase letters, digits and dashes (e.g. 2026-q3)`);
  const path = fileOfId(AUDITS, id, (p) => existsSync(join(ws.root, p)));
  if (path) return path;
  const ids = idsIn(ws.root, AUDITS);
  const there = ids.length > 0 ? ` (there are ${ids.join(', ')})` : ' (there are none yet: pmo audit record makes one)';
  throw new UsageError(`there is no audit '${id}' (no audits/${id}.yaml)${there}${didYouMean(id, ids)}`);
}

/** One edit of one audit, planned: the change to write (or show) and what it did, in words. */
export function planAuditEdit(ws: Workspace, audit: string, request: AuditEdit): { change: FileChange; done: string } {
  const path = auditFile(ws, audit);
  const file = readForEdit(ws.root, path);
  const edit = new YamlEdit(file.text, file.eol, path);
  const before = structuredClone(edit.data);
  const done = apply(ws, edit, request);
  const text = edit.result();
  assertNoNewErrors(ws, 'audit', path, before, edit.data, text);
  return { change: { path, abs: file.abs, before: file.bytes, after: encodeText(text, file.bom) }, done };
}

function apply(ws: Workspace, edit: YamlEdit, request: AuditEdit): string {
  if (request.kind === 'action') {
    assertKnown(ws, 'person', request.owner, '--owner');
    const index = findingIndex(edit.data, request.finding);
    const id = nextId(allActions(edit.data).map((a) => a.action), 'A');
    const { type, what, owner, due } = request;
    edit.append(['findings', index, 'actions'], { id, type, what, owner, due, state: 'open' });
    return `${type} action ${id} on finding ${request.finding}: ${what} (${owner}, due ${due})`;
  }
  const { path, action } = actionPlace(edit.data, request.action);
  const state = String(action.state);
  if (request.kind === 'done') {
    if (state !== 'open') throw new UsageError(`action ${request.action} is ${state}, not open: only an open action can be marked done`);
    edit.set([...path, 'state'], 'done');
    edit.set([...path, 'done'], request.date, { after: ['state'] });
    return `action ${request.action} done on ${request.date}`;
  }
  if (request.kind === 'verify') {
    assertKnown(ws, 'person', request.by, '--by');
    if (state !== 'done') throw new UsageError(`action ${request.action} is ${state}: only a done action can be verified${state === 'open' ? ` (mark it done first: pmo audit done <audit> ${request.action})` : ''}`);
    if (String(action.done) > request.date) throw new UsageError(`--date ${request.date} is before the action was done (${String(action.done)}): a verification comes after`);
    const verification = { date: request.date, by: request.by, effective: request.effective, ...(request.note ? { note: request.note } : {}) };
    edit.set([...path, 'state'], 'verified');
    edit.set([...path, 'verification'], verification, { after: ['state', 'done', 'reason'] });
    return `action ${request.action} verified ${request.effective ? 'effective' : 'not effective'} by ${request.by} on ${request.date}`;
  }
  if (state === 'verified' || state === 'dropped') throw new UsageError(`action ${request.action} is ${state}: only an open or done action can be dropped`);
  edit.set([...path, 'state'], 'dropped');
  edit.set([...path, 'reason'], request.reason, { after: ['state', 'done'] });
  return `action ${request.action} dropped: ${request.reason}`;
}

function findingIndex(data: unknown, id: string): number {
  const findings = list(data, 'findings');
  const index = findings.findIndex((f) => isRecord(f) && f.id === id);
  if (index >= 0) return index;
  const ids = findings.flatMap((f) => (isRecord(f) && typeof f.id === 'string' ? [f.id] : []));
  throw new UsageError(`the audit has no finding ${id}${ids.length > 0 ? ` (it has ${ids.join(', ')})` : ' (it has no findings)'}${didYouMean(id, ids)}`);
}

interface ActionAt {
  action: Record<string, unknown>;
  path: Array<string | number>;
}

function allActions(data: unknown): ActionAt[] {
  return list(data, 'findings').flatMap((finding, i) =>
    list(finding, 'actions').flatMap((action, j) => (isRecord(action) ? [{ action, path: ['findings', i, 'actions', j] }] : [])),
  );
}

function actionPlace(data: unknown, id: string): ActionAt {
  const actions = allActions(data);
  const found = actions.find((a) => a.action.id === id);
  if (found) return found;
  const ids = actions.flatMap((a) => (typeof a.action.id === 'string' ? [a.action.id] : []));
  throw new UsageError(`the audit has no action ${id}${ids.length > 0 ? ` (it has ${ids.join(', ')})` : ' (it has no actions yet: pmo audit action adds one)'}${didYouMean(id, ids)}`);
}
