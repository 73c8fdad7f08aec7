/**
 * What the training rules keep of people.yaml and of a project (their portfolio extracts), and the judging
 * they share. The standing of each training is src/metrics/trainings.ts's.
 */
import type { FileKind } from '../load/discover.js';
import { approvedBudgetOf } from '../metrics/measures.js';
import {
  budgetInReporting, heldTrainings, personStandings, requiredOfPerson, standingChangesOn, trainingStanding, type HeldTraining, type ManagedProject, type TrainingStanding,
} from '../metrics/trainings.js';
import { isRecord } from '../model/labels.js';
import type { Person } from '../model/schemas/people.js';
import type { Project } from '../model/schemas/project.js';
import type { PortfolioContext, PortfolioFile } from './types.js';

export interface PersonFacts {
  id: string;
  role: string | null;
  /** The person's place in people.yaml's list. */
  index: number;
  held: HeldTraining[];
}

export interface ManagedFacts {
  manager: string;
  phase: string | null;
  finished: boolean;
  budget: number | null;
  currency: string | null;
}

export type TrainingExtract = { people: PersonFacts[] } | { project: ManagedFacts };

export function extractPeople(data: unknown): { people: PersonFacts[] } {
  const people = (isRecord(data) && Array.isArray(data.people) ? data.people : []) as Person[];
  return { people: people.map((p, index) => ({ id: p.id, role: p.role ?? null, index, held: heldTrainings(p) })) };
}

/** What the rules about managers' trainings read: people.yaml's people, and each project's manager. */
export function extractPeopleAndManaged(kind: FileKind, data: unknown): TrainingExtract | undefined {
  if (kind === 'people') return extractPeople(data);
  return kind === 'project' ? extractManaged(data) : undefined;
}

export function extractManaged(data: unknown): { project: ManagedFacts } | undefined {
  const project = data as Project;
  if (!isRecord(data) || typeof project.manager !== 'string') return undefined;
  return {
    project: {
      manager: project.manager,
      phase: typeof project.phase === 'string' ? project.phase : null,
      finished: Boolean(project.cancelled),
      budget: approvedBudgetOf(project),
      currency: project.currency ?? null,
    },
  };
}

/** Everyone people.yaml lists, from every people file's extract. */
export function peopleOf(files: ReadonlyArray<PortfolioFile<TrainingExtract>>): Array<PersonFacts & { file: string }> {
  return files.flatMap((f) => ('people' in f.facts ? f.facts.people.map((p) => ({ ...p, file: f.path })) : []));
}

/** Each person's standing in each training their role requires (and everyone's), as people.yaml has them. */
export function roleStandings(files: ReadonlyArray<PortfolioFile<TrainingExtract>>, ctx: PortfolioContext) {
  const { trainings } = ctx.config;
  return peopleOf(files).flatMap((person) =>
    requiredOfPerson(trainings, person.role).map((training) => ({ person, standing: noted(ctx, trainingStanding(person.held, training, ctx.today, trainings.warningDays)) })),
  );
}

/**
 * Each person's standing in every training required of them: by role (and everyone's), and by the running
 * projects they manage (from the projects' extracts), each training once (metrics/trainings.ts personStandings).
 */
export function allStandings(files: ReadonlyArray<PortfolioFile<TrainingExtract>>, ctx: PortfolioContext) {
  const { trainings, lifecycle } = ctx.config;
  const closed = lifecycle[lifecycle.length - 1];
  const managed = new Map<string, ManagedProject[]>();
  for (const f of files) {
    if (!('project' in f.facts)) continue;
    const p = f.facts.project;
    if (p.finished || p.phase === closed) continue;
    const project = { phase: p.phase, budget: budgetInReporting(p.budget, p.currency, ctx.config) };
    const list = managed.get(p.manager);
    if (list) list.push(project);
    else managed.set(p.manager, [project]);
  }
  return peopleOf(files).flatMap((person) =>
    personStandings(person.held, person.role, managed.get(person.id) ?? [], trainings, ctx.config, ctx.today).map((standing) => ({ person, standing: noted(ctx, standing) })),
  );
}

/** A standing the rule judges on, whose next change it tells the context: what it finds holds until then (for good: none). */
export function noted(ctx: PortfolioContext, standing: TrainingStanding): TrainingStanding {
  ctx.holdsUntil(standingChangesOn(standing, ctx.config.trainings.warningDays));
  return standing;
}

/** Who requires the training, for messages: "everyone", "every Project manager". */
export const requiredOfWhom = (standing: TrainingStanding, role: string | null) => (standing.training.roles === null ? 'everyone' : `every ${role ?? 'holder of the role'}`);

/** Where a finding about a held training points: its date (its entry without one); a missing one: the person. */
export function trainingPath(person: PersonFacts, standing: TrainingStanding): Array<string | number> {
  if (!standing.held) return ['people', person.index, 'id'];
  return standing.held.date ? ['people', person.index, 'trainings', standing.held.index, 'date'] : ['people', person.index, 'trainings', standing.held.index];
}
