/** Building position indexes needs the `yaml` package: only files with findings pay for it. */
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Anchor } from '../findings.js';
import { anchorKey, pathKey, resolveAnchor, type PositionIndex, type Spans } from './position.js';

export type PathAnchor = Extract<Anchor, { path: unknown }>;

/** Indexes every node of a document by its data path. */
export function indexPositions(doc: Document): PositionIndex {
  const index: PositionIndex = {};
  const root = doc.contents as Node | null;
  if (root?.range) index[pathKey([])] = [root.range[0], root.range[1], root.range[0], root.range[1]];
  walk(root, [], index);
  return index;
}

function walk(node: unknown, path: (string | number)[], index: PositionIndex): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
      const keyRange = pair.key.range;
      const childPath = [...path, String(pair.key.value)];
      const value = pair.value as Node | null;
      const valueRange = value?.range ?? [keyRange[0], keyRange[1]];
      index[pathKey(childPath)] = [keyRange[0], keyRange[1], valueRange[0], valueRange[1]];
      walk(value, childPath, index);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const range = (item as Node | null)?.range;
      if (!range) return;
      const childPath = [...path, i];
      index[pathKey(childPath)] = [range[0], range[1], range[0], range[1]];
      walk(item, childPath, index);
    });
  }
}

/** The spans of the given anchors in a parsed document. */
export function spansFor(doc: Document, anchors: Iterable<PathAnchor>): Spans {
  const index = indexPositions(doc);
  const spans: Spans = {};
  for (const anchor of anchors) spans[anchorKey(anchor)] = resolveAnchor(anchor, index);
  return spans;
}
