/**
 * Integrity across files, and against today and the file system: references to people, goals, projects and
 * record files, and actual dates that have not happened yet. Runs on every check, because its answers change
 * when another file, a record or the date does.
 *
 * Two steps, so that a warm check needs only the files' cached facts (see references.ts): find which values
 * of which files are broken, then turn each into findings at the references that use it.
 */
import type { FileKind } from '../load/discover.js';
import type { RawFinding } from '../findings.js';
import type { FileFacts, Reference, ReferenceKind } from './references.js';
import { didYouMean } from './suggest.js';
import { idOfFile } from '../layout.js';

export interface IntegrityContext {
  today: string;
  /** Whether a repo-relative path names an existing file (working tree, or a git tree for as-of runs). */
  exists: (path: string) => boolean;
  /** For a path `exists` says no to: the folder pmo may not list, when that is why (the working tree only). */
  unreadable?: (path: string) => string | undefined;
}

export interface FactsOfFile {
  path: string;
  kind: FileKind;
  /** Undefined when the file could not be read (YAML errors): what it defines is unknown, not empty. */
  facts: FileFacts | undefined;
}

/** A value that does not resolve, in one file; for actual dates, "every date after `value` (today)". */
export interface BrokenValue {
  file: string;
  project?: string;
  kind: ReferenceKind;
  value: string;
  rule: string;
  /** The message after a reference's subject, for one reference of this value. */
  rest: (ref: Reference) => string;
}

const OUTSIDE_REPO = /^(\/|[A-Za-z]:[\\/]|\\\\)|(^|[\\/])\.\.([\\/]|$)/;
/** Records kept in a document system: web addresses only (a file:// URL would leave the repository). */
const URL_LIKE = /^https?:\/\//i;

/** The ids references are resolved against; null where the registry is absent or unreadable. */
export type Registries = Record<'person' | 'goal' | 'project', Set<string> | null>;

export function buildRegistries(files: readonly FactsOfFile[]): Registries {
  // A registry that is absent or unreadable cannot vouch for anything: its references go unchecked
  // rather than each becoming a finding (one broken people.yaml must not flood the report).
  const registry = (kind: FileKind) => {
    const file = files.find((f) => f.kind === kind);
    return file?.facts?.defines ? new Set(file.facts.defines) : null;
  };
  return {
    person: registry('people'),
    goal: registry('goals'),
    project: new Set(files.filter((f) => f.kind === 'project').map((f) => idOfFile(f.path))),
  };
}

const REGISTRY_WORDS = {
  person: { where: 'people.yaml', hint: '; add them to people.yaml or fix the id' },
  goal: { where: 'goals.yaml', hint: '' },
  project: { where: 'projects/', hint: '' },
};

export function findBrokenValues(files: readonly FactsOfFile[], registries: Registries, ctx: IntegrityContext): BrokenValue[] {
  const broken: BrokenValue[] = [];
  for (const { path: file, kind, facts } of files) {
    if (!facts) continue;
    const project = kind === 'project' ? { project: idOfFile(file) } : {};
    const add = (refKind: ReferenceKind, value: string, rule: string, rest: (ref: Reference) => string) =>
      broken.push({ file, ...project, kind: refKind, value, rule, rest });

    for (const value of facts.values.record ?? []) {
      if (OUTSIDE_REPO.test(value)) {
        add('record', value, 'ref/record-outside-repo', () =>
          `: path '${value}' leaves the repository; record paths are relative to the repo root and stay inside it (e.g. records/${project.project ?? '<project>'}/charter.md)`);
      } else if (!URL_LIKE.test(value) && !ctx.exists(value.replace(/^\.\//, ''))) {
        const folder = ctx.unreadable?.(value.replace(/^\.\//, ''));
        if (folder) {
          add('record', value, 'ref/unreadable-record', () =>
            `: file '${value}' cannot be read: pmo may not list its folder '${folder}'; give it read access, or fix the path`);
        } else add('record', value, 'ref/missing-record', () => `: file '${value}' does not exist in the repository; add the record or fix the path`);
      }
    }
    for (const refKind of ['person', 'goal', 'project'] as const) {
      const ids = registries[refKind];
      const { where, hint } = REGISTRY_WORDS[refKind];
      if (!ids) continue;
      for (const value of facts.values[refKind] ?? []) {
        if (ids.has(value)) continue;
        // Worded only when a finding is made of it: a check that reports few files skips the did-you-mean search.
        let rest: string | undefined;
        add(refKind, value, `ref/unknown-${refKind}`, () => (rest ??= ` '${value}' is not in ${where}${didYouMean(value, ids) || hint}`));
      }
    }
    if (facts.latestActual && facts.latestActual > ctx.today) {
      add('actual-date', ctx.today, 'dates/future', (ref) =>
        ` ${ref.value} is after today (${ctx.today}): it records what happened, so it cannot be in the future; plans go in forecast fields`);
    }
  }
  return broken;
}

/** Whether a reference uses a broken value: it makes one of the value's findings. */
const usesValue = (b: Pick<BrokenValue, 'kind' | 'value'>, ref: Reference) => ref.kind === b.kind && (b.kind === 'actual-date' ? ref.value > b.value : ref.value === b.value);

/**
 * What a file keeps of its references (located and worded, for the findings of its broken values without a read
 * of it): those of each broken value, and its actual dates ahead of the day once one is, with that day
 * (`datesAfter`: every actual date after it is kept; '' for all of them). The others are worked out again, by
 * reading the file, if they break.
 */
export interface KeptReferences {
  references?: Reference[];
  datesAfter?: string;
}

export function referencesToKeep(broken: readonly BrokenValue[], references: readonly Reference[]): KeptReferences {
  const ahead = broken.find((b) => b.kind === 'actual-date')?.value;
  const values = new Set(broken.flatMap((b) => (b.kind === 'actual-date' ? [] : [`${b.kind}\0${b.value}`])));
  const kept = references.filter((ref) => (ref.kind === 'actual-date' ? ahead !== undefined && ref.value > ahead : values.has(`${ref.kind}\0${ref.value}`)));
  return kept.length === 0 ? {} : { references: kept, ...(ahead === undefined ? {} : { datesAfter: ahead }) };
}

/**
 * Whether a file's kept references (see referencesToKeep) are all its broken values need: each value's are kept
 * all or none, and the actual dates after a day all, which holds for that day and any later one.
 */
export function keepsReferencesFor(broken: readonly BrokenValue[], { references, datesAfter }: KeptReferences): boolean {
  return broken.every((b) => (b.kind === 'actual-date' ? datesAfter !== undefined && datesAfter <= b.value : references?.some((ref) => usesValue(b, ref)) === true));
}

/** The findings of broken values, one per reference that uses them. */
export function brokenReferenceFindings(broken: readonly BrokenValue[], referencesOf: (file: string) => readonly Reference[]): RawFinding[] {
  return broken.flatMap((b) =>
    referencesOf(b.file)
      .filter((ref) => usesValue(b, ref))
      .map((ref): RawFinding => ({
        rule: b.rule,
        severity: 'error',
        message: `${ref.subject}${b.rest(ref)}`,
        file: b.file,
        at: { path: ref.path },
        ...(b.project ? { project: b.project } : {}),
        ...(ref.item ? { item: ref.item } : {}),
      })),
  );
}
