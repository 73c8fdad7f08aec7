/**
 * `pmo gate`: is a project ready for its next (or a named) phase? Every criterion of the gates up to that
 * phase, judged as if the project were already in it, pass or fail with the reasons.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applySeverities, check, type CheckOptions } from './check.js';
import { UsageError } from './errors.js';
import { fileOfId, idOfFile } from './layout.js';
import type { RawFinding } from './findings.js';
import type { Config } from './model/config.js';
import { didYouMean } from './model/suggest.js';
import { BUILTIN_RULES } from './rules/builtin/index.js';
import { asEntering, gatesUpTo } from './rules/gates.js';
import { runFileRules } from './rules/run.js';
import { applyWaivers } from './rules/waivers.js';

export interface GateCriterion {
  gate: string;
  criterion: string;
  passed: boolean;
  /** Why it fails: the messages of the criterion's findings. */
  reasons: string[];
  /** Findings of the criterion that waivers hide (they do not fail it). */
  waived: number;
}

export interface GateReadiness {
  project: string;
  file: string;
  phase: string;
  target: string;
  ready: boolean;
  criteria: GateCriterion[];
  /**
   * The errors the project's own rules give once it is in the target phase and not before (unwaived, at
   * pmo.yaml's severities), of rules no gate up to it names: what `pmo check` will newly fail on there, though
   * no gate asks for it (pmo close refuses on them).
   */
  arriving: Array<{ rule: string; message: string }>;
  /** Set when the project cannot be judged: its file has YAML or schema errors. */
  blocked?: string;
}

export interface GateOptions extends Pick<CheckOptions, 'cwd' | 'today' | 'cache'> {
  project: string;
  /** The phase to judge readiness for (default: the next one). */
  to?: string;
  /** The project's data as an edit would leave it (pmo update, pmo close); default: what its file holds. */
  data?: unknown;
}

export async function gateReadiness(options: GateOptions): Promise<GateReadiness> {
  const result = await check({ cwd: options.cwd, today: options.today, cache: options.cache });
  const { config, root } = result;
  const today = options.today ?? result.today;
  const file = fileOfId('projects', options.project, (path) => result.files.includes(path));
  const projects = result.files.filter((f) => f.startsWith('projects/')).map(idOfFile);
  if (!file) {
    throw new UsageError(`there is no project '${options.project}' (no projects/${options.project}.yaml)${didYouMean(options.project, projects)}`);
  }

  const { parseYaml } = await import('./load/parse-yaml.js');
  const data = (options.data ?? parseYaml(readFileSync(join(root, file), 'utf8').replace(/^\uFEFF/, ''), file).data) as Record<string, unknown> | undefined;
  const phase = typeof data?.phase === 'string' ? data.phase : '';
  if (data && !config.lifecycle.includes(phase)) {
    const blocked = `${file} has phase '${phase}', which is not in the lifecycle (${config.lifecycle.join(', ')}): fix it first`;
    return { project: options.project, file, phase, target: options.to ?? '', ready: false, criteria: [], arriving: [], blocked };
  }
  const target = options.to ?? config.lifecycle[config.lifecycle.indexOf(phase) + 1];
  if (options.to !== undefined && !config.lifecycle.includes(options.to)) {
    throw new UsageError(`'${options.to}' is not a phase of the lifecycle (${config.lifecycle.join(', ')})${didYouMean(options.to, config.lifecycle)}`);
  }
  if (!target) throw new UsageError(`${options.project} is in ${phase || 'no known phase'}, the last phase: there is no next gate (name one with --to)`);

  const errors = result.findings.filter((f) => f.file === file && f.severity === 'error' && /^(yaml|schema)\//.test(f.rule));
  if (!data || errors.length > 0) {
    const blocked = `${file} has ${errors.length || 'YAML'} error${errors.length === 1 ? '' : 's'}: fix them first (pmo check ${file})`;
    return { project: options.project, file, phase, target, ready: false, criteria: [], arriving: [], blocked };
  }

  // The project's own rules as if it were in the target phase; portfolio rules as they stand.
  const portfolio = new Set(BUILTIN_RULES.filter((r) => r.scope === 'portfolio').map((r) => r.id));
  const { compileRules } = await import('./rules/custom-compile.js');
  const custom = compileRules(result.rulesets, today, new Set(BUILTIN_RULES.map((r) => r.id)));
  const asTarget = runFileRules('project', file, { ...data, phase: target }, config, today, custom, result.portfolio);
  const standing: RawFinding[] = result.findings
    .filter((f) => f.file === file && portfolio.has(f.rule))
    .map((f) => ({ ...f, at: { offset: 0, endOffset: 0 } }));
  const waivers = result.waivers;
  const judged = applyWaivers([...asTarget, ...standing], waivers, config, today).filter((f) => f.file === file);

  // A target beyond the project's phase is judged as entered: its findings say what entering it needs.
  const entering = config.lifecycle.indexOf(target) > config.lifecycle.indexOf(phase);
  const word = (message: string) => (entering ? asEntering(message, target) : message);
  const criteria = gatesUpTo(config, target).flatMap(([gate, names]) =>
    names.map((criterion): GateCriterion => {
      const own = judged.filter((f) => f.rule === criterion);
      const reasons = own.filter((f) => !f.waived).map((f) => word(f.message));
      return { gate, criterion, passed: reasons.length === 0, reasons, waived: own.length - reasons.length };
    }),
  );
  const asNow = runFileRules('project', file, data, config, today, custom, result.portfolio);
  // Of this project's file only: applying the waivers also says what is wrong with waivers of other projects.
  const asTargetHere = applyWaivers(asTarget, waivers, config, today).filter((f) => f.file === file);
  const arriving = newErrors(asNow, asTargetHere, config, new Set(criteria.map((c) => c.criterion)))
    .map((f) => ({ ...f, message: word(f.message) }));
  return { project: options.project, file, phase, target, ready: criteria.every((c) => c.passed), criteria, arriving };
}

/**
 * The unwaived errors of `after` that `before` does not have, by rule and item: a message that only names the
 * new phase ("the project is in closed") is the same finding, not a new one.
 */
function newErrors(before: readonly RawFinding[], after: readonly RawFinding[], config: Config, criteria: ReadonlySet<string>) {
  const key = (f: RawFinding) => `${f.rule}\0${f.item ?? ''}`;
  const had = new Set(before.map(key));
  return applySeverities(after.filter((f) => !f.waived), config)
    .filter((f) => f.severity === 'error' && !had.has(key(f)) && !criteria.has(f.rule))
    .map((f) => ({ rule: f.rule, message: f.message }));
}
