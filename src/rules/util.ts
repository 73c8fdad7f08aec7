/** Small readings of a project that several rules share. Rules see data that passed its schema. */
import type { Project } from '../model/schemas/project.js';

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

/** The lifecycle's last phase is "closed": a finished project is no longer run, only kept. */
export function isClosed(project: Project, lifecycle: readonly string[]): boolean {
  return project.phase === lifecycle[lifecycle.length - 1];
}

export const money = (n: number) => Math.round(n).toLocaleString('en-US');
export const pct = (n: number) => `${(Math.round(n * 10) / 10).toString()}%`;
