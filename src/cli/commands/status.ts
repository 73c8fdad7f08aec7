/** `pmo status`: the terminal dashboard, one row per project. */
import { Command, Option } from 'commander';
import { palette, wantsColor } from '../../output/color.js';
import type { WeeklyModel } from '../../output/reports/model/index.js';
import { writeStdout } from '../../output/write.js';
import { oneOfChoices, parseDate } from '../options.js';
import { UsageError } from '../../errors.js';
import { filterOf, filterOptions } from '../filter-options.js';
import type { FilterKey } from '../../model/portfolio-filter.js';

interface StatusFlags extends Partial<Record<FilterKey, string[]>> {
  cwd?: string;
  today?: string;
  asOf?: string;
  changes?: boolean;
  since?: string;
  status?: string[];
  all: boolean;
  format: 'table' | 'json';
  cache: boolean;
  color?: boolean;
}

const STATUSES = ['green', 'amber', 'red', 'none'] as const;
const statusOf = oneOfChoices(STATUSES);
/** `--status red,amber`: each value one of STATUSES, in any case. */
const collectStatus = (value: string, previous: string[] = []) => [...previous, ...value.split(',').filter(Boolean).map((v) => statusOf(v))];

export function statusCommand(): Command {
  const command = new Command('status')
    .description('the portfolio at a glance: one row per project with RAG, phase, SPI, CPI, next milestone, update age, findings');
  return filterOptions(command)
    .addOption(new Option('--status <rag>', 'only projects whose overall status is this: green, amber, red or none (repeatable)').argParser(collectStatus))
    .option('-a, --all', 'include closed projects', false)
    .option('--changes', 'add what changed since last week, from git (as the weekly report\'s "Since last week")')
    .option('--since <date|ref>', 'with --changes: compare with this commit (a date: the last commit on or before it; default a week before)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--today <date>', 'the date to judge against, YYYY-MM-DD (default: today)', parseDate)
    .option('--as-of <date|ref>', 'the portfolio as it was at a commit: YYYY-MM-DD means the last commit on or before that day, judged on that day; a ref means its commit, judged on its date')
    .option('-C, --cwd <dir>', 'run as if started in <dir>')
    .option('--no-cache', 'parse every file afresh and leave the cache alone')
    .option('--color', 'force colour')
    .option('--no-color', 'never colour the output')
    .addHelpText(
      'after',
      `
Worst status first. Next due is the next milestone's date, "late" when one is overdue; Update is the age of the latest status
update (red when stale); Findings counts errors (E) and warnings (W) of pmo check.

Examples:
  $ pmo status                           every active project
  $ pmo status --status red,amber        the ones that need attention
  $ pmo status --manager jdoe            one PM's projects
  $ pmo status --phase execution -f json
  $ pmo status --department IT --goal G2   the IT projects that serve goal G2
  $ pmo status --project 'crm-*'         projects whose id starts with crm-
  $ pmo status --as-of 2026-11-13        the portfolio as last Friday's commit had it
  $ pmo status --changes                 and what moved since last week
  $ pmo status --changes --since v1.2 -f json

Filters (--project, --manager, --sponsor, --department, --goal, --phase) work as in pmo report: a value the
repository does not know is an error with a did-you-mean; several values of one flag are alternatives.

Exit codes: 0 shown (findings do not fail it), 2 pmo could not do its job (a bad flag or filter value, no
pmo.yaml).`,
    )
    .action(async (flags: StatusFlags) => {
      const { buildReport } = await import('../../report.js');
      const { dashboard, sortForDashboard } = await import('../../output/dashboard.js');
      if (flags.since !== undefined && !flags.changes) throw new UsageError('--since says where --changes starts: give --changes too');
      const report = await buildReport({ cwd: flags.cwd, kind: 'weekly', today: flags.today, asOf: flags.asOf, cache: flags.cache, filter: filterOf(flags), changes: Boolean(flags.changes), since: flags.since });
      const model = report.model as WeeklyModel;
      const projects = model.projects.filter((p) => (flags.all || !p.closed) && (!flags.status || flags.status.includes(p.rag.overall ?? 'none')));
      if (flags.format === 'json') {
        // The rows as ever; with --changes, the rows and the moves together.
        const rows = sortForDashboard(projects);
        await writeStdout(`${JSON.stringify(flags.changes ? { projects: rows, since: model.since } : rows, null, 2)}\n`);
        return;
      }
      const chalk = await palette(wantsColor(process.stdout, flags.color));
      const width = process.stdout.isTTY ? (process.stdout.columns ?? 80) : 80;
      const left = model.left_out.length
        ? `\n${chalk.yellow(`${model.left_out.length} left out (YAML or schema errors, see pmo check): ${model.left_out.map((l) => l.file).join(', ')}`)}\n`
        : '';
      const filtered = model.report.filter ? `${model.report.filter.text}: ${model.report.filter.shown} of ${model.report.filter.of} projects\n` : '';
      const changes = model.since ? `\n${(await import('../../output/since-text.js')).sinceText(model.since, chalk)}` : '';
      await writeStdout(`${filtered}${projects.length > 0 ? `${dashboard(projects, chalk, width)}\n` : `${emptyBecause(model, flags)}\n`}${changes}${left}`);
    });
}

/** Why the table is empty: no projects at all, a filter that left none (which one), or --status, or all closed. */
function emptyBecause(model: WeeklyModel, flags: StatusFlags): string {
  if (model.report.filter?.empty) return model.report.filter.empty;
  if (model.projects.length === 0) return 'no projects yet (projects/ has none)';
  if (flags.status && model.projects.some((p) => flags.all || !p.closed)) return `no project matches: --status ${flags.status.join(',')} leaves none`;
  return 'no project matches: every one is closed (-a shows closed projects)';
}
