/**
 * `pmo update --from <file|->`: a week's updates for many projects, all written or none. Each entry is a map
 * of `pmo update`'s flags without their dashes, parsed by the command's own option definitions (so an entry
 * takes exactly what the command line takes, with the same checks and did-you-mean), planned in order on its
 * project's file (entries for one project build on each other), and only when every entry has planned cleanly
 * are the files written, together (a failed write puts back the ones written before it).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { askedDoubt, forcedDoubt } from '../edit/doubt.js';
import { GateRefusal, PmoError, UsageError } from '../errors.js';
import { todayIso } from '../model/dates.js';
import { isRecord } from '../model/labels.js';
import { writeStderr, writeStdout } from '../output/write.js';
import { updateOptions, warnOfFindings } from './commands/update.js';
import { missingValues, requestOf, isEmpty, type UpdateFlags } from './update-request.js';

/** Flags that say how the whole batch runs: given on the command line, never in an entry (--date may be both). */
const RUN_FLAGS = ['from', 'cwd', 'today', 'editor', 'dry-run', 'force', 'help'];

interface Entry {
  /** `changes.yaml:12 (entry 3, apollo)` */
  where: string;
  project: string;
  flags: UpdateFlags;
}

export async function runBatch(source: string, defaultProject: string | undefined, run: UpdateFlags): Promise<void> {
  if (run.editor) throw new UsageError('--editor writes one status update: it does not go with --from');
  const [{ openWorkspace }, { planUpdate, openProject }, { diffOf, writeChanges }] = await Promise.all([
    import('../edit/workspace.js'),
    import('../edit/update.js'),
    import('../edit/changes.js'),
  ]);
  const given = Object.entries(run).filter(([key, value]) => !['from', 'cwd', 'today', 'date', 'dryRun', 'force', 'next', 'addRecord', 'rebaselines'].includes(key) && value !== undefined);
  const lists = run.next.length + run.addRecord.length + (run.rebaselines?.length ?? 0);
  if (given.length > 0 || lists > 0) throw new UsageError('with --from, the updates come from the file: give the other flags in its entries (only -C, --today, --date, --dry-run and --force go with --from)');
  const today = run.today ?? todayIso();
  const entries = readEntries(source, defaultProject, run.date);
  const ws = await openWorkspace(run.cwd);
  const opened = new Map<string, ReturnType<typeof openProject>>();
  const plans = new Map<string, { change: NonNullable<Awaited<ReturnType<typeof planUpdate>>['change']>; done: string[]; before: unknown; after: unknown }>();
  const doubts: string[] = [];
  for (const entry of entries) {
    await named(entry.where, async () => {
      const request = requestOf(entry.project, entry.flags, today);
      if (isEmpty(request)) throw new UsageError('records nothing: give a status update, a milestone, a risk... as pmo update takes them');
      const needs = missingValues(request);
      if (needs.length) throw new UsageError(`needs ${needs.join(', ')}`);
      const file = opened.get(entry.project) ?? openProject(ws, entry.project);
      const first = !opened.has(entry.project);
      opened.set(entry.project, file);
      const before = first ? structuredClone(file.edit.data) : plans.get(entry.project)?.before;
      const plan = await planUpdate(ws, request, file);
      if (plan.refused) throw new GateRefusal(plan.refused);
      for (const warning of plan.warnings) writeStderr(`pmo: warning: ${entry.where}: ${warning}`);
      doubts.push(...plan.doubts.map((d) => `${entry.where}: ${(run.force ? forcedDoubt : askedDoubt)(d)}`));
      // The project's file as every entry so far leaves it: the last plan holds them all.
      plans.set(entry.project, { change: plan.change!, done: [...(plans.get(entry.project)?.done ?? []), ...plan.done], before, after: file.edit.data });
    });
  }
  if (doubts.length && !run.force && !run.dryRun) throw new UsageError(`${doubts.join('\n')}\nnothing was written (--force writes them anyway)`);
  for (const doubt of doubts) writeStderr(`pmo: warning: ${doubt}`);
  const changes = [...plans.values()].map((p) => p.change);
  await warnOfFindings(ws.root, today, [...plans.values()].map((p) => ({ path: p.change.path, before: p.before, after: p.after })));
  if (run.dryRun) return writeStdout(diffOf(changes));
  writeChanges(ws.root, changes);
  await writeStdout([...plans.values()].map((p) => `updated ${p.change.path}\n${p.done.map((d) => `  ${d}`).join('\n')}\n`).join(''));
}

/** Runs a step of one entry; an error it raises names the entry (where in the file, which project). */
async function named(where: string, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (error instanceof PmoError && !error.message.startsWith(where)) {
      error.message = `${where}: ${error.message}${/nothing was written/.test(error.message) ? '' : '\nnothing was written'}`;
    }
    throw error;
  }
}

/** The entries of the file (or stdin): a list of maps, or a map whose `updates` is one. */
function readEntries(source: string, defaultProject: string | undefined, date: string | undefined): Entry[] {
  const label = source === '-' ? 'stdin' : source;
  const text = readSource(source, label);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: Node | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : 1);
  if (doc.errors.length) {
    const error = doc.errors[0]!;
    throw new UsageError(`${label}:${lines.linePos(error.pos[0]).line}: ${error.message.split('\n')[0]}; nothing was written`);
  }
  const root = doc.contents;
  const list = isMap(root) ? root.get('updates', true) : root;
  if (!isSeq(list)) throw new UsageError(`${label}: expected a list of updates (or a map with 'updates:' holding one), each a map of pmo update's flags; nothing was written`);
  const data = (doc.toJS() as unknown);
  const items = (isRecord(data) ? data.updates : data) as unknown[];
  if (items.length === 0) throw new UsageError(`${label}: the list of updates is empty; nothing was written`);
  return items.map((item, i) => entryOf(item, `${label}:${lineOf(list.items[i] as Node)}`, i + 1, defaultProject, date));
}

function readSource(source: string, label: string): string {
  try {
    return readFileSync(source === '-' ? 0 : resolve(source), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${label}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}`);
  }
}

/** One entry as the flags it stands for, parsed by `pmo update`'s own definitions. */
function entryOf(item: unknown, at: string, n: number, defaultProject: string | undefined, date: string | undefined): Entry {
  if (!isRecord(item)) throw new UsageError(`${at}: entry ${n} is not a map of flags; nothing was written`);
  const project = item.project ?? defaultProject;
  const where = `${at} (entry ${n}${typeof project === 'string' ? `, ${project}` : ''})`;
  if (typeof project !== 'string') throw new UsageError(`${where}: which project? Give it a 'project:' (or name it on the command line: pmo update <project> --from ...); nothing was written`);
  // --date on the command line is every entry's, unless the entry gives its own (the last --date wins).
  const argv = date ? [project, '--date', date] : [project];
  for (const [key, value] of Object.entries(item)) {
    if (key === 'project') continue;
    const flag = key.replace(/_/g, '-').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    if (RUN_FLAGS.includes(flag)) throw new UsageError(`${where}: '${key}' says how the whole batch runs: give --${flag} on the command line; nothing was written`);
    argv.push(...argsOf(flag, value, where));
  }
  return { where, project, flags: parseEntry(argv, where) };
}

function argsOf(flag: string, value: unknown, where: string): string[] {
  if (value === true) return [`--${flag}`];
  if (Array.isArray(value)) return value.flatMap((v) => argsOf(flag, v, where));
  if (typeof value === 'string' || typeof value === 'number') return [`--${flag}`, String(value)];
  throw new UsageError(`${where}: ${flag}: expected a text, a number, true or a list, got ${value === null ? 'nothing' : JSON.stringify(value)}; nothing was written`);
}

/** The entry's flags through the command's parsers: an unknown flag, a bad value, as on the command line. */
function parseEntry(argv: string[], where: string): UpdateFlags {
  let message = '';
  const command = updateOptions(new Command('update'))
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({ writeErr: (text) => (message += text), writeOut: () => undefined, outputError: (text) => (message += text) })
    .action(() => undefined);
  try {
    command.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      throw new UsageError(`${where}: ${(message || error.message).trim().replace(/^error: /, '')}\nnothing was written`);
    }
    throw error;
  }
  return command.opts() as UpdateFlags;
}
