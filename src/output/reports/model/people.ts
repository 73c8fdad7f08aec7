/**
 * `pmo report people`: one row per person of people.yaml (role, department, the projects they manage and staff,
 * their load, their trainings: valid, expiring, expired, missing), and the scorecards. Load is
 * src/metrics/resources.ts's (the resources report's numbers), trainings src/metrics/trainings.ts's.
 */
import { resourceLoad, type PersonLoad } from '../../../metrics/resources.js';
import { trainingCompliancePct, type TrainingStanding, type TrainingState } from '../../../metrics/trainings.js';
import type { Person } from '../../../model/schemas/people.js';
import { reportHeader, type ReportContext } from './context.js';
import { scorecards, trainingStandings } from './scorecards.js';
import { compare } from './project-view.js';
import type { PreviousQuarter } from '../../../history/previous-quarter.js';

const STATES: readonly TrainingState[] = ['valid', 'expiring', 'expired', 'undated', 'missing'];

export function peopleReport(ctx: ReportContext, weeks: number, previous?: PreviousQuarter | null) {
  const load = resourceLoad(ctx.data.projects.map((p) => p.data), ctx.data.people, {
    from: ctx.today,
    weeks,
    defaultCapacity: ctx.config.thresholds.allocation_max_pct,
    lastPhase: ctx.config.lifecycle[ctx.config.lifecycle.length - 1],
  });
  const loads = new Map(load.people.map((row) => [row.person, row]));
  const trainings = trainingStandings(ctx);
  const cards = scorecards(ctx, trainings, previous);
  const cardOf = new Map(cards.managers.map((card) => [card.key, card]));
  const people = [...ctx.data.people]
    .sort((a, b) => compare(a.id, b.id))
    .map((person) => ({ ...personRow(ctx, person, loads.get(person.id), trainings.get(person.id) ?? []), scorecard: cardOf.get(person.id) ?? null }));
  return {
    report: reportHeader(ctx, 'People'),
    weeks: load.weeks,
    people,
    trainings: trainingSummary([...trainings.values()].flat(), ctx.config.trainings.warningDays),
    scorecards: cards,
    left_out: ctx.data.leftOut,
  };
}

function personRow(ctx: ReportContext, person: Person, load: PersonLoad | undefined, standings: readonly TrainingStanding[]) {
  const manages = ctx.data.projects.filter((p) => p.data.manager === person.id && !ctx.measure(p.data).finished).map((p) => p.data.id).sort(compare);
  return {
    id: person.id,
    name: person.name,
    role: person.role ?? null,
    department: person.department ?? null,
    manages,
    projects: load?.projects ?? [],
    capacity: load?.capacity ?? person.capacity ?? ctx.config.thresholds.allocation_max_pct,
    peak_load: load?.peak ?? 0,
    over_weeks: load?.over_weeks ?? 0,
    trainings: Object.fromEntries(STATES.map((state) => [state, standings.filter((s) => s.state === state).map(trainingView)])) as Record<TrainingState, ReturnType<typeof trainingView>[]>,
    trainings_required: standings.length,
    training_compliance_pct: trainingCompliancePct(standings),
  };
}

function trainingView(standing: TrainingStanding) {
  return { name: standing.training.name, date: standing.held?.date ?? null, expires: standing.expires, days_left: standing.daysLeft };
}

/** How many (person, required training) pairs stand in each state, portfolio-wide. */
function trainingSummary(standings: readonly TrainingStanding[], warningDays: number) {
  const count = (state: TrainingState) => standings.filter((s) => s.state === state).length;
  return {
    warning_days: warningDays,
    required: standings.length,
    ...(Object.fromEntries(STATES.map((state) => [state, count(state)])) as Record<TrainingState, number>),
    compliance_pct: trainingCompliancePct(standings),
  };
}
