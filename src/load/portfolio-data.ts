/**
 * The portfolio's data, for reports: every project, request, person, goal and waiver, parsed. `pmo check`
 * never needs this (its cache holds findings and facts, not data); a report reads every file once.
 *
 * A file with YAML or schema errors is left out and said so: numbers built on data of the wrong shape would
 * be wrong without anyone noticing, and `pmo check` already points at what to fix.
 */
import type { Finding } from '../findings.js';
import type { Project } from '../model/schemas/project.js';
import type { Goal, Person, Waiver } from '../model/schemas/people.js';
import type { Request } from '../model/schemas/request.js';
import type { Audit } from '../model/schemas/audit.js';
import { isRecord } from '../model/labels.js';
import { idOfFile } from '../layout.js';
import { NOT_A_FILE, TOO_LARGE, type SourceFile } from './discover.js';
import { parseYaml } from './parse-yaml.js';
import { decodeSource } from './read.js';

export interface PortfolioData {
  projects: Array<{ path: string; data: Project }>;
  requests: Array<{ path: string; data: Request }>;
  people: Person[];
  goals: Goal[];
  waivers: Waiver[];
  /** audits/<id>.yaml, each without errors. */
  audits: Array<{ path: string; data: Audit }>;
  /** Files whose data could not be used, and why (in the report's words). */
  leftOut: Array<{ file: string; reason: string }>;
  /**
   * The projects among them, as far as they can be read: an audit still counts them against their manager and
   * department, and their budget still belongs to their goals. Only fields of the right type are kept.
   */
  brokenProjects: BrokenProject[];
}

/** What a project file with YAML or schema errors still says of itself (its id is its file name). */
export interface BrokenProject {
  path: string;
  id: string;
  name: string | null;
  manager: string | null;
  phase: string | null;
  department: string | null;
  currency: string | null;
  goals: string[];
  baseline: number | null;
}

/** Rule ids of the findings that make a file's data unusable for numbers. */
const UNUSABLE = /^(yaml|schema)\//;
/** Files that may be empty: an empty one says there is nothing of its kind yet. */
const OPTIONAL_KINDS = new Set(['people', 'goals', 'waivers']);

/** A file's data, read as the check read it: from the work tree, or from a past commit (--as-of). */
export const parsedFrom = (read: (path: string) => Uint8Array) => (file: SourceFile): unknown =>
  parseYaml(decodeSource(file.path, file.kind, read(file.path)).text, file.path).data;

/**
 * A file's data read as `parsedFrom` reads it, each file's bytes and data kept: `unchanged` then gives another
 * reading of the portfolio (an older commit's) the data of a file whose bytes are the same, without parsing it.
 */
export function keptParse(read: (path: string) => Uint8Array) {
  const kept = new Map<string, { bytes: Uint8Array; data: unknown }>();
  return {
    dataOf(file: SourceFile): unknown {
      const bytes = read(file.path);
      const data = parseYaml(decodeSource(file.path, file.kind, bytes).text, file.path).data;
      kept.set(file.path, { bytes, data });
      return data;
    },
    /** The data kept for `path` when `bytes` are the bytes it was read from; undefined otherwise. */
    unchanged(path: string, bytes: Uint8Array): { data: unknown } | undefined {
      const known = kept.get(path);
      return known && Buffer.from(known.bytes.buffer, known.bytes.byteOffset, known.bytes.byteLength).equals(bytes) ? { data: known.data } : undefined;
    },
  };
}

/** `dataOf` gives a file's data: parsed now (`parsedFrom`), or as a history run's memo holds it. */
export function readPortfolioData(files: readonly SourceFile[], dataOf: (file: SourceFile) => unknown, findings: readonly Finding[]): PortfolioData {
  const broken = new Map<string, number>();
  for (const f of findings) {
    if (f.severity === 'error' && UNUSABLE.test(f.rule)) broken.set(f.file, (broken.get(f.file) ?? 0) + 1);
  }
  // A data file that is not a file (a FIFO, a link to nothing), or too large to be one, has nothing to read:
  // reading would hang or fail.
  const unreadable = new Map(findings.filter((f) => f.rule === NOT_A_FILE || f.rule === TOO_LARGE).map((f) => [f.file, f.rule === NOT_A_FILE ? 'not a file' : 'too large to read']));
  const out: PortfolioData = { projects: [], requests: [], people: [], goals: [], waivers: [], audits: [], leftOut: [], brokenProjects: [] };
  for (const file of files) {
    if (!['project', 'request', 'people', 'goals', 'waivers', 'audit'].includes(file.kind)) continue;
    if (unreadable.has(file.path)) {
      out.leftOut.push({ file: file.path, reason: `${unreadable.get(file.path)}: run pmo check ${file.path}` });
      if (file.kind === 'project') out.brokenProjects.push(brokenProject(file.path, undefined));
      continue;
    }
    const errors = broken.get(file.path);
    if (errors) {
      out.leftOut.push({ file: file.path, reason: `${errors} YAML or schema error${errors === 1 ? '' : 's'}: run pmo check ${file.path}` });
      if (file.kind === 'project') out.brokenProjects.push(brokenProject(file.path, dataOf(file)));
      continue;
    }
    const data = dataOf(file);
    if (!isRecord(data)) {
      // An empty people, goals or waivers file has nothing to report. A project, request or audit always has
      // data, or a finding that says why not: without either, it is left out saying so, not taken for absent
      // ("no project 'x'" of a file that is there).
      if (OPTIONAL_KINDS.has(file.kind)) continue;
      out.leftOut.push({ file: file.path, reason: `no data pmo could read: run pmo check ${file.path}` });
      if (file.kind === 'project') out.brokenProjects.push(brokenProject(file.path, undefined));
      continue;
    }
    if (file.kind === 'project') out.projects.push({ path: file.path, data: data as unknown as Project });
    else if (file.kind === 'request') out.requests.push({ path: file.path, data: data as unknown as Request });
    else if (file.kind === 'people') out.people = (data.people ?? []) as Person[];
    else if (file.kind === 'goals') out.goals = (data.goals ?? []) as Goal[];
    else if (file.kind === 'audit') out.audits.push({ path: file.path, data: data as unknown as Audit });
    else out.waivers = (data.waivers ?? []) as Waiver[];
  }
  return out;
}

/** The fields of a broken project file that still have the right type (a file with YAML errors has none). */
function brokenProject(path: string, data: unknown): BrokenProject {
  const file = isRecord(data) ? data : {};
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  const budget = isRecord(file.budget) ? file.budget : {};
  return {
    path,
    id: idOfFile(path),
    name: text(file.name),
    manager: text(file.manager),
    phase: text(file.phase),
    department: text(file.department),
    currency: text(file.currency),
    goals: Array.isArray(file.goals) ? file.goals.filter((g): g is string => typeof g === 'string') : [],
    baseline: typeof budget.baseline === 'number' && Number.isFinite(budget.baseline) ? budget.baseline : null,
  };
}
