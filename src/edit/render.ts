/**
 * Plain values → YAML text for insertion into a PM's file, in the style FORMAT.md writes: block maps, short
 * lists of plain values in flow style (`next: [a, b]`), flow maps padded (`{ id: I1, title: x }`). The text
 * is spliced into the file, so it is rendered at column 0 with "\n" line ends; the caller indents it.
 */
import { Document, type Scalar, type YAMLSeq } from 'yaml';

export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

/** A list of plain values this long or shorter stays on one line. */
const FLOW_LIST_WIDTH = 80;

export const isCollection = (value: unknown): value is Plain[] | Record<string, Plain> => typeof value === 'object' && value !== null;

/**
 * One scalar, safe in any context (block or flow): quoted when YAML needs it. `quote` keeps the style the
 * replaced value had (a PM who wrote 'single quotes' keeps them).
 */
export function scalarText(value: string | number | boolean | null, quote?: Scalar.Type): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  const doc = new Document([value]);
  const seq = doc.contents as YAMLSeq<Scalar>;
  seq.flow = true;
  if (quote === 'QUOTE_SINGLE' || quote === 'QUOTE_DOUBLE') seq.items[0]!.type = quote;
  // Inside a flow list the renderer quotes what a flow context needs (commas, brackets), which a block context takes too.
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trim().slice(1, -1);
}

/** A value on one line: `[a, b]`, `{ id: R1, title: x }`. */
export function flowText(value: Plain): string {
  if (Array.isArray(value)) return `[${value.map(flowText).join(', ')}]`;
  if (isCollection(value)) {
    const entries = Object.entries(value).map(([k, v]) => `${scalarText(k)}: ${flowText(v)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return scalarText(value);
}

const isShortFlowList = (value: Plain[]) => value.every((v) => !isCollection(v) && !(typeof v === 'string' && v.includes('\n'))) && flowText(value).length <= FLOW_LIST_WIDTH;

/** A multi-line string as a literal block (`|-`), when it can be one without an indentation indicator. */
function literalBlock(value: string, step: number): string[] | undefined {
  if (!value.includes('\n') || /^[ \t]|[\r\t]/.test(value) || /[ ]\n/.test(value)) return undefined;
  const body = value.replace(/\n$/, '');
  if (body.includes('\n\n\n')) return undefined;
  const lines = body.split('\n').map((line) => (line === '' ? '' : `${' '.repeat(step)}${line}`));
  return [value.endsWith('\n') ? '|' : '|-', ...lines];
}

/** `key: value` lines of a map entry, at column 0. */
export function pairLines(key: string, value: Plain, step: number): string[] {
  const head = `${scalarText(key)}:`;
  if (Array.isArray(value)) {
    if (value.length === 0 || isShortFlowList(value)) return [`${head} ${flowText(value)}`];
    return [head, ...indent(blockLines(value, step), step)];
  }
  if (isCollection(value)) {
    if (Object.keys(value).length === 0) return [`${head} {}`];
    return [head, ...indent(blockLines(value, step), step)];
  }
  if (typeof value === 'string') {
    const block = literalBlock(value, step);
    if (block) return [`${head} ${block[0]}`, ...block.slice(1)];
  }
  return [`${head} ${value === null ? '' : scalarText(value)}`.trimEnd()];
}

/** A map or list in block style, at column 0. */
export function blockLines(value: Plain, step: number): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => itemLines(item, step));
  if (isCollection(value)) return Object.entries(value).flatMap(([k, v]) => pairLines(k, v, step));
  return [scalarText(value)];
}

/** One list item (`- ...`), at column 0, its content two columns in. */
export function itemLines(item: Plain, step: number, contentOffset = 2): string[] {
  const lines = Array.isArray(item) || (isCollection(item) && Object.keys(item).length > 0) ? blockLines(item, step) : [flowText(item)];
  const dash = `-${' '.repeat(contentOffset - 1)}`;
  return [`${dash}${lines[0]}`, ...indent(lines.slice(1), contentOffset)];
}

export function indent(lines: string[], by: number): string[] {
  const pad = ' '.repeat(by);
  return lines.map((line) => (line === '' ? line : `${pad}${line}`));
}
