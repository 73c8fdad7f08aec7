/**
 * Stage gates (pmo.yaml `gates`): the criteria, rule ids, a project must pass to be in a phase or later.
 * A project in phase P is held to the gates of P and of every earlier phase; each failing criterion is a
 * finding `gate/<phase>` at the project's `phase`. Pure.
 */
import type { RawFinding } from '../findings.js';
import type { Config } from '../model/config.js';
import { didYouMean } from '../model/suggest.js';
import { defaultSeverity } from './types.js';

/** The gates a project in `phase` must have passed, in lifecycle order: [gate phase, criteria]. */
export function gatesUpTo(config: Config, phase: string): Array<[string, string[]]> {
  const at = config.lifecycle.indexOf(phase);
  if (at < 0) return [];
  return config.lifecycle.slice(0, at + 1).flatMap((p) => (config.gates[p]?.length ? [[p, config.gates[p]!] as [string, string[]]] : []));
}

/**
 * A finding of a rule judged as if the project were in `phase` already (pmo gate, pmo update --phase, pmo
 * close), said as what entering the phase needs: "the project is in execution but has no approvals.baseline"
 * becomes "to enter execution, the project has no approvals.baseline". The rules word their messages for a
 * project that is in the phase; only their phase clause is reworded here, the rest is the rule's.
 */
export function asEntering(message: string, phase: string): string {
  const p = phase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const reworded = message
    .replace(new RegExp(`^the project is (?:in )?${p} (?:but|and) (its )?`), (_, its?: string) => (its ? 'its ' : 'the project '))
    .replace(new RegExp(`,? and the project is (?:in )?${p}(?=[;:,.]|$)`), '');
  return `to enter ${phase}, ${reworded}`;
}

export interface ProjectState {
  file: string;
  project: string;
  phase: string;
  /** The project's findings that count against criteria (not waived), by rule id: their messages. */
  failures: Map<string, string[]>;
}

export function gateFindings(projects: readonly ProjectState[], config: Config): RawFinding[] {
  const severity = defaultSeverity({ governance: true }, config.pmoType);
  return projects.flatMap(({ file, project, phase, failures }) =>
    gatesUpTo(config, phase).flatMap(([gate, criteria]) =>
      criteria.flatMap((criterion): RawFinding[] => {
        const why = failures.get(criterion);
        if (!why) return [];
        const more = why.length > 1 ? ` (and ${why.length - 1} more)` : '';
        return [
          {
            rule: `gate/${gate}`,
            severity,
            message: `${criterion}: the project is in ${phase} but fails a criterion of the ${gate} gate: ${why[0]}${more}`,
            file,
            at: { path: ['phase'] },
            project,
          },
        ];
      }),
    ),
  );
}

/** pmo.yaml's gates themselves: phases the lifecycle has, criteria that are rules. */
export function checkGateConfig(config: Config, knownRules: ReadonlySet<string>): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const [phase, criteria] of Object.entries(config.gates)) {
    if (!config.lifecycle.includes(phase)) {
      findings.push({
        rule: 'gate/unknown-phase',
        severity: 'error',
        message: `gate '${phase}' is not a phase of the lifecycle (${config.lifecycle.join(', ')})${didYouMean(phase, config.lifecycle)}`,
        file: 'pmo.yaml',
        at: { path: ['gates', phase], on: 'key' },
      });
    }
    criteria.forEach((criterion, index) => {
      if (knownRules.has(criterion)) return;
      findings.push({
        rule: 'gate/unknown-criterion',
        severity: 'error',
        message: `gate '${phase}' names '${criterion}', which is not a rule${didYouMean(criterion, knownRules)}: a criterion is the id of a built-in or custom rule (pmo rules lists them)`,
        file: 'pmo.yaml',
        at: { path: ['gates', phase, index] },
      });
    });
  }
  return findings;
}
