/**
 * What pmo.yaml (and the rule files) name must exist: a typo in a rule id or a phase would otherwise switch
 * a rule, a lock or a record requirement off without a word. Findings in pmo.yaml, with did-you-mean.
 */
import type { RawFinding } from '../findings.js';
import type { Config } from '../model/config.js';
import { didYouMean } from '../model/suggest.js';
import { OPT_IN_RULE_IDS } from './builtin/ids.js';

/** The built-in rules that are off until pmo.yaml turns them on. */
const OPT_IN = new Set(OPT_IN_RULE_IDS);

/** Phases the built-in rules are written against ("from planning on"): a lifecycle without them disables them. */
const RULE_PHASES = ['planning', 'execution', 'closing'];

/** Finding ids of the loader and the schemas: pmo.yaml may set their severity too. */
const FINDING_PREFIX = /^(yaml|schema|ref|dates|waiver|gate|config)\//;

export function checkConfigReferences(config: Config, knownRules: ReadonlySet<string>, customPhases: Array<{ file: string; rule: string; phases: string[] }>): RawFinding[] {
  const findings: RawFinding[] = [];
  const add = (rule: string, severity: RawFinding['severity'], message: string, path: Array<string | number>, on: 'key' | 'value' = 'value', file = 'pmo.yaml') =>
    findings.push({ rule, severity, message, file, at: { path, on } });
  const known = (id: string) => knownRules.has(id) || FINDING_PREFIX.test(id);

  for (const id of Object.keys(config.rules)) {
    if (!known(id)) add('config/unknown-rule', 'warn', `rules: names '${id}', which is not a rule${didYouMean(id, knownRules)}: its setting has no effect`, ['rules', id], 'key');
  }
  config.locked.forEach((id, index) => {
    if (!known(id)) add('config/unknown-rule', 'warn', `locked: names '${id}', which is not a rule${didYouMean(id, knownRules)}: nothing is locked by it`, ['locked', index]);
  });
  for (const phase of Object.keys(config.records)) {
    if (!config.lifecycle.includes(phase)) {
      add('config/unknown-phase', 'warn', `records: names phase '${phase}', which is not in the lifecycle (${config.lifecycle.join(', ')})${didYouMean(phase, config.lifecycle)}: its records are never required`, ['records', phase], 'key');
    }
  }
  config.trainings.required.forEach((training, index) => {
    const phase = training.managers?.phase;
    if (phase && !config.lifecycle.includes(phase)) {
      add('config/unknown-phase', 'warn', `trainings: ${training.name} is required from phase '${phase}', which is not in the lifecycle${didYouMean(phase, config.lifecycle)}: no manager is ever required to hold it`, ['trainings', 'required', index, 'managers', 'phase']);
    }
  });
  for (const { file, rule, phases } of customPhases) {
    phases.forEach((phase, index) => {
      if (!config.lifecycle.includes(phase)) {
        add('config/unknown-phase', 'warn', `rule ${rule} runs in phase '${phase}', which is not in the lifecycle${didYouMean(phase, config.lifecycle)}: it never runs there`, ['rules', rule, 'phases', index], 'value', file);
      }
    });
  }
  const missing = RULE_PHASES.filter((phase) => !config.lifecycle.includes(phase));
  if (missing.length > 0) {
    add('config/lifecycle', 'warn', `the lifecycle has no ${missing.map((p) => `'${p}'`).join(', ')}: built-in rules that apply from ${missing.length === 1 ? 'that phase' : 'those phases'} on never run (see pmo rules explain <id>); name the lifecycle's phases after them, or turn those rules off`, ['lifecycle']);
  }
  for (const [phase, criteria] of Object.entries(config.gates)) {
    criteria.forEach((criterion, index) => {
      if (config.rules[criterion] === 'off') {
        add('gate/criterion-off', 'warn', `gate '${phase}' relies on ${criterion}, which rules: turns off: the criterion always passes`, ['gates', phase, index]);
      } else if (OPT_IN.has(criterion) && config.rules[criterion] === undefined) {
        add('gate/criterion-off', 'warn', `gate '${phase}' relies on ${criterion}, which is off until rules: turns it on (give it a severity): the criterion always passes`, ['gates', phase, index]);
      }
    });
  }
  return findings;
}
