/** `pmo close <project>`: walks the closing checklist and sets the last phase when it and the gates pass. */
import { Command, InvalidArgumentError } from 'commander';
import { GateRefusal } from '../../errors.js';
import { DATE, isRealDate, todayIso } from '../../model/dates.js';
import { palette, wantsColor } from '../../output/color.js';
import { writeStderr, writeStdout } from '../../output/write.js';
import { parseDate, parseProjectId } from '../options.js';
import { checklist } from './gate.js';

interface CloseFlags {
  cwd?: string;
  actualEnd?: string;
  lesson: string[];
  finalReport?: string;
  record: Record<string, string>;
  today?: string;
  dryRun?: boolean;
  color?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `--record acceptance=records/apollo/acceptance.md`, repeatable: a record pmo.yaml requires, by its name. */
function collectRecord(value: string, previous: Record<string, string>): Record<string, string> {
  const match = /^([A-Za-z0-9_-]+)=(.+)$/.exec(value);
  if (!match) throw new InvalidArgumentError(`expected <name>=<path> (e.g. acceptance=records/apollo/acceptance.md), got '${value}'`);
  return { ...previous, [match[1]!]: match[2]! };
}

export function closeCommand(): Command {
  return new Command('close')
    .description('close a project: walk the closing checklist, then set the last phase when the gates pass')
    .argument('<project>', 'the project id (its file name in projects/)', parseProjectId)
    .option('-C, --cwd <dir>', 'run as if started in <dir>')
    .option('--actual-end <date>', 'the date the project ended, YYYY-MM-DD', parseDate)
    .option('--lesson <text>', 'a lesson learned (repeat it for several)', collect, [])
    .option('--final-report <path>', 'the final report (a file in the repository), recorded as records.final_report')
    .option('--record <name=path>', "a record pmo.yaml's records: require by the last phase, e.g. acceptance=records/apollo/acceptance.md (repeatable)", collectRecord, {})
    .option('--today <date>', 'the date to judge against, YYYY-MM-DD (default: today)', parseDate)
    .option('--dry-run', 'print the unified diff of the edit and write nothing (the checklist goes to stderr)')
    .option('--color', 'force colour')
    .option('--no-color', 'never colour the output')
    .addHelpText(
      'after',
      `
The checklist is every criterion pmo check judges once the project is closed: every deliverable accepted
(with who, when and the record), lessons learned, the final report, the actual end date, each record
pmo.yaml's records: require by then (--record <name>=<path>); then the gates up to the last phase, and any
other error the last phase would bring, judged on the project as closing leaves it. Items whose rules
pmo.yaml turns off are skipped. Nothing is written unless all pass; at a terminal, pmo asks for what the
flags leave open.

Examples:
  $ pmo close apollo --actual-end 2026-11-30 --lesson "Book vendor capacity early" --final-report records/apollo/final-report.md
  $ pmo close apollo --record acceptance=records/apollo/acceptance.md ...
  $ pmo close apollo --dry-run              the checklist, and the diff it would write
  $ pmo close apollo                        at a terminal: asks for what is missing

Exit codes: 0 closed (or shown), 1 an item or a gate fails (nothing written), 2 pmo could not do it (a
missing flag off a terminal, no such project, a file with YAML errors or changed meanwhile).`,
    )
    .action(async (project: string, flags: CloseFlags) => {
      const [{ openWorkspace }, { openProject }, { missingInputs, planClose }, { whenAsking, missingFlags }, { diffOf, writeChanges }] = await Promise.all([
        import('../../edit/workspace.js'),
        import('../../edit/update.js'),
        import('../../edit/close.js'),
        import('../../edit/prompt.js'),
        import('../../edit/changes.js'),
      ]);
      const today = flags.today ?? todayIso();
      const ws = await openWorkspace(flags.cwd);
      const request = { project, today, actualEnd: flags.actualEnd, lessons: flags.lesson, finalReport: flags.finalReport, records: { ...flags.record } };
      const opened = openProject(ws, project);
      const missing = missingInputs(ws, opened.edit.data, request);
      if (missing.length > 0) {
        const asked = await whenAsking(async (ask) => {
          if (missing.includes('actualEnd')) {
            request.actualEnd = await ask.ask('Actual end date', { default: today, check: (a) => (DATE.test(a) && isRealDate(a) ? undefined : 'a real date written YYYY-MM-DD, please') });
          }
          if (missing.includes('lessons')) {
            for (let lesson; (lesson = await ask.ask(`Lesson learned ${request.lessons.length + 1}${request.lessons.length ? ' (empty to finish)' : ''}`, { optional: request.lessons.length > 0 })); ) request.lessons.push(lesson);
          }
          if (missing.includes('finalReport')) request.finalReport = await ask.ask('Final report (a path in the repository)');
          for (const m of missing) if (typeof m === 'object') request.records[m.record] = await ask.ask(`Record '${m.record}' (a path in the repository)`);
          return true;
        });
        if (!asked) {
          const hints = { actualEnd: '--actual-end <YYYY-MM-DD>   the date the project ended', lessons: '--lesson "<text>"           a lesson learned (repeat for several)', finalReport: '--final-report <path>       the final report, a file in the repository' };
          throw missingFlags(`closing ${project}`, missing.map((m) => (typeof m === 'object' ? `--record ${m.record}=<path>`.padEnd(28) + `the '${m.record}' record pmo.yaml requires` : hints[m])));
        }
      }

      const plan = await planClose(ws, request, opened);
      const out = flags.dryRun ? (text: string) => void writeStderr(text) : writeStdout;
      const chalk = await palette(!flags.dryRun && wantsColor(process.stdout, flags.color));
      const lines = [`${chalk.bold(project)}: closing checklist`, ''];
      for (const item of plan.items) {
        lines.push(`  ${item.ok ? chalk.green('✔') : chalk.red('✖')} ${item.name}: ${item.detail}`);
        if (!item.ok && item.fix) lines.push(`      ${chalk.dim(`fix: ${item.fix}`)}`);
      }
      await out(`${lines.join('\n')}\n\n`);
      if (!plan.change) {
        const gateFails = plan.gate && !plan.gate.ready;
        if (gateFails) await out(checklist(plan.gate!, chalk));
        throw new GateRefusal(gateFails ? `${project} does not pass the gates to ${plan.target}; nothing was written` : `${project} cannot be closed until every item of the checklist passes; nothing was written`);
      }
      if (flags.dryRun) return writeStdout(diffOf([plan.change]));
      writeChanges(ws.root, [plan.change]);
      await writeStdout(`${chalk.green('✔')} ${project} is ${plan.target}: ${plan.change.path} updated\n`);
    });
}
