/** `pmo init [dir]`: a new PMO repository, ready for `pmo check`, in a minute. Never overwrites a file. */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { YAML_FILE } from '../../layout.js';
import { Command, InvalidArgumentError, Option } from 'commander';
import { EditError, UsageError } from '../../errors.js';
import { todayIso } from '../../model/dates.js';
import { writeStdout } from '../../output/write.js';
import { writeFault } from '../../write-faults.js';
import { parseDate } from '../options.js';

type FileChange = import('../../edit/changes.js').FileChange;

interface InitFlags {
  pmoType?: 'supportive' | 'controlling' | 'directive';
  organization?: string;
  currency: string;
  withTemplates?: boolean;
  hooks?: boolean;
  git?: boolean;
  vscode: boolean;
  today?: string;
  dryRun?: boolean;
}

function parseCurrency(value: string): string {
  if (!/^[A-Z]{3}$/.test(value)) throw new InvalidArgumentError(`expected a three-letter currency code such as EUR, got '${value}'`);
  return value;
}

export function initCommand(): Command {
  return new Command('init')
    .description('create a PMO repository: pmo.yaml, people, goals, waivers, an example project, editor schemas and the git hook')
    .argument('[dir]', 'where to create it (default: the current directory; created if missing)')
    .addOption(new Option('--pmo-type <type>', 'how strongly the PMO governs').choices(['supportive', 'controlling', 'directive']))
    .option('--organization <name>', "the organisation's name (default: the directory's name)")
    .option('--currency <code>', 'the currency of budgets', parseCurrency, 'EUR')
    .option('--with-templates', "copy the built-in templates of new projects and requests to templates/, to make them the PMO's own")
    .option('--hooks', 'install the git pre-commit hook that runs `pmo check --staged` (in a git repository)')
    .option('--no-hooks', 'do not offer the hook')
    .option('--git', 'run `git init` in <dir> first when it is not in a git repository (for --hooks, `pmo log`, --as-of and trends)')
    .option('--no-vscode', 'do not write the editor schemas and .vscode/settings.json')
    .option('--today <date>', 'the date to take as today (the example project starts on it), YYYY-MM-DD', parseDate)
    .option('--dry-run', 'print the files it would create as a diff, and write nothing')
    .addHelpText(
      'after',
      `
A file that is already there is kept as it is (and said so): running init again only adds what is missing.
At a terminal, pmo asks for the PMO type and offers the hook; elsewhere, give --pmo-type (and --hooks).

Examples:
  $ pmo init --pmo-type controlling                   here, for a controlling PMO
  $ pmo init portfolio --pmo-type directive --hooks   in ./portfolio, with the pre-commit hook
  $ pmo init portfolio --pmo-type directive --git --hooks
                                                      ... a new git repository there first
  $ pmo init --pmo-type supportive --with-templates   ... and the templates to make your own
  $ pmo init --pmo-type controlling --dry-run         what it would create

Exit codes: 0 created (or shown), 2 pmo could not do it (a missing --pmo-type off a terminal, --hooks outside
a git repository without --git, an existing pmo.yaml it cannot use).`,
    )
    .action(async (dirArg: string | undefined, flags: InitFlags) => {
      const [{ canAsk, Prompter, missingFlags }, scaffold, { planNew }, { diffOf, writeChanges }, { configFrom }, { buildSchemas }, { builtInTemplatePath }, { parseYamlFully }] = await Promise.all([
        import('../../edit/prompt.js'),
        import('../../edit/scaffold.js'),
        import('../../edit/new-file.js'),
        import('../../edit/changes.js'),
        import('../../model/config.js'),
        import('../../model/config-compile.js'),
        import('../../edit/template.js'),
        import('../../load/parse-yaml.js'),
      ]);
      const dir = resolve(dirArg ?? '.');
      const has = (path: string) => existsSync(join(dir, path));
      const today = flags.today ?? todayIso();
      let git = await gitOf(dir);
      if (flags.hooks && !git && !flags.git) {
        throw new UsageError(`--hooks: ${dir} is not in a git repository; run \`git init\` first, or add --git and pmo init runs it (or later: pmo hooks install)`);
      }

      const prompter = canAsk() ? new Prompter() : undefined;
      try {
        let type = flags.pmoType;
        if (!has('pmo.yaml') && !type) {
          if (!prompter) throw missingFlags('pmo init', ['--pmo-type <supportive|controlling|directive>   how strongly the PMO governs (pmo init --help)']);
          process.stderr.write('How strongly does the PMO govern?\n  1) supportive   templates and practices; findings are warnings\n  2) controlling  the method is enforced; governance rules are errors\n  3) directive    the PMO runs the projects; every rule is an error, gates block phase changes\n');
          type = (await prompter.ask('PMO type', { choices: scaffold.PMO_TYPES, default: 'controlling' })) as InitFlags['pmoType'];
        }
        const organization = flags.organization ?? (prompter && !has('pmo.yaml') ? await prompter.ask('Organisation', { default: basename(dir) }) : basename(dir));
        const hooks = flags.hooks ?? ((git || flags.git) && prompter && !flags.dryRun && flags.hooks !== false ? await prompter.confirm('Install the git pre-commit hook that runs `pmo check --staged`?', true) : false);

        const config = has('pmo.yaml') ? readFileSync(join(dir, 'pmo.yaml'), 'utf8') : scaffold.pmoYaml(type!, organization, flags.currency);
        const files: Array<[string, string]> = [
          ['pmo.yaml', config],
          ['people.yaml', scaffold.PEOPLE_YAML],
          ['goals.yaml', scaffold.GOALS_YAML],
          ['waivers.yaml', scaffold.WAIVERS_YAML],
        ];
        if (flags.withTemplates) {
          for (const kind of ['project', 'request'] as const) files.push([`templates/${kind}.yaml.hbs`, readFileSync(builtInTemplatePath(kind), 'utf8')]);
        }
        const kept = files.filter(([path]) => has(path)).map(([path]) => path);
        const changes: FileChange[] = files.filter(([path]) => !has(path)).map(([path, text]) => ({ path, abs: join(dir, path), after: Buffer.from(text) }));

        // The example project, through the same template and checks as pmo new, when the placeholders it names are new too.
        const projects = has('projects') && readdirSync(join(dir, 'projects')).some((name) => YAML_FILE.test(name));
        const example = `projects/${scaffold.EXAMPLE_PROJECT.id}.yaml`;
        const writesExample = !(projects || kept.includes('people.yaml') || kept.includes('goals.yaml'));
        if (!writesExample) {
          if (has(example)) kept.push(example);
        } else {
          const { data } = parseYamlFully(config, 'pmo.yaml');
          const ws = { root: dir, config: configFrom(data), schemas: buildSchemas(data), people: new Set(['example-pm', 'example-sponsor']), goals: new Set(['G1']) };
          const { values, id } = scaffold.EXAMPLE_PROJECT;
          const plan = await planNew(ws, { kind: 'project', id, today, values: { ...values, phase: ws.config.lifecycle[0], start: today }, set: {} });
          changes.push(plan.change);
        }

        const said: string[] = [];
        const here = (path: string) => relative(process.cwd(), join(dir, path)) || '.';
        if (flags.dryRun) {
          await writeStdout(diffOf(changes));
          process.stderr.write(`${kept.length ? `pmo init: kept (already there): ${kept.join(', ')}\n` : ''}pmo init: dry run, nothing written${flags.vscode ? ' (the editor schemas and the hook are not shown)' : ''}\n`);
          return;
        }
        mkdirSync(dir, { recursive: true });
        if (flags.git && !git) {
          git = await initGit(dir);
          said.push(`Initialized a git repository in ${here('')}.`);
        }
        writeChanges(dir, changes);
        if (changes.length > 0) said.push(`Created ${type && !kept.includes('pmo.yaml') ? `a ${type} PMO ` : ''}in ${here('')}:`, ...changes.map((c) => `  ${here(c.path)}`));
        else said.push(`Nothing to create in ${here('')}: its PMO files are there.`);
        if (kept.length > 0) said.push('Kept (already there):', ...kept.map((path) => `  ${here(path)}`));
        try {
          await wireUp(dir, flags, hooks, git, said, here);
        } catch (error) {
          throw unfinished(error, changes.map((c) => here(c.path)));
        }
        // The example project is spoken of only when this run wrote it: a PMO's own projects are not examples.
        const toEdit = writesExample ? 'people.yaml, goals.yaml and the example project' : 'people.yaml and goals.yaml';
        said.push('', `Next: ${dirArg ? `cd ${dirArg} && ` : ''}pmo check; edit ${toEdit}; then \`pmo new project <id>\`.`);
        await writeStdout(`${said.join('\n')}\n`);
      } finally {
        prompter?.close();
      }
    });
}

/** After the PMO's files: the editor schemas and settings, and the git hook, each said in `said`. */
async function wireUp(dir: string, flags: InitFlags, hooks: boolean, git: Awaited<ReturnType<typeof gitOf>>, said: string[], here: (path: string) => string): Promise<void> {
  if (flags.vscode) {
    const { writeEditorSchemas } = await import('./schema.js');
    const { written } = await writeEditorSchemas(dir, { vscode: true });
    const schemas = written.filter((path) => path.endsWith('.schema.json'));
    const others = written.filter((path) => !path.endsWith('.schema.json')).map((path) => relative(dir, path));
    if (written.length > 0) said.push(`Editor wiring (docs/editor.md): ${[...(schemas.length ? [`${schemas.length} JSON Schemas in ${here('.pmo/schema')}`] : []), ...others.map(here)].join(', ')}`);
  }
  if (hooks && git) {
    const { installHook } = await import('../../hooks/pre-commit.js');
    const { path } = installHook({ root: dir, ...(await git.hookPaths()) });
    said.push(`Pre-commit hook: ${path} (each commit runs \`pmo check --staged\`)`);
  } else if (git && flags.hooks === undefined && !existsSync(join((await git.hookPaths()).hooks, 'pre-commit'))) {
    said.push('No pre-commit hook: `pmo hooks install` adds one that runs `pmo check --staged` on each commit.');
  }
}

/**
 * The PMO's files were written, the editor wiring or the hook not (a disk that filled up in between): say so,
 * and that init run again adds only what is missing.
 */
function unfinished(error: unknown, created: string[]): unknown {
  const fault = writeFault(error);
  if (!fault) return error;
  const done = created.length > 0 ? `created ${created.join(', ')}, but not` : 'could not write';
  return new EditError(`${done} the editor schemas or the git hook: ${fault.what} (${(error as Error).message}): ${fault.todo}; pmo init keeps what is there and adds the rest`, { cause: error });
}

/** `git init` in `dir` (created by now), as `--git` asks; its hook paths checked, as gitOf does. */
async function initGit(dir: string) {
  const { GitRepo } = await import('../../load/git.js');
  const repo = await GitRepo.init(dir, 'pmo init --git');
  await repo.hookPaths();
  return repo;
}

/** The git repository `dir` is in, if any (its folder need not exist yet: then its parent's). */
async function gitOf(dir: string) {
  let at = dir;
  while (!existsSync(at)) at = resolve(at, '..');
  const { GitRepo } = await import('../../load/git.js');
  try {
    const repo = GitRepo.open(at, 'pmo init');
    await repo.hookPaths();
    return repo;
  } catch {
    return undefined;
  }
}
