/** requests/<id>.yaml: an intake request awaiting a portfolio decision. */
import { z } from 'zod';
import { id, int, itemId, list, money, optional, text } from './common.js';

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
});

export type Request = z.infer<typeof requestSchema>;
