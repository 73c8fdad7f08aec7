/** `pmo gate <project> [--to <phase>]`: the readiness checklist for a phase change. */
import { Command, Option } from 'commander';
import type { GateReadiness } from '../../gate.js';
import { palette, wantsColor, type Palette } from '../../output/color.js';
import { writeStdout } from '../../output/write.js';
import { parseDate, parseProjectId } from '../options.js';

interface GateFlags {
  cwd?: string;
  to?: string;
  today?: string;
  format: 'text' | 'json';
  cache: boolean;
  color?: boolean;
}

export function gateCommand(): Command {
  return new Command('gate')
    .description("check a project against the stage gates of its next phase (or of --to's)")
    .argument('<project>', 'the project id (its file name in projects/)', parseProjectId)
    .option('--to <phase>', 'the phase to check readiness for (default: the next one in the lifecycle)')
    .option('-C, --cwd <dir>', 'run as if started in <dir>')
    .option('--today <date>', 'the date to check against, YYYY-MM-DD (default: today)', parseDate)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--no-cache', 'parse every file afresh and leave the cache alone')
    .option('--color', 'force colour')
    .option('--no-color', 'never colour the output')
    .addHelpText(
      'after',
      `
Every criterion of the gates up to the target phase (pmo.yaml gates:) is judged as if the project were
already in that phase. Waived findings do not fail a criterion.

Examples:
  $ pmo gate crm-migration                 ready for the next phase?
  $ pmo gate crm-migration --to closing    ready to start closing?
  $ pmo gate crm-migration -f json

Exit codes: 0 ready, 1 not ready, 2 pmo could not do its job (no such project or phase).`,
    )
    .action(async (project: string, flags: GateFlags) => {
      // Loaded when used: `pmo check` should not pay for what only `pmo gate` needs.
      const { gateReadiness } = await import('../../gate.js');
      const readiness = await gateReadiness({ cwd: flags.cwd, project, to: flags.to, today: flags.today, cache: flags.cache });
      const chalk = await palette(flags.format === 'text' && wantsColor(process.stdout, flags.color));
      await writeStdout(flags.format === 'json' ? `${JSON.stringify(readiness, null, 2)}\n` : checklist(readiness, chalk));
      process.exitCode = readiness.ready ? 0 : 1;
    });
}

/** The readiness checklist as text (also shown by pmo update --phase and pmo close when a gate fails). */
export function checklist(r: GateReadiness, chalk: Palette): string {
  const out = [`${chalk.bold(r.project)}: readiness for ${chalk.bold(r.target)} (now in ${r.phase})`, ''];
  if (r.blocked) return `${[...out, `  ${chalk.red('✖')} ${r.blocked}`, '', chalk.red('✖ not ready')].join('\n')}\n`;
  if (r.criteria.length === 0) out.push(`  no gate up to ${r.target} has criteria (pmo.yaml gates:)`);
  let gate = '';
  for (const c of r.criteria) {
    if (c.gate !== gate) out.push(`  ${(gate = c.gate)} gate`);
    const waived = c.waived ? chalk.dim(` (${c.waived} waived)`) : '';
    out.push(`    ${c.passed ? chalk.green('✔') : chalk.red('✖')} ${c.criterion}${waived}`);
    for (const reason of c.reasons) out.push(`        ${chalk.dim(reason)}`);
  }
  const failing = r.criteria.filter((c) => !c.passed).length;
  out.push('', r.ready ? chalk.green(`✔ ready for ${r.target}`) : chalk.red(`✖ not ready: ${failing} of ${r.criteria.length} criteria fail`));
  return `${out.join('\n')}\n`;
}
