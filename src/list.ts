/**
 * `pmo list people|goals|projects`: the ids a PM types in commands, with the names that say which is which.
 * Read as a report reads the repository (the same check, so a broken file is named, not silently missing).
 */
import { check } from './check.js';
import { UsageError } from './errors.js';
import { classifyFiles } from './load/discover.js';
import { parsedFrom, readPortfolioData } from './load/portfolio-data.js';
import { narrowPortfolio, type PortfolioFilter } from './model/portfolio-filter.js';
import { suggest } from './model/suggest.js';

export const LIST_KINDS = ['people', 'goals', 'projects'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export interface ListRow {
  id: string;
  name: string | null;
  [detail: string]: string | number | null;
}

export interface ListOptions {
  cwd?: string;
  asOf?: string;
  cache?: boolean;
  filter?: PortfolioFilter;
}

export async function listIds(kind: string, options: ListOptions): Promise<ListRow[]> {
  if (!(LIST_KINDS as readonly string[]).includes(kind)) {
    const hint = suggest(kind, LIST_KINDS);
    throw new UsageError(`pmo list has no '${kind}': it lists ${LIST_KINDS.join(', ')}${hint ? `; did you mean '${hint}'?` : ''}`);
  }
  const result = await check({ cwd: options.cwd, cache: options.cache, asOf: options.asOf, command: `pmo list ${kind}` });
  const all = readPortfolioData(classifyFiles(result.files, result.config.rulesets), parsedFrom(result.readFile), result.findings);
  if (kind !== 'projects' && Object.keys(options.filter ?? {}).length > 0) throw new UsageError(`pmo list ${kind} takes no filter: the filters choose projects (pmo list projects --manager jdoe)`);
  const { data } = narrowPortfolio('list', all, result.findings, result.config.lifecycle, options.filter);
  const byId = (a: ListRow, b: ListRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (kind === 'people') return data.people.map((p) => ({ id: p.id, name: p.name ?? null, role: p.role ?? null })).sort(byId);
  if (kind === 'goals') return data.goals.map((g) => ({ id: g.id, name: g.title ?? null })).sort(byId);
  return [
    ...data.projects.map(({ data: p }) => ({ id: p.id, name: p.name, manager: p.manager, phase: p.phase, note: null })),
    // A project whose file has errors still has an id a PM may type (to fix it with pmo update, say).
    ...data.brokenProjects.map((b) => ({ id: b.id, name: b.name, manager: b.manager, phase: b.phase, note: 'file has errors: run pmo check' })),
  ].sort(byId);
}

/** Aligned columns for a terminal: id first (what is typed), then the name and the details. */
export function listText(rows: readonly ListRow[]): string {
  if (rows.length === 0) return '';
  const keys = Object.keys(rows[0]!);
  const cells = rows.map((row) => keys.map((key) => (row[key] === null ? '' : String(row[key]))));
  const widths = keys.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  return cells.map((c) => c.map((cell, i) => (i === c.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n') + '\n';
}
