/** requests/<id>.yaml: an intake request awaiting a portfolio decision. */
import { z } from 'zod';
import { date, id, int, itemId, list, money, oneOf, optional, percent, text } from './common.js';

/** People of a role the request would need from `from` to `to`: `fte` (1.5 people) or `allocation` (percent of one). */
const demandLine = z.strictObject({
  role: text(),
  fte: optional(z.number().min(0).describe('a number of full-time people, 0 or more')),
  allocation: optional(percent()),
  from: date(),
  to: date(),
});

export const requestSchema = z.strictObject({
  id: id(),
  name: text(),
  description: optional(text()),
  requested_by: id(),
  goals: optional(list(itemId())),
  estimate: optional(
    z.strictObject({
      cost: optional(money()),
      months: optional(z.number().min(0).describe('a number of months, 0 or more')),
    }),
  ),
  scores: optional(z.record(z.string(), int(1, 5)).describe('a map of criterion to a score from 1 to 5')),
  // Capacity against demand (issue 18): where the request stands, and the people it would need if approved.
  status: optional(oneOf(['proposed', 'approved'])),
  demand: optional(list(demandLine)),
});

export type Request = z.infer<typeof requestSchema>;
export type DemandLine = z.infer<typeof demandLine>;
