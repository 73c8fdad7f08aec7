/** people.yaml, goals.yaml and waivers.yaml: the portfolio's shared lists. */
import { z } from 'zod';
import { date, id, itemId, list, money, optional, percent, text, textList } from './common.js';

const person = z.strictObject({
  id: id(),
  name: text(),
  role: optional(text()),
  department: optional(text()),
  capacity: optional(percent()),
  rate: optional(money()),
  skills: optional(textList()),
  trainings: optional(list(z.strictObject({ name: text(), date: optional(date()) }))),
});

export const peopleSchema = z.strictObject({ people: optional(list(person)) });
export type Person = z.infer<typeof person>;

const goal = z.strictObject({
  id: itemId(),
  title: text(),
  description: optional(text()),
  owner: optional(id()),
});

export const goalsSchema = z.strictObject({ goals: optional(list(goal)) });
export type Goal = z.infer<typeof goal>;

const waiver = z.strictObject({
  rule: text(),
  project: text().describe('a project id, or a glob such as "*"'),
  item: optional(text()),
  reason: text(),
  approved_by: id(),
  expires: date(),
});

export const waiversSchema = z.strictObject({ waivers: optional(list(waiver)) });
export type Waiver = z.infer<typeof waiver>;
