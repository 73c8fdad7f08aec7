/**
 * One point of a trend: the portfolio as it stood at the end of a period, in the headline measures a PMO
 * follows over time. Pure: the check's findings and the data of that commit in, numbers out. Money is summed
 * in the portfolio currency only (as the weekly report does).
 */
import { countFindings, type Finding } from '../findings.js';
import type { PortfolioData } from '../load/portfolio-data.js';
import type { Config } from '../model/config.js';
import { complianceSummary } from '../metrics/compliance.js';
import { portfolioEarnedValue } from '../metrics/evm.js';
import { riskExposure } from '../metrics/risk.js';
import { resourceLoad } from '../metrics/resources.js';
import { revenueStatus } from '../metrics/revenue.js';
import { isClosed, isOpenRisk, latestStatus } from '../rules/util.js';

export interface TrendValues {
  projects: number;
  active: number;
  by_rag: { green: number; amber: number; red: number; none: number };
  by_phase: Array<{ phase: string; count: number }>;
  findings: { errors: number; warnings: number; infos: number; waived: number; by_category: Array<{ category: string; count: number }> };
  compliance_score: number | null;
  budget: { baseline: number; forecast: number };
  cpi: number | null;
  spi: number | null;
  high_risks: number;
  over_allocated: number;
  revenue_overdue: number;
  left_out: number;
}

export function trendValues(data: PortfolioData, findings: readonly Finding[], config: Config, today: string, categoryOf: (rule: string) => string): TrendValues {
  const last = config.lifecycle[config.lifecycle.length - 1];
  const projects = data.projects.map((p) => p.data);
  const active = projects.filter((p) => !isClosed(p, config.lifecycle));
  const priced = active.filter((p) => (p.currency ?? config.currency) === config.currency);
  const byRag = { green: 0, amber: 0, red: 0, none: 0 };
  for (const p of active) {
    const overall = latestStatus(p)?.update.overall;
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
  const evm = portfolioEarnedValue(priced, today);
  const load = resourceLoad(active, data.people, { from: today, weeks: 1, defaultCapacity: config.thresholds.allocation_max_pct, lastPhase: last });
  const phases = [...config.lifecycle, ...new Set(projects.map((p) => p.phase).filter((phase) => !config.lifecycle.includes(phase)))];
  return {
    projects: projects.length,
    active: active.length,
    by_rag: byRag,
    by_phase: phases.map((phase) => ({ phase, count: projects.filter((p) => p.phase === phase).length })),
    findings: { ...counts, by_category: [...categories].sort(([a], [b]) => (a < b ? -1 : 1)).map(([category, count]) => ({ category, count })) },
    compliance_score: scores.length > 0 ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null,
    budget: {
      baseline: priced.reduce((sum, p) => sum + (p.budget?.baseline ?? 0), 0),
      forecast: priced.reduce((sum, p) => sum + (p.budget?.forecast ?? p.budget?.baseline ?? 0), 0),
    },
    cpi: evm.cpi === null ? null : Math.round(evm.cpi * 1000) / 1000,
    spi: evm.spi === null ? null : Math.round(evm.spi * 1000) / 1000,
    high_risks: active.reduce((n, p) => n + (p.risks ?? []).filter((r) => isOpenRisk(r) && riskExposure(r) >= config.thresholds.risk_high_exposure).length, 0),
    over_allocated: load.people.filter((p) => p.over_weeks > 0).length,
    revenue_overdue: revenueStatus(priced, today, config.thresholds.invoice_payment_days).totals.overdue,
    left_out: data.leftOut.length,
  };
}
