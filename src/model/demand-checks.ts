/**
 * A request's demand lines (requests/<id>.yaml `demand:`), beyond their schema: each gives its effort one way,
 * as `fte` (people) or `allocation` (percent of one person), and its `to` is not before its `from`.
 */
import type { RawFinding } from '../findings.js';
import { isRecord, labelPath } from './labels.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function demandChecks(file: string, data: Record<string, unknown>): RawFinding[] {
  const lines = Array.isArray(data.demand) ? data.demand : [];
  return lines.flatMap((line, index): RawFinding[] => {
    if (!isRecord(line)) return [];
    const found: RawFinding[] = [];
    const effort = ['fte', 'allocation'].filter((key) => line[key] !== undefined && line[key] !== null);
    if (effort.length !== 1) {
      const path = effort.length === 0 ? ['demand', index] : ['demand', index, 'allocation'];
      found.push({
        rule: 'schema/demand-effort',
        severity: 'error',
        message: `${labelPath(['demand', index, 'role'], data).item}: ${effort.length === 0 ? 'give its effort' : 'give its effort one way'}: fte (full-time people, 1.5) or allocation (percent of one person, 50)`,
        file,
        at: { path, on: effort.length === 0 ? 'key' : 'value' },
      });
    }
    const { from, to } = line;
    if (typeof from === 'string' && typeof to === 'string' && DAY.test(from) && DAY.test(to) && to < from) {
      found.push({
        rule: 'dates/order',
        severity: 'error',
        message: `${labelPath(['demand', index, 'to'], data).item}: to ${to} is before from ${from}`,
        file,
        at: { path: ['demand', index, 'to'], on: 'value' },
      });
    }
    return found;
  });
}
