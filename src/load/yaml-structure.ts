/**
 * What the `yaml` package parses without complaint but cannot turn into data, found before it tries:
 * a merge key (`<<`) whose value is not a map, an alias to one, or a list of those (its toJS throws a bare
 * "Merge sources must be maps" Error), and an alias inside the very node its anchor names
 * (`x: &r {a: *r}`), which toJS turns into a circular object that no JSON output can print, and a key that is
 * a list or a map (`? [a, b]`), which toJS turns into the text 'a,b'.
 * One walk of the document, in document order, so each alias resolves to the last anchor before it.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Document, type Node } from 'yaml';
import type { RawFinding } from '../findings.js';

type Range = [number, number];

export function structureFindings(doc: Document.Parsed, file: string): RawFinding[] {
  const anchors = new Map<string, Node>();
  const findings: RawFinding[] = [];
  const resolve = (node: unknown): unknown => (isAlias(node) ? anchors.get(node.source) : node);
  visit(doc, {
    Pair(_key, pair) {
      if (!isPair(pair)) return;
      if (isMap(pair.key) || isSeq(pair.key)) findings.push(complexKeyFinding(file, rangeOf(pair.key) ?? [0, 1]));
      if (!isMergeKey(pair.key)) return;
      const bad = badMergeSource(pair.value, resolve);
      if (bad) findings.push(mergeFinding(file, rangeOf(bad) ?? rangeOf(pair.key) ?? [0, 1]));
    },
    Node(_key, node) {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target?.range && node.range && node.range[0] >= target.range[0] && node.range[0] < target.range[1]) {
          findings.push(cycleFinding(file, node.source, [node.range[0], node.range[1]]));
        }
        return;
      }
      if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return findings;
}

/** The `yaml` package's own test: a plain `<<` (a quoted one is an ordinary key). */
function isMergeKey(key: unknown): boolean {
  if (!isScalar(key) || (key.type && key.type !== 'PLAIN')) return false;
  const value = key.value;
  return value === '<<' || (typeof value === 'symbol' && value.description === '<<');
}

/** The first part of a merge value that is not a map (through aliases), or undefined when all are. */
function badMergeSource(value: unknown, resolve: (node: unknown) => unknown): unknown {
  const source = resolve(value);
  if (source === undefined && isAlias(value)) return undefined; // an unknown anchor: the parser's own finding says so
  if (isSeq(source)) return source.items.find((item) => !isMap(resolve(item)) && !(isAlias(item) && resolve(item) === undefined));
  return isMap(source) ? undefined : (value ?? null);
}

/** Where a node is written; undefined for an empty value (`<<:` alone), which is shown at its key. */
function rangeOf(node: unknown): Range | undefined {
  const range = (node as { range?: number[] } | null)?.range;
  return range && range[1]! > range[0]! ? [range[0]!, range[1]!] : undefined;
}

/** A yaml/* finding at a range of the text. */
export function yamlFinding(rule: string, message: string, file: string, at: Range): RawFinding {
  return { rule, severity: 'error', message, file, at: { offset: at[0], endOffset: at[1] } };
}

const mergeFinding = (file: string, at: Range) =>
  yamlFinding('yaml/merge-key', 'a merge key (<<) takes a map, an alias to a map (<<: *defaults), or a list of those; write the fields out, or point it at an anchored map', file, at);

const complexKeyFinding = (file: string, at: Range) =>
  yamlFinding('yaml/complex-key', 'keys must be strings: this key is a list or a map (`? [a, b]`), which no PMO file uses; write a plain name', file, at);

const cycleFinding = (file: string, anchor: string, at: Range) =>
  yamlFinding('yaml/alias-cycle', `alias *${anchor} is inside the node its anchor &${anchor} names, so the value would contain itself; point it at an anchor defined outside this node`, file, at);

/**
 * Keys repeated in one map, as the `yaml` package's own `uniqueKeys` check would report them (code
 * DUPLICATE_KEY, at the repeated key), in one pass: the package compares every key with every other, which
 * takes seconds for a map of 20,000 keys. Scalar keys are compared by type and value (`1` and `"1"` differ);
 * merge keys are not keys.
 */
export function duplicateKeyErrors(doc: Document.Parsed): Array<{ code: string; message: string; pos: [number, number]; key: string; first?: number }> {
  const errors: Array<{ code: string; message: string; pos: [number, number]; key: string; first?: number }> = [];
  visit(doc, {
    Map(_key, map) {
      // Each key's first occurrence, for the message: the PM is told where the key they may mean to keep is.
      const seen = new Map<string, number | undefined>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key) || isMergeKey(key)) continue;
        const id = `${typeof key.value}:${String(key.value)}`;
        if (!seen.has(id)) {
          seen.set(id, rangeOf(key)?.[0]);
          continue;
        }
        const at = rangeOf(key) ?? [0, 1];
        errors.push({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', pos: at, key: String(key.value), first: seen.get(id) });
      }
    },
  });
  return errors;
}
