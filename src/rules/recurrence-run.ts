/**
 * The findings rule (audit-finding-recurring) over a check's findings: run after the waivers, so that a waived
 * finding does not recur, and before severities (its own findings take pmo.yaml's overrides like any other).
 */
import type { RawFinding } from '../findings.js';
import type { FileKind } from '../load/discover.js';
import type { Config } from '../model/config.js';
import type { AuditFact } from '../model/references.js';
import { fingerprintSet } from '../output/fingerprint.js';
import recurring from './builtin/audit-finding-recurring.js';
import { baseContext, enabled, toFinding } from './context.js';

export function runRecurrence(
  findings: readonly RawFinding[],
  files: ReadonlyArray<{ path: string; kind: FileKind; audit?: AuditFact }>,
  config: Config,
  today: string,
): RawFinding[] {
  const audits = files.flatMap((f) => (f.kind === 'audit' && f.audit ? [{ ...f.audit, file: f.path }] : []));
  if (!enabled(recurring, config) || !audits.some((a) => a.effective.length > 0)) return [];
  const found = fingerprintSet(findings.filter((f) => !f.waived && config.rules[f.rule] !== 'off'));
  const out: RawFinding[] = [];
  recurring.check(found, audits, { ...baseContext(config, today), report: ({ file, ...r }) => out.push(toFinding(recurring, config, file, 'audit', r)) });
  return out;
}
