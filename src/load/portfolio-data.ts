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
import { isRecord } from '../model/labels.js';
import type { SourceFile } from './discover.js';
import { parseYaml } from './parse-yaml.js';
import { decodeSource } from './read.js';

export interface PortfolioData {
  projects: Array<{ path: string; data: Project }>;
  requests: Array<{ path: string; data: Request }>;
  people: Person[];
  goals: Goal[];
  waivers: Waiver[];
  /** Files whose data could not be used, and why (in the report's words). */
  leftOut: Array<{ file: string; reason: string }>;
}

/** Rule ids of the findings that make a file's data unusable for numbers. */
const UNUSABLE = /^(yaml|schema)\//;

/** A file's data, read as the check read it: from the work tree, or from a past commit (--as-of). */
export const parsedFrom = (read: (path: string) => Uint8Array) => (file: SourceFile): unknown =>
  parseYaml(decodeSource(file.path, file.kind, read(file.path)).text, file.path).data;

/** `dataOf` gives a file's data: parsed now (`parsedFrom`), or as a history run's memo holds it. */
export function readPortfolioData(files: readonly SourceFile[], dataOf: (file: SourceFile) => unknown, findings: readonly Finding[]): PortfolioData {
  const broken = new Map<string, number>();
  for (const f of findings) {
    if (f.severity === 'error' && UNUSABLE.test(f.rule)) broken.set(f.file, (broken.get(f.file) ?? 0) + 1);
  }
  const out: PortfolioData = { projects: [], requests: [], people: [], goals: [], waivers: [], leftOut: [] };
  for (const file of files) {
    if (!['project', 'request', 'people', 'goals', 'waivers'].includes(file.kind)) continue;
    const errors = broken.get(file.path);
    if (errors) {
      out.leftOut.push({ file: file.path, reason: `${errors} YAML or schema error${errors === 1 ? '' : 's'}: run pmo check ${file.path}` });
      continue;
    }
    const data = dataOf(file);
    if (!isRecord(data)) continue; // an empty optional file: nothing to report
    if (file.kind === 'project') out.projects.push({ path: file.path, data: data as unknown as Project });
    else if (file.kind === 'request') out.requests.push({ path: file.path, data: data as unknown as Request });
    else if (file.kind === 'people') out.people = (data.people ?? []) as Person[];
    else if (file.kind === 'goals') out.goals = (data.goals ?? []) as Goal[];
    else out.waivers = (data.waivers ?? []) as Waiver[];
  }
  return out;
}
