/**
 * "Since last week" from git: the project files as the compared commit had them against the ones reported.
 * No history walk: one `git ls-tree` of that commit gives every file's blob id, which is git's hash of its
 * bytes, so a file whose bytes are the same has not changed and is not read; the others are read in one
 * `git cat-file --batch` and parsed. The comparison itself is week-changes.ts.
 */
import { GitError, UsageError } from '../errors.js';
import { GitRepo } from '../load/git.js';
import { parseYaml } from '../load/parse-yaml.js';
import { decodeSource, hashBytes } from '../load/read.js';
import { measureProject, type ProjectMeasures } from '../metrics/measures.js';
import type { Config } from '../model/config.js';
import { addDays, DATE, isRealDate } from '../model/dates.js';
import { isRecord } from '../model/labels.js';
import type { Project } from '../model/schemas/project.js';
import { dataOfEarlier } from './reuse-sections.js';
import { weekChanges, type ProjectPair, type WeekChanges } from './week-changes.js';

/** How far back "last week" is from the report's day when --since does not say. */
export const WEEK_DAYS = 7;

export interface SinceInput {
  root: string;
  /** The command, for git's messages (`pmo report weekly --since ...`). */
  command: string;
  /** --since: a date (the last commit on or before it) or a ref; default the report's day less a week. */
  spec?: string;
  /** The report's day. */
  day: string;
  config: Config;
  /** The projects reported, with their file's bytes (work tree or --as-of commit) and their measures. */
  current: ReadonlyArray<{ path: string; data: Project; bytes(): Uint8Array; measures: ProjectMeasures }>;
}

export type Since =
  | { available: true; asked: string; commit: string; date: string; day: string; files_compared: number; changes: WeekChanges }
  | { available: false; asked: string; reason: string };

export async function sinceLastWeek(input: SinceInput): Promise<Since> {
  const asked = input.spec ?? addDays(input.day, -WEEK_DAYS);
  if (DATE.test(asked) && !isRealDate(asked)) throw new UsageError(`--since ${asked}: not a real date (write YYYY-MM-DD, or name a commit, branch or tag)`);
  const git = GitRepo.open(input.root, input.command);
  let from: { commit: string; date: string; day: string };
  let tree: Map<string, string>;
  try {
    from = await git.commitAsOf(asked);
    tree = (await git.treeAt(from.commit)).blobs;
  } catch (error) {
    // Asked for, a commit that is not there is an error; by default, a report without history says so and goes on.
    if (input.spec !== undefined || !(error instanceof GitError)) throw error;
    return { available: false, asked, reason: error.message.replace(/^[^:]*: /, '') };
  }
  const changed = input.current.filter((p) => {
    const blob = tree.get(p.path);
    return blob !== undefined && blob !== hashBytes(p.bytes());
  });
  const bytes = await git.readBlobs(changed.map((p) => tree.get(p.path)!));
  const pairs = input.current.map((p): ProjectPair => {
    const blob = tree.get(p.path);
    const base = { id: p.data.id, name: p.data.name, after: p.measures };
    if (blob === undefined) return { ...base, before: undefined };
    // The same bytes: nothing moved (measured again on the earlier day, an age would differ, not the project).
    if (!bytes.has(blob)) return { ...base, before: p.measures };
    const before = projectOf(p.path, bytes.get(blob)!, p);
    return before ? { ...base, before: measureProject(before, input.config, from.day) } : { ...base, before: undefined, unreadable: true };
  });
  return { available: true, asked, commit: from.commit, date: from.date, day: from.day, files_compared: changed.length, changes: weekChanges(pairs, from.day) };
}

/**
 * The previous version's data, when it parses to a project at all (its schema errors are that week's business).
 * Only what differs from the version reported is parsed (reuse-sections.ts): a week changes a field or two.
 */
function projectOf(path: string, bytes: Uint8Array, now: { data: Project; bytes(): Uint8Array }): Project | undefined {
  try {
    const text = decodeSource(path, 'project', bytes).text;
    const data = dataOfEarlier(text, { text: decodeSource(path, 'project', now.bytes()).text, data: now.data }) ?? wholeOf(text, path);
    return isRecord(data) && typeof data.phase === 'string' ? (data as unknown as Project) : undefined;
  } catch {
    return undefined;
  }
}

/** What the fast parser declines (anchors, tabs, a YAML error) the full one reads, as a check would. */
function wholeOf(text: string, path: string): unknown {
  const parsed = parseYaml(text, path);
  return parsed.findings.length === 0 ? parsed.data : undefined;
}
