/** Compliance with the PMO's rules: findings by severity and rule, the waivers, and scores per project and PM. */
import { complianceSummary } from '../../../metrics/compliance.js';
import { daysBetween } from '../../../model/dates.js';
import type { ReportContext } from './context.js';
import { countFindings } from '../../../findings.js';
import { compare } from './project-view.js';

/** Scores per project, PM and department (docs/metrics.md): the audit's ranking. */
/** How a broken project file whose manager cannot be read is grouped. */
export const NO_MANAGER = '(unknown)';

export function compliance(ctx: ReportContext) {
  return complianceSummary(
    ctx.findings,
    [
      ...ctx.data.projects.map(({ path, data }) => ({ id: data.id, manager: data.manager, department: (data as Record<string, unknown>).department, path })),
      // A project whose file has errors is still audited: its errors count against its manager and department.
      ...ctx.data.brokenProjects.map((b) => ({ id: b.id, manager: b.manager ?? NO_MANAGER, department: b.department, path: b.path })),
    ],
  );
}

export function governanceSummary(ctx: ReportContext, scores = compliance(ctx)) {
  const counts = countFindings(ctx.findings);
  return {
    ...counts,
    projects_with_errors: scores.projects.filter((p) => p.errors > 0).length,
    rules: scores.rules,
    waivers: waiverStatus(ctx),
  };
}

export function waiverStatus(ctx: ReportContext) {
  const warning = ctx.config.thresholds.waiver_warning_days;
  const all = ctx.data.waivers
    .map((w) => {
      const daysLeft = daysBetween(ctx.today, w.expires);
      const hides = ctx.findings.filter((f) => f.waived && f.rule === w.rule && f.waived.reason === w.reason && f.waived.expires === w.expires).length;
      return {
        rule: w.rule,
        project: w.project,
        item: w.item ?? null,
        reason: w.reason,
        approved_by: ctx.person(w.approved_by),
        expires: w.expires,
        days_left: daysLeft,
        hides,
      };
    })
    .sort((a, b) => compare(a.expires, b.expires) || compare(a.rule, b.rule) || compare(a.project, b.project));
  return {
    in_force: all.filter((w) => w.days_left >= 0),
    expiring: all.filter((w) => w.days_left >= 0 && w.days_left <= warning),
    expired: all.filter((w) => w.days_left < 0),
  };
}
