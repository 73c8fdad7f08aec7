/** Reading zod schemas as data: the sub-schema at a path, its known keys and its description. */
import type { z } from 'zod';
import type { DataPath } from '../findings.js';

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

/** Peels optional/nullable/default wrappers, collecting the first description on the way. */
export function unwrap(schema: z.ZodType): { schema: z.ZodType; description?: string } {
  let current = schema;
  let description = current.description;
  for (let def = defOf(current); WRAPPERS.has(def.type); def = defOf(current)) {
    current = def.innerType as z.ZodType;
    description ??= current.description;
  }
  if (defOf(current).type === 'pipe') return unwrap(defOf(current).in as z.ZodType);
  return { schema: current, description: description ?? current.description };
}

/** The schema that validates the value at `path`, when the path leads through known structure. */
export function schemaAt(root: z.ZodType, path: DataPath, data?: unknown): z.ZodType | undefined {
  let schema: z.ZodType | undefined = root;
  let value = data;
  for (const segment of path) {
    if (!schema) return undefined;
    schema = childSchema(unwrap(schema).schema, segment, value);
    value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
  }
  return schema;
}

function childSchema(schema: z.ZodType, segment: string | number, value: unknown): z.ZodType | undefined {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return (def.shape as Record<string, z.ZodType>)[String(segment)];
    case 'array':
      return def.element as z.ZodType;
    case 'record':
      return def.valueType as z.ZodType;
    case 'union': {
      // The branch that fits the value's kind: a list item that is a map goes down the object branch.
      const options = def.options as z.ZodType[];
      const kind = Array.isArray(value) ? 'array' : typeof value === 'object' && value ? 'object' : 'other';
      const branch = options.find((option) => defOf(unwrap(option).schema).type === kind);
      return branch ? childSchema(unwrap(branch).schema, segment, value) : undefined;
    }
    default:
      return undefined;
  }
}

/** What the keys of a record (map) schema must look like, from the key schema's description. */
export function recordKeyDescription(schema: z.ZodType): string | undefined {
  const def = defOf(unwrap(schema).schema);
  return def.type === 'record' ? unwrap(def.keyType as z.ZodType).description : undefined;
}

/** The field names an object schema knows, for did-you-mean. */
export function knownKeys(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const inner = unwrap(schema).schema;
  const def = defOf(inner);
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.type === 'union') return (def.options as z.ZodType[]).flatMap((option) => knownKeys(option));
  return [];
}

/**
 * The item schema of a field that is a plain list (optional or not): then the list's issues are its items' own,
 * each under its index, and a list can be held to its schema an item at a time. Undefined for anything else
 * (a list with a length bound, a default, a union...).
 */
export function listItemSchema(schema: z.ZodType): z.ZodType | undefined {
  let current = schema;
  for (let def = defOf(current); def.type === 'optional' || def.type === 'nullable'; def = defOf(current)) current = def.innerType as z.ZodType;
  const def = defOf(current);
  const checks = def.checks as unknown[] | undefined;
  return def.type === 'array' && !checks?.length ? (def.element as z.ZodType) : undefined;
}
