/** projects/<id>.yaml: one project, as FORMAT.md defines it. */
import { z } from 'zod';
import { ISSUE_SEVERITIES } from '../config.js';
import {
  LEVEL, RAG, date, id, int, itemId, list, money, month, oneOf, optional, percent, recordPaths, signedInt,
  text, textList,
} from './common.js';

const approval = z.strictObject({ by: id(), on: date() });

const milestone = z.strictObject({
  id: itemId(),
  name: text(),
  baseline: optional(date()),
  forecast: optional(date()),
  actual: optional(date()),
  progress: optional(percent()),
  weight: optional(z.number().min(0).describe('a weight: a number, 0 or more')),
});

const deliverable = z.strictObject({
  id: itemId(),
  name: text(),
  description: optional(text()),
  milestone: optional(itemId()),
  acceptance: optional(
    z.strictObject({
      status: oneOf(['pending', 'accepted', 'rejected']),
      by: optional(id()),
      date: optional(date()),
      record: optional(text()),
    }),
  ),
});

const risk = z.strictObject({
  id: itemId(),
  title: text(),
  description: optional(text()),
  probability: int(1, 5),
  impact: int(1, 5),
  owner: optional(id()),
  mitigation: optional(text()),
  status: optional(oneOf(['open', 'closed'])),
  review_by: optional(date()),
  handover: optional(text().describe('who takes an open risk on when the project closes, and what they must watch')),
});

const issue = z.strictObject({
  id: itemId(),
  title: text(),
  description: optional(text()),
  owner: optional(id()),
  severity: optional(oneOf(ISSUE_SEVERITIES)),
  raised: optional(date()),
  resolved: optional(date()),
  status: optional(oneOf(['open', 'closed'])),
  escalated: optional(z.boolean().describe('true or false')),
  escalated_to: optional(id()),
  escalated_on: optional(date()),
});

const assumption = z.strictObject({
  id: itemId(),
  title: text(),
  owner: optional(id()),
});

const dependency = z.strictObject({
  id: itemId(),
  title: text(),
  project: optional(id()),
  needed_by: optional(date()),
});

const change = z.strictObject({
  id: itemId(),
  title: text(),
  description: optional(text()),
  cost_impact: optional(z.number().describe('an amount of money (negative for a saving)')),
  schedule_impact_days: optional(signedInt()),
  status: oneOf(['proposed', 'approved', 'rejected']),
  raised: optional(date()),
  decided_by: optional(id()),
  decided_on: optional(date()),
  rebaselines: optional(textList().describe('the baselines the change moves: dates.baseline_end, budget.baseline, or a milestone id')),
});

const allocation = z.strictObject({
  person: id(),
  role: optional(text()),
  allocation: percent(),
  from: optional(date()),
  to: optional(date()),
});

const stakeholder = z.strictObject({
  name: text(),
  interest: optional(oneOf(LEVEL)),
  influence: optional(oneOf(LEVEL)),
  communication: optional(text()),
});

const vendor = z.strictObject({
  name: text(),
  contract: optional(text()),
  value: optional(money()),
  paid: optional(money()),
});

/** A cost logged for a month; `budget.actual` is then the log's sum. */
const cost = z.strictObject({
  period: month(),
  amount: money(),
  category: text().describe("labour, vendor, licences, travel, other, or one of pmo.yaml's cost_categories"),
  vendor: optional(text().describe("a vendor's name, as in the project's vendors")),
  note: optional(text()),
});

const billing = z.strictObject({
  id: itemId(),
  amount: money(),
  due: date(),
  invoiced: optional(date()),
  received: optional(date()),
});

const kpi = z.strictObject({
  name: text(),
  target: z.number().describe('a number'),
  actual: optional(z.number().describe('a number')),
  higher_is_better: optional(z.boolean().describe('true or false')),
  due: optional(date()),
});

const statusUpdate = z.strictObject({
  date: date(),
  by: optional(id()),
  overall: oneOf(RAG),
  schedule: optional(oneOf(RAG)),
  cost: optional(oneOf(RAG)),
  scope: optional(oneOf(RAG)),
  summary: optional(text()),
  next: optional(textList()),
});

const hold = z.strictObject({
  since: date(),
  reason: text(),
  decided_by: id(),
  review_by: date(),
  until: optional(date()),
  resumed_by: optional(id()),
});

const cancellation = z.strictObject({
  on: date(),
  reason: text(),
  decided_by: id(),
});

const lesson = z
  .union([text(), z.strictObject({ title: text(), area: optional(text()), description: optional(text()) })])
  .describe('a title, or a map with title and area');

export const projectSchema = z.strictObject({
  id: id(),
  name: text(),
  description: optional(text()),
  manager: id(),
  sponsor: optional(id()),
  phase: text(),
  priority: optional(int(1, 5)),
  currency: optional(z.string().regex(/^[A-Z]{3}$/).describe('a three-letter currency code such as EUR')),
  goals: optional(list(itemId())),
  dates: z.strictObject({
    start: date(),
    baseline_end: optional(date()),
    forecast_end: optional(date()),
    actual_end: optional(date()),
  }),
  approvals: optional(z.record(z.string(), approval).describe('a map of approval name to { by, on }')),
  budget: optional(
    z.strictObject({
      baseline: optional(money()),
      actual: optional(money()),
      forecast: optional(money()),
      approved_by: optional(id()),
    }),
  ),
  costs: optional(list(cost).describe('actual costs logged by month, oldest first')),
  milestones: optional(list(milestone)),
  deliverables: optional(list(deliverable)),
  risks: optional(list(risk)),
  issues: optional(list(issue)),
  assumptions: optional(list(assumption)),
  dependencies: optional(list(dependency)),
  changes: optional(list(change)),
  team: optional(list(allocation)),
  stakeholders: optional(list(stakeholder)),
  vendors: optional(list(vendor)),
  revenue: optional(list(billing)),
  kpis: optional(list(kpi)),
  records: optional(z.record(z.string(), recordPaths()).describe('a map of record name to path')),
  status: optional(list(statusUpdate)),
  lessons: optional(list(lesson)),
  holds: optional(list(hold).describe('the times the project was put on hold, newest last; the one without `until` holds it now')),
  cancelled: optional(cancellation),
});

export type Project = z.infer<typeof projectSchema>;
