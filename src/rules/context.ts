/** What running any rule shares: the context it sees and how its reports become findings. */
import type { RawFinding } from '../findings.js';
import type { FileKind } from '../load/discover.js';
import type { Config } from '../model/config.js';
import { phaseAtLeast } from './phase.js';
import { ProjectMeasures } from '../metrics/measures.js';
import { defaultSeverity, fillMessage, type Report, type RuleContext, type RuleMeta } from './types.js';
import { idOfFile } from '../layout.js';

/**
 * Each finding gets the rule's default severity for the PMO type; pmo.yaml's `rules:` overrides are applied
 * later, to every finding alike.
 */
export const enabled = (rule: RuleMeta, config: Config) => (rule.optIn ? config.rules[rule.id] !== undefined : true) && config.rules[rule.id] !== 'off';

export function toFinding(rule: RuleMeta, config: Config, file: string, kind: FileKind | undefined, report: Report): RawFinding {
  const template = rule.messages[report.messageId];
  if (template === undefined) throw new Error(`rule ${rule.id} has no message '${report.messageId}'`);
  // Built field by field (a year's trend at 1,000 projects makes ~340,000 of these): spreads cost an object each.
  const finding: RawFinding = {
    rule: rule.id,
    severity: defaultSeverity(rule, config.pmoType),
    message: fillMessage(template, report.data),
    file,
    at: { path: report.path, on: report.on ?? 'value' },
  };
  if (kind === 'project') finding.project = idOfFile(file);
  else if (report.project) finding.project = report.project;
  if (report.item) finding.item = report.item;
  return finding;
}

/**
 * `day`: how measures read the day; a context that tracks whether a rule read it passes its own getter, so a
 * measure that depends on the day counts as the rule reading it. The measures of the project being judged
 * are kept while the rules of its file run: each rule reads them, none recomputes them.
 */
export function baseContext(config: Config, today: string, day: () => string = () => today): Omit<RuleContext, 'report'> {
  let measured: ProjectMeasures | undefined;
  return {
    today,
    thresholds: config.thresholds,
    config,
    phaseAtLeast: (phase, name) => phaseAtLeast(config, phase, name),
    measure(project) {
      if (measured?.project !== project) measured = new ProjectMeasures(project, { config, today: day });
      return measured;
    },
    sameFindingsUntil() {},
  };
}

