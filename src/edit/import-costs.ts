/**
 * `pmo import costs <file.csv>`: a finance export's rows as entries of the projects' cost logs (`costs:`).
 * Every row is read and checked first (its project, month, amount, category, vendor), each problem named by the
 * CSV line it is on; then each project file gets its rows appended, with the comment-keeping edit of
 * `pmo update`. Nothing is written while any row is bad, unless the caller skips the bad ones. A row already in
 * the project's log (same month, amount, category, vendor and note) is not logged twice: an export imported
 * again adds nothing.
 */
import { readFileSync } from 'node:fs';
import { idsIn } from '../layout.js';
import { parse } from 'csv-parse/sync';
import { UsageError } from '../errors.js';
import { groupBy } from '../findings.js';
import { memo } from '../memo.js';
import { actualCost } from '../metrics/costs.js';
import { MONTH } from '../model/dates.js';
import { vendorNames } from '../model/cost-refs.js';
import { amountFrom } from '../metrics/numbers.js';
import { PROJECT_ID } from '../model/ids.js';
import type { Project } from '../model/schemas/project.js';
import { didYouMean } from '../model/suggest.js';
import type { FileChange } from './changes.js';
import { encodeText, readForEdit } from './source.js';
import { assertNoNewErrors, fileOf, type Workspace } from './workspace.js';
import { YamlEdit } from './yaml-edit.js';
import { COST_FIELDS, logCost, type CostField, type CostInput } from './cost-edits.js';


/** A row of the CSV as a cost, with the line it came from. */
interface CostRow {
  line: number;
  project: string;
  cost: CostInput;
}

export interface ImportPlan {
  changes: FileChange[];
  /** Per project: rows added, rows already logged, and what the new log says against the file's budget.actual. */
  projects: Array<{ project: string; added: number; known: number; warning?: string }>;
  /** The rows left out, each with its line and why (only with `skipBad`; otherwise they stop the import). */
  skipped: string[];
}

/** Reads the CSV, checks every row, and plans the edits; throws with every bad row's line when one is bad and `skipBad` is not set. */
export function planCostImport(ws: Workspace, csvPath: string, shown: string, columns: Partial<Record<CostField, string>>, skipBad: boolean): ImportPlan {
  const { rows, header } = readCsv(csvPath, shown);
  const names = columnNames(header, columns, shown);
  const problems: string[] = [];
  const good: CostRow[] = [];
  // Each project file is read and parsed once: for its vendors (rows that name one), then to append its rows.
  const files = new Map<string, ReturnType<typeof openProject>>();
  const opened = (project: string) => memo(files, project, () => openProject(ws, project));
  const vendors = (project: string) => vendorNames(opened(project).edit.data);
  for (const { record, line } of rows) {
    const checked = costOf(ws, record, names, line, vendors);
    if (typeof checked === 'string') problems.push(`${shown}:${line}: ${checked}`);
    else good.push(checked);
  }
  if (problems.length > 0 && !skipBad) {
    throw new UsageError(`${problems.length} of the ${rows.length} rows cannot be imported, so nothing was written (--skip-bad imports the others):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  const byProject = groupBy(good, (row) => row.project);
  const planned = [...byProject].map(([project, list]) => appendCosts(ws, project, opened(project), list));
  return { changes: planned.flatMap((p) => (p.change ? [p.change] : [])), projects: planned.map(({ change: _change, ...counts }) => counts), skipped: problems };
}

function readCsv(path: string, shown: string): { rows: Array<{ record: Record<string, string>; line: number }>; header: string[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${shown}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  let header: string[] = [];
  try {
    const parsed = parse(text, {
      bom: true, delimiter: delimiterOf(text), trim: true, skip_empty_lines: true, info: true,
      columns: (first: string[]) => (header = first),
    }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
    return { rows: parsed.map(({ record, info }) => ({ record, line: info.lines })), header };
  } catch (error) {
    const { lines, message } = error as { lines?: number; message: string };
    throw new UsageError(`${shown}${lines ? `:${lines}` : ''}: not a CSV file pmo can read: ${message.replace(/^[^:]*:\s*/, '')}`);
  }
}

/**
 * The cell separator, from the header line: finance exports come with commas, semicolons (where a comma is the
 * decimal mark) or tabs. The one the header has most of.
 */
function delimiterOf(text: string): string {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => header.split(c).length - 1;
  return [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best));
}

/** Which header each field reads: `--column` where given, else the header named like the field (any case). */
function columnNames(header: readonly string[], given: Partial<Record<CostField, string>>, shown: string): Partial<Record<CostField, string>> {
  const names: Partial<Record<CostField, string>> = {};
  for (const field of COST_FIELDS) {
    const wanted = given[field];
    if (wanted !== undefined && !header.includes(wanted)) {
      throw new UsageError(`--column ${field}=${wanted}: ${shown} has no column '${wanted}' (its columns: ${header.join(', ')})${didYouMean(wanted, header)}`);
    }
    const name = wanted ?? header.find((h) => h.toLowerCase() === field) ?? (field === 'period' ? header.find((h) => h.toLowerCase() === 'month') : undefined);
    if (name !== undefined) names[field] = name;
  }
  const missing = COST_FIELDS.slice(0, 4).filter((field) => names[field] === undefined);
  if (missing.length > 0) {
    throw new UsageError(`${shown} has no column for ${missing.join(', ')} (its columns: ${header.join(', ')}): name them --column ${missing[0]}=<header>`);
  }
  return names;
}

/** A row as a cost of a project, or what is wrong with it. */
function costOf(ws: Workspace, record: Record<string, string>, names: Partial<Record<CostField, string>>, line: number, vendors: (project: string) => string[]): CostRow | string {
  const cell = (field: CostField) => (names[field] === undefined ? '' : (record[names[field]!] ?? ''));
  const project = cell('project');
  if (!PROJECT_ID.test(project) || !fileOf(ws, 'projects', project)) return `no project '${project}' in projects/${didYouMean(project, idsIn(ws.root, 'projects'))}`;
  const period = cell('period');
  if (!MONTH.test(period)) return `period '${period}' is not a month written YYYY-MM`;
  const amount = amountFrom(cell('amount'));
  if (amount === undefined) return `amount '${cell('amount')}' is not an amount of money (a number, 0 or more: 1234.50 or 1,234.50)`;
  const category = cell('category');
  if (!ws.config.costCategories.includes(category)) return `category '${category}' is not a cost category (${ws.config.costCategories.join(', ')})${didYouMean(category, ws.config.costCategories)}`;
  const vendor = cell('vendor');
  if (vendor && !vendors(project).includes(vendor)) {
    const known = vendors(project);
    return `vendor '${vendor}' is not among ${project}'s vendors (${known.length > 0 ? known.join(', ') : 'it has none'})${didYouMean(vendor, known)}; add it under vendors first`;
  }
  const cost: CostInput = { period, amount, category };
  if (vendor) cost.vendor = vendor;
  if (cell('note')) cost.note = cell('note');
  return { line, project, cost };
}

/** A project's file as read for the edit, and its edit. */
function openProject(ws: Workspace, project: string): { file: ReturnType<typeof readForEdit>; edit: YamlEdit } {
  const file = readForEdit(ws.root, fileOf(ws, 'projects', project)!);
  return { file, edit: new YamlEdit(file.text, file.eol, file.path) };
}

/** The project's file with the rows its log does not have yet appended to `costs:`. */
function appendCosts(ws: Workspace, project: string, { file, edit }: ReturnType<typeof openProject>, rows: readonly CostRow[]): ImportPlan['projects'][number] & { change?: FileChange } {
  const before = structuredClone(edit.data);
  let added = 0;
  for (const { cost } of rows) if (logCost(edit, cost)) added++;
  if (added === 0) return { project, added, known: rows.length };
  const text = edit.result();
  assertNoNewErrors(ws, 'project', file.path, before, edit.data, text);
  const warning = actualDisagrees(project, edit.data as Project);
  return { project, added, known: rows.length - added, ...(warning ? { warning } : {}), change: { path: file.path, abs: file.abs, before: file.bytes, after: encodeText(text, file.bom) } };
}

/** A budget.actual the log now disagrees with: pmo check will say so (cost-log-mismatch), so the import says it first. */
function actualDisagrees(project: string, data: Project): string | undefined {
  const given = data.budget?.actual;
  const logged = actualCost(data);
  if (given == null || logged === null || Math.abs(given - logged) < 0.005) return undefined;
  return `${project}: budget.actual says ${given} but its cost log now sums to ${logged}; once the log holds every cost, remove budget.actual (pmo check reports the two apart: cost-log-mismatch)`;
}
