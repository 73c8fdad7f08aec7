/**
 * Versions of a file analyzed a top-level field at a time. A history run meets thousands of versions of the
 * same projects, and a week's edit changes one or two of a project's top-level fields (a status update
 * appended, a forecast moved): the text of each field is parsed and held to its schema again only when it
 * differs from the version of the file analyzed before. What comes out is what the whole file's analysis gives:
 * the same data, and the schema's issues in zod's order (test/history/sections.test.ts holds the two to it).
 *
 * A field that is a list of items (status updates, risks, milestones) is read the same way an item at a time:
 * a status update appended is the only item parsed.
 *
 * Only a plain block mapping is split: every line at column 0 a `key:`, a comment, or the `- ` of a list that
 * is the previous key's value. Anything else (anchors, documents, flow style at the top, quoted keys, text the
 * fast parser declines) is analyzed whole, as any file is; so is a list written in any other way than one
 * block item after another.
 */
import type { z } from 'zod';
import { fastPathAllows, parseFast } from '../load/parse-yaml.js';
import { isRecord } from '../model/labels.js';
import { SCHEMA_PARSE } from '../model/validate-file.js';
import { listItemSchema } from '../model/zod-walk.js';

type Issue = z.core.$ZodIssue;

/**
 * One top-level field as a version of the file has it. A list read an item at a time keeps its text as its
 * first line and its items' texts (`head` and `items`), not whole beside them: the items make most of a
 * project's text, and a history run holds every project's.
 */
interface Section {
  text?: string;
  head?: string;
  value: unknown;
  /** Its schema's issues, their paths from the file's root. */
  issues: Issue[];
  /** A list read an item at a time: its items. */
  items?: Item[];
}

/** An item of a list field. */
interface Item {
  text: string;
  value: unknown;
  /** Its schema's issues, their paths from the item. */
  issues: Issue[];
}

export interface SectionedFile {
  data: Record<string, unknown>;
  issues: Issue[];
}

/** A top-level key the split takes: a plain name, then the colon and a space or the line's end (matched where a line starts). */
const KEY_LINE = /([A-Za-z_][\w-]*):(?=[ \r\n]|$)/y;

export class SectionMemo {
  /** Per path, the sections of the version analyzed last, and the schema they were held to. */
  private readonly last = new Map<string, { schema: z.ZodObject; sections: Map<string, Section> }>();
  /** Per schema and set of keys: the issues of the fields a file lacks, and of the fields the schema lacks. */
  private readonly aside = new WeakMap<z.ZodObject, Map<string, Issue[]>>();

  /** The file's data and its schema's issues; undefined when it must be analyzed whole. */
  read(path: string, text: string, schema: z.ZodObject): SectionedFile | undefined {
    const split = splitSections(text);
    if (!split) return undefined;
    const previous = this.last.get(path);
    const known = previous?.schema === schema ? previous.sections : undefined;
    const shape = schema.shape as Record<string, z.ZodType>;
    const sections = (known ? undefined : wholeSections(text, split, schema)) ?? changedSections(split, shape, known);
    if (!sections) return undefined;
    this.last.set(path, { schema, sections });

    const data: Record<string, unknown> = {};
    for (const [key, section] of sections) data[key] = section.value;
    const aside = this.asideIssues(schema, data);
    const faulty = [...sections.values()].some((section) => section.issues.length > 0);
    if (!faulty && aside.length === 0) return { data, issues: [] };
    // In zod's order: the schema's fields in turn, then the keys it does not know.
    const issues: Issue[] = [];
    for (const key of Object.keys(shape)) {
      if (sections.has(key)) issues.push(...sections.get(key)!.issues);
      else issues.push(...aside.filter((issue) => issue.path[0] === key));
    }
    issues.push(...aside.filter((issue) => issue.path.length === 0));
    return { data, issues };
  }

  /**
   * What the schema says of the file's keys rather than their values: required fields it lacks, and keys the
   * schema does not know. The schema run on the unknown keys alone says both; it depends on the keys only.
   */
  private asideIssues(schema: z.ZodObject, data: Record<string, unknown>): Issue[] {
    let byKeys = this.aside.get(schema);
    if (!byKeys) this.aside.set(schema, (byKeys = new Map()));
    const keys = Object.keys(data);
    const id = keys.join('\0');
    let issues = byKeys.get(id);
    if (!issues) {
      const shape = schema.shape as Record<string, unknown>;
      const unknown = Object.fromEntries(keys.filter((key) => !Object.hasOwn(shape, key)).map((key) => [key, data[key]]));
      const all = schema.safeParse(unknown, SCHEMA_PARSE).error?.issues ?? [];
      // The fields the file has are held to the schema by their sections.
      issues = all.filter((issue) => issue.path.length === 0 || !Object.hasOwn(data, issue.path[0] as PropertyKey));
      byKeys.set(id, issues);
    }
    return issues;
  }
}

/** Each field of a version of a file: kept from the version before when its text is the same, else read anew. */
function changedSections(split: Array<[string, string]>, shape: Record<string, z.ZodType>, known: Map<string, Section> | undefined): Map<string, Section> | undefined {
  const sections = new Map<string, Section>();
  for (const [key, sectionText] of split) {
    const before = known?.get(key);
    const section = before && sameText(before, sectionText) ? before : readSection(key, sectionText, shape[key], before);
    if (!section) return undefined;
    sections.set(key, section);
  }
  return sections;
}

/**
 * The fields of the first version of a file read: the whole file parsed and held to its schema at once, its data
 * and issues then shared out to its fields and their items. A field or item at a time costs twice as much (a
 * parse and a schema run each), and a history run's first period reads every file this way. Undefined, to read
 * it a field at a time, when the whole does not share out as the fields would read: a key the split does not
 * have, an issue of the file as a whole (an unknown key), of a list as a whole, or items not the split's.
 */
export function wholeSections(text: string, split: Array<[string, string]>, schema: z.ZodObject): Map<string, Section> | undefined {
  // The fields' texts and strings are slices of one copy of the file (see ownCopy), kept while any of them is.
  const own = ownCopy(text);
  const parsed = parseFast(own);
  if (!parsed || !isRecord(parsed.data)) return undefined;
  const data = parsed.data;
  const keys = Object.keys(data);
  if (keys.length !== split.length || split.some(([key], i) => keys[i] !== key)) return undefined;
  const issues = schema.safeParse(data, SCHEMA_PARSE).error?.issues ?? [];
  if (issues.some((issue) => issue.path.length === 0 || !Object.hasOwn(data, issue.path[0] as PropertyKey))) return undefined;
  const shape = schema.shape as Record<string, z.ZodType>;
  const sections = new Map<string, Section>();
  let at = 0;
  for (const [key, { length }] of split) {
    const fieldIssues = issues.filter((issue) => issue.path[0] === key);
    const section = wholeSection(key, own.slice(at, (at += length)), data[key], shape[key], fieldIssues);
    if (!section) return undefined;
    sections.set(key, section);
  }
  return sections;
}

/** One field of a file parsed whole (see wholeSections), with its issues, their paths from the file's root. */
function wholeSection(key: string, text: string, value: unknown, field: z.ZodType | undefined, issues: Issue[]): Section | undefined {
  const itemTexts = field && listItemSchema(field) && splitItems(key, text);
  if (!itemTexts) return { text, value, issues };
  if (!Array.isArray(value) || value.length !== itemTexts.length) return undefined;
  if (issues.some((issue) => typeof issue.path[1] !== 'number')) return undefined;
  const items = itemTexts.map((itemText, index) => ({
    text: itemText,
    value: value[index],
    issues: issues.filter((issue) => issue.path[1] === index).map((issue) => ({ ...issue, path: issue.path.slice(2) })),
  }));
  return { head: headOf(text, itemTexts), value, issues, items };
}

/** A list field's text before its items: its key's line, and what comes before the first item. */
const headOf = (text: string, itemTexts: readonly string[]): string => text.slice(0, text.length - itemTexts.reduce((n, item) => n + item.length, 0));

/**
 * A top-level field read anew: a list of items an item at a time, with the items of the version before that
 * it still has; anything else whole. Undefined when the fast parser declines it, or reads something else than
 * the split promised.
 */
function readSection(key: string, text: string, field: z.ZodType | undefined, before: Section | undefined): Section | undefined {
  const itemSchema = field && listItemSchema(field);
  const itemTexts = itemSchema && splitItems(key, text);
  if (itemSchema && itemTexts) {
    const known = new Map(before?.items?.map((item) => [item.text, item]));
    const items: Item[] = [];
    for (const itemText of itemTexts) {
      let item = known.get(itemText);
      if (!item) {
        const own = ownCopy(itemText);
        const parsed = parseFast(own);
        if (!parsed || !Array.isArray(parsed.data) || parsed.data.length !== 1) return undefined;
        item = { text: own, value: parsed.data[0], issues: itemSchema.safeParse(parsed.data[0], SCHEMA_PARSE).error?.issues ?? [] };
      }
      items.push(item);
    }
    const issues = items.flatMap((item, index) => item.issues.map((issue) => ({ ...issue, path: [key, index, ...issue.path] })));
    return { head: ownCopy(headOf(text, itemTexts)), value: items.map((item) => item.value), issues, items };
  }
  const own = ownCopy(text);
  const parsed = parseFast(own);
  if (!parsed || !isRecord(parsed.data) || Object.keys(parsed.data).length !== 1 || !Object.hasOwn(parsed.data, key)) return undefined;
  const value = parsed.data[key];
  const issues = field?.safeParse(value, SCHEMA_PARSE).error?.issues ?? [];
  return { text: own, value, issues: issues.map((issue) => ({ ...issue, path: [key, ...issue.path] })) };
}

/**
 * Whether a field's text now is the text it had in the version before (see Section). Each part is compared as a
 * slice (no copy is made): `===` compares the characters at once, where `startsWith` at an offset went ~6x slower,
 * and a history run compares every unchanged item of every version it reads.
 */
function sameText(section: Section, text: string): boolean {
  if (section.text !== undefined) return section.text === text;
  let at = section.head!.length;
  if (text.slice(0, at) !== section.head) return false;
  for (const item of section.items!) {
    if (text.slice(at, (at += item.text.length)) !== item.text) return false;
  }
  return at === text.length;
}

/**
 * A string of its own. A slice of a file's text keeps all of the text alive, and so do the strings parsed from
 * it: a history run that kept a status update (its text, its data) for a year would keep every version of the
 * file in which an item first appeared, ~45 MB a thread on the bench's history.
 */
const ownCopy = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

/**
 * The items of a field written `key:` then one block item after another (`- ...` at one indentation, each
 * item's own lines indented further), each with its text; comments and blank lines go with the item before
 * (those before the first, with it). Undefined for a list written any other way, or anything else.
 */
export function splitItems(key: string, text: string): string[] | undefined {
  // The key's line says nothing more (the split made sure the text starts with `key:`).
  const eol = text.indexOf('\n');
  if (eol < 0 || text.slice(key.length + 1, eol).trim() !== '') return undefined;
  const header = eol + 1;
  const starts: number[] = [];
  let indent = -1;
  for (let at = header; at < text.length; ) {
    const next = text.indexOf('\n', at);
    const end = next < 0 ? text.length : next + 1;
    const content = contentAt(text, at, end);
    const depth = content - at;
    if (content === end || text.charCodeAt(content) === HASH) {
      // a comment or a blank line: part of the item it is in
    } else if (isDash(text, content) && (indent < 0 || depth === indent)) {
      indent = depth;
      starts.push(starts.length === 0 ? header : at);
    } else if (indent < 0 || depth <= indent) {
      return undefined;
    }
    at = end;
  }
  if (starts.length === 0) return undefined;
  return starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length));
}

/** The top-level fields of a plain block mapping, each with its text (the lines up to the next); else undefined. */
export function splitSections(text: string): Array<[string, string]> | undefined {
  if (!fastPathAllows(text)) return undefined;
  const sections: Array<[string, string]> = [];
  const keys = new Set<string>();
  let current: { key: string; start: number } | undefined;
  // Line by line, by offsets: a history run splits every version of every project it reads.
  for (let at = 0; at < text.length; ) {
    const next = text.indexOf('\n', at);
    const end = next < 0 ? text.length : next + 1;
    const first = text.charCodeAt(at);
    if (first === DASH && isDash(text, at)) {
      // A list at column 0 is the value of the key before it; before any key, the file is a list.
      if (!current) return undefined;
    } else if (!(first === SPACE && current) && !blankOrComment(text, at, end)) {
      KEY_LINE.lastIndex = at;
      const key = KEY_LINE.exec(text)?.[1];
      // The same key twice is the whole parse's finding to make; __proto__ would not be a plain field.
      if (key === undefined || keys.has(key) || key === '__proto__') return undefined;
      if (current) sections.push([current.key, text.slice(current.start, at)]);
      keys.add(key);
      current = { key, start: at };
    }
    at = end;
  }
  if (!current) return undefined;
  sections.push([current.key, text.slice(current.start)]);
  return sections;
}

const DASH = 0x2d;
const HASH = 0x23;
const SPACE = 0x20;

/** Where the line from `at` to `end` has its first character that is not white space (`end` for a blank line). */
function contentAt(text: string, at: number, end: number): number {
  let i = at;
  while (i < end && isWhiteSpace(text.charCodeAt(i))) i++;
  return i;
}

/** White space as String.prototype.trim takes it (and `\s`): the common ones by code, the rest by the regex. */
const isWhiteSpace = (code: number): boolean => code === SPACE || (code >= 0x09 && code <= 0x0d) || (code > 0x7f && /\s/.test(String.fromCharCode(code)));

/** A line of white space, or whose first character that is not is `#`. */
const blankOrComment = (text: string, at: number, end: number): boolean => {
  const content = contentAt(text, at, end);
  return content === end || text.charCodeAt(content) === HASH;
};

/** A `-` at `at` that starts a block item: followed by a space, a line's end, or the text's. */
function isDash(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== DASH) return false;
  const after = text.charCodeAt(at + 1);
  return Number.isNaN(after) || after === SPACE || after === 0x0d || after === 0x0a;
}
