/** rules/*.yaml: the PMO's own declarative rules (compiled by the rules stage). */
import { z } from 'zod';
import { list, oneOf, optional, text } from './common.js';

export const RULE_ID = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)?$/;

export const EACH = ['project', 'milestone', 'deliverable', 'risk', 'issue', 'change', 'person', 'request'] as const;

const example = z.record(z.string(), z.unknown()).describe('a map giving the item and its context');

const customRule = z.strictObject({
  description: text(),
  severity: oneOf(['error', 'warn', 'info']),
  each: oneOf(EACH),
  when: optional(text()),
  assert: text(),
  message: text(),
  category: optional(text()),
  phases: optional(list(text())),
  tests: optional(z.strictObject({ invalid: optional(list(example)), valid: optional(list(example)) })),
});

export const rulesetSchema = z.strictObject({
  rules: z.record(z.string().regex(RULE_ID).describe('lowercase letters, digits and dashes, like high-risk-has-mitigation'), customRule).describe('a map of rule id to rule'),
});
