/** Every command's help, as a newcomer reads it: what it does, examples to copy, and what its exit codes mean. */
import { describe, expect, it } from 'vitest';
import { pmo } from '../helpers/cli.js';

/** The commands a help text lists under "Commands:", but `help` itself. */
function commandsIn(help: string): string[] {
  const section = help.split('\nCommands:\n')[1]?.split('\n\n')[0] ?? '';
  return section.split('\n').map((line) => /^ {2}(\S+)/.exec(line)?.[1]).filter((name): name is string => name !== undefined && name !== 'help');
}

describe('pmo --help and every command help', () => {
  it('lists every report kind at the top, trends included', () => {
    const top = pmo(['--help']).stdout;
    for (const kind of ['weekly', 'audit', 'project <id>', 'resources', 'capacity', 'intake', 'people', 'trends']) expect(top.replace(/\s+/g, ' ')).toContain(kind);
  });

  it('gives examples and exit codes, for every command and subcommand', () => {
    const top = pmo(['--help']).stdout;
    expect(top).toContain('Examples:');
    expect(top).toContain('Exit codes:');
    const commands = commandsIn(top);
    expect(commands).toEqual(expect.arrayContaining(['check', 'report', 'status', 'gate', 'log', 'rules', 'hooks', 'schema', 'init', 'new', 'update', 'close']));
    const all = commands.flatMap((c) => [[c], ...commandsIn(pmo([c, '--help']).stdout).map((sub) => [c, sub])]);
    expect(all).toEqual(expect.arrayContaining([['rules', 'explain'], ['rules', 'test'], ['hooks', 'install'], ['hooks', 'uninstall'], ['new', 'project'], ['new', 'request']]));
    const lacking = all.filter((words) => {
      const help = pmo([...words, '--help']).stdout;
      return !help.includes(`Examples:\n  $ pmo ${words.join(' ')}`) || !help.includes('Exit codes:');
    });
    expect(lacking.map((words) => words.join(' '))).toEqual([]);
  });
});
