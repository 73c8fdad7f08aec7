/** `pmo rules`: the rule catalog with the severities this PMO gives them; `pmo rules explain <id>`: a rule's doc. */
import { Command, Option } from 'commander';
import { existsSync } from 'node:fs';
import { UsageError } from '../../errors.js';
import { findRoot } from '../../load/discover.js';
import { configFrom, type Config } from '../../model/config.js';
import { didYouMean } from '../../model/suggest.js';
import { BUILTIN_RULES } from '../../rules/builtin/index.js';
import { ruleDoc } from '../../rules/docs.js';
import { defaultSeverity } from '../../rules/types.js';
import { writeStdout } from '../../output/write.js';

export function rulesCommand(): Command {
  const rules = new Command('rules')
    .description('list the rules with the severity this PMO gives them')
    .option('-C, --cwd <dir>', 'run as if started in <dir>')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Examples:
  $ pmo rules                          every built-in rule, its severity here, category and description
  $ pmo rules explain budget-variance  what triggers a rule, why a PMO cares, how to fix it`,
    )
    .action(async (flags: { cwd?: string; format: 'text' | 'json' }) => {
      const config = await loadConfig(flags.cwd);
      const rows = BUILTIN_RULES.map((rule) => ({
        id: rule.id,
        severity: config.rules[rule.id] ?? defaultSeverity(rule, config.pmoType),
        category: rule.category,
        kind: rule.governance ? 'governance' : 'advisory',
        locked: config.locked.includes(rule.id),
        description: rule.description,
      })).sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
      if (flags.format === 'json') return writeStdout(`${JSON.stringify(rows, null, 2)}\n`);
      const width = Math.max(...rows.map((r) => r.id.length));
      const lines = rows.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(5)}  ${r.category.padEnd(14)}  ${r.description}${r.locked ? ' [locked]' : ''}`);
      return writeStdout(`${lines.join('\n')}\n\n${rows.length} rules; severities for a ${config.pmoType} PMO with pmo.yaml's overrides (rules:).\n`);
    });
  rules
    .command('explain')
    .description("print a rule's documentation")
    .argument('<id>', 'the rule id')
    .action(async (id: string) => {
      if (!BUILTIN_RULES.some((r) => r.id === id)) {
        const hint = /^(yaml|schema|ref|dates|waiver|gate)\//.test(id) ? '; finding ids of the loader and schema are described in docs/checks.md' : didYouMean(id, BUILTIN_RULES.map((r) => r.id));
        throw new UsageError(`no rule '${id}'${hint}`);
      }
      await writeStdout(ruleDoc(id));
    });
  return rules;
}

/** pmo.yaml's settings when run inside a PMO repository; the defaults (a supportive PMO) elsewhere. */
async function loadConfig(cwd = process.cwd()): Promise<Config> {
  let root: string;
  try {
    root = findRoot(cwd);
  } catch {
    return configFrom({});
  }
  if (!existsSync(root)) return configFrom({});
  const { check } = await import('../../check.js');
  return (await check({ cwd: root, paths: ['pmo.yaml'] })).config;
}
