/**
 * Runs the built-in rules on one file's data: the per-file half of governance, cached per (file, today).
 * Each finding gets the rule's default severity for the PMO type; pmo.yaml's `rules:` overrides are applied
 * later, to every finding alike.
 */
import type { RawFinding } from '../findings.js';
import type { FileKind } from '../load/discover.js';
import type { Config } from '../model/config.js';
import { isRecord } from '../model/labels.js';
import { BUILTIN_RULES } from './builtin/index.js';
import { phaseAtLeast } from './phase.js';
import { defaultSeverity, fillMessage, type FileRule, type RuleContext } from './types.js';

export function runFileRules(kind: FileKind, file: string, data: unknown, config: Config, today: string): RawFinding[] {
  if (!isRecord(data) || (kind !== 'project' && kind !== 'request')) return [];
  const project = kind === 'project' ? file.replace(/^.*\//, '').replace(/\.ya?ml$/, '') : undefined;
  const findings: RawFinding[] = [];
  for (const rule of BUILTIN_RULES as readonly FileRule[]) {
    if (rule.scope !== kind || config.rules[rule.id] === 'off') continue;
    const ctx: RuleContext = {
      today,
      thresholds: config.thresholds,
      config,
      phaseAtLeast: (phase, name) => phaseAtLeast(config, phase, name),
      report: ({ messageId, data: values, path, on, item }) => {
        const template = rule.messages[messageId];
        if (template === undefined) throw new Error(`rule ${rule.id} has no message '${messageId}'`);
        findings.push({
          rule: rule.id,
          severity: defaultSeverity(rule, config.pmoType),
          message: fillMessage(template, values),
          file,
          at: { path, on: on ?? 'value' },
          ...(project ? { project } : {}),
          ...(item ? { item } : {}),
        });
      },
    };
    rule.check(data as never, ctx);
  }
  return findings;
}
