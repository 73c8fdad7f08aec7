/**
 * pmo.yaml → the Config every later stage reads, FORMAT.md's defaults filled in. This module reads settings
 * only; validating pmo.yaml and compiling its schema extensions is config-compile.ts's job (it needs zod,
 * which a warm run never loads).
 */
import type { SeverityLevel } from '../findings.js';
import { isRecord } from './labels.js';
import { trainingPolicy, type TrainingPolicy } from './training-policy.js';

export type PmoType = 'supportive' | 'controlling' | 'directive';

export const DEFAULT_LIFECYCLE = ['initiation', 'planning', 'execution', 'closing', 'closed'];

export const DEFAULT_THRESHOLDS = {
  status_max_age_days: 7,
  budget_variance_pct: 10,
  schedule_slip_days: 14,
  risk_high_exposure: 15,
  allocation_max_pct: 100,
  evm_min_index: 0.9,
  issue_escalation_days: 14,
  change_decision_days: 30,
  invoice_payment_days: 45,
  waiver_warning_days: 14,
  milestone_slip_days: 14,
  tcpi_max: 1.1,
  finding_action_days: 14,
  action_verify_days: 30,
  audit_every_days: 0,
};

/** How many days an open issue of each severity may wait before it must be escalated (FORMAT.md's issues). */
export const ISSUE_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type IssueSeverity = (typeof ISSUE_SEVERITIES)[number];

export type Thresholds = typeof DEFAULT_THRESHOLDS;

export interface Config {
  organization?: string;
  pmoType: PmoType;
  currency: string;
  lifecycle: string[];
  gates: Record<string, string[]>;
  thresholds: Thresholds;
  rules: Record<string, SeverityLevel>;
  locked: string[];
  rulesets: string[];
  intakeWeights: Record<string, number>;
  records: Record<string, string[]>;
  /** Escalation days by issue severity; a severity not given (and an issue without one) uses issue_escalation_days. */
  escalationDays: Partial<Record<IssueSeverity, number>>;
  /** The categories a project's logged costs may have: the built-in ones, then pmo.yaml's `cost_categories`. */
  costCategories: string[];
  /** Rates to the reporting `currency`: 1 unit of the key's currency is worth this many of the reporting one. */
  exchangeRates: Record<string, number>;
  /** How planned value accrues over a milestone's span (DOMAIN.md): linearly, or all on its baseline day. */
  pvMethod: 'linear' | 'step';
  /** pmo.yaml's `capacity.roles`: full-time people (FTE) of each role beside those people.yaml names. */
  capacityRoles: Record<string, number>;
  /** Project fields pmo.yaml names as segments: scorecards compare projects by them, as by department, sponsor and goal. */
  segments: string[];
  /** The trainings pmo.yaml requires, and how early one about to expire is announced. */
  trainings: TrainingPolicy;
  /** pmo.yaml's data as written: the schema extensions are compiled from it when files need validating. */
  data: unknown;
}

/** Settings from pmo.yaml data that config-compile.ts has validated (or a cache vouches for). */
/** The cost categories every PMO has (DOMAIN.md); pmo.yaml's `cost_categories` adds its own. */
export const COST_CATEGORIES = ['labour', 'vendor', 'licences', 'travel', 'other'];

export function configFrom(data: unknown): Config {
  const file = isRecord(data) ? data : {};
  const given = <T>(key: string, fallback: T): T => (file[key] === undefined || file[key] === null ? fallback : (file[key] as T));
  const thresholds = isRecord(file.thresholds) ? file.thresholds : {};
  return {
    organization: given<string | undefined>('organization', undefined),
    pmoType: given<PmoType>('pmo_type', 'supportive'),
    currency: given('currency', 'EUR'),
    lifecycle: given('lifecycle', DEFAULT_LIFECYCLE),
    gates: given('gates', {}),
    thresholds: {
      ...DEFAULT_THRESHOLDS,
      ...Object.fromEntries(Object.entries(thresholds).filter(([, v]) => typeof v === 'number')),
    },
    rules: given('rules', {}),
    locked: given('locked', []),
    rulesets: given('rulesets', ['rules/*.yaml']),
    intakeWeights: isRecord(file.intake) && isRecord(file.intake.weights) ? (file.intake.weights as Record<string, number>) : {},
    records: given('records', {}),
    pvMethod: given('pv_method', 'linear'),
    exchangeRates: isRecord(file.exchange_rates) ? (file.exchange_rates as Record<string, number>) : {},
    escalationDays: isRecord(file.escalation_days) ? (file.escalation_days as Partial<Record<IssueSeverity, number>>) : {},
    costCategories: [...new Set([...COST_CATEGORIES, ...given<string[]>('cost_categories', [])])],
    capacityRoles: isRecord(file.capacity) && isRecord(file.capacity.roles) ? (file.capacity.roles as Record<string, number>) : {},
    segments: Array.isArray(file.segments) ? file.segments.filter((s): s is string => typeof s === 'string') : [],
    trainings: trainingPolicy(file.trainings),
    data,
  };
}
