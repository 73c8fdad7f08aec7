/**
 * Positions from the fast parser's own events, so that a file with findings is not parsed a second time by the
 * `yaml` package (~6x slower) just to learn where its nodes are.
 *
 * js-yaml calls a listener when it opens and closes each node, with its state: where it is in the text, and the
 * node's kind and value. Those events, replayed as a tree, give every node's key and value offsets exactly as
 * `indexPositions` reads them from a `yaml` Document (test/load/fast-positions.test.ts holds the two equal on
 * the bench corpus, the fixtures and a list of odd cases). What the replay is not proven on (empty values,
 * tags, merge keys, keep-chomped block scalars, pairs inside flow sequences, a root that is not a mapping)
 * gives no index: the `yaml` package finds those positions, as before.
 */
import { childPathKey as childKey, pathKey, type NodeSpan, type PositionIndex } from './position.js';

/** What js-yaml's listener sees: the parser's state (only these fields are read). */
interface ParserState {
  position: number;
  kind: string | null;
  result: unknown;
}

/** The events of one parse, in order: for each, where it happened, and for a close, the node's kind and value. */
export interface ParseEvents {
  closes: boolean[];
  positions: number[];
  kinds: Array<string | null>;
  results: unknown[];
}

/** A listener for js-yaml's `load` that records its events. */
export function recordEvents(): { events: ParseEvents; listener: (event: 'open' | 'close', state: ParserState) => void } {
  const events: ParseEvents = { closes: [], positions: [], kinds: [], results: [] };
  const listener = (event: 'open' | 'close', state: ParserState) => {
    const close = event === 'close';
    events.closes.push(close);
    events.positions.push(state.position);
    events.kinds.push(close ? state.kind : null);
    events.results.push(close ? state.result : undefined);
  };
  return { events, listener };
}

/** A node as the events describe it. `end` stops where `yaml` ends the value; `contentEnd` before a block collection's line break. */
interface Node {
  start: number;
  end: number;
  contentEnd: number;
  kind: string | null;
  result: unknown;
  children: Node[];
  isKey: boolean;
}

/** The replay met something it is not proven on: the caller asks the `yaml` package instead. */
class Unproven extends Error {}

/** Every node's offsets by its data path, or undefined where the events cannot vouch for them (see above). */
export function positionsFromEvents(text: string, events: ParseEvents): PositionIndex | undefined {
  try {
    const root = contentOf(text, replay(text, events));
    if (root.kind !== 'mapping') return undefined;
    settleEnds(text, root);
    const rootKey = pathKey([]);
    const index: PositionIndex = { [rootKey]: [root.start, root.end, root.start, root.end] };
    indexNode(text, root, rootKey, index);
    return index;
  } catch (error) {
    if (error instanceof Unproven) return undefined;
    throw error;
  }
}

/** The events as a tree of nodes, each with its start (after the space and comments before it) and end. */
function replay(text: string, { closes, positions, kinds, results }: ParseEvents): Node {
  const top: Node = { start: 0, end: 0, contentEnd: 0, kind: null, result: undefined, children: [], isKey: false };
  const stack: Node[] = [top];
  const opens: number[] = [];
  for (let i = 0; i < closes.length; i++) {
    if (!closes[i]) {
      opens.push(positions[i]!);
      stack.push({ start: 0, end: 0, contentEnd: 0, kind: null, result: undefined, children: [], isKey: false });
      continue;
    }
    const node = stack.pop()!;
    node.kind = kinds[i]!;
    node.result = results[i];
    node.start = skipSeparation(text, opens.pop()!);
    node.end = node.kind === 'scalar' ? scalarEnd(text, node.start, positions[i]!) : positions[i]!;
    node.contentEnd = node.end;
    node.isKey = text.charCodeAt(skipBlanks(text, positions[i]!)) === COLON;
    stack[stack.length - 1]!.children.push(node);
  }
  const root = top.children[0];
  if (!root) throw new Unproven();
  return root;
}

/**
 * A node whose only event inside is the same value: js-yaml tries a block mapping's first key before it knows
 * whether there is a mapping at all, and keeps what it read when there is not. The inner event has the offsets.
 */
function contentOf(text: string, node: Node): Node {
  let inner = node;
  while (inner.children.length === 1 && inner.children[0]!.result === inner.result && inner.children[0]!.kind === inner.kind) inner = inner.children[0]!;
  if (inner.kind === null) throw new Unproven(); // an empty value or list item
  if (text.charCodeAt(inner.start) === BANG) throw new Unproven(); // a tag: `yaml` starts the node after it
  return inner;
}

/** A block collection ends, for `yaml`, after the line break (and the comment) that follows its last value. */
function settleEnds(text: string, node: Node): void {
  for (const child of node.children) settleEnds(text, contentOf(text, child));
  const opener = text.charCodeAt(node.start);
  const block = (node.kind === 'mapping' || node.kind === 'sequence') && opener !== BRACE && opener !== BRACKET;
  if (!block || node.children.length === 0) return;
  node.contentEnd = contentOf(text, node.children[node.children.length - 1]!).contentEnd;
  node.end = afterLine(text, node.contentEnd);
}


function indexNode(text: string, node: Node, key: string, index: PositionIndex): void {
  if (node.kind === 'mapping') indexMapping(text, node, key, index);
  else if (node.kind === 'sequence') indexSequence(text, node, key, index);
}

function indexMapping(text: string, node: Node, parentKey: string, index: PositionIndex): void {
  const keys = Object.keys(node.result as object);
  const children = node.children;
  let k = 0;
  for (let i = 0; i < children.length; i++) {
    const key = contentOf(text, children[i]!);
    const value = children[i + 1];
    // Each key is followed by its value (an empty one is unproven, above), in the order of the data's keys.
    if (!children[i]!.isKey || !value || value.isKey || String(key.result) !== keys[k] || keys[k] === '<<') throw new Unproven();
    const content = contentOf(text, value);
    const at = childKey(parentKey, keys[k++]!);
    index[at] = [key.start, key.end, content.start, content.end] satisfies NodeSpan;
    indexNode(text, content, at, index);
    i++;
  }
  if (k !== keys.length) throw new Unproven();
}

function indexSequence(text: string, node: Node, parentKey: string, index: PositionIndex): void {
  // `[a: 1]` makes a one-pair mapping per item with no event of its own: not replayed.
  if (node.children.length !== (node.result as unknown[]).length || node.children.some((c) => c.isKey)) throw new Unproven();
  node.children.forEach((child, i) => {
    const item = contentOf(text, child);
    const at = childKey(parentKey, i);
    index[at] = [item.start, item.end, item.start, item.end];
    indexNode(text, item, at, index);
  });
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const HASH = 35;
const COLON = 58;
const BANG = 33;
const BRACE = 123;
const BRACKET = 91;
const PIPE = 124;
const GREATER = 62;

/** Past spaces, line breaks and comments: where js-yaml's open event was, to where the node starts. */
function skipSeparation(text: string, at: number): number {
  let i = at;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB || c === LF || c === CR) i++;
    else if (c === HASH) while (i < text.length && text.charCodeAt(i) !== LF) i++;
    else return i;
  }
}

function skipBlanks(text: string, at: number): number {
  let i = at;
  while (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB) i++;
  return i;
}

/** Past the spaces, the comment and the line break after a value. */
function afterLine(text: string, at: number): number {
  let i = skipBlanks(text, at);
  if (text.charCodeAt(i) === HASH) while (i < text.length && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
  if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) return i + 2;
  return text.charCodeAt(i) === LF ? i + 1 : i;
}

/**
 * Where a scalar ends for `yaml`: a plain one before the spaces js-yaml read past; a block scalar (`|`, `>`)
 * after the line break of its last line that is not blank (a kept one, `|+`, is unproven).
 */
function scalarEnd(text: string, start: number, end: number): number {
  const first = text.charCodeAt(start);
  if (first !== PIPE && first !== GREATER) {
    let e = end;
    while (e > start && (text.charCodeAt(e - 1) === SPACE || text.charCodeAt(e - 1) === TAB)) e--;
    return e;
  }
  const lineEnd = text.indexOf('\n', start);
  const header = text.slice(start, lineEnd === -1 ? text.length : lineEnd);
  if (header.includes('+')) throw new Unproven();
  return lastContentLineEnd(text, start, end);
}

/** The offset after the line break of the last line with text in [start, end). */
function lastContentLineEnd(text: string, start: number, end: number): number {
  let lineEnd = end;
  while (lineEnd > start) {
    const lineStart = text.lastIndexOf('\n', lineEnd - 2) + 1;
    if (lineStart <= start || text.slice(lineStart, lineEnd).trim() !== '') return lineEnd;
    lineEnd = lineStart;
  }
  return lineEnd;
}
