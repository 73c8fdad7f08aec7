/**
 * `pmo log <project>`: who changed what and when in a project's file, field by field, from git's history.
 *
 * One `git log --follow` names every commit that touched the file and its blobs before and after; one
 * `git cat-file --batch` reads those blobs; each distinct blob is parsed once. The field diff itself is
 * pure (field-diff.ts, field-select.ts).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { idOfFile, YAML_FILE } from '../layout.js';
import { findRoot } from '../load/discover.js';
import { GitRepo, SHALLOW_FIX, type FileCommit, type FileDiff } from '../load/git.js';
import { decodeSource } from '../load/read.js';
import { parseYaml } from '../load/parse-yaml.js';
import { DATE, isRealDate } from '../model/dates.js';
import { didYouMean, suggest } from '../model/suggest.js';
import { diffFields, isPlain, type FieldChange, type Plain } from './field-diff.js';
import { hasSelected, parseSelector, pathsOf, selectedChanges, type FieldSelector } from './field-select.js';

export interface LogOptions {
  cwd?: string;
  /** A project id (`apollo`), or its file (`projects/apollo.yaml`). */
  project: string;
  /** --field selectors: only changes to these fields. */
  fields?: string[];
  /** Only commits authored on or after this date (YYYY-MM-DD), or made after this ref (`<ref>..HEAD`). */
  since?: string;
  /** At most this many commits (the newest). */
  limit?: number;
  /** The command the user ran, as messages about git name it (default `pmo log`). */
  command?: string;
}

/**
 * What a commit did to the file: `created` (also as a copy of another file: `copied_from`), `modified`,
 * `renamed` (`renamed_from`; fields may change too), `deleted`, `merged` (a merge that differs from every
 * parent: the changes are what the merge itself decided), `history-starts` (a shallow clone's history stops
 * at this commit, which has the file: what it changed is not known). A merge is listed only when it changed a
 * field to something no parent had (a conflict resolved by hand, say): what it merged is listed already.
 */
export type LogEvent = 'created' | 'modified' | 'renamed' | 'deleted' | 'merged' | 'history-starts';

export interface LogCommit {
  sha: string;
  short: string;
  author: { name: string; email: string };
  /** Author date on the author's calendar, and the full author time with its offset. */
  date: string;
  authored_at: string;
  subject: string;
  /** The file's path after the commit (before it, for a deletion). */
  file: string;
  event: LogEvent;
  renamed_from: string | null;
  copied_from: string | null;
  /** Why the file did not parse at this commit (no changes are known then), or null. */
  parse_error: string | null;
  /** When the version before this commit did not parse: the commit whose version the changes are against. */
  compared_with: string | null;
  changes: FieldChange[];
}

export interface MissingField {
  field: string;
  did_you_mean: string | null;
}

export interface ProjectLog {
  project: string;
  file: string;
  fields: string[] | null;
  since: string | null;
  /** Newest first. */
  commits: LogCommit[];
  /** Commits of the file (in the --since range) older than the last one listed, which --limit left unexamined. */
  omitted: number;
  /** --field selectors that no version of the file has a value for. */
  missing_fields: MissingField[];
  /** Set when a shallow clone's history stops before the history asked for: what is missing and the fix. */
  incomplete: string | null;
  /** False when the file is in the work tree but no commit has it yet. */
  committed: boolean;
}

interface Version {
  data?: Plain;
  error?: string;
}

export async function projectLog(options: LogOptions): Promise<ProjectLog> {
  const root = findRoot(options.cwd ?? process.cwd());
  const selectors = (options.fields ?? []).map(parseSelector);
  const since = options.since?.trim();
  const sinceDate = since !== undefined && DATE.test(since) ? since : undefined;
  if (sinceDate && !isRealDate(sinceDate)) throw new UsageError(`--since ${since}: not a real date (write YYYY-MM-DD, or name a commit, branch or tag)`);
  const sinceRef = since !== undefined && !sinceDate ? since : undefined;
  if (sinceRef === '' || sinceRef?.startsWith('-')) throw new UsageError(`--since needs a date (YYYY-MM-DD) or a commit, branch or tag${sinceRef ? `, not '${sinceRef}'` : ''}`);

  const id = idOfFile(options.project.trim());
  const onDisk = projectFiles(root);
  const file = onDisk.find((f) => idOfFile(f) === id) ?? `projects/${id}.yaml`;
  const repo = GitRepo.open(root, options.command ?? 'pmo log');
  const history = await repo.fileHistory(file, sinceRef);
  if (history.commits.length === 0 && !onDisk.includes(file) && sinceRef === undefined) {
    const known = onDisk.map(idOfFile);
    throw new UsageError(`there is no project '${id}' (no ${file} in the work tree or in its history)${didYouMean(id, known)}`);
  }

  // A merge that took the file as one parent had it changes nothing of its own: --follow lists it anyway,
  // without a diff.
  const commits = ownHistory(history.commits.filter((c) => c.diffs.length > 0));
  const blobs = await repo.readBlobs(commits.flatMap((c) => c.diffs.flatMap((d) => [d.before, d.after])).filter((b): b is string => b !== undefined));
  const versions = new Map<string, Version>();
  const version = (blob: string | undefined): Version | undefined => {
    if (blob === undefined) return undefined;
    let parsed = versions.get(blob);
    if (!parsed) versions.set(blob, (parsed = parseVersion(blobs.get(blob)!, file)));
    return parsed;
  };

  // Newest first, and only as far as --limit needs (each blob is parsed when first wanted). A version that does
  // not parse is stepped over: the next commit's changes are against the newest older version that parses.
  const lastGoodBefore = (at: number): { data: Plain; short: string } | undefined => {
    for (let j = at + 1; j < commits.length; j++) {
      const after = commits[j]!.diffs[0]?.after;
      if (after === undefined) return undefined; // deleted there: nothing older is "before"
      const data = version(after)?.data;
      if (data) return { data, short: commits[j]!.short };
    }
    return undefined;
  };
  const inRange = (commit: FileCommit) => sinceDate === undefined || commit.authoredAt.slice(0, 10) >= sinceDate;
  const shown: LogCommit[] = [];
  let omitted = 0;
  // With --field, a version that does not parse hides what happened to the fields; the next one that parses
  // shows it (compared with the last that did). So only the newest stretch of such versions is listed.
  let parsesLater = false;
  for (let i = 0; i < commits.length; i++) {
    const commit = commits[i]!;
    if (!inRange(commit)) continue;
    if (options.limit !== undefined && shown.length >= options.limit) {
      omitted = commits.slice(i).filter(inRange).length;
      break;
    }
    const e = describe(commit, history.boundaries.has(commit.sha), selectors, version, () => lastGoodBefore(i));
    const broken = e.parse_error !== null;
    const keep =
      (e.event !== 'merged' || e.changes.length > 0 || broken) &&
      (selectors.length === 0 || e.changes.length > 0 || e.event === 'history-starts' || (broken && !parsesLater));
    if (!broken && e.event !== 'deleted') parsesLater = true;
    if (keep) shown.push(e);
  }
  const start = shown.find((e) => e.event === 'history-starts');

  // A field no version has may be a typo. The versions already parsed answer for every field that changed;
  // only for one that did not are the rest parsed.
  const has = (s: FieldSelector, list: Iterable<Version>) => [...list].some((v) => v.data !== undefined && hasSelected(v.data, s));
  const everyVersion = () => commits.flatMap((c) => c.diffs.map((d) => version(d.after)).filter((v) => v !== undefined));
  const newest = () => commits.map((c) => version(c.diffs[0]?.after)?.data).find((d) => d !== undefined);
  const missing = selectors
    .filter((s) => !has(s, versions.values()) && !has(s, everyVersion()))
    .map((s) => {
      const data = newest();
      return { field: s.text, did_you_mean: data ? (suggest(s.text, pathsOf(data)) ?? null) : null };
    });

  return {
    project: id,
    file,
    fields: selectors.length > 0 ? selectors.map((s) => s.text) : null,
    since: since ?? null,
    commits: shown,
    omitted,
    missing_fields: missing,
    incomplete: start ? shallowMessage(start, file) : null,
    committed: history.commits.length > 0 || sinceRef !== undefined,
  };
}

/** The project files in the work tree (`projects/<id>.yaml`). */
function projectFiles(root: string): string[] {
  try {
    return readdirSync(join(root, 'projects'))
      .filter((name) => YAML_FILE.test(name))
      .sort()
      .map((name) => `projects/${name}`);
  } catch {
    return [];
  }
}

/**
 * `git log --follow` also follows a copy: a project created from another one's file would inherit that
 * project's history. The file's own history ends at the copy, which created it.
 */
function ownHistory(commits: FileCommit[]): FileCommit[] {
  const copy = commits.findIndex((c) => c.parents.length <= 1 && c.diffs[0]?.status === 'C');
  return copy < 0 ? commits : commits.slice(0, copy + 1);
}

function describe(
  commit: FileCommit,
  boundary: boolean,
  selectors: readonly FieldSelector[],
  version: (blob: string | undefined) => Version | undefined,
  lastGoodBefore: () => { data: Plain; short: string } | undefined,
): LogCommit {
  const diff: FileDiff = commit.diffs[0] ?? { status: 'M', path: '' };
  const merge = commit.diffs.length > 1;
  const event: LogEvent = merge
    ? 'merged'
    : diff.status === 'A' && boundary
      ? 'history-starts'
      : diff.status === 'A' || diff.status === 'C'
        ? 'created'
        : diff.status === 'D'
          ? 'deleted'
          : diff.status === 'R'
            ? 'renamed'
            : 'modified';
  const after = version(diff.after);
  const entry: LogCommit = {
    sha: commit.sha,
    short: commit.short,
    author: { name: commit.author, email: commit.email },
    date: commit.authoredAt.slice(0, 10),
    authored_at: commit.authoredAt,
    subject: commit.subject,
    file: diff.path,
    event,
    renamed_from: diff.status === 'R' && !merge ? (diff.from ?? null) : null,
    copied_from: diff.status === 'C' && !merge ? (diff.from ?? null) : null,
    parse_error: after?.error ? `the file did not parse at this commit: ${after.error}` : null,
    compared_with: null,
    changes: [],
  };
  if (event === 'history-starts' || after?.error) return entry;
  const changes = (before: unknown, now: unknown) => (selectors.length > 0 ? selectedChanges(before, now, selectors) : diffFields(before, now));
  const against = (blob: string | undefined): Plain | undefined => {
    const before = version(blob);
    if (!before?.error) return before?.data;
    const lastGood = lastGoodBefore();
    entry.compared_with = lastGood?.short ?? null;
    return lastGood?.data;
  };

  if (event === 'created' || event === 'deleted') {
    // The whole file appearing or going is the news; the fields asked for show their first or last values.
    if (selectors.length > 0) entry.changes = event === 'created' ? changes(undefined, after?.data) : changes(against(diff.before), undefined);
  } else if (merge) {
    // What the merge decided itself: the fields that differ from every parent (which parent's value is "old"
    // is a matter of view; the first parent's, the branch merged into, is shown).
    const perParent = commit.diffs.map((d) => changes(against(d.before), after?.data));
    const inEvery = perParent.slice(1).reduce((paths, list) => new Set(list.map((c) => c.path).filter((p) => paths.has(p))), new Set(perParent[0]!.map((c) => c.path)));
    entry.changes = perParent[0]!.filter((c) => inEvery.has(c.path));
  } else {
    entry.changes = changes(against(diff.before), after?.data);
  }
  return entry;
}

function parseVersion(bytes: Uint8Array, file: string): Version {
  const source = decodeSource(file, 'project', bytes);
  if (source.encodingFinding) return { error: 'it is not valid UTF-8' };
  const text = source.text.replace(/^\uFEFF/, '');
  const parsed = parseYaml(text, file);
  const first = parsed.findings[0];
  if (first) {
    const offset = 'offset' in first.at ? first.at.offset : 0;
    const line = text.slice(0, offset).split('\n').length;
    return { error: `line ${line}: ${first.message}` };
  }
  if (!isPlain(parsed.data)) return { error: parsed.data == null ? 'it is empty' : 'it is not a mapping of fields' };
  return { data: parsed.data };
}

function shallowMessage(start: LogCommit, file: string): string {
  return (
    `this clone's history stops at ${start.short} (${start.date}), where ${file} already exists: its earlier changes ` +
    `are not in this clone, so this log may be incomplete; ${SHALLOW_FIX}`
  );
}
