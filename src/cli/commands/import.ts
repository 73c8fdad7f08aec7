/** `pmo import costs <file.csv>`: a finance export's rows logged as the projects' costs (src/edit/import-costs.ts). */
import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { palette, wantsColor } from '../../output/color.js';
import { writeStderr, writeStdout } from '../../output/write.js';
import { COST_FIELDS, type CostField } from '../../edit/cost-edits.js';

interface ImportFlags {
  cwd?: string;
  column: Partial<Record<CostField, string>>;
  skipBad?: boolean;
  dryRun?: boolean;
  color?: boolean;
}

/** `--column amount="Net amount"`, repeatable: which CSV column fills a field of the cost log. */
function collectColumn(value: string, previous: Partial<Record<CostField, string>>): Partial<Record<CostField, string>> {
  const match = /^([a-z]+)=(.+)$/.exec(value);
  if (!match || !(COST_FIELDS as readonly string[]).includes(match[1]!)) {
    throw new InvalidArgumentError(`expected <field>=<CSV header>, the field one of ${COST_FIELDS.join(', ')} (e.g. amount="Net amount"), got '${value}'`);
  }
  return { ...previous, [match[1] as CostField]: match[2]! };
}

export function importCommand(): Command {
  const command = new Command('import').description("bring data kept elsewhere into the projects' files").addHelpText(
    'after',
    `
Examples:
  $ pmo import costs finance/2026-11.csv      log a finance export's costs by project and month
  $ pmo import costs export.csv --dry-run     show what it would log

Exit codes: 0 imported (or shown), 2 nothing imported (see pmo import costs --help).`,
  );
  command.addCommand(
    new Command('costs')
      .description("log a finance export's costs (CSV) in the projects' cost logs")
      .argument('<file>', 'the CSV file, read from where the command is typed')
      .option('-C, --cwd <dir>', 'run as if started in <dir>')
      .option('--column <field=header>', `the CSV column a field comes from (fields: ${COST_FIELDS.join(', ')}; default: the column of that name, any case; period also "month"), repeatable`, collectColumn, {})
      .option('--skip-bad', 'import the good rows when some are bad, and list the bad ones (default: import nothing)')
      .option('--dry-run', 'print the unified diff of the edits and write nothing')
      .option('--color', 'force colour')
      .option('--no-color', 'never colour the output')
      .addHelpText(
        'after',
        `
Each row is one amount spent in a month: project (its id), period (YYYY-MM), amount (1234.50 or 1,234.50),
category (labour, vendor, licences, travel, other, or one of pmo.yaml's cost_categories), and optionally
vendor (one of the project's vendors) and note. Commas or semicolons separate the cells. Every row is checked
first; a bad one is named by its CSV line and, without --skip-bad, nothing is written. A row the project's
log already has (same period, amount, category, vendor and note) is not logged again, so an export imported
twice adds nothing. Once a project logs costs, the log's sum is its actual cost (docs/metrics.md).

Examples:
  $ pmo import costs finance/2026-11.csv
  $ pmo import costs export.csv --column project=Project --column amount="Net EUR" --dry-run
  $ pmo import costs export.csv --skip-bad

Exit codes: 0 imported (or shown), 2 nothing imported: a bad row without --skip-bad, no such file, a column
missing, a project file pmo cannot edit.`,
      )
      .action(async (file: string, flags: ImportFlags) => {
        const [{ openWorkspace }, { planCostImport }, { diffOf, writeChanges }] = await Promise.all([
          import('../../edit/workspace.js'),
          import('../../edit/import-costs.js'),
          import('../../edit/changes.js'),
        ]);
        const ws = await openWorkspace(flags.cwd);
        const plan = planCostImport(ws, resolve(file), file, flags.column, flags.skipBad === true);
        const chalk = await palette(!flags.dryRun && wantsColor(process.stdout, flags.color));
        const out = flags.dryRun ? (text: string) => void writeStderr(text) : writeStdout;
        for (const skipped of plan.skipped) await writeStderr(`pmo: warning: skipped ${skipped}\n`);
        if (flags.dryRun) await writeStdout(diffOf(plan.changes));
        else writeChanges(ws.root, plan.changes);
        const verb = flags.dryRun ? 'would log' : 'logged';
        for (const p of plan.projects) await out(`${chalk.green('✔')} ${p.project}: ${verb} ${p.added} cost${p.added === 1 ? '' : 's'}${p.known ? ` (${p.known} already in its log)` : ''}\n`);
        for (const p of plan.projects) if (p.warning) await writeStderr(`pmo: warning: ${p.warning}\n`);
        if (plan.projects.length === 0) await out('nothing to log: the file has no rows\n');
      }),
  );
  return command;
}
