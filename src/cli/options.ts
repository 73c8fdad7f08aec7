/** Option parsers shared by commands: each turns bad input into a UsageError that says what is expected. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { DATE, isRealDate, MONTH } from '../model/dates.js';
import { amountFrom } from '../metrics/numbers.js';
import { PROJECT_ID } from '../model/ids.js';
import { didYouMean } from '../model/suggest.js';

export function parseDate(value: string): string {
  if (!DATE.test(value) || !isRealDate(value)) throw new InvalidArgumentError(`expected a real date written YYYY-MM-DD, got '${value}'`);
  return value;
}

/** A calendar month, YYYY-MM (a period costs are logged by). */
export function parseMonth(value: string): string {
  if (!MONTH.test(value)) throw new InvalidArgumentError(`expected a month written YYYY-MM (e.g. 2026-11), got '${value}'`);
  return value;
}

/** An amount of money: a number, 0 or more (`1500000`, `1500000.50`, `1,500,000`). */
export function parseAmount(value: string): number {
  const amount = amountFrom(value);
  if (amount === undefined) throw new InvalidArgumentError(`expected an amount of money, 0 or more (1500000 or 1,500,000), got '${value}'`);
  return amount;
}

export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`expected a whole number, 0 or more, got '${value}'`);
  return Number(value);
}

/**
 * One of `choices`, in any case (`Green` is green), or one of the other names `aliases` gives it (`warning` for
 * warn, `markdown` for md).
 */
export function oneOfChoices<T extends string>(choices: readonly T[], aliases: Readonly<Record<string, T>> = {}) {
  // The choices ride on the parser, for shell completion to offer them (src/cli/completion-script.ts).
  return Object.assign((value: string): T => {
    const lower = value.toLowerCase();
    const chosen = choices.includes(lower as T) ? (lower as T) : Object.hasOwn(aliases, lower) ? aliases[lower]! : undefined;
    if (chosen === undefined) throw new InvalidArgumentError(`expected one of ${choices.join(', ')}, got '${value}'${didYouMean(value, choices)}`);
    return chosen;
  }, { choices });
}

/**
 * A project id as FORMAT.md spells it. It becomes a path (projects/<id>.yaml), so nothing else may pass:
 * `../people` or `/etc/x` would name a file outside projects/, or outside the repository.
 */
export function parseProjectId(value: string): string {
  if (!PROJECT_ID.test(value)) {
    throw new InvalidArgumentError(`expected a project id (lowercase letters, digits and dashes, e.g. crm-migration), got '${value}'`);
  }
  return value;
}

/** A project id, or its file as a path in the repo (`projects/apollo.yaml`), as `pmo log` takes it. */
export function parseProjectIdOrFile(value: string): string {
  const file = /^(?:\.\/)?projects\/([^/]+)\.ya?ml$/.exec(value.trim());
  return parseProjectId(file ? file[1]! : value.trim());
}

/**
 * `-o, --output <file>`: the one output flag of every command that writes a file. The names it had before
 * (`--output-file`, `--out`) stay as hidden aliases, so that scripts written for them keep working.
 */
export function outputOption(command: Command, description: string, aliases: readonly string[], value = 'file'): Command {
  command.option(`-o, --output <${value}>`, `${description} (also --${aliases.join(', --')})`);
  for (const alias of aliases) command.addOption(new Option(`--${alias} <${value}>`).hideHelp());
  return command;
}

/**
 * Where `outputOption`'s flags say to write, as typed: the caller resolves it against the directory the command
 * was typed in (process.cwd(), not -C's), as a shell user expects of a file they name.
 */
export function outputOf(flags: { output?: string; outputFile?: string; out?: string }): string | undefined {
  const given = (['output', 'outputFile', 'out'] as const).filter((key) => flags[key] !== undefined);
  if (given.length > 1) {
    const names = given.map((key) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
    throw new UsageError(`${names.join(' and ')} name the same thing: where to write; give one`);
  }
  return given.length ? flags[given[0]!] : undefined;
}
