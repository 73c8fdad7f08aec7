/** pmo.yaml's `trainings:` as the rules and reports read it (validated by schemas/config.ts). */
import { isRecord } from './labels.js';

export interface RequiredTraining {
  name: string;
  /** How long a training stays valid from its date; null: it never expires. */
  validMonths: number | null;
  /** The roles (people.yaml's `role`, any case) that must hold it; null with `managers` unset: everyone. */
  roles: string[] | null;
  /** The projects whose manager must hold it: from a phase on, from an approved budget up (both when both are given). */
  managers: { phase: string | null; budget: number | null } | null;
}

export interface TrainingPolicy {
  /** A required training expiring within this many days is announced (default 30). */
  warningDays: number;
  required: RequiredTraining[];
}

export const DEFAULT_TRAINING_WARNING_DAYS = 30;

export function trainingPolicy(data: unknown): TrainingPolicy {
  const block = isRecord(data) ? data : {};
  const warning = typeof block.warning_days === 'number' ? block.warning_days : DEFAULT_TRAINING_WARNING_DAYS;
  const required = Array.isArray(block.required) ? block.required.filter(isRecord).filter((t) => typeof t.name === 'string') : [];
  return { warningDays: warning, required: required.map(requiredTraining) };
}

function requiredTraining(entry: Record<string, unknown>): RequiredTraining {
  const managers = isRecord(entry.managers) ? entry.managers : null;
  return {
    name: entry.name as string,
    validMonths: typeof entry.valid_months === 'number' ? entry.valid_months : null,
    roles: Array.isArray(entry.roles) ? entry.roles.filter((r): r is string => typeof r === 'string') : null,
    managers: managers && {
      phase: typeof managers.phase === 'string' ? managers.phase : null,
      budget: typeof managers.budget === 'number' ? managers.budget : null,
    },
  };
}

/** Whether the training is required of a person by their role (or of everyone), apart from the projects they manage. */
export function requiredOfRole(training: RequiredTraining, role: string | null | undefined): boolean {
  if (training.roles === null) return training.managers === null;
  const own = (role ?? '').trim().toLowerCase();
  return own !== '' && training.roles.some((r) => r.trim().toLowerCase() === own);
}
