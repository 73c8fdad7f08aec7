/** Did-you-mean for names a PM typed: the closest known name, if it is close enough to be the intended one. */
import { distance } from 'fastest-levenshtein';

export function suggest(typed: string, known: Iterable<string>): string | undefined {
  const lower = typed.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const other = candidate.toLowerCase();
    // Two letters swapped (`jdeo` for `jdoe`) is one slip of the fingers, not two edits.
    const d = isTransposition(lower, other) ? 1 : distance(lower, other);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  // One edit per three characters: `budjet` → `budget`, `mitigaton` → `mitigation`, but not `foo` → `id`.
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(typed.length / 3)) ? best : undefined;
}

export function didYouMean(typed: string, known: Iterable<string>): string {
  const match = suggest(typed, known);
  return match ? `; did you mean '${match}'?` : '';
}

function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const i = [...a].findIndex((ch, k) => ch !== b[k]);
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
