/**
 * The PMO's schema extensions: JSON Schema written in pmo.yaml (`schema.project.properties` / `required`),
 * merged into the built-in zod schema so they are checked, located and reported like built-in fields.
 */
import { z } from 'zod';
import type { DataPath } from '../findings.js';
import { unwrap } from './zod-walk.js';

export interface Extension {
  required?: string[] | null;
  properties?: Record<string, Record<string, unknown>> | null;
}

/** A malformed extension: which JSON Schema, at which path in pmo.yaml, and why. */
export class ExtensionError extends Error {
  constructor(
    readonly path: DataPath,
    message: string,
  ) {
    super(message);
  }
}

const presentRequired = () =>
  z.unknown().refine((value) => value !== undefined && value !== null, { params: { rule: 'schema/required' } });

export function extendSchema<T extends z.ZodObject>(base: T, extension: Extension | null | undefined, path: DataPath): z.ZodObject {
  if (!extension) return base;
  const required = new Set(extension.required ?? []);
  const shape: Record<string, z.ZodType> = {};
  for (const [name, jsonSchema] of Object.entries(extension.properties ?? {})) {
    let field: z.ZodType;
    try {
      field = z.fromJSONSchema(jsonSchema as never).describe(describeJsonSchema(jsonSchema));
    } catch (error) {
      throw new ExtensionError(
        [...path, 'properties', name],
        `the JSON Schema of '${name}' is not valid: ${(error as Error).message}; write it as JSON Schema, e.g. { type: string } or { enum: [A, B] }`,
      );
    }
    shape[name] = required.has(name) ? field : field.nullish();
  }
  const baseShape = base.shape as Record<string, z.ZodType>;
  for (const name of required) {
    if (shape[name]) continue;
    // A built-in optional field the PMO makes mandatory, or a field required without a declared type.
    shape[name] = baseShape[name] ? unwrap(baseShape[name]).schema : presentRequired();
  }
  return base.extend(shape);
}

/** Finishes "<field> must be ..." for a JSON Schema, so extension findings read like built-in ones. */
export function describeJsonSchema(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map(String).join(', ')}`;
  if ('const' in schema) return `exactly ${JSON.stringify(schema.const)}`;
  const bounds = (low: unknown, high: unknown, unit = '') =>
    low !== undefined && high !== undefined
      ? ` from ${low} to ${high}${unit}`
      : low !== undefined
        ? ` of at least ${low}${unit}`
        : high !== undefined
          ? ` of at most ${high}${unit}`
          : '';
  switch (schema.type) {
    case 'string':
      if (schema.format === 'date') return 'a date written YYYY-MM-DD';
      if (schema.format === 'email') return 'an email address';
      if (schema.format === 'uri' || schema.format === 'url') return 'a URL';
      if (schema.format === 'date-time') return 'a date and time (ISO 8601, e.g. 2026-11-20T09:30:00Z)';
      if (typeof schema.pattern === 'string') return `text matching ${schema.pattern}`;
      return `text${bounds(schema.minLength, schema.maxLength, ' characters').replace(' from', ' of')}`;
    case 'integer':
      return `an integer${bounds(schema.minimum, schema.maximum)}`;
    case 'number':
      return `a number${bounds(schema.minimum, schema.maximum)}`;
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
      return 'a map';
    default:
      return "valid under the PMO's schema for this field";
  }
}
