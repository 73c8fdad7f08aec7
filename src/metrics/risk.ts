/** The RAID log across the portfolio: risks by exposure, and the issues still open. */
import { daysBetween } from '../model/dates.js';
import type { Project } from '../model/schemas/project.js';
import { isOpenRisk } from '../rules/util.js';
import { byText, finite } from './numbers.js';

type Risk = NonNullable<Project['risks']>[number];
type Issue = NonNullable<Project['issues']>[number];

export interface RiskRow {
  project: string;
  id: string;
  title: string;
  probability: number;
  impact: number;
  exposure: number;
  owner: string | null;
  mitigation: string | null;
  status: 'open' | 'closed';
}

export interface IssueRow {
  project: string;
  id: string;
  title: string;
  owner: string | null;
  raised: string | null;
  age_days: number | null;
  escalated: boolean;
}

/** Probability x impact, each 1..5: 1 to 25. */
export function riskExposure(risk: Pick<Risk, 'probability' | 'impact'>): number {
  return (finite(risk.probability) ?? 0) * (finite(risk.impact) ?? 0);
}

/** Risks across the portfolio, highest exposure first (ties: project id, then risk id). No status means open. */
export function topRisks(
  projects: ReadonlyArray<Pick<Project, 'id' | 'risks'>>,
  { limit = 10, includeClosed = false }: { limit?: number; includeClosed?: boolean } = {},
): RiskRow[] {
  const rows = projects.flatMap((project) =>
    (project.risks ?? [])
      .filter((risk) => risk && (includeClosed || isOpenRisk(risk)))
      .map((risk): RiskRow => ({
        project: project.id,
        id: risk.id,
        title: risk.title,
        probability: risk.probability,
        impact: risk.impact,
        exposure: riskExposure(risk),
        owner: risk.owner ?? null,
        mitigation: risk.mitigation ?? null,
        status: isOpenRisk(risk) ? 'open' : 'closed',
      })),
  );
  rows.sort((a, b) => b.exposure - a.exposure || byText(a.project, b.project) || byText(a.id, b.id));
  return rows.slice(0, Math.max(0, limit));
}

/**
 * Open as issue-escalation reads it: not closed and not resolved (a resolution date closes an issue whose
 * status was never updated).
 */
const isOpenIssue = (issue: Issue) => issue.status !== 'closed' && issue.resolved == null;

/** Open issues across the portfolio, oldest first; issues with no raised date cannot be aged and come last. */
export function openIssues(projects: ReadonlyArray<Pick<Project, 'id' | 'issues'>>, today: string): IssueRow[] {
  const rows = projects.flatMap((project) =>
    (project.issues ?? []).filter((issue) => issue && isOpenIssue(issue)).map((issue): IssueRow => ({
      project: project.id,
      id: issue.id,
      title: issue.title,
      owner: issue.owner ?? null,
      raised: issue.raised ?? null,
      age_days: issue.raised ? daysBetween(issue.raised, today) : null,
      escalated: issue.escalated === true,
    })),
  );
  const raisedOrder = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : byText(a, b));
  return rows.sort((a, b) => raisedOrder(a.raised, b.raised) || byText(a.project, b.project) || byText(a.id, b.id));
}
