/** `pmo list people|goals|projects`, `pmo completion bash|zsh`, and the hidden `pmo __complete` they use. */
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { writeStdout } from '../../output/write.js';
import { filterOf, filterOptions } from '../filter-options.js';
import type { FilterKey } from '../../model/portfolio-filter.js';
import { oneOfChoices } from '../options.js';

interface ListFlags extends Partial<Record<FilterKey, string[]>> {
  cwd?: string;
  asOf?: string;
  format: 'text' | 'json';
  cache: boolean;
}

export function listCommand(): Command {
  const command = new Command('list')
    .description('the ids to type in commands, with their names: people, goals or projects')
    .argument('<what>', 'people | goals | projects')
    .addOption(new Option('-f, --format <format>', 'output format: text or json').argParser(oneOfChoices(['text', 'json'] as const)).default('text'))
    .option('--as-of <date|ref>', 'as the repository was at a commit (a date: the last commit on or before it)')
    .option('-C, --cwd <dir>', 'run as if started in <dir>')
    .option('--no-cache', 'parse every file afresh and leave the cache alone');
  return filterOptions(command)
    .addHelpText(
      'after',
      `
One row per id, sorted: people with their name and role, goals with their title, projects with their name,
manager and phase (a project whose file has errors is listed and marked). The filters choose projects.

Examples:
  $ pmo list people                     who --manager, --owner, --by can name
  $ pmo list goals -f json              the strategic goals, for a script
  $ pmo list projects --manager jdoe    one PM's projects

Exit codes: 0 listed, 2 pmo could not do its job (no such list, a bad filter value, no pmo.yaml).`,
    )
    .action(async (what: string, flags: ListFlags) => {
      const { listIds, listText } = await import('../../list.js');
      const rows = await listIds(what, { cwd: flags.cwd, asOf: flags.asOf, cache: flags.cache, filter: filterOf(flags) });
      await writeStdout(flags.format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : listText(rows));
    });
}

export function completionCommand(): Command {
  return new Command('completion')
    .description('print a shell completion script: commands, flags, and ids from the repository')
    .argument('<shell>', 'bash | zsh', oneOfChoices(['bash', 'zsh'] as const))
    .addHelpText(
      'after',
      `
The script completes commands and flags as this version of pmo defines them, the choices of flags that have
some, and ids (projects, people, goals, phases, departments, and a project's milestones, risks, issues,
changes and deliverables) read from the repository you are in when you press Tab.

Examples:
  $ pmo completion bash > /etc/bash_completion.d/pmo
  $ eval "$(pmo completion bash)"              in ~/.bashrc
  $ eval "$(pmo completion zsh)"               in ~/.zshrc, after compinit

Exit codes: 0 printed, 2 a shell pmo does not know.`,
    )
    .action(async (shell: 'bash' | 'zsh', _flags: unknown, command: Command) => {
      const { bashScript, zshScript } = await import('../completion-script.js');
      await writeStdout((shell === 'bash' ? bashScript : zshScript)(command.parent!));
    });
}

/** What the completion script asks for when Tab is pressed: ids, one a line; nothing at all on any problem. */
export function completeCommand(): Command {
  return new Command('__complete')
    .argument('<kind>')
    .argument('[project]')
    .option('-C, --cwd <dir>', 'the repository the command being completed runs in')
    .action(async (kind: string, project: string | undefined, options: { cwd?: string }) => {
      const { completionIds } = await import('../../completion-ids.js');
      const ids = completionIds(kind, resolve(options.cwd ?? '.'), project || undefined);
      if (ids.length) await writeStdout(`${ids.join('\n')}\n`);
    });
}
