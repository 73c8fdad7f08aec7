/** What every report's view model is built from: the portfolio's data, its findings, the day and the settings. */
import type { Finding } from '../../../findings.js';
import type { PortfolioData } from '../../../load/portfolio-data.js';
import type { Config } from '../../../model/config.js';
import { VERSION } from '../../../version.js';
import { measureProject, type ProjectMeasures } from '../../../metrics/measures.js';
import type { Project } from '../../../model/schemas/project.js';
import type { Named } from './project-view.js';
import type { FilterSummary } from '../../../model/portfolio-filter.js';
import type { CategoryOf } from '../../../rules/categories.js';

export const DEFAULT_HORIZON_DAYS = 14;

export interface ReportInput {
  kind: string;
  today: string;
  config: Config;
  data: PortfolioData;
  /** Every finding of `pmo check` on the repo, waived ones included (marked). */
  findings: readonly Finding[];
  /** The commit reported as of (--as-of), and its date. */
  commit?: { commit: string; date: string };
  /** Milestones due within this many days are "due" (default 14). */
  horizonDays?: number;
  /** What `--manager`, `--phase`... chose: `data` and `findings` are already the chosen projects'. */
  filter?: FilterSummary;
  /** The category of a finding's rule, the PMO's own rules' included (rules/categories.ts; default: built-in ones). */
  categoryOf?: CategoryOf;
}

export interface ReportContext extends ReportInput {
  /** The project's measures on the report's day: every number a view shows of a project comes from here. */
  measure(project: Project): ProjectMeasures;
  person(id: string): Named;
  goalTitle(id: string): string | null;
  findingsOf(file: string): Finding[];
}

export function reportContext(input: ReportInput): ReportContext {
  const people = new Map(input.data.people.map((p) => [p.id, p.name]));
  const goals = new Map(input.data.goals.map((g) => [g.id, g.title]));
  const byFile = new Map<string, Finding[]>();
  for (const f of input.findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const measured = new WeakMap<Project, ProjectMeasures>();
  return {
    ...input,
    measure(project) {
      let measures = measured.get(project);
      if (!measures) measured.set(project, (measures = measureProject(project, input.config, input.today)));
      return measures;
    },
    person: (id) => ({ id, name: people.get(id) ?? null }),
    goalTitle: (id) => goals.get(id) ?? null,
    findingsOf: (file) => byFile.get(file) ?? [],
  };
}

/** The header every report model starts with. */
export function reportHeader(ctx: Pick<ReportContext, 'kind' | 'config' | 'today' | 'horizonDays' | 'commit' | 'filter'>, title: string) {
  return {
    kind: ctx.kind,
    title,
    organization: ctx.config.organization ?? null,
    pmo_type: ctx.config.pmoType,
    currency: ctx.config.currency,
    today: ctx.today,
    thresholds: ctx.config.thresholds,
    horizon_days: ctx.horizonDays ?? DEFAULT_HORIZON_DAYS,
    generated_by: `pmo ${VERSION}`,
    as_of: ctx.commit ? { commit: ctx.commit.commit, date: ctx.commit.date } : null,
    /** The audience the report was filtered to (null: the whole portfolio). */
    filter: ctx.filter ?? null,
  };
}
