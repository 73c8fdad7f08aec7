/** Small readings of a project that several rules share. Rules see data that passed its schema. */
import type { DataPath } from '../findings.js';
import type { Project } from '../model/schemas/project.js';
import type { RuleContext } from './types.js';

export type StatusUpdate = NonNullable<Project['status']>[number];

/** The newest status update (FORMAT.md: newest last) and its index. */
export function latestStatus(project: Project): { update: StatusUpdate; index: number } | undefined {
  const updates = project.status ?? [];
  return updates.length > 0 ? { update: updates[updates.length - 1]!, index: updates.length - 1 } : undefined;
}

/** Approved change requests: what they add to the budget and the schedule is the new commitment. */
export function approvedChanges(project: Project): { cost: number; days: number } {
  let cost = 0;
  let days = 0;
  for (const change of project.changes ?? []) {
    if (change.status !== 'approved') continue;
    cost += change.cost_impact ?? 0;
    days += change.schedule_impact_days ?? 0;
  }
  return { cost, days };
}

/**
 * Whether a rule that checks what a project needs to enter `phase` judges it: from that phase on, while it
 * runs. A closed project passed those gates long ago; what matters at its closure is judged instead.
 */
export function runningFrom(project: Project, ctx: RuleContext, phase: string): boolean {
  return ctx.phaseAtLeast(project.phase, phase) && !ctx.measure(project).finished;
}

/** The lifecycle's last phase is "closed": a finished project is no longer run, only kept. */
export function isClosed(project: Project, lifecycle: readonly string[]): boolean {
  return project.phase === lifecycle[lifecycle.length - 1];
}

export const money = (n: number) => Math.round(n).toLocaleString('en-US');

/** Where a finding about the money spent points: budget.actual where the file gives it, else the cost log's key, else budget. */
export function actualAt(project: Project): { path: DataPath; on?: 'key' } {
  if (project.budget?.actual != null) return { path: ['budget', 'actual'] };
  return Array.isArray(project.costs) && project.costs.length > 0 ? { path: ['costs'], on: 'key' } : { path: ['budget'] };
}
export const pct = (n: number) => `${(Math.round(n * 10) / 10).toString()}%`;

export { hasRecord } from '../metrics/measures.js';

/** A risk is open unless its status says closed: no status means open (FORMAT.md's RAID log). */
export function isOpenRisk(risk: { status?: string | null }): boolean {
  return risk.status !== 'closed';
}

/** Text that is missing or only whitespace says nothing. */
export function isBlank(text: string | null | undefined): boolean {
  return text == null || text.trim() === '';
}
