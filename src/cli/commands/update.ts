/** `pmo update <project>`: a weekly status update and the other routine edits, written in place, comments kept. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { askedDoubt, forcedDoubt } from '../../edit/doubt.js';
import { GateRefusal, PmoError, UsageError } from '../../errors.js';
import { todayIso } from '../../model/dates.js';
import { palette } from '../../output/color.js';
import { writeStderr, writeStdout } from '../../output/write.js';
import { oneOfChoices, parseAmount, parseDate, parseMonth, parseProjectId } from '../options.js';
import { checklist } from './gate.js';
import { isEmpty, missingValues, requestOf, type UpdateFlags } from '../update-request.js';

const collect = (value: string, previous: string[]) => [...previous, value];

/** The schema's RAG values, written out: importing the schema would load zod for every command at start-up. */
const RAG = ['green', 'amber', 'red'] as const;

function parseScore(value: string): number {
  if (!/^[1-5]$/.test(value)) throw new InvalidArgumentError(`expected a whole number from 1 to 5, got '${value}'`);
  return Number(value);
}

function parsePercent(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) > 100) throw new InvalidArgumentError(`expected a percentage from 0 to 100, got '${value}'`);
  return Number(value);
}

export function updateCommand(): Command {
  return updateOptions(new Command('update'))
    .addHelpText(
      'after',
      `
Edits keep the file as it is written: comments, blank lines, key order, quoting and line ends. The file is
replaced atomically, and not at all when it has YAML errors, changed meanwhile, or the edit would make it
invalid. At a terminal, pmo asks for what the flags leave open; with no flags, it asks what to record. A
status update carries the last one's schedule, cost and scope ratings unless given. What is likely a mistake
(a status update on a closed project, a phase moved back, a high-exposure risk with no mitigation) is asked
about at a terminal, and refused elsewhere unless --force.

Examples:
  $ pmo update apollo --overall amber --schedule red --summary "Vendor quota escalated" --next "Re-baseline M2"
  $ pmo update apollo --editor                          write this week's update in your editor
  $ pmo update apollo --milestone M2 --forecast 2026-12-15 --progress 70
  $ pmo update apollo --add-risk "Key engineer leaves" --probability 2 --impact 4 --owner jdoe
  $ pmo update apollo --close-issue I1
  $ pmo update apollo --change CR2 --decision approved --decided-by asmith
  $ pmo update apollo --overall green --by jdoe --accept D1 --decided-by asmith --record records/apollo/acceptance.md
  $ pmo update apollo --phase closing --dry-run         the gates, then the diff; nothing written
  $ pmo update apollo --hold "Budget freeze" --review-by 2027-01-15 --decided-by asmith
  $ pmo update apollo --resume --decided-by asmith
  $ pmo update apollo --cancel "Merged into hermes" --decided-by asmith
  $ pmo update apollo --phase planning --force          back to planning, on purpose
  $ pmo update apollo --budget-actual 350000 --budget-forecast 565000 --forecast-end 2026-12-31
  $ pmo update apollo --log-cost 2026-11 --amount 42000 --category labour --cost-note "Sprints 21-22"
  $ pmo update apollo --approve baseline --decided-by asmith --record records/apollo/baseline.md
  $ pmo update apollo --add-issue "Licences late" --severity high --owner bkim
  $ pmo update apollo --escalate-issue I2 --escalate-to asmith
  $ pmo update apollo --add-change "Add SSO" --cost-impact 25000 --schedule-impact 14 --rebaselines budget.baseline
  $ pmo update apollo --add-milestone "Pilot live" --baseline 2027-02-15
  $ pmo update apollo --add-deliverable "Pilot report" --milestone M3
  $ pmo update apollo --add-member bkim --role Engineer --allocation 50 --member-from 2026-12-01
  $ pmo update apollo --add-stakeholder "Finance ops" --interest high --influence medium
  $ pmo update apollo --kpi "Defects open" --value 12
  $ pmo update apollo --add-record minutes=records/apollo/minutes-2026-11-20.md
  $ pmo update --from week-47.yaml --dry-run           a week's updates for many projects: all or none
  $ pmo update apollo --from - < changes.json          entries without "project" are apollo's

--from reads a list of entries (YAML or JSON), each a map of the flags above without their dashes
(\`{ project: apollo, overall: amber, summary: ..., next: [...] }\`; \`add-risk\` or \`add_risk\`): every entry is
checked and planned before anything is written, several entries for one project are made in order on it,
and one bad entry (named with its line) writes no file.

Exit codes: 0 written (or shown), 1 a directive PMO's gate refuses the phase change, 2 pmo could not do it
(a bad flag or batch entry, no such project or item, a file with YAML errors or changed meanwhile, a likely
mistake without --force).`,
    )
    .action(async (project: string | undefined, flags: UpdateFlags) => {
      if (flags.from !== undefined) {
        const { runBatch } = await import('../update-batch.js');
        return runBatch(flags.from, project, flags);
      }
      if (project === undefined) throw new UsageError('pmo update needs the project: pmo update <project> [flags], or a batch with --from <file>');
      const [{ openWorkspace }, { planUpdate, openProject }, { whenAsking, missingFlags }, { askWhatToUpdate, askStatus, askRisk, editStatus }, { diffOf, writeChanges }] = await Promise.all([
        import('../../edit/workspace.js'),
        import('../../edit/update.js'),
        import('../../edit/prompt.js'),
        import('../../edit/update-ask.js'),
        import('../../edit/changes.js'),
      ]);
      const today = flags.today ?? todayIso();
      const ws = await openWorkspace(flags.cwd);
      const request = requestOf(project, flags, today);
      const opened = openProject(ws, project);
      const { edit } = opened;
      const needs = missingValues(request);

      if (flags.editor) {
        if (request.status) throw new UsageError('--editor writes the status update: give its values there, not as flags too');
        const status = editStatus({ ...request }, edit.data);
        if (!status) return writeStderr('pmo: the update was left unchanged; nothing was recorded');
        request.status = status;
        request.statusAsWritten = true;
      } else if (isEmpty(request) || needs.length > 0) {
        const asked = await whenAsking(async (ask) => {
          if (isEmpty(request)) await askWhatToUpdate(ask, request, edit.data, ws.config.lifecycle);
          if (request.status && !request.status.overall) await askStatus(ask, request, edit.data);
          if (request.addRisk && (!request.addRisk.probability || !request.addRisk.impact)) await askRisk(ask, request);
          if (request.change && !request.change.decision) request.change.decision = (await ask.ask('Decision', { choices: ['approved', 'rejected'] })) as 'approved' | 'rejected';
          return true;
        });
        if (!asked) {
          if (isEmpty(request)) throw missingFlags('pmo update', ['what to record: --overall <green|amber|red> (a status update), --milestone, --budget-actual, --add-risk, --add-issue, --add-change, --change, --approve, --accept, --phase... (pmo update --help)', 'or --editor to write a status update in $EDITOR', 'or --from <file> for a batch']);
          throw missingFlags(`pmo update ${project}`, needs);
        }
      }

      const before = structuredClone(edit.data);
      const plan = await planUpdate(ws, request, opened);
      if (plan.refused) {
        await writeStdout(checklist(plan.gate!, await palette(false)));
        throw new GateRefusal(plan.refused);
      }
      // Asked about first unless --force (or --dry-run, which writes nothing): then they are warnings.
      const asking = plan.doubts.length > 0 && !flags.force && !flags.dryRun;
      if (asking) await settleDoubts(plan.doubts.map(askedDoubt));
      const doubtsLeft = asking ? [] : plan.doubts.map(flags.force ? forcedDoubt : askedDoubt);
      for (const warning of [...plan.warnings, ...doubtsLeft]) writeStderr(`pmo: warning: ${warning}`);
      await warnOfFindings(ws.root, today, [{ path: plan.change!.path, before, after: edit.data }]);
      if (flags.dryRun) return writeStdout(diffOf([plan.change!]));
      writeChanges(ws.root, [plan.change!]);
      await writeStdout(`updated ${plan.change!.path}\n${plan.done.map((d) => `  ${d}`).join('\n')}\n`);
    });
}

/**
 * What pmo check will report once the edit is written and did not before, as warnings: the edit is the PM's to
 * make. A repository whose check cannot run (a broken rule file) gets no such warnings; pmo check says why.
 */
export async function warnOfFindings(root: string, today: string, files: ReadonlyArray<import('../../edit/new-findings.js').Judged>): Promise<void> {
  const { findingsBrought } = await import('../../edit/new-findings.js');
  const brought = await findingsBrought(root, today, files).catch((error: unknown) => {
    if (error instanceof PmoError) return [];
    throw error;
  });
  for (const finding of brought) writeStderr(`pmo: warning: once written, pmo check reports ${finding}`);
}

/** Likely mistakes: at a terminal the PM says whether to write anyway; elsewhere nothing is written. */
export async function settleDoubts(doubts: readonly string[]): Promise<void> {
  const { whenAsking } = await import('../../edit/prompt.js');
  const go = await whenAsking(async (ask) => {
    for (const doubt of doubts) process.stderr.write(`pmo: ${doubt}\n`);
    return ask.confirm('Write it anyway?', false);
  });
  if (go === false) throw new UsageError('nothing was written');
  if (go === undefined) throw new UsageError(`${doubts.join('\n')}\nnothing was written`);
}

/**
 * The flags of \`pmo update\`, on the command and on the parser of each \`--from\` entry (update-batch.ts):
 * one definition, so a batch entry takes exactly what the command line takes, with the same checks.
 */
export function updateOptions(command: Command): Command {
  return command
    .description("record a project's routine changes in its file: a weekly status update, money and dates, milestones, risks, issues, change requests, sign-offs, acceptance, people, KPIs, records, the phase")
    .argument('[project]', 'the project id (its file name in projects/); with --from, the project of entries that name none', parseProjectId)
    .option('-C, --cwd <dir>', 'run as if started in <dir>')
    .addOption(new Option('--overall <rag>', 'status update: the overall rating: green, amber or red').argParser(oneOfChoices(RAG)))
    .addOption(new Option('--schedule <rag>', 'status update: the schedule rating: green, amber or red').argParser(oneOfChoices(RAG)))
    .addOption(new Option('--cost <rag>', 'status update: the cost rating: green, amber or red').argParser(oneOfChoices(RAG)))
    .addOption(new Option('--scope <rag>', 'status update: the scope rating: green, amber or red').argParser(oneOfChoices(RAG)))
    .option('--summary <text>', 'status update: what happened, in a sentence or two')
    .option('--next <step>', 'status update: a next step (repeat it for several)', collect, [])
    .option('--budget-actual <amount>', 'budget: spent to date (budget.actual)', parseAmount)
    .option('--budget-forecast <amount>', 'budget: the estimate at completion (budget.forecast)', parseAmount)
    .option('--forecast-end <date>', "the project's forecast end date (dates.forecast_end)", parseDate)
    .option('--log-cost <month>', "log a cost of a month, YYYY-MM, in the project's cost log (with --amount, --category; --vendor, --cost-note)", parseMonth)
    .option('--amount <amount>', 'the logged cost\'s amount', parseAmount)
    .option('--category <name>', "the logged cost's category: labour, vendor, licences, travel, other, or one of pmo.yaml's cost_categories")
    .option('--vendor <name>', "the vendor the logged cost was paid to (one of the project's vendors)")
    .option('--cost-note <text>', 'a note on the logged cost')
    .option('--milestone <id>', 'the milestone --forecast, --actual and --progress set (with --add-deliverable alone: the deliverable\'s)')
    .option('--forecast <date>', "the milestone's forecast date", parseDate)
    .option('--actual <date>', 'the date the milestone was reached', parseDate)
    .option('--progress <percent>', "the milestone's percent complete", parsePercent)
    .option('--add-milestone <name>', 'add a milestone (with --baseline <date>, and --weight)')
    .option('--baseline <date>', "the new milestone's baseline date", parseDate)
    .option('--weight <n>', "the new milestone's weight in earned value", parseAmount)
    .option('--add-deliverable <name>', 'add a deliverable, acceptance pending (--milestone <id>: the milestone it belongs to)')
    .option('--add-risk <title>', 'add a risk (with --probability, --impact, and --owner, --mitigation)')
    .option('--probability <1-5>', "the new risk's probability", parseScore)
    .option('--impact <1-5>', "the new risk's impact", parseScore)
    .option('--owner <person>', 'who owns the new risk or issue')
    .option('--mitigation <text>', "the new risk's mitigation")
    .option('--close-risk <id>', 'close a risk')
    .option('--add-issue <title>', 'raise an open issue (raised on --date; --owner, --severity)')
    .addOption(new Option('--severity <level>', "the new issue's severity: low, medium, high or critical").argParser(oneOfChoices(['low', 'medium', 'high', 'critical'] as const)))
    .option('--escalate-issue <id>', 'escalate an open issue (to --escalate-to, on --date)')
    .option('--escalate-to <person>', 'who the issue is escalated to')
    .option('--close-issue <id>', 'resolve an issue: closed, resolved on --date')
    .addOption(new Option('--resolve-issue <id>').hideHelp())
    .option('--add-change <title>', 'raise a change request, proposed (--cost-impact, --schedule-impact, --rebaselines)')
    .option('--cost-impact <amount>', "the change's cost impact (negative for a saving)", parseSignedAmount)
    .option('--schedule-impact <days>', "the change's schedule impact in days", parseSignedWhole)
    .option('--rebaselines <baselines>', 'the baselines the change would move once approved: budget.baseline, dates.baseline_end, milestone ids (comma-separated)', collectList, [])
    .option('--change <id>', 'the change request --decision decides')
    .addOption(new Option('--decision <decision>', 'the change request decision (decided by --decided-by on --date): approved or rejected').argParser(oneOfChoices(['approved', 'rejected'] as const, { approve: 'approved', reject: 'rejected' })))
    .option('--approve <name>', 'record a sign-off the gates look for, charter or baseline (by --decided-by on --date; --record)', parseApprovalName)
    .option('--accept <deliverable>', 'record a deliverable as accepted (by --decided-by on --date, --record)')
    .option('--record <path>', 'the record of the acceptance or sign-off (a file in the repository)')
    .option('--add-member <person>', 'add a team member (--allocation <percent>, --role, --member-from, --member-to)')
    .option('--role <text>', "the team member's role")
    .option('--allocation <percent>', "the share of the team member's time", parsePercent)
    .option('--member-from <date>', 'when the allocation starts (default: the project start)', parseDate)
    .option('--member-to <date>', 'when the allocation ends (default: the project end)', parseDate)
    .option('--add-stakeholder <name>', 'add a stakeholder (--interest, --influence, --communication)')
    .addOption(new Option('--interest <level>', "the stakeholder's interest: low, medium or high").argParser(oneOfChoices(['low', 'medium', 'high'] as const)))
    .addOption(new Option('--influence <level>', "the stakeholder's influence: low, medium or high").argParser(oneOfChoices(['low', 'medium', 'high'] as const)))
    .option('--communication <text>', 'how and how often the stakeholder is kept informed')
    .option('--kpi <name>', "a KPI's reading (--value; --target adds a KPI not there yet)")
    .option('--value <number>', "the KPI's reading", parseSignedAmount)
    .option('--target <number>', "the KPI's target", parseSignedAmount)
    .option('--add-record <name=path>', 'add a record (minutes=records/apollo/minutes-2026-11-20.md; repeatable)', collect, [])
    .option('--phase <phase>', 'move the project to a phase of the lifecycle (the gates are checked first)')
    .option('--hold <reason>', 'put the project on hold from --date (decided by --decided-by; review by --review-by)')
    .option('--review-by <date>', 'when the hold is to be reviewed, YYYY-MM-DD', parseDate)
    .option('--resume', 'end the hold on --date (decided by --decided-by)')
    .option('--cancel <reason>', 'cancel the project on --date (decided by --decided-by); a hold ends with it')
    .option('--by <person>', 'who gives the status update (alone, without one: who decided, as --decided-by)')
    .option('--decided-by <person>', 'who decided the change request, sign-off, hold, resume or cancel, or accepted the deliverable')
    .option('--date <date>', 'the date to record, YYYY-MM-DD (default: today)', parseDate)
    .option('--today <date>', 'the date gates are judged on, YYYY-MM-DD (default: today)', parseDate)
    .option('--from <file>', 'a batch of updates, YAML or JSON (- for stdin): all written, or none')
    .option('--editor', 'write the status update in $EDITOR, prefilled from the last one')
    .option('--dry-run', 'print the unified diff of the edit and write nothing')
    .option('--force', 'write what pmo would ask about first: an update on a closed project, a phase moved back, a high-exposure risk with no mitigation');
}

const collectList = (value: string, previous: string[]) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

function parseSignedAmount(value: string): number {
  if (!/^-?\d+(\.\d+)?$/.test(value)) throw new InvalidArgumentError(`expected a number (digits, no separators; - for a negative), got '${value}'`);
  return Number(value);
}

function parseSignedWhole(value: string): number {
  if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError(`expected a whole number of days (- for earlier), got '${value}'`);
  return Number(value);
}

/** An approval's name is a key of \`approvals:\` (charter, baseline, or the PMO's own). */
function parseApprovalName(value: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(value)) throw new InvalidArgumentError(`expected an approval name such as charter or baseline (lowercase letters, digits, _), got '${value}'`);
  return value;
}
