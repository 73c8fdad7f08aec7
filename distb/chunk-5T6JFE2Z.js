import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// dist/load/position.js
function pathKey(path) {
  return JSON.stringify(path);
}
function anchorKey(anchor) {
  return anchor.on === "key" ? `${pathKey(anchor.path)}@key` : pathKey(anchor.path);
}
function resolveAnchor(anchor, index) {
  if ("offset" in anchor)
    return [anchor.offset, anchor.endOffset];
  if (!index)
    return [0, 0];
  const onKey = anchor.on === "key";
  for (let depth = anchor.path.length; depth >= 0; depth--) {
    const span = index[pathKey(anchor.path.slice(0, depth))];
    if (!span)
      continue;
    if (onKey || depth < anchor.path.length)
      return [span[0], span[1]];
    return [span[2], span[3]];
  }
  return [0, 0];
}
function lineStarts(text) {
  const starts = [0];
  const loneCR = /\r(?!\n)/.test(text);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || loneCR && c === 13 && text.charCodeAt(i + 1) !== 10)
      starts.push(i + 1);
  }
  return starts;
}
function lineColumn(starts, offset) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = low + high + 1 >> 1;
    if (starts[mid] <= offset)
      low = mid;
    else
      high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low] + 1 };
}
function toPosition(starts, [start, end]) {
  const from = lineColumn(starts, start);
  const to = lineColumn(starts, Math.max(end, start));
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

export {
  pathKey,
  anchorKey,
  resolveAnchor,
  lineStarts,
  toPosition
};
