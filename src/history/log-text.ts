/** `pmo log`'s text output: one block per commit, newest first, each changed field as `path: old -> new`. Pure. */
import type { Palette } from '../output/color.js';
import { isPlain, type FieldChange } from './field-diff.js';
import type { LogCommit, ProjectLog } from './log.js';

/** Values longer than this are shortened in text (`--format json` has them whole). */
export const MAX_VALUE = 60;

export function logText(log: ProjectLog, chalk: Palette): string {
  const out: string[] = [];
  for (const commit of log.commits) out.push(...commitBlock(commit, chalk), '');
  if (log.commits.length === 0) out.push(nothing(log), '');
  if (log.omitted > 0) {
    // With --field, the commits left are not known to touch those fields: they were not looked at.
    const older = `${log.omitted} older commit${log.omitted === 1 ? '' : 's'}`;
    out.push(chalk.dim(log.fields ? `... ${older} of ${log.file} not examined (--limit)` : `... ${older} not shown (--limit)`), '');
  }
  for (const m of log.missing_fields) {
    out.push(`no changes to ${m.field}: no version of ${log.file} has it${m.did_you_mean ? `; did you mean ${m.did_you_mean}?` : ''}`, '');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function nothing(log: ProjectLog): string {
  if (!log.committed) return `${log.file} is not committed yet: pmo log shows the changes commits made`;
  const what = log.fields ? `${log.fields.join(', ')} in ${log.file}` : log.file;
  return `no commit changes ${what}${log.since ? ` since ${log.since}` : ''}`;
}

function commitBlock(c: LogCommit, chalk: Palette): string[] {
  const lines = [`${chalk.yellow(c.short)}  ${c.date}  ${chalk.bold(c.author.name)}  ${c.subject}`];
  const note = (text: string) => lines.push(`    ${chalk.dim(text)}`);
  if (c.event === 'created') note(c.copied_from ? `created ${c.file} as a copy of ${c.copied_from}` : `created ${c.file}`);
  if (c.event === 'deleted') note(`deleted ${c.file}`);
  if (c.event === 'renamed') note(`renamed ${c.renamed_from} to ${c.file}`);
  if (c.event === 'merged') note('merge: the changes below differ from every parent');
  if (c.event === 'history-starts') note("this clone's history stops here: what this commit and earlier ones changed is not in it");
  if (c.parse_error) lines.push(`    ${chalk.red(c.parse_error)}`);
  if (c.compared_with) note(`compared with ${c.compared_with}, the last version that parsed`);
  for (const change of c.changes) lines.push(`    ${changeLine(change, chalk)}`);
  if ((c.event === 'modified' || c.event === 'merged') && !c.parse_error && c.changes.length === 0) note('no field changed (comments or layout only)');
  return lines;
}

export function changeLine(change: FieldChange, chalk: Palette): string {
  const value = change.kind === 'removed' ? change.old : change.new;
  if (change.kind !== 'changed' && change.path.endsWith(']') && isPlain(value)) {
    const label = itemLabel(value);
    const word = change.kind === 'added' ? chalk.green('added') : chalk.red('removed');
    return `${change.path}: ${word}${label ? ` ${label}` : ''}`;
  }
  const old = change.kind === 'added' ? '' : `${chalk.red(shown(change.old))} `;
  const now = change.kind === 'removed' ? '' : ` ${chalk.green(shown(change.new))}`;
  return `${change.path}: ${old}->${now}`;
}

/** How an item reads when it comes or goes: its RAG if it has one, and its title (or name, summary, role). */
function itemLabel(item: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof item.overall === 'string') parts.push(`(${item.overall})`);
  const title = ['title', 'name', 'summary', 'role'].map((k) => item[k]).find((v) => typeof v === 'string' && v.trim() !== '');
  if (typeof title === 'string') parts.push(`"${shorten(oneLine(title))}"`);
  return parts.join(' ');
}

/** A value on one line, shortened: scalars as written, lists and mappings in YAML's flow style. */
export function shown(value: unknown): string {
  return shorten(flow(value, true));
}

function flow(value: unknown, top: boolean): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    const text = oneLine(value);
    // Quoted where the bare text would mislead: empty, padded, or inside a list or mapping with separators.
    return text === '' || text !== text.trim() || (!top && /[,:{}[\]]/.test(text)) ? JSON.stringify(text) : text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => flow(v, false)).join(', ')}]`;
  if (isPlain(value)) return `{${Object.entries(value).map(([k, v]) => `${k}: ${flow(v, false)}`).join(', ')}}`;
  return String(value);
}

/** A block of text (`summary: |`) on one line. */
const oneLine = (text: string) => (text.includes('\n') ? text.replace(/\s*\n\s*/g, ' ').trim() : text).replace(/\t/g, ' ');

function shorten(text: string): string {
  const chars = [...text];
  return chars.length > MAX_VALUE ? `${chars.slice(0, MAX_VALUE - 1).join('').trimEnd()}…` : text;
}
