/**
 * `pmo schema`: JSON Schemas of the PMO's files, pmo.yaml's extensions included, for editors that speak
 * yaml-language-server (VS Code's YAML extension and others): red squiggles, hover and completion as a PM types.
 */
import { mkdirSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Command, Option } from 'commander';
import { CONFIG_FILE } from '../../layout.js';
import { findRoot } from '../../load/discover.js';
import { SCHEMA_KINDS, type SchemaKind } from '../../model/schema-kinds.js';
import { writeStdout } from '../../output/write.js';
import { readOrUndefined, writeFileIfChanged } from '../../output/write-file.js';
import { SETTINGS_FILE, mergeYamlSchemas, type SchemaMapping } from '../../output/vscode-settings.js';
import { outputOf, outputOption } from '../options.js';

/** In the repo, beside the cache; .pmo/ ignores itself in git. */
const DEFAULT_OUT = '.pmo/schema';

interface SchemaFlags {
  cwd?: string;
  output?: string;
  out?: string;
  print?: SchemaKind;
  vscode?: boolean;
}

export function schemaCommand(): Command {
  const command = new Command('schema')
    .description("write JSON Schemas of the PMO's files (with pmo.yaml's extensions) for editor validation, hover and completion")
    .option('-C, --cwd <dir>', 'run as if started in <dir>');
  outputOption(command, `the folder to write the schemas to (default: ${DEFAULT_OUT} in the repo root)`, ['out'], 'dir');
  return command
    .addOption(new Option('--print <kind>', 'print one schema to stdout instead of writing files').choices(SCHEMA_KINDS).conflicts(['output', 'out', 'vscode']))
    .option('--vscode', `also add the schemas to ${SETTINGS_FILE} (yaml.schemas), keeping its other settings`)
    .addHelpText(
      'after',
      `
One schema per kind of file (${SCHEMA_KINDS.join(', ')}), JSON Schema draft-07. Files are rewritten only
when they change. Run it again after changing pmo.yaml: its schema extensions and lifecycle are in them.
The editor shows what one file says on its own; references to other files and the governance rules are
checked by pmo check only. See docs/editor.md.

Examples:
  $ pmo schema                         write .pmo/schema/*.schema.json and print the yaml.schemas setting
  $ pmo schema --vscode                ... and add it to ${SETTINGS_FILE}
  $ pmo schema -o schemas              write them where you like (e.g. to commit them)
  $ pmo schema --print project         the project schema on stdout

Exit codes: 0 done, 2 pmo could not do its job (no or broken pmo.yaml, a settings file it cannot merge into).`,
    )
    .action(async (flags: SchemaFlags) => {
      const cwd = resolve(flags.cwd ?? '.');
      const root = findRoot(cwd);
      if (flags.print) {
        const schemas = await loadSchemas(root);
        return writeStdout(json(schemas.find((s) => s.kind === flags.print)!.schema));
      }
      // Relative to where pmo was started, as a shell user expects (not to -C's directory).
      const output = outputOf(flags);
      const { written, mapping } = await writeEditorSchemas(root, { outDir: output ? resolve(output) : undefined, vscode: flags.vscode });
      const lines = written.map(shown);
      if (!output && !flags.vscode) {
        lines.push('', `The schemas for ${SETTINGS_FILE} (or run pmo schema --vscode):`, JSON.stringify({ 'yaml.schemas': mapping }, null, 4));
      }
      return writeStdout(lines.length > 0 ? `${lines.join('\n')}\n` : '');
    });
}

async function loadSchemas(root: string) {
  // Loaded when used: other commands should not pay for zod's JSON Schema generation.
  const [{ loadConfig }, { readSource }, { editorSchemas }] = await Promise.all([
    import('../../check.js'),
    import('../../load/read.js'),
    import('../../model/json-schema.js'),
  ]);
  // The loader `pmo check` uses: a broken pmo.yaml stops this command with the same message.
  const config = await loadConfig(readSource(root, CONFIG_FILE, 'config'));
  return editorSchemas(config.data);
}

/**
 * Writes the schemas (to .pmo/schema/ unless `outDir`) and, with `vscode`, merges them into
 * .vscode/settings.json. Also `pmo init`'s editor wiring. Returns the files written and the yaml.schemas mapping.
 */
export async function writeEditorSchemas(root: string, options: { outDir?: string; vscode?: boolean } = {}): Promise<{ written: string[]; mapping: SchemaMapping }> {
  const schemas = await loadSchemas(root);
  const { ensureIgnored } = await import('../../load/cache.js');
  const outDir = options.outDir ?? join(root, DEFAULT_OUT);
  const mapping: SchemaMapping = Object.fromEntries(schemas.map((s) => [settingsKey(root, join(outDir, s.fileName)), s.files]));
  const settingsPath = join(root, SETTINGS_FILE);
  // Merged before anything is written: a settings file pmo must refuse stops the command cleanly.
  const settings = options.vscode ? mergeYamlSchemas(readOrUndefined(settingsPath), mapping) : undefined;

  // The default folder is pmo's own, in the repo: a .pmo that is a link to elsewhere is not followed out of it
  // (an -o folder is where the user asked for the files).
  if (!options.outDir) {
    const { assertInsideRepo } = await import('../../edit/inside-repo.js');
    assertInsideRepo(root, outDir, DEFAULT_OUT);
  }
  mkdirSync(outDir, { recursive: true });
  ensureIgnored(outDir);
  const written = schemas.map((s) => join(outDir, s.fileName)).filter((path, i) => writeFileIfChanged(path, json(schemas[i]!.schema)));
  if (settings !== undefined && writeFileIfChanged(settingsPath, settings)) written.push(settingsPath);
  return { written, mapping };
}

const json = (schema: unknown) => `${JSON.stringify(schema, null, 2)}\n`;

/** yaml.schemas resolves relative paths from the workspace root: the repo root, opened as the workspace. */
function settingsKey(root: string, path: string): string {
  const inRepo = relative(root, path);
  return inRepo.startsWith('..') || isAbsolute(inRepo) ? path : inRepo.split(sep).join('/');
}

/** A written file, as the PM can open it from where they ran pmo. */
function shown(path: string): string {
  const here = relative(process.cwd(), path);
  return here.startsWith('..') || isAbsolute(here) ? path : here;
}
