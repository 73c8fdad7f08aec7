/** `risks.*.owner`-style selection of values in a document, each with its path (for locating findings). */
import type { DataPath } from '../findings.js';

export interface Selected {
  path: DataPath;
  value: unknown;
}

const compiled = new Map<string, string[]>();

/**
 * Calls `found` with each value at a dotted pattern where `*` is every list item or map value, and its path (the
 * walk's own array, changed as it goes on: copy it to keep it). A list at the end of the pattern gives its items,
 * so `records.*` reaches both `charter: a.md` and `minutes: [b.md, c.md]`.
 */
function walk(data: unknown, pattern: string, found: (value: unknown, path: readonly (string | number)[]) => void): void {
  let segments = compiled.get(pattern);
  if (!segments) compiled.set(pattern, (segments = pattern.split('.')));
  const path: Array<string | number> = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth === segments.length) {
      if (!Array.isArray(value)) return found(value, path);
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        found(value[i], path);
        path.pop();
      }
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
}

/** The values at a pattern (see walk), each with its path. Runs for every reference of a file with broken ones. */
export function select(data: unknown, pattern: string): Selected[] {
  const out: Selected[] = [];
  walk(data, pattern, (value, path) => out.push({ path: [...path], value }));
  return out;
}

/** Selected values that are strings (references the schema already type-checked). */
export function selectStrings(data: unknown, pattern: string): Array<Selected & { value: string }> {
  return select(data, pattern).filter((s): s is Selected & { value: string } => typeof s.value === 'string');
}

/**
 * The strings at a pattern, without their paths: the facts of every file of a cold check, and of every version a
 * history run reads, need only the values (copying each one's path was ~10% of what a trend allocated).
 */
export function eachString(data: unknown, pattern: string, found: (value: string) => void): void {
  walk(data, pattern, (value) => {
    if (typeof value === 'string') found(value);
  });
}
