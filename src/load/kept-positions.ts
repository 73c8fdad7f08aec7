/**
 * Where each node of a day-bound file stands, kept beside its data (see Rejudge), so that a new day's findings
 * are placed without reading or parsing the file again: a risk whose review falls due today points at its
 * `review_by`, which no finding pointed at yesterday.
 *
 * Compact, because the cache keeps one per day-bound file: the nodes in the order a walk of the data meets them
 * (the kept data is walked again in the same order: JSON keeps the keys' order), four small numbers each: the
 * key's start as a step from the previous node's, the key's length, where the value starts from the key, and
 * the value's length (a list item or the root: its start twice, the same numbers). Then the lengths of the
 * file's lines, for lines and columns. ~4.7 KB for the bench's 7.5 KB project files, against ~12 KB of JSON for
 * the index by path.
 *
 * Kept as one string of numbers (`nodes;lines`, each comma-separated), not as JSON arrays: a new day reads every
 * day-bound file's record, and needs the positions of the few that have new findings. A string is read out of the
 * record's JSON at the cost of a copy; two arrays of ~1,200 numbers were a third of what the rejudge threads
 * parsed, and of their garbage.
 */
import { anchorKey, childPathKey, pathKey, resolveAnchor, toPosition, type PathAnchor, type PositionIndex, type Spans } from './position.js';

export type KeptPositions = string;

type Visit = (path: Array<string | number>) => boolean;

/** Calls `visit` on every node of the data, root first, children in order; stops when it says false. */
function walk(value: unknown, path: Array<string | number>, visit: Visit): boolean {
  return visit(path) && children(value).every(([key, item]) => walk(item, [...path, key], visit));
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
  return `${nodes.join(',')};${lines.join(',')}`;
}

/**
 * The comma-separated numbers of a part of kept positions, one at a time: a new day places a few findings of a
 * file from the first nodes up to theirs, and splitting the whole string into numbers cost more than placing them.
 */
class Numbers {
  private at: number;
  constructor(
    private readonly text: string,
    start: number,
    private readonly end: number,
  ) {
    this.at = start;
  }

  get done(): boolean {
    return this.at >= this.end;
  }

  /** The next number; undefined at the end or at anything else than digits (then the positions are not kept ones). */
  next(): number | undefined {
    let at = this.at;
    const negative = this.text.charCodeAt(at) === 45; /* - */
    if (negative) at++;
    let value = 0;
    const first = at;
    for (let c = this.text.charCodeAt(at); at < this.end && c >= 48 && c <= 57; c = this.text.charCodeAt(++at)) value = value * 10 + c - 48;
    if (at === first || (at < this.end && this.text.charCodeAt(at) !== 44)) return undefined;
    this.at = at + 1;
    return negative ? -value : value;
  }
}

/**
 * The placed spans (offsets, lines and columns) of the anchors, from the kept positions of the same data;
 * undefined when the positions are not as keepPositions wrote them (the check reads the file for them).
 */
export function keptSpans(data: unknown, kept: KeptPositions, anchors: readonly PathAnchor[]): Spans | undefined {
  const split = typeof kept === 'string' ? kept.indexOf(';') : -1;
  if (split < 0) return undefined;
  const index = wantedSpans(data, new Numbers(kept, 0, split), wantedPaths(anchors));
  const starts = index && lineStartsOf(new Numbers(kept, split + 1, kept.length));
  if (!starts) return undefined;
  const spans: Spans = {};
  for (const anchor of anchors) {
    const span = resolveAnchor(anchor, index);
    const { line, column, endLine, endColumn } = toPosition(starts, span);
    spans[anchorKey(anchor)] = [span[0], span[1], line, column, endLine, endColumn];
  }
  return spans;
}

/** Where each line starts, from the kept lengths of the lines. */
function lineStartsOf(lengths: Numbers): number[] | undefined {
  const starts = [0];
  while (!lengths.done) {
    const length = lengths.next();
    if (length === undefined) return undefined;
    starts.push(starts.at(-1)! + length);
  }
  return starts;
}

/** The anchors' paths and every path above them: where an anchor may be placed (see resolveAnchor). */
function wantedPaths(anchors: readonly PathAnchor[]): Set<string> {
  const wanted = new Set<string>();
  for (const { path } of anchors) for (let depth = 0; depth <= path.length; depth++) wanted.add(pathKey(path.slice(0, depth)));
  return wanted;
}

/**
 * The index of the wanted nodes only. The data is walked in keepPositions' order, but a subtree no anchor is in
 * is stepped over by its count of nodes: a new day's few findings need a few spans, not the file's thousand.
 */
function wantedSpans(data: unknown, nodes: Numbers, wanted: ReadonlySet<string>): PositionIndex | undefined {
  const index: PositionIndex = {};
  let previous = 0;
  let whole = true;
  const node = (): [number, number, number, number] | undefined => {
    const [step, keyLength, gap, valueLength] = [nodes.next(), nodes.next(), nodes.next(), nodes.next()];
    if (valueLength === undefined) return undefined;
    previous += step!;
    return [previous, previous + keyLength!, previous + gap!, previous + gap! + valueLength];
  };
  const skip = (value: unknown) => {
    for (let n = countNodes(value); n > 0 && whole; n--) whole = node() !== undefined;
  };
  const visit = (value: unknown, key: string): void => {
    const span = node();
    if (!span) return void (whole = false);
    index[key] = span;
    for (const [step, item] of children(value)) {
      if (!whole) return;
      const below = childPathKey(key, step);
      if (wanted.has(below)) visit(item, below);
      else skip(item);
    }
  };
  visit(data, pathKey([]));
  return whole ? index : undefined;
}

/** A node's children with their keys, in the order JSON keeps them. */
function children(value: unknown): Array<[string | number, unknown]> {
  if (Array.isArray(value)) return value.map((item, i) => [i, item]);
  return typeof value === 'object' && value !== null ? Object.entries(value) : [];
}

/** How many nodes a value is: itself and all below it. */
function countNodes(value: unknown): number {
  let count = 1;
  if (Array.isArray(value)) for (const item of value) count += countNodes(item);
  else if (typeof value === 'object' && value !== null) for (const key in value) count += countNodes((value as Record<string, unknown>)[key]);
  return count;
}
