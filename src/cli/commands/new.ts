/** `pmo new project|request <id>`: a new file from the PMO's template, valid against the schema on creation. */
import { Command, InvalidArgumentError } from 'commander';
import { UsageError } from '../../errors.js';
import { todayIso } from '../../model/dates.js';
import { writeStdout } from '../../output/write.js';
import { parseDate } from '../options.js';

interface CommonFlags {
  cwd?: string;
  name?: string;
  description?: string;
  goal: string[];
  set: string[];
  today?: string;
  dryRun?: boolean;
}

interface ProjectFlags extends CommonFlags {
  manager?: string;
  sponsor?: string;
  start?: string;
  phase?: string;
  priority?: number;
}

interface RequestFlags extends CommonFlags {
  requestedBy?: string;
  cost?: number;
  months?: number;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function parseSet(value: string, previous: string[]): string[] {
  if (!/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*=/.test(value)) throw new InvalidArgumentError(`expected field=value (e.g. department=IT), got '${value}'`);
  return [...previous, value];
}

function parseNumber(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value)) throw new InvalidArgumentError(`expected a number, 0 or more, got '${value}'`);
  return Number(value);
}

function parsePriority(value: string): number {
  if (!/^[1-5]$/.test(value)) throw new InvalidArgumentError(`expected a priority from 1 (highest) to 5, got '${value}'`);
  return Number(value);
}

/** Options both kinds take. */
function common(command: Command): Command {
  return command
    .option('-C, --cwd <dir>', 'run as if started in <dir>')
    .option('--name <name>', 'its name, as people call it')
    .option('--description <text>', 'what it is about, in a sentence or two')
    .option('--goal <id>', 'a strategic goal it serves (an id from goals.yaml; repeat it for several)', collect, [])
    .option('--set <field=value>', "a field the template does not write, such as one of the PMO's own fields (repeatable)", parseSet, [])
    .option('--today <date>', 'the date to take as today, YYYY-MM-DD', parseDate)
    .option('--dry-run', 'print the new file as a diff and write nothing');
}

export function newCommand(): Command {
  const cmd = new Command('new').description("create a project or an intake request from the PMO's template").addHelpText(
    'after',
    `
Examples:
  $ pmo new project apollo --name "Apollo CRM migration" --manager jdoe --sponsor asmith --goal G2
  $ pmo new project apollo --name Apollo --manager jdoe --set department=IT     a field the PMO requires
  $ pmo new request atlas --name "Atlas data warehouse" --requested-by asmith --cost 300000 --months 9

Templates: templates/project.yaml.hbs (or request.yaml.hbs) in the repository, else the built-in ones
(pmo init --with-templates copies them there to edit).

Exit codes: 0 created (or shown), 2 pmo could not create it (see pmo new project --help).`,
  );
  cmd.addCommand(
    common(new Command('project').description('create projects/<id>.yaml from the template').argument('<id>', 'the project id: lowercase letters, digits and dashes'))
      .option('--manager <person>', 'the project manager (a person id from people.yaml)')
      .option('--sponsor <person>', 'the sponsor (a person id)')
      .option('--start <date>', 'the start date, YYYY-MM-DD (default: today)', parseDate)
      .option('--phase <phase>', "the phase it starts in (default: the lifecycle's first)")
      .option('--priority <1-5>', 'its priority, 1 (highest) to 5', parsePriority)
      .addHelpText(
        'after',
        `
The new file is checked as pmo check would check it (schema, pmo.yaml's own fields, people and goals it
names) before it is written; it is never written over an existing file. At a terminal pmo asks for what is
missing (name, manager, fields pmo.yaml requires); elsewhere the message names the flags to give.

Examples:
  $ pmo new project apollo --name "Apollo CRM migration" --manager jdoe --sponsor asmith --goal G2
  $ pmo new project apollo --name Apollo --manager jdoe --start 2027-01-04 --priority 2 --dry-run
  $ pmo new project apollo --name Apollo --manager jdoe --set department=IT --set business_case="..."

Exit codes: 0 created (or shown), 2 pmo could not create it (a missing flag, an id taken or malformed,
an unknown person or goal, a value the schema refuses, a template that does not render valid YAML).`,
      )
      .action(async (id: string, flags: ProjectFlags) => {
        const today = flags.today ?? todayIso();
        await create('project', id, flags, today, async (ws, ask) => {
          const values = {
            name: flags.name ?? (await ask('name', 'Project name', '--name "<project name>"')),
            description: flags.description,
            manager: flags.manager ?? (await ask('manager', 'Project manager (a person id)', '--manager <person>')),
            sponsor: flags.sponsor,
            phase: flags.phase ?? ws.config.lifecycle[0],
            priority: flags.priority,
            start: flags.start ?? today,
            goals: flags.goal,
          };
          if (!ws.config.lifecycle.includes(values.phase!)) throw new UsageError(`--phase ${values.phase}: not a phase of the lifecycle (${ws.config.lifecycle.join(', ')})`);
          return values;
        });
      }),
  );
  cmd.addCommand(
    common(new Command('request').description('create requests/<id>.yaml, an intake request, from the template').argument('<id>', 'the request id: lowercase letters, digits and dashes'))
      .option('--requested-by <person>', 'who asks for it (a person id from people.yaml)')
      .option('--cost <amount>', 'the estimated cost', parseNumber)
      .option('--months <n>', 'the estimated duration in months', parseNumber)
      .addHelpText(
        'after',
        `
Examples:
  $ pmo new request atlas --name "Atlas data warehouse" --requested-by asmith --goal G1 --cost 300000 --months 9
  $ pmo new request atlas --name Atlas --requested-by asmith --dry-run

Exit codes: 0 created (or shown), 2 pmo could not create it.`,
      )
      .action(async (id: string, flags: RequestFlags) => {
        const today = flags.today ?? todayIso();
        await create('request', id, flags, today, async (_ws, ask) => ({
          name: flags.name ?? (await ask('name', 'Request name', '--name "<request name>"')),
          description: flags.description,
          requested_by: flags.requestedBy ?? (await ask('requested_by', 'Requested by (a person id)', '--requested-by <person>')),
          goals: flags.goal,
          cost: flags.cost,
          months: flags.months,
        }));
      }),
  );
  return cmd;
}

type Workspace = import('../../edit/workspace.js').Workspace;
type Ask = (field: string, question: string, flag: string) => Promise<string | undefined>;

/**
 * The common flow: the values (asked for at a terminal, else collected as missing flags), the PMO's required
 * fields, then the plan, and the file written or shown.
 */
async function create(
  kind: 'project' | 'request',
  id: string,
  flags: CommonFlags,
  today: string,
  valuesOf: (ws: Workspace, ask: Ask) => Promise<Record<string, string | string[] | number | undefined>>,
): Promise<void> {
  const [{ openWorkspace }, { planNew, requiredFields, assertFreeId }, { canAsk, Prompter, missingFlags }, { diffOf, writeChanges }] = await Promise.all([
    import('../../edit/workspace.js'),
    import('../../edit/new-file.js'),
    import('../../edit/prompt.js'),
    import('../../edit/changes.js'),
  ]);
  const ws = await openWorkspace(flags.cwd);
  assertFreeId(ws, kind, id);
  const prompter = canAsk() ? new Prompter() : undefined;
  const missing: string[] = [];
  try {
    const ask: Ask = async (_field, question, flag) => {
      if (prompter) return prompter.ask(question);
      missing.push(flag);
      return undefined;
    };
    const values = await valuesOf(ws, ask);
    const set = Object.fromEntries(flags.set.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
    for (const { field, choices } of requiredFields(ws, kind)) {
      if (set[field] !== undefined) continue;
      const hint = `--set ${field}=<${choices ? choices.join('|') : 'value'}>   (pmo.yaml requires it of every ${kind})`;
      const answer = prompter ? await prompter.ask(field, choices ? { choices } : {}) : (missing.push(hint), undefined);
      if (answer !== undefined) set[field] = answer;
    }
    if (missing.length > 0) throw missingFlags(`pmo new ${kind} ${id}`, missing);
    const plan = await planNew(ws, { kind, id, today, values, set });
    if (flags.dryRun) return await writeStdout(diffOf([plan.change]));
    writeChanges(ws.root, [plan.change]);
    await writeStdout(`created ${plan.change.path} (from ${plan.template})\nNext: fill it in, then \`pmo check ${plan.change.path}\`.\n`);
  } finally {
    prompter?.close();
  }
}
