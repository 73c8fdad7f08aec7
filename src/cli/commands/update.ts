/** `pmo update <project>`: a weekly status update and the other routine edits, written in place, comments kept. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { GateRefusal, UsageError } from '../../errors.js';
import { todayIso } from '../../model/dates.js';
import { palette } from '../../output/color.js';
import { writeStderr, writeStdout } from '../../output/write.js';
import { oneOfChoices, parseDate, parseProjectId } from '../options.js';
import { checklist } from './gate.js';

interface UpdateFlags {
  cwd?: string;
  today?: string;
  date?: string;
  by?: string;
  decidedBy?: string;
  force?: boolean;
  overall?: string;
  schedule?: string;
  cost?: string;
  scope?: string;
  summary?: string;
  next: string[];
  milestone?: string;
  forecast?: string;
  actual?: string;
  progress?: number;
  addRisk?: string;
  probability?: number;
  impact?: number;
  owner?: string;
  mitigation?: string;
  closeRisk?: string;
  addIssue?: string;
  closeIssue?: string;
  change?: string;
  decision?: 'approved' | 'rejected';
  accept?: string;
  record?: string;
  phase?: string;
  hold?: string;
  reviewBy?: string;
  resume?: boolean;
  cancel?: string;
  editor?: boolean;
  dryRun?: boolean;
}

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
  return new Command('update')
    .description("record a project's routine changes in its file: a weekly status update, milestone dates and progress, risks and issues, change decisions, acceptance, the phase")
    .argument('<project>', 'the project id (its file name in projects/)', parseProjectId)
    .option('-C, --cwd <dir>', 'run as if started in <dir>')
    .addOption(new Option('--overall <rag>', 'status update: the overall rating: green, amber or red').argParser(oneOfChoices(RAG)))
    .addOption(new Option('--schedule <rag>', 'status update: the schedule rating: green, amber or red').argParser(oneOfChoices(RAG)))
    .addOption(new Option('--cost <rag>', 'status update: the cost rating: green, amber or red').argParser(oneOfChoices(RAG)))
    .addOption(new Option('--scope <rag>', 'status update: the scope rating: green, amber or red').argParser(oneOfChoices(RAG)))
    .option('--summary <text>', 'status update: what happened, in a sentence or two')
    .option('--next <step>', 'status update: a next step (repeat it for several)', collect, [])
    .option('--milestone <id>', 'the milestone --forecast, --actual and --progress set')
    .option('--forecast <date>', "the milestone's forecast date", parseDate)
    .option('--actual <date>', 'the date the milestone was reached', parseDate)
    .option('--progress <percent>', "the milestone's percent complete", parsePercent)
    .option('--add-risk <title>', 'add a risk (with --probability, --impact, and --owner, --mitigation)')
    .option('--probability <1-5>', "the new risk's probability", parseScore)
    .option('--impact <1-5>', "the new risk's impact", parseScore)
    .option('--owner <person>', 'who owns the new risk or issue')
    .option('--mitigation <text>', "the new risk's mitigation")
    .option('--close-risk <id>', 'close a risk')
    .option('--add-issue <title>', 'add an open issue (raised on --date; --owner)')
    .option('--close-issue <id>', 'close an issue (resolved on --date)')
    .option('--change <id>', 'the change request --decision decides')
    .addOption(new Option('--decision <decision>', 'the change request decision (decided by --decided-by on --date): approved or rejected').argParser(oneOfChoices(['approved', 'rejected'] as const, { approve: 'approved', reject: 'rejected' })))
    .option('--accept <deliverable>', 'record a deliverable as accepted (by --decided-by on --date, --record)')
    .option('--record <path>', 'the acceptance record (a file in the repository)')
    .option('--phase <phase>', 'move the project to a phase of the lifecycle (the gates are checked first)')
    .option('--hold <reason>', 'put the project on hold from --date (decided by --decided-by; review by --review-by)')
    .option('--review-by <date>', 'when the hold is to be reviewed, YYYY-MM-DD', parseDate)
    .option('--resume', 'end the hold on --date (decided by --decided-by)')
    .option('--cancel <reason>', 'cancel the project on --date (decided by --decided-by); a hold ends with it')
    .option('--by <person>', 'who gives the status update (alone, without one: who decided, as --decided-by)')
    .option('--decided-by <person>', 'who decided the change request, the hold, resume or cancel, or accepted the deliverable')
    .option('--date <date>', 'the date to record, YYYY-MM-DD (default: today)', parseDate)
    .option('--today <date>', 'the date gates are judged on, YYYY-MM-DD (default: today)', parseDate)
    .option('--editor', 'write the status update in $EDITOR, prefilled from the last one')
    .option('--dry-run', 'print the unified diff of the edit and write nothing')
    .option('--force', 'write what pmo would ask about first: an update on a closed project, a phase moved back, a high-exposure risk with no mitigation')
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

Exit codes: 0 written (or shown), 1 a directive PMO's gate refuses the phase change, 2 pmo could not do it
(a bad flag, no such project or item, a file with YAML errors or changed meanwhile, a likely mistake
without --force).`,
    )
    .action(async (project: string, flags: UpdateFlags) => {
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
          if (isEmpty(request)) throw missingFlags('pmo update', ['what to record: --overall <green|amber|red> (a status update), --milestone, --add-risk, --close-risk, --add-issue, --close-issue, --change, --accept or --phase (pmo update --help)', 'or --editor to write a status update in $EDITOR']);
          throw missingFlags(`pmo update ${project}`, needs);
        }
      }
      for (const [path, flag] of [[request.accept?.record, '--record']] as const) {
        if (path && !existsSync(join(ws.root, path))) throw new UsageError(`${flag} ${path}: no such file in the repository; add the record first`);
      }

      const plan = await planUpdate(ws, request, opened);
      if (plan.refused) {
        await writeStdout(checklist(plan.gate!, await palette(false)));
        throw new GateRefusal(plan.refused);
      }
      // Asked about first unless --force (or --dry-run, which writes nothing): then they are warnings.
      const asking = plan.doubts.length > 0 && !flags.force && !flags.dryRun;
      if (asking) await settleDoubts(plan.doubts);
      for (const warning of [...plan.warnings, ...(asking ? [] : plan.doubts)]) writeStderr(`pmo: warning: ${warning}`);
      if (flags.dryRun) return writeStdout(diffOf([plan.change!]));
      writeChanges(ws.root, [plan.change!]);
      await writeStdout(`updated ${plan.change!.path}\n${plan.done.map((d) => `  ${d}`).join('\n')}\n`);
    });
}

type Request = import('../../edit/update.js').UpdateRequest;

/** Likely mistakes: at a terminal the PM says whether to write anyway; elsewhere nothing is written. */
async function settleDoubts(doubts: readonly string[]): Promise<void> {
  const { whenAsking } = await import('../../edit/prompt.js');
  const go = await whenAsking(async (ask) => {
    for (const doubt of doubts) process.stderr.write(`pmo: ${doubt}\n`);
    return ask.confirm('Write it anyway?', false);
  });
  if (go === false) throw new UsageError('nothing was written');
  if (go === undefined) throw new UsageError(`${doubts.join('\n')}\nnothing was written`);
}

function requestOf(project: string, flags: UpdateFlags, today: string): Request {
  const date = flags.date ?? today;
  const statusGiven = flags.overall || flags.schedule || flags.cost || flags.scope || flags.summary || flags.next.length > 0;
  const request: Request = { project, date, today, ...(flags.by ? { by: flags.by } : {}), ...decider(flags, Boolean(statusGiven || flags.editor)) };
  if (statusGiven) {
    request.status = { date, overall: flags.overall ?? '', schedule: flags.schedule, cost: flags.cost, scope: flags.scope, summary: flags.summary, next: flags.next };
    if (flags.by) request.status.by = flags.by;
  }
  const milestoneGiven = flags.forecast !== undefined || flags.actual !== undefined || flags.progress !== undefined;
  if (milestoneGiven && !flags.milestone) throw new UsageError('--forecast, --actual and --progress set a milestone: name it with --milestone <id>');
  if (flags.milestone) {
    if (!milestoneGiven) throw new UsageError(`--milestone ${flags.milestone}: give --forecast, --actual or --progress`);
    if (flags.actual && flags.actual > today) throw new UsageError(`--actual ${flags.actual} is in the future (today is ${today}): an actual date records what happened`);
    request.milestone = { id: flags.milestone, forecast: flags.forecast, actual: flags.actual, progress: flags.progress };
  }
  const riskGiven = flags.probability !== undefined || flags.impact !== undefined || flags.mitigation !== undefined;
  if (riskGiven && !flags.addRisk) throw new UsageError('--probability, --impact and --mitigation describe a new risk: give its title with --add-risk');
  if (flags.owner && !flags.addRisk && !flags.addIssue) throw new UsageError('--owner names who owns a new risk or issue: give --add-risk or --add-issue');
  if (flags.addRisk) request.addRisk = { title: flags.addRisk, probability: flags.probability ?? 0, impact: flags.impact ?? 0, owner: flags.owner, mitigation: flags.mitigation };
  if (flags.closeRisk) request.closeRisk = flags.closeRisk;
  if (flags.addIssue) request.addIssue = { title: flags.addIssue, owner: flags.owner };
  if (flags.closeIssue) request.closeIssue = flags.closeIssue;
  if (flags.decision && !flags.change) throw new UsageError('--decision decides a change request: name it with --change <id>');
  if (flags.change) request.change = { id: flags.change, decision: flags.decision! };
  if (flags.record && !flags.accept) throw new UsageError('--record is the acceptance record of --accept <deliverable>');
  if (flags.accept) request.accept = { id: flags.accept, record: flags.record };
  if (flags.phase) request.phase = flags.phase;
  if (flags.reviewBy && !flags.hold) throw new UsageError('--review-by is the review date of --hold <reason>');
  if (flags.hold) {
    if (!flags.reviewBy) throw new UsageError('--hold needs the date the decision is to be reviewed: --review-by <date>');
    request.hold = { reason: flags.hold, reviewBy: flags.reviewBy };
  }
  if (flags.resume) request.resume = true;
  if (flags.cancel) request.cancel = { reason: flags.cancel };
  return request;
}

/**
 * Who decided: --decided-by; or --by when the command records no status update, whose author --by would
 * otherwise be (the two are often different people, and one flag must not set both).
 */
function decider(flags: UpdateFlags, statusGiven: boolean): { decidedBy?: string } {
  const decides = Boolean(flags.change || flags.accept || flags.hold || flags.resume || flags.cancel);
  if (flags.decidedBy && !decides) throw new UsageError('--decided-by names who decided a change request (--change), an acceptance (--accept), a hold, resume or cancel: give one');
  if (flags.decidedBy) return { decidedBy: flags.decidedBy };
  if (!decides || !flags.by) return {};
  if (statusGiven) throw new UsageError("--by names the status update's author: say who decided with --decided-by <person> (it may be the same person)");
  return { decidedBy: flags.by };
}

function isEmpty(r: Request): boolean {
  return !r.status && !r.milestone && !r.addRisk && !r.closeRisk && !r.addIssue && !r.closeIssue && !r.change && !r.accept && r.phase === undefined && !r.hold && !r.resume && !r.cancel;
}

/** Values the request names but lacks, as the flags that give them. */
function missingValues(r: Request): string[] {
  const needs: string[] = [];
  if (r.status && !r.status.overall) needs.push('--overall <green|amber|red>   (every status update has an overall rating)');
  if (r.addRisk && !r.addRisk.probability) needs.push('--probability <1-5>');
  if (r.addRisk && !r.addRisk.impact) needs.push('--impact <1-5>');
  if (r.change && !r.change.decision) needs.push('--decision <approved|rejected>');
  return needs;
}
