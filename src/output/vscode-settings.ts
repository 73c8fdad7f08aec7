/**
 * `.vscode/settings.json`'s `yaml.schemas`, merged in place: the rest of the file (other settings, comments,
 * formatting) is kept byte for byte, so `pmo schema --vscode` can run on a file the PM has edited by hand.
 */
import { createScanner, findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { UsageError } from '../errors.js';

export const SETTINGS_FILE = '.vscode/settings.json';
const KEY = 'yaml.schemas';

export type SchemaMapping = Record<string, string[]>;

/** How VS Code reads settings.json: comments and trailing commas allowed. */
const JSONC = { allowTrailingComma: true, disallowComments: false } as const;

/**
 * The settings text with `mapping` merged into `yaml.schemas` (entries for other schemas are kept; ours are
 * replaced). The same text when nothing changes. Refuses (UsageError) rather than lose anything. Read with
 * jsonc-parser, VS Code's own; everything outside the setting is kept byte for byte.
 */
export function mergeYamlSchemas(text: string | undefined, mapping: SchemaMapping): string {
  if (text === undefined || text.trim() === '') return `${JSON.stringify({ [KEY]: mapping }, null, 4)}\n`;
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, JSONC);
  if (errors.length > 0 || !tree) {
    const first = errors[0];
    const where = first ? `${printParseErrorCode(first.error)} ${position(text, first.offset)}` : 'nothing to read';
    throw refusal(`is not valid JSON (${where}; comments and trailing commas are fine)`, mapping);
  }
  if (tree.type !== 'object') throw refusal('does not hold a JSON object', mapping);
  const node = findNodeAtLocation(tree, [KEY]);
  const existing: unknown = node && getNodeValue(node);
  if (existing !== undefined && !isPlainObject(existing)) throw refusal(`has a "${KEY}" that is not an object`, mapping);
  const merged = { ...existing, ...mapping };
  if (JSON.stringify(merged) === JSON.stringify(existing)) return text;
  // A comment inside the old value would be lost with it.
  if (node && hasComment(text.slice(node.offset, node.offset + node.length))) throw refusal(`has comments inside "${KEY}", which rewriting it would lose`, mapping);

  const members = tree.children ?? [];
  const unit = indentUnit(text, members[0]?.offset);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (node) {
    // The value replaced in place, indented as its key's line.
    const value = serialize(merged, unit, lineIndent(text, node.parent!.offset), eol);
    return text.slice(0, node.offset) + value + text.slice(node.offset + node.length);
  }
  // A new last member on its own line, after the last one's comma (added unless it has a trailing one) and
  // whatever comment ends its line: jsonc-parser's own insertion would put that comment after the new member.
  const close = tree.offset + tree.length - 1;
  const added = `${unit}${JSON.stringify(KEY)}: ${serialize(merged, unit, unit, eol)}`;
  const last = members.at(-1);
  if (!last) return `${text.slice(0, tree.offset + 1)}${eol}${added}${eol}${text.slice(close)}`;
  const end = last.offset + last.length;
  const between = text.slice(end, close);
  const comma = tokens(between).includes(5 /* CommaToken */);
  return `${text.slice(0, end)}${comma ? '' : ','}${between.trimEnd()}${eol}${added}${eol}${text.slice(close)}`;
}

/** The kinds of the tokens of a JSON text, comments included. */
function tokens(text: string): number[] {
  const scanner = createScanner(text, false);
  const kinds: number[] = [];
  for (let kind = scanner.scan(); kind !== 17 /* EOF */; kind = scanner.scan()) kinds.push(kind);
  return kinds;
}

function hasComment(text: string): boolean {
  return tokens(text).some((kind) => kind === 12 /* LineCommentTrivia */ || kind === 13 /* BlockCommentTrivia */);
}

/** The file's indentation step, from its first member's line (VS Code's default, four spaces, if none). */
function indentUnit(text: string, firstKey: number | undefined): string {
  const indent = firstKey === undefined ? '' : lineIndent(text, firstKey);
  return indent === '' ? '    ' : indent;
}

function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

function serialize(value: unknown, unit: string, indent: string, eol: string): string {
  return JSON.stringify(value, null, unit).replace(/\n/g, `${eol}${indent}`);
}

/** An offset as a PM's editor shows it. */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `at line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refusal(problem: string, mapping: SchemaMapping): UsageError {
  return new UsageError(
    `${SETTINGS_FILE} ${problem}, so pmo left it alone.\n` +
      `Add this to it by hand, or fix it and run pmo schema --vscode again:\n${JSON.stringify({ [KEY]: mapping }, null, 4)}`,
  );
}
