/**
 * What changed between two versions of a project's data, field by field, with paths a PM can read:
 * `dates.forecast_end`, `budget.forecast`, `risks[R1].probability`, `status[2026-11-13].overall`.
 *
 * Pure: data in, changes out. Items of a list are matched by what names them (their `id`; a status update
 * by its `date`; a team member by `person`), so a risk inserted above R1 does not read as every risk
 * changing; a list whose items have no such name is matched by position. A new or removed item is one
 * change (the whole item), not one per field. A list of plain values (`goals: [G1, G2]`) is one value.
 * Not set and null are the same: `actual_end:` left empty is not a change from no `actual_end` at all.
 */

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface FieldChange {
  /** Where, readable: `risks[R1].probability`. */
  path: string;
  kind: ChangeKind;
  /** The value before (null when added) and after (null when removed), complete. */
  old: unknown;
  new: unknown;
}

/** Fields that name an item of a list, in order of preference: the first that every item has, uniquely. */
export const ITEM_NAMES = ['id', 'date', 'person'] as const;

export type Plain = Record<string, unknown>;

export const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isNone = (value: unknown): boolean => value === undefined || value === null;

/** Whether the list is one of items (mappings) that are diffed item by item, rather than one value. */
export const isItemList = (value: unknown): value is Plain[] => Array.isArray(value) && value.every(isPlain);

/** An item name usable in a path: not a whole number (that would read as a position) and no brackets. */
const usableName = (value: unknown): value is string => typeof value === 'string' && value !== '' && !/^-?\d+$/.test(value) && !/[[\]]/.test(value);

/** The field that names the items of `list` (every item has it, no two alike), or undefined: by position. */
export function namingField(list: readonly Plain[]): string | undefined {
  for (const field of ITEM_NAMES) {
    const seen = new Set<string>();
    if (list.every((item) => usableName(item[field]) && !seen.has(String(item[field])) && seen.add(String(item[field])))) return field;
  }
  return undefined;
}

/** How a key reads in a path: plain when it can be, else quoted (`records["minutes 2026"]`). */
export function keySegment(key: string, first: boolean): string {
  return /^[A-Za-z_][\w-]*$/.test(key) ? (first ? key : `.${key}`) : `[${JSON.stringify(key)}]`;
}

export const join = (prefix: string, key: string) => `${prefix}${keySegment(key, prefix === '')}`;

/** The changes from `before` to `after`, under `prefix` (a path), in the order of the newer document. */
export function diffFields(before: unknown, after: unknown, prefix = ''): FieldChange[] {
  const changes: FieldChange[] = [];
  walk(before, after, prefix, changes);
  return changes;
}

function walk(before: unknown, after: unknown, path: string, out: FieldChange[]): void {
  if (isNone(before) && isNone(after)) return;
  if (isNone(before)) return void out.push({ path, kind: 'added', old: null, new: after });
  if (isNone(after)) return void out.push({ path, kind: 'removed', old: before, new: null });
  if (isPlain(before) && isPlain(after)) {
    for (const key of keysOf(after, before)) walk(before[key], after[key], join(path, key), out);
    return;
  }
  if (isItemList(before) && isItemList(after) && (before.length > 0 || after.length > 0)) return walkItems(before, after, path, out);
  if (!sameValue(before, after)) out.push({ path, kind: 'changed', old: before, new: after });
}

/** Items matched by name (or position); the newer list's order, then the items it no longer has. */
function walkItems(before: Plain[], after: Plain[], path: string, out: FieldChange[]): void {
  // An empty list takes the other's naming (the first risk added to `risks: []` is risks[R1]).
  const field = before.length === 0 ? namingField(after) : after.length === 0 ? namingField(before) : sharedNaming(before, after);
  if (field !== undefined) {
    const old = new Map(before.map((item) => [String(item[field]), item]));
    const now = new Set<string>();
    for (const item of after) {
      const name = String(item[field]);
      now.add(name);
      walk(old.get(name), item, `${path}[${name}]`, out);
    }
    for (const [name, item] of old) if (!now.has(name)) walk(item, undefined, `${path}[${name}]`, out);
    return;
  }
  for (let i = 0; i < Math.max(before.length, after.length); i++) walk(before[i], after[i], `${path}[${i}]`, out);
}

function sharedNaming(before: Plain[], after: Plain[]): string | undefined {
  const field = namingField(before);
  return field !== undefined && field === namingField(after) ? field : undefined;
}

/** The newer mapping's keys in its order, then the keys only the older one has. */
function keysOf(after: Plain, before: Plain): string[] {
  const keys = Object.keys(after);
  for (const key of Object.keys(before)) if (!Object.hasOwn(after, key)) keys.push(key);
  return keys;
}

/** Deep equality of YAML data (mappings regardless of key order; null and not set alike). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b || (isNone(a) && isNone(b))) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isPlain(a) && isPlain(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!sameValue(a[key], b[key])) return false;
    return true;
  }
  return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
}
