/** Shared by the authoring tests (init, new, update, close): a heavily commented project and line diffs. */
import { readFileSync } from 'node:fs';
import { diffLines } from 'diff';
import { GOALS, PEOPLE, makeRepo, type Files } from './repo.js';

/** A valid project that uses every layout an edit must keep: comments everywhere, quotes, anchors, blank lines, flow maps. */
export const HEAVY = readFileSync(new URL('../fixtures/authoring/heavy.yaml', import.meta.url), 'utf8');

/** A portfolio with the heavy project as projects/apollo.yaml. */
export function heavyRepo(files: Files = {}, options: { git?: boolean } = {}): string {
  return makeRepo(
    {
      'people.yaml': PEOPLE,
      'goals.yaml': GOALS,
      'projects/apollo.yaml': HEAVY,
      'records/apollo/charter.md': '# Charter\n',
      ...files,
    },
    options,
  );
}

/** The lines an edit removed and added, in order: an edit must touch only the lines it means to. */
export function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const removed: string[] = [];
  const added: string[] = [];
  for (const part of diffLines(before, after)) {
    const lines = part.value.replace(/\r?\n$/, '').split(/\r?\n/);
    if (part.removed) removed.push(...lines);
    if (part.added) added.push(...lines);
  }
  return { removed, added };
}

/**
 * stderr without pmo update's warnings of what `pmo check` will report once the edit is written (new-findings.ts):
 * those are the edit's consequences, told on purpose; anything else on stderr is still noise.
 */
export function otherStderr(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !line.startsWith('pmo: warning: once written, pmo check reports '))
    .join('\n');
}
