/** Compiling the PMO's rules: CEL expressions (see custom.ts) into programs. Loaded only when rules are compiled. */
import { Environment } from '@marcbachmann/cel-js';
import type { DataPath } from '../findings.js';
import { daysBetween } from '../model/dates.js';
import { isRecord } from '../model/labels.js';
import { unsafePattern } from './cel-patterns.js';
import { RuleCompileError, type CompiledRule, type CustomRuleSpec, type Program, type RulesetSource } from './custom.js';

function environment(today: string): Environment {
  let env = new Environment({ unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false })
    .registerFunction('days(string, string): int', (from: string, to: string) => BigInt(daysBetween(from, to)))
    .registerFunction('daysSince(string): int', (date: string) => BigInt(daysBetween(date, today)))
    .registerFunction('daysUntil(string): int', (date: string) => BigInt(daysBetween(today, date)));
  const ops: Record<string, (a: number, b: number) => number> = {
    '+': (a, b) => a + b, '-': (a, b) => a - b, '*': (a, b) => a * b, '/': (a, b) => a / b,
  };
  for (const [op, apply] of Object.entries(ops)) {
    env = env
      .registerOperator(`int ${op} double`, (a: bigint, b: number) => apply(Number(a), b))
      .registerOperator(`double ${op} int`, (a: number, b: bigint) => apply(a, Number(b)));
  }
  return env;
}

function compileExpression(env: Environment, file: string, path: DataPath, text: string): Program {
  let parsed: ReturnType<Environment['parse']>;
  try {
    parsed = env.parse(text);
  } catch (error) {
    const node = (error as { node?: { pos?: number } }).node;
    const reason = (error as Error).message.split('\n')[0]!;
    throw new RuleCompileError(file, path, node?.pos ?? 0, `rule expression does not compile: ${reason} (in \`${text}\`)`);
  }
  const unsafe = unsafePattern(parsed.ast);
  if (unsafe) throw new RuleCompileError(file, path, unsafe.pos, `rule expression refused: ${unsafe.reason} (in \`${text}\`)`);
  return (context) => parsed(context);
}

/** A message's `{{expression}}`s compiled; a compile error's offset counts from the start of the message. */
function compileMessage(env: Environment, file: string, path: DataPath, message: string): Array<string | Program> {
  let offset = 0;
  return message.split(/(\{\{.*?\}\})/).map((part) => {
    const start = offset;
    offset += part.length;
    if (!(part.startsWith('{{') && part.endsWith('}}'))) return part;
    const inner = part.slice(2, -2);
    const lead = 2 + (inner.length - inner.trimStart().length);
    try {
      return compileExpression(env, file, path, inner.trim());
    } catch (error) {
      if (!(error instanceof RuleCompileError)) throw error;
      throw new RuleCompileError(file, path, start + lead + error.offset, error.message);
    }
  });
}

export function compileRules(sources: readonly RulesetSource[], today: string, builtinIds: ReadonlySet<string>): CompiledRule[] {
  const env = environment(today);
  const compiled: CompiledRule[] = [];
  for (const { file, data } of sources) {
    const rules = isRecord(data) && isRecord(data.rules) ? data.rules : {};
    for (const [id, raw] of Object.entries(rules)) {
      const spec = raw as CustomRuleSpec;
      const at = (field: string) => ['rules', id, field];
      if (/^(yaml|schema|ref|dates|waiver|gate|config)\//.test(id)) {
        throw new RuleCompileError(file, ['rules', id], 0, `'${id}' uses a prefix pmo keeps for its own findings: give the PMO's rule another id`, true);
      }
      if (builtinIds.has(id)) throw new RuleCompileError(file, ['rules', id], 0, `'${id}' is a built-in rule: give the PMO's rule another id`, true);
      if (compiled.some((r) => r.id === id)) throw new RuleCompileError(file, ['rules', id], 0, `rule '${id}' is defined twice: ids are unique across rules/`, true);
      compiled.push({
        id,
        file,
        spec,
        ...(spec.when ? { when: compileExpression(env, file, at('when'), spec.when) } : {}),
        assert: compileExpression(env, file, at('assert'), spec.assert),
        message: compileMessage(env, file, at('message'), spec.message),
        readsPortfolio: /\b(people|goals|projects)\b/.test(`${spec.when ?? ''} ${spec.assert} ${spec.message}`),
      });
    }
  }
  return compiled;
}

