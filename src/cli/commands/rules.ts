/**
 * `pmo rules`: every rule (built-in and the PMO's own) with the severity this PMO gives it;
 * `pmo rules explain <id>`: a rule's doc; `pmo rules test`: the PMO's rules against their own examples.
 */
import { Command, Option } from 'commander';
import { UsageError } from '../../errors.js';
import { findRoot } from '../../load/discover.js';
import { configFrom, type Config } from '../../model/config.js';
import { didYouMean } from '../../model/suggest.js';
import type { CompiledRule, Portfolio } from '../../rules/custom.js';
import { defaultSeverity } from '../../rules/types.js';
import { palette, wantsColor } from '../../output/color.js';
import { writeStdout } from '../../output/write.js';
import { parseDate } from '../options.js';

/** The rule catalog, loaded when a rules command runs (every rule module: `pmo check` must not pay for it). */
const catalog = async () => {
  const [{ BUILTIN_RULES }, { ruleDoc }] = await Promise.all([import('../../rules/builtin/index.js'), import('../../rules/docs.js')]);
  return { BUILTIN_RULES, ruleDoc };
};

interface Catalog {
  config: Config;
  portfolio?: Portfolio;
  custom: CompiledRule[];
  today: string;
}

export function rulesCommand(): Command {
  const rules = new Command('rules')
    .description('list the rules (built-in and the PMO\'s own) with the severity this PMO gives them')
    .option('-C, --cwd <dir>', 'run as if started in <dir>')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Examples:
  $ pmo rules                          every rule, its severity here, category and description
  $ pmo rules explain budget-variance  what triggers a rule, why a PMO cares, how to fix it
  $ pmo rules test                     run the tests of the PMO's own rules (rules/*.yaml), for CI

Exit codes: 0 listed, 2 pmo could not do its job (a pmo.yaml or rule file it cannot use).`,
    )
    .action(async (flags: { cwd?: string; format: 'text' | 'json' }) => {
      const { BUILTIN_RULES } = await catalog();
      const { config, custom } = await loadCatalog(flags.cwd);
      const rows = [
        ...BUILTIN_RULES.map((rule) => ({
          id: rule.id,
          severity: config.rules[rule.id] ?? (rule.optIn ? 'off' : defaultSeverity(rule, config.pmoType)),
          category: rule.category as string,
          kind: rule.notice ? 'notice' : rule.governance ? 'governance' : 'advisory',
          source: 'built-in',
          locked: config.locked.includes(rule.id),
          description: rule.description,
        })),
        ...custom.map((rule) => ({
          id: rule.id,
          severity: config.rules[rule.id] ?? rule.spec.severity,
          category: rule.spec.category ?? 'custom',
          kind: 'custom',
          source: rule.file,
          locked: config.locked.includes(rule.id),
          description: rule.spec.description,
        })),
      ].sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
      if (flags.format === 'json') return writeStdout(`${JSON.stringify(rows, null, 2)}\n`);
      const width = Math.max(...rows.map((r) => r.id.length));
      const lines = rows.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(5)}  ${r.category.padEnd(14)}  ${r.description}${r.locked ? ' [locked]' : ''}`);
      const summary = `${rows.length} rules (${custom.length} the PMO's own); severities for a ${config.pmoType} PMO with pmo.yaml's overrides (rules:).`;
      return writeStdout(`${lines.join('\n')}\n\n${summary}\n`);
    });

  rules
    .command('explain')
    .description("print a rule's documentation")
    .argument('<id>', 'the rule id')
    .addHelpText(
      'after',
      `
Examples:
  $ pmo rules explain budget-variance      a built-in rule: what triggers it, why a PMO cares, how to fix it
  $ pmo rules explain large-change-cfo-decision   one of the PMO's own: its file, expression and message

Exit codes: 0 explained, 2 no such rule (with a did-you-mean).`,
    )
    .action(async (id: string, _flags: unknown, command: Command) => {
      // -C belongs to `pmo rules`, wherever it is written on the line.
      const flags = command.optsWithGlobals<{ cwd?: string }>();
      const { BUILTIN_RULES, ruleDoc } = await catalog();
      if (BUILTIN_RULES.some((r) => r.id === id)) return writeStdout(ruleDoc(id));
      const { custom } = await loadCatalog(flags.cwd);
      const own = custom.find((r) => r.id === id);
      if (own) {
        const { spec } = own;
        const lines = [spec.description, '', `The PMO's own rule, in ${own.file}: ${spec.severity}, for each ${spec.each}.`, ''];
        if (spec.phases) lines.push(`Phases: ${spec.phases.join(', ')}`);
        if (spec.when) lines.push(`When:   ${spec.when}`);
        lines.push(`Assert: ${spec.assert}`, `Says:   ${spec.message}`);
        return writeStdout(`${lines.join('\n')}\n`);
      }
      const known = [...BUILTIN_RULES.map((r) => r.id), ...custom.map((r) => r.id)];
      const hint = /^(yaml|schema|ref|dates|waiver|gate)\//.test(id) ? '; finding ids of the loader and schema are described in docs/checks.md' : didYouMean(id, known);
      throw new UsageError(`no rule '${id}'${hint}`);
    });

  rules
    .command('test')
    .description("run the PMO's rules against the examples in their tests: (invalid must be flagged, valid must pass)")
    .option('--today <date>', 'the date the examples are judged on, YYYY-MM-DD (default: today)', parseDate)
    .option('--color', 'force colour')
    .option('--no-color', 'never colour the output')
    .addHelpText(
      'after',
      `
Each of the PMO's rules may carry tests: examples it must flag (invalid) and must pass (valid).

Examples:
  $ pmo rules test                         in CI, beside pmo check
  $ pmo rules test --today 2026-11-20 -f json

Exit codes: 0 every test passes, 1 a test fails, 2 pmo could not do its job (a rule that does not compile).`,
    )
    .action(async (_flags: unknown, command: Command) => {
      const flags = command.optsWithGlobals<{ cwd?: string; today?: string; format: 'text' | 'json'; color?: boolean }>();
      const { config, custom, today, portfolio } = await loadCatalog(flags.cwd, flags.today);
      const { runRuleTests } = await import('../../rules/custom.js');
      const results = runRuleTests(custom, config, today, portfolio);
      const failed = results.filter((r) => !r.ok).length;
      process.exitCode = failed > 0 ? 1 : 0;
      if (flags.format === 'json') return writeStdout(`${JSON.stringify(results, null, 2)}\n`);
      const chalk = await palette(wantsColor(process.stdout, flags.color));
      const lines: string[] = [];
      let file = '';
      for (const r of results) {
        if (r.file !== file) lines.push((file = r.file));
        const mark = r.ok ? chalk.green('✔') : chalk.red('✖');
        lines.push(`  ${mark} ${r.rule}  ${r.expected} #${r.index + 1}${r.detail ? `: ${r.detail}` : ''}`);
      }
      if (results.length === 0) lines.push(custom.length ? 'none of the PMO\'s rules has tests' : 'the PMO has no rules of its own (rules/*.yaml)');
      lines.push('', `${results.length - failed} passed, ${failed} failed`);
      return writeStdout(`${lines.join('\n')}\n`);
    });
  return rules;
}

/** pmo.yaml's settings and the PMO's compiled rules inside a PMO repository; the defaults elsewhere. */
async function loadCatalog(cwd = process.cwd(), today?: string): Promise<Catalog> {
  const { todayIso } = await import('../../model/dates.js');
  const day = today ?? todayIso();
  try {
    findRoot(cwd);
  } catch {
    return { config: configFrom({}), custom: [], today: day };
  }
  const [{ check }, { compileRules }] = await Promise.all([import('../../check.js'), import('../../rules/custom-compile.js')]);
  const result = await check({ cwd, paths: ['pmo.yaml'], today: day });
  const { BUILTIN_RULE_IDS } = await import('../../rules/builtin/ids.js');
  const custom = compileRules(result.rulesets, day, new Set(BUILTIN_RULE_IDS));
  return { config: result.config, custom, today: day, portfolio: result.portfolio };
}
