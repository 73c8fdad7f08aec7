/**
 * Edits of a YAML file as splices of its text: a value is replaced where it stands, a key or a list item is
 * inserted as new lines; every other byte (comments, blank lines, key order, quoting, anchors, the column of
 * a trailing comment, line ends) is left as the PM wrote it. The `yaml` package's Document gives the places
 * (node ranges); it never re-serialises the file, which would reflow comments and spacing.
 *
 * Each edit is also applied to a plain copy of the data, and the result is parsed again and must give
 * exactly that data: a splice that would mean anything else (through an alias, an odd layout) is refused,
 * never written.
 */
import { isDeepStrictEqual } from 'node:util';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { EditError } from '../errors.js';
import { MAX_ALIAS_COUNT, YAML_OPTIONS } from '../load/parse-yaml.js';
import { blockLines, flowText, indent, isCollection, itemLines, pairLines, scalarText, type Plain } from './render.js';

export type EditPath = ReadonlyArray<string | number>;

type Range = [number, number, number];

const rangeOf = (node: Node): Range => node.range as Range;

/** Where in a map a new key goes: after the last of these keys the map has (default: at its end). */
export interface SetOptions {
  after?: readonly string[];
}

export class YamlEdit {
  private doc: Document.Parsed;
  private expected: unknown;
  private step: number;

  /** `text` without a BOM; `eol` the line end the file uses (inserted lines get it). */
  constructor(
    private text: string,
    private readonly eol: '\n' | '\r\n',
    private readonly file: string,
  ) {
    this.doc = this.parse(text);
    this.expected = this.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    this.step = indentStep(this.doc, text);
  }

  /** The data as it will be once the edits are made. */
  get data(): unknown {
    return this.expected;
  }

  /** The edited text: parsed again, it must give exactly the data the edits meant. */
  result(): string {
    const actual = this.parse(this.text).toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    if (!isDeepStrictEqual(actual, this.expected)) {
      throw new EditError(`pmo could not edit ${this.file} without changing more than it meant to (its layout is one pmo does not handle); nothing was written: make this change by hand, and please report it`);
    }
    return this.text;
  }

  /** Sets the value at `path`; missing keys (and maps above them) are added. */
  set(path: EditPath, value: Plain, options: SetOptions = {}): void {
    this.setText(path, value, options);
    setIn(this.expected, path, value);
    this.reparse();
  }

  /** Appends an item to the list at `path`, which is created when missing or empty. */
  append(path: EditPath, item: Plain): void {
    const node = this.resolve(path);
    if (node === undefined || (isScalar(node) && node.value === null)) return this.set(path, [item]);
    if (!isSeq(node)) throw this.refuse(path, 'is not a list');
    if (node.flow) this.appendFlow(node as YAMLSeq<Node>, path, item);
    else this.appendBlock(node as YAMLSeq<Node>, item);
    const list = getIn(this.expected, path) as Plain[];
    list.push(structuredClone(item));
    this.reparse();
  }

  private setText(path: EditPath, value: Plain, options: SetOptions): void {
    const key = path[path.length - 1]!;
    const parentPath = path.slice(0, -1);
    const parent = parentPath.length === 0 ? (this.doc.contents as Node | null) : this.resolve(parentPath);
    if (parent === undefined || parent === null || (isScalar(parent) && parent.value === null)) {
      if (typeof key !== 'string' || parentPath.length === 0) throw this.refuse(path, 'has no place to go');
      return this.setText(parentPath, { [key]: value }, options);
    }
    if (typeof key === 'number') {
      if (!isSeq(parent)) throw this.refuse(parentPath, 'is not a list');
      const item = (parent as YAMLSeq<Node>).items[key];
      if (!item || !isScalar(item) || isCollection(value)) throw this.refuse(path, 'is not a value pmo can replace');
      return this.replaceScalar(item, value as string | number | boolean, undefined);
    }
    if (!isMap(parent)) throw this.refuse(parentPath, 'is not a map');
    const pair = (parent as YAMLMap<Scalar, Node | null>).items.find((p) => isScalar(p.key) && p.key.value === key);
    if (!pair) return this.insertPair(parent as YAMLMap<Scalar, Node | null>, key, value, options);
    const current = pair.value;
    if (isAlias(current)) throw this.refuse(path, `is an alias (*${current.source}): changing it here would change what the anchor says`);
    const empty = !current || (isScalar(current) && current.value === null && rangeOf(current)[0] === rangeOf(current)[1]);
    if (isCollection(value)) {
      if (!empty) throw this.refuse(path, 'already has a value pmo would have to replace');
      return this.replaceEmptyWithCollection(pair as Pair<Scalar, Node | null>, parent as YAMLMap, value);
    }
    if (!current || !isScalar(current)) throw this.refuse(path, 'is a list or map, not a single value');
    if (current.anchor) throw this.refuse(path, `carries an anchor (&${current.anchor}) that aliases may repeat elsewhere`);
    this.replaceScalar(current, value, pair as Pair<Scalar, Node | null>);
  }

  /** Replaces a scalar's text, keeping its quoting, and a trailing comment in its column where it fits. */
  private replaceScalar(node: Scalar, value: string | number | boolean | null, pair: Pair<Scalar, Node | null> | undefined): void {
    const [start, end] = rangeOf(node);
    const rendered = scalarText(value, node.type);
    if (start === end && pair) {
      // `actual_end:` with nothing after the colon: the value goes right after it.
      const colon = this.text.indexOf(':', rangeOf(pair.key)[1]);
      return this.splice(colon + 1, colon + 1, ` ${rendered}`, true);
    }
    const old = this.text.slice(start, end);
    const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
    this.splice(start, end, block && old.endsWith('\n') ? `${rendered}${this.eol}` : rendered, !block);
  }

  /** `key:` (or `key: []`) becomes `key:` with a block map or list under it. */
  private replaceEmptyWithCollection(pair: Pair<Scalar, Node | null>, map: YAMLMap, value: Plain[] | Record<string, Plain>): void {
    const keyStart = rangeOf(pair.key)[0];
    const colon = this.text.indexOf(':', rangeOf(pair.key)[1]);
    const lines = map.flow ? [] : blockLines(value, this.step);
    if (map.flow || lines.length === 0 || pairLines('x', value, this.step).length === 1) return this.splice(colon + 1, this.valueEnd(pair), ` ${flowText(value)}`, true);
    const column = this.column(keyStart);
    const body = indent(lines, column + this.step).join(this.eol);
    // What followed the colon on its line (a comment) stays there.
    const lineEnd = this.lineEnd(colon);
    const rest = this.text.slice(this.valueEnd(pair), lineEnd);
    this.splice(colon + 1, lineEnd, `${rest}${this.eol}${body}`, false);
  }

  private valueEnd(pair: Pair<Scalar, Node | null>): number {
    const value = pair.value;
    return value && rangeOf(value)[0] !== rangeOf(value)[1] ? rangeOf(value)[1] : this.text.indexOf(':', rangeOf(pair.key)[1]) + 1;
  }

  private insertPair(map: YAMLMap<Scalar, Node | null>, key: string, value: Plain, options: SetOptions): void {
    const after = [...(options.after ?? [])].reverse().map((name) => map.items.find((p) => p.key.value === name)).find(Boolean);
    if (map.flow) {
      const last = after ?? map.items[map.items.length - 1];
      const at = last ? this.valueEnd(last as Pair<Scalar, Node | null>) : rangeOf(map as unknown as Node)[0] + 1;
      const text = `${scalarText(key)}: ${flowText(value)}`;
      return this.splice(at, at, last ? `, ${text}` : ` ${text} `, false);
    }
    const first = map.items[0];
    if (!first) throw this.refuse([key], 'belongs in an empty map');
    const column = this.column(rangeOf(first.key)[0]);
    const at = after ? this.afterNode(after.value ?? after.key) : this.lineStartAt(rangeOf(map as unknown as Node)[1]);
    this.insertLines(at, indent(pairLines(key, value, this.step), column));
  }

  private appendBlock(seq: YAMLSeq<Node>, item: Plain): void {
    const first = seq.items[0];
    if (!first) throw new EditError(`${this.file}: an empty block list pmo cannot place an item in`);
    const firstStart = rangeOf(first)[0];
    const lineStart = this.text.lastIndexOf('\n', firstStart - 1) + 1;
    const dash = lineStart + (this.text.slice(lineStart).match(/^ */)?.[0].length ?? 0);
    if (this.text[dash] !== '-') throw new EditError(`${this.file}: a list laid out in a way pmo does not edit; nothing was written`);
    const dashColumn = dash - lineStart;
    const sameLine = !this.text.slice(dash, firstStart).includes('\n');
    const contentOffset = sameLine ? firstStart - dash : 2;
    const last = seq.items[seq.items.length - 1]!;
    // A list written as one-line maps (`- { id: I1, ... }`) gets one more of those.
    const lines = isMap(last) && last.flow && isCollection(item) && !Array.isArray(item)
      ? [`-${' '.repeat(contentOffset - 1)}${flowText(item)}`]
      : itemLines(item, this.step, contentOffset);
    this.insertLines(this.lineStartAt(rangeOf(seq as unknown as Node)[1]), indent(lines, dashColumn));
  }

  private appendFlow(seq: YAMLSeq<Node>, path: EditPath, item: Plain): void {
    const last = seq.items[seq.items.length - 1];
    if (last) return this.splice(rangeOf(last)[1], rangeOf(last)[1], `, ${flowText(item)}`, false);
    // `key: []` with a first item: a block list when it is a map's block value, as the file's other lists are.
    const [start, end] = rangeOf(seq as unknown as Node);
    const parent = this.resolve(path.slice(0, -1));
    if (isCollection(item) && parent && isMap(parent) && !parent.flow) {
      const pair = (parent as YAMLMap<Scalar, Node | null>).items.find((p) => p.value === (seq as unknown as Node))!;
      const column = this.column(rangeOf(pair.key)[0]);
      const lineEnd = this.lineEnd(end);
      // A comment after `[]` keeps its column.
      const rest = this.text.slice(end, lineEnd).replace(/^ +(?=#)/, (spaces) => ' '.repeat(spaces.length + end - start + 1));
      const body = indent(itemLines(item, this.step), column + this.step).join(this.eol);
      return this.splice(start - 1, lineEnd, `${rest}${this.eol}${body}`, false);
    }
    this.splice(start + 1, end - 1, flowText(item), false);
  }

  /** Inserts whole lines at a line start (or at the end of a file that lacks its last line end). */
  private insertLines(at: number, lines: string[]): void {
    const lead = at > 0 && this.text[at - 1] !== '\n' ? this.eol : '';
    this.splice(at, at, `${lead}${lines.join(this.eol)}${this.eol}`, false);
  }

  /** The start of the line after a node that ends mid-line, or the node's end when it ends a line. */
  private afterNode(node: Node): number {
    return this.lineStartAt(rangeOf(node)[1]);
  }

  private lineStartAt(offset: number): number {
    if (offset === 0 || this.text[offset - 1] === '\n') return offset;
    const newline = this.text.indexOf('\n', offset);
    return newline < 0 ? this.text.length : newline + 1;
  }

  /** The offset of the line end (before "\r\n" or "\n") of the line holding `offset`. */
  private lineEnd(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    if (newline < 0) return this.text.length;
    return this.text[newline - 1] === '\r' ? newline - 1 : newline;
  }

  private column(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }

  /**
   * Replaces [start, end) with `replacement`. With `keepComment`, a comment later on the same line keeps its
   * column when the spaces before it allow (`forecast: 560000             # as the PM sees it`).
   */
  private splice(start: number, end: number, replacement: string, keepComment: boolean): void {
    let tailStart = end;
    let gap = '';
    if (keepComment) {
      const spaces = /^ +(?=#)/.exec(this.text.slice(end, this.lineEnd(end)))?.[0];
      if (spaces) {
        const grown = replacement.length - (end - start);
        gap = ' '.repeat(Math.max(1, spaces.length - grown));
        tailStart = end + spaces.length;
      }
    }
    this.text = `${this.text.slice(0, start)}${replacement}${gap}${this.text.slice(tailStart)}`;
  }

  private reparse(): void {
    this.doc = this.parse(this.text);
  }

  private parse(text: string): Document.Parsed {
    const doc = parseDocument(text, YAML_OPTIONS);
    if (doc.errors.length > 0) {
      throw new EditError(`pmo could not edit ${this.file}: the edit would not be valid YAML (${doc.errors[0]!.message}); nothing was written, please report it`);
    }
    return doc;
  }

  /** The node at a data path, or undefined where the path leaves the document. */
  private resolve(path: EditPath): Node | null | undefined {
    let node = this.doc.contents as Node | null;
    for (const [i, segment] of path.entries()) {
      if (isAlias(node)) throw this.refuse(path.slice(0, i), `is an alias (*${node.source}): changing it here would change what the anchor says`);
      if (typeof segment === 'number') {
        if (!isSeq(node)) return undefined;
        node = (node as YAMLSeq<Node>).items[segment] as Node | undefined ?? undefined!;
      } else {
        if (!isMap(node)) return undefined;
        const pair = (node as YAMLMap<Scalar, Node | null>).items.find((p) => isScalar(p.key) && p.key.value === segment);
        if (!pair) return undefined;
        node = pair.value;
      }
      if (node === undefined) return undefined;
    }
    return node;
  }

  private refuse(path: EditPath, why: string): EditError {
    return new EditError(`${this.file}: ${path.join('.') || 'the document'} ${why}; nothing was written: make this change by hand`);
  }
}

/** The indentation the file uses for nested maps (default 2): how far the first nested block map's keys sit in. */
function indentStep(doc: Document.Parsed, text: string): number {
  const root = doc.contents;
  if (!isMap(root) || root.flow) return 2;
  const column = (offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);
  for (const pair of (root as YAMLMap<Scalar, Node | null>).items) {
    const value = pair.value;
    if (!isMap(value) || value.flow) continue;
    const first = (value as YAMLMap<Scalar>).items[0];
    if (!first?.key?.range) continue;
    const step = column(rangeOf(first.key)[0]) - column(rangeOf(pair.key)[0]);
    if (step > 0) return step;
  }
  return 2;
}

function getIn(data: unknown, path: EditPath): unknown {
  let node = data;
  for (const segment of path) node = (node as Record<string | number, unknown> | undefined)?.[segment];
  return node;
}

function setIn(data: unknown, path: EditPath, value: Plain): void {
  let node = data as Record<string | number, unknown>;
  for (const segment of path.slice(0, -1)) {
    if (node[segment] === undefined || node[segment] === null) node[segment] = {};
    node = node[segment] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]!] = structuredClone(value);
}
