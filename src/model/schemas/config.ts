/** pmo.yaml: the PMO's configuration. Its defaults are FORMAT.md's. */
import { z } from 'zod';
import { DEFAULT_THRESHOLDS, ISSUE_SEVERITIES, type IssueSeverity, type Thresholds } from '../config.js';
import { list, money, oneOf, optional, text, textList } from './common.js';

const nonNegative = () => z.number().min(0).describe('a number, 0 or more');

const thresholds = z.strictObject(
  Object.fromEntries(Object.keys(DEFAULT_THRESHOLDS).map((key) => [key, optional(nonNegative())])) as Record<
    keyof Thresholds,
    z.ZodOptional<z.ZodNullable<z.ZodNumber>>
  >,
);

/** JSON Schema fragments (written in YAML) that extend a built-in kind. Checked further when compiled. */
const extension = z.strictObject({
  required: optional(list(text())),
  properties: optional(z.record(z.string(), z.record(z.string(), z.unknown())).describe('a map of field name to JSON Schema')),
});

/** A training pmo.yaml requires (docs/trainings.md): of everyone, of some roles, or of the managers of some projects. */
const requiredTraining = z.strictObject({
  name: text(),
  valid_months: optional(z.number().int().min(1).describe('a whole number of months, 1 or more')),
  roles: optional(textList()),
  managers: optional(z.strictObject({ phase: optional(text()), budget: optional(money()) })),
});

export const configSchema = z.strictObject({
  version: z.literal(1).describe('1 (the format version)'),
  organization: optional(text()),
  pmo_type: optional(oneOf(['supportive', 'controlling', 'directive'])),
  currency: optional(z.string().regex(/^[A-Z]{3}$/).describe('a three-letter currency code such as EUR')),
  lifecycle: optional(list(text()).min(1)),
  gates: optional(z.record(z.string(), list(text())).describe('a map of phase to rule ids')),
  thresholds: optional(thresholds),
  rules: optional(z.record(z.string(), oneOf(['error', 'warn', 'info', 'off'])).describe('a map of rule id to severity')),
  locked: optional(list(text())),
  rulesets: optional(list(text())),
  intake: optional(z.strictObject({ weights: optional(z.record(z.string(), z.number().describe('a number'))) })),
  records: optional(z.record(z.string(), list(text())).describe('a map of phase to record names')),
  pv_method: optional(oneOf(['linear', 'step'])),
  cost_categories: optional(list(text()).describe('cost categories a project may log besides labour, vendor, licences, travel and other')),
  exchange_rates: optional(
    z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive().describe('a positive number')).describe('a map of currency code (USD) to what one unit is worth in `currency`'),
  ),
  escalation_days: optional(
    z.strictObject(Object.fromEntries(ISSUE_SEVERITIES.map((level) => [level, optional(nonNegative())])) as Record<IssueSeverity, z.ZodOptional<z.ZodNullable<z.ZodNumber>>>),
  ),
  capacity: optional(
    z.strictObject({
      roles: optional(z.record(z.string(), nonNegative()).describe('a map of role to full-time people (FTE) not named in people.yaml')),
    }),
  ),
  segments: optional(textList().describe('a list of project fields to compare projects by (scorecards)')),
  trainings: optional(z.strictObject({ warning_days: optional(nonNegative()), required: optional(list(requiredTraining)) })),
  schema: optional(z.strictObject({ project: optional(extension), request: optional(extension) })),
});

export type ConfigFile = z.infer<typeof configSchema>;
