/**
 * CSV for spreadsheets: RFC 4180 (CRLF line ends, fields with a comma, quote or line break quoted, quotes
 * doubled), one header row. A text cell that a spreadsheet would run as a formula (=, +, -, @ first) is
 * prefixed with an apostrophe: project names come from anyone who can commit.
 */
import type { AuditModel, CapacityModel, IntakeModel, PeopleModel, ProjectModel, ReportModel, ResourcesModel, WeeklyModel } from './model/index.js';
import type { ProjectView } from './model/project-view.js';
import type { TrendsModel } from '../../trends.js';

type Cell = string | number | boolean | null | undefined;

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const PROJECT_COLUMNS: ReadonlyArray<[string, (p: ProjectView) => Cell]> = [
  ['id', (p) => p.id],
  ['name', (p) => p.name],
  ['manager', (p) => p.manager.id],
  ['phase', (p) => p.phase],
  ['overall', (p) => p.rag.overall],
  ['schedule', (p) => p.rag.schedule],
  ['cost', (p) => p.rag.cost],
  ['scope', (p) => p.rag.scope],
  ['last_update', (p) => p.status?.date],
  ['update_age_days', (p) => p.status?.age_days],
  ['start', (p) => p.dates.start],
  ['baseline_end', (p) => p.dates.baseline_end],
  ['forecast_end', (p) => p.dates.forecast_end],
  ['slip_days', (p) => p.slip_days],
  ['currency', (p) => p.currency],
  ['budget_baseline', (p) => p.budget.baseline],
  ['budget_forecast', (p) => p.budget.forecast],
  ['budget_actual', (p) => p.budget.actual],
  ['budget_variance_pct', (p) => p.budget.variance_pct],
  ['pv', (p) => p.evm.pv],
  ['ev', (p) => p.evm.ev],
  ['cpi', (p) => rounded(p.evm.cpi)],
  ['spi', (p) => rounded(p.evm.spi)],
  ['eac', (p) => rounded(p.evm.eac, 0)],
  ['next_milestone', (p) => p.next_milestone?.name],
  ['next_milestone_due', (p) => p.next_milestone?.due],
  ['milestones_overdue', (p) => p.milestones_overdue.length],
  ['open_risks', (p) => p.risks.length],
  ['high_risks', (p) => p.risks.filter((r) => r.high).length],
  ['open_issues', (p) => p.issues.length],
  ['changes_awaiting', (p) => p.changes_awaiting.length],
  ['errors', (p) => p.findings.errors],
  ['warnings', (p) => p.findings.warnings],
  ['waived', (p) => p.findings.waived],
];

const rounded = (n: number | null, places = 3) => (n === null ? null : Math.round(n * 10 ** places) / 10 ** places);

/** The CSV of a report model: one row per project, or per person (resources), request (intake), or project's compliance (audit). */
export function reportCsv(model: ReportModel | TrendsModel): string {
  if ('points' in model) return trendCsv(model);
  switch (model.report.kind) {
    case 'resources': {
      const { weeks, people } = model as ResourcesModel;
      return toCsv(['person', 'name', 'capacity', ...weeks], people.map((p) => [p.person, p.name, p.capacity, ...p.load]));
    }
    case 'capacity':
      // One row per role and month: what the tables show.
      return toCsv(
        ['role', 'month', 'supply', 'booked', 'approved', 'proposed', 'free', 'gap'],
        (model as CapacityModel).roles.flatMap((r) => r.cells.map((c) => [r.role, c.month, c.supply, c.booked, c.approved, c.proposed, c.free, c.gap])),
      );
    case 'intake': {
      const { weights, requests, scenario } = model as IntakeModel;
      const criteria = weights.map((w) => w.criterion);
      // With --budget, whether the scenario takes each request, and what kept it out.
      const chosen = new Set(scenario?.chosen.map((r) => r.id));
      const out = new Map(scenario?.left_out.map((r) => [r.id, r]));
      const inScenario = (id: string): Cell[] => (scenario ? [chosen.has(id) ? 'in' : 'out', out.get(id)?.constraint, out.get(id)?.reason] : []);
      return toCsv(
        ['rank', 'id', 'name', 'score', 'max_score', ...criteria, 'missing', 'cost', 'months', ...(scenario ? ['scenario', 'constraint', 'reason'] : [])],
        requests.map((r) => [r.rank, r.id, r.name, r.score, r.max_score, ...criteria.map((c) => r.scores[c]), r.missing.join(' '), r.cost, r.months, ...inScenario(r.id)]),
      );
    }
    case 'people':
      return peopleCsv(model as PeopleModel);
    case 'audit': {
      const audit = model as AuditModel;
      // The audits' actions on each project's findings beside its compliance (none: empty cells).
      const actions = new Map(audit.actions.by_project.map((a) => [a.project, a]));
      return toCsv(
        ['project', 'project_name', 'manager', 'manager_name', 'department', 'errors', 'warnings', 'infos', 'waived', 'score', 'actions_open', 'actions_overdue', 'actions_closure_rate_pct'],
        audit.compliance.projects.map((r) => {
          const a = actions.get(r.project);
          return [r.project, r.project_name, r.manager, r.manager_name, r.department, r.errors, r.warnings, r.infos, r.waived, r.score, a?.open, a?.overdue, a?.closure_rate_pct];
        }),
      );
    }
    case 'project':
      return projectRows([(model as ProjectModel).project]);
    default:
      return projectRows((model as WeeklyModel).projects);
  }
}

const projectRows = (projects: readonly ProjectView[]) =>
  toCsv(PROJECT_COLUMNS.map(([name]) => name), projects.map((p) => PROJECT_COLUMNS.map(([, pick]) => pick(p))));

/** One row per period: the portfolio at its end (empty cells before the repository's first commit). */
function trendCsv(model: TrendsModel): string {
  if (model.by) return trendByCsv(model.by);
  const header = ['period', 'start', 'end', 'commit', 'projects', 'active', 'green', 'amber', 'red', 'no_status', 'errors', 'warnings', 'notes', 'waived',
    'compliance_score', 'budget_baseline', 'budget_forecast', 'cpi', 'spi', 'high_risks', 'over_allocated', 'revenue_overdue', 'actions_open', 'actions_overdue', 'left_out'];
  return toCsv(header, model.points.map((p) => {
    const v = p.values;
    return [p.label, p.start, p.end, p.commit?.id.slice(0, 12), v?.projects, v?.active, v?.by_rag.green, v?.by_rag.amber, v?.by_rag.red, v?.by_rag.none,
      v?.findings.errors, v?.findings.warnings, v?.findings.infos, v?.findings.waived, v?.compliance_score, v?.budget.baseline, v?.budget.forecast,
      v?.cpi, v?.spi, v?.high_risks, v?.over_allocated, v?.revenue_overdue, v?.actions.open, v?.actions.overdue, v?.left_out];
  }));
}

/**
 * The S-curve's numbers (`--cost-curve`): one row per month of the one-pager's cost curve, or the weekly's
 * portfolio curve: planned value, spent in the month, spent to date, forecast to date and earned value (the
 * one-pager's, from git; empty where unknown and always in the weekly, which reads no history).
 */
export function costCurveCsv(model: ReportModel): string {
  const curve = model.report.kind === 'project' ? (model as ProjectModel).project.cost_curve : (model as WeeklyModel).summary.cost_curve;
  const months: ReadonlyArray<{ month: string; planned: number | null; spent: number | null; actual: number | null; forecast: number | null; earned?: number | null }> = curve?.months ?? [];
  return toCsv(['month', 'planned_value', 'spent_in_month', 'spent_to_date', 'forecast_to_date', 'earned_value'], months.map((m) => [m.month, m.planned, m.spent, m.actual, m.forecast, m.earned]));
}

/** `--by`: one row per period and group, with the group's scorecard (empty figures: no project of it then). */
const SCORECARD_COLUMNS = ['projects', 'milestones_due', 'milestones_met', 'milestones_met_pct', 'cpi_avg', 'cpi_worst', 'spi_avg', 'spi_worst', 'status_owed', 'status_on_time',
  'status_on_time_pct', 'findings', 'findings_per_project', 'compliance_score', 'actions_due', 'actions_on_time', 'actions_on_time_pct', 'trainings_required', 'trainings_valid',
  'training_compliance_pct'] as const;

function trendByCsv(by: NonNullable<TrendsModel['by']>): string {
  return toCsv(
    ['period', by.segment, ...SCORECARD_COLUMNS],
    by.groups.flatMap((group) => group.periods.map((p) => [p.label, group.key, ...SCORECARD_COLUMNS.map((column) => p.card?.[column])])),
  );
}

/** One row per person: who they are, their load, their trainings by state (names joined by "; "), and their scorecard's main figures. */
function peopleCsv({ people }: PeopleModel): string {
  const names = (list: ReadonlyArray<{ name: string }>) => list.map((t) => t.name).join('; ');
  return toCsv(
    ['id', 'name', 'role', 'department', 'manages', 'projects', 'capacity', 'peak_load', 'over_weeks', 'trainings_valid', 'trainings_expiring', 'trainings_expired', 'trainings_undated', 'trainings_missing', 'training_compliance_pct', 'milestones_met_pct', 'cpi_avg', 'spi_avg', 'status_on_time_pct', 'findings_per_project', 'compliance_score', 'actions_on_time_pct'],
    people.map((p) => [
      p.id, p.name, p.role, p.department, p.manages.join(' '), p.projects.join(' '), p.capacity, p.peak_load, p.over_weeks,
      names(p.trainings.valid), names(p.trainings.expiring), names(p.trainings.expired), names(p.trainings.undated), names(p.trainings.missing), p.training_compliance_pct,
      p.scorecard?.milestones_met_pct, p.scorecard?.cpi_avg, p.scorecard?.spi_avg, p.scorecard?.status_on_time_pct, p.scorecard?.findings_per_project, p.scorecard?.compliance_score, p.scorecard?.actions_on_time_pct,
    ]),
  );
}
