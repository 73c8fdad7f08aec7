/**
 * The one reading of people's trainings against what pmo.yaml requires (docs/trainings.md): which required
 * trainings a person holds, valid, about to expire, expired or missing, on a day; which trainings a project
 * requires of its manager. The training rules and the people report both read it.
 */
import { addDays, addMonths, daysBetween } from '../model/dates.js';
import { phaseAtLeast } from '../rules/phase.js';
import type { Config } from '../model/config.js';
import { rateToReporting } from './currency.js';
import { requiredOfRole, type RequiredTraining, type TrainingPolicy } from '../model/training-policy.js';

/** A training a person holds, as people.yaml lists it (`index`: its place in the person's `trainings`). */
export interface HeldTraining {
  name: string;
  date: string | null;
  index: number;
}

export type TrainingState = 'valid' | 'expiring' | 'expired' | 'missing' | 'undated';

export interface TrainingStanding {
  training: RequiredTraining;
  state: TrainingState;
  /** The entry that counts: the latest dated one of that name (an undated one when there is no dated one). */
  held: HeldTraining | null;
  /** The first day it is no longer valid; null when it never expires or is not held with a date. */
  expires: string | null;
  /** Days from the day measured to `expires`. */
  daysLeft: number | null;
}

/** What a training is required of a manager for: the project's phase and approved budget (reporting currency). */
export interface ManagedProject {
  phase: string | null;
  /** The approved budget in pmo.yaml's currency; null when unknown or in a currency pmo.yaml gives no rate for. */
  budget: number | null;
}

/** A person's trainings as people.yaml writes them (`{ name, date }`), with their places. */
export function heldTrainings(person: { trainings?: ReadonlyArray<{ name: string; date?: string | null }> | null }): HeldTraining[] {
  return (person.trainings ?? []).map((t, index) => ({ name: t.name, date: t.date ?? null, index }));
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The latest dated entry of the training's name, else an undated one, else null. */
function latestOf(held: readonly HeldTraining[], name: string): HeldTraining | null {
  const named = held.filter((t) => sameName(t.name, name));
  const dated = named.filter((t) => t.date !== null).sort((a, b) => (a.date! < b.date! ? 1 : a.date! > b.date! ? -1 : 0));
  return dated[0] ?? named[0] ?? null;
}

/**
 * Where a person stands with one required training on `today`: missing (no entry of its name), valid for good
 * (no `valid_months`), undated (it expires but the entry has no date), expired (from `date` + `valid_months`
 * on), expiring (within `warningDays` of that), else valid.
 */
export function trainingStanding(held: readonly HeldTraining[], training: RequiredTraining, today: string, warningDays: number): TrainingStanding {
  const entry = latestOf(held, training.name);
  const standing = (state: TrainingState, expires: string | null = null): TrainingStanding => ({
    training, state, held: entry, expires, daysLeft: expires === null ? null : daysBetween(today, expires),
  });
  if (entry === null) return standing('missing');
  if (training.validMonths === null) return standing('valid');
  if (entry.date === null) return standing('undated');
  const expires = addMonths(entry.date, training.validMonths);
  const left = daysBetween(today, expires);
  return standing(left <= 0 ? 'expired' : left <= warningDays ? 'expiring' : 'valid', expires);
}

/**
 * The first day after the one measured on which the standing is another: a valid training enters its
 * `warningDays`, an expiring one expires. Null when no day to come changes it (missing, undated, expired, or
 * valid for good).
 */
export function standingChangesOn({ state, expires }: TrainingStanding, warningDays: number): string | null {
  if (expires === null) return null;
  if (state === 'valid') return addDays(expires, -warningDays);
  return state === 'expiring' ? expires : null;
}

/** The trainings pmo.yaml requires of a person by their role (and of everyone). */
export function requiredOfPerson(policy: TrainingPolicy, role: string | null | undefined): RequiredTraining[] {
  return policy.required.filter((t) => requiredOfRole(t, role));
}

/** The trainings a project requires of its manager: from its phase on and from its approved budget up. */
export function requiredOfManager(policy: TrainingPolicy, config: Pick<Config, 'lifecycle'>, project: ManagedProject): RequiredTraining[] {
  return policy.required.filter((t) => {
    if (t.managers === null) return false;
    const { phase, budget } = t.managers;
    if (phase !== null && !phaseAtLeast(config, project.phase, phase)) return false;
    return budget === null || (project.budget !== null && project.budget >= budget);
  });
}

/**
 * Every training required of a person, once each: by their role (and everyone's), and by each running project
 * they manage. A training required both ways is judged once.
 */
export function personStandings(
  held: readonly HeldTraining[],
  role: string | null | undefined,
  managed: readonly ManagedProject[],
  policy: TrainingPolicy,
  config: Pick<Config, 'lifecycle'>,
  today: string,
): TrainingStanding[] {
  const required = new Map<string, RequiredTraining>();
  for (const t of requiredOfPerson(policy, role)) required.set(t.name.trim().toLowerCase(), t);
  for (const project of managed) for (const t of requiredOfManager(policy, config, project)) required.set(t.name.trim().toLowerCase(), t);
  return [...required.values()].map((t) => trainingStanding(held, t, today, policy.warningDays));
}

/** An approved budget in pmo.yaml's currency (what `managers.budget` is written in); null without a rate. */
export function budgetInReporting(budget: number | null, currency: string | null | undefined, config: Pick<Config, 'currency' | 'exchangeRates'>): number | null {
  const rate = rateToReporting(config, currency);
  return budget === null || rate === null ? null : budget * rate;
}

/** Held and not expired (valid or expiring). */
export const holdsValid = (standing: Pick<TrainingStanding, 'state'>) => standing.state === 'valid' || standing.state === 'expiring';

/** The share of required trainings held valid, in percent (1 decimal); null when none is required. */
export function trainingCompliancePct(standings: ReadonlyArray<Pick<TrainingStanding, 'state'>>): number | null {
  if (standings.length === 0) return null;
  return Math.round((standings.filter(holdsValid).length / standings.length) * 1000) / 10;
}

/** What a training's condition on managers says, for messages: "in execution or later, with an approved budget of 1000000 or more". */
export function managerCondition(training: RequiredTraining, currency: string): string {
  const parts: string[] = [];
  if (training.managers?.phase) parts.push(`in ${training.managers.phase} or later`);
  if (training.managers?.budget != null) parts.push(`with an approved budget of ${training.managers.budget.toLocaleString('en')} ${currency} or more`);
  return parts.length === 0 ? 'of any size or phase' : parts.join(', ');
}
