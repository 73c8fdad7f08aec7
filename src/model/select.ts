/** `risks.*.owner`-style selection of values in a document, each with its path (for locating findings). */
import type { DataPath } from '../findings.js';

export interface Selected {
  path: DataPath;
  value: unknown;
}

const compiled = new Map<string, string[]>();

/**
 * Values at a dotted pattern where `*` is every list item or map value. A list at the end of the
 * pattern yields its items, so `records.*` reaches both `charter: a.md` and `minutes: [b.md, c.md]`.
 * Runs for every reference of every project on every check, so it copies a path only for a match.
 */
export function select(data: unknown, pattern: string): Selected[] {
  let segments = compiled.get(pattern);
  if (!segments) compiled.set(pattern, (segments = pattern.split('.')));
  const out: Selected[] = [];
  const path: Array<string | number> = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth === segments.length) {
      if (Array.isArray(value)) value.forEach((item, i) => out.push({ path: [...path, i], value: item }));
      else out.push({ path: [...path], value });
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const segment = segments[depth]!;
    if (segment !== '*') {
      if (Array.isArray(value) || !(segment in value)) return;
      path.push(segment);
      visit((value as Record<string, unknown>)[segment], depth + 1);
      path.pop();
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i], depth + 1);
        path.pop();
      }
    } else {
      for (const key of Object.keys(value)) {
        path.push(key);
        visit((value as Record<string, unknown>)[key], depth + 1);
        path.pop();
      }
    }
  };
  visit(data, 0);
  return out;
}

/** Selected values that are strings (references the schema already type-checked). */
export function selectStrings(data: unknown, pattern: string): Array<Selected & { value: string }> {
  return select(data, pattern).filter((s): s is Selected & { value: string } => typeof s.value === 'string');
}
