/** `pmo report <kind>`: the weekly status, the audit, a project's one-pager, resources, intake, or the PMO's own. */
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { UsageError } from '../../errors.js';
import { writeFileIfChanged } from '../../output/write-file.js';
import { writeStderr, writeStdout } from '../../output/write.js';
import type { ReportFormat } from '../../report.js';
import type { Interval } from '../../history/periods.js';
import { filterOf, filterOptions } from '../filter-options.js';
import type { FilterKey } from '../../model/portfolio-filter.js';
import { oneOfChoices, outputOf, outputOption, parseAmount, parseCount, parseDate, parseProjectId } from '../options.js';

interface ReportFlags extends Partial<Record<FilterKey, string[]>> {
  cwd?: string;
  format: ReportFormat;
  output?: string;
  out?: string;
  today?: string;
  template?: string;
  weeks?: number;
  horizon?: number;
  asOf?: string;
  against?: string;
  history?: boolean;
  interval?: Interval;
  since?: string;
  cache: boolean;
  budget?: number;
  capacity?: boolean;
  months?: number;
  costCurve?: boolean;
  by?: string;
}

export function reportCommand(): Command {
  const command = new Command('report')
    .description('render a report of the portfolio: weekly, audit, project <id>, resources, capacity, intake, people, trends (or a kind of your templates)')
    .argument('<kind>', 'weekly | audit | project | resources | capacity | intake | people | trends, or a kind the repo adds in templates/')
    .argument('[project]', 'the project id, for `pmo report project <id>`', parseProjectId)
    .addOption(new Option('-f, --format <format>', 'output format: md (or markdown), html, csv, json').argParser(oneOfChoices(['md', 'html', 'csv', 'json'] as const, { markdown: 'md' })).default('md'));
  outputOption(command, 'write the report to <file> (atomically) instead of stdout', ['out']);
  filterOptions(command);
  return command
    .option('--today <date>', 'the date to report as of, YYYY-MM-DD (default: today)', parseDate)
    .option('--as-of <date|ref>', 'report the repository as it was at a commit: YYYY-MM-DD means the last commit on or before that day, judged on that day; a ref means its commit, judged on its date')
    .option('--against <ref>', 'project: compare with the project as <ref> had it (a tag naming a baseline, a date, a sha)')
    .option('--history', 'project: its forecast slips and status changes, commit by commit, from git')
    .option('--template <file>', 'render with this Handlebars template instead of the kind’s own (relative to where you typed the command, also with -C)')
    .option('--weeks <n>', 'resources and people: weeks of load ahead (default 12); trends: weeks of history', parseCount)
    .addOption(new Option('--interval <period>', 'trends: one point per week, month or quarter (default week)').choices(['week', 'month', 'quarter']))
    .option('--since <date|ref>', 'weekly: what changed since this commit (a date: the last commit on or before it; default a week before the report\'s day); trends: start with the period holding this date, YYYY-MM-DD')
    .option('--by <segment>', 'trends: a scorecard per manager, department, sponsor, goal or pmo.yaml segment, period by period')
    .option('--horizon <days>', 'milestones due within this many days are listed as due (default 14)', parseCount)
    .option('--budget <amount>', 'intake: propose the requests with the highest total score whose costs fit this budget', parseAmount)
    .option('--capacity', "intake --budget: each role's free capacity per month (supply less booked allocations) constrains the set too")
    .option('--months <n>', 'capacity: months ahead, this one first (default 6)', parseCount)
    .option('--cost-curve', "project and weekly, with -f csv: the cost by month (the S-curve's numbers) instead of a row per project")
    .option('-C, --cwd <dir>', 'run as if started in <dir>')
    .option('--no-cache', 'parse every file afresh and leave the cache alone')
    .addHelpText(
      'after',
      `
The numbers come from the same files and findings as \`pmo check\`; a file with YAML or schema errors is left
out of them, and the report says so. The weekly's "Since last week" compares the project files with the last
commit a week before the report's day (--since chooses another): RAG moves, newly red, milestones moved or met,
forecasts moved, new high-exposure risks, risks closed, change requests raised or decided, phase changes, new
projects, and the projects with no update since. --format json prints the view model the templates see
(docs/report-model.md). The audit and people reports end with scorecards per project manager and per segment
(department, sponsor, goal, pmo.yaml's segments), their pain points counted again at the end of the previous
quarter from git (docs/trainings.md). A template in the repo's templates/ (weekly.md.hbs, weekly.html.hbs, ...) replaces
the built-in one; templates/<kind>.md.hbs adds a kind.

Examples:
  $ pmo report weekly                              this week's portfolio status, Markdown
  $ pmo report weekly -f html -o weekly.html       the same as one self-contained HTML page with charts
  $ pmo report audit --format csv > audit.csv      compliance per project, for a spreadsheet
  $ pmo report project crm-migration               one project's one-pager
  $ pmo report project crm-migration --against baseline-2026   what moved since the baseline
  $ pmo report project crm-migration --history     its forecast slips and RAG changes, from git
  $ pmo report resources --weeks 26                the allocation heatmap, half a year ahead
  $ pmo report intake                              requests ranked by pmo.yaml's scoring weights
  $ pmo report people                              everyone's role, load and trainings; scorecards per PM and segment
  $ pmo report people -f csv -o people.csv         one row per person, for HR's spreadsheet
  $ pmo report trends --weeks 52 -f html -o t.html  a year of the portfolio, week by week, from git
  $ pmo report trends --interval quarter --since 2025-01-01
  $ pmo report trends --interval quarter --by manager   each PM's scorecard, quarter on quarter
  $ pmo report weekly --as-of 2026-11-20           rebuild last Friday's report from git, byte for byte
  $ pmo report intake --budget 1500000             the requests with the best total score that fit 1.5M
  $ pmo report intake --budget 600000 --capacity   ... that also fit each role's free people, month by month
  $ pmo report capacity --months 12 -f html -o c.html   supply, booked and requested people per role, a year ahead
  $ pmo report project crm-migration -f csv --cost-curve   its S-curve's numbers, month by month
  $ pmo report weekly --since 2026-11-01           "Since last week" reaching back to the first of the month
  $ pmo report weekly --since v2026-q3 -f json     what moved since a tag, for a tool (.since in the JSON)
  $ pmo report weekly --department IT --phase execution   the IT department's running projects only
  $ pmo report audit --manager tnguyen             one PM's compliance; totals are of their projects

Filters (--project, --manager, --sponsor, --department, --goal, --phase) choose the projects before anything
is summed: the report's header says what it was filtered to, and its totals are of those projects. Several
values of one flag are alternatives (--phase planning,execution); different flags must all hold. A value the
repository does not know is an error with a did-you-mean (pmo list people|goals|projects shows them).

Exit codes: 0 the report was written (findings do not fail it), 2 pmo could not do its job.`,
    )
    .action(async (kind: string, project: string | undefined, flags: ReportFlags) => {
      if (project !== undefined && kind !== 'project') throw new UsageError(`pmo report ${kind} takes no project id (did you mean pmo report project ${project}?)`);
      if (flags.since !== undefined) sinceFits(kind, flags.since);
      const { renderReport } = await import('../../report.js');
      const report = await renderReport({
        cwd: flags.cwd,
        kind,
        project,
        format: flags.format,
        today: flags.today,
        template: flags.template,
        // Like -o: where the command was typed, not -C's directory.
        templateFrom: process.cwd(),
        weeks: flags.weeks,
        horizon: flags.horizon,
        budget: flags.budget,
        capacity: flags.capacity,
        months: flags.months,
        costCurve: flags.costCurve,
        by: flags.by,
        asOf: flags.asOf,
        against: flags.against,
        history: flags.history,
        interval: flags.interval,
        since: flags.since,
        progress: progressBar(),
        filter: filterOf(flags),
        cache: flags.cache,
      });
      const output = outputOf(flags);
      if (output) {
        // Relative to where pmo was started, as a shell user expects (not to -C's directory).
        writeFileIfChanged(resolve(output), report.text);
        if (process.stderr.isTTY) writeStderr(`pmo: wrote ${output}`);
      } else {
        await writeStdout(report.text);
      }
    });
}

/** --since is a date or ref for the weekly's "Since last week", a date where trends start; other kinds take none. */
function sinceFits(kind: string, since: string): void {
  if (kind === 'trends') {
    try {
      parseDate(since);
    } catch (error) {
      throw new UsageError(`--since ${since}: ${(error as Error).message} (trends start with the period holding that date)`);
    }
  } else if (kind !== 'weekly') {
    throw new UsageError(`--since is for pmo report weekly (what changed since a date or commit) and trends (where they start), not ${kind}`);
  }
}

/**
 * A progress bar on stderr for runs that read history, shown only on a terminal and only once the run has
 * taken a second (a quick run should not flicker one).
 */
function progressBar(): ((done: number, total: number, label: string) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  const started = Date.now();
  let shown = false;
  return (done, total, label) => {
    if (!shown && Date.now() - started < 1000) return;
    shown = true;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r${'#'.repeat(filled)}${'.'.repeat(width - filled)} ${done}/${total} ${label}\x1b[K`);
    if (done === total) process.stderr.write('\r\x1b[K');
  };
}
