/**
 * The audit report's actions: the measures of src/metrics/audit-actions.ts over every audit, by project, PM and
 * department, the findings that recur, and a section per audit with its findings and actions.
 */
import type { Finding } from '../../../findings.js';
import { actionMeasures, actionMeasuresBy, actionRows, actionStandings, hasLiveAction, type ActionRow } from '../../../metrics/audit-actions.js';
import type { Audit } from '../../../model/schemas/audit.js';
import type { ReportContext } from './context.js';
import { compare } from './project-view.js';

const RECURRING = 'audit-finding-recurring';
/** Actions on findings of no project (the PMO's own files) are grouped under this. */
export const NO_PROJECT = '(portfolio)';

export function auditActions(ctx: ReportContext) {
  const projects = new Map(ctx.data.projects.map(({ data }) => [data.id, data]));
  // A report filtered to an audience counts the actions on its projects' findings only, as it counts findings.
  const inAudience = (project: string | null | undefined) => !ctx.filter || (typeof project === 'string' && projects.has(project));
  const audits = ctx.filter ? ctx.data.audits.map(({ path, data }) => ({ path, data: { ...data, findings: (data.findings ?? []).filter((f) => inAudience(f.project)) } })) : ctx.data.audits;
  const rows = actionRows(audits, ctx.today);
  const managerOf = (r: ActionRow) => (r.project && projects.get(r.project)?.manager) || NO_PROJECT;
  const departmentOf = (r: ActionRow) => {
    const department = r.project ? (projects.get(r.project) as Record<string, unknown> | undefined)?.department : undefined;
    return typeof department === 'string' ? department : NO_PROJECT;
  };
  const recurring = ctx.findings.filter((f) => f.rule === RECURRING && !f.waived && inAudience(f.project));
  return {
    summary: { ...actionMeasures(rows), recurring: recurring.length },
    by_project: actionMeasuresBy(rows, (r) => r.project ?? NO_PROJECT).map(({ key, ...m }) => ({ project: key, ...m })),
    by_manager: actionMeasuresBy(rows, managerOf).map(({ key, ...m }) => ({ manager: key, manager_name: ctx.person(key).name, ...m })),
    by_department: actionMeasuresBy(rows, departmentOf).map(({ key, ...m }) => ({ department: key, ...m })),
    recurring: recurring.map((f) => ({ file: f.file, line: f.line, project: f.project ?? null, action: f.item ?? null, message: f.message })),
    audits: [...audits].sort((a, b) => compare(b.data.date, a.data.date) || compare(a.data.id, b.data.id)).map(({ path, data }) => auditView(ctx, path, data, recurring)),
  };
}

function auditView(ctx: ReportContext, path: string, audit: Audit, recurring: readonly Finding[]) {
  const standings = actionStandings(audit, ctx.today);
  const recurs = new Set(recurring.filter((f) => f.file === path).map((f) => f.item));
  return {
    id: audit.id,
    file: path,
    date: audit.date,
    title: audit.title ?? null,
    auditor: ctx.person(audit.auditor),
    scope: audit.scope === 'all' ? 'all' : audit.scope.join(', '),
    measures: actionMeasures(actionRows([{ data: audit }], ctx.today)),
    findings: (audit.findings ?? []).map((finding) => ({
      id: finding.id,
      rule: finding.rule ?? null,
      project: finding.project ?? null,
      severity: finding.severity,
      message: finding.message,
      recorded: finding.fingerprint !== undefined,
      without_action: !hasLiveAction(finding),
      actions: standings.filter((s) => s.finding === finding).map((s) => ({
        id: s.action.id,
        type: s.action.type,
        what: s.action.what,
        owner: ctx.person(s.action.owner),
        due: s.action.due,
        state: s.action.state,
        done: s.action.done ?? null,
        overdue: s.overdue,
        days_overdue: s.daysOverdue,
        reason: s.action.reason ?? null,
        verification: s.action.verification ? { ...s.action.verification, by: ctx.person(s.action.verification.by), note: s.action.verification.note ?? null } : null,
        recurring: recurs.has(s.action.id),
      })),
    })),
  };
}
