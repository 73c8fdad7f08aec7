/** pmo.yaml → the Config every later stage reads, with FORMAT.md's defaults filled in. */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { RawFinding, SeverityLevel } from '../findings.js';
import { CONFIG_FILE } from '../layout.js';
import { issuesToFindings } from './issues.js';
import { ExtensionError, extendSchema } from './extend.js';
import { configSchema, DEFAULT_LIFECYCLE, DEFAULT_THRESHOLDS, type ConfigFile, type Thresholds } from './schemas/config.js';
import { projectSchema } from './schemas/project.js';
import { requestSchema } from './schemas/request.js';

export type PmoType = 'supportive' | 'controlling' | 'directive';

export interface Config {
  organization?: string;
  pmoType: PmoType;
  currency: string;
  lifecycle: string[];
  gates: Record<string, string[]>;
  thresholds: Thresholds;
  rules: Record<string, SeverityLevel>;
  locked: string[];
  rulesets: string[];
  intakeWeights: Record<string, number>;
  records: Record<string, string[]>;
  /** The built-in schemas with the PMO's extensions merged in. */
  schemas: { project: z.ZodObject; request: z.ZodObject };
  /** Changes whenever pmo.yaml's content does: part of the cache key. */
  fingerprint: string;
}

export interface CompiledConfig {
  config: Config;
  /** Findings in pmo.yaml itself. Any error among them means pmo cannot trust the config. */
  findings: RawFinding[];
  /** Set when an extension's JSON Schema could not be compiled (a config error, with its place). */
  extensionError?: ExtensionError;
}

export function compileConfig(data: unknown): CompiledConfig {
  const parsed = configSchema.safeParse(data ?? {}, { reportInput: true });
  const findings = parsed.success
    ? []
    : issuesToFindings(parsed.error.issues, {
        file: CONFIG_FILE,
        schema: configSchema,
        data,
        unknownFieldHint: 'remove it (see docs/format.md for the settings pmo.yaml takes)',
      });
  // Read what is valid even when something else is not, so one bad setting does not hide the rest.
  const file = (parsed.success ? parsed.data : (data ?? {})) as Partial<ConfigFile>;
  let extensionError: ExtensionError | undefined;
  const extend = (base: z.ZodObject, kind: 'project' | 'request') => {
    try {
      return extendSchema(base, file.schema?.[kind], ['schema', kind]);
    } catch (error) {
      if (!(error instanceof ExtensionError)) throw error;
      extensionError ??= error;
      return base;
    }
  };
  const config: Config = {
    organization: file.organization ?? undefined,
    pmoType: file.pmo_type ?? 'supportive',
    currency: file.currency ?? 'EUR',
    lifecycle: file.lifecycle ?? DEFAULT_LIFECYCLE,
    gates: (file.gates ?? {}) as Record<string, string[]>,
    thresholds: { ...DEFAULT_THRESHOLDS, ...dropNulls(file.thresholds ?? {}) },
    rules: (file.rules ?? {}) as Record<string, SeverityLevel>,
    locked: file.locked ?? [],
    rulesets: file.rulesets ?? ['rules/*.yaml'],
    intakeWeights: (file.intake?.weights ?? {}) as Record<string, number>,
    records: (file.records ?? {}) as Record<string, string[]>,
    schemas: { project: extend(projectSchema, 'project'), request: extend(requestSchema, 'request') },
    fingerprint: createHash('sha1').update(JSON.stringify(data ?? null)).digest('hex'),
  };
  return { config, findings, extensionError };
}

function dropNulls<T extends object>(value: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as never;
}
