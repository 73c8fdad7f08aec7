/** Building position indexes needs a parser's view of the text: only files with findings pay for it. */
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { fastPositions } from './fast-spans.js';
import { parseForPositions, type ParsedYaml } from './parse-yaml.js';
import { pathKey, type PositionIndex } from './position.js';

export { spansFor, type PathAnchor } from './position.js';

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

/**
 * Every node's offsets in a file's text: from its parse when that left a Document or events, else from the fast
 * parser's events (~6x cheaper than the `yaml` package), and from the `yaml` package where those cannot vouch.
 */
export function positionsOf(text: string, parsed?: ParsedYaml): PositionIndex {
  if (parsed?.doc) return indexPositions(parsed.doc);
  return fastPositions(text, parsed?.events) ?? indexPositions(parseForPositions(text));
}

