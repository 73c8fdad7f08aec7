/**
 * A cost appended to a project's cost log (`costs:`): by `pmo update --cost` and `pmo import costs` alike. A
 * cost the log already has (same month, amount, category, vendor and note) is not logged twice.
 */
import { isRecord } from '../model/labels.js';
import type { Plain } from './render.js';
import type { YamlEdit } from './yaml-edit.js';

/**
 * The fields of a cost a CSV column can fill (the project's id, then the cost log's); the first four are
 * required. Here, not in import-costs.ts: the CLI's option parser reads them on every start, and that module
 * loads the CSV parser and the workspace.
 */
export const COST_FIELDS = ['project', 'period', 'amount', 'category', 'vendor', 'note'] as const;
export type CostField = (typeof COST_FIELDS)[number];

export interface CostInput {
  period: string;
  amount: number;
  category: string;
  vendor?: string;
  note?: string;
}

/** Appends the cost unless the log has it; whether it was appended. */
export function logCost(edit: YamlEdit, cost: CostInput): boolean {
  const logged = new Set((isRecord(edit.data) && Array.isArray(edit.data.costs) ? edit.data.costs : []).map(costKey));
  if (logged.has(costKey(cost))) return false;
  const item: Record<string, Plain> = { period: cost.period, amount: cost.amount, category: cost.category };
  if (cost.vendor) item.vendor = cost.vendor;
  if (cost.note) item.note = cost.note;
  edit.append(['costs'], item);
  return true;
}

/** What makes two logged costs the same entry. */
function costKey(cost: unknown): string {
  const c = isRecord(cost) ? cost : {};
  return JSON.stringify([c.period, c.amount, c.category, c.vendor ?? null, c.note ?? null]);
}
