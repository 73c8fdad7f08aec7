/**
 * One point of a trend: the portfolio as it stood at the end of a period, in the headline measures a PMO
 * follows over time. Pure: the check's findings and the data of that commit in, numbers out. Money is summed
 * in the portfolio currency only (as the weekly report does).
 */
import { countFindings, type Finding } from '../findings.js';
import type { PortfolioData } from '../load/portfolio-data.js';
import type { Config } from '../model/config.js';
import { complianceSummary } from '../metrics/compliance.js';
import { portfolioEarnedValue, scaledInputs } from '../metrics/evm.js';
import { measureProject, type ProjectMeasures } from '../metrics/measures.js';
import { rateToReporting } from '../metrics/currency.js';
import { resourceLoad } from '../metrics/resources.js';
import { revenueStatus } from '../metrics/revenue.js';
import { actionMeasures, actionRows } from '../metrics/audit-actions.js';
import type { Scorecard } from '../metrics/scorecard.js';
import { reportContext } from '../output/reports/model/context.js';
import { scorecardsBy } from '../output/reports/model/scorecards.js';

export interface TrendValues {
  projects: number;
  /** Running projects (not on hold, cancelled or closed): the ones the other values describe. */
  active: number;
  on_hold: number;
  cancelled: number;
  by_rag: { green: number; amber: number; red: number; none: number };
  by_phase: Array<{ phase: string; count: number }>;
  findings: { errors: number; warnings: number; infos: number; waived: number; by_category: Array<{ category: string; count: number }> };
  compliance_score: number | null;
  /** Sums over active projects in the portfolio's currency; forecast and variance over those with a forecast cost. */
  budget: { baseline: number; approved: number; forecast: number; variance: number };
  cpi: number | null;
  spi: number | null;
  high_risks: number;
  over_allocated: number;
  revenue_overdue: number;
  /** The audits' actions open, and those of them past their due date, on the period's last day. */
  actions: { open: number; overdue: number };
  left_out: number;
  /** `--by`: the scorecard of each manager or segment group at the period's end. */
  by?: Scorecard[];
}

export function trendValues(data: PortfolioData, findings: readonly Finding[], config: Config, today: string, categoryOf: (rule: string) => string, by?: string): TrendValues {
  const last = config.lifecycle[config.lifecycle.length - 1];
  const projects = data.projects.map((p) => p.data);
  const measured = new Map(projects.map((p) => [p, measureProject(p, config, today)]));
  const active = projects.filter((p) => measured.get(p)!.state === 'active');
  // Money in the reporting currency: converted at pmo.yaml's exchange_rates, or left out (as the weekly does).
  const rateOf = (p: (typeof projects)[number]) => rateToReporting(config, p.currency);
  const priced = active.filter((p) => rateOf(p) !== null);
  const byRag = { green: 0, amber: 0, red: 0, none: 0 };
  for (const p of active) {
    const overall = measured.get(p)!.status.update?.overall;
    byRag[overall === 'green' || overall === 'amber' || overall === 'red' ? overall : 'none']++;
  }
  const counts = countFindings(findings);
  const categories = new Map<string, number>();
  for (const f of findings) {
    if (f.waived) continue;
    const category = categoryOf(f.rule);
    categories.set(category, (categories.get(category) ?? 0) + 1);
  }
  const scores = complianceSummary(
    findings,
    data.projects.map(({ path, data: p }) => ({ id: p.id, manager: p.manager, path })),
  ).projects.map((p) => p.score);
  const evm = portfolioEarnedValue(priced.map((p) => scaledInputs(measured.get(p)!.evmInputs, rateOf(p)!)));
  const money = (pick: (m: ProjectMeasures) => number | null | undefined) => priced.reduce((sum, p) => sum + (pick(measured.get(p)!) ?? 0) * rateOf(p)!, 0);
  // Load as allocation-over-capacity judges it: a project on hold still holds its people.
  const load = resourceLoad(projects, data.people, { from: today, weeks: 1, defaultCapacity: config.thresholds.allocation_max_pct, lastPhase: last });
  const actions = actionMeasures(actionRows(data.audits, today));
  const phases = [...config.lifecycle, ...new Set(projects.map((p) => p.phase).filter((phase) => !config.lifecycle.includes(phase)))];
  return {
    projects: projects.length,
    active: active.length,
    on_hold: projects.filter((p) => measured.get(p)!.state === 'on_hold').length,
    cancelled: projects.filter((p) => measured.get(p)!.state === 'cancelled').length,
    by_rag: byRag,
    by_phase: phases.map((phase) => ({ phase, count: projects.filter((p) => p.phase === phase).length })),
    findings: { ...counts, by_category: [...categories].sort(([a], [b]) => (a < b ? -1 : 1)).map(([category, count]) => ({ category, count })) },
    compliance_score: scores.length > 0 ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null,
    budget: {
      baseline: money((m) => m.project.budget?.baseline),
      approved: money((m) => m.approvedBudget),
      forecast: money((m) => (m.budgetVariance === null ? null : m.forecastCost!.amount)),
      variance: money((m) => m.budgetVariance?.amount),
    },
    cpi: evm.cpi === null ? null : Math.round(evm.cpi * 10000) / 10000,
    spi: evm.spi === null ? null : Math.round(evm.spi * 10000) / 10000,
    high_risks: active.reduce((n, p) => n + measured.get(p)!.openRisks.filter((r) => r.high).length, 0),
    over_allocated: load.people.filter((p) => p.over_weeks > 0).length,
    // Closed projects too: revenue leaks at closure (as the weekly report counts it).
    revenue_overdue: revenueStatus(projects.filter((p) => rateOf(p) !== null).flatMap((p) => measured.get(p)!.billing.map((row) => ({ ...row, amount: row.amount * rateOf(p)! })))).totals.overdue,
    actions: { open: actions.open, overdue: actions.overdue },
    left_out: data.leftOut.length,
    ...(by ? { by: scorecardsBy(reportContext({ kind: 'trends', today, config, data, findings, categoryOf }), by) } : {}),
  };
}
