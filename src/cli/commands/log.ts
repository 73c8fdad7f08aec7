/** `pmo log <project> [--field <path>]...`: the audit trail of a project, field by field, from git. */
import { Command, Option } from 'commander';
import { palette, wantsColor } from '../../output/color.js';
import { writeStderr, writeStdout } from '../../output/write.js';
import { parseCount, parseProjectIdOrFile } from '../options.js';

interface LogFlags {
  cwd?: string;
  field?: string[];
  since?: string;
  limit?: number;
  format: 'text' | 'json';
  color?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function logCommand(): Command {
  return new Command('log')
    .description('who changed what and when in a project, field by field, from the commits that touched its file')
    .argument('<project>', 'the project id (its file name in projects/)', parseProjectIdOrFile)
    .option('--field <path>', 'only changes to this field and what is under it (repeatable): dates.forecast_end, budget, risks[R1].probability, status[-1].overall', collect)
    .option('--since <date|ref>', 'only commits authored on or after this date (YYYY-MM-DD), or made after this commit, branch or tag')
    .option('-n, --limit <count>', 'at most this many commits, the newest', parseCount)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-C, --cwd <dir>', 'run as if started in <dir>')
    .option('--color', 'force colour')
    .option('--no-color', 'never colour the output')
    .addHelpText(
      'after',
      `
Reads the commits of the current branch that touched projects/<project>.yaml, newest first, across renames of
the file. Each shows its short id, author date, author and subject, then every field it changed as
"path: old -> new" ("-> new" when added, "old ->" when removed). Items of a list are named by their id
(risks[R1].probability), status updates by their date; a new or removed item is one line. Uncommitted changes
are not shown. docs/history.md has the details and the JSON shape.

Field paths for --field: a field (dates.forecast_end), everything under one (budget), an item by its id
(risks[R1], milestones[M2].forecast) or position (status[0], status[-1] for the last, status[*] for every one).
status[-1].overall compares the latest status update before and after each commit: the RAG as it was reported.

Examples:
  $ pmo log crm-migration                                   every change, newest first
  $ pmo log crm-migration --field 'status[-1].overall'      the RAG timeline
  $ pmo log crm-migration --field dates.forecast_end --field budget.forecast
  $ pmo log crm-migration --field 'risks[R1]' --since 2026-10-01
  $ pmo log crm-migration --since v2026-q3 -f json           for tools

Exit codes: 0 done, 2 pmo could not do its job (no such project, no git history, or a shallow clone whose
history stops before what was asked for: the log is printed, and stderr says how to fetch the rest).`,
    )
    .action(async (project: string, flags: LogFlags) => {
      // Loaded when used: no other command pays for the history modules.
      const { projectLog } = await import('../../history/log.js');
      const { logText } = await import('../../history/log-text.js');
      const log = await projectLog({ cwd: flags.cwd, project, fields: flags.field, since: flags.since, limit: flags.limit });
      if (flags.format === 'json') await writeStdout(`${JSON.stringify(log, null, 2)}\n`);
      else await writeStdout(logText(log, await palette(wantsColor(process.stdout, flags.color))));
      if (log.incomplete) {
        writeStderr(`pmo: ${log.incomplete}`);
        process.exitCode = 2;
      }
    });
}
