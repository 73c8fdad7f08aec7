/** `pmo status`: the terminal dashboard, one row per project. */
import { Command, Option } from 'commander';
import { palette, wantsColor } from '../../output/color.js';
import type { WeeklyModel } from '../../output/reports/model/index.js';
import { writeStdout } from '../../output/write.js';
import { UsageError } from '../../errors.js';
import { didYouMean } from '../../model/suggest.js';
import { oneOfChoices, parseDate } from '../options.js';

interface StatusFlags {
  cwd?: string;
  today?: string;
  phase?: string[];
  manager?: string[];
  status?: string[];
  all: boolean;
  format: 'table' | 'json';
  cache: boolean;
  color?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').filter(Boolean)];

const STATUSES = ['green', 'amber', 'red', 'none'] as const;
const statusOf = oneOfChoices(STATUSES);
/** `--status red,amber`: each value one of STATUSES, in any case. */
const collectStatus = (value: string, previous: string[] = []) => [...previous, ...value.split(',').filter(Boolean).map((v) => statusOf(v))];

/** A filter value that names nothing there is can only be a typo: say so, rather than "no project matches". */
function assertKnown(flag: string, given: readonly string[] | undefined, known: readonly string[]): void {
  const unknown = (given ?? []).find((value) => !known.includes(value));
  if (unknown !== undefined) throw new UsageError(`${flag} ${unknown}: no such value here (${known.join(', ')})${didYouMean(unknown, known)}`);
}

export function statusCommand(): Command {
  return new Command('status')
    .description('the portfolio at a glance: one row per project with RAG, phase, SPI, CPI, next milestone, update age, findings')
    .option('--phase <phase>', 'only projects in this phase (repeat or comma-separate for several)', collect)
    .option('--manager <id>', 'only projects this person manages (repeatable)', collect)
    .addOption(new Option('--status <rag>', 'only projects whose overall status is this: green, amber, red or none (repeatable)').argParser(collectStatus))
    .option('-a, --all', 'include closed projects', false)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--today <date>', 'the date to judge against, YYYY-MM-DD (default: today)', parseDate)
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

Exit codes: 0 shown (findings do not fail it), 2 pmo could not do its job (a bad flag or filter value, no
pmo.yaml).`,
    )
    .action(async (flags: StatusFlags) => {
      const { buildReport } = await import('../../report.js');
      const { dashboard, sortForDashboard } = await import('../../output/dashboard.js');
      const report = await buildReport({ cwd: flags.cwd, kind: 'weekly', today: flags.today, cache: flags.cache });
      const model = report.model as WeeklyModel;
      assertKnown('--phase', flags.phase, model.summary.by_phase.map((p) => p.phase));
      const projects = model.projects.filter(
        (p) =>
          (flags.all || !p.closed) &&
          (!flags.phase || flags.phase.includes(p.phase)) &&
          (!flags.manager || flags.manager.includes(p.manager.id)) &&
          (!flags.status || flags.status.includes(p.rag.overall ?? 'none')),
      );
      if (flags.format === 'json') {
        await writeStdout(`${JSON.stringify(sortForDashboard(projects), null, 2)}\n`);
        return;
      }
      const chalk = await palette(wantsColor(process.stdout, flags.color));
      const width = process.stdout.isTTY ? (process.stdout.columns ?? 80) : 80;
      const left = model.left_out.length
        ? `\n${chalk.yellow(`${model.left_out.length} left out (YAML or schema errors, see pmo check): ${model.left_out.map((l) => l.file).join(', ')}`)}\n`
        : '';
      await writeStdout((model.projects.length === 0 ? 'no projects yet (projects/ has none)\n' : projects.length === 0 ? 'no project matches\n' : `${dashboard(projects, chalk, width)}\n`) + left);
    });
}
