/** The project one-pager: the project as every report shows it, plus the lists only a one-pager has room for. */
import type { Project } from '../../../model/schemas/project.js';
import { revenueStatus } from '../../../metrics/revenue.js';
import type { ReportContext } from './context.js';
import { projectView } from './project-view.js';

export function projectDetail(path: string, project: Project, ctx: ReportContext) {
  const lessons = (project.lessons ?? []).map((l) => (typeof l === 'string' ? { title: l, area: null } : { title: l.title, area: l.area ?? null }));
  return {
    ...projectView(path, project, ctx.findingsOf(path), ctx),
    deliverable_list: (project.deliverables ?? []).map((d) => ({
      id: d.id,
      name: d.name,
      milestone: d.milestone ?? null,
      acceptance: d.acceptance?.status ?? 'pending',
      accepted_by: d.acceptance?.by ? ctx.person(d.acceptance.by) : null,
      accepted_on: d.acceptance?.date ?? null,
    })),
    assumptions: (project.assumptions ?? []).map((a) => ({ id: a.id, title: a.title, owner: a.owner ? ctx.person(a.owner) : null })),
    dependencies: (project.dependencies ?? []).map((d) => ({ id: d.id, title: d.title, project: d.project ?? null, needed_by: d.needed_by ?? null })),
    changes: (project.changes ?? []).map((c) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      cost_impact: c.cost_impact ?? null,
      schedule_impact_days: c.schedule_impact_days ?? null,
      raised: c.raised ?? null,
      decided_by: c.decided_by ? ctx.person(c.decided_by) : null,
      decided_on: c.decided_on ?? null,
    })),
    stakeholders: (project.stakeholders ?? []).map((s) => ({ name: s.name, interest: s.interest ?? null, influence: s.influence ?? null, communication: s.communication ?? null })),
    vendors: (project.vendors ?? []).map((v) => ({ name: v.name, contract: v.contract ?? null, value: v.value ?? null, paid: v.paid ?? null })),
    revenue: revenueStatus(ctx.measure(project).billing).items,
    lesson_list: lessons,
    record_list: Object.entries(project.records ?? {}).map(([name, paths]) => ({ name, paths: Array.isArray(paths) ? paths : [paths] })),
  };
}
