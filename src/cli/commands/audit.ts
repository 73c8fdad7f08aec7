/** `pmo audit record|action|done|verify|drop`: audits and the corrective and preventive actions on their findings. */
import { Command, InvalidArgumentError } from 'commander';
import { UsageError } from '../../errors.js';
import { todayIso } from '../../model/dates.js';
import { ITEM_ID, PROJECT_ID } from '../../model/ids.js';
import { writeStdout } from '../../output/write.js';
import { parseDate } from '../options.js';
import type { AuditEdit } from '../../edit/audit-edits.js';

interface Common {
  cwd?: string;
  date?: string;
  dryRun?: boolean;
}

const parseAuditId = (value: string) => {
  if (!PROJECT_ID.test(value)) throw new InvalidArgumentError(`expected an audit id (lowercase letters, digits and dashes, e.g. 2026-q3), got '${value}'`);
  return value;
};

const parseItemId = (what: string) => (value: string) => {
  if (!ITEM_ID.test(value)) throw new InvalidArgumentError(`expected ${what} id (capital letters then digits, e.g. ${what === 'a finding' ? 'F1' : 'A1'}), got '${value}'`);
  return value;
};

/** `--scope all` or `--scope a,b` (repeatable): the projects an audit covers. */
function collectScope(value: string, previous: string[]): string[] {
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const id of ids) if (id !== 'all' && !PROJECT_ID.test(id)) throw new InvalidArgumentError(`expected all or project ids, got '${id}'`);
  return [...previous, ...ids];
}

const EXIT_CODES = `
Exit codes: 0 written (or shown with --dry-run), 2 pmo could not do it (no such audit, finding, action or
person; an edit that would leave the file invalid; a file with YAML errors or changed meanwhile): nothing
is written then.`;

const common = (command: Command) =>
  command
    .option('-C, --cwd <dir>', 'run as if started in <dir>')
    .option('--date <date>', 'the date to record, YYYY-MM-DD (default: today)', parseDate)
    .option('--dry-run', 'print the unified diff of the edit and write nothing');

export function auditCommand(): Command {
  const audit = new Command('audit')
    .description('record audits and follow their corrective and preventive actions to closure')
    .addHelpText('after', `
The audit cycle (docs/audits.md): record an audit (pmo audit record), give each finding an action (pmo
audit action), mark it done (pmo audit done), verify that it worked (pmo audit verify), and audit again:
pmo check reports overdue and unverified actions, findings without one, and findings that recur after
their action was verified effective.

Examples:
  $ pmo audit record --auditor kweber
  $ pmo audit action 2026-11-20 F3 --owner tnguyen --due 2026-12-04 --what "Post the weekly status"
  $ pmo audit done 2026-11-20 A1
  $ pmo audit verify 2026-11-20 A1 --by kweber --effective --note "Three updates on time"
${EXIT_CODES}`);
  audit.addCommand(recordCommand());
  audit.addCommand(actionCommand());
  audit.addCommand(editCommand('done', 'mark an open action done (on --date, default today)', (action) => ({ kind: 'done', action, date: '' }), []));
  audit.addCommand(verifyCommand());
  audit.addCommand(dropCommand());
  return audit;
}

function recordCommand(): Command {
  return common(new Command('record'))
    .description("freeze today's findings of pmo check into a new audit file (audits/<id>.yaml)")
    .option('--id <id>', 'the audit id, its file name (default: the date)', parseAuditId)
    .option('--auditor <person>', 'who audits (a person id from people.yaml)')
    .option('--scope <projects>', 'all (the default), or the project ids audited, comma-separated (repeatable)', collectScope, [])
    .option('--title <text>', 'what the audit is about')
    .addHelpText('after', `
Records the errors and warnings pmo check reports today (not waived ones, nor the audits' own), with
their rule, project, file, item, message and fingerprint: the identity the SARIF and GitLab formats give
a finding, which stays the same across runs on unchanged data. Findings with no rule can be added to the
file by hand (id, message, severity, project).

Examples:
  $ pmo audit record --auditor kweber
  $ pmo audit record --id 2026-q4 --auditor kweber --scope crm-migration,expense-app --title "Q4 records audit"
  $ pmo audit record --auditor kweber --dry-run      the new file as a diff; nothing written

Exit codes: 0 recorded (or shown), 2 pmo could not do it (an audit with that id exists, an unknown
auditor or project, a broken pmo.yaml).`)
    .action(async (flags: Common & { id?: string; auditor?: string; scope: string[]; title?: string }) => {
      if (!flags.auditor) throw new UsageError('pmo audit record needs --auditor <person>: who audits (a person id from people.yaml)');
      const date = flags.date ?? todayIso();
      const scope = flags.scope.length === 0 || flags.scope.includes('all') ? 'all' : [...new Set(flags.scope)];
      const [{ openWorkspace }, { planRecord }, { check }, { idOfFile }] = await Promise.all([
        import('../../edit/workspace.js'),
        import('../../edit/audit-record.js'),
        import('../../check.js'),
        import('../../layout.js'),
      ]);
      const ws = await openWorkspace(flags.cwd);
      const result = await check({ cwd: ws.root, today: date });
      const projects = result.files.filter((f) => f.startsWith('projects/')).map(idOfFile);
      const request = { id: flags.id ?? date, date, auditor: flags.auditor, scope: scope as 'all' | string[], title: flags.title, findings: result.findings };
      const plan = planRecord(ws, request, projects);
      await write(ws.root, plan.change, flags.dryRun, `recorded ${plan.change.path}: ${plan.count} finding${plan.count === 1 ? '' : 's'} from pmo check`);
    });
}

function actionCommand(): Command {
  return common(new Command('action'))
    .description('add a corrective (or --preventive) action to an audit finding')
    .argument('<audit>', 'the audit id (its file name in audits/)', parseAuditId)
    .argument('<finding>', 'the finding id in the audit (F1...)', parseItemId('a finding'))
    .option('--owner <person>', 'who does it (a person id from people.yaml)')
    .option('--due <date>', 'when it must be done, YYYY-MM-DD', parseDate)
    .option('--what <text>', 'what will be done')
    .option('--preventive', 'a preventive action (against the cause) instead of a corrective one')
    .addHelpText('after', `
Examples:
  $ pmo audit action 2026-q3 F1 --owner tnguyen --due 2026-12-04 --what "Post the missing status updates"
  $ pmo audit action 2026-q3 F1 --preventive --owner kweber --due 2026-12-31 --what "Friday status reminder"
${EXIT_CODES}`)
    .action(async (audit: string, finding: string, flags: Common & { owner?: string; due?: string; what?: string; preventive?: boolean }) => {
      const missing = [!flags.owner && '--owner <person>', !flags.due && '--due <date>', !flags.what && '--what <text>'].filter(Boolean);
      if (missing.length > 0) throw new UsageError(`pmo audit action needs ${missing.join(', ')}`);
      await editAudit(flags, audit, { kind: 'action', finding, type: flags.preventive ? 'preventive' : 'corrective', what: flags.what!, owner: flags.owner!, due: flags.due! });
    });
}

function verifyCommand(): Command {
  return editCommand('verify', 'record whether a done action worked (--effective or --not-effective)', (action) => ({ kind: 'verify', action, date: '', by: '', effective: true }), [
    ['--by <person>', 'who verified it (a person id from people.yaml)'],
    ['--effective', 'the finding is gone and stays gone'],
    ['--not-effective', 'it did not work: the finding needs a new action'],
    ['--note <text>', 'what was seen'],
  ]);
}

function dropCommand(): Command {
  return editCommand('drop', 'drop an open or done action, saying why', (action) => ({ kind: 'drop', action, reason: '' }), [['--reason <text>', 'why it is dropped']]);
}

/** done, verify and drop: one action of one audit, named by its id. */
function editCommand(name: string, description: string, base: (action: string) => AuditEdit, options: Array<[string, string]>): Command {
  const command = common(new Command(name)).description(description)
    .argument('<audit>', 'the audit id (its file name in audits/)', parseAuditId)
    .argument('<action>', 'the action id in the audit (A1...)', parseItemId('an action'));
  for (const [flag, about] of options) command.option(flag, about);
  return command
    .addHelpText('after', `
Examples:
  $ pmo audit ${name} 2026-q3 A1${name === 'verify' ? ' --by kweber --effective --note "Three updates on time"' : name === 'drop' ? ' --reason "Replaced by A3"' : ' --date 2026-11-18'}
  $ pmo audit ${name} 2026-q3 A1 --dry-run${name === 'verify' ? ' --by kweber --not-effective' : name === 'drop' ? ' --reason "Replaced by A3"' : ''}
${EXIT_CODES}`)
    .action(async (audit: string, action: string, flags: Common & { by?: string; effective?: boolean; notEffective?: boolean; note?: string; reason?: string }) => {
      const request = { ...base(action), date: flags.date ?? todayIso() } as AuditEdit;
      if (request.kind === 'verify') {
        if (!flags.by) throw new UsageError('pmo audit verify needs --by <person>: who verified it');
        if (flags.effective === flags.notEffective) throw new UsageError('pmo audit verify needs one of --effective or --not-effective: did the action work?');
        Object.assign(request, { by: flags.by, effective: flags.effective === true, ...(flags.note ? { note: flags.note } : {}) });
      }
      if (request.kind === 'drop') {
        if (!flags.reason) throw new UsageError('pmo audit drop needs --reason <text>: why the action is dropped');
        request.reason = flags.reason;
      }
      await editAudit(flags, audit, request);
    });
}

async function editAudit(flags: Common, audit: string, request: AuditEdit): Promise<void> {
  const [{ openWorkspace }, { planAuditEdit }] = await Promise.all([import('../../edit/workspace.js'), import('../../edit/audit-edits.js')]);
  const ws = await openWorkspace(flags.cwd);
  const plan = planAuditEdit(ws, audit, request);
  await write(ws.root, plan.change, flags.dryRun, `updated ${plan.change.path}\n  ${plan.done}`);
}

async function write(root: string, change: import('../../edit/changes.js').FileChange, dryRun: boolean | undefined, said: string): Promise<void> {
  const { diffOf, writeChanges } = await import('../../edit/changes.js');
  if (dryRun) return writeStdout(diffOf([change]));
  writeChanges(root, [change]);
  await writeStdout(`${said}\n`);
}
