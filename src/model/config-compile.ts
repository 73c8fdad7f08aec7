/** Validating pmo.yaml and compiling the PMO's schema extensions into the zod schemas files are checked with. */
import type { z } from 'zod';
import type { RawFinding } from '../findings.js';
import { CONFIG_FILE } from '../layout.js';
import { extendSchema } from './extend.js';
import { issuesToFindings } from './issues.js';
import { isRecord } from './labels.js';
import { configSchema } from './schemas/config.js';
import { projectSchema } from './schemas/project.js';
import { requestSchema } from './schemas/request.js';

export interface Schemas {
  project: z.ZodObject;
  request: z.ZodObject;
}

/** pmo.yaml's own findings: errors among them mean pmo cannot trust the config. */
export function validateConfig(data: unknown): RawFinding[] {
  const parsed = configSchema.safeParse(data ?? {}, { reportInput: true });
  if (parsed.success) return [];
  return issuesToFindings(parsed.error.issues, {
    file: CONFIG_FILE,
    schema: configSchema,
    data,
    unknownFieldHint: 'remove it (see docs/format.md for the settings pmo.yaml takes)',
  });
}

/** The built-in schemas with pmo.yaml's extensions merged in; throws ExtensionError for a malformed one. */
export function buildSchemas(data: unknown): Schemas {
  const extensions = isRecord(data) && isRecord(data.schema) ? data.schema : {};
  return {
    project: extendSchema(projectSchema, extensions.project as never, ['schema', 'project']),
    request: extendSchema(requestSchema, extensions.request as never, ['schema', 'request']),
  };
}
