import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  anchorKey,
  pathKey,
  resolveAnchor
} from "./chunk-5T6JFE2Z.js";
import {
  require_dist
} from "./chunk-L3UC3SYL.js";
import {
  __toESM
} from "./chunk-V4RWK56N.js";

// dist/load/position-index.js
var import_yaml = __toESM(require_dist(), 1);
function indexPositions(doc) {
  const index = {};
  const root = doc.contents;
  if (root?.range)
    index[pathKey([])] = [root.range[0], root.range[1], root.range[0], root.range[1]];
  walk(root, [], index);
  return index;
}
function walk(node, path, index) {
  if ((0, import_yaml.isMap)(node)) {
    for (const pair of node.items) {
      if (!(0, import_yaml.isPair)(pair) || !(0, import_yaml.isScalar)(pair.key) || !pair.key.range)
        continue;
      const keyRange = pair.key.range;
      const childPath = [...path, String(pair.key.value)];
      const value = pair.value;
      const valueRange = value?.range ?? [keyRange[0], keyRange[1]];
      index[pathKey(childPath)] = [keyRange[0], keyRange[1], valueRange[0], valueRange[1]];
      walk(value, childPath, index);
    }
  } else if ((0, import_yaml.isSeq)(node)) {
    node.items.forEach((item, i) => {
      const range = item?.range;
      if (!range)
        return;
      const childPath = [...path, i];
      index[pathKey(childPath)] = [range[0], range[1], range[0], range[1]];
      walk(item, childPath, index);
    });
  }
}
function spansFor(doc, anchors) {
  const index = indexPositions(doc);
  const spans = {};
  for (const anchor of anchors)
    spans[anchorKey(anchor)] = resolveAnchor(anchor, index);
  return spans;
}

export {
  indexPositions,
  spansFor
};
