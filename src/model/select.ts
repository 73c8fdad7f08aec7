/** `risks.*.owner`-style selection of values in a document, each with its path (for locating findings). */
import type { DataPath } from '../findings.js';
import { isRecord } from './labels.js';

export interface Selected {
  path: DataPath;
  value: unknown;
}

/**
 * Values at a dotted pattern where `*` is every list item or map value. A list at the end of the
 * pattern yields its items, so `records.*` reaches both `charter: a.md` and `minutes: [b.md, c.md]`.
 */
export function select(data: unknown, pattern: string): Selected[] {
  let current: Selected[] = [{ path: [], value: data }];
  for (const segment of pattern.split('.')) {
    const next: Selected[] = [];
    for (const { path, value } of current) {
      if (segment === '*') {
        if (Array.isArray(value)) value.forEach((v, i) => next.push({ path: [...path, i], value: v }));
        else if (isRecord(value)) for (const [k, v] of Object.entries(value)) next.push({ path: [...path, k], value: v });
      } else if (isRecord(value) && segment in value) {
        next.push({ path: [...path, segment], value: value[segment] });
      }
    }
    current = next;
  }
  return current.flatMap((s) => (Array.isArray(s.value) ? s.value.map((v, i) => ({ path: [...s.path, i], value: v })) : [s]));
}

/** Selected values that are strings (references the schema already type-checked). */
export function selectStrings(data: unknown, pattern: string): Array<Selected & { value: string }> {
  return select(data, pattern).filter((s): s is Selected & { value: string } => typeof s.value === 'string');
}
