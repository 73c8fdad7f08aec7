/**
 * A cost appended to a project's cost log (`costs:`): by `pmo update --cost` and `pmo import costs` alike. A
 * cost the log already has (same month, amount, category, vendor and note) is not logged twice.
 */
import { isRecord } from '../model/labels.js';
import type { Plain } from './render.js';
import type { YamlEdit } from './yaml-edit.js';

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
