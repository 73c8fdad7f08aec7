/**
 * The CLI: a commander program over the library, and the ONE place where errors become exit codes.
 * 0 clean, 1 findings, 2 pmo could not do its job (bad flag, no or broken pmo.yaml, an internal error).
 */
import { Command, CommanderError } from 'commander';
import { PmoError } from '../errors.js';
import { VERSION } from '../version.js';
import { writeFault } from '../write-faults.js';
import { writeStderr, writeStdout } from '../output/write.js';
import { checkCommand } from './commands/check.js';
import { closeCommand } from './commands/close.js';
import { auditCommand } from './commands/audit.js';
import { gateCommand } from './commands/gate.js';
import { hooksCommand } from './commands/hooks.js';
import { importCommand } from './commands/import.js';
import { initCommand } from './commands/init.js';
import { logCommand } from './commands/log.js';
import { newCommand } from './commands/new.js';
import { reportCommand } from './commands/report.js';
import { statusCommand } from './commands/status.js';
import { rulesCommand } from './commands/rules.js';
import { schemaCommand } from './commands/schema.js';
import { updateCommand } from './commands/update.js';
import { completeCommand, completionCommand, listCommand } from './commands/list.js';

export function program(): Command {
  return throwInsteadOfExit(new Command('pmo')
    .description('Governance as code for project portfolios: check, report and audit a PMO repository.')
    .version(VERSION, '-V, --version')
    .option('--verbose', 'show stack traces for internal errors')
    .showSuggestionAfterError()
    .addCommand(checkCommand())
    .addCommand(reportCommand())
    .addCommand(statusCommand())
    .addCommand(gateCommand())
    .addCommand(logCommand())
    .addCommand(rulesCommand())
    .addCommand(hooksCommand())
    .addCommand(schemaCommand())
    .addCommand(initCommand())
    .addCommand(newCommand())
    .addCommand(updateCommand())
    .addCommand(importCommand())
    .addCommand(closeCommand())
    .addCommand(auditCommand())
    .addCommand(listCommand())
    .addCommand(completionCommand())
    .addCommand(completeCommand(), { hidden: true })
    .addHelpText(
      'after',
      `
Examples:
  $ pmo check                          validate the PMO repo you are in
  $ pmo check -C ../portfolio          validate the PMO repo in another directory
  $ pmo check --format json            findings as JSON for tools
  $ pmo status                         the portfolio at a glance, worst first
  $ pmo report weekly -f html -o w.html the weekly portfolio status, one HTML page with charts
  $ pmo gate crm-migration             is a project ready for its next phase?
  $ pmo log crm-migration              who changed what in a project, and when
  $ pmo rules                          the governance rules and their severities here
  $ pmo hooks install                  run \`pmo check --staged\` before every commit
  $ pmo schema --vscode                JSON Schemas for the editor: errors underlined as you type
  $ pmo init --pmo-type controlling    set up a new PMO repository
  $ pmo new project apollo --name Apollo --manager jdoe
  $ pmo update apollo --overall amber --summary "Vendor quota escalated"
  $ pmo close apollo --dry-run         the closing checklist, and the diff it would write
  $ pmo list people                    the ids to type, with names (people, goals, projects)
  $ eval "$(pmo completion bash)"      Tab-completion of commands, flags and ids
  $ pmo audit record --auditor cfo     freeze today's findings into an audit, then act on them

Reports (pmo report <kind>): weekly, audit, project <id>, resources, capacity, intake, people, trends (from
git), or a kind of the PMO's own templates.

Exit codes: 0 done (pmo check: nothing at or above --fail-on), 1 findings or a refusal (a failing gate, a
closing checklist that fails), 2 pmo could not do its job (a bad flag, no pmo.yaml, no git where git is
needed). Each command's help has its own.

Docs: docs/format.md (the files), docs/authoring.md (the writing commands), docs/audits.md
(the audit cycle), docs/architecture.md (how pmo works).`,
    ),
  );
}

/**
 * Every command, sub-commands too: throws where commander would exit (the one catch below maps exit codes),
 * and writes help through the stdout writer that takes a closed pipe (`pmo --help | head`) calmly.
 */
function throwInsteadOfExit(command: Command): Command {
  command.exitOverride().configureOutput({ writeOut: (text) => void writeStdout(text), outputError: (text, write) => write(text) });
  for (const sub of command.commands) throwInsteadOfExit(sub);
  return command;
}

const FS_CODES: Record<string, string> = {
  ENOENT: 'no such file or directory (was it removed while pmo ran?)',
  EISDIR: 'it is a directory, where pmo expects a file',
  ENOTDIR: 'a part of the path is a file, where pmo expects a directory',
};

export async function main(argv: string[]): Promise<number> {
  const verbose = argv.includes('--verbose');
  process.exitCode = 0;
  try {
    await program().parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version "fail" with exit code 0; a bad flag has already been explained on stderr.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof PmoError) {
      writeStderr(`pmo: ${error.message}`);
      if (verbose && error.stack) writeStderr(error.stack);
      return error.exitCode;
    }
    const fsError = error as NodeJS.ErrnoException;
    const fault = fsError?.syscall ? writeFault(fsError) : undefined;
    if (fault) {
      // A write refused (a full disk, a read-only mount): a write's error names no file, the others do.
      writeStderr(`pmo: cannot ${fsError.syscall}${fsError.path ? ` ${fsError.path}` : ''}: ${fault.what}: ${fault.todo}`);
      if (verbose && fsError.stack) writeStderr(fsError.stack);
      return 2;
    }
    if (fsError?.syscall && fsError.path && FS_CODES[fsError.code ?? '']) {
      // The file system said no (a folder where a file should be, a file gone mid-run, no permission).
      writeStderr(`pmo: cannot ${fsError.syscall} ${fsError.path}: ${FS_CODES[fsError.code!]}`);
      if (verbose && fsError.stack) writeStderr(fsError.stack);
      return 2;
    }
    writeStderr(`pmo: internal error: ${(error as Error)?.message ?? String(error)}`);
    writeStderr(verbose ? String((error as Error)?.stack ?? '') : 'Run again with --verbose for the stack trace, and please report it.');
    return 2;
  }
}
