/** The kinds of file `pmo schema` writes a JSON Schema for: every kind pmo reads. No zod here: the CLI lists them. */
import type { FileKind } from '../load/discover.js';

export const SCHEMA_KINDS = ['project', 'request', 'people', 'goals', 'waivers', 'audit', 'ruleset', 'config'] as const satisfies readonly FileKind[];
export type SchemaKind = (typeof SCHEMA_KINDS)[number];
