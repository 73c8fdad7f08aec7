/**
 * Data paths → source positions. Only files that have findings need positions, so the index is built on
 * demand from a `yaml` Document and is small enough to cache beside the data.
 */
import type { Anchor, DataPath } from '../findings.js';

/** Offsets of one node: [keyStart, keyEnd, valueStart, valueEnd]; the key pair is the value's for list items. */
export type NodeSpan = [number, number, number, number];

/** JSON-encoded data path → span. A plain object so it serialises into the cache as is. */
export type PositionIndex = Record<string, NodeSpan>;

export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * What each anchor of a file's findings points at, as the cache keeps it: offsets, and once placed (see
 * `placeSpans`) also line and column, so that a warm run need not read the file to show its findings.
 * Offset anchors (YAML-level findings) are kept under `offsetKey`.
 */
export type Span = [number, number] | [number, number, number, number, number, number];
export type Spans = Record<string, Span>;

export const offsetKey = (offset: number, endOffset: number) => `@${offset}-${endOffset}`;

/** The spans with their line and column, computed from the text they were found in. */
export function placeSpans(spans: Spans, text: string): Spans {
  let starts: number[] | undefined;
  const placed: Spans = {};
  for (const [key, span] of Object.entries(spans)) {
    if (span.length === 6) {
      placed[key] = span;
      continue;
    }
    const { line, column, endLine, endColumn } = toPosition((starts ??= lineStarts(text)), [span[0], span[1]]);
    placed[key] = [span[0], span[1], line, column, endLine, endColumn];
  }
  return placed;
}

export function pathKey(path: DataPath): string {
  return JSON.stringify(path);
}

/** A child's pathKey from its parent's, without serializing the whole path again (a cost per node). */
export const childPathKey = (parent: string, step: string | number): string => (parent === '[]' ? `[${JSON.stringify(step)}]` : `${parent.slice(0, -1)},${JSON.stringify(step)}]`);

/** An anchor on a data path (not on offsets: YAML's own findings). */
export type PathAnchor = Extract<Anchor, { path: unknown }>;

/** The spans of the given anchors in a file's position index. */
export function spansFor(index: PositionIndex, anchors: Iterable<PathAnchor>): Spans {
  const spans: Spans = {};
  for (const anchor of anchors) spans[anchorKey(anchor)] = resolveAnchor(anchor, index);
  return spans;
}

export function anchorKey(anchor: Extract<Anchor, { path: DataPath }>): string {
  return anchor.on === 'key' ? `${pathKey(anchor.path)}@key` : pathKey(anchor.path);
}

/**
 * The offsets an anchor points at. A path that is not in the document (a missing required field, a value
 * that came in through a merge key or alias) points at its nearest ancestor that is.
 */
export function resolveAnchor(anchor: Anchor, index: PositionIndex | undefined): [number, number] {
  if ('offset' in anchor) return [anchor.offset, anchor.endOffset];
  if (!index) return [0, 0];
  const onKey = anchor.on === 'key';
  for (let depth = anchor.path.length; depth >= 0; depth--) {
    const span = index[pathKey(anchor.path.slice(0, depth))];
    if (!span) continue;
    // A missing field is reported on its parent's key: that is where the PM would add it.
    if (onKey || depth < anchor.path.length) return [span[0], span[1]];
    return [span[2], span[3]];
  }
  return [0, 0];
}

/** Offsets of line starts, for offset → line/column without re-parsing. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  // Line breaks are LF, CRLF, and (old Mac files) a lone CR: YAML counts all three.
  const loneCR = /\r(?!\n)/.test(text);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (loneCR && c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** 1-based line and column (UTF-16 code units, as editors and SARIF count them) of an offset. */
export function lineColumn(starts: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

export function toPosition(starts: number[], [start, end]: [number, number]): Position {
  const from = lineColumn(starts, start);
  const to = lineColumn(starts, Math.max(end, start));
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}
