/**
 * What moved in the portfolio between two versions of its project files: the weekly report's "Since last
 * week". Pure: each project's measures then and now in (src/metrics/measures.ts: the RAG, the forecast cost, the
 * open risks are read from there, never recomputed), the moves out. Day counts here are how far a date moved
 * between two versions, not measures of a project.
 */
import type { ProjectMeasures } from '../metrics/measures.js';
import { dueOf } from '../metrics/schedule.js';
import { daysBetween } from '../model/dates.js';

/** One project then (undefined: its file did not exist, or could not be read) and now. */
export interface ProjectPair {
  id: string;
  name: string;
  before: ProjectMeasures | undefined;
  after: ProjectMeasures;
  /** The previous version exists but is not a project pmo can compare (YAML errors, the wrong shape). */
  unreadable?: boolean;
}

const RAG_RANK: Record<string, number> = { red: 0, amber: 1, green: 2 };

type Rag = 'green' | 'amber' | 'red' | null;
const ragOf = (m: ProjectMeasures | undefined): Rag => {
  const overall = m?.status.update?.overall;
  return overall === 'green' || overall === 'amber' || overall === 'red' ? overall : null;
};

export function weekChanges(pairs: readonly ProjectPair[], since: string) {
  const out = emptyChanges();
  for (const pair of pairs) {
    const of = { project: pair.id, project_name: pair.name };
    if (pair.unreadable) out.unreadable.push(of);
    else if (!pair.before) out.new_projects.push({ ...of, phase: pair.after.project.phase });
    else {
      // A version of the wrong shape (a list where a map belongs) is not compared, rather than half-compared.
      const found = emptyChanges();
      try {
        compareProject(pair.before, pair.after, of, found);
        for (const key of Object.keys(found) as Array<keyof WeekChanges>) (out[key] as unknown[]).push(...found[key]);
      } catch {
        out.unreadable.push(of);
      }
    }
    const update = pair.after.status.update;
    // Owed an update and gave none dated after the day compared with.
    if (pair.after.status.required && (!update || update.date <= since)) {
      out.no_update.push({ ...of, manager: pair.after.project.manager, last_update: update?.date ?? null });
    }
  }
  return out;
}

export type WeekChanges = ReturnType<typeof emptyChanges>;

function emptyChanges() {
  type Of = { project: string; project_name: string };
  return {
    rag_moves: [] as Array<Of & { from: Rag; to: Rag; direction: 'worse' | 'better' | 'new' | 'dropped' }>,
    newly_red: [] as Array<Of & { from: Rag }>,
    phase_changes: [] as Array<Of & { from: string; to: string }>,
    milestones_moved: [] as Array<Of & { milestone: string; name: string; from: string; to: string; days: number }>,
    milestones_met: [] as Array<Of & { milestone: string; name: string; on: string }>,
    forecast_moves: [] as Array<Of & { from: number; to: number; change: number; source: 'forecast' | 'EAC' }>,
    end_moves: [] as Array<Of & { from: string; to: string; days: number }>,
    new_high_risks: [] as Array<Of & { risk: string; title: string; exposure: number; owner: string | null }>,
    risks_closed: [] as Array<Of & { risk: string; title: string }>,
    changes_raised: [] as Array<Of & { change: string; title: string; cost_impact: number | null; schedule_impact_days: number | null }>,
    changes_decided: [] as Array<Of & { change: string; title: string; decision: string; decided_by: string | null }>,
    new_projects: [] as Array<Of & { phase: string }>,
    no_update: [] as Array<Of & { manager: string; last_update: string | null }>,
    unreadable: [] as Array<Of>,
  };
}

type Of = { project: string; project_name: string };

function compareProject(before: ProjectMeasures, after: ProjectMeasures, of: Of, out: WeekChanges): void {
  const [from, to] = [ragOf(before), ragOf(after)];
  if (from !== to) {
    const direction = from === null ? 'new' : to === null ? 'dropped' : RAG_RANK[to]! < RAG_RANK[from]! ? 'worse' : 'better';
    out.rag_moves.push({ ...of, from, to, direction });
    if (to === 'red') out.newly_red.push({ ...of, from });
  }
  if (before.project.phase !== after.project.phase) out.phase_changes.push({ ...of, from: before.project.phase, to: after.project.phase });
  compareMilestones(before, after, of, out);
  const [cost0, cost1] = [before.forecastCost, after.forecastCost];
  if (cost0 && cost1 && cost0.amount !== cost1.amount) out.forecast_moves.push({ ...of, from: cost0.amount, to: cost1.amount, change: cost1.amount - cost0.amount, source: cost1.source });
  const [end0, end1] = [before.forecastEnd, after.forecastEnd];
  if (end0 && end1 && end0 !== end1) out.end_moves.push({ ...of, from: end0, to: end1, days: daysBetween(end0, end1) });
  compareRisks(before, after, of, out);
  compareChanges(before, after, of, out);
}

function compareMilestones(before: ProjectMeasures, after: ProjectMeasures, of: Of, out: WeekChanges): void {
  const then = new Map((before.project.milestones ?? []).map((m) => [m.id, m]));
  for (const m of after.project.milestones ?? []) {
    const old = then.get(m.id);
    if (m.actual && !old?.actual) {
      out.milestones_met.push({ ...of, milestone: m.id, name: m.name, on: m.actual });
      continue;
    }
    const [due0, due1] = [old && !old.actual ? dueOf(old) : null, m.actual ? null : dueOf(m)];
    if (due0 && due1 && due0 !== due1) out.milestones_moved.push({ ...of, milestone: m.id, name: m.name, from: due0, to: due1, days: daysBetween(due0, due1) });
  }
}

function compareRisks(before: ProjectMeasures, after: ProjectMeasures, of: Of, out: WeekChanges): void {
  const highThen = new Set(before.openRisks.filter((r) => r.high).map((r) => r.risk.id));
  for (const { risk, exposure, high } of after.openRisks) {
    if (high && !highThen.has(risk.id)) out.new_high_risks.push({ ...of, risk: risk.id, title: risk.title, exposure, owner: risk.owner ?? null });
  }
  const openNow = new Set(after.openRisks.map((r) => r.risk.id));
  const closedNow = new Set((after.project.risks ?? []).filter((r) => !openNow.has(r.id)).map((r) => r.id));
  for (const { risk } of before.openRisks) if (closedNow.has(risk.id)) out.risks_closed.push({ ...of, risk: risk.id, title: risk.title });
}

function compareChanges(before: ProjectMeasures, after: ProjectMeasures, of: Of, out: WeekChanges): void {
  const then = new Map((before.project.changes ?? []).map((c) => [c.id, c]));
  for (const c of after.project.changes ?? []) {
    const old = then.get(c.id);
    if (!old) out.changes_raised.push({ ...of, change: c.id, title: c.title, cost_impact: c.cost_impact ?? null, schedule_impact_days: c.schedule_impact_days ?? null });
    const decided = c.status === 'approved' || c.status === 'rejected';
    if (decided && old?.status !== c.status) out.changes_decided.push({ ...of, change: c.id, title: c.title, decision: c.status!, decided_by: c.decided_by ?? null });
  }
}
