/**
 * Reports for an audience: `--manager`, `--sponsor`, `--department`, `--goal`, `--phase`, `--project <glob>`.
 * The projects are chosen here, before any measure is summed, so that a filtered report's totals are the totals
 * of what it shows (the measures themselves are never recomputed: the views read them from src/metrics).
 *
 * Several values of one flag are alternatives (`--phase planning,execution`); different flags must all hold.
 * A value that names nothing in the repository is a typo (exit 2, with a did-you-mean); a value that exists but
 * leaves no project is an answer, and the filter's description says which flag left none.
 */
import { UsageError } from '../errors.js';
import type { Finding } from '../findings.js';
import { picomatch } from '../load/discover.js';
import type { BrokenProject, PortfolioData } from '../load/portfolio-data.js';
import type { Project } from './schemas/project.js';
import { didYouMean } from './suggest.js';

/** The flags in the order they are applied and described. */
export const FILTER_KEYS = ['project', 'manager', 'sponsor', 'department', 'goal', 'phase'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type PortfolioFilter = Partial<Record<FilterKey, string[]>>;

/** What a project says of itself that a filter reads (a project file with errors says less: null, []). */
interface Facets {
  id: string;
  manager: string | null;
  sponsor: string | null;
  department: string | null;
  goals: readonly string[];
  phase: string | null;
}

/** The values each flag may take in this repository. */
export interface FilterValues {
  project: string[];
  manager: string[];
  sponsor: string[];
  department: string[];
  goal: string[];
  phase: string[];
}

/** The header's account of a filter: what it chose, how many of how many, and which flag left none. */
export interface FilterSummary {
  flags: Array<{ flag: string; values: string[] }>;
  text: string;
  shown: number;
  of: number;
  /** When no project is left: which flag left none, in words. */
  empty: string | null;
}

export const isFiltered = (filter: PortfolioFilter | undefined): filter is PortfolioFilter =>
  filter !== undefined && FILTER_KEYS.some((key) => (filter[key]?.length ?? 0) > 0);

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

function facetsOf(project: Project): Facets {
  const fields = project as unknown as Record<string, unknown>;
  return { id: project.id, manager: text(project.manager), sponsor: text(project.sponsor), department: text(fields.department), goals: project.goals ?? [], phase: text(project.phase) };
}

const brokenFacets = (b: BrokenProject): Facets => ({ id: b.id, manager: b.manager, sponsor: null, department: b.department, goals: b.goals, phase: b.phase });

/** Every value the flags can name: people for manager and sponsor, the goals, the lifecycle, departments in use. */
export function filterValues(data: PortfolioData, lifecycle: readonly string[]): FilterValues {
  const all = [...data.projects.map((p) => facetsOf(p.data)), ...data.brokenProjects.map(brokenFacets)];
  const sorted = (values: Iterable<string | null>) => [...new Set([...values].filter((v): v is string => v !== null))].sort();
  const people = data.people.map((p) => p.id);
  return {
    project: sorted(all.map((p) => p.id)),
    manager: sorted([...people, ...all.map((p) => p.manager)]),
    sponsor: sorted([...people, ...all.map((p) => p.sponsor)]),
    department: sorted(all.map((p) => p.department)),
    goal: sorted([...data.goals.map((g) => g.id), ...all.flatMap((p) => p.goals)]),
    phase: [...lifecycle, ...sorted(all.map((p) => p.phase)).filter((phase) => !lifecycle.includes(phase))],
  };
}

const GLOB = /[*?[\]{}!]/;

/** Throws a UsageError for the first value no project, person, goal or phase here is called. */
export function assertFilterValues(filter: PortfolioFilter, known: FilterValues): void {
  for (const key of FILTER_KEYS) {
    for (const value of filter[key] ?? []) {
      // A glob is a pattern: matching nothing is an empty answer, not a typo.
      if (key === 'project' && GLOB.test(value)) continue;
      if (known[key].includes(value)) continue;
      const listed = known[key].length > 12 ? `${known[key].slice(0, 12).join(', ')}, ... (pmo list ${LISTED[key]})` : known[key].join(', ') || 'none';
      throw new UsageError(`--${key} ${value}: no such ${NOUN[key]} here${hintFor(value, known[key])}\nKnown: ${listed}`);
    }
  }
}

/** A typo's nearest value, or the one value the typed text begins (`exec` for execution). */
function hintFor(value: string, known: readonly string[]): string {
  const typo = didYouMean(value, known);
  if (typo) return typo;
  const started = known.filter((k) => k.toLowerCase().startsWith(value.toLowerCase()));
  return started.length === 1 ? `; did you mean '${started[0]}'?` : '';
}

const NOUN: Record<FilterKey, string> = { project: 'project', manager: 'person', sponsor: 'person', department: 'department (no project records it)', goal: 'goal', phase: 'phase' };
const LISTED: Record<FilterKey, string> = { project: 'projects', manager: 'people', sponsor: 'people', department: 'projects', goal: 'goals', phase: 'projects' };

function matcher(key: FilterKey, values: readonly string[]): (p: Facets) => boolean {
  switch (key) {
    case 'project': {
      const match = picomatch()(values as string[]);
      return (p) => match(p.id);
    }
    case 'goal':
      return (p) => p.goals.some((g) => values.includes(g));
    default:
      return (p) => p[key] !== null && values.includes(p[key]!);
  }
}

const WHAT: Record<FilterKey, string> = { project: 'project', manager: 'manager', sponsor: 'sponsor', department: 'department', goal: 'goal', phase: 'phase' };

/** `manager Jane Doe (jdoe); phase execution` */
function describe(filter: PortfolioFilter, nameOf: (key: FilterKey, value: string) => string | null): string {
  return FILTER_KEYS.filter((key) => filter[key]?.length)
    .map((key) => `${WHAT[key]} ${filter[key]!.map((v) => { const name = nameOf(key, v); return name && name !== v ? `${name} (${v})` : v; }).join(' or ')}`)
    .join('; ');
}

/**
 * The portfolio as the filter sees it: only the chosen projects (broken ones too), their findings and the
 * findings of files that are no project's (pmo.yaml, people.yaml: the PMO's own), and the waivers that could
 * apply to a chosen project. Requests are chosen by `--goal` and `--project` only: they have no manager or phase.
 */
export function filterPortfolio(data: PortfolioData, findings: readonly Finding[], filter: PortfolioFilter, names: { person(id: string): string | null; goal(id: string): string | null }) {
  const keys = FILTER_KEYS.filter((key) => filter[key]?.length);
  const tests = keys.map((key) => [key, matcher(key, filter[key]!)] as const);
  const flagOf = (key: FilterKey) => `--${key} ${filter[key]!.join(',')}`;
  const keep = (f: Facets) => tests.every(([, test]) => test(f));
  const projects = data.projects.filter((p) => keep(facetsOf(p.data)));
  const brokenProjects = data.brokenProjects.filter((b) => keep(brokenFacets(b)));
  const kept = new Set([...projects.map((p) => p.path), ...brokenProjects.map((b) => b.path)]);
  const dropped = new Set([...data.projects.map((p) => p.path), ...data.brokenProjects.map((b) => b.path)].filter((path) => !kept.has(path)));
  const requestTests = tests.filter(([key]) => key === 'goal' || key === 'project');
  const requests = data.requests.filter((r) => requestTests.every(([, test]) => test({ id: r.data.id, manager: null, sponsor: null, department: null, goals: r.data.goals ?? [], phase: null })));
  const ids = [...projects.map((p) => p.data.id), ...brokenProjects.map((b) => b.id)];
  const waivers = data.waivers.filter((w) => ids.some((id) => picomatch()(w.project)(id)));
  const nameOf = (key: FilterKey, value: string) => (key === 'manager' || key === 'sponsor' ? names.person(value) : key === 'goal' ? names.goal(value) : null);
  const of = data.projects.length + data.brokenProjects.length;
  const summary: FilterSummary = {
    flags: keys.map((key) => ({ flag: `--${key}`, values: filter[key]! })),
    text: describe(filter, nameOf),
    shown: kept.size,
    of,
    empty: kept.size === 0 ? whichLeftNone(data, tests.map(([key, test]) => [flagOf(key), test] as const), of) : null,
  };
  return {
    data: { ...data, projects, brokenProjects, requests, waivers, leftOut: data.leftOut.filter((l) => !dropped.has(l.file)) },
    findings: findings.filter((f) => !dropped.has(f.file)),
    summary,
  };
}

/** Applies the flags one by one and names the first that leaves no project (and how many the ones before left). */
function whichLeftNone(data: PortfolioData, tests: ReadonlyArray<readonly [string, (f: Facets) => boolean]>, of: number): string {
  if (of === 0) return 'there are no projects in projects/';
  let left = [...data.projects.map((p) => facetsOf(p.data)), ...data.brokenProjects.map(brokenFacets)];
  const before: string[] = [];
  for (const [flag, test] of tests) {
    const next = left.filter(test);
    if (next.length === 0) {
      const among = before.length ? `of the ${plural(left.length, 'project')} that ${before.join(' and ')} ${before.length === 1 ? 'leaves' : 'leave'}` : `of the ${plural(of, 'project')}`;
      return `no project matches: ${flag} leaves none ${among}`;
    }
    before.push(flag);
    left = next;
  }
  return 'no project matches';
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * The projects the report is for: the filter's values checked against the repository's, then the data and
 * findings narrowed before any measure is summed. Unfiltered, everything as it is.
 */
export function narrowPortfolio(kind: string, data: PortfolioData, findings: readonly Finding[], lifecycle: readonly string[], filter: PortfolioFilter | undefined) {
  if (!isFiltered(filter)) return { data, findings, filter: undefined };
  if (kind === 'project') throw new UsageError('pmo report project shows one project: it takes no --manager, --phase or other filter');
  if (kind === 'capacity') throw new UsageError('pmo report capacity weighs every project and request against the same people: it takes no --manager, --phase or other filter');
  const projectOnly = (['manager', 'sponsor', 'department', 'phase'] as const).find((key) => filter[key]?.length);
  if (kind === 'intake' && projectOnly) throw new UsageError(`pmo report intake ranks requests, which have no ${projectOnly}: filter them by --goal or --project <glob>`);
  assertFilterValues(filter, filterValues(data, lifecycle));
  const people = new Map(data.people.map((p) => [p.id, p.name]));
  const goals = new Map(data.goals.map((g) => [g.id, g.title]));
  const narrowed = filterPortfolio(data, findings, filter, { person: (id) => people.get(id) ?? null, goal: (id) => goals.get(id) ?? null });
  return { data: narrowed.data, findings: narrowed.findings, filter: narrowed.summary };
}
