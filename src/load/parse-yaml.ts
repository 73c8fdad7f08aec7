/**
 * YAML text → data, with every problem a finding (never an exception).
 *
 * Two parsers, one meaning (YAML 1.2 core schema: dates stay strings, duplicate keys are errors, merge keys
 * work). js-yaml is ~8x faster and builds the data of the common, clean file; the `yaml` package parses
 * whatever js-yaml declines or may read differently, reports every error in a file rather than the first,
 * and gives the source positions that findings need. test/load/parse-differential.test.ts proves the two
 * agree on every fixture.
 */
import { parseAllDocuments, parseDocument, isAlias, visit, type Document } from 'yaml';
import type { RawFinding } from '../findings.js';
import { duplicateKeyErrors, structureFindings, yamlFinding } from './yaml-structure.js';
import type { ParseEvents } from './fast-positions.js';
import { fastPathAllows, parseFast } from './fast-parse.js';
import { independentErrors, withoutStacks, type YamlErrorLike } from './syntax-errors.js';

export { fastPathAllows, parseFast };

/** Aliases may expand to at most this many nodes per file (the `yaml` package's guard against billion laughs). */
export const MAX_ALIAS_COUNT = 100;

/** Options every `yaml` parse uses: YAML 1.2 core whatever a %YAML directive says, merge keys on. */
/** Duplicate keys are found by duplicateKeyErrors (linear); the package's own check is quadratic in a map's keys. */
export const YAML_OPTIONS = { schema: 'core', merge: true, prettyErrors: false, uniqueKeys: false } as const;

const CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})(?: .*)?$/gm;

export interface ParsedYaml {
  /** The document's data; undefined when the file has YAML errors (it is then not validated further). */
  data: unknown;
  /** yaml/* findings, anchored by offset. */
  findings: RawFinding[];
  /** Present when the `yaml` package parsed the text: positions can be read from it. */
  doc?: Document.Parsed;
  /** Present when the fast parser did: its events, from which positions can be read (see fast-positions.ts). */
  events?: ParseEvents;
}

/**
 * The `yaml` package does not take a lone CR (old Mac files) for a line break, as YAML and js-yaml do.
 * LF in its place keeps every offset where it was.
 */
const withLineFeeds = (text: string) => (text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text);

/** A document to read positions from (the fast parser built the data). */
export function parseForPositions(text: string): Document.Parsed {
  return parseDocument(withLineFeeds(text), YAML_OPTIONS);
}

/** Parses a file's text: the fast parser when it is safe, the full one otherwise. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const fast = fastPathAllows(text) ? parseFast(text, true) : undefined;
  // js-yaml reports only its first error: on any, the full parser finds them all.
  return fast ? { data: fast.data, findings: [], events: fast.events } : parseYamlFully(text, file);
}

/** Parses with the `yaml` package: all errors, positions, merge keys, capped aliases. */
export function parseYamlFully(text: string, file: string): ParsedYaml {
  const conflicts = conflictMarkers(text, file);
  const docs = parseOrOverflow(text);
  // The parser recursed past the stack (a thousand-item list indented with tabs does it): no document to read.
  if (docs === undefined) return { data: undefined, findings: [...conflicts, ...overflowFindings(text, file)] };
  // A trailing '---' with nothing after it is not a second document.
  const list = (Array.isArray(docs) ? docs : []).filter((d, i) => i === 0 || d.contents !== null || d.errors.length > 0);
  const doc = list[0];
  if (!doc) return { data: null, findings: conflicts };

  const findings: RawFinding[] = [...conflicts];
  if (list.length > 1) {
    const second = list[1]!;
    const message = `this file holds ${list.length} YAML documents separated by '---'; it must hold one: split them into separate files`;
    findings.push(yamlFinding('yaml/multi-document', message, file, [second.range[0], second.range[0] + 3]));
  }
  // With conflict markers in the file, the syntax errors they cause are noise: the markers are the news.
  // So are the errors a tab in the indentation causes on the lines after it: the tab is the news.
  if (conflicts.length === 0) {
    const errors = [...list.flatMap((d) => d.errors), ...duplicateKeyErrors(doc)];
    const tabs = errors.filter((e) => e.code === 'TAB_AS_INDENT');
    const told = tabs.length > 0 ? tabs : independentErrors(withLineFeeds(text), errors, doc, YAML_OPTIONS);
    for (const error of told) {
      const finding = yamlErrorFinding(error, file, text);
      // An overflow is one finding, however many times the parser met it on its way out.
      if (finding.rule !== 'yaml/too-deep' || !findings.some((f) => f.rule === 'yaml/too-deep')) findings.push(finding);
    }
  }
  if (findings.length === 0) findings.push(...structureFindings(doc, file));
  if (findings.length > 0) return { data: undefined, findings, doc };

  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), findings, doc };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const alias = firstAliasRange(doc) ?? [0, 1];
    if (!/excessive alias count/i.test(error.message)) {
      const message = `YAML syntax error: ${error.message.replace(/\.$/, '')}: an alias (*name) must refer to an anchor (&name) defined before it`;
      findings.push(yamlFinding('yaml/syntax', message, file, alias));
      return { data: undefined, findings, doc };
    }
    const message = `aliases in this file expand to more than ${MAX_ALIAS_COUNT} nodes (a "billion laughs" pattern); write the values out or use fewer nested aliases`;
    findings.push(yamlFinding('yaml/alias-limit', message, file, alias));
    return { data: undefined, findings, doc };
  }
}

/** The `yaml` package's documents, or undefined when its parser overflowed the stack instead of reporting an error. */
function parseOrOverflow(text: string) {
  try {
    return withoutStacks(() => parseAllDocuments(withLineFeeds(text), YAML_OPTIONS));
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** Lines indented with a tab: what made the parser overflow when there are any, as it reports them itself. */
const TAB_INDENT = /^ *\t/gm;

/** What to say of a file the parser could not get through: its tab-indented lines, or where it nests too deep. */
function overflowFindings(text: string, file: string): RawFinding[] {
  const tabs = [...text.matchAll(TAB_INDENT)].map((m) => {
    const at = m.index + m[0].length - 1;
    return yamlFinding('yaml/tab-indent', `Tabs are not allowed as indentation: ${ERROR_RULES.TAB_AS_INDENT!.hint}`, file, [at, at + 1]);
  });
  return tabs.length > 0 ? tabs : [tooDeep(file, tooDeepAt(text))];
}

/** Nesting no PMO file comes near: where a file passes it is where to point. */
const DEEP = 1000;

/**
 * Where the text first nests DEEP levels: of brackets and braces outside quotes and comments, else of
 * indentation (two spaces a level); the start when neither says.
 */
function tooDeepAt(text: string): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) i = text.indexOf('\n', i) >>> 0;
    else if (c === '[' || c === '{') {
      if (++depth === DEEP) return i;
    } else if (c === ']' || c === '}') depth--;
  }
  const indented = new RegExp(`^ {${2 * DEEP}}`, 'm').exec(text);
  return indented ? indented.index : 0;
}

const ERROR_RULES: Record<string, { rule: string; hint: string }> = {
  DUPLICATE_KEY: { rule: 'yaml/duplicate-key', hint: 'keep one of them: a later key would silently replace the earlier one' },
  TAB_AS_INDENT: { rule: 'yaml/tab-indent', hint: 'indent with spaces: YAML does not allow tabs for indentation' },
};

function yamlErrorFinding(error: YamlErrorLike, file: string, text: string): RawFinding {
  // The `yaml` package turns a stack overflow on hostile nesting ([[[[... thousands deep) into an error of its own.
  if (/call stack/i.test(error.message)) return tooDeep(file, error.pos[0]);
  const known = ERROR_RULES[error.code];
  const message = error.code === 'DUPLICATE_KEY' ? duplicateMessage(error, text) : error.message.replace(/\.$/, '');
  const at: [number, number] = [error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)];
  return yamlFinding(known?.rule ?? 'yaml/syntax', known ? `${message}: ${known.hint}` : `YAML syntax error: ${message}`, file, at);
}

/** Which key, and the line of its first occurrence (which is the one the PM may mean to keep). */
function duplicateMessage(error: YamlErrorLike & { key?: string; first?: number }, text: string): string {
  if (error.key === undefined || error.first === undefined) return error.message.replace(/\.$/, '');
  const line = text.slice(0, error.first).split('\n').length;
  return `key '${error.key}' appears twice in this map (first on line ${line})`;
}

const tooDeep = (file: string, offset: number) =>
  yamlFinding('yaml/too-deep', 'the YAML nests deeper than pmo can read (thousands of levels of [ or { or - ): no PMO file nests so deep; remove the nesting', file, [offset, offset + 1]);

function conflictMarkers(text: string, file: string): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const match of text.matchAll(CONFLICT_MARKER)) {
    const message = `git merge conflict marker '${match[1]}': this file is mid-merge; keep the lines you want, delete the markers, then check again`;
    findings.push(yamlFinding('yaml/merge-conflict', message, file, [match.index, match.index + match[0].length]));
  }
  return findings;
}

function firstAliasRange(doc: Document.Parsed): [number, number] | undefined {
  let range: [number, number] | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) range = [node.range[0], node.range[1]];
      return visit.BREAK;
    },
  });
  return range;
}
