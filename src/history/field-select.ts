/**
 * `--field` selectors: `dates.forecast_end`, `budget` (and so all its fields), `risks[R1].probability`,
 * `milestones[M2]`, `status[-1].overall` (the last update), `status[0]`, `risks[*].probability` (every risk's).
 *
 * A selector is resolved in each of two versions and what it finds there is diffed: `status[-1].overall`
 * compares the last update before a commit with the last update after it, which is how a PM reads "the
 * project's RAG". Pure.
 */
import { UsageError } from '../errors.js';
import { ITEM_NAMES, diffFields, isItemList, isNone, isPlain, join, namingField, type FieldChange, type Plain } from './field-diff.js';

export type Step = { key: string } | { index: number } | { name: string } | { every: true };

export interface FieldSelector {
  /** As the user wrote it. */
  text: string;
  steps: Step[];
}

const KEY = /^[^.[\]\s"][^.[\]]*/;

/** Parses a selector; a UsageError says what is wrong with one that cannot be read. */
export function parseSelector(text: string): FieldSelector {
  const steps: Step[] = [];
  let rest = text.trim();
  const fail = (why: string) =>
    new UsageError(`--field ${JSON.stringify(text)}: ${why}; write a field path such as dates.forecast_end, risks[R1].probability or status[-1].overall`);
  while (rest !== '') {
    if (steps.length > 0 && rest.startsWith('.')) rest = rest.slice(1);
    else if (steps.length > 0 && !rest.startsWith('[')) throw fail(`'${rest}' cannot follow a field here`);
    if (rest.startsWith('[')) {
      const end = rest.startsWith('["') ? closingQuote(rest) : rest.indexOf(']');
      if (end < 0) throw fail('a [ has no ]');
      steps.push(bracketStep(rest.slice(1, end).trim(), fail));
      rest = rest.slice(end + 1);
      continue;
    }
    const key = KEY.exec(rest)?.[0];
    if (!key) throw fail(rest === '' || rest.startsWith('.') ? 'an empty field name' : `'${rest}' is not a field name`);
    steps.push({ key: key.trimEnd() });
    rest = rest.slice(key.length);
  }
  if (steps.length === 0) throw fail('it is empty');
  if (!('key' in steps[0]!)) throw fail('it must start with a field name');
  return { text: text.trim(), steps };
}

/** The index of the ] that closes `["..."]` (JSON string rules), or -1. */
function closingQuote(text: string): number {
  for (let i = 2; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return text[i + 1] === ']' ? i + 1 : -1;
  }
  return -1;
}

function bracketStep(inner: string, fail: (why: string) => Error): Step {
  if (inner === '') throw fail('[] names nothing: put an item id (R1), a position (0, -1 for the last) or * in it');
  if (inner === '*') return { every: true };
  if (/^-?\d+$/.test(inner)) return { index: Number(inner) };
  if (inner.startsWith('"')) return { key: JSON.parse(inner) as string };
  return { name: inner };
}

/** What a selector finds in two versions: each place it names, with the value before and after. */
export interface Selected {
  path: string;
  old: unknown;
  new: unknown;
}

export function selectPair(before: unknown, after: unknown, selector: FieldSelector): Selected[] {
  const out: Selected[] = [];
  visit(before, after, selector.steps, 0, '', out);
  return out;
}

function visit(before: unknown, after: unknown, steps: readonly Step[], at: number, path: string, out: Selected[]): void {
  const step = steps[at];
  if (!step) return void out.push({ path, old: before, new: after });
  const next = (b: unknown, a: unknown, p: string) => visit(b, a, steps, at + 1, p, out);
  if ('key' in step) return next(field(before, step.key), field(after, step.key), join(path, step.key));
  if ('index' in step) return next(listOf(before)[at0(step.index, before)], listOf(after)[at0(step.index, after)], `${path}[${step.index}]`);
  if ('name' in step) return next(byName(before, step.name), byName(after, step.name), `${path}[${step.name}]`);
  // Every item, named as the diff names them; items only one version has are still visited.
  const names = new Map<string, [unknown, unknown]>();
  const add = (list: unknown, side: 0 | 1, naming: string | undefined) =>
    listOf(list).forEach((item, i) => {
      const name = naming && isPlain(item) ? String(item[naming]) : String(i);
      const pair = names.get(name) ?? [undefined, undefined];
      pair[side] = item;
      names.set(name, pair);
    });
  const naming = sharedNaming(before, after);
  add(before, 0, naming);
  add(after, 1, naming);
  for (const [name, [b, a]] of names) next(b, a, `${path}[${name}]`);
}

const field = (value: unknown, key: string) => (isPlain(value) ? value[key] : undefined);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** A position from the end (-1: the last) as one from the start; past either end stays out of range. */
const at0 = (index: number, value: unknown) => (index < 0 ? listOf(value).length + index : index);

function byName(list: unknown, name: string): unknown {
  if (!isItemList(list)) return undefined;
  for (const key of ITEM_NAMES) {
    const item = list.find((candidate) => String(candidate[key] ?? '') === name);
    if (item) return item;
  }
  return undefined;
}

function sharedNaming(before: unknown, after: unknown): string | undefined {
  const b = isItemList(before) && before.length > 0 ? namingField(before) : undefined;
  const a = isItemList(after) && after.length > 0 ? namingField(after) : undefined;
  if (!isItemList(before) || before.length === 0) return a;
  if (!isItemList(after) || after.length === 0) return b;
  return a === b ? a : undefined;
}

/** The changes to the selected fields between two versions, in selector order, each path once. */
export function selectedChanges(before: unknown, after: unknown, selectors: readonly FieldSelector[]): FieldChange[] {
  const seen = new Set<string>();
  const out: FieldChange[] = [];
  for (const selector of selectors) {
    for (const place of selectPair(before, after, selector)) {
      for (const change of diffFields(place.old, place.new, place.path)) {
        if (!seen.has(change.path)) out.push(change);
        seen.add(change.path);
      }
    }
  }
  return out;
}

/** Whether a version has a value at any place the selector names. */
export function hasSelected(data: unknown, selector: FieldSelector): boolean {
  return selectPair(data, undefined, selector).some((place) => !isNone(place.old));
}

/** Every path in a version, down to its values: the candidates for a did-you-mean. */
export function pathsOf(data: unknown, prefix = '', out: string[] = []): string[] {
  if (prefix !== '') out.push(prefix);
  if (isPlain(data)) for (const [key, value] of Object.entries(data)) pathsOf(value, join(prefix, key), out);
  else if (isItemList(data)) {
    const naming = namingField(data);
    data.forEach((item: Plain, i) => pathsOf(item, `${prefix}[${naming ? String(item[naming]) : i}]`, out));
  }
  return out;
}
