/**
 * What an audit file must say beyond its schema: unique finding ids, action ids unique in the whole audit (the
 * authoring commands name an action by its id alone), and each action's state backed by its dates: a done
 * action says when, a verified one how it was verified, a dropped one why.
 */
import type { DataPath, RawFinding } from '../findings.js';
import { isRecord } from './labels.js';

const at = (path: DataPath, on: 'key' | 'value' = 'value') => ({ path, on });

/** What each state requires of an action, and what the PM should add. */
const STATE_NEEDS: Record<string, Array<{ field: string; why: string }>> = {
  done: [{ field: 'done', why: 'the date it was done' }],
  verified: [
    { field: 'done', why: 'the date it was done' },
    { field: 'verification', why: 'how it was verified (date, by, effective)' },
  ],
  dropped: [{ field: 'reason', why: 'why it was dropped' }],
};

export function auditChecks(file: string, data: Record<string, unknown>): RawFinding[] {
  const findings: RawFinding[] = [];
  const seen = { finding: new Map<string, number>(), action: new Map<string, string>() };
  const list = Array.isArray(data.findings) ? data.findings : [];
  list.forEach((finding, i) => {
    if (!isRecord(finding)) return;
    const project = typeof finding.project === 'string' ? { project: finding.project } : {};
    if (typeof finding.id === 'string') {
      const first = seen.finding.get(finding.id);
      if (first !== undefined) {
        findings.push({ rule: 'schema/duplicate-id', severity: 'error', file, at: at(['findings', i, 'id']), item: finding.id,
          message: `audit finding id '${finding.id}' is used again (first by audit finding #${first + 1}); ids must be unique in findings` });
      } else seen.finding.set(finding.id, i);
    }
    const actions = Array.isArray(finding.actions) ? finding.actions : [];
    actions.forEach((action, j) => {
      if (!isRecord(action) || typeof action.id !== 'string') return;
      const path = ['findings', i, 'actions', j];
      const first = seen.action.get(action.id);
      if (first !== undefined) {
        findings.push({ rule: 'schema/duplicate-id', severity: 'error', file, at: at([...path, 'id']), item: action.id, ...project,
          message: `action id '${action.id}' is used again (first in audit finding ${first}); action ids must be unique in the audit` });
      } else seen.action.set(action.id, String(finding.id));
      findings.push(...stateBacked(file, path, action, project));
    });
  });
  return findings;
}

function stateBacked(file: string, path: DataPath, action: Record<string, unknown>, project: { project?: string }): RawFinding[] {
  const needs = STATE_NEEDS[String(action.state)] ?? [];
  return needs
    .filter(({ field }) => action[field] === undefined || action[field] === null)
    .map(({ field, why }) => ({
      rule: 'schema/action-state',
      severity: 'error' as const,
      message: `action ${String(action.id)} is ${String(action.state)} but has no ${field}: add ${why}`,
      file,
      at: at([...path, 'state']),
      item: String(action.id),
      ...project,
    }));
}
