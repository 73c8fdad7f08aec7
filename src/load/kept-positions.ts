/**
 * Where each node of a day-bound file stands, kept beside its data (see Rejudge), so that a new day's findings
 * are placed without reading or parsing the file again: a risk whose review falls due today points at its
 * `review_by`, which no finding pointed at yesterday.
 *
 * Compact, because the cache keeps one per day-bound file: the nodes in the order a walk of the data meets them
 * (the kept data is walked again in the same order: JSON keeps the keys' order), four small numbers each: the
 * key's start as a step from the previous node's, the key's length, where the value starts from the key, and
 * the value's length (a list item or the root: its start twice, the same numbers). Then the lengths of the
 * file's lines, for lines and columns. ~4.7 KB of JSON for the bench's 7.5 KB project files, against ~12 KB for
 * the index by path.
 */
import type { PathAnchor } from './position-index.js';
import { anchorKey, pathKey, resolveAnchor, toPosition, type PositionIndex, type Spans } from './position.js';

export interface KeptPositions {
  nodes: number[];
  lines: number[];
}

type Visit = (path: Array<string | number>) => boolean;

/** Calls `visit` on every node of the data, root first, children in order; stops when it says false. */
function walk(value: unknown, path: Array<string | number>, visit: Visit): boolean {
  if (!visit(path)) return false;
  if (Array.isArray(value)) return value.every((item, i) => walk(item, [...path, i], visit));
  if (typeof value === 'object' && value !== null) return Object.entries(value).every(([key, item]) => walk(item, [...path, key], visit));
  return true;
}

/** The positions of every node of `data` in its index; undefined when the index lacks one (the data came through a merge key, say). */
export function keepPositions(data: unknown, index: PositionIndex, starts: readonly number[]): KeptPositions | undefined {
  const nodes: number[] = [];
  let previous = 0;
  const whole = walk(data, [], (path) => {
    const span = index[pathKey(path)];
    if (!span) return false;
    const [keyStart, keyEnd, valueStart, valueEnd] = span;
    nodes.push(keyStart - previous, keyEnd - keyStart, valueStart - keyStart, valueEnd - valueStart);
    previous = keyStart;
    return true;
  });
  if (!whole) return undefined;
  const lines = starts.slice(1).map((start, i) => start - starts[i]!);
  return { nodes, lines };
}

/** The placed spans (offsets, lines and columns) of the anchors, from the kept positions of the same data. */
export function keptSpans(data: unknown, kept: KeptPositions, anchors: readonly PathAnchor[]): Spans {
  const index: PositionIndex = {};
  let at = 0;
  let previous = 0;
  walk(data, [], (path) => {
    if (at + 4 > kept.nodes.length) return false;
    const [step, keyLength, gap, valueLength] = kept.nodes.slice(at, (at += 4)) as [number, number, number, number];
    const keyStart = previous + step;
    index[pathKey(path)] = [keyStart, keyStart + keyLength, keyStart + gap, keyStart + gap + valueLength];
    previous = keyStart;
    return true;
  });
  const starts = [0];
  for (const length of kept.lines) starts.push(starts.at(-1)! + length);
  const spans: Spans = {};
  for (const anchor of anchors) {
    const span = resolveAnchor(anchor, index);
    const { line, column, endLine, endColumn } = toPosition(starts, span);
    spans[anchorKey(anchor)] = [span[0], span[1], line, column, endLine, endColumn];
  }
  return spans;
}
