/** audits/<id>.yaml: one audit, its findings, and the corrective and preventive actions taken on them. */
import { z } from 'zod';
import { date, id, itemId, list, oneOf, optional, text } from './common.js';

export const ACTION_STATES = ['open', 'done', 'verified', 'dropped'] as const;
export type ActionState = (typeof ACTION_STATES)[number];

const verification = z.strictObject({
  date: date(),
  by: id(),
  effective: z.boolean().describe('true (the finding is gone for good) or false'),
  note: optional(text()),
});

const action = z.strictObject({
  id: itemId(),
  type: oneOf(['corrective', 'preventive']),
  what: text(),
  owner: id(),
  due: date(),
  state: oneOf(ACTION_STATES),
  done: optional(date()),
  reason: optional(text().describe('why the action was dropped')),
  verification: optional(verification),
});

/**
 * A finding as `pmo audit record` froze it from `pmo check` (rule, fingerprint...), or as the auditor wrote it
 * by hand (message, project, severity): not every deviation is a rule.
 */
const finding = z.strictObject({
  id: itemId(),
  message: text(),
  severity: oneOf(['error', 'warn', 'info']),
  project: optional(id()),
  rule: optional(text()),
  file: optional(text()),
  item: optional(text()),
  fingerprint: optional(z.string().regex(/^[0-9a-f]{64}$/).describe('the 64 hex digits pmo audit record wrote')),
  actions: optional(list(action)),
});

export const auditSchema = z.strictObject({
  id: id(),
  date: date(),
  auditor: id(),
  scope: z.union([z.literal('all'), z.array(id())]).describe('all, or a list of project ids'),
  title: optional(text()),
  findings: optional(list(finding)),
});

export type Audit = z.infer<typeof auditSchema>;
export type AuditFinding = z.infer<typeof finding>;
export type AuditAction = z.infer<typeof action>;
