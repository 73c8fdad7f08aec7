/**
 * The PMO's own rules (rules/*.yaml): `when` and `assert` are CEL expressions (Common Expression Language,
 * evaluated by @marcbachmann/cel-js: maintained, zero dependencies, Node >= 20.19, with parse positions), and
 * `message` interpolates `{{expression}}`. A rule walks the items FORMAT.md names (`each`) and sees the item,
 * its project, `today`, `thresholds`, the portfolio (`people`, `goals`, `projects`: see Portfolio), and date
 * helpers, so that a PMO analyst never needs code:
 *
 *   days(from, to)       whole days from one date to another (negative when `to` is earlier)
 *   daysSince(date)      days from a date to today;  daysUntil(date): from today to a date
 *
 * Numbers from YAML mix freely with integer literals (`risk.impact + 1`, `budget.baseline * 1.1`).
 *
 * This module runs compiled rules; custom-compile.ts compiles them (it loads the CEL library, ~0.1 s, which
 * a warm check does not need).
 */
import type { DataPath, RawFinding, Severity } from '../findings.js';
import type { FileKind } from '../load/discover.js';
import type { Config } from '../model/config.js';
import { isRecord } from '../model/labels.js';
import { ITEM_NOUN } from '../model/nouns.js';
import { idOfFile } from '../layout.js';

export interface CustomRuleSpec {
  description: string;
  severity: Severity;
  each: 'project' | 'milestone' | 'deliverable' | 'risk' | 'issue' | 'change' | 'person' | 'request';
  when?: string | null;
  assert: string;
  message: string;
  category?: string | null;
  phases?: string[] | null;
  tests?: { invalid?: Array<Record<string, unknown>> | null; valid?: Array<Record<string, unknown>> | null } | null;
}

/**
 * The portfolio a rule may look across: people.yaml's people, goals.yaml's goals, and the ids of all projects
 * (`projects`). Rules are judged one file at a time and cached, so the portfolio they see is what changes
 * rarely; a rule that names `people`, `goals` or `projects` is re-judged everywhere when those change.
 */
export interface Portfolio {
  people: unknown[];
  goals: unknown[];
  projects: string[];
}

export const EMPTY_PORTFOLIO: Portfolio = { people: [], goals: [], projects: [] };

/** Whether any rule reads the portfolio (its results then depend on people.yaml, goals.yaml and the project list). */
export function readsPortfolio(sources: readonly RulesetSource[]): boolean {
  return sources.some(({ data }) => /\b(people|goals|projects)\b/.test(JSON.stringify(isRecord(data) ? data.rules ?? {} : {})));
}

/** A rule file as the loader read it: path and (schema-valid) data. */
export interface RulesetSource {
  file: string;
  data: unknown;
}

export type Program = (context: Record<string, unknown>) => unknown;

export interface CompiledRule {
  id: string;
  file: string;
  spec: CustomRuleSpec;
  when?: Program;
  assert: Program;
  /** The message: literal text and compiled `{{ }}` expressions, in order. */
  message: Array<string | Program>;
  /** Whether its expressions name the portfolio (`projects`, `people`, `goals`): their reads are then budgeted. */
  readsPortfolio?: boolean;
}

/**
 * How many items of the portfolio's lists one evaluation may read. A comprehension over 10,000 projects reads
 * 10,000; two nested read 100 million, and would hold CI for minutes: past the budget the evaluation stops,
 * and the rule's finding on that item says why.
 */
export const PORTFOLIO_READ_BUDGET = 1_000_000;

/** The portfolio's lists, each read counted against one budget shared by the evaluation. */
function budgeted(portfolio: Portfolio): Portfolio {
  let left = PORTFOLIO_READ_BUDGET;
  const counted = <T>(list: T[]): T[] =>
    new Proxy(list, {
      get(target, key, receiver) {
        // An index (a string of digits): one item read.
        if (typeof key === 'string' && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57 && --left < 0) {
          throw new Error(`cost budget exceeded: one evaluation read more than ${PORTFOLIO_READ_BUDGET.toLocaleString('en')} items of projects, people and goals (nested comprehensions over the portfolio?)`);
        }
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  return { people: counted(portfolio.people), goals: counted(portfolio.goals), projects: counted(portfolio.projects) };
}

/** An expression that does not compile: where (rule file, path to the field, offset in it) and why. */
export class RuleCompileError extends Error {
  constructor(
    readonly file: string,
    readonly path: DataPath,
    /** Offset of the error inside the expression text. */
    readonly offset: number,
    message: string,
    /** Whether the rule's id (the key) is at fault rather than an expression. */
    readonly onKey = false,
  ) {
    super(message);
  }
}

/** Lists of a project walked by `each`. */
const LISTS: Partial<Record<CustomRuleSpec['each'], string>> = {
  milestone: 'milestones', deliverable: 'deliverables', risk: 'risks', issue: 'issues', change: 'changes',
};

interface Item {
  value: unknown;
  path: DataPath;
  id?: string;
}

/** The items a rule walks in one file. */
function itemsOf(rule: CompiledRule, kind: FileKind, data: Record<string, unknown>): Item[] {
  const each = rule.spec.each;
  if (each === 'project') return kind === 'project' ? [{ value: data, path: ['id'] }] : [];
  if (each === 'request') return kind === 'request' ? [{ value: data, path: ['id'] }] : [];
  const list = each === 'person' ? (kind === 'people' ? data.people : undefined) : kind === 'project' ? data[LISTS[each]!] : undefined;
  if (!Array.isArray(list)) return [];
  const name = each === 'person' ? 'people' : LISTS[each]!;
  return list.map((value, i) => ({ value, path: [name, i], ...(isRecord(value) && typeof value.id === 'string' ? { id: value.id } : {}) }));
}

type Outcome = { pass: true } | { pass: false; message: string };

/** Judges one item: skipped (`when` false) and passing are both a pass. Failures to evaluate are findings. */
function judge(rule: CompiledRule, context: Record<string, unknown>): Outcome {
  const evaluate = (program: Program, field: string): { ok: true; value: unknown } | { ok: false; message: string } => {
    try {
      return { ok: true, value: program(context) };
    } catch (error) {
      return { ok: false, message: `its ${field} could not be evaluated: ${(error as Error).message.split('\n')[0]}` };
    }
  };
  if (rule.when) {
    const when = evaluate(rule.when, 'when');
    if (!when.ok) return { pass: false, message: when.message };
    if (when.value !== true) return { pass: true };
  }
  const assert = evaluate(rule.assert, 'assert');
  if (!assert.ok) return { pass: false, message: assert.message };
  if (typeof assert.value !== 'boolean') return { pass: false, message: `its assert must be true or false, got ${String(assert.value)}` };
  if (assert.value) return { pass: true };
  const text = rule.message
    .map((part) => {
      if (typeof part === 'string') return part;
      const value = evaluate(part, 'message');
      return value.ok ? String(value.value) : '?';
    })
    .join('');
  return { pass: false, message: text };
}

function contextFor(rule: CompiledRule, item: unknown, project: unknown, config: Config, today: string, portfolio: Portfolio): Record<string, unknown> {
  return { ...portfolio, [rule.spec.each]: item, ...(project !== undefined ? { project } : {}), today, thresholds: config.thresholds };
}

/** The PMO's rules on one file's data (data that passed its schema). */
export function runCustomRules(
  rules: readonly CompiledRule[],
  kind: FileKind,
  file: string,
  data: unknown,
  config: Config,
  today: string,
  portfolio: Portfolio = EMPTY_PORTFOLIO,
): RawFinding[] {
  if (!isRecord(data)) return [];
  const project = kind === 'project' ? idOfFile(file) : undefined;
  const findings: RawFinding[] = [];
  for (const rule of rules) {
    if (config.rules[rule.id] === 'off') continue;
    if (rule.spec.phases && kind === 'project' && !rule.spec.phases.includes(String(data.phase))) continue;
    for (const item of itemsOf(rule, kind, data)) {
      const owner = kind === 'project' && rule.spec.each !== 'project' ? data : undefined;
      const outcome = judge(rule, contextFor(rule, item.value, owner, config, today, rule.readsPortfolio ? budgeted(portfolio) : portfolio));
      if (outcome.pass) continue;
      const noun = ITEM_NOUN[String(item.path[0])] ?? rule.spec.each;
      const prefix = !outcome.message.startsWith('its ') ? '' : `${item.id ? `${noun} ${item.id}` : rule.spec.each}: `;
      findings.push({
        rule: rule.id,
        severity: rule.spec.severity,
        message: `${prefix}${outcome.message}`,
        file,
        at: { path: item.path, on: 'value' },
        ...(project ? { project } : {}),
        ...(item.id ? { item: item.id } : {}),
      });
    }
  }
  return findings;
}

export interface RuleTestResult {
  rule: string;
  file: string;
  expected: 'invalid' | 'valid';
  index: number;
  ok: boolean;
  /** What happened when it did not go as expected. */
  detail?: string;
}

/** A rule's own `tests`: every invalid example must be flagged, every valid one must pass. */
export function runRuleTests(rules: readonly CompiledRule[], config: Config, today: string, portfolio: Portfolio = EMPTY_PORTFOLIO): RuleTestResult[] {
  return rules.flatMap((rule) =>
    (['invalid', 'valid'] as const).flatMap((expected) =>
      (rule.spec.tests?.[expected] ?? []).map((example, index): RuleTestResult => {
        const context = { ...portfolio, today, thresholds: config.thresholds, ...example };
        const outcome = judge(rule, context);
        const ok = expected === 'valid' ? outcome.pass : !outcome.pass;
        const detail = ok ? undefined : outcome.pass ? 'it passed but should be flagged' : `it was flagged: ${outcome.message}`;
        return { rule: rule.id, file: rule.file, expected, index, ok, ...(detail ? { detail } : {}) };
      }),
    ),
  );
}
