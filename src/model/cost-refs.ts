/**
 * What a project's cost log names must exist: its categories among pmo.yaml's (the built-in ones and
 * `cost_categories`), its vendors among the project's own. In-file integrity, like the milestones a deliverable
 * names (validate-file.ts).
 */
import type { RawFinding } from '../findings.js';
import type { Config } from './config.js';
import { isRecord, labelPath } from './labels.js';
import { didYouMean } from './suggest.js';

export function costRefs(file: string, data: Record<string, unknown>, config: Config): RawFinding[] {
  const costs = Array.isArray(data.costs) ? data.costs : [];
  const vendors = new Set(vendorNames(data));
  return costs.flatMap((cost, index) => {
    if (!isRecord(cost)) return [];
    const found: RawFinding[] = [];
    if (typeof cost.category === 'string' && !config.costCategories.includes(cost.category)) {
      found.push(finding(file, data, [index, 'category'], 'ref/unknown-cost-category',
        `category '${cost.category}' is not a cost category (${config.costCategories.join(', ')})${didYouMean(cost.category, config.costCategories)}; pmo.yaml's cost_categories adds the PMO's own`));
    }
    if (typeof cost.vendor === 'string' && !vendors.has(cost.vendor)) {
      found.push(finding(file, data, [index, 'vendor'], 'ref/unknown-vendor',
        `vendor '${cost.vendor}' is not among this project's vendors${didYouMean(cost.vendor, vendors)}; add it under vendors or fix the name`));
    }
    return found;
  });
}

/** The names of a project's vendors, as its data has them. */
export function vendorNames(data: unknown): string[] {
  const vendors = isRecord(data) && Array.isArray(data.vendors) ? data.vendors : [];
  return vendors.flatMap((v) => (isRecord(v) && typeof v.name === 'string' ? [v.name] : []));
}

function finding(file: string, data: Record<string, unknown>, at: [number, string], rule: string, message: string): RawFinding {
  const path = ['costs', ...at];
  return { rule, severity: 'error', message: `${labelPath(path, data).item}: ${message}`, file, at: { path, on: 'value' } };
}
