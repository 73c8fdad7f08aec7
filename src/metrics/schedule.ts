/** Schedule readings of one project: milestones overdue, due soon and next (measures.ts says on which day). */
import { addDays, daysBetween } from '../model/dates.js';
import type { Project } from '../model/schemas/project.js';
import { byText } from './numbers.js';

type Milestone = NonNullable<Project['milestones']>[number];

/** When a milestone is now expected: its forecast (the PM's current plan), else its baseline. As milestone-overdue reads it. */
export const dueOf = (m: Pick<Milestone, 'forecast' | 'baseline'>): string | null => m.forecast ?? m.baseline ?? null;

/**
 * Milestones not yet met (no actual date) that have a due date `keep` accepts, earliest first, then by id
 * (filtered before sorting: a rule asks for the overdue ones of every project, usually none).
 */
function openMilestones(project: Pick<Project, 'milestones'>, keep: (due: string) => boolean = () => true): Array<{ id: string; name: string; due: string }> {
  return (project.milestones ?? [])
    .flatMap((m) => {
      const due = m && !m.actual ? dueOf(m) : null;
      return due && keep(due) ? [{ id: m.id, name: m.name, due }] : [];
    })
    .sort((a, b) => byText(a.due, b.due) || byText(a.id, b.id));
}

/**
 * Milestones with no actual date whose due date is before today: the milestone-overdue rule's definition
 * (a milestone due today is not overdue yet). That rule also skips closed projects; here the caller chooses
 * the projects.
 */
export function overdueMilestones(
  project: Pick<Project, 'milestones'>,
  today: string,
): Array<{ id: string; name: string; due: string; days_overdue: number }> {
  return openMilestones(project, (due) => due < today).map((m) => ({ ...m, days_overdue: daysBetween(m.due, today) }));
}

/**
 * The first day after `today` on which an open milestone not overdue today is overdue (the day after its due
 * date, see overdueMilestones); null when none is left to fall due.
 */
export function nextOverdueDay(project: Pick<Project, 'milestones'>, today: string): string | null {
  // The earliest due date to come, found in one pass (every running project is asked, every day).
  let next: string | null = null;
  for (const m of project.milestones ?? []) {
    const due = m && !m.actual ? dueOf(m) : null;
    if (due && due >= today && (next === null || due < next)) next = due;
  }
  return next === null ? null : addDays(next, 1);
}

/** Open milestones due from today up to horizonDays ahead, both ends included. */
export function milestonesDue(
  project: Pick<Project, 'milestones'>,
  today: string,
  horizonDays = 14,
): Array<{ id: string; name: string; due: string; days_left: number }> {
  return openMilestones(project, (due) => due >= today)
    .map((m) => ({ ...m, days_left: daysBetween(today, m.due) }))
    .filter((m) => m.days_left <= horizonDays);
}

/** The earliest open milestone; an overdue one is still the next thing the project owes. */
export function nextMilestone(project: Pick<Project, 'milestones'>, _today: string): { id: string; name: string; due: string } | null {
  return openMilestones(project)[0] ?? null;
}
